/**
 * Bounds on what a record may ask of the parsers, checked on the raw text before any parsing,
 * in one pass. micromark (remark's parser) has no limits of its own: its work per line grows
 * with the depth of the open lists and block quotes, and its emphasis and link resolution look
 * back over the paragraph's earlier marks, so 5,000 nested list items or `*a` repeated 20,000
 * times take seconds to minutes, and every tree walk after it recurses once per level. A real
 * briefing nests two or three deep and marks a few words per paragraph; what passes these
 * bounds is a mistake or an attack, refused with a diagnostic where it passes them.
 */

/**
 * The default largest record, in bytes: 256 KiB, a dozen times the longest real briefing
 * (about 20 KB) and still parsed, checked and set as a PDF within seconds.
 */
export const DEFAULT_RECORD_SIZE = 256 * 1024;

/**
 * Lists and block quotes nested deeper than this are refused, as markdown-it's CommonMark
 * preset stops at 20 nested blocks: any real briefing (two or three levels) is far inside, and
 * the recursive walks of validation and rendering stay shallow. micromark's work on a line
 * grows with the square of the depth open there, so the record's sum of those squares is
 * bounded too: 50 lines at the deepest level, or 5,000 lines two deep.
 */
export const MAX_NESTING = 20;
const NESTING_BUDGET = 50 * MAX_NESTING * MAX_NESTING;

/**
 * Emphasis marks (`*`, `_`) and brackets (`[`, `]`) cost micromark time in proportion to the
 * square of their number in one paragraph. The record's sum of those squares is bounded: one
 * paragraph may hold 500 of a kind, or a hundred paragraphs 50 each; a real record, a few per
 * paragraph, uses well under a hundredth of it.
 */
export const MAX_MARKS = 500;
const MARK_BUDGET = MAX_MARKS * MAX_MARKS;

export interface LimitProblem {
  /** Offsets in the text scanned. */
  start: number;
  end: number;
  message: string;
  note: string;
}

/** A record bigger than `limit` bytes, refused before it is decoded or parsed. */
export function recordSizeProblem(size: number, limit: number): LimitProblem | undefined {
  if (size <= limit) return undefined;
  return {
    start: 0,
    end: 0,
    message: `the record is ${formatBytes(size)}, more than the ${formatBytes(limit)} a record may be: it was not read further`,
    note: 'split it into several records, or raise limits.recordSize (in bytes) in phrg-brief.yaml',
  };
}

/** The first place in `text` from `from` on where the Markdown passes a bound, if any. */
export function markdownLimitProblem(text: string, from = 0): LimitProblem | undefined {
  const budget = { emphasis: 0, brackets: 0, nesting: 0 };
  // The deepest nesting since the last blank line: a line without markers may still be inside
  // all of it (indented, or a paragraph's lazy continuation), and is counted so.
  let blockDepth = 0;
  let emphasis = 0;
  let brackets = 0;
  let offset = from;
  while (offset <= text.length) {
    const newline = text.indexOf('\n', offset);
    const end = newline === -1 ? text.length : newline;
    const prefix = containerPrefix(text, offset, end);
    if (prefix.problem) return prefix.problem;
    blockDepth = prefix.blank && prefix.depth === 0 ? 0 : Math.max(blockDepth, prefix.depth);
    budget.nesting += blockDepth * blockDepth;
    if (budget.nesting > NESTING_BUDGET) {
      return {
        start: offset,
        end: prefix.contentStart,
        message: `lists and block quotes nested ${blockDepth} deep for too many lines: phrg-brief parses no further (${MAX_NESTING} deep for 50 lines, or 2 deep for 5,000)`,
        note: 'a briefing nests points two or three deep; check the indentation and the > and - markers',
      };
    }
    // A blank line or a new list item starts a new paragraph: its marks are counted afresh.
    if (prefix.blank || prefix.listItem) {
      budget.emphasis += emphasis * emphasis;
      budget.brackets += brackets * brackets;
      emphasis = 0;
      brackets = 0;
    }
    for (let i = prefix.contentStart; i < end; i++) {
      const code = text.charCodeAt(i);
      if (code === 42 || code === 95) {
        emphasis++;
        if (emphasis > MAX_MARKS || budget.emphasis + emphasis * emphasis > MARK_BUDGET) return marksProblem(i, 'emphasis marks (* and _)', emphasis);
      } else if (code === 91 || code === 93) {
        brackets++;
        if (brackets > MAX_MARKS || budget.brackets + brackets * brackets > MARK_BUDGET) return marksProblem(i, 'brackets ([ and ])', brackets);
      }
    }
    if (newline === -1) break;
    offset = newline + 1;
  }
  return undefined;
}

