/** The machine reporter: a JSON array of diagnostics in the one Diagnostic shape. */
import type { Diagnostic } from '../diagnostic.js';

export function formatJson(diagnostics: readonly Diagnostic[]): string {
  const ordered = diagnostics.map((d) => ({
    file: d.file,
    line: d.line,
    column: d.column,
    endLine: d.endLine,
    endColumn: d.endColumn,
    severity: d.severity,
    rule: d.rule,
    message: d.message,
    ...(d.note === undefined ? {} : { note: d.note }),
  }));
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
