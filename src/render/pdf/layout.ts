/**
 * The layout engine: walks the article's element tree and sets it on pages, mirroring each
 * element in the PDF's structure tree (h1→H1, p→P, ul/ol→L, li→LI with Lbl and LBody,
 * a→Link, table→Table/TR/TH/TD, blockquote→BlockQuote). Anything drawn that is not content
 * (rules, borders) is marked as an artifact.
 *
 * Every block can also be run "dry" — measured without drawing — which is how headings are
 * kept with what follows them and list items are kept whole when they fit on a page.
 */
import type { Element, ElementContent } from 'hast';
import type PDFDocument from 'pdfkit';
import { textWidth, type Face, type FontSet } from './fonts.js';
import { breakLines, collectRuns, runsText, type Line, type Run } from './runs.js';
import type { Theme } from './theme.js';

type Doc = InstanceType<typeof PDFDocument>;
type Struct = PDFKit.PDFStructureElement;

const HEADINGS: Record<string, keyof Theme['sizes']> = { h1: 'h1', h2: 'h2', h3: 'h3', h4: 'h4', h5: 'h4', h6: 'h4' };
const BLOCKS = new Set(['p', 'ul', 'ol', 'li', 'blockquote', 'table', 'hr', 'div', 'header', 'footer', 'section', 'article', 'main', 'pre', ...Object.keys(HEADINGS)]);

export interface OutlineEntry {
  level: number;
  title: string;
  /** Index of the page the heading is on. */
  page: number;
}

export class Layout {
  y: number;
  private dry = false;
  private bottomLimit: number;
  readonly outline: OutlineEntry[] = [];
  /** The characters set in each face, for the glyph check. */
  readonly textByFace: Record<Face, string> = { regular: '', italic: '', bold: '', boldItalic: '' };

  constructor(
    private readonly doc: Doc,
    private readonly theme: Theme,
    private readonly fonts: FontSet,
    private readonly faceNames: Readonly<Record<Face, string>>,
  ) {
    this.y = theme.margins.top;
    this.bottomLimit = this.pageBottom;
  }

  get left(): number {
    return this.theme.margins.left;
  }

  get width(): number {
    return this.doc.page.width - this.theme.margins.left - this.theme.margins.right;
  }

  private get pageBottom(): number {
    return this.doc.page.height - this.theme.margins.bottom;
  }

  private get pageHeight(): number {
    return this.pageBottom - this.theme.margins.top;
  }

  /** Lays out block-level children (stray inline content becomes an anonymous paragraph). */
  blocks(children: readonly ElementContent[], x: number, width: number, parent: Struct | undefined): void {
    const elements = groupInline(children);
    elements.forEach((element, i) => {
      const next = elements[i + 1];
      this.block(element, x, width, parent, next);
    });
  }

  private block(element: Element, x: number, width: number, parent: Struct | undefined, next: Element | undefined): void {
    const tag = element.tagName;
    const level = HEADINGS[tag];
    if (level) return this.heading(element, level, x, width, parent, next);
    switch (tag) {
      case 'p':
        return this.paragraph(collectRuns(element.children), x, width, parent, 'P');
      case 'ul':
      case 'ol':
        return this.list(element, x, width, parent);
      case 'blockquote':
        return this.blockquote(element, x, width, parent);
      case 'table':
        return this.table(element, x, width, parent);
      case 'hr':
        return this.rule(x, width);
      case 'pre':
        return this.paragraph(collectRuns(element.children), x, width, parent, 'P');
      default:
        return this.blocks(element.children, x, width, parent);
    }
  }

  // ── text ────────────────────────────────────────────────────────────────────────────

  private lineHeight(size: number): number {
    return size * this.theme.lineHeight;
  }

  private lines(runs: readonly Run[], width: number, size: number): Line[] {
    return breakLines(runs, width, (text, face) => textWidth(this.fonts[face], text, size));
  }

