/**
 * malformed-attribution — a bracket of the speakers' initials at the end of a point that is
 * not read as an attribution, because of how it is written.
 *
 * Why: the point then counts as nobody's, silently. Catches a missing full stop before the
 * bracket (`subversives (JC + IV)`), lower-case initials (`(jc + IV)`), other joiners
 * (`(JC/IV)`), and a key left out (`(JC + )`). Example: `- Many protestors … subversives
 * (JC + IV)` → "write it as subversives. (JC + IV)".
 */
import type { Paragraph } from 'mdast';
import type { Rule } from './rule.js';

export const malformedAttribution: Rule = {
  id: 'malformed-attribution',
  severity: 'warning',
  description: '`subversives (JC + IV)` (no full stop before it), `(jc)`, `(JC/IV)`, `(JC + )`: brackets of initials that are not read as an attribution',
  needs: 'cast',
  check(context, report) {
    for (const paragraph of context.nodes<Paragraph>('paragraph')) {
      const miss = context.nearMiss(paragraph);
      if (miss) report({ start: miss.start, end: miss.end, message: `this is not read as an attribution: ${miss.problem}`, note: `write it as ${miss.fix}` });
    }
  },
};
