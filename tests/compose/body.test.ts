/** A record's body as sanitised HTML (compose/body.ts): its in-page links reach what they name. */
import { describe, expect, it } from 'vitest';
import { bodyToHtml } from '../../src/compose/body.js';
import { parseMarkdown } from '../../src/load/markdown.js';

describe('footnotes', () => {
  it('link to their notes and back, each id prefixed once as GitHub does', () => {
    const html = bodyToHtml(parseMarkdown('A point with a note.[^n] Another.[^2]\n\n[^n]: The note.\n[^2]: The second.\n'), [], new Map());
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]));
    const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((match) => match[1]);
    expect(targets.length).toBeGreaterThanOrEqual(4);
    for (const target of targets) expect(ids, `#${target}`).toContain(target);
    for (const labelled of html.matchAll(/aria-describedby="([^"]+)"/g)) expect(ids).toContain(labelled[1]);
    expect([...ids].filter((id) => id!.startsWith('user-content-user-content-'))).toEqual([]);
  });

  it('still drop what raw HTML would bring, ids included', () => {
    const html = bodyToHtml(parseMarkdown('Text <a id="content" name="x" href="#content">here</a>.\n'), [], new Map());
    expect(html).not.toMatch(/id="content"|name="x"/);
  });
});
