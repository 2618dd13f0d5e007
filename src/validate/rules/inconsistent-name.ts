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
  word: string;
}

export const inconsistentName: Rule = {
  id: 'inconsistent-name',
  severity: 'warning',
  description: 'Hernández in one place and Hernandez in another',
  needsMeeting: false,
  check(context, report) {
    // Only names written with an accent somewhere can be written two ways: find their plain
    // forms first, then gather every spelling of just those.
    const segments = context.texts();
    const accented = new Set<string>();
    for (const segment of segments) {
      if (ASCII.test(segment.text)) continue; // no accent, so no accented name
      for (const match of segment.text.matchAll(NAME)) if (!ASCII.test(match[0])) accented.add(foldAccents(match[0].normalize('NFC')));
    }
    if (accented.size === 0) return;
    const groups = new Map<string, Occurrence[]>();
    const names = [...accented];
    for (const segment of segments) {
      // A segment can spell one of those names only if its letters, accents aside, hold it.
      const plain = ASCII.test(segment.text) ? segment.text : foldAccents(segment.text);
      if (!names.some((name) => plain.includes(name))) continue;
      for (const match of segment.text.matchAll(NAME)) {
        const word = match[0].normalize('NFC');
        const folded = foldAccents(word);
        if (!accented.has(folded)) continue;
        const group = groups.get(folded) ?? [];
        group.push({ segment, index: match.index, word });
        groups.set(folded, group);
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
