/**
 * One link policy: every absolute address the unsafe-link rule refuses is one the sanitiser
 * strips from the briefing, and every one it allows is kept, for links and images alike.
 */
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { bodyToHtml } from '../../src/compose/body.js';
import { addressProblem, policyNote } from '../../src/validate/link-policy.js';

const ADDRESSES = [
  'https://a.org/',
  'http://b.org/',
  'mailto:c@d.org',
  'javascript:alert(1)',
  'JAVA%0ASCRIPT:x',
  'data:image/png;base64,AA',
  'file:///etc/passwd',
  'ftp://e.org/',
  'vbscript:x',
  'tel:+441234',
];

function published(markdown: string): string {
  const tree = unified().use(remarkParse).parse(markdown) as Root;
  return bodyToHtml(tree, [], new Map());
}

describe('the link policy', () => {
  it('is what the sanitiser keeps, for links', () => {
    for (const url of ADDRESSES) {
      const kept = published(`[x](${url})`).includes('href=');
      expect(kept, url).toBe(addressProblem(url, 'link') === undefined);
    }
  });

  it('is what the sanitiser keeps, for images', () => {
    for (const url of ADDRESSES) {
      const kept = published(`![x](${url})`).includes('src=');
      expect(kept, url).toBe(addressProblem(url, 'image') === undefined);
    }
  });

  it('allows fragments, refuses relative addresses, and says what is allowed', () => {
    expect(addressProblem('#top', 'link')).toBeUndefined();
    expect(addressProblem('../secret.html', 'link')).toMatch(/is relative/);
    expect(addressProblem('mailto:a@b.org', 'image')).toMatch(/mailto: address is not allowed for an image/);
    expect(policyNote()).toBe('links may only be http:, https: or mailto:; images http: or https:');
  });
});
