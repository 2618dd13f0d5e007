/**
 * raw-html — the body is Markdown only; HTML in it is reported and never reaches a briefing.
 *
 * Why: a briefing is published under the group's name; a `<script>` or a styled `<div>` pasted
 * from a word processor must not ride along. Example: `<b>note</b>` → use `**note**`.
 */
import type { Html } from 'mdast';
import { nodesOf } from '../nodes.js';
import type { Rule } from './rule.js';

export const rawHtml: Rule = {
  id: 'raw-html',
  severity: 'error',
  description: 'HTML in the body; it is never passed into a briefing',
  needs: 'body',
  check(context, report) {
    // The intro override is Markdown too, and printed in the briefing: it is held to the same.
    const intro = context.intro();
    if (intro) {
      for (const node of nodesOf<Html>(intro.tree, 'html')) {
        const [start, end] = intro.range();
        report({
          start,
          end,
          message: `raw HTML is not allowed in intro: ${node.value.split('\n')[0]}`,
          note: 'write it in Markdown, or remove it',
        });
      }
    }
    for (const node of context.nodes<Html>('html')) {
      const start = node.position?.start.offset ?? 0;
      const end = node.position?.end.offset ?? start;
      const firstLine = node.value.split('\n')[0] ?? '';
      report({
        start,
        end,
        message: `raw HTML is not allowed in a record: ${firstLine.length > 40 ? `${firstLine.slice(0, 40)}…` : firstLine}`,
        note: 'write it in Markdown (**bold**, _italic_, [text](https://…)), or remove it',
      });
    }
  },
};
