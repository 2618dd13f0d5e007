/**
 * unsafe-link — links and images may only point to `http:`, `https:` or `mailto:` addresses.
 *
 * Why: `javascript:`, `data:` and `file:` links run code or leak local files when clicked in a
 * published briefing. Example: `[site](javascript:alert(1))`.
 */
import type { Definition, Image, Link, Root } from 'mdast';
import { nodesOf } from '../nodes.js';
import type { Rule } from './rule.js';

export const SAFE_PROTOCOLS = ['http', 'https', 'mailto'];

export function linkProtocol(url: string): string | undefined {
  // Browsers ignore control characters and white space inside a scheme ("java\tscript:").
  const cleaned = url.replace(/[\u0000-\u0020\u007f]/g, '');
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned);
  return match?.[1]?.toLowerCase();
}

/** Each link, image or definition in `tree` whose address a briefing may not carry. */
function unsafeAddresses(tree: Root, found: (node: Link | Image | Definition, protocol: string | undefined) => void): void {
  for (const node of nodesOf<Link | Image | Definition>(tree, 'link', 'image', 'definition')) {
    const protocol = linkProtocol(node.url);
    if (protocol !== undefined && SAFE_PROTOCOLS.includes(protocol)) continue;
    if (protocol === undefined && (node.url === '' || node.url.startsWith('#'))) continue;
    found(node, protocol);
  }
}

function problem(url: string, protocol: string | undefined): string {
  return protocol === undefined ? `the address ${url} is relative: a published briefing has nothing to resolve it against` : `a ${protocol}: address is not allowed in a briefing`;
}

export const unsafeLink: Rule = {
  id: 'unsafe-link',
  severity: 'error',
  description: 'a link or image whose address is not http:, https: or mailto:',
  needsMeeting: false,
  check(context, report) {
    const note = 'links may only be http:, https: or mailto:';
    // The intro override is Markdown too, and printed in the briefing: it is held to the same.
    const intro = context.intro();
    if (intro) unsafeAddresses(intro.tree, (node, protocol) => report({ start: intro.start, end: intro.end, message: `intro: ${problem(node.url, protocol)}`, note }));
    unsafeAddresses(context.tree, (node, protocol) => {
      const start = node.position?.start.offset ?? 0;
      report({ start, end: node.position?.end.offset ?? start, message: problem(node.url, protocol), note });
    });
  },
};
