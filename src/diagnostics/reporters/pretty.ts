/**
 * The human reporter: `file:line:column  severity  message  rule`, a code frame with the span
 * underlined, and the note (summary.ts has the line that closes a run). Colour is the caller's decision.
 */
import { codeFrameColumns } from '@babel/code-frame';
import pc from 'picocolors';
import type { Diagnostic } from '../diagnostic.js';
import { codePoint } from '../code-point.js';

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
    const lines = [`${colors.bold(`${shownPlain(d.file)}:${d.line}:${d.column}`)}  ${severity}  ${shownPlain(d.message)}  ${colors.dim(d.rule)}`];
    const text = options.sources?.get(d.file);
    if (text !== undefined) {
      const frame = unseenShown(framed(text, d));
      lines.push(indent(codeFrameColumns(frame.text, frame.location, { highlightCode: false, forceColor: false, linesAbove: 1, linesBelow: 1 })));
    }
    if (options.debug && d.stack) lines.push(`  ${colors.cyan('stack:')} ${d.stack}`);
    else if (d.note) lines.push(`  ${colors.cyan('note:')} ${shownPlain(d.note)}`);
    return lines.join('\n');
  });
  return blocks.length === 0 ? '' : `${blocks.join('\n\n')}\n`;
}

/**
 * The widest line a code frame shows whole; a wider one is cut to this many characters. A
 * record's paragraph is often one long line, shown whole for its context; a hostile one of
 * 100 KB would hide the report.
 */
export const FRAME_WIDTH = 1000;

/**
 * Lines as a diagnostic counts them (diagnostics/source.ts): at line feeds alone. A line or
 * paragraph separator, which @babel/code-frame would also break at, is shown by its code
 * (unseenShown), so that the frame's lines stay the file's.
 */
const LINE_BREAK = /\r?\n/;

interface Frame {
  text: string;
  location: { start: { line: number; column: number }; end?: { line: number; column: number } };
}

/**
 * The text and span to frame. When a line of the frame is wider than FRAME_WIDTH (a hostile
 * record's 20,000 brackets, a table pasted on one line), only the frame's lines are kept, each
 * cut to one window of columns from a little before the diagnostic's column, with … where
 * text was cut: a frame shows where to look, and a line of 100 KB in a terminal hides it.
 * Lines above the frame stay, empty, so that the gutter keeps the file's line numbers.
 */
function framed(text: string, d: Diagnostic): Frame {
  const spans = d.endLine > d.line || d.endColumn > d.column;
  const start = { line: d.line, column: d.column };
  const whole: Frame = { text, location: spans ? { start, end: { line: d.endLine, column: d.endColumn } } : { start } };
  const lines = text.split(LINE_BREAK);
  const first = Math.max(1, d.line - 1);
  const last = Math.min(lines.length, Math.max(d.line, d.endLine) + 1);
  const shown = lines.slice(first - 1, last);
  if (shown.every((line) => line.length <= FRAME_WIDTH)) return whole;

  const from = Math.max(0, d.column - 1 - FRAME_WIDTH / 4);
  const cut = (line: string): string =>
    (from > 0 && line.length > from ? '…' : '') + line.slice(from, from + FRAME_WIDTH) + (line.length > from + FRAME_WIDTH ? '…' : '');
  /** A column of `line` in its cut form, kept inside it. */
  const column = (line: string, at: number): number => {
    const shifted = at - from + (from > 0 && line.length > from ? 1 : 0);
    return Math.min(Math.max(shifted, 1), cut(line).length + 1);
  };
  const kept = [...Array.from({ length: first - 1 }, () => ''), ...shown.map(cut)];
  const location: Frame['location'] = { start: { line: d.line, column: column(lines[d.line - 1] ?? '', d.column) } };
  if (spans) location.end = { line: d.endLine, column: column(lines[d.endLine - 1] ?? '', d.endColumn) };
  return { text: kept.join('\n'), location };
}

/**
 * Characters no terminal shows, or that reorder what it shows (a soft hyphen, a zero-width
 * space, a bidirectional control), or that a terminal obeys (an escape, a backspace: a record
 * could rewrite the report, or the clipboard), as `<U+00AD>` in the frame, its marks moved to
 * match: the frame of `(J­C)`, which is no attribution, shows why. Joiners that emoji and Persian
 * are written with (U+200C, U+200D) are left as they are, and so is a tab.
 */
const UNSEEN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B\u200E\u200F\u2028\u2029\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

const codeOf = (char: string): string => `<${codePoint(char)}>`;

/** A file name, message or note with the characters of UNSEEN by their codes: they may quote a record. */
const shownPlain = (text: string): string => text.replace(UNSEEN, codeOf);

function unseenShown(frame: Frame): Frame {
  if (frame.text.search(UNSEEN) === -1) return frame;
  const lines = frame.text.split(LINE_BREAK);
  // Each one shown takes the room of its code, seven columns more than it did.
  const moved = (point: { line: number; column: number }) => {
    const before = (lines[point.line - 1] ?? '').slice(0, point.column - 1).match(UNSEEN)?.length ?? 0;
    return { line: point.line, column: point.column + 7 * before };
  };
  const { start, end } = frame.location;
  return { text: lines.map((line) => line.replace(UNSEEN, codeOf)).join('\n'), location: { start: moved(start), ...(end ? { end: moved(end) } : {}) } };
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
