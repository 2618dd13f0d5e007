/**
 * The layout engine: walks the article's element tree and sets it on pages, mirroring each
 * element in the PDF's structure tree (h1→H1, p→P, ul/ol→L, li→LI with Lbl and LBody,
 * a→Link, table→Table, blockquote→BlockQuote). Anything drawn that is not content (rules,
 * borders, a repeated table header) is marked as an artifact.
 *
 * Every block can also be run "dry" — laid out without drawing. A whole dry pass counts the
 * pages before any is drawn (for "Page N of M", so each page can be written out as soon as
 * it is finished); a dry measure from the top of an endless page is how headings are kept
 * with what follows them and list items kept whole when they fit on a page.
 */
import type { Element, ElementContent } from 'hast';
import type PDFDocument from 'pdfkit';
import { runFeatures, seenCharacters, textWidth, type Face, type FontSet, type SeenCharacters } from './fonts.js';
import { breakLines, type Line } from './line-breaks.js';
import { collectRuns, type Run, type Style } from './runs.js';
import { groupInline, layoutTable } from './table.js';
import { linkTextsOf, MarkedWriter } from './marked.js';
import { alignOffset, drawLine } from './line.js';
import { layoutBlockquote, layoutHeading, layoutRule } from './blocks.js';
import { layoutList } from './lists.js';
import { layoutFootnotes } from './notes.js';
import { isFootnotesSection } from '../web-only.js';
import type { Theme } from './theme.js';
import { HeadingLevels } from '../heading-levels.js';

type Doc = InstanceType<typeof PDFDocument>;
export type Struct = PDFKit.PDFStructureElement;

const HEADINGS: Record<string, keyof Theme['sizes']> = { h1: 'h1', h2: 'h2', h3: 'h3', h4: 'h4', h5: 'h4', h6: 'h4' };

/** What the document does around the layout: running text on each page, bookmarks. */
export interface LayoutEvents {
  /** A page was begun (index from 0), before anything is set on it. */
  pageStarted(index: number): void;
  heading(level: number, title: string): void;
}

export interface ParagraphOptions {
  size?: number;
  color?: string;
  after?: number;
  /** A table column's alignment (`| :---: |`); else from the left. */
  align?: 'center' | 'right';
}

/** What is kept between the counting pass and the drawing pass: each is laid out once. */
export interface LayoutCaches {
  blocks: WeakMap<readonly ElementContent[], Element[]>;
  runs: WeakMap<Element, Run[]>;
  lines: WeakMap<readonly Run[], Map<string, Line[]>>;
  heights: WeakMap<Element, Map<string, number>>;
}

export const newCaches = (): LayoutCaches => ({ blocks: new WeakMap(), runs: new WeakMap(), lines: new WeakMap(), heights: new WeakMap() });

export class Layout {
  y: number;
  dry: boolean;
  /** Index of the page being set. */
  page = 0;
  bottomLimit: number;
  /** The characters set in each face, for the glyph check. */
  readonly charsByFace: Record<Face, SeenCharacters> = {
    regular: seenCharacters(),
    italic: seenCharacters(),
    bold: seenCharacters(),
    boldItalic: seenCharacters(),
  };
  /** The fill colour the page's content stream has now: pdfkit writes one each time it is set. */
  private fill: string | undefined;
  /** Why the layout had to give way (a word wider than the page, lists nested too deep). */
  readonly warnings = new Set<string>();
  /** How deep in lists the layout is, for each level's bullet. */
  listDepth = 0;
  /** The footnotes' Note elements by their IDs, for the structure tree's IDTree. */
  readonly notes = new Map<string, Struct>();
  /** The headings' levels so far, for the next one's tag. */
  readonly headings = new HeadingLevels();
  /** The language of the block being set: the template's words', or the record's within an element that says so. */
  lang: string;

