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
    if (!explicitFile) return { config: configDefaults(root), diagnostics: [] };
    return { diagnostics: [fileDiagnostic(explicitFile, { severity: 'error', rule: 'read-error', message: 'the config file does not exist' })] };
  }
  const { readConfigFile } = await import('./read.js');
  return readConfigFile(path);
}
