/**
 * empty-body — a record has points after its front-matter.
 *
 * Why: a record saved with its facts and not yet its points builds, without a word, into a
 * briefing of the intro alone, and is published so. Example: a front-matter, its closing
 * `---`, and nothing after it.
 */
import type { Rule } from './rule.js';

export const emptyBody: Rule = {
  id: 'empty-body',
  severity: 'warning',
  description: 'a record with nothing after its front-matter: its briefing would be the intro alone',
  needs: 'body',
  check(context, report) {
    if (context.tree.children.length > 0) return;
    // At the closing fence, under which the points go.
    const fence = /\n---[ \t]*(?:\n|$)/.exec(context.source.text.slice(3));
    const start = fence ? 3 + fence.index + 1 : 0;
    report({
      start,
      end: start + 3,
      message: 'the record has no points: its briefing would be the intro alone',
      note: 'write the points made below this line',
    });
  },
};
