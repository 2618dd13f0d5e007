/**
 * The archive as a reader reaches it by links: a built archive of 20 records, crawled page by
 * page, with and without site.baseUrl. Every link resolves to a file that was built; every
 * briefing page links to the index, its downloads, its tags, its people and its neighbours;
 * every person's page holds their points. The pages' JSON-LD uses only schema.org terms, the
 * feed is Atom with rel="self", and the JSON carries what the issue asked for.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { Element } from 'hast';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRecords } from '../../bench/generate.js';
import { FIXTURES, runCli, tempProject, type TempProject } from '../helpers/cli.js';
import { SCHEMA_ORG_PROPERTIES, SCHEMA_ORG_TYPES } from '../helpers/schema-org.js';

const BASE = 'https://example.org/briefings';
const SANTO_TOMAS = '2019-05-14-santo-tomas';
/**
 * Records in the archive, Santo Tomás and one with footnotes among them. Every page of every
 * kind is crawled, so 20 exercise each link, neighbour, tag, person (alone and jointly
 * attributed) and feed entry as 50 did, at two fifths of the build (a PDF each, in two output
 * folders).
 */
const COUNT = 20;

interface Briefing {
  slug: string;
  source: string;
  title: string;
  date: string;
  updated?: string;
  chathamHouse: boolean;
  tags: string[];
  chairs: { key?: string; name?: string }[];
  speakers: { key?: string; name?: string }[];
  points: { text: string; speakers: { key: string; name: string }[] }[];
  files: Record<string, string>;
}

/** A record with footnotes, whose links lead within its page, to the notes and back. */
const FOOTNOTES = `---
title: Footnotes
date: 2020-06-01
hosts:
  - the All-Party Parliamentary Human Rights Group (PHRG)
speakers:
  - key: AB
    name: Ana Bravo
---

- A point with a note.[^source] (AB)
- Another, with two.[^2][^3] (AB)

[^source]: The source of the first point.
[^2]: A second note.
[^3]: A third.
`;

let project: TempProject;
let archive: Briefing[];

beforeAll(async () => {
  project = tempProject();
  generateRecords(COUNT - 2, project.path('meetings'), 12);
  project.write('meetings/2020-06-01-footnotes.md', FOOTNOTES);
  copyFileSync(join(FIXTURES, 'records', 'site', `${SANTO_TOMAS}.md`), project.path('meetings', `${SANTO_TOMAS}.md`));
  const relative = await runCli(['build'], project.dir);
  expect(relative.code, relative.stderr).toBe(0);
  project.write('absolute.yaml', `site:\n  baseUrl: ${BASE}\n`);
  const absolute = await runCli(['build', '--config', 'absolute.yaml', '--out', 'published'], project.dir);
  expect(absolute.code, absolute.stderr).toBe(0);
  archive = (JSON.parse(readFileSync(project.path('dist', 'briefings.json'), 'utf8')) as { briefings: Briefing[] }).briefings;
}, 300_000);
afterAll(() => project?.remove());

/** Every HTML page of an output folder, relative to it. */
function htmlPages(out: string): string[] {
  return (readdirSync(project.path(out), { recursive: true }) as string[])
    .filter((name) => name.endsWith('.html'))
    .map((name) => name.split('\\').join('/'))
    .sort();
}

/**
 * The links of a page (a, link), each resolved to a file of the output folder (the page itself
 * for one within it), or left as it is when it leads off the site; with the id it leads to.
 */
function links(out: string, page: string, baseUrl?: string): { href: string; target: string | undefined; fragment?: string; rel: string; text: string }[] {
  const tree = fromHtml(readFileSync(project.path(out, page), 'utf8'));
  return (selectAll('a[href], link[href]', tree) as Element[]).map((element) => {
    const href = String(element.properties.href);
    const rel = [element.properties.rel ?? []].flat().join(' ');
    let local: string | undefined;
    if (baseUrl && href.startsWith(`${baseUrl}/`)) local = href.slice(baseUrl.length + 1);
    else if (href.startsWith('#')) local = page;
    else if (!/^[a-z]+:/i.test(href)) local = posix.normalize(posix.join(posix.dirname(page), href.split('#')[0]!.split('?')[0]!));
    const fragment = local !== undefined && href.includes('#') ? decodeURIComponent(href.slice(href.indexOf('#') + 1)) : undefined;
    return {
      href,
      target: local === undefined ? undefined : decodeURIComponent(local),
      ...(fragment ? { fragment } : {}),
      rel,
      text: toText(element).replace(/\s+/g, ' ').trim(),
    };
  });
}

