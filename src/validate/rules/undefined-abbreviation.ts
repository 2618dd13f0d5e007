/**
 * undefined-abbreviation — every abbreviation is spelt out once as "Full Name (ABBR)".
 *
 * Why: briefings go to readers outside the group, and a mistyped abbreviation looks just like
 * an unexplained one: the seed briefing printed "PKK’s" for "PPK’s". An abbreviation is a word
 * of two or more capitals (a plural "s" allowed: NGOs); it is defined by standing in brackets
 * anywhere in the record, front-matter or body. Speakers' keys, Roman numerals and a few that
 * every reader knows (UK, EU, UN, MP, NGO, APPG, …) need no definition; a project adds its own
 * under `abbreviations` in phrg-brief.yaml. Example: "PKK’s" when only "(PPK)" is defined →
 * "did you mean PPK?".
 */
import { didYouMean } from '../suggest.js';
import type { Rule } from './rule.js';

export const WELL_KNOWN_ABBREVIATIONS = [
  'UK',
  'US',
  'USA',
  'EU',
  'UN',
  'UNHCR',
  'UNICEF',
  'NATO',
  'NGO',
  'MP',
  'MEP',
  'MSP',
  'QC',
  'KC',
  'APPG',
  'BBC',
  'OBE',
  'CBE',
  'MBE',
  'DBE',
  'KBE',
  'CMG',
  'KCMG',
  'GCMG',
  'FCO',
  'FCDO',
  'DFID',
  'HM',
  'PM',
  'CEO',
  'OK',
  // Words a briefing uses as words: spelt out, they would read as a gloss.
  'COVID',
  'HIV',
  'AIDS',
  'LGBT',
  'LGBTI',
  'LGBTQ',
  'ICC',
  'NHS',
  'GDP',
  'PDF',
  'URL',
];

const WORD = /(?<![\p{L}\p{N}])(\p{Lu}{2,})(s?)(?![\p{L}\p{N}])/gu;
/** WORD for text of ASCII alone, where it finds the same words several times faster. */
const ASCII_WORD = /(?<![A-Za-z0-9])([A-Z]{2,})(s?)(?![A-Za-z0-9])/g;
const ASCII = /^[\x00-\x7f]*$/;
const DEFINITION = /\(\s*(\p{Lu}{2,})s?\s*\)/gu;
const ROMAN = /^(?:X{0,3})(?:IX|IV|V?I{0,3})$/;

export const undefinedAbbreviation: Rule = {
  id: 'undefined-abbreviation',
  severity: 'warning',
  description: '`PKK` used but never defined as "Full Name (PKK)" ("did you mean PPK?"); UK, EU, UN, MP, NGO, APPG and a few more need no definition',
  // Its definitions stand in the front-matter too (a role "… (CAAAP)"): unread, it would see none.
  needs: 'cast',
  check(context, report) {
    const texts = context.texts();
    const defined = new Set<string>();
    for (const segment of texts) for (const match of segment.text.matchAll(DEFINITION)) defined.add(match[1]!);
    const keys = new Set(context.cast?.people.keys() ?? []);
    const known = new Set([...WELL_KNOWN_ABBREVIATIONS, ...context.abbreviations]);
    const reported = new Set<string>();
    for (const segment of texts) {
      for (const match of segment.text.matchAll(ASCII.test(segment.text) ? ASCII_WORD : WORD)) {
        const word = match[1]!;
        const written = match[0];
        if (defined.has(word) || keys.has(word) || known.has(word) || ROMAN.test(word) || reported.has(word)) continue;
        reported.add(word);
        const [start, end] = segment.locate(match.index, written.length);
        report({
          start,
          end,
          message: `the abbreviation ${written} is never defined`,
          note: didYouMean(word, defined) ?? `spell it out once, as "Full Name (${written})"`,
        });
      }
    }
  },
};
