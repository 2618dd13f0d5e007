/**
 * invisible-character — no character that is not seen but changes how the text is read.
 *
 * Why: text pasted from Word, a PDF or a web page carries characters no editor shows. A soft
 * hyphen inside initials makes `(J­C)` no attribution, and inside `P­KK` an abbreviation that is
 * not PKK; a zero-width space or word joiner splits or joins words, so that search does not find
 * them; a right-to-left override shows the text after it backwards. Each is reported where it
 * stands, once a line for each kind. A soft hyphen inside a lower-case word is a hyphenation
 * hint, and a zero-width space between Thai, Khmer or Chinese words marks where a line may
 * break: both are left alone. Example: "Mining\u200B operations".
 */
import { codePoint } from '../../diagnostics/code-point.js';
import type { Rule } from './rule.js';

/** What each character does to the briefing, where several do alike. */
const PARTS = 'it parts a word unseen: a search for the whole word may not find it';
const JOINS = 'it joins words unseen: a search for either may not find it';
const STANDS = 'it stands unseen in the text, which search and the checks read with it';

/** What each character is called, and what it does to the briefing. */
const KINDS: Record<string, { name: string; why: string }> = {
  '\u00AD': { name: 'soft hyphen', why: 'initials and abbreviations with one inside are not read as such, nor is an attribution' },
  '\u200B': { name: 'zero width space', why: PARTS },
  '\u2060': { name: 'word joiner', why: JOINS },
  '\uFEFF': { name: 'zero width no-break space', why: JOINS },
  '\u180E': { name: 'Mongolian vowel separator', why: PARTS },
  '\u2061': { name: 'invisible function application', why: STANDS },
  '\u2062': { name: 'invisible times', why: STANDS },
  '\u2063': { name: 'invisible separator', why: STANDS },
  '\u2064': { name: 'invisible plus', why: STANDS },
  '\u202D': { name: 'left-to-right override', why: 'the text after it is shown in an order other than it is read' },
  '\u202E': { name: 'right-to-left override', why: 'the text after it is shown backwards' },
  '\u2028': { name: 'line separator', why: 'Markdown reads it as no line break, and most editors show nothing' },
  '\u2029': { name: 'paragraph separator', why: 'Markdown reads it as no paragraph break, and most editors show nothing' },
};

/** Any of those characters: the list is KINDS' own. */
const FOUND = new RegExp(`[${Object.keys(KINDS).join('')}]`, 'g');

/** A capital or digit: a soft hyphen between two is inside initials or an abbreviation. */
const CAPITAL = /[\p{Lu}\p{N}]/u;

/** Scripts written without spaces, where a zero-width space marks a word's end. */
const UNSPACED = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** The character before or after `index`, whole (a surrogate pair is one). */
const before = (text: string, index: number): string => /[\s\S]$/u.exec(text.slice(Math.max(0, index - 2), index))?.[0] ?? '';
const after = (text: string, index: number): string => /^[\s\S]/u.exec(text.slice(index + 1, index + 3))?.[0] ?? '';

/** Whether the character at `index` is where it belongs. */
function meant(text: string, index: number): boolean {
  const char = text[index]!;
  if (char === '\uFEFF' && index === 0) return true; // a byte-order mark
  if (char === '\u00AD') return !(CAPITAL.test(before(text, index)) && CAPITAL.test(after(text, index)));
  if (char === '\u200B') return UNSPACED.test(before(text, index)) || UNSPACED.test(after(text, index));
  return false;
}

export const invisibleCharacter: Rule = {
  id: 'invisible-character',
  severity: 'warning',
  description:
    'a character no editor shows that changes how the text is read, as text pasted from Word or a PDF carries: a soft hyphen inside initials (then no attribution), a zero-width space or word joiner inside a word, a right-to-left override',
  needs: 'body',
  check(context, report) {
    const text = context.source.text;
    // One report a line for each kind: a pasted paragraph may carry dozens.
    const seen = new Set<string>();
    for (const match of text.matchAll(FOUND)) {
      const index = match.index;
      if (meant(text, index)) continue;
      const char = match[0];
      const line = text.lastIndexOf('\n', index);
      if (seen.has(`${line}:${char}`)) continue;
      seen.add(`${line}:${char}`);
      const kind = KINDS[char]!;
      const word = /\S*$/u.exec(text.slice(Math.max(0, index - 20), index))![0].replace(FOUND, '');
      report({
        start: index,
        end: index + 1,
        message: `an unseen ${kind.name} (${codePoint(char)})${word ? ` after "${word}"` : ''}`,
        note: `take it out: ${kind.why}`,
      });
    }
  },
};
