/** One problem found in a file: plain data, the same shape in every stage and reporter. */
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** Path as the user named it (relative to the working directory where possible). */
  file: string;
  /** 1-based positions in the original file; columns count UTF-16 code units after any BOM. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  /** Rule id, e.g. `schema` or `unknown-speaker`. */
  rule: string;
  /** What was found and what was expected. */
  message: string;
  /** A suggestion, e.g. "did you mean JRCP?". */
  note?: string;
  /** For a failure of phrg-brief itself: the stack trace, which the pretty reporter shows under --debug. */
  stack?: string;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Sort by file, then position, so that reports read top to bottom. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);
}

import type { SourceText } from './source.js';

export interface DiagnosticInit {
  severity: Severity;
  rule: string;
  message: string;
  note?: string | undefined;
}

/** A diagnostic about a file as a whole (it cannot be read, or its problem has no place), at 1:1. */
export function fileDiagnostic(file: string, init: DiagnosticInit, line = 1): Diagnostic {
  const diagnostic: Diagnostic = {
    file,
    line,
    column: 1,
    endLine: line,
    endColumn: 1,
    severity: init.severity,
    rule: init.rule,
    message: bounded(init.message),
  };
  if (init.note !== undefined) diagnostic.note = bounded(init.note);
  return diagnostic;
}

/** A diagnostic over the offsets `[start, end)` of a file's text. */
export function diagnosticAt(file: string, source: SourceText, start: number, end: number, init: DiagnosticInit): Diagnostic {
  const span = source.spanOf(start, end);
  const diagnostic: Diagnostic = {
    file,
    line: span.start.line,
    column: span.start.column,
    endLine: span.end.line,
    endColumn: span.end.column,
    severity: init.severity,
    rule: init.rule,
    message: bounded(init.message),
  };
  if (init.note !== undefined) diagnostic.note = bounded(init.note);
  return diagnostic;
}

/** The longest message or note a diagnostic carries, in UTF-16 code units. */
export const MAX_MESSAGE_LENGTH = 300;

/**
 * A message or note cut to MAX_MESSAGE_LENGTH, its start and end kept around a … : messages
 * quote what the record says (a key, a name, a date as written), and a record may say
 * anything at any length; a message of 100 KB hides the rest of the report.
 */
export function bounded(text: string): string {
  if (text.length <= MAX_MESSAGE_LENGTH) return text;
  const tail = 80;
  let head = MAX_MESSAGE_LENGTH - tail - 3;
  let from = text.length - tail;
  // Never part a surrogate pair.
  if (/[\uD800-\uDBFF]/.test(text.charAt(head - 1))) head--;
  if (/[\uDC00-\uDFFF]/.test(text.charAt(from))) from++;
  return `${text.slice(0, head)} … ${text.slice(from)}`;
}
