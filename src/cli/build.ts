/** `phrg-brief build`: validate records and write their briefings. */
import { hasErrors } from '../diagnostics/diagnostic.js';
import { buildBriefings, type Format } from '../pipeline.js';
import { EXIT_ERRORS, EXIT_OK } from './main.js';
import { report, resolveConfig, type CommonOptions } from './report.js';

export interface BuildCommandOptions extends CommonOptions {
  out: string;
  format: Format[];
}

export async function runBuild(paths: string[], options: BuildCommandOptions): Promise<number> {
  const { config, diagnostics: configDiagnostics } = await resolveConfig(options);
  if (!config) {
    await report(configDiagnostics, options.reporter);
    return EXIT_ERRORS;
  }
  const started = performance.now();
  const result = await buildBriefings({ paths, cwd: process.cwd(), config, outDir: options.out, formats: options.format });
  const diagnostics = [...configDiagnostics, ...result.diagnostics, ...result.records.flatMap((record) => record.diagnostics)];
  await report(diagnostics, options.reporter);

  const built = result.records.filter((record) => record.outputs.length > 0);
  const failed = result.records.length - built.length;
  if (options.reporter === 'pretty') {
    for (const record of built) process.stderr.write(`wrote ${record.outputs.join(', ')}\n`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  process.stderr.write(`built ${built.length} of ${result.records.length} ${result.records.length === 1 ? 'record' : 'records'}${failed > 0 ? `, ${failed} failed` : ''} in ${seconds} s\n`);
  return hasErrors(diagnostics) ? EXIT_ERRORS : EXIT_OK;
}
