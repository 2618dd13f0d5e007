/**
 * Tables: Table → THead / TBody → TR → TH (with `/Scope`) / TD, as PDF/UA-1 7.5 asks. Rows are
 * never split; a table that runs onto another page repeats its header rows there, marked as
 * an artifact (the header is in the structure tree once, where it first stands).
 */
import type { Element, ElementContent } from 'hast';
import type { Layout, Struct } from './layout.js';
import type { Run } from './runs.js';
import { columnWidths } from '../column-widths.js';

const BLOCKS = new Set([
  'p',
  'ul',
  'ol',
  'li',
  'blockquote',
  'table',
  'hr',
  'div',
  'header',
  'footer',
  'section',
  'article',
  'main',
  'pre',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);

interface Row {
  cells: Element[];
  head: boolean;
}

export function layoutTable(layout: Layout, element: Element, x: number, width: number, parent: Struct | undefined): void {
  const rows = tableRows(element);
  if (rows.length === 0) return;
  const { doc, theme } = layout;
  const size = theme.sizes.table;
  const pad = theme.spacing.tableCellPadding;
  const columns = Math.max(...rows.map((row) => row.cells.length));
  const cellRuns = rows.map((row) => row.cells.map((cell) => layout.runsOf(cell, { bold: cell.tagName === 'th', italic: false })));
  const natural = (runs: Run[]): number => layout.lines(runs, Infinity, size)[0]?.reduce((sum, f) => sum + f.width, 0) ?? 0;
  const minimum = (runs: Run[]): number => longestWord(runs, (text, face) => layout.measureText(text, face, size));
  const widths = tableColumnWidths(cellRuns, columns, width, natural, minimum, pad);
  const textWidth = (c: number): number => Math.max(1, widths[c]! - 2 * pad);
  const heights = rows.map((row, r) => {
    const lines = row.cells.map((_cell, c) => layout.lines(cellRuns[r]![c]!, textWidth(c), size).length);
    return Math.max(...lines, 1) * layout.lineHeight(size) + 2 * pad;
  });
  const headRows = rows.map((row, r) => (row.head ? r : -1)).filter((r) => r >= 0);
  const headHeight = headRows.reduce((sum, r) => sum + heights[r]!, 0);

  const table = layout.dry || !parent ? undefined : doc.struct('Table');
  if (table) parent!.add(table);
  let group: { head: boolean; struct: Struct } | undefined;
  /** A row under `into`; with none (a repeated header) unmarked, inside the caller's artifact. */
  const drawRow = (r: number, into: Struct | undefined): void => {
    const row = rows[r]!;
    const rowHeight = heights[r]!;
    const tr = into ? doc.struct('TR') : undefined;
    if (tr) into!.add(tr);
    let cellX = x;
    row.cells.forEach((cell, c) => {
      const top = layout.y;
      layout.y += pad;
      const header = cell.tagName === 'th';
      // A header cell in a header row heads its column; one starting a body row heads its row.
      const scope = row.head ? 'Column' : 'Row';
      const cellStruct = tr ? doc.struct(header ? 'TH' : 'TD', header ? ({ scope } as never) : {}) : undefined;
      if (cellStruct) tr!.add(cellStruct);
      const align = cell.properties.align === 'center' || cell.properties.align === 'right' ? cell.properties.align : undefined;
      layout.paragraph(cellRuns[r]![c]!, cellX + pad, textWidth(c), cellStruct, 'P', { size, after: 0, ...(align ? { align } : {}) });
      cellStruct?.end();
      if (!layout.dry) {
        const border = (): unknown => doc.rect(cellX, top, widths[c]!, rowHeight).lineWidth(0.5).strokeColor(theme.colors.rule).stroke();
        if (into) layout.artifact(border);
        else border();
      }
      layout.y = top;
      cellX += widths[c]!;
    });
    tr?.end();
    layout.y += rowHeight;
  };

  // The header rows start a page only with the first row they head: alone at a page's foot they head nothing.
  const firstBody = rows.findIndex((row) => !row.head);
  const withFirstRow = firstBody === -1 ? headHeight : headHeight + heights[firstBody]!;
  rows.forEach((row, r) => {
    const before = layout.page;
    layout.keep(r === headRows[0] && withFirstRow <= layout.pageHeight ? withFirstRow : heights[r]!);
    // Continued on a new page: its header rows again first, when there is room for them too.
    if (layout.page !== before && !row.head && headRows.length > 0 && headHeight + heights[r]! <= layout.pageHeight) {
      if (layout.dry) layout.y += headHeight;
      else layout.artifact(() => headRows.forEach((h) => drawRow(h, undefined)), 'Pagination');
    }
    if (table && group?.head !== row.head) {
      group?.struct.end();
      group = { head: row.head, struct: doc.struct(row.head ? 'THead' : 'TBody') };
      table.add(group.struct);
    }
    drawRow(r, group?.struct);
  });
  group?.struct.end();
  table?.end();
  layout.y += theme.spacing.paragraph;
}

/** Block children, with runs of inline content wrapped in an anonymous paragraph. */
export function groupInline(children: readonly ElementContent[]): Element[] {
  const out: Element[] = [];
  let inline: ElementContent[] = [];
  const flush = (): void => {
    if (inline.some((node) => node.type !== 'text' || node.value.trim() !== '')) {
      out.push({ type: 'element', tagName: 'p', properties: {}, children: inline });
    }
    inline = [];
  };
  for (const child of children) {
    if (child.type === 'element' && BLOCKS.has(child.tagName)) {
      flush();
      out.push(child);
    } else if (child.type !== 'comment') {
      inline.push(child);
    }
  }
  flush();
  return out;
}

/** The rows in order; those of a `thead` (or, without one, a first row of `th` cells) are header rows. */
function tableRows(table: Element): Row[] {
  const rows: Row[] = [];
  const walk = (element: Element, head: boolean): void => {
    for (const child of element.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'tr')
        rows.push({
          cells: child.children.filter((cell): cell is Element => cell.type === 'element' && (cell.tagName === 'td' || cell.tagName === 'th')),
          head,
        });
      else walk(child, head || child.tagName === 'thead');
    }
  };
  walk(table, false);
  const first = rows[0];
  if (first && !rows.some((row) => row.head) && first.cells.length > 0 && first.cells.every((cell) => cell.tagName === 'th')) first.head = true;
  return rows.filter((row) => row.cells.length > 0);
}

function longestWord(runs: readonly Run[], measure: (text: string, face: Run['face']) => number): number {
  let longest = 0;
  for (const run of runs) for (const word of run.text.split(/\s+/)) longest = Math.max(longest, measure(word, run.face));
  return longest;
}

/** Column widths from each column's natural width and longest word, its padding included. */
function tableColumnWidths(
  cells: Run[][][],
  columns: number,
  width: number,
  natural: (runs: Run[]) => number,
  minimum: (runs: Run[]) => number,
  pad: number,
): number[] {
  const widest = (measure: (runs: Run[]) => number): number[] =>
    Array.from({ length: columns }, (_, c) => Math.max(...cells.map((row) => (row[c] ? measure(row[c]) : 0))) + 2 * pad + 1);
  return columnWidths(widest(minimum), widest(natural), width);
}