  constructor(
    readonly doc: Doc,
    readonly theme: Theme,
    readonly fonts: FontSet,
    readonly faceNames: Readonly<Record<Face, string>>,
    readonly events: LayoutEvents | undefined,
    private readonly caches: LayoutCaches = newCaches(),
    /** The document's language (its catalog's /Lang), and that of the article's words no element marks (the template's). */
    private readonly languages: { document: string; text: string } = { document: 'en-GB', text: 'en-GB' },
  ) {
    this.dry = events === undefined;
    this.lang = languages.text;
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

  get pageHeight(): number {
    return this.pageBottom - this.theme.margins.top;
  }

  get atTop(): boolean {
    return this.y <= this.theme.margins.top;
  }

  /** Lays out block-level children (stray inline content becomes an anonymous paragraph). */
  blocks(children: readonly ElementContent[], x: number, width: number, parent: Struct | undefined): void {
    // Kept, so that an anonymous paragraph is the same element (and its lines kept) each time.
    let elements = this.caches.blocks.get(children);
    if (!elements) this.caches.blocks.set(children, (elements = groupInline(children)));
    elements.forEach((element, i, all) => this.block(element, x, width, parent, all[i + 1]));
  }

  /** Lays out one block-level element; `next`, the one after it, is kept with a heading. */
  block(element: Element, x: number, width: number, parent: Struct | undefined, next: Element | undefined): void {
    const lang = element.properties.lang;
    if (typeof lang !== 'string' || lang === this.lang) return this.blockInLanguage(element, x, width, parent, next);
    const outer = this.lang;
    this.lang = lang;
    try {
      this.blockInLanguage(element, x, width, parent, next);
    } finally {
      this.lang = outer;
    }
  }

  private blockInLanguage(element: Element, x: number, width: number, parent: Struct | undefined, next: Element | undefined): void {
    const tag = element.tagName;
    const level = HEADINGS[tag];
    if (level) return layoutHeading(this, element, level, x, width, parent, next);
    switch (tag) {
      case 'p':
        return this.paragraph(this.runsOf(element), x, width, parent, 'P');
      case 'pre':
        return this.paragraph(this.runsOf(element, { bold: false, italic: false, preformatted: true }), x, width, parent, 'P');
      case 'ul':
      case 'ol':
        return layoutList(this, element, x, width, parent);
      case 'blockquote':
        return layoutBlockquote(this, element, x, width, parent);
      case 'table':
        return layoutTable(this, element, x, width, parent);
      case 'hr':
        return layoutRule(this, x, width);
      case 'section':
        if (isFootnotesSection(element)) return layoutFootnotes(this, element, x, width, parent);
        return this.blocks(element.children, x, width, parent);
      default:
        return this.blocks(element.children, x, width, parent);
    }
  }

  // ── text ────────────────────────────────────────────────────────────────────────────

  /**
   * The element's inline content as runs: kept from a measure until the element is set on the
   * page (in either pass), then let go, as its lines are.
   */
  runsOf(element: Element, style?: Style): Run[] {
    const runs = this.caches.runs.get(element) ?? collectRuns(element.children, style);
    if (this.bottomLimit === Infinity) this.caches.runs.set(element, runs);
    else this.caches.runs.delete(element);
    return runs;
  }

  lineHeight(size: number): number {
    return size * this.theme.lineHeight;
  }

  /**
   * The runs broken into lines. Those measured ahead (to keep a block whole) are kept until the
   * block is set on the page, then let go: memory holds what is in hand, not the document.
   */
  lines(runs: readonly Run[], width: number, size: number, settle = false): Line[] {
    const key = `${width} ${size}`;
    const byWidth = this.caches.lines.get(runs);
    let lines = byWidth?.get(key);
    if (!lines) {
      const overflow = (word: string): void =>
        void this.warnings.add(
          `a word too wide for its line (the page’s, or a table column’s) was broken between characters: “${word.length > 40 ? `${word.slice(0, 40)}…` : word}”`,
        );
      lines = breakLines(runs, width, (text, run) => textWidth(this.fonts[run.face], text, size, runFeatures(run)), overflow);
    }
    if (settle) byWidth?.delete(key);
    else if (byWidth) byWidth.set(key, lines);
    else this.caches.lines.set(runs, new Map([[key, lines]]));
    return lines;
  }

  measureText(text: string, face: Face, size: number): number {
    return textWidth(this.fonts[face], text, size);
  }

  /**
   * Sets runs as a paragraph-like block under a structure element of type `tag` (unmarked
   * when there is no parent: the caller marks it). Lines split across pages keep two at each
   * side (no orphan or widow) where the paragraph allows.
   */
  paragraph(runs: readonly Run[], x: number, width: number, parent: Struct | undefined, tag: string, options: ParagraphOptions = {}): void {
    if (runs.length === 0) return;
    const size = options.size ?? this.theme.sizes.body;
    const color = options.color ?? this.theme.colors.text;
    const lineHeight = this.lineHeight(size);
    const lines = this.lines(runs, width, size, this.bottomLimit !== Infinity);
    // A block in another language than the document's says so (PDF/UA-1 7.2): the template's
    // English sentences in a French record's briefing, say.
    const struct = this.dry || !parent ? undefined : this.doc.struct(tag as never, this.lang === this.languages.document ? {} : { lang: this.lang });
    if (struct) parent!.add(struct);
    const writer = struct ? new MarkedWriter(this.doc, struct, tag, this.lang) : undefined;
    const linkTexts = struct ? linkTextsOf(runs) : undefined;

    const fits = (count: number): boolean => this.y + count * lineHeight <= this.bottomLimit;
    const n = lines.length;
    lines.forEach((line, i) => {
      // Break before a line that does not fit; before the first when fewer than two lines (or
      // the whole of a short paragraph) would stay; before the last but one when the last
      // would stand alone at the top of the next page.
      const orphan = i === 0 && !fits(n <= 3 ? n : 2);
      const widow = i === n - 2 && i >= 2 && !fits(2);
      if ((!fits(1) || orphan || widow) && !this.atTop) this.newPage(writer);
      if (!this.dry) drawLine(this, line, x + alignOffset(this, line, width, size, options.align), this.y, { size, color, writer, linkTexts });
      this.y += lineHeight;
    });
    writer?.end();
    struct?.end();
    this.y += options.after ?? this.theme.spacing.paragraph;
  }

  newPage(writer?: MarkedWriter): void {
    this.page++;
    this.y = this.theme.margins.top;
    if (this.dry) return;
    writer?.pause();
    this.doc.addPage();
    this.fill = undefined;
    this.events?.pageStarted(this.page);
  }

  fillColor(color: string): void {
    if (color === this.fill) return;
    this.doc.fillColor(color);
    this.fill = color;
  }

  /** The height a block would take, laid out from the top of an endless page; kept per width. */
  measure(element: Element, kind: string, width: number, draw: () => void): number {
    let byWidth = this.caches.heights.get(element);
    if (!byWidth) this.caches.heights.set(element, (byWidth = new Map()));
    const key = `${kind} ${width}`;
    const known = byWidth.get(key);
    if (known !== undefined) return known;
    const saved = { y: this.y, dry: this.dry, bottom: this.bottomLimit, page: this.page };
    this.dry = true;
    this.y = 0;
    this.bottomLimit = Infinity;
    try {
      draw();
      byWidth.set(key, this.y);
      return this.y;
    } finally {
      Object.assign(this, { y: saved.y, dry: saved.dry, bottomLimit: saved.bottom, page: saved.page });
    }
  }

  /** Starts a new page unless `height` fits in what is left (or could never fit on one). */
  keep(height: number): void {
    if (this.y + height > this.bottomLimit && height <= this.pageHeight && !this.atTop) this.newPage();
  }

  artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
    this.doc.markContent('Artifact', { type });
    draw();
    this.doc.endMarkedContent();
  }
}
