/**
 * unsafe-link — links may only point to `http:`, `https:` or `mailto:` addresses, images to
 * `http:` or `https:` ones; the policy is link-policy.ts, which the sanitiser enforces anyway.
 *
 * Why: `javascript:`, `data:` and `file:` links run code or leak local files when clicked in a
 * published briefing. Example: `[site](javascript:alert(1))`.
 */
import type { Definition, Image, Link } from 'mdast';
import { nodesOf } from '../nodes.js';
import { addressProblem, policyNote } from '../link-policy.js';
import type { Rule } from './rule.js';

export { linkProtocol } from '../link-policy.js';

/** Each of these links, images and definitions whose address a briefing may not carry, and why. */
function unsafeAddresses(nodes: readonly (Link | Image | Definition)[], found: (node: Link | Image | Definition, problem: string) => void): void {
  for (const node of nodes) {
    const problem = addressProblem(node.url, node.type === 'image' ? 'image' : 'link');
    if (problem) found(node, problem);
  }
}

export const unsafeLink: Rule = {
  id: 'unsafe-link',
  severity: 'error',
  description: 'a link that is not `http:`, `https:` or `mailto:`, or an image that is not `http:` or `https:` (relative ones included)',
  needs: 'body',
  check(context, report) {
    // The intro override is Markdown too, and printed in the briefing: it is held to the same.
    const intro = context.intro();
    if (intro) {
      unsafeAddresses(nodesOf<Link | Image | Definition>(intro.tree, 'link', 'image', 'definition'), (_node, problem) => {
        const [start, end] = intro.range();
        report({ start, end, message: `intro: ${problem}`, note: policyNote() });
      });
    }
    unsafeAddresses(context.nodes<Link | Image | Definition>('link', 'image', 'definition'), (node, problem) => {
      const start = node.position?.start.offset ?? 0;
      report({ start, end: node.position?.end.offset ?? start, message: problem, note: policyNote() });
    });
  },
};
