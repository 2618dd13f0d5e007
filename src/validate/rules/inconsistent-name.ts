/**
 * inconsistent-name — a name is spelt the same way throughout, accents included.
 *
 * Why: "Hernández" in the speakers list and "Hernandez" in the points reads as carelessness
 * about the very people a briefing names. Capitalised words that differ only in accents are
 * compared; the spelling used in the front-matter wins, else the commoner one, else the
 * accented one. Example: `name: María Hernández` and "… as Hernandez said."
 */
import type { Rule } from './rule.js';
import type { TextSegment } from '../texts.js';

const NAME = /(?<![\p{L}\p{M}])\p{Lu}[\p{L}\p{M}]+(?![\p{L}\p{M}])/gu;
const ASCII = /^[\x00-\x7f]*$/;

export function foldAccents(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

interface Occurrence {
  segment: TextSegment;
  index: number;
  /** As written (NFC), and with its accents folded. */
  word: string;
  folded: string;
}

export const inconsistentName: Rule = {
  id: 'inconsistent-name',
  severity: 'warning',
  description: 'Hernández in one place and Hernandez in another',
  needs: 'body',
  check(context, report) {
    // Only names written with an accent somewhere can be written two ways: find them, with
    // every capitalised word of the texts that have accents (read once), then gather the plain
    // spellings of just those from the texts without any.
    const segments = context.texts();
    const accented = new Set<string>();
    const wordsOf = new Map<TextSegment, Occurrence[]>();
    for (const segment of segments) {
      if (ASCII.test(segment.text)) continue; // no accent, so no accented name
      const words: Occurrence[] = [];
      for (const match of segment.text.matchAll(NAME)) {
        const word = match[0].normalize('NFC');
        const folded = ASCII.test(word) ? word : foldAccents(word);
        if (folded !== word) accented.add(folded);
        words.push({ segment, index: match.index, word, folded });
      }
      wordsOf.set(segment, words);
    }
    if (accented.size === 0) return;
    const groups = new Map<string, Occurrence[]>();
    const names = [...accented];
    for (const segment of segments) {
      let words = wordsOf.get(segment);
      if (!words) {
        // Plain text can spell one of those names only if it holds it.
        if (!names.some((name) => segment.text.includes(name))) continue;
        words = [...segment.text.matchAll(NAME)].map((match) => ({ segment, index: match.index, word: match[0], folded: match[0] }));
      }
      for (const occurrence of words) {
        if (!accented.has(occurrence.folded)) continue;
        const group = groups.get(occurrence.folded) ?? [];
        group.push(occurrence);
        groups.set(occurrence.folded, group);
      }
    }
    for (const occurrences of groups.values()) {
      const spellings = new Set(occurrences.map((o) => o.word));
      if (spellings.size < 2) continue;
      const preferred = preferredSpelling(occurrences);
      const seen = new Set<string>();
      for (const occurrence of occurrences) {
        if (occurrence.word === preferred || seen.has(occurrence.word)) continue;
        seen.add(occurrence.word);
        const [start, end] = occurrence.segment.locate(occurrence.index, occurrence.word.length);
        report({ start, end, message: `${occurrence.word} is written ${preferred} elsewhere in this record`, note: `did you mean ${preferred}?` });
      }
    }
  },
};

function preferredSpelling(occurrences: Occurrence[]): string {
  const fromFrontMatter = occurrences.find((o) => o.segment.field !== 'body');
  if (fromFrontMatter) return fromFrontMatter.word;
  const counts = new Map<string, number>();
  for (const { word } of occurrences) counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts].sort(([a, x], [b, y]) => y - x || accents(b) - accents(a) || a.localeCompare(b))[0]![0];
}

function accents(word: string): number {
  return word.normalize('NFD').length - word.length;
}
