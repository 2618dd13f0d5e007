/**
 * A fast path for the plainest GitHub tables, as plain-markdown.ts is for paragraphs and
 * points: a section that is one table and nothing else, every row written `| a | b |` from
 * the margin, the same number of cells in each, and every cell plain words. micromark's table
 * parse of such a section cost more than the rest of its record's body (profiled, 1,000
 * records); this builds the same tree directly. Anything else — a cell that is empty or holds
 * inline syntax or an address, a row without its outer pipes, ragged rows, indentation, a lazy
 * line — answers
 * `undefined`, and the caller parses with remark. The tests hold the trees equal, positions
 * included, on every record of the repository and on many thousands of generated ones.
 */
import type { AlignType, Root, Table, TableCell, TableRow } from 'mdast';
import type { Point } from 'unist';

/**
 * Characters that can open inline syntax, escape, or end a cell; controls and tabs; and what
 * a GFM autolink literal needs (`www.`, a URL, an e-mail address).
 */
const NOT_PLAIN = /[\\`*_[\]!<>&#|~@\0-\x09\x0b-\x1f\x7f]|www\.|https?:|mailto:|xmpp:/i;

const DELIMITER = /^ *(:?)-+(:?) *$/;

export function parsePlainTable(markdown: string): Root | undefined {
  const lines = markdown.split('\n');
  // The table, then only the section's closing blank lines.
  let count = lines.length;
  while (count > 0 && lines[count - 1] === '') count--;
  if (count < 2) return undefined;

  const cellsOf = (line: string): string[] | undefined =>
    line.length >= 2 && line.startsWith('|') && line.endsWith('|') ? line.slice(1, -1).split('|') : undefined;
  const delimiters = cellsOf(lines[1]!);
  const width = delimiters?.length;
  if (!delimiters || !width) return undefined;
  const align: AlignType[] = [];
  for (const cell of delimiters) {
    const match = DELIMITER.exec(cell);
    if (!match) return undefined;
    align.push(match[1] && match[2] ? 'center' : match[1] ? 'left' : match[2] ? 'right' : null);
  }

  const rows: TableRow[] = [];
  let offset = 0;
  for (let index = 0; index < count; index++) {
    const line = lines[index]!;
    const lineNumber = index + 1;
    if (index !== 1) {
      const cells = cellsOf(line);
      if (cells?.length !== width) return undefined;
      const row = tableRow(cells, line, lineNumber, offset);
      if (!row) return undefined;
      rows.push(row);
    }
    offset += line.length + 1;
  }

  // The table ends with its last line, the delimiter row when it has no body.
  const tableEnd: Point = { line: count, column: lines[count - 1]!.length + 1, offset: offset - 1 };
  const table: Table = { type: 'table', align, children: rows, position: { start: { line: 1, column: 1, offset: 0 }, end: tableEnd } };
  const lastLine = lines.length;
  const end: Point = { line: lastLine, column: lines[lastLine - 1]!.length + 1, offset: markdown.length };
  return { type: 'root', children: [table], position: { start: { line: 1, column: 1, offset: 0 }, end } };
}

/** One row; each cell runs from its opening pipe to the next (the last one through its closing pipe). */
function tableRow(cells: string[], line: string, lineNumber: number, lineOffset: number): TableRow | undefined {
  const point = (column: number): Point => ({ line: lineNumber, column: column + 1, offset: lineOffset + column });
  const children: TableCell[] = [];
  let pipe = 0;
  for (let i = 0; i < cells.length; i++) {
    const raw = cells[i]!;
    const value = raw.trim();
    if (value === '' || NOT_PLAIN.test(value) || value !== raw.replace(/^ +| +$/g, '')) return undefined;
    const textStart = pipe + 1 + raw.indexOf(value);
    const next = pipe + 1 + raw.length;
    const cellEnd = i === cells.length - 1 ? line.length : next;
    children.push({
      type: 'tableCell',
      children: [{ type: 'text', value, position: { start: point(textStart), end: point(textStart + value.length) } }],
      position: { start: point(pipe), end: point(cellEnd) },
    });
    pipe = next;
  }
  return { type: 'tableRow', children, position: { start: point(0), end: point(line.length) } };
}