  /**
   * Sets runs as a paragraph-like block under a structure element of type `tag`. Lines split
   * across pages keep two at each side (no orphan or widow) where the paragraph allows.
   */
  paragraph(runs: readonly Run[], x: number, width: number, parent: Struct | undefined, tag: string, options: { size?: number; color?: string; after?: number } = {}): void {
    if (runs.length === 0) return;
    const size = options.size ?? this.theme.sizes.body;
    const color = options.color ?? this.theme.colors.text;
    const lineHeight = this.lineHeight(size);
    const lines = this.lines(runs, width, size);
    const struct = this.dry || !parent ? undefined : this.doc.struct(tag as never);
    if (struct) parent!.add(struct);
    const writer = struct ? new MarkedWriter(this.doc, struct, tag) : undefined;

    const fits = (count: number): boolean => this.y + count * lineHeight <= this.bottomLimit;
    const atTop = (): boolean => this.y <= this.theme.margins.top;
    lines.forEach((line, i) => {
      const n = lines.length;
      // Break before a line that does not fit; before the first when fewer than two lines (or
      // the whole of a short paragraph) would stay; before the last but one when the last
      // would stand alone at the top of the next page.
      const orphan = i === 0 && !fits(n <= 3 ? n : 2);
      const widow = i === n - 2 && i >= 2 && !fits(2);
      if ((!fits(1) || orphan || widow) && !atTop()) this.newPage(writer);
      if (!this.dry) this.drawLine(line, x, this.y, size, color, writer!);
      this.y += lineHeight;
    });
    writer?.end();
    struct?.end();
    this.y += options.after ?? this.theme.spacing.paragraph;
  }

  private drawLine(line: Line, x: number, y: number, size: number, color: string, writer: MarkedWriter): void {
    // Place the text in the middle of its line box.
    const baselineShift = (this.lineHeight(size) - size * 1.2) / 2;
    for (const fragment of line) {
      writer.mark(fragment.run);
      const face = fragment.run.face;
      this.textByFace[face] += fragment.text;
      this.doc.font(this.faceNames[face]).fontSize(size).fillColor(fragment.run.link ? this.theme.colors.link : color);
      this.doc.text(fragment.text, x + fragment.x, y + baselineShift, {
        lineBreak: false,
        ...(fragment.run.link ? { link: fragment.run.link, underline: true } : {}),
      });
    }
  }

  private newPage(writer?: MarkedWriter): void {
    if (this.dry) {
      this.y = this.theme.margins.top;
      return;
    }
    writer?.pause();
    this.doc.addPage();
    this.y = this.theme.margins.top;
  }

  /** The height a block would take, laid out from the top of an endless page. */
  private measure(draw: () => void): number {
    const saved = { y: this.y, dry: this.dry, bottom: this.bottomLimit };
    this.dry = true;
    this.y = 0;
    this.bottomLimit = Infinity;
    try {
      draw();
      return this.y;
    } finally {
      this.y = saved.y;
      this.dry = saved.dry;
      this.bottomLimit = saved.bottom;
    }
  }

  /** Starts a new page unless `height` fits in what is left (or could never fit on one). */
  private keep(height: number): void {
    if (this.y + height > this.bottomLimit && height <= this.pageHeight && this.y > this.theme.margins.top) this.newPage();
  }

  // ── blocks ──────────────────────────────────────────────────────────────────────────

  private heading(element: Element, level: keyof Theme['sizes'], x: number, width: number, parent: Struct | undefined, next: Element | undefined): void {
    const size = this.theme.sizes[level];
    const runs = collectRuns(element.children, { bold: true, italic: false });
    const options = { size, color: this.theme.colors.heading, after: this.theme.spacing.heading };
    // A heading keeps its own lines and the first two lines of what follows on one page.
    if (!this.dry) {
      const own = this.measure(() => this.paragraph(runs, x, width, undefined, 'H', options));
      const following = next ? Math.min(this.measure(() => this.block(next, x, width, undefined, undefined)), 2 * this.lineHeight(this.theme.sizes.body)) : 0;
      this.keep(own + following);
    }
    const page = this.dry ? 0 : this.doc.bufferedPageRange().count - 1;
    this.paragraph(runs, x, width, parent, element.tagName.toUpperCase(), options);
    if (!this.dry) this.outline.push({ level: Number(element.tagName.slice(1)), title: runsText(runs), page });
  }

