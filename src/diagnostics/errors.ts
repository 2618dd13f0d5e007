/** Diagnostics for failures that are not a record's fault: a template, or phrg-brief itself. */
import { TemplateError } from '../compose/template-files.js';
import { fileDiagnostic, type Diagnostic } from './diagnostic.js';
import { errorMessage } from './error-message.js';
import { displayPath } from './paths.js';

export { errorMessage } from './error-message.js';

export function internalError(file: string, error: unknown): Diagnostic {
  const diagnostic = fileDiagnostic(file, {
    severity: 'error',
    rule: 'internal-error',
    message: `phrg-brief failed on this file: ${errorMessage(error)}`,
    note: 'run again with --debug for the stack trace, and report it',
  });
  // The stack trace is for whoever fixes phrg-brief: the pretty reporter shows it only with --debug.
  if (error instanceof Error && error.stack) diagnostic.stack = error.stack;
  return diagnostic;
}

/** An output that could not be written (`code`, the system's reason): the folder's fault, not phrg-brief's. */
export function writeErrorDiagnostic(file: string, what: string, code: string): Diagnostic {
  return fileDiagnostic(file, {
    severity: 'error',
    rule: 'write-error',
    message: `cannot write ${what} (${code})`,
    note: 'check that the folder is writable, has room, and holds no folder of that name',
  });
}

export function templateDiagnostic(error: unknown, cwd: string): Diagnostic {
  const file = error instanceof TemplateError ? displayPath(error.file, cwd) : 'templates';
  const detail = errorMessage(error);
  const line = error instanceof TemplateError && error.line !== undefined ? error.line : Number(/line (\d+)/.exec(detail)?.[1] ?? 1);
  const diagnostic = fileDiagnostic(file, { severity: 'error', rule: 'template', message: detail.split('\n')[0] ?? detail }, line);
  if (error instanceof TemplateError && error.column !== undefined) {
    diagnostic.column = error.column;
    diagnostic.endColumn = error.column + 1;
  }
  return diagnostic;
}
