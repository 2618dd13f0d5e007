/**
 * The PDF briefing: the composed article (the same one the HTML page shows) set by the layout
 * engine into a tagged PDF 1.7 with embedded, subset fonts, document information, an outline,
 * a running header and "Page N of M" footers. Reproducible: the dates come from
 * SOURCE_DATE_EPOCH, else the meeting's date, and pdfkit derives the file ID from them.
 */
import type { Element, ElementContent, Root } from 'hast';
import { parseArticle } from '../article.js';
import { documentDate } from '../document-date.js';
import PDFDocument from 'pdfkit';
import type { BriefingView } from '../../compose/view-model.js';
import { shortDate } from '../../compose/helpers.js';
import { FACES, loadFontSet, missingCharacters, type Face } from './fonts.js';
import { Layout } from './layout.js';
import type { Theme } from './theme.js';

export interface PdfResult {
  bytes: Uint8Array;
  /** Characters no font face could set, with the face's name. */
  missing: { char: string; face: Face }[];
  pages: number;
}

const FACE_NAMES: Readonly<Record<Face, string>> = { regular: 'Body', italic: 'Body-Italic', bold: 'Body-Bold', boldItalic: 'Body-BoldItalic' };

export { documentDate };

/** `tree` is the article parsed already (see article.ts), when another renderer has done so. */
export async function renderPdf(article: string, view: BriefingView, theme: Theme, tree: Root = parseArticle(article)): Promise<PdfResult> {
  const fonts = loadFontSet(theme.fonts);
  const date = documentDate(view);
  const doc = new PDFDocument({
    size: theme.pageSize.toUpperCase(),
    // No default font: pdfkit would otherwise parse its Helvetica metrics for every document.
    font: null as never,
    margin: 0, // the layout keeps its own margins, so pdfkit never breaks a page by itself
    pdfVersion: '1.7',
    tagged: true,
    lang: view.lang,
    displayTitle: true,
    bufferPages: true,
    autoFirstPage: true,
    compress: true,
    info: {
      Title: view.heading,
      Author: view.hosts.join('; '),
      Subject: view.topic ?? view.title,
      Keywords: view.tags.join(', '),
      Creator: 'phrg-brief',
      Producer: 'phrg-brief (PDFKit)',
      CreationDate: date,
      ModDate: date,
    },
  });
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

  const root = doc.struct('Document');
  doc.addStructure(root);
  const layout = new Layout(doc, theme, fonts, FACE_NAMES);
  const articleElement = tree.children.find((node): node is Element => node.type === 'element');
  const content = articleElement ? articleElement.children : tree.children.filter((node): node is ElementContent => node.type !== 'doctype');
  layout.blocks(content, layout.left, layout.width, root);
  root.end();

  addOutline(doc, layout.outline);
  const pages = doc.bufferedPageRange().count;
  addRunningText(doc, theme, view, pages);
  doc.end();
  await ended;

  const missing = FACES.flatMap((face) => missingCharacters(fonts[face], layout.textByFace[face]).map((char) => ({ char, face })));
  return { bytes: Buffer.concat(chunks), missing, pages };
}

const layoutCaches = new WeakMap<object, object>();

/**
 * pdfkit shapes each word once per document and keeps the result per document; shaping is
 * the costliest part of writing text, and the glyph runs depend on the font alone, so one
 * cache per font serves every document of the process. (`layoutCache` is pdfkit's own field.)
 */
function shareLayoutCache(doc: InstanceType<typeof PDFDocument>, name: string, font: object): void {
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

function addOutline(doc: InstanceType<typeof PDFDocument>, entries: Layout['outline']): void {
  const parents: PDFKit.PDFOutline[] = [doc.outline];
  for (const { level, title, page } of entries) {
    // pdfkit points a bookmark at the current page: make that the heading's.
    doc.switchToPage(page);
    const depth = Math.max(1, Math.min(level, parents.length));
    const item = parents[depth - 1]!.addItem(title);
    parents.length = depth;
    parents.push(item);
  }
}

/** "7/11/16 · Short title" at the top of every page but the first; "Page N of M" at the foot. */
function addRunningText(doc: InstanceType<typeof PDFDocument>, theme: Theme, view: BriefingView, pages: number): void {
  const size = theme.sizes.running;
  const left = theme.margins.left;
  const width = doc.page.width - theme.margins.left - theme.margins.right;
  for (let i = 0; i < pages; i++) {
    doc.switchToPage(i);
    doc.font('Body').fontSize(size).fillColor(theme.colors.muted);
    const footerY = doc.page.height - theme.margins.bottom / 2 - size / 2;
    doc.markContent('Artifact', { type: 'Pagination', attached: ['Bottom'] } as never);
    doc.text(`Page ${i + 1} of ${pages}`, left, footerY, { width, align: 'center', lineBreak: false });
    doc.endMarkedContent();
    if (i === 0) continue;
    const header = fitText(doc, `${shortDate(view.date)} · ${view.title}`, width);
    doc.markContent('Artifact', { type: 'Pagination', attached: ['Top'] } as never);
    doc.text(header, left, theme.margins.top / 2 - size / 2, { lineBreak: false });
    doc.endMarkedContent();
  }
}

/** The text, shortened with an ellipsis at a word boundary to fit `width`. */
function fitText(doc: InstanceType<typeof PDFDocument>, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  const words = text.split(' ');
  while (words.length > 1 && doc.widthOfString(`${words.join(' ')} …`) > width) words.pop();
  return `${words.join(' ')} …`;
}
