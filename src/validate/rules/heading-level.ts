/**
 * heading-level — the body's headings go down one level at a time from the title, itself the
 * page's only level-1 heading.
 *
 * Why: a screen reader's list of headings is how its user finds their way about a page, and a
 * skipped level (`###` under the title, with no `##`) says a section is missing; the Nu HTML
 * Checker and axe both report it on the published page. A `#` in the body is a second title.
 * Example: a body whose first heading is `### Further action`.
 */
import type { Heading } from 'mdast';
import type { Rule } from './rule.js';

export const headingLevel: Rule = {
  id: 'heading-level',
  severity: 'warning',
  description: '`### Further action` with no `##` before it (a heading that skips a level), or a `#` heading in the body (a second title)',
  needs: 'body',
  check(context, report) {
    // The briefing's title is the level-1 heading the body's follow.
    let previous = 1;
    for (const heading of context.nodes<Heading>('heading')) {
      const start = heading.position?.start.offset ?? 0;
      const marks = '#'.repeat(heading.depth);
      if (heading.depth === 1) {
        report({ start, end: start + 1, message: 'a # heading in the body is a second title: the briefing’s title is its one', note: 'use ## for a section' });
      } else if (heading.depth > previous + 1) {
        const after = previous === 1 ? 'the title' : `a ${'#'.repeat(previous)} heading`;
        report({
          start,
          end: start + heading.depth,
          message: `${marks} follows ${after}: a heading that skips a level says a section is missing`,
          note: `use ${'#'.repeat(previous + 1)} here`,
        });
      }
      previous = Math.max(heading.depth, 2);
    }
  },
};