  private list(element: Element, x: number, width: number, parent: Struct | undefined): void {
    const struct = this.dry || !parent ? undefined : this.doc.struct('L');
    if (struct) parent!.add(struct);
    const ordered = element.tagName === 'ol';
    const start = typeof element.properties.start === 'number' ? element.properties.start : 1;
    const items = element.children.filter((child): child is Element => child.type === 'element' && child.tagName === 'li');
    const indent = this.theme.spacing.listIndent;
    items.forEach((item, i) => {
      const label = ordered ? `${start + i}.` : this.theme.bullet;
      // A list item that fits on a page is never split: no last line alone at a page's top.
      // Measuring breaks no page (its page is endless), so a list being measured does not
      // measure its own items: each level would double the work, 2^depth for nested lists.
      if (!this.dry) this.keep(this.measure(() => this.listItemBody(item, x + indent, width - indent, undefined)));
      const li = struct ? this.doc.struct('LI') : undefined;
      if (li) struct!.add(li);
      const labelY = this.y;
      if (!this.dry && li) {
        const lbl = this.doc.struct('Lbl');
        li.add(lbl);
        const content = this.doc.markStructureContent('Lbl');
        lbl.add(content);
        const size = this.theme.sizes.body;
        this.textByFace.regular += label;
        this.doc.font(this.faceNames.regular).fontSize(size).fillColor(this.theme.colors.muted);
        const labelWidth = this.doc.widthOfString(label);
        this.doc.text(label, x + indent - labelWidth - 6, labelY + (this.lineHeight(size) - size * 1.2) / 2, { lineBreak: false });
        this.doc.endMarkedContent();
        lbl.end();
      }
      const body = li ? this.doc.struct('LBody') : undefined;
      if (body) li!.add(body);
      this.listItemBody(item, x + indent, width - indent, body);
      body?.end();
      li?.end();
      if (i < items.length - 1) this.y += this.theme.spacing.listItem - this.theme.spacing.paragraph;
    });
    struct?.end();
  }

  private listItemBody(item: Element, x: number, width: number, parent: Struct | undefined): void {
    this.blocks(item.children, x, width, parent);
  }

  private blockquote(element: Element, x: number, width: number, parent: Struct | undefined): void {
    const struct = this.dry || !parent ? undefined : this.doc.struct('BlockQuote');
    if (struct) parent!.add(struct);
    const indent = this.theme.spacing.blockquoteIndent;
    const top = this.y;
    const page = this.dry ? undefined : this.doc.page;
    this.blocks(element.children, x + indent, width - indent, struct);
    struct?.end();
    if (!this.dry && page === this.doc.page) {
      this.artifact(() => this.doc.moveTo(x + 3, top).lineTo(x + 3, this.y - this.theme.spacing.paragraph).lineWidth(2).strokeColor(this.theme.colors.rule).stroke());
    }
  }

  private rule(x: number, width: number): void {
    this.y += this.theme.spacing.paragraph;
    this.keep(1);
    if (!this.dry) this.artifact(() => this.doc.moveTo(x, this.y).lineTo(x + width, this.y).lineWidth(0.75).strokeColor(this.theme.colors.rule).stroke());
    this.y += this.theme.spacing.paragraph * 2;
  }

  private table(element: Element, x: number, width: number, parent: Struct | undefined): void {
    const rows = tableRows(element);
    if (rows.length === 0) return;
    const size = this.theme.sizes.table;
    const pad = this.theme.spacing.tableCellPadding;
    const columns = Math.max(...rows.map((row) => row.length));
    const cellRuns = rows.map((row) => row.map((cell) => collectRuns(cell.children, { bold: cell.tagName === 'th', italic: false })));
    const widths = columnWidths(cellRuns, columns, width, (runs) => this.lines(runs, Infinity, size)[0]?.reduce((sum, f) => sum + f.width, 0) ?? 0, (runs) => longestWord(runs, (text, face) => textWidth(this.fonts[face], text, size)), pad);

    const table = this.dry || !parent ? undefined : this.doc.struct('Table');
    if (table) parent!.add(table);
    rows.forEach((row, r) => {
      const heights = row.map((_cell, c) => this.lines(cellRuns[r]![c]!, widths[c]! - 2 * pad, size).length * this.lineHeight(size));
      const rowHeight = Math.max(...heights, this.lineHeight(size)) + 2 * pad;
      this.keep(rowHeight);
      const tr = table ? this.doc.struct('TR') : undefined;
      if (tr) table!.add(tr);
      let cellX = x;
      row.forEach((cell, c) => {
        const top = this.y;
        this.y += pad;
        const kind = cell.tagName === 'th' ? 'TH' : 'TD';
        const cellStruct = tr ? this.doc.struct(kind as never) : undefined;
        if (cellStruct) tr!.add(cellStruct);
        this.paragraph(cellRuns[r]![c]!, cellX + pad, widths[c]! - 2 * pad, cellStruct, 'P', { size, after: 0 });
        cellStruct?.end();
        if (!this.dry) {
          const w = widths[c]!;
          this.artifact(() => this.doc.rect(cellX, top, w, rowHeight).lineWidth(0.5).strokeColor(this.theme.colors.rule).stroke());
        }
        this.y = top;
        cellX += widths[c]!;
      });
      tr?.end();
      this.y += rowHeight;
    });
    table?.end();
    this.y += this.theme.spacing.paragraph;
  }