function marksProblem(offset: number, what: string, count: number): LimitProblem {
  return {
    start: offset,
    end: offset + 1,
    message:
      count > MAX_MARKS
        ? `too many ${what}: ${count} in this paragraph, more than the ${MAX_MARKS} phrg-brief parses in one`
        : `too many ${what} in this record's paragraphs: phrg-brief parses no further (${MAX_MARKS} in one paragraph, or 25 paragraphs of 100)`,
    note: 'a briefing marks a few words in a paragraph: remove the stray marks, or split the text into paragraphs',
  };
}

interface Prefix {
  /** Where the line's text starts after its block-quote and list markers. */
  contentStart: number;
  blank: boolean;
  /** The line opens a list item (so a new paragraph). */
  listItem: boolean;
  /** At most how deep the line's lists and block quotes nest. */
  depth: number;
  problem?: LimitProblem;
}

const THEMATIC_BREAK = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;

/**
 * The line's block-quote and list markers, and an upper bound on how deep they nest: each
 * marker opens one level, and indentation before a marker can only continue levels opened on
 * earlier lines, each of which takes at least two columns (a list marker and its space).
 */
function containerPrefix(text: string, start: number, end: number): Prefix {
  let i = start;
  let depth = 0;
  let listItem = false;
  let columns = 0;
  for (;;) {
    // Spaces and tabs (to the next multiple of four); a CRLF's CR takes no column.
    for (let code = text.charCodeAt(i); i < end && (code === 32 || code === 9 || code === 13); code = text.charCodeAt(++i)) {
      if (code !== 13) columns += code === 9 ? 4 - (columns % 4) : 1;
    }
    const marker = markerLength(text, i, end);
    if (marker === 0 || (text.charCodeAt(i) !== 62 && THEMATIC_BREAK.test(text.slice(i, end)))) break;
    depth += Math.floor(columns / 2) + 1;
    if (depth > MAX_NESTING) {
      return {
        contentStart: i,
        blank: false,
        listItem,
        depth,
        problem: {
          start: i,
          end: i + marker,
          message: `lists and block quotes nested more than ${MAX_NESTING} deep here: phrg-brief parses no deeper`,
          note: 'a briefing nests points two or three deep; check the indentation and the > and - markers',
        },
      };
    }
    if (text.charCodeAt(i) !== 62) listItem = true;
    i += marker;
    // The one space after a marker belongs to it; more is indentation.
    columns = 0;
    if (i < end && text.charCodeAt(i) === 32) i++;
  }
  const blank = i === end;
  // Indentation without a marker continues at most that many levels opened before.
  return { contentStart: i, blank, listItem, depth: depth + Math.floor(columns / 2) };
}

/** The length of a block-quote or list marker at `i` (0 for none). */
function markerLength(text: string, i: number, end: number): number {
  const code = text.charCodeAt(i);
  if (i >= end) return 0;
  if (code === 62) return 1; // >
  const spaceAfter = (at: number): boolean => at >= end || text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9;
  if (code === 45 || code === 43 || code === 42) return spaceAfter(i + 1) ? 1 : 0; // - + *
  let digits = 0;
  while (digits < 10 && i + digits < end && text.charCodeAt(i + digits) >= 48 && text.charCodeAt(i + digits) <= 57) digits++;
  if (digits === 0 || digits > 9) return 0;
  const after = text.charCodeAt(i + digits);
  return (after === 46 || after === 41) && spaceAfter(i + digits + 1) ? digits + 1 : 0;
}

/** Exact bytes, and the size in KiB or MiB beside them where that reads better. */
function formatBytes(bytes: number): string {
  const exact = `${bytes.toLocaleString('en-GB')} bytes`;
  if (bytes >= 1024 * 1024) return `${exact} (${(bytes / (1024 * 1024)).toFixed(1)} MiB)`;
  if (bytes >= 10 * 1024) return `${exact} (${(bytes / 1024).toFixed(0)} KiB)`;
  return exact;
}
