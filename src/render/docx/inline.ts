/**
 * A block's inline content as Word runs: bold and italic carried down, code in the code
 * font, links as hyperlinks, and each attribution — "(JC + IV)" — held together with its
 * last word by no-break spaces, so that a line never starts with a lone initial.
 */
import type { Element, ElementContent } from 'hast';
import { ExternalHyperlink, FootnoteReferenceRun, Paragraph, TextRun } from 'docx';
import { imageText, isFootnoteBackref } from '../web-only.js';
import { codeLines } from '../code-lines.js';
import { isRightToLeft } from '../text-direction.js';

export type Inline = TextRun | ExternalHyperlink | FootnoteReferenceRun;

interface Marks {
  bold?: boolean;
  italics?: boolean;
  code?: boolean;
  /** Raised or lowered: a footnote's number, a unit's power. */
  script?: 'super' | 'sub';
  /** Struck through: words the record shows as withdrawn (`~~200~~ 250`). */
  strike?: boolean;
  /** The language of the text, where it is not the document's. */
  lang?: string;
  /** A code block's text: its line breaks and spaces kept. */
  preformatted?: boolean;
  /** Inside a link: its words in Word's Hyperlink style (a link holds no other link). */
  linked?: boolean;
}

const NBSP = '\u00a0';
/** Links a reader of the Word file can follow; a page-relative link has nowhere to go there. */
const FOLLOWABLE = /^(?:https?:|mailto:)/i;

export interface InlineOptions {
  codeFont: string;
  /** The document's language (its default style's), and that of the block at hand. */
  documentLang: string;
  lang: string;
  /** Each footnote's content by its reference's address (`#user-content-fn-1`): Word's own footnotes. */
  footnotes?: ReadonlyMap<string, readonly ElementContent[]>;
  /** Word's number of each footnote cited so far, by that address, filled in as the document is written. */
  cited?: Map<string, number>;
}

export function inlineRuns(children: readonly ElementContent[], options: InlineOptions, marks: Marks = { lang: options.lang }): Inline[] {
  const runs: Inline[] = [];
  children.forEach((child, i) => {
    if (child.type === 'text' && marks.preformatted) {
      // A code block's lines stay lines, their indentation kept.
      codeLines(child.value).forEach((line, n) => {
        if (n > 0) runs.push(new TextRun({ break: 1 }));
        if (line) runs.push(textRun(line, options, marks));
      });
    } else if (child.type === 'text') {
      // The space before an attribution binds it to the word it follows; the line end after a
      // line break is no space at the next line's start.
      const next = children[i + 1];
      const previous = children[i - 1];
      let text = next && isAttribution(next) ? child.value.replace(/\s+$/, NBSP) : child.value;
      if (previous?.type === 'element' && previous.tagName === 'br') text = text.trimStart();
      if (text) runs.push(textRun(text, options, marks));
    } else if (child.type === 'element') {
      runs.push(...elementRuns(child, options, marks));
    }
  });
  return runs;
}

