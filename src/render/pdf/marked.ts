/**
 * Writes a block's text as marked content of its structure element, switching to a Link or
 * Span child element (with the abbreviation's expansion) for the runs that need one.
 *
 * A link's annotations hang from its Link element by object references (OBJR), each with
 * `/StructParent` and `/Contents` (PDF/UA-1 7.18.5). pdfkit writes an OBJR's page as the page
 * current when the element is flushed, so a Link element is ended on the page of its
 * annotations: a link that runs over a page break becomes one Link element on each page.
 *
 * A footnote's number is a Reference element holding a Link to the note (PDF/UA-1 7.9).
 */
import type PDFDocument from 'pdfkit';
import { SOFT_HYPHEN } from './line-breaks.js';
import type { Run } from './runs.js';

type Doc = InstanceType<typeof PDFDocument>;
type Struct = PDFKit.PDFStructureElement;

/** pdfkit keeps an element's dictionary as a reference it writes when the element ends; its types do not say so. */
export const dictionaryOf = (element: Struct): PDFKit.PDFKitReference => (element as unknown as { dictionary: PDFKit.PDFKitReference }).dictionary;
/** The entries of a dictionary pdfkit will write (a JS string becomes a PDF name, a String object a PDF string). */
export const entries = (reference: PDFKit.PDFKitReference): Record<string, unknown> => reference.data as Record<string, unknown>;

/**
 * The named destination of a footnote's note: its id in hex. pdfkit orders the names of its
 * destinations by `localeCompare`, where a PDF's name tree must be in byte order (readers look
 * names up by halves); the two agree on hex digits, not on ids such as `fn-a_b` and `fn-a-b`.
 */
export const noteDestination = (id: string): string => `note-${Buffer.from(id).toString('hex')}`;

/** What a run needs a Link or Span of its own for; '' when it is the block's own text. */
const keyOf = (run: Run, actual: string | undefined, lang: string | undefined): string =>
  `${run.link ? `link:${run.link}` : run.noteRef ? `note:${run.noteRef}` : run.expanded ? `abbr:${run.expanded}` : ''}${actual === undefined ? '' : `\u0000${actual}`}${lang === undefined ? '' : `\u0000lang:${lang}`}${run.struck ? '\u0000struck' : ''}`;

export class MarkedWriter {
  private currentKey: string | null = null;
  private child: Struct | undefined;
  /** The Reference element a footnote's Link is in. */
  private reference: Struct | undefined;
  /** The Span of a break's hyphen (breakHyphen), open: closed before the run's text goes on. */
  private hyphen: Struct | undefined;

  /** `lang` is the block's language: a run in another is a Span (or Link) with its own /Lang. */
  constructor(
    private readonly doc: Doc,
    private readonly struct: Struct,
    private readonly tag: string,
    private readonly lang: string,
  ) {}

  /**
   * Opens the marked content `run` belongs in, unless it is open already. `actual` is the text of
   * glyphs the font lacks, which would be read as nothing (or NULs): a Span carries it as its
   * ActualText, for a screen reader and a copy. A run in another language than its block's is
   * a Span with its /Lang (PDF/UA-1 7.2).
   */
  mark(run: Run, actual?: string): void {
    const lang = run.lang !== undefined && run.lang !== this.lang ? run.lang : undefined;
    const key = keyOf(run, actual, lang);
    if (key === this.currentKey) {
      if (this.hyphen) {
        this.doc.endMarkedContent();
        this.hyphen.end();
        this.hyphen = undefined;
        this.openContent();
      }
      return;
    }
    this.end();
    this.currentKey = key;
    if (key === '') {
      this.struct.add(this.doc.markStructureContent(this.tag));
      return;
    }
    const options = { ...(run.expanded ? { expanded: run.expanded } : {}), ...(actual === undefined ? {} : { actual }), ...(lang ? { lang } : {}) };
    const linked = run.link !== undefined || run.noteRef !== undefined;
    this.child = this.doc.struct(linked ? 'Link' : 'Span', options);
    // Struck through: withdrawn words, which a reader of the tags is told of, not the line's look alone (PDF 1.7, table 343).
    if (run.struck) entries(dictionaryOf(this.child)).A = { O: 'Layout', TextDecorationType: 'LineThrough' };
    if (run.noteRef) {
      this.reference = this.doc.struct('Reference');
      this.struct.add(this.reference);
      this.reference.add(this.child);
    } else this.struct.add(this.child);
    this.openContent();
  }

  /**
   * The hyphen a break at a soft hyphen prints: a Span whose ActualText is the soft hyphen it
   * stands for (ISO 32000-1, 14.8.2.2.3), where a copy or a screen reader read a real one, in
   * the element its run's text is in (a link broken so stays one Link).
   */
  breakHyphen(run: Run): void {
    this.mark(run);
    this.doc.endMarkedContent();
    this.hyphen = this.doc.struct('Span', { actual: SOFT_HYPHEN });
    (this.child ?? this.struct).add(this.hyphen);
    this.hyphen.add(this.doc.markStructureContent('Span'));
  }

  /** Marked content in the open Link or Span, else in the block's element. */
  private openContent(): void {
    const tag = this.child ? (this.currentKey!.startsWith('link:') || this.currentKey!.startsWith('note:') ? 'Link' : 'Span') : this.tag;
    (this.child ?? this.struct).add(this.doc.markStructureContent(tag));
  }

  /** A link annotation over a fragment of the open Link, in the structure tree. */
  /** A link over the box, described by its text and address (the address alone when the text is it). */
  annotate(x: number, y: number, width: number, height: number, url: string, text: string): void {
    if (!this.child) return;
    const contents = text === url || `mailto:${text}` === url ? url : `${text} (${url})`;
    // pdfkit writes a JS string as a PDF name and a String object as a PDF string; its types
    // know neither `structParent` on link() nor String objects.
    this.doc.link(x, y, width, height, url, { structParent: this.child, Contents: new String(contents) } as never);
  }

  /** A footnote's number, linked to its note's named destination (set where the note is: notes.ts). */
  annotateNote(x: number, y: number, width: number, height: number, note: string, number: string): void {
    if (!this.child) return;
    this.doc.goTo(x, y, width, height, noteDestination(note), { structParent: this.child, Contents: new String(`Footnote ${number}`) } as never);
  }

  /** Before a page break: marked content may not cross pages, nor a Link element's OBJRs. */
  pause(): void {
    this.end();
  }

  end(): void {
    if (this.currentKey === null) return;
    this.doc.endMarkedContent();
    this.hyphen?.end();
    this.child?.end();
    this.reference?.end();
    this.child = undefined;
    this.reference = undefined;
    this.currentKey = null;
    this.hyphen = undefined;
  }
}

/** Each link run's whole text (a link may be set in several runs, over several lines). */
export function linkTextsOf(runs: readonly Run[]): Map<Run, string> {
  const texts = new Map<Run, string>();
  let group: Run[] = [];
  const flush = (): void => {
    const text = group
      .map((run) => run.text)
      .join('')
      .trim();
    for (const run of group) texts.set(run, text);
    group = [];
  };
  for (const run of runs) {
    if (run.link && group.length > 0 && group[0]!.link !== run.link) flush();
    if (run.link) group.push(run);
    else flush();
  }
  flush();
  return texts;
}
