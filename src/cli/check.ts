/** `phrg-brief check`: validate records, write nothing. */
import { loadConfig } from '../config/load.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { checkRecords } from '../pipeline.js';
import { EXIT_ERRORS, EXIT_OK } from './exit-codes.js';
import { refuseWithoutRecords } from './no-records.js';
import { processOutput, type Output } from './output.js';
import { report, type CommonOptions } from './report.js';

export interface CheckCommandOptions extends CommonOptions {
  strict?: boolean;
}

export async function runCheck(paths: string[], options: CheckCommandOptions): Promise<number> {
  const refused = await refuseWithoutRecords('check', paths, process.cwd());
  if (refused !== undefined) return refused;
  return checkPaths(paths, process.cwd(), options, processOutput);
}

/**
 * The check of `paths` (relative to `cwd`) once there are records to check: prints what
 * `check` prints to `out` and returns its exit code.
 */
export async function checkPaths(paths: string[], cwd: string, options: CheckCommandOptions, out: Output): Promise<number> {
  const { config, diagnostics: configDiagnostics } = await loadConfig(cwd, options.config);
  if (!config) {
    await report(configDiagnostics, options.reporter, options.debug, out, cwd);
    return EXIT_ERRORS;
  }
  const result = await checkRecords({ paths, cwd, config });
  const diagnostics = [...configDiagnostics, ...result.diagnostics, ...result.records.flatMap((record) => record.diagnostics)];
  await report(diagnostics, options.reporter, options.debug, out, cwd);
  const failed = hasErrors(diagnostics) || (options.strict === true && diagnostics.some((d) => d.severity === 'warning'));
  return failed ? EXIT_ERRORS : EXIT_OK;
}
