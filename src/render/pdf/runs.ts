/**
 * Inline content → styled runs, which line-breaks.ts sets in lines. The PDF is laid out here
 * rather than by pdfkit's own wrapping, so that the layout knows every line before it draws
 * one: headings can be kept with what follows, and a list item's last line never starts a
 * page alone.
 */
import type { Element, ElementContent } from 'hast';
import type { Face } from './fonts.js';
import { faceOf } from './fonts.js';
import { imageText, isFootnoteBackref } from '../web-only.js';
import { codeLines } from '../code-lines.js';

export interface Run {
  text: string;
  face: Face;
  /** An http(s)/mailto address: the run is a link. */
  link?: string;
  /** The expansion of an abbreviation (an attribution's speaker name). */
  expanded?: string;
  /** Part of a unit never broken across lines (an attribution, as the HTML's `nowrap`). */
  nowrap?: boolean;
  /** Raised, in the font's own superscript figures (a footnote's number). */
  superscript?: boolean;
  /** Struck through: words the record shows as withdrawn (`~~200~~ 250`). */
  struck?: boolean;
  /** The language of the run, where an element within its block gives one (`<span lang="fr">`). */
  lang?: string;
  /** A reference to a footnote: the note's id (`user-content-fn-1`), its named destination. */
  noteRef?: string;
}

export interface Style {
  bold: boolean;
  italic: boolean;
  link?: string;
  expanded?: string;
  nowrap?: boolean;
  superscript?: boolean;
  struck?: boolean;
  lang?: string;
  noteRef?: string;
  /** A code block's text: its line breaks kept. */
  preformatted?: boolean;
}

const BOLD = new Set(['strong', 'b', 'th']);
const ITALIC = new Set(['em', 'i', 'cite', 'dfn']);

/** The runs of an element's inline content, white space collapsed as a browser would. */
export function collectRuns(children: readonly ElementContent[], style: Style = { bold: false, italic: false }): Run[] {
  const runs: Run[] = [];
  const walk = (nodes: readonly ElementContent[], current: Style): void => {
    for (const node of nodes) {
      if (node.type === 'text' && current.preformatted) {
        // A code block's lines stay lines, their indentation kept.
        codeLines(node.value).forEach((line, i) => {
          if (i > 0) runs.push({ text: '\n', face: faceOf(current.bold, current.italic) });
          runs.push({ text: line, face: faceOf(current.bold, current.italic) });
        });
      } else if (node.type === 'text') {
        const run: Run = { text: node.value.replace(/\s+/g, ' '), face: faceOf(current.bold, current.italic) };
        if (current.link) run.link = current.link;
        if (current.expanded) run.expanded = current.expanded;
        if (current.nowrap) run.nowrap = true;
        if (current.superscript) run.superscript = true;
        if (current.struck) run.struck = true;
        if (current.lang) run.lang = current.lang;
        if (current.noteRef) run.noteRef = current.noteRef;
        runs.push(run);
      } else if (node.type === 'element') {
        if (node.tagName === 'br') {
          runs.push({ text: '\n', face: faceOf(current.bold, current.italic) });
          continue;
        }
        // A footnote's way back to its reference (↩) is the web page's: a printed page has its number.
        if (isFootnoteBackref(node)) continue;
        if (node.tagName === 'img') {
          // The PDF embeds no image from the web: it stands as its description, linked to it,
          // or, inside a link, to where that link leads.
          const image: Run = { text: imageText(node), face: faceOf(current.bold, current.italic) };
          const src = node.properties.src;
          if (current.link) image.link = current.link;
          else if (typeof src === 'string' && /^https?:/i.test(src)) image.link = src;
          runs.push(image);
          continue;
        }
        walk(node.children, styleOf(node, current));
      }
    }
  };
  walk(children, style);
  return trimRuns(mergeRuns(runs));
}

function styleOf(element: Element, current: Style): Style {
  const next: Style = { ...current };
  if (BOLD.has(element.tagName)) next.bold = true;
  if (ITALIC.has(element.tagName)) next.italic = true;
  // A link within the web page has no address in the PDF: a footnote's number goes to its note
  // (notes.ts); any other keeps its text, unlinked.
  const href = element.properties.href;
  if (element.tagName === 'a' && typeof href === 'string') {
    if (!href.startsWith('#')) next.link = href;
    else if (element.properties.dataFootnoteRef !== undefined) next.noteRef = href.slice(1);
  }
  if (element.tagName === 'abbr' && typeof element.properties.title === 'string') next.expanded = element.properties.title;
  if (element.tagName === 'sup') next.superscript = true;
  if (element.tagName === 'del' || element.tagName === 's') next.struck = true;
  if (typeof element.properties.lang === 'string') next.lang = element.properties.lang;
  const classes = element.properties.className;
  if (Array.isArray(classes) && classes.includes('attribution')) next.nowrap = true;
  return next;
}

function sameStyle(a: Run, b: Run): boolean {
  return (
    a.face === b.face &&
    a.link === b.link &&
    a.expanded === b.expanded &&
    a.nowrap === b.nowrap &&
    a.superscript === b.superscript &&
    a.struck === b.struck &&
    a.lang === b.lang &&
    a.noteRef === b.noteRef
  );
}

function mergeRuns(runs: Run[]): Run[] {
  const merged: Run[] = [];
  for (const run of runs) {
    const last = merged.at(-1);
    if (last && sameStyle(last, run) && run.text !== '\n' && last.text !== '\n') last.text += run.text;
    else merged.push({ ...run });
  }
  // Collapse spaces across run boundaries: "a " + " b" → "a " + "b".
  for (let i = 1; i < merged.length; i++) {
    if (/ $/.test(merged[i - 1]!.text) && merged[i]!.text.startsWith(' ')) merged[i]!.text = merged[i]!.text.slice(1);
  }
  return merged.filter((run) => run.text !== '');
}

function trimRuns(runs: Run[]): Run[] {
  if (runs.length === 0) return runs;
  runs[0]!.text = runs[0]!.text.replace(/^ +/, '');
  runs[runs.length - 1]!.text = runs[runs.length - 1]!.text.replace(/ +$/, '');
  return runs.filter((run) => run.text !== '');
}

export function runsText(runs: readonly Run[]): string {
  return runs.map((run) => run.text).join('');
}
