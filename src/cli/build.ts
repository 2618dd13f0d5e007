/** `phrg-brief build`: validate records, write their briefings and the archive site. */
import { hasErrors } from '../diagnostics/diagnostic.js';
import type { Format } from '../pipeline.js';
import { buildSite } from '../site/build.js';
import { EXIT_ERRORS, EXIT_OK } from './main.js';
import { Progress } from './progress.js';
import { report, resolveConfig, type CommonOptions } from './report.js';

export interface BuildCommandOptions extends CommonOptions {
  out: string;
  format?: Format[];
  force?: boolean;
  drafts?: boolean;
  jobs?: number;
}

export async function runBuild(paths: string[], options: BuildCommandOptions): Promise<number> {
  const { config, diagnostics: configDiagnostics } = await resolveConfig(options);
  if (!config) {
    await report(configDiagnostics, options.reporter);
    return EXIT_ERRORS;
  }
  const started = performance.now();
  const progress = new Progress(process.stderr, options.reporter === 'pretty');
  const result = await buildSite({
    paths,
    cwd: process.cwd(),
    config,
    outDir: options.out,
    formats: options.format ?? config.formats,
    force: options.force ?? false,
    drafts: options.drafts ?? false,
    ...(options.jobs ? { jobs: options.jobs } : {}),
    onRecord: (event) => progress.update(event),
  });
  progress.done();

  const diagnostics = [...configDiagnostics, ...result.diagnostics, ...result.records.flatMap((record) => record.diagnostics)];
  await report(diagnostics, options.reporter);

  const count = (status: string) => result.records.filter((record) => record.status === status).length;
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const parts = [`built ${count('built')}`, `unchanged ${count('unchanged')}`, `failed ${count('failed')}`];
  if (count('draft') > 0) parts.push(`drafts left out ${count('draft')}`);
  if (result.removed.length > 0) parts.push(`removed ${result.removed.length} old ${result.removed.length === 1 ? 'file' : 'files'}`);
  process.stderr.write(`${parts.join(', ')} in ${seconds} s → ${options.out}/\n`);
  return hasErrors(diagnostics) ? EXIT_ERRORS : EXIT_OK;
}
