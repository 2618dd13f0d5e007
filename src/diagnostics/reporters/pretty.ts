/**
 * The human reporter: `file:line:column  severity  message  rule`, a code frame with the span
 * underlined, and the note (summary.ts has the line that closes a run). Colour is the caller's decision.
 */
import { codeFrameColumns } from '@babel/code-frame';
import pc from 'picocolors';
import type { Diagnostic } from '../diagnostic.js';

export interface PrettyOptions {
  color: boolean;
  /** File text by path, for code frames; a file without text gets no frame. */
  sources?: ReadonlyMap<string, string>;
  /** --debug: show the stack trace of phrg-brief's own failures in place of the note. */
  debug?: boolean;
}

export function formatPretty(diagnostics: readonly Diagnostic[], options: PrettyOptions): string {
  const colors = pc.createColors(options.color);
  const blocks = diagnostics.map((d) => {
    const severity = d.severity === 'error' ? colors.red('error') : d.severity === 'warning' ? colors.yellow('warning') : colors.blue('info');
    const lines = [`${colors.bold(`${d.file}:${d.line}:${d.column}`)}  ${severity}  ${d.message}  ${colors.dim(d.rule)}`];
    const text = options.sources?.get(d.file);
    if (text !== undefined) {
      const end = d.endLine > d.line || d.endColumn > d.column ? { line: d.endLine, column: d.endColumn } : undefined;
      const frame = codeFrameColumns(
        text,
        { start: { line: d.line, column: d.column }, ...(end ? { end } : {}) },
        { highlightCode: false, forceColor: false, linesAbove: 1, linesBelow: 1 },
      );
      lines.push(indent(frame));
    }
    if (options.debug && d.stack) lines.push(`  ${colors.cyan('stack:')} ${d.stack}`);
    else if (d.note) lines.push(`  ${colors.cyan('note:')} ${d.note}`);
    return lines.join('\n');
  });
  return blocks.length === 0 ? '' : `${blocks.join('\n\n')}\n`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
