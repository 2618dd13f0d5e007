/**
 * unattributed-point — in a list whose bullets carry attributions, every bullet does.
 *
 * Why: a briefing's points are each someone's; one bullet without initials among attributed
 * ones is almost always a slip. Lists where most bullets are unattributed (agendas,
 * recommendations) are left alone. Example: three bullets ending `(JC)`, one ending in nothing.
 */
import type { List, ListItem, Paragraph } from 'mdast';
import { nodesOf } from '../nodes.js';
import type { Rule } from './rule.js';

export const unattributedPoint: Rule = {
  id: 'unattributed-point',
  severity: 'warning',
  description: 'a bullet without initials in a list whose other bullets have them',
  needs: 'body',
  check(context, report) {
    const attributed = new Set(context.attributions.map((attribution) => attribution.paragraph));
    // A point with a mistyped attribution is reported as that (malformed-attribution) instead.
    const hasAttribution = (item: ListItem): boolean =>
      nodesOf<Paragraph>(item, 'paragraph').some((paragraph) => attributed.has(paragraph) || context.nearMiss(paragraph) !== undefined);
    for (const list of context.nodes<List>('list')) {
      const flags = list.children.map(hasAttribution);
      const count = flags.filter(Boolean).length;
      if (count === 0 || count < flags.length - count) continue;
      list.children.forEach((item, i) => {
        if (flags[i] || !item.position) return;
        const start = item.position.start.offset ?? 0;
        const lineEnd = context.source.text.indexOf('\n', start);
        report({
          start,
          end: lineEnd === -1 ? (item.position.end.offset ?? start) : Math.min(lineEnd, item.position.end.offset ?? lineEnd),
          message: `this point has no attribution, unlike ${count === 1 ? 'the other point' : `the other ${count} points`} in its list`,
          note: 'end it with the speaker’s initials, e.g. (JC)',
        });
      });
    }
  },
};
