/**
 * The PDF briefing: the composed article (the same one the HTML page shows) set by the layout
 * engine into a tagged PDF 1.7 that claims PDF/UA-1, with embedded, subset fonts, metadata,
 * an outline, a running header and "Page N of M" footers. Reproducible: the dates come from
 * SOURCE_DATE_EPOCH, else the meeting's date, and pdfkit derives the file ID from them.
 *
 * Laid out twice: a dry pass counts the pages, then the drawing pass writes each page out as
 * soon as the next is begun (no `bufferPages`), so memory does not grow with the page count.
 */
import type { Element, ElementContent, Root } from 'hast';
import { parseArticle } from '../article.js';
import { documentDate } from '../document-date.js';
import PDFDocument from 'pdfkit';
import type { BriefingView } from '../../compose/view-model.js';
import { shortDate } from '../../compose/helpers.js';
import { charactersSeen, FACES, loadFontSet, missingCharacters, textWidth, type Face, type FontSet } from './fonts.js';
import { Layout, newCaches } from './layout.js';
import { writeIdTree } from './notes.js';
import { longestFitting, withoutSoftHyphens } from './line-breaks.js';
import { documentInfo, xmpDescriptions } from './metadata.js';
import type { Theme } from './theme.js';

type Doc = InstanceType<typeof PDFDocument>;

export interface PdfResult {
  bytes: Uint8Array;
  /** Characters no font face could set, with the face's name: the file does not claim PDF/UA-1. */
  missing: { char: string; face: Face }[];
  /** Where the layout had to give way (a word wider than the page, lists nested too deep). */
  warnings: string[];
  pages: number;
}

const FACE_NAMES: Readonly<Record<Face, string>> = { regular: 'Body', italic: 'Body-Italic', bold: 'Body-Bold', boldItalic: 'Body-BoldItalic' };

export { documentDate };

/**
 * `tree` is the article parsed already (see article.ts), when another renderer has done so;
 * `siteLang`, the language of the template's own words, which the record's (in `view.lang`)
 * stand among.
 */
export async function renderPdf(article: string, view: BriefingView, theme: Theme, tree: Root = parseArticle(article), siteLang = 'en-GB'): Promise<PdfResult> {
  const languages = { document: view.lang, text: siteLang };
  const fonts = loadFontSet(theme.fonts);
  const info = documentInfo(view, documentDate(view));
  const doc = new PDFDocument({
    size: theme.pageSize.toUpperCase(),
    // No default font: pdfkit would otherwise parse its Helvetica metrics for every document.
    font: null as never,
    margin: 0, // the layout keeps its own margins, so pdfkit never breaks a page by itself
    pdfVersion: '1.7',
    tagged: true,
    subset: 'PDF/UA' as never, // adds pdfuaid:part 1 to the XMP (the types know only PDF/A)
    lang: view.lang,
    displayTitle: true,
    autoFirstPage: true,
    compress: true,
    info,
  });
  // pdfkit's own XMP descriptions are written unescaped and lack dc:language (see metadata.ts).
  const internals = doc as unknown as { _addInfo: () => void; appendXML: (xml: string) => void };
  internals._addInfo = () => internals.appendXML(xmpDescriptions(info, view));
  for (const face of FACES) {
    doc.registerFont(FACE_NAMES[face], fonts[face] as never);
    shareLayoutCache(doc, FACE_NAMES[face], fonts[face]);
  }

  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const articleElement = tree.children.find((node): node is Element => node.type === 'element');
  const content = articleElement ? articleElement.children : tree.children.filter((node): node is ElementContent => node.type !== 'doctype');

  // The counting pass: the same layout, dry. What it breaks into lines and measures is kept
  // for the drawing pass.
  const caches = newCaches();
  const counting = new Layout(doc, theme, fonts, FACE_NAMES, undefined, caches, languages);
  counting.blocks(content, counting.left, counting.width, undefined);
  const pages = counting.page + 1;

  const outline: PDFKit.PDFOutline[] = [doc.outline];
  const running = runningText(doc, theme, fonts, view, pages);
  const layout = new Layout(
    doc,
    theme,
    fonts,
    FACE_NAMES,
    {
      pageStarted: running,
      heading(level, title) {
        const depth = Math.max(1, Math.min(level, outline.length));
        const item = outline[depth - 1]!.addItem(title);
        outline.length = depth;
        outline.push(item);
      },
    },
    caches,
    languages,
  );
  running(0);
  const root = doc.struct('Document');
  doc.addStructure(root);
  layout.blocks(content, layout.left, layout.width, root);
  root.end();
  writeIdTree(doc, layout.notes);
  const missing = FACES.flatMap((face) => missingCharacters(fonts[face], charactersSeen(layout.charsByFace[face])).map((char) => ({ char, face })));
  // A character the font lacks is drawn as its .notdef glyph, which PDF/UA-1 forbids (7.21.8):
  // such a file does not claim to be PDF/UA (pdfkit writes the claim on ending when `subset` is set).
  if (missing.length > 0) (doc as unknown as { subset?: number }).subset = undefined;
  doc.end();
  await ended;

  return {
    bytes: Buffer.concat(chunks),
    missing,
    warnings: [...layout.warnings, ...counting.warnings].filter((w, i, all) => all.indexOf(w) === i),
    pages: layout.page + 1,
  };
}