  private artifact(draw: () => void): void {
    this.doc.markContent('Artifact', { type: 'Layout' });
    draw();
    this.doc.endMarkedContent();
  }
}

/**
 * Writes a block's text as marked content of its structure element, switching to a Link or
 * Span child element (with the abbreviation's expansion) for the runs that need one.
 */
class MarkedWriter {
  private current: Run | undefined | null = null;
  private readonly children = new Map<string, Struct>();
  private open = false;

  constructor(
    private readonly doc: Doc,
    private readonly struct: Struct,
    private readonly tag: string,
  ) {}

  mark(run: Run): void {
    const key = run.link ? `link:${run.link}` : run.expanded ? `abbr:${run.expanded}` : '';
    const currentKey = this.current ? (this.current.link ? `link:${this.current.link}` : this.current.expanded ? `abbr:${this.current.expanded}` : '') : null;
    if (this.open && key === currentKey) return;
    this.end();
    this.current = run;
    this.open = true;
    if (key === '') {
      this.struct.add(this.doc.markStructureContent(this.tag));
      return;
    }
    let child = this.children.get(key);
    if (!child) {
      child = run.link ? this.doc.struct('Link') : this.doc.struct('Span', { expanded: run.expanded! });
      this.children.set(key, child);
      this.struct.add(child);
    }
    child.add(this.doc.markStructureContent(run.link ? 'Link' : 'Span'));
  }

  /** Before a page break: marked content may not cross pages. */
  pause(): void {
    this.end();
  }

  end(): void {
    if (!this.open) return;
    this.doc.endMarkedContent();
    this.open = false;
    this.current = null;
  }
}

/** Block children, with runs of inline content wrapped in an anonymous paragraph. */
function groupInline(children: readonly ElementContent[]): Element[] {
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

function tableRows(table: Element): Element[][] {
  const rows: Element[][] = [];
  const walk = (element: Element): void => {
    for (const child of element.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'tr') rows.push(child.children.filter((cell): cell is Element => cell.type === 'element' && (cell.tagName === 'td' || cell.tagName === 'th')));
      else walk(child);
    }
  };
  walk(table);
  return rows;
}

function longestWord(runs: readonly Run[], measure: (text: string, face: Face) => number): number {
  let longest = 0;
  for (const run of runs) for (const word of run.text.split(/\s+/)) longest = Math.max(longest, measure(word, run.face));
  return longest;
}

/** Column widths: each column's natural width when all fit, else shared out above its longest word. */
function columnWidths(cells: Run[][][], columns: number, width: number, natural: (runs: Run[]) => number, minimum: (runs: Run[]) => number, pad: number): number[] {
  const max = Array.from({ length: columns }, (_, c) => Math.max(...cells.map((row) => (row[c] ? natural(row[c]) : 0))) + 2 * pad + 1);
  const min = Array.from({ length: columns }, (_, c) => Math.min(Math.max(...cells.map((row) => (row[c] ? minimum(row[c]) : 0))) + 2 * pad + 1, width / columns));
  const total = max.reduce((a, b) => a + b, 0);
  if (total <= width) return max.map((w) => (w / total) * width);
  const minTotal = min.reduce((a, b) => a + b, 0);
  const extra = Math.max(0, width - minTotal);
  const want = max.map((w, c) => w - min[c]!);
  const wantTotal = want.reduce((a, b) => a + b, 0) || 1;
  return min.map((w, c) => w + (want[c]! / wantTotal) * extra);
}
