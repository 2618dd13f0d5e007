/**
 * unknown-speaker — every key in an attribution must be the key of a speaker or chair.
 *
 * Why: an attribution nobody can resolve puts words in no one's mouth, or the wrong one's.
 * Example: `(JCRP)` when only `JRCP` is declared → "did you mean JRCP?".
 */
import { didYouMean } from '../suggest.js';
import type { Rule } from './rule.js';

export const unknownSpeaker: Rule = {
  id: 'unknown-speaker',
  severity: 'error',
  description: '`(JCRP)` when only `JRCP` is declared ("did you mean JRCP?")',
  needs: 'cast',
  check(context, report) {
    const people = context.cast?.people ?? new Map();
    const known = [...people.keys()];
    for (const attribution of context.attributions) {
      for (const { key, start, end } of attribution.keys) {
        if (people.has(key)) continue;
        report({
          start,
          end,
          message: `no speaker or chair has the key ${key}`,
          note:
            didYouMean(key, known) ??
            (context.cast?.chairs.some((chair) => typeof chair !== 'string' && chair.key === undefined)
              ? `give the speaker or chair a key: ${key} in the front-matter${known.length > 0 ? ` (declared: ${known.join(', ')})` : ''}`
              : known.length > 0
                ? `declared keys: ${known.join(', ')}`
                : 'give the speaker a key in the front-matter'),
        });
      }
    }
  },
};