const layoutCaches = new WeakMap<object, object>();

/**
 * pdfkit shapes each word once per document and keeps the result per document; shaping is
 * the costliest part of writing text, and the glyph runs depend on the font alone, so one
 * cache per font serves every document of the process. (`layoutCache` is pdfkit's own field.)
 */
function shareLayoutCache(doc: Doc, name: string, font: object): void {
  doc.font(name);
  const embedded = (doc as unknown as { _font?: { layoutCache?: object } })._font;
  if (!embedded || !('layoutCache' in embedded)) return;
  let shared = layoutCaches.get(font);
  if (!shared) {
    shared = Object.create(null) as object;
    layoutCaches.set(font, shared);
  }
  embedded.layoutCache = shared;
}

/** Draws "7/11/16 · Short title" at the top of a page but the first, and "Page N of M" at its foot. */
function runningText(doc: Doc, theme: Theme, fonts: FontSet, view: BriefingView, pages: number): (index: number) => void {
  const size = theme.sizes.running;
  const left = theme.margins.left;
  const width = doc.page.width - theme.margins.left - theme.margins.right;
  // A soft hyphen in the title is a place to break it, never printed on this one line.
  const header = fitText(`${shortDate(view.date)} · ${withoutSoftHyphens(view.title)}`, width, (text) => textWidth(fonts.regular, text, size));
  return (index) => {
    doc.font('Body').fontSize(size).fillColor(theme.colors.muted);
    const footerY = doc.page.height - theme.margins.bottom / 2 - size / 2;
    doc.markContent('Artifact', { type: 'Pagination', attached: ['Bottom'] } as never);
    doc.text(`Page ${index + 1} of ${pages}`, left, footerY, { width, align: 'center', lineBreak: false });
    doc.endMarkedContent();
    if (index === 0) return;
    doc.markContent('Artifact', { type: 'Pagination', attached: ['Top'] } as never);
    doc.text(header, left, theme.margins.top / 2 - size / 2, { lineBreak: false });
    doc.endMarkedContent();
  };
}

/**
 * The text, shortened with an ellipsis at a word boundary to fit `width`; a first word too
 * wide alone is cut between characters.
 */
export function fitText(text: string, width: number, measure: (text: string) => number): string {
  if (measure(text) <= width) return text;
  const words = text.split(' ');
  const fits = (count: number): boolean => measure(`${words.slice(0, count).join(' ')} …`) <= width;
  const count = longestFitting(1, words.length - 1, fits);
  if (count > 1 || fits(1)) return `${words.slice(0, count).join(' ')} …`;
  const first = words[0]!;
  let kept = longestFitting(0, first.length, (n) => measure(`${first.slice(0, n)}…`) <= width);
  if (/[\uD800-\uDBFF]/.test(first.charAt(kept - 1))) kept--; // never part a surrogate pair
  return `${first.slice(0, kept)}…`;
}
