/** What build and check share: reading the config, and printing problems the chosen way. */
import { realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadConfig } from '../config/load.js';
import type { ResolvedConfig } from '../config/schema.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { compareDiagnostics } from '../diagnostics/diagnostic.js';
import type { ReporterName } from '../diagnostics/reporters/index.js';
import { summary } from '../diagnostics/reporters/summary.js';
import { decodeRecord } from '../load/decode.js';
import type { ConfigOption, DebugOption, ReporterOption } from './options.js';
import { processOutput, type Output } from './output.js';

/** The options of the commands that read records and report on them (build and check). */
export type CommonOptions = ConfigOption & DebugOption & ReporterOption;

export async function resolveConfig(options: CommonOptions): Promise<{ config?: ResolvedConfig; diagnostics: Diagnostic[] }> {
  return loadConfig(process.cwd(), options.config);
}

/**
 * Prints the report on stdout and the summary on stderr; `debug` adds stack traces to the pretty
 * one. Files are named relative to `cwd`, where the pretty reporter reads them for code frames.
 */
export async function report(
  diagnostics: readonly Diagnostic[],
  reporter: ReporterName,
  debug = false,
  out: Output = processOutput,
  cwd = process.cwd(),
): Promise<void> {
  const sorted = [...diagnostics].sort(compareDiagnostics);
  const color = reporter === 'pretty' && out.color;
  // The reporters (and the code frames) load only when there is something to report, or a
  // machine reporter's empty list to print.
  if (sorted.length > 0 || reporter !== 'pretty') {
    const { formatDiagnostics, fromWorkspace } = await import('../diagnostics/reporters/index.js');
    const sources = reporter === 'pretty' ? await readSources(sorted, cwd) : undefined;
    const workspace = realWorkspace(process.env.GITHUB_WORKSPACE);
    const named = reporter === 'github' && workspace ? fromWorkspace(sorted, workspace, cwd) : sorted;
    const text = formatDiagnostics(reporter, named, { color, debug, ...(sources ? { sources } : {}) });
    if (text) out.stdout(text);
  }
  if (sorted.length > 0 || reporter === 'pretty') out.stderr(`${summary(sorted)}\n`);
}

/**
 * GITHUB_WORKSPACE with its links resolved, as the working folder is: a self-hosted runner's
 * work folder is often reached through a symbolic link, and files would then be named from
 * the wrong place.
 */
function realWorkspace(workspace: string | undefined): string | undefined {
  if (!workspace) return undefined;
  try {
    return realpathSync(workspace);
  } catch {
    return workspace;
  }
}

async function readSources(diagnostics: readonly Diagnostic[], cwd: string): Promise<Map<string, string>> {
  const sources = new Map<string, string>();
  for (const file of new Set(diagnostics.map((d) => d.file))) {
    try {
      const decoded = decodeRecord(await readFile(resolve(cwd, file)));
      if (decoded.ok) sources.set(file, decoded.text);
    } catch {
      // No frame for a file that cannot be read; its diagnostic already says so.
    }
  }
  return sources;
}
