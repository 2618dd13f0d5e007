/** A record's body as sanitised HTML (compose/body.ts): its in-page links reach what they name. */
import { describe, expect, it } from 'vitest';
import { articleHtml, bodyToHtml } from '../../src/compose/body.js';
import { composeBriefing, renderPage } from '../../src/compose/briefing.js';
import { loadTemplates } from '../../src/compose/templates.js';
import { loadRecordText } from '../../src/load/record.js';
import { validateRecord } from '../../src/validate/record.js';
import { parseIntro, parseMarkdown } from '../../src/load/markdown.js';

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

  it('of the intro and of the body are numbered in one sequence and listed once, each link reaching its own note', () => {
    const record =
      '---\ntitle: T\ndate: 2020-05-10\nhosts: [the PHRG (PHRG)]\nintro: "An intro.[^1] As the body says.[^b]\\n\\n[^1]: The intro’s note."\n---\n\nA point.[^1]\n\nAnother.[^b]\n\n[^1]: The body’s note.\n[^b]: The body’s second.\n';
    const meeting = validateRecord(loadRecordText(record, 'meetings/2020-05-10-t.md').record!).meeting!;
    const html = renderPage(composeBriefing(meeting, templates), templates);
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]);
    expect(ids.length).toBeGreaterThanOrEqual(6);
    expect(new Set(ids).size, ids.join(' ')).toBe(ids.length);
    for (const labelled of html.matchAll(/aria-describedby="([^"]+)"/g)) expect(ids).toContain(labelled[1]);
    // One list of notes, after the body; the marks numbered in the order they are read.
    expect(html.match(/data-footnotes/g)).toHaveLength(1);
    expect(html.indexOf('data-footnotes')).toBeGreaterThan(html.indexOf('Another.'));
    const note = (href: string) => new RegExp(`<li id="${href}">\\s*<p>([^<]*)`).exec(html)?.[1]?.trim();
    const marks = [...html.matchAll(/<a href="#([^"]+)"[^>]*data-footnote-ref[^>]*>(\d+)<\/a>/g)].map((match) => `${match[2]} ${note(match[1]!)}`);
    expect(marks).toEqual(['1 The intro’s note.', '2 The body’s second.', '3 The body’s note.', '2 The body’s second.']);
  });

  it('of the intro are its own wherever they stand, cited from its own notes, whatever the body calls its notes', () => {
    const notes = (intro: string, body: string): string[] => {
      const tree = parseMarkdown(body);
      const html = articleHtml(tree, [], new Map(), parseIntro(intro, tree));
      const text = (id: string) => new RegExp(`<li id="${id}">\\s*<p>([^<]*)`).exec(html.body)?.[1]?.trim();
      return [...`${html.intro}${html.body}`.matchAll(/<a href="#([^"]+)"[^>]*data-footnote-ref[^>]*>(\d+)<\/a>/g)].map((m) => `${m[2]} ${text(m[1]!)}`);
    };
    // A note of the intro's cited from another of its notes.
    expect(notes('Cite[^x].\n\n[^x]: See also[^y].\n\n[^y]: Intro Y.', 'Body.[^y]\n\n[^y]: Body Y.')).toEqual(['1 See also', '2 Body Y.', '3 Intro Y.']);
    // One in a quotation of the intro.
    expect(notes('I cite[^a].\n\n> [^a]: Intro A.', 'Body cites[^a].\n\n[^a]: Body A.')).toEqual(['1 Intro A.', '2 Body A.']);
    // The body's notes named as the intro's would be.
    expect(notes('I cite[^a].\n\n[^a]: Intro A.', 'Body cites[^intro-a].\n\n[^intro-a]: Body intro-a.')).toEqual(['1 Intro A.', '2 Body intro-a.']);
  });

  it('still drop what raw HTML would bring, ids included', () => {
    const html = bodyToHtml(parseMarkdown('Text <a id="content" name="x" href="#content">here</a>.\n'), [], new Map());
    expect(html).not.toMatch(/id="content"|name="x"/);
  });
});

describe('links on paper', () => {
  it('are marked to print their address once: a link whose text is its address, mailto: included, prints none', () => {
    const html = bodyToHtml(
      parseMarkdown(
        'Write to <mailto:office@example.org>, <office@example.org>, [the office](mailto:office@example.org?subject=Briefing), <https://example.org/a>, [a site](https://example.org/b).\n',
      ),
      [],
      new Map(),
    );
    const links = [...html.matchAll(/<a ([^>]*)>([^<]*)<\/a>/g)].map((match) => [match[2], match[1]!.replace(/href="[^"]*" ?/, '')]);
    expect(links).toEqual([
      ['mailto:office@example.org', 'class="bare-link"'],
      ['office@example.org', ''],
      ['the office', 'data-address="office@example.org"'],
      ['https://example.org/a', 'class="bare-link"'],
      ['a site', ''],
    ]);
  });
});
