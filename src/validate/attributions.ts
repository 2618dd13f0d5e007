/**
 * Attributed points: a parenthesised list of speaker keys at the very end of a paragraph,
 * after the sentence's closing punctuation — "… local communities. (JC)", "… (JC + IV)".
 * A parenthesis that does not follow closing punctuation ("… Mines (MINEM)") is ordinary text.
 */
import type { Paragraph, Root, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { nodesOf } from './nodes.js';

export interface AttributionKey {
  key: string;
  /** Offsets of the key (without quotes) in the file's text. */
  start: number;
  end: number;
}

export interface Attribution {
  keys: AttributionKey[];
  /** The joiners as written between keys (" + ", " & ", ", ", " and "). */
  joiners: string[];
  /** Text after the closing parenthesis, kept as written (a stray "." in older briefings). */
  trailing: string;
  paragraph: Paragraph;
  /** The paragraph's last text node, which holds the attribution at its end. */
  text: Text;
  /** Index in `text.value` where the attribution (with its leading space) begins. */
  index: number;
  /** Offsets of the whole "(…)" in the file's text. */
  start: number;
  end: number;
}

/**
 * The end of a sentence an attribution follows: a full stop, ! or ? (full-width in Chinese and
 * Japanese), and a closing quote after it (French guillemets with their space).
 */
const SENTENCE_END = String.raw`[.!?。！？](?:["”’'」』]|\s?[»›])?`;
const ENDS_SENTENCE = new RegExp(`${SENTENCE_END}$`, 'u');
const QUOTE_OPEN = `["“'‘]?`;
const QUOTE_CLOSE = `["”'’]?`;
const KEY = `${QUOTE_OPEN}[A-Z][A-Z0-9]{0,5}${QUOTE_CLOSE}`;
const JOINER = String.raw`\s*(?:,\s*and|\+|&|,|and)\s*`;
// A footnote's mark left as text ("…2011.[^soruce] (AB)", its note missing) may stand between the
// full stop and the attribution, as its mark would: undefined-footnote reports it, and nothing else.
const ATTRIBUTION = new RegExp(String.raw`(?<=${SENTENCE_END}(?:\[\^[^\]\s]+\])?)(\s*)\((\s*${KEY}(?:${JOINER}${KEY})*\s*)\)(\.?)\s*$`, 'u');
const KEY_IN_LIST = new RegExp(`(${QUOTE_OPEN})([A-Z][A-Z0-9]{0,5})${QUOTE_CLOSE}`, 'gu');

export interface ParsedAttribution {
  keys: { key: string; index: number }[];
  joiners: string[];
  trailing: string;
  /** Index where the attribution, with the white space before it, begins. */
  index: number;
  /** Index of the opening parenthesis. */
  open: number;
  /** Index just past the closing parenthesis. */
  close: number;
}

/** Finds an attribution at the end of `text`; indexes are into `text`. */
export function parseAttribution(text: string): ParsedAttribution | undefined {
  const match = ATTRIBUTION.exec(text);
  if (!match) return undefined;
  const [, space = '', inner = '', trailing = ''] = match;
  const open = match.index + space.length;
  const innerStart = open + 1;
  const keys: { key: string; index: number }[] = [];
  const joiners: string[] = [];
  let previousEnd = -1;
  for (const keyMatch of inner.matchAll(KEY_IN_LIST)) {
    const keyIndex = keyMatch.index + (keyMatch[1]?.length ?? 0);
    if (previousEnd >= 0) joiners.push(inner.slice(previousEnd, keyMatch.index).replace(/^["”'’]/u, ''));
    keys.push({ key: keyMatch[2]!, index: innerStart + keyIndex });
    previousEnd = keyMatch.index + keyMatch[0].length;
  }
  return { keys, joiners, trailing, index: match.index, open, close: innerStart + inner.length + 1 };
}

/** Every attribution in a body tree, in document order. */
export function findAttributions(tree: Root): Attribution[] {
  const found: Attribution[] = [];
  for (const paragraph of nodesOf<Paragraph>(tree, 'paragraph')) {
    const last = paragraph.children.at(-1);
    if (last?.type !== 'text' || !last.position) continue;
    // Match on the whole paragraph's text so that punctuation inside emphasis still counts,
    // then keep the match only when it lies wholly in the final text node.
    const whole = toString(paragraph);
    const parsed = parseAttribution(whole);
    if (!parsed) continue;
    const fromEnd = whole.length - parsed.index;
    if (fromEnd > last.value.length) continue;
    const index = last.value.length - fromEnd;
    // Offsets count back from the node's end in the source; exact unless the tail has escapes.
    const endOffset = last.position.end.offset ?? 0;
    const toOffset = (i: number): number => endOffset - (whole.length - i);
    found.push({
      keys: parsed.keys.map(({ key, index: keyIndex }) => ({ key, start: toOffset(keyIndex), end: toOffset(keyIndex + key.length) })),
      joiners: parsed.joiners,
      trailing: parsed.trailing,
      paragraph,
      text: last,
      index,
      start: toOffset(parsed.open),
      end: toOffset(parsed.close),
    });
  }
  return found;
}

export interface NearMiss {
  /** Offsets of the "(…)" in the file's text. */
  start: number;
  end: number;
  /** What is wrong, and the attribution as it should be written. */
  problem: string;
  fix: string;
}

const TRAILING_PARENTHESIS = /(\s*)\(([^()]{0,60})\)(\.?)\s*$/u;

/**
 * A paragraph that ends in what is plainly meant as an attribution — a bracket of initials of
 * this record's speakers — but is not one: `subversives (JC + IV)` without its full stop,
 * `(jc + IV)`, `(JC/IV)`, `(JC + )`.
 */
export function nearMissAttribution(paragraph: Paragraph, keys: ReadonlySet<string>): NearMiss | undefined {
  const last = paragraph.children.at(-1);
  if (last?.type !== 'text' || !last.position) return undefined;
  const whole = toString(paragraph);
  if (parseAttribution(whole)) return undefined;
  const match = TRAILING_PARENTHESIS.exec(whole);
  if (!match) return undefined;
  const inner = match[2]!;
  const tokensOf = (text: string): string[] => text.split(/\s*(?:\+|&|,|\/|;|\band\b)\s*/i).map((token) => token.replace(/^["“'‘]|["”'’]$/gu, '').trim());
  const tokens = tokensOf(inner);
  let named = tokens.filter((token) => token !== '');
  const upper = new Set([...keys].map((key) => key.toUpperCase()));
  if (named.length === 0 || !named.every((token) => /^[\p{L}\p{N}]{1,6}$/u.test(token)) || !named.some((token) => upper.has(token.toUpperCase())))
    return undefined;

  let from = match.index;
  let before = whole.slice(0, match.index).trimEnd();
  // "(MG)(JC)": two attributions one after the other, which the first would be read as words of.
  const previous = /\(([^()]{1,60})\)$/u.exec(before);
  const previousKeys = previous ? tokensOf(previous[1]!) : [];
  const doubled = previous !== null && previousKeys.every((token) => upper.has(token.toUpperCase()));
  if (doubled) {
    named = [...previousKeys, ...named];
    from = previous.index;
    before = whole.slice(0, previous.index).trimEnd();
  }
  const fixed = `(${named.map((token) => token.toUpperCase()).join(' + ')})`;
  let problem: string;
  if (doubled) problem = 'one attribution follows another: their initials go in one, joined by +';
  else if (tokens.some((token) => token === '')) problem = 'a key is missing in the attribution';
  else if (named.some((token) => token !== token.toUpperCase())) problem = 'initials in an attribution are written in capitals';
  else if (/[/;]/.test(inner)) problem = 'initials in an attribution are joined by +, &, a comma or "and"';
  else if (!ENDS_SENTENCE.test(before)) problem = 'an attribution follows the sentence’s closing punctuation: a full stop, ! or ?';
  else return undefined;

  const endOffset = last.position.end.offset ?? 0;
  const open = doubled ? from : match.index + match[1]!.length;
  const close = match.index + match[1]!.length + inner.length + 2;
  const toOffset = (i: number): number => endOffset - (whole.length - i);
  if (whole.length - from > last.value.length) return undefined;
  // "…2021; (SA)", as a list's items often end, becomes "…2021. (SA)", not "…2021;. (SA)".
  const lastWord = (before.split(/\s+/).at(-1) ?? '').replace(/[,;:，；：]$/, '');
  // Chinese and Japanese end a sentence with their own full stop.
  const stop = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u.test(lastWord) ? '。' : '.';
  const fix = ENDS_SENTENCE.test(before) ? fixed : `…${lastWord}${stop} ${fixed}`;
  return { start: toOffset(open), end: toOffset(close), problem, fix };
}