const pageIds = new Map<string, Set<string>>();
/** The ids of a page of the output folder. */
function idsOf(out: string, page: string): Set<string> {
  const key = `${out}/${page}`;
  let ids = pageIds.get(key);
  if (!ids) {
    const tree = fromHtml(readFileSync(project.path(out, page), 'utf8'));
    ids = new Set((selectAll('[id]', tree) as Element[]).map((element) => String(element.properties.id)));
    pageIds.set(key, ids);
  }
  return ids;
}

describe.each([
  { out: 'dist', baseUrl: undefined },
  { out: 'published', baseUrl: BASE },
])('a crawl of the 20-record archive in $out', ({ out, baseUrl }) => {
  it('finds no broken link on any page', () => {
    const pages = htmlPages(out);
    expect(pages).toEqual(expect.arrayContaining(['index.html', 'people/index.html', ...archive.map((briefing) => `${briefing.slug}.html`)]));
    expect(pages.filter((page) => page.startsWith('tags/')).length).toBeGreaterThan(1);
    expect(pages.filter((page) => page.startsWith('people/')).length).toBeGreaterThan(COUNT);
    const broken: string[] = [];
    for (const page of pages) {
      for (const link of links(out, page, baseUrl)) {
        if (link.target === undefined) {
          // Off the site: only the records' own links and the site's absolute addresses.
          if (baseUrl === undefined || !link.href.startsWith(baseUrl)) continue;
        }
        if (link.target === undefined || !existsSync(project.path(out, link.target))) broken.push(`${page} → ${link.href}`);
        else if (link.fragment && link.target.endsWith('.html') && !idsOf(out, link.target).has(link.fragment))
          broken.push(`${page} → ${link.href} (no such id)`);
      }
    }
    expect(broken).toEqual([]);
    // Every page fetches its text's fonts with itself (followed above: they are there), not once their stylesheet is read.
    for (const page of pages)
      expect(
        links(out, page, baseUrl)
          .filter((link) => link.rel === 'preload')
          .map((link) => link.target),
        page,
      ).toEqual(['fonts/source-serif-4-latin-400-normal.woff2', 'fonts/source-serif-4-latin-700-normal.woff2']);
    // The header's navigation marks the page it is on, and no other.
    const current = (page: string): string[] =>
      (selectAll('.site-nav a[aria-current="page"]', fromHtml(readFileSync(project.path(out, page), 'utf8'))) as Element[]).map((link) => toText(link));
    expect(pages.filter((page) => current(page).length > 0).map((page) => [page, current(page)])).toEqual([
      ['index.html', ['All briefings']],
      ['people/index.html', ['Speakers and chairs']],
    ]);
    // The footnotes' links were among those followed to an id: to each note and back.
    const footnoteLinks = links(out, '2020-06-01-footnotes.html', baseUrl).filter((link) => link.fragment?.includes('fn'));
    expect(footnoteLinks).toHaveLength(6);
  });

  it('links every briefing page to the index, its downloads, its tags, its people and its neighbours', () => {
    const ordered = [...archive].sort((a, b) => (a.date === b.date ? a.slug.localeCompare(b.slug) : a.date < b.date ? -1 : 1));
    expect(ordered).toHaveLength(COUNT);
    ordered.forEach((briefing, i) => {
      const page = `${briefing.slug}.html`;
      const found = links(out, page, baseUrl);
      const targets = new Set(found.map((link) => link.target));
      for (const file of ['index.html', 'feed.xml', `${briefing.slug}.pdf`, `${briefing.slug}.md`, `${briefing.slug}.json`])
        expect(targets.has(file), `${page} → ${file}`).toBe(true);
      const pdf = found.find((link) => link.target === `${briefing.slug}.pdf` && link.text.startsWith('PDF'));
      expect(pdf?.text, page).toMatch(/^PDF \(\d+ pages?, \d+ KB\)$/);
      for (const tag of briefing.tags)
        expect(
          found.some((link) => link.target?.startsWith('tags/') && link.text === tag),
          `${page} → tag ${tag}`,
        ).toBe(true);
      for (const person of [...briefing.chairs, ...briefing.speakers].filter((p) => p.name)) {
        const link = found.find((l) => l.target?.startsWith('people/') && l.text.replace(/ \(chair\)$/, '') === person.name);
        expect(link, `${page} → ${person.name}`).toBeDefined();
      }
      const prev = found.find((link) => link.rel === 'prev');
      const next = found.find((link) => link.rel === 'next');
      expect(prev?.target).toBe(i > 0 ? `${ordered[i - 1]!.slug}.html` : undefined);
      expect(next?.target).toBe(i < ordered.length - 1 ? `${ordered[i + 1]!.slug}.html` : undefined);
      const html = readFileSync(project.path(out, page), 'utf8');
      expect(html).toMatch(
        /<time datetime="\d{4}-\d{2}-\d{2}" data-pagefind-meta="date">(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} [A-Z][a-z]+ \d{4}<\/time> · [A-Z]/,
      );
      if (baseUrl) {
        expect(html).toContain(`<link rel="canonical" href="${baseUrl}/${page}">`);
        // Open Graph's form of the language, language_TERRITORY.
        expect(html).toContain('<meta property="og:locale" content="en_GB">');
        expect(html).toContain(`<meta property="og:url" content="${baseUrl}/${page}">`);
      } else {
        expect(html).not.toContain('rel="canonical"');
        expect(html).not.toContain('og:url');
      }
    });
  });

  it('gives every person a page, linked from the people index, with every point attributed to them', () => {
    const index = links(out, 'people/index.html', baseUrl).filter((link) => link.target?.startsWith('people/') && link.target !== 'people/index.html');
    const people = new Map<string, { name: string; points: { text: string; with: string[] }[] }>();
    for (const briefing of archive) {
      for (const person of [...briefing.chairs, ...briefing.speakers]) {
        if (!person.name) continue;
        const entry = people.get(person.name) ?? { name: person.name, points: [] };
        for (const point of briefing.points) {
          if (point.speakers.some((s) => s.key === person.key))
            entry.points.push({ text: point.text, with: point.speakers.filter((s) => s.key !== person.key).map((s) => s.name) });
        }
        people.set(person.name, entry);
      }
    }
    expect(index).toHaveLength(people.size);
    let joint = 0;
    for (const [name, person] of people) {
      const link = index.find((l) => l.text === name);
      expect(link, name).toBeDefined();
      const text = toText(fromHtml(readFileSync(project.path(out, link!.target!), 'utf8'))).replace(/\s+/g, ' ');
      expect(text).toContain(name);
      for (const point of person.points) {
        expect(text, `${name}: ${point.text}`).toContain(point.text.replace(/\s+/g, ' '));
        if (point.with.length > 0) {
          joint++;
          expect(text).toContain(`(with ${point.with[0]}`);
        }
      }
    }
    expect(joint).toBeGreaterThan(0);
  });
});

