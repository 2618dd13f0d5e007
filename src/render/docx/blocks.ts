/**
 * The article's element tree as Word blocks, each in a named Word style so that the reader
 * can restyle the document and Word's navigation and accessibility checker see its shape:
 * h1–h4 → Heading 1–4, lists → List Bullet / List Number (nested levels are the style's
 * numbered levels), tables with their header rows repeated on each page, quotes → Quote.
 */
import type { Element, ElementContent } from 'hast';
import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, WidthType } from 'docx';
import { columnWidths } from '../column-widths.js';
import { inlineRuns, plainText, type InlineOptions } from './inline.js';
import { BULLETS, HEADING_STYLES, numbersFrom, STYLE } from './styles.js';
import { HeadingLevels } from '../heading-levels.js';
import { isFootnotesSection } from '../web-only.js';
import { isRightToLeft } from '../text-direction.js';
import { trimEdges } from './trim-edges.js';

export type Block = Paragraph | Table;

const INLINE_TAGS = new Set([
  'a',
  'abbr',
  'b',
  'br',
  'cite',
  'code',
  'em',
  'i',
  'kbd',
  'q',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'mark',
  'del',
  'ins',
]);

export interface BlockOptions extends InlineOptions {
  /** Colour of table borders, as RRGGBB. */
  ruleColour: string;
  /** The width between the page's margins, in twips, which tables share out among their columns. */
  textWidth: number;
  /** Tables' text size, in points, for their columns' widths. */
  tableSize: number;
  /** A list level's indent, and a quotation's, in twips (the styles' and the numbering's). */
  listIndent: number;
  quoteIndent: number;
}

interface Context extends BlockOptions {
  /** A table column's alignment, for the paragraphs of its cells. */
  alignment?: (typeof AlignmentType)[keyof typeof AlignmentType];
  /**
   * What the whole article shares, however a block's context is narrowed (a table column's
   * alignment, a language): the next free instance of the numbered lists, so that each ordered
   * list counts from its own start, and the headings' levels so far.
   */
  article: { nextListInstance: number; headings: HeadingLevels };
  /**
   * How far the quotations a block is in indent it, in twips. A paragraph has one style: a
   * list's items in a quotation keep their list style, and a quotation's paragraphs the Quote
   * style, with the indent of the quotations around them given as their own.
   */
  quoted?: number;
}

export function articleBlocks(children: readonly ElementContent[], options: BlockOptions): Block[] {
  return blocks(children, { ...options, article: { nextListInstance: 1, headings: new HeadingLevels() } }, undefined);
}

/** Block children; stray inline content between blocks becomes a paragraph of its own. */
function blocks(children: readonly ElementContent[], context: Context, style: string | undefined): Block[] {
  const out: Block[] = [];
  let pending: ElementContent[] = [];
  const flush = (): void => {
    const runs = inlineRuns(trimEdges(pending), context);
    if (runs.length > 0) out.push(new Paragraph({ children: runs, ...(style ? { style } : {}), ...nestedQuote(context), ...laidOut(context) }));
    pending = [];
  };
  for (const child of children) {
    if (child.type === 'element' && !INLINE_TAGS.has(child.tagName)) {
      flush();
      out.push(...block(child, context, style));
    } else if (child.type === 'text' || child.type === 'element') {
      pending.push(child);
    }
  }
  flush();
  return out;
}

/** A quotation's paragraph nested in another: the Quote style indents one quotation, the rest are its own. */
const nestedQuote = (context: Context): { indent?: { left: number } } =>
  context.quoted !== undefined && context.quoted > context.quoteIndent ? { indent: { left: context.quoted } } : {};

