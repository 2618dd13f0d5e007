/**
 * Inline content → styled runs → lines. The PDF is laid out here rather than by pdfkit's own
 * wrapping, so that the layout knows every line before it draws one: headings can be kept
 * with what follows, and a list item's last line never starts a page alone.
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
          // The PDF embeds no image from the web: it stands as its description, linked to it.
          const image: Run = { text: imageText(node), face: faceOf(current.bold, current.italic) };
          const src = node.properties.src;
          if (typeof src === 'string' && /^https?:/i.test(src)) image.link = src;
          else if (current.link) image.link = current.link;
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

export interface Fragment {
  text: string;
  run: Run;
  /** Offset from the line's left edge. */
  x: number;
  width: number;
}

export type Line = Fragment[];

/** The width of `text` set as `run` is (its face, and its figures raised or not). */
export type Measure = (text: string, run: Run) => number;

/** One piece of a word: text of one run, up to and including the spaces after it. */
interface Piece {
  text: string;
  run: Run;
}

/**
 * The unbreakable units of a paragraph: pieces joined until a space that allows a break.
 * Runs meet without a space inside a word ("(" + "JC" + ")"), and a space inside a `nowrap`
 * run does not allow a break, so an attribution is one unit however many runs it takes.
 */
function words(runs: readonly Run[]): (Piece[] | '\n')[] {
  const out: (Piece[] | '\n')[] = [];
  let word: Piece[] = [];
  const close = (): void => {
    if (word.length > 0) out.push(word);
    word = [];
  };
  for (const run of runs) {
    if (run.text === '\n') {
      close();
      out.push('\n');
      continue;
    }
    for (const text of run.text.match(/[^ ]+ *| +/g) ?? []) {
      word.push({ text, run });
      if (text.endsWith(' ') && !run.nowrap) close();
    }
  }
  close();
  return out;
}

/**
 * Greedy line breaking between words; a word (or an attribution) that does not fit what is
 * left of a line goes whole onto the next. One wider than a whole line (a long address) is
 * broken between characters, and `onOverflow` told. Trailing spaces stay in the text (tagged
 * PDF wants them) but do not count against the width.
 */
export function breakLines(runs: readonly Run[], width: number, measure: Measure, onOverflow?: (word: string) => void): Line[] {
  const lines: Line[] = [];
  let line: Fragment[] = [];
  let x = 0;
  const push = (text: string, run: Run, w: number): void => {
    const last = line.at(-1);
    if (last && last.run === run) {
      last.text += text;
      last.width += w;
    } else {
      line.push({ text, run, x, width: w });
    }
    x += w;
  };
  const newLine = (): void => {
    lines.push(line);
    line = [];
    x = 0;
  };

  for (const word of words(runs)) {
    if (word === '\n') {
      newLine();
      continue;
    }
    const widths = word.map((piece) => measure(piece.text, piece.run));
    const last = word.length - 1;
    const trailing = widths[last]! - measure(word[last]!.text.trimEnd(), word[last]!.run);
    const wordWidth = widths.reduce((a, b) => a + b, 0) - trailing;
    if (x > 0 && x + wordWidth > width) newLine();
    if (wordWidth === 0 && x === 0) continue; // no line starts with a space
    if (wordWidth <= width) {
      word.forEach((piece, i) => push(piece.text, piece.run, widths[i]!));
      continue;
    }
    // Too wide for any line: break it where it fills the line.
    onOverflow?.(
      word
        .map((piece) => piece.text)
        .join('')
        .trim(),
    );
    for (const piece of word) {
      let rest = piece.text;
      while (rest !== '') {
        const fits = (n: number): boolean => x + measure(rest.slice(0, n).trimEnd(), piece.run) <= width;
        const low = longestFitting(0, rest.length, fits);
        if (low === 0 && x > 0) {
          newLine();
          continue;
        }
        let take = Math.max(1, low);
        if (take < rest.length && /[\uD800-\uDBFF]/.test(rest.charAt(take - 1))) take += take === 1 ? 1 : -1; // never part a surrogate pair
        push(rest.slice(0, take), piece.run, measure(rest.slice(0, take), piece.run));
        rest = rest.slice(take);
        if (rest !== '') newLine();
      }
    }
  }
  if (line.length > 0 || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * The largest count from `least` to `most` for which `fits` holds (`least` when none does),
 * `fits` holding up to some count and not after it. Counts of 2, 4, 8 … are tried until one
 * does not fit, then the gap is halved: what is measured stays about as long as what fits,
 * however long the whole. Halving from the whole measured it whole at every step: a word of
 * 200,000 characters took minutes to break into lines, a title of 2,000 words 44 s to fit.
 */
export function longestFitting(least: number, most: number, fits: (count: number) => boolean): number {
  let low = least;
  let high = most;
  for (let count = Math.max(2, 2 * least); count < most; count *= 2) {
    if (!fits(count)) {
      high = count - 1;
      break;
    }
    low = count;
  }
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}
