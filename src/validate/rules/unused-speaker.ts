/**
 * unused-speaker — a speaker given a key makes at least one attributed point.
 *
 * Why: a key nobody uses usually means a point was attributed to the wrong initials, or a
 * speaker's points were left out. Example: `key: CWW` declared, no `(CWW)` in the body.
 */
import type { Rule } from './rule.js';

export const unusedSpeaker: Rule = {
  id: 'unused-speaker',
  severity: 'warning',
  description: 'a speaker with a key who makes no attributed point',
  needs: 'cast',
  check(context, report) {
    const used = new Set(context.attributions.flatMap((attribution) => attribution.keys.map(({ key }) => key)));
    context.cast?.speakers.forEach((speaker, index) => {
      if (typeof speaker === 'string' || speaker.key === undefined || used.has(speaker.key)) return;
      const [start, end] = context.frontMatterRange(['speakers', index, 'key']) ?? [0, 0];
      report({
        start,
        end,
        message: speaker.name ? `${speaker.name} (${speaker.key}) makes no attributed point` : `the speaker with key ${speaker.key} makes no attributed point`,
        note: `attribute their points with (${speaker.key}), or remove the key`,
      });
    });
  },
};