function block(element: Element, outer: Context, style: string | undefined): Block[] {
  const context = typeof element.properties.lang === 'string' ? { ...outer, lang: element.properties.lang } : outer;
  const written = /^h([1-6])$/.exec(element.tagName);
  if (written) {
    const style = HEADING_STYLES[`h${context.article.headings.next(Number(written[1]))}`]!;
    return [new Paragraph({ style, keepNext: true, children: inlineRuns(trimEdges(element.children), context), ...laidOut(context) })];
  }
  switch (element.tagName) {
    case 'p':
      return [
        new Paragraph({
          children: inlineRuns(trimEdges(element.children), context),
          ...(style ? { style } : {}),
          ...nestedQuote(context),
          ...laidOut(context),
        }),
      ];
    case 'pre':
      return [
        new Paragraph({
          children: inlineRuns(element.children, context, { lang: context.lang, code: true, preformatted: true }),
          ...(style ? { style } : {}),
          ...nestedQuote(context),
        }),
      ];
    case 'ul':
    case 'ol':
      return list(element, context, 0);
    case 'blockquote':
      return blocks(element.children, { ...context, quoted: (context.quoted ?? 0) + context.quoteIndent }, STYLE.quote);
    case 'table':
      return [table(element, context)];
    case 'hr':
      return [new Paragraph({ style: STYLE.rule, children: [] })];
    case 'section':
      // The page's footnotes are the Word file's own, each where its number stands (inline.ts).
      if (isFootnotesSection(element) && context.footnotes?.size) return [];
      return blocks(element.children, context, style);
    default:
      return blocks(element.children, context, style);
  }
}

/** Where an ordered list counts from: `3. …` in the record, `<ol start="3">` in the article. */
const listStart = (element: Element): number => (typeof element.properties.start === 'number' ? element.properties.start : 1);

/** The starts of the article's ordered lists, each a numbering of its own in the document. */
export function listStarts(children: readonly ElementContent[]): number[] {
  const starts: number[] = [];
  const visit = (nodes: readonly ElementContent[]): void => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      if (node.tagName === 'ol') starts.push(listStart(node));
      visit(node.children);
    }
  };
  visit(children);
  return starts;
}

/** A list's items, each a paragraph in the list's style at its level; its nested lists one level down. */
function list(element: Element, context: Context, level: number): Block[] {
  const ordered = element.tagName === 'ol';
  const reference = ordered ? numbersFrom(listStart(element)) : BULLETS;
  const instance = ordered ? context.article.nextListInstance++ : 0;
  const levelStyle = (ordered ? STYLE.listNumber : STYLE.listBullet)[Math.min(level, STYLE.listBullet.length - 1)]!;
  const out: Block[] = [];
  for (const item of element.children) {
    if (item.type !== 'element' || item.tagName !== 'li') continue;
    let first = true;
    let pending: ElementContent[] = [];
    const flush = (): void => {
      const runs = inlineRuns(trimEdges(pending), context);
      pending = [];
      if (runs.length === 0) return;
      // The item's first paragraph carries its bullet; later ones continue the item's text.
      // In a quotation, the item stands as far in as the quotation's text, beyond it its list's indent.
      const indent = context.quoted
        ? { indent: { left: context.quoted + context.listIndent * (level + 1), ...(first ? { hanging: context.listIndent } : {}) } }
        : {};
      out.push(
        first
          ? new Paragraph({
              style: levelStyle,
              numbering: { reference, level, ...(ordered ? { instance } : {}) },
              children: runs,
              ...indent,
              ...laidOut(context),
            })
          : new Paragraph({ style: STYLE.listContinue[Math.min(level, STYLE.listContinue.length - 1)]!, children: runs, ...indent, ...laidOut(context) }),
      );
      first = false;
    };
    for (const child of item.children) {
      if (child.type === 'element' && (child.tagName === 'ul' || child.tagName === 'ol')) {
        flush();
        out.push(...list(child, context, level + 1));
      } else if (child.type === 'element' && child.tagName === 'p') {
        flush();
        pending = [...child.children];
        flush();
      } else if (child.type === 'element' && !INLINE_TAGS.has(child.tagName)) {
        // A table, a quotation or code under the item's text: a block of its own, not its words run together.
        flush();
        out.push(...block(child, context, undefined));
      } else if (child.type === 'text' || child.type === 'element') {
        pending.push(child);
      }
    }
    flush();
  }
  return out;
}

