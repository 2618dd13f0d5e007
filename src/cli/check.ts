/** `phrg-brief check`: validate records, write nothing. */
import { hasErrors } from '../diagnostics/diagnostic.js';
import { checkRecords } from '../pipeline.js';
import { EXIT_ERRORS, EXIT_OK } from './exit-codes.js';
import { refuseWithoutRecords } from './no-records.js';
import { report, resolveConfig, type CommonOptions } from './report.js';

export interface CheckCommandOptions extends CommonOptions {
  strict?: boolean;
}

export async function runCheck(paths: string[], options: CheckCommandOptions): Promise<number> {
  const refused = await refuseWithoutRecords('check', paths, process.cwd());
  if (refused !== undefined) return refused;
  const { config, diagnostics: configDiagnostics } = await resolveConfig(options);
  if (!config) {
    await report(configDiagnostics, options.reporter, options.debug);
    return EXIT_ERRORS;
  }
  const result = await checkRecords({ paths, cwd: process.cwd(), config });
  const diagnostics = [...configDiagnostics, ...result.diagnostics, ...result.records.flatMap((record) => record.diagnostics)];
  await report(diagnostics, options.reporter, options.debug);
  const failed = hasErrors(diagnostics) || (options.strict === true && diagnostics.some((d) => d.severity === 'warning'));
  return failed ? EXIT_ERRORS : EXIT_OK;
}
