/** A record's body as sanitised HTML (compose/body.ts): its in-page links reach what they name. */
import { describe, expect, it } from 'vitest';
import { bodyToHtml } from '../../src/compose/body.js';
import { composeBriefing, renderPage } from '../../src/compose/briefing.js';
import { loadTemplates } from '../../src/compose/templates.js';
import { loadRecordText } from '../../src/load/record.js';
import { validateRecord } from '../../src/validate/record.js';
import { parseMarkdown } from '../../src/load/markdown.js';

const templates = loadTemplates();

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

  it('of the intro and of the body keep their own ids on one page, each link reaching its own note', () => {
    const record =
      '---\ntitle: T\ndate: 2020-05-10\nhosts: [the PHRG (PHRG)]\nintro: "An intro.[^1]\\n\\n[^1]: The intro’s note."\n---\n\nA point.[^1]\n\n[^1]: The body’s note.\n';
    const meeting = validateRecord(loadRecordText(record, 'meetings/2020-05-10-t.md').record!).meeting!;
    const html = renderPage(composeBriefing(meeting, templates), templates);
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]);
    expect(ids.length).toBeGreaterThanOrEqual(6);
    expect(new Set(ids).size, ids.join(' ')).toBe(ids.length);
    for (const labelled of html.matchAll(/aria-describedby="([^"]+)"/g)) expect(ids).toContain(labelled[1]);
    const note = (href: string) => new RegExp(`<li id="${href}">\\s*<p>([^<]*)`).exec(html)?.[1]?.trim();
    const [intro, body] = [...html.matchAll(/data-footnote-ref[^>]*|href="#(user-content-[^"]*fn-1)"/g)].map((match) => match[1]).filter(Boolean);
    expect([note(intro!), note(body!)]).toEqual(['The intro’s note.', 'The body’s note.']);
  });

  it('still drop what raw HTML would bring, ids included', () => {
    const html = bodyToHtml(parseMarkdown('Text <a id="content" name="x" href="#content">here</a>.\n'), [], new Map());
    expect(html).not.toMatch(/id="content"|name="x"/);
  });
});
