/**
 * Inline content → styled runs → lines. The PDF is laid out here rather than by pdfkit's own
 * wrapping, so that the layout knows every line before it draws one: headings can be kept
 * with what follows, and a list item's last line never starts a page alone.
 */
import type { Element, ElementContent } from 'hast';
import type { Face } from './fonts.js';
import { faceOf } from './fonts.js';

export interface Run {
  text: string;
  face: Face;
  /** An http(s)/mailto address: the run is a link. */
  link?: string;
  /** The expansion of an abbreviation (an attribution's speaker name). */
  expanded?: string;
}

interface Style {
  bold: boolean;
  italic: boolean;
  link?: string;
  expanded?: string;
}

const BOLD = new Set(['strong', 'b', 'th']);
const ITALIC = new Set(['em', 'i', 'cite', 'dfn']);

/** The runs of an element's inline content, white space collapsed as a browser would. */
export function collectRuns(children: readonly ElementContent[], style: Style = { bold: false, italic: false }): Run[] {
  const runs: Run[] = [];
  const walk = (nodes: readonly ElementContent[], current: Style): void => {
    for (const node of nodes) {
      if (node.type === 'text') {
        const run: Run = { text: node.value.replace(/\s+/g, ' '), face: faceOf(current.bold, current.italic) };
        if (current.link) run.link = current.link;
        if (current.expanded) run.expanded = current.expanded;
        runs.push(run);
      } else if (node.type === 'element') {
        if (node.tagName === 'br') {
          runs.push({ text: '\n', face: faceOf(current.bold, current.italic) });
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
  if (element.tagName === 'a' && typeof element.properties.href === 'string') next.link = element.properties.href;
  if (element.tagName === 'abbr' && typeof element.properties.title === 'string') next.expanded = element.properties.title;
  return next;
}

function sameStyle(a: Run, b: Run): boolean {
  return a.face === b.face && a.link === b.link && a.expanded === b.expanded;
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

export type Measure = (text: string, face: Face) => number;

/**
 * Greedy line breaking at spaces; a word wider than the line (a long address) is broken
 * between characters. Trailing spaces stay in the text (tagged PDF wants them) but do not
 * count against the width.
 */
export function breakLines(runs: readonly Run[], width: number, measure: Measure): Line[] {
  const lines: Line[] = [];
  let line: Fragment[] = [];
  let x = 0;
  const push = (text: string, run: Run): void => {
    const w = measure(text, run.face);
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

  for (const run of runs) {
    if (run.text === '\n') {
      newLine();
      continue;
    }
    for (const piece of run.text.match(/[^ ]+ *| +/g) ?? []) {
      const word = piece.trimEnd();
      const wordWidth = measure(word, run.face);
      if (x > 0 && x + wordWidth > width) newLine();
      if (word === '' && x === 0) continue; // no line starts with a space
      if (wordWidth <= width) {
        push(piece, run);
        continue;
      }
      // Too wide for any line: break it where it fills the line.
      let rest = piece;
      while (rest !== '') {
        let take = rest.length;
        while (take > 1 && x + measure(rest.slice(0, take).trimEnd(), run.face) > width) take--;
        push(rest.slice(0, take), run);
        rest = rest.slice(take);
        if (rest !== '') newLine();
      }
    }
  }
  if (line.length > 0 || lines.length === 0) lines.push(line);
  return lines;
}