describe('the metadata', () => {
  it('describes each meeting in JSON-LD with schema.org terms only', () => {
    const unknown = new Set<string>();
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) return value.forEach(walk);
      if (value === null || typeof value !== 'object') return;
      for (const [key, inner] of Object.entries(value)) {
        if (key === '@type') {
          if (!SCHEMA_ORG_TYPES.has(String(inner))) unknown.add(`type ${String(inner)}`);
        } else if (key !== '@context' && !SCHEMA_ORG_PROPERTIES.has(key)) unknown.add(`property ${key}`);
        walk(inner);
      }
    };
    for (const out of ['dist', 'published']) {
      for (const briefing of archive) {
        const html = readFileSync(project.path(out, `${briefing.slug}.html`), 'utf8');
        const scripts = (selectAll('script[type="application/ld+json"]', fromHtml(html)) as Element[]).map((element) => toText(element));
        expect(scripts).toHaveLength(1);
        const data = JSON.parse(scripts[0]!) as {
          '@context': string;
          '@type': string;
          startDate: string;
          organizer: unknown[];
          performer?: unknown[];
          subjectOf: { '@type': string; url: string };
        };
        expect(data['@context']).toBe('https://schema.org');
        expect(data['@type']).toBe('Event');
        expect(data.startDate).toBe(briefing.date);
        expect(data.organizer.length).toBeGreaterThan(0);
        expect(data.subjectOf['@type']).toBe('Report');
        if (out === 'published') expect(data.subjectOf.url).toBe(`${BASE}/${briefing.slug}.html`);
        walk(data);
      }
    }
    expect([...unknown]).toEqual([]);
  });

  it('writes an Atom feed with rel="self" whose links resolve, absolute with site.baseUrl', () => {
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
    type Link = { rel: string; href: string; type?: string };
    type Entry = { id: string; title: string; updated: string; published: string; link: Link | Link[]; summary: string };
    for (const out of ['dist', 'published']) {
      const xml = readFileSync(project.path(out, 'feed.xml'), 'utf8');
      const feed = (
        parser.parse(xml) as { feed: { xmlns: string; id: string; title: string; updated: string; author: { name: string }; link: Link[]; entry: Entry[] } }
      ).feed;
      expect(feed.xmlns).toBe('http://www.w3.org/2005/Atom');
      expect(feed.id && feed.title && feed.author.name).toBeTruthy();
      const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
      expect(feed.updated).toMatch(rfc3339);
      const self = feed.link.find((link) => link.rel === 'self');
      const home = feed.link.find((link) => link.rel === 'alternate');
      expect(self?.href).toBe(out === 'published' ? `${BASE}/feed.xml` : 'feed.xml');
      expect(home?.href).toBe(out === 'published' ? `${BASE}/index.html` : 'index.html');
      expect(feed.entry).toHaveLength(COUNT);
      const ids = new Set<string>();
      for (const entry of feed.entry) {
        expect(entry.updated).toMatch(rfc3339);
        expect(entry.updated >= entry.published).toBe(true);
        expect(entry.title && entry.summary).toBeTruthy();
        ids.add(entry.id);
        const link = [entry.link].flat().find((l) => l.rel === 'alternate')!;
        // Relative links resolve against the feed's own address, which lies beside the pages.
        const target = out === 'published' ? link.href.slice(BASE.length + 1) : link.href;
        if (out === 'published') expect(link.href.startsWith(`${BASE}/`)).toBe(true);
        expect(existsSync(project.path(out, posix.join(posix.dirname('feed.xml'), target))), link.href).toBe(true);
      }
      expect(ids.size).toBe(COUNT);
      expect(feed.updated).toBe([...feed.entry.map((e) => e.updated)].sort().at(-1));
      // The record's own updated: wins (no git here).
      const corrected = feed.entry.find((entry) => [entry.link].flat().some((l) => l.href.endsWith(`${SANTO_TOMAS}.html`)))!;
      expect(corrected.updated).toBe('2019-06-03T00:00:00Z');
      expect(corrected.published).toBe('2019-05-14T00:00:00Z');
    }
    const index = readFileSync(project.path('dist', 'index.html'), 'utf8');
    expect(index).toContain('<link rel="alternate" type="application/atom+xml" href="feed.xml"');
  });

  it('gives the JSON a relative source and the Chatham House Rule', () => {
    const record = JSON.parse(readFileSync(project.path('dist', `${SANTO_TOMAS}.json`), 'utf8')) as Briefing;
    expect(record.source).toBe(`meetings/${SANTO_TOMAS}.md`);
    expect(record.chathamHouse).toBe(true);
    expect(record.updated).toBe('2019-06-03');
    expect(archive.find((b) => b.slug === SANTO_TOMAS)).toEqual(record);
    expect(archive.filter((b) => !b.chathamHouse)).toHaveLength(COUNT - 1);
    const schema = readFileSync(project.path('dist', 'schema', 'briefing.schema.json'), 'utf8');
    expect(schema).toContain('"chathamHouse"');
    expect(schema).toContain('"updated"');
  });

  it('serves the pages’ fonts from the output folder, as WOFF2 with font-display: swap', () => {
    const css = readFileSync(project.path('dist', 'fonts', 'source-serif-4.css'), 'utf8');
    const urls = [...css.matchAll(/url\(([^)]+)\)/g)].map((match) => match[1]!);
    expect(urls.length).toBeGreaterThanOrEqual(4);
    for (const url of urls) {
      expect(url).toMatch(/\.woff2$/);
      const bytes = readFileSync(project.path('dist', 'fonts', url));
      expect(bytes.subarray(0, 4).toString('latin1')).toBe('wOF2');
    }
    expect(css.match(/font-display: swap/g)).toHaveLength(css.match(/@font-face/g)!.length);
    // Each face in every script the PDF sets in it, so that a name in Cyrillic, Greek or
    // Vietnamese is not set in whatever serif the reader's system has.
    for (const face of ['400-normal', '400-italic', '700-normal', '700-italic'])
      for (const subset of ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'vietnamese'])
        expect(urls, `${subset} ${face}`).toContain(`source-serif-4-${subset}-${face}.woff2`);
    for (const page of ['index.html', `${SANTO_TOMAS}.html`, 'people/index.html']) {
      const html = readFileSync(project.path('dist', page), 'utf8');
      expect(html).toContain(`href="${page.includes('/') ? '../' : ''}fonts/source-serif-4.css"`);
      expect(html).not.toMatch(/fonts\.googleapis|fonts\.gstatic/);
    }
  });
});

describe('a source outside the project', () => {
  it('is still given relative to the project folder', async () => {
    const outside = tempProject();
    try {
      copyFileSync(join(FIXTURES, 'records', 'site', `${SANTO_TOMAS}.md`), outside.write(`records/${SANTO_TOMAS}.md`, ''));
      outside.write('project/.keep', '');
      const result = await runCli(['build', '../records', '--format', 'json'], outside.path('project'));
      expect(result.code, result.stderr).toBe(0);
      const record = JSON.parse(readFileSync(outside.path('project', 'dist', `${SANTO_TOMAS}.json`), 'utf8')) as Briefing;
      expect(record.source).toBe(`../records/${SANTO_TOMAS}.md`);
    } finally {
      outside.remove();
    }
  });
});
