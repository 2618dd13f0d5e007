/**
 * The project's config: phrg-brief.yaml from the project root, read and checked, or every
 * default when there is none (its parser and schema then never load).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { CONFIG_FILE, configDefaults } from './defaults.js';
import type { ResolvedConfig } from './schema.js';

export interface ConfigResult {
  config?: ResolvedConfig;
  diagnostics: Diagnostic[];
}

export async function loadConfig(root: string, explicitFile?: string): Promise<ConfigResult> {
  const path = explicitFile ? resolve(explicitFile) : join(root, CONFIG_FILE);
  if (!existsSync(path)) {
    if (!explicitFile) return { config: configDefaults(root), diagnostics: misnamedConfig(root) };
    return { diagnostics: [fileDiagnostic(explicitFile, { severity: 'error', rule: 'read-error', message: 'the config file does not exist' })] };
  }
  const { readConfigFile } = await import('./read.js');
  return readConfigFile(path);
}

/** A config saved under another name phrg-brief does not read (`phrg-brief.yml`): said, not passed over. */
function misnamedConfig(root: string): Diagnostic[] {
  const found = ['phrg-brief.yml', 'phrg-brief.YAML', '.phrg-brief.yaml', 'phrg-brief.yaml.txt'].find((name) => existsSync(join(root, name)));
  if (found === undefined) return [];
  return [
    fileDiagnostic(found, {
      severity: 'warning',
      rule: 'skipped-file',
      message: `this file is not read: phrg-brief's settings are read from ${CONFIG_FILE}, and the defaults were used`,
      note: `rename it to ${CONFIG_FILE}`,
    }),
  ];
}
