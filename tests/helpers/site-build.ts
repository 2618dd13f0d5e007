/**
 * A build run in this thread through the exported `buildSite`, as the CLI runs it but without
 * a subprocess: for tests of the build's logic (what is rendered again, what is written,
 * tidied or kept), where a CLI's start-up would cost more than the build. The CLI's own
 * behaviour (exit codes, the report, the summary line) stays tested through `runCli`.
 */
import { loadConfig } from '../../src/config/load.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { hasErrors } from '../../src/diagnostics/diagnostic.js';
import type { Format } from '../../src/render/formats.js';
import { buildSite, type BuildResult } from '../../src/site/build.js';

export interface BuildHereOptions {
  /** Record files or folders, relative to the project (default `meetings`). */
  paths?: string[];
  formats?: Format[];
  /** Output folder, relative to the project (default `dist`). */
  out?: string;
  force?: boolean;
  drafts?: boolean;
}

export interface BuiltHere {
  result: BuildResult;
  /** Every diagnostic, the config's, the build's and each record's, as the CLI reports them. */
  diagnostics: Diagnostic[];
  /** As the CLI's exit code would say: errors or not. */
  ok: boolean;
  /** How many records were built, unchanged and failed: the CLI's summary line, as numbers. */
  counts: { built: number; unchanged: number; failed: number };
}

/** `phrg-brief build` in `dir`, in this thread (one job: no worker threads). */
export async function buildHere(dir: string, options: BuildHereOptions = {}): Promise<BuiltHere> {
  const loaded = await loadConfig(dir);
  if (!loaded.config) throw new Error(`the config did not load: ${JSON.stringify(loaded.diagnostics)}`);
  const result = await buildSite({
    paths: options.paths ?? ['meetings'],
    cwd: dir,
    config: loaded.config,
    outDir: options.out ?? 'dist',
    formats: options.formats ?? loaded.config.formats,
    force: options.force ?? false,
    drafts: options.drafts ?? false,
    jobs: 1,
  });
  const diagnostics = [...loaded.diagnostics, ...result.diagnostics, ...result.records.flatMap((record) => record.diagnostics)];
  const count = (status: string): number => result.records.filter((record) => record.status === status).length;
  return { result, diagnostics, ok: !hasErrors(diagnostics), counts: { built: count('built'), unchanged: count('unchanged'), failed: count('failed') } };
}