/** A table across the text width; rows of header cells (thead, or th only) repeat on each page. */
function table(element: Element, context: Context): Table {
  const rows: Element[] = [];
  const collect = (node: Element): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'tr') rows.push(child);
      else if (['thead', 'tbody', 'tfoot'].includes(child.tagName)) collect(child);
    }
  };
  collect(element);
  const columns = Math.max(1, ...rows.map((row) => cellsOf(row).length));
  const widths = tableColumnWidths(rows, columns, context);
  const width = (c: number) => ({ size: widths[c]!, type: WidthType.DXA });
  let leading = true; // header rows are repeated only while they lead the table
  const tableRows = rows.map((row) => {
    const cells = cellsOf(row);
    const header = leading && cells.length > 0 && cells.every((cell) => cell.tagName === 'th');
    leading &&= header;
    const padded = [
      ...cells.map((cell, c) => tableCell(cell, context, width(c))),
      ...Array.from(
        { length: columns - cells.length },
        (_, c) => new TableCell({ width: width(cells.length + c), children: [new Paragraph({ style: STYLE.tableText })] }),
      ),
    ];
    return new TableRow({ children: padded, cantSplit: true, ...(header ? { tableHeader: true } : {}) });
  });
  const border = { style: BorderStyle.SINGLE, size: 4, color: context.ruleColour };
  const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };
  // Fixed: Word and LibreOffice alike keep these widths, found from the cells' words, where an
  // even share of the width broke "Country" in a column beside one of figures.
  return new Table({ rows: tableRows, width: { size: context.textWidth, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, borders });
}

/**
 * Each column's width in twips, from its longest word and its longest line, as the PDF shares
 * them out. Word measures text itself; this estimates it from the characters: 0.6 em each (a
 * little more in bold), as wide as Georgia's figures and as the serif a reader without Georgia
 * is given instead (LibreOffice's DejaVu Serif), with Word's cell margins.
 */
function tableColumnWidths(rows: readonly Element[], columns: number, context: Context): number[] {
  const CELL_MARGINS = 2 * 108 + 20;
  const twipsOf = (text: string, bold: boolean): number => text.length * context.tableSize * 20 * (bold ? 0.66 : 0.6);
  const min = new Array<number>(columns).fill(CELL_MARGINS);
  const max = new Array<number>(columns).fill(CELL_MARGINS);
  for (const row of rows) {
    cellsOf(row).forEach((cell, c) => {
      const text = plainText(cell.children).trim();
      const bold = cell.tagName === 'th';
      const longestWord = Math.max(0, ...text.split(/\s+/).map((word) => twipsOf(word, bold)));
      min[c] = Math.max(min[c]!, longestWord + CELL_MARGINS);
      max[c] = Math.max(max[c]!, twipsOf(text, bold) + CELL_MARGINS);
    });
  }
  return columnWidths(min, max, context.textWidth).map(Math.floor);
}

function cellsOf(row: Element): Element[] {
  return row.children.filter((cell): cell is Element => cell.type === 'element' && (cell.tagName === 'td' || cell.tagName === 'th'));
}

function tableCell(cell: Element, context: Context, width: { size: number; type: (typeof WidthType)['DXA'] }): TableCell {
  const style = cell.tagName === 'th' ? STYLE.tableHeading : STYLE.tableText;
  const align = cell.properties.align;
  const alignment = align === 'center' ? AlignmentType.CENTER : align === 'right' ? AlignmentType.RIGHT : undefined;
  const children = blocks(cell.children, alignment ? { ...context, alignment } : context, style);
  return new TableCell({ width, children: children.length > 0 ? children : [new Paragraph({ style })] });
}

/** A paragraph's alignment (a table column's), and its direction: a language written right to left starts at the right. */
const laidOut = (context: Context) => ({
  ...(context.alignment ? { alignment: context.alignment } : {}),
  ...(isRightToLeft(context.lang) ? { bidirectional: true } : {}),
});
