/**
 * A paragraph's runs → lines: greedy breaking between words, a word too wide for any line
 * broken between characters, and a soft hyphen (U+00AD, which text pasted from a word
 * processor carries) a place a word may break, a hyphen printed there and nowhere else.
 */
import type { Run } from './runs.js';

export interface Fragment {
  text: string;
  run: Run;
  /** Offset from the line's left edge. */
  x: number;
  width: number;
  /**
   * The hyphen a break at a soft hyphen prints: the record's text has a soft hyphen there, which
   * a copy or a screen reader is given in its place (ISO 32000-1, 14.8.2.2.3), not a "-".
   */
  breakHyphen?: true;
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
export function breakLines(runs: readonly Run[], width: number, measureText: Measure, onOverflow?: (word: string) => void): Line[] {
  // A soft hyphen is never set: only the hyphen a break at it prints.
  const measure: Measure = (text, run) => measureText(withoutSoftHyphens(text), run);
  const lines: Line[] = [];
  let line: Fragment[] = [];
  let x = 0;
  const push = (shown: string, run: Run, w: number): void => {
    const text = withoutSoftHyphens(shown);
    const last = line.at(-1);
    if (last && last.run === run && !last.breakHyphen) {
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

  const widthOf = (word: Piece[]): { widths: number[]; wordWidth: number } => {
    const widths = word.map((piece) => measure(piece.text, piece.run));
    const last = word.length - 1;
    const trailing = widths[last]! - measure(word[last]!.text.trimEnd(), word[last]!.run);
    return { widths, wordWidth: widths.reduce((a, b) => a + b, 0) - trailing };
  };

  for (let word of words(runs)) {
    if (word === '\n') {
      newLine();
      continue;
    }
    let { widths, wordWidth } = widthOf(word);
    // A word that does not fit what is left of the line breaks at its last soft hyphen that
    // does, and at each after on the lines that follow; with none that fits, it goes to the
    // next line, and breaks there as it can.
    while (x + wordWidth > width) {
      const split = atSoftHyphen(word, width - x, measure);
      if (!split) {
        if (x === 0) break;
        newLine();
        continue;
      }
      // The head's last piece ends in the hyphen the break prints: a fragment of its own.
      const hyphened = split.head.at(-1)!;
      for (const piece of [...split.head.slice(0, -1), { ...hyphened, text: hyphened.text.slice(0, -1) }])
        if (piece.text) push(piece.text, piece.run, measure(piece.text, piece.run));
      const hyphen = measure('-', hyphened.run);
      line.push({ text: '-', run: hyphened.run, x, width: hyphen, breakHyphen: true });
      newLine();
      word = split.rest;
      ({ widths, wordWidth } = widthOf(word));
    }
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

export const SOFT_HYPHEN = '\u00AD';

/** Text as it is set on one line, where a soft hyphen is no character at all. */
export const withoutSoftHyphens = (text: string): string => (text.includes(SOFT_HYPHEN) ? text.replaceAll(SOFT_HYPHEN, '') : text);
/** The longest word, in characters, broken at its soft hyphens: a German compound is a tenth of it. */
const SOFT_HYPHENED_WORD_LIMIT = 400;

/**
 * `word` broken at its last soft hyphen where what comes before, and the hyphen printed there,
 * fit in `room`: the head (its last piece ending in "-") and the rest; none when none fits.
 */
function atSoftHyphen(word: readonly Piece[], room: number, measure: Measure): { head: Piece[]; rest: Piece[] } | undefined {
  if (!word.some((piece) => piece.text.includes(SOFT_HYPHEN))) return undefined;
  // Past a length no real word has, the word is broken between characters: each break here
  // measures what is left of it, which on a hostile word of 60,000 characters took minutes.
  if (word.reduce((length, piece) => length + piece.text.length, 0) > SOFT_HYPHENED_WORD_LIMIT) return undefined;
  let best: { head: Piece[]; rest: Piece[] } | undefined;
  let before = 0;
  for (const [i, piece] of word.entries()) {
    for (let at = piece.text.indexOf(SOFT_HYPHEN); at !== -1; at = piece.text.indexOf(SOFT_HYPHEN, at + 1)) {
      if (i === 0 && at === 0) continue; // nothing before it to stand on the line
      const cut = { text: `${piece.text.slice(0, at)}-`, run: piece.run };
      if (before + measure(cut.text, piece.run) > room) return best;
      const rest = piece.text.slice(at + 1);
      // A soft hyphen at the word's end has nothing after it to take to the next line.
      if (i === word.length - 1 && rest.trim() === '') break;
      best = { head: [...word.slice(0, i), cut], rest: [...(rest ? [{ text: rest, run: piece.run }] : []), ...word.slice(i + 1)] };
    }
    before += measure(piece.text, piece.run);
  }
  return best;
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
