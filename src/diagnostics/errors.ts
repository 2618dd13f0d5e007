/** Diagnostics for failures that are not a record's fault: a template, or phrg-brief itself. */
import { TemplateError } from '../compose/template-files.js';
import { displayPath } from '../load/discover.js';
import type { Diagnostic } from './diagnostic.js';

export function internalError(file: string, error: unknown): Diagnostic {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    file,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    severity: 'error',
    rule: 'internal-error',
    message: `phrg-brief failed on this file: ${detail}`,
    // The stack trace is for whoever fixes phrg-brief, so only with --debug.
    note: process.env.PHRG_BRIEF_DEBUG && error instanceof Error ? String(error.stack) : 'run again with --debug for the stack trace, and report it',
  };
}

export function templateDiagnostic(error: unknown, cwd: string): Diagnostic {
  const file = error instanceof TemplateError ? displayPath(error.file, cwd) : 'templates';
  const detail = error instanceof Error ? error.message : String(error);
  const line = /line (\d+)/.exec(detail);
  const lineNumber = line ? Number(line[1]) : 1;
  return {
    file,
    line: lineNumber,
    column: 1,
    endLine: lineNumber,
    endColumn: 1,
    severity: 'error',
    rule: 'template',
    message: detail.split('\n')[0] ?? detail,
  };
}