function elementRuns(element: Element, options: InlineOptions, outer: Marks): Inline[] {
  const marks = typeof element.properties.lang === 'string' ? { ...outer, lang: element.properties.lang } : outer;
  switch (element.tagName) {
    case 'strong':
    case 'b':
      return inlineRuns(element.children, options, { ...marks, bold: true });
    case 'em':
    case 'i':
    case 'cite':
      return inlineRuns(element.children, options, { ...marks, italics: true });
    case 'code':
    case 'kbd':
      return inlineRuns(element.children, options, { ...marks, code: true });
    case 'sup': {
      // A footnote's number is Word's own footnote, which Word numbers, places and links both ways.
      const link = element.children.find((child): child is Element => child.type === 'element' && child.tagName === 'a');
      const href = typeof link?.properties.href === 'string' ? link.properties.href : '';
      const note = options.footnotes?.get(href);
      if (note) {
        // A note cited again is the same note, with the same number, as on the page: Word's
        // footnote is made once, and the number raised where it is cited again.
        const number = options.cited?.get(href);
        if (number !== undefined) return [new TextRun({ text: String(number), style: 'FootnoteReference', superScript: true })];
        options.cited?.set(href, (options.cited?.size ?? 0) + 1);
        return [new FootnoteReferenceRun({ children: noteParagraphs(note, options, { lang: marks.lang }) })];
      }
      return inlineRuns(element.children, options, { ...marks, script: 'super' });
    }
    case 'sub':
      return inlineRuns(element.children, options, { ...marks, script: 'sub' });
    case 'del':
    case 's':
      return inlineRuns(element.children, options, { ...marks, strike: true });
    case 'br':
      return [new TextRun({ break: 1 })];
    case 'a': {
      // A footnote's way back to its reference (↩) is the web page's: Word numbers its notes.
      if (isFootnoteBackref(element)) return [];
      const href = typeof element.properties.href === 'string' ? element.properties.href : '';
      if (!FOLLOWABLE.test(href) || marks.linked) return inlineRuns(element.children, options, marks);
      // Its words keep their emphasis, struck-through words their line.
      return [new ExternalHyperlink({ link: href, children: inlineRuns(element.children, options, { ...marks, linked: true }) })];
    }
    case 'img': {
      // The Word file embeds no image from the web: it stands as its description, linked to it
      // (or, inside a link, to where that link leads).
      const src = typeof element.properties.src === 'string' ? element.properties.src : '';
      if (!FOLLOWABLE.test(src) || marks.linked) return [textRun(imageText(element), options, marks)];
      return [new ExternalHyperlink({ link: src, children: [textRun(imageText(element), options, marks, 'Hyperlink')] })];
    }
    case 'span':
      if (isAttribution(element)) return [textRun(plainText(element.children).replace(/\s+/g, NBSP), options, marks)];
      return inlineRuns(element.children, options, marks);
    default:
      return inlineRuns(element.children, options, marks);
  }
}

/**
 * A footnote's paragraphs, in Word's Footnote Text style, the first set a space after the
 * number Word puts before it (its way back to the reference left out, as Word has its own).
 */
function noteParagraphs(content: readonly ElementContent[], options: InlineOptions, marks: Marks): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let loose: ElementContent[] = [];
  const flush = (): void => {
    const runs = inlineRuns(loose, options, marks);
    if (loose.some((node) => node.type !== 'text' || node.value.trim() !== ''))
      paragraphs.push(new Paragraph({ style: 'FootnoteText', children: paragraphs.length === 0 ? [new TextRun(' '), ...runs] : runs }));
    loose = [];
  };
  for (const node of content) {
    if (node.type === 'element' && node.tagName === 'p') {
      flush();
      // Without the space the page's way back (↩) stood after.
      loose = node.children.filter((child) => child.type !== 'element' || !isFootnoteBackref(child));
      const last = loose.at(-1);
      if (last?.type === 'text') loose[loose.length - 1] = { ...last, value: last.value.trimEnd() };
      flush();
    } else loose.push(node);
  }
  flush();
  return paragraphs;
}

function textRun(text: string, options: InlineOptions, marks: Marks, style?: string): TextRun {
  const rightToLeft = isRightToLeft(marks.lang);
  return new TextRun({
    text: marks.preformatted ? text : text.replace(/\s+/g, (space) => (space.includes(NBSP) ? NBSP : ' ')),
    ...(marks.bold ? { bold: true } : {}),
    ...(marks.italics ? { italics: true } : {}),
    ...(marks.code ? { font: options.codeFont } : {}),
    ...(marks.strike ? { strike: true } : {}),
    // Words in another language than the document's say so, as the page's lang="…" does; one
    // written right to left is Word's complex script, run right to left.
    ...(rightToLeft ? { rightToLeft: true, language: { bidirectional: marks.lang! } } : {}),
    ...(marks.lang && marks.lang !== options.documentLang && !rightToLeft ? { language: { value: marks.lang } } : {}),
    ...(marks.script === 'super' ? { superScript: true } : marks.script === 'sub' ? { subScript: true } : {}),
    ...(style || marks.linked ? { style: style ?? 'Hyperlink' } : {}),
  });
}

function isAttribution(node: ElementContent): boolean {
  if (node.type !== 'element' || node.tagName !== 'span') return false;
  const className = node.properties.className;
  return Array.isArray(className) && className.includes('attribution');
}

export function plainText(children: readonly ElementContent[]): string {
  return children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? plainText(child.children) : '')).join('');
}
