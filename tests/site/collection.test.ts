/**
 * A generated archive built by the real CLI: every file is there, every link between the
 * site's pages resolves, the feed is Atom with one entry per briefing, and briefings.json
 * validates against its own schema. Eight records (and a draft) give several years, shared
 * tags and people who spoke more than once; more would only cost time.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRecords } from '../../bench/generate.js';
import { runCli, tempProject, type TempProject } from '../helpers/cli.js';
import { buildHere } from '../helpers/site-build.js';

const COUNT = 8;

let project: TempProject;
let names: string[];
const out = (...parts: string[]) => project.path('site', ...parts);

beforeAll(async () => {
  project = tempProject();
  names = generateRecords(COUNT, project.path('meetings'), 5);
  project.write(
    'meetings/2030-01-01-draft.md',
    '---\ntitle: Not yet\ndate: 2030-01-01\nhosts: [the Parliamentary Human Rights Group (PHRG)]\ndraft: true\n---\n\nText.\n',
  );
  project.write('phrg-brief.yaml', 'site:\n  title: Parliamentary Human Rights Group\n  baseUrl: https://example.org/briefings/\n');
  // Built in this thread, as the CLI would (the CLI's own part is tested with its --drafts below).
  const result = await buildHere(project.dir, { out: 'site' });
  expect(result.ok, JSON.stringify(result.diagnostics)).toBe(true);
  expect(result.result.records.map((record) => record.status).sort()).toEqual([...Array<string>(COUNT).fill('built'), 'draft']);
}, 60_000);
afterAll(() => project?.remove());

const slugs = () => names.map((name) => name.replace(/\.md$/, ''));

describe('an archive build', () => {
  it('writes four files per briefing, and leaves the draft out', () => {
    for (const slug of slugs()) for (const ext of ['html', 'pdf', 'md', 'json']) expect(existsSync(out(`${slug}.${ext}`)), `${slug}.${ext}`).toBe(true);
    expect(readdirSync(out()).filter((name) => name.startsWith('2030-01-01-draft'))).toEqual([]);
    for (const file of [
      'index.html',
      'people/index.html',
      'feed.xml',
      'briefings.json',
      'schema/briefings.schema.json',
      'schema/briefing.schema.json',
      'sitemap.xml',
    ]) {
      expect(existsSync(out(file)), file).toBe(true);
    }
    expect(readdirSync(out('tags')).length).toBeGreaterThan(5);
  });

  it('links every page to pages that exist', () => {
    const pages = ['index.html', 'people/index.html', ...readdirSync(out('tags')).map((name) => `tags/${name}`)];
    const linked = new Set<string>();
    for (const page of pages) {
      const html = readFileSync(out(page), 'utf8');
      for (const [, href] of html.matchAll(/href="([^"#]+)(?:#[^"]*)?"/g)) {
        if (/^[a-z]+:/.test(href!)) continue;
        const target = resolve(dirname(out(page)), href!);
        expect(existsSync(target), `${page} → ${href}`).toBe(true);
        linked.add(target);
      }
    }
    // The index links every briefing; the tag pages between them link every tag.
    for (const slug of slugs()) expect(linked.has(out(`${slug}.html`)), slug).toBe(true);
    for (const tag of readdirSync(out('tags'))) expect(linked.has(out('tags', tag)), tag).toBe(true);
  });

  it('lists briefings newest first, grouped by year', () => {
    const html = readFileSync(out('index.html'), 'utf8');
    const dates = [...html.matchAll(/<time datetime="(\d{4}-\d{2}-\d{2})">/g)].map((m) => m[1]!);
    expect(dates).toHaveLength(COUNT);
    expect([...dates].sort().reverse()).toEqual(dates);
    const years = [...html.matchAll(/<h2 id="year-(\d{4})">/g)].map((m) => m[1]);
    expect(years).toEqual([...new Set(dates.map((d) => d.slice(0, 4)))]);
  });

  it('names each person once on the people page, with every meeting they spoke at', () => {
    const html = readFileSync(out('people/index.html'), 'utf8');
    const people = [...html.matchAll(/<li id="([^"]+)">\n<h2>([^<]+)<\/h2>/g)].map((m) => m[2]);
    expect(new Set(people).size).toBe(people.length);
    const archive = JSON.parse(readFileSync(out('briefings.json'), 'utf8')) as { briefings: { speakers: { name?: string }[]; chairs: { name?: string }[] }[] };
    const appearances = archive.briefings.flatMap((b) => [...b.speakers, ...b.chairs]).filter((p) => p.name).length;
    expect(html.match(/<li>(Spoke at|Chaired) /g)).toHaveLength(appearances);
  });

  it('publishes an Atom feed whose entries are the briefings', () => {
    const xml = readFileSync(out('feed.xml'), 'utf8');
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml) as { feed: Record<string, unknown> & { entry: Record<string, unknown>[] } };
    const feed = parsed.feed;
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    for (const key of ['id', 'title', 'updated', 'author']) expect(feed[key], key).toBeDefined();
    expect(feed.entry).toHaveLength(COUNT);
    const archive = JSON.parse(readFileSync(out('briefings.json'), 'utf8')) as { briefings: { heading: string; summary: string; slug: string }[] };
    feed.entry.forEach((entry, i) => {
      expect(entry.title).toEqual({ '#text': archive.briefings[i]!.heading, '@_xml:lang': 'en-GB' });
      expect(entry.summary).toBe(archive.briefings[i]!.summary);
      expect(entry.id).toBe(`https://example.org/briefings/${archive.briefings[i]!.slug}.html`);
      expect(String(entry.updated)).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
      expect(entry.link).toMatchObject({ '@_rel': 'alternate', '@_type': 'text/html' });
    });
  });

  it('publishes briefings.json that validates against its JSON Schema', () => {
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(out('schema', 'briefings.schema.json'), 'utf8')) as object);
    const archive = JSON.parse(readFileSync(out('briefings.json'), 'utf8')) as { briefings: { points: unknown[] }[] };
    expect(validate(archive), JSON.stringify(validate.errors)).toBe(true);
    expect(archive.briefings).toHaveLength(COUNT);
    expect(archive.briefings.every((b) => b.points.length > 0)).toBe(true);
    const one = ajv.compile(JSON.parse(readFileSync(out('schema', 'briefing.schema.json'), 'utf8')) as object);
    const record = JSON.parse(readFileSync(out(`${slugs()[0]}.json`), 'utf8')) as object;
    expect(one(record), JSON.stringify(one.errors)).toBe(true);
    expect(validate({ briefings: [{ ...record, date: '7/11/16' }] })).toBe(false);
  });

  it('writes a sitemap of every page at the site address', () => {
    const xml = readFileSync(out('sitemap.xml'), 'utf8');
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toContain('https://example.org/briefings/index.html');
    for (const slug of slugs()) expect(locs).toContain(`https://example.org/briefings/${slug}.html`);
  });

  it('builds the draft when asked', async () => {
    const result = await runCli(['build', '--out', 'site', '--drafts', '--format', 'html'], project.dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`built ${COUNT + 1}, unchanged 0, failed 0`);
    expect(existsSync(out('2030-01-01-draft.html'))).toBe(true);
    expect(readFileSync(out('index.html'), 'utf8')).toContain('Not yet');
  });
});

describe('the archive’s addresses', () => {
  it('are URIs in the sitemap and canonical links, a name with letters outside ASCII percent-encoded', async () => {
    const own = tempProject();
    try {
      own.write('phrg-brief.yaml', 'site:\n  baseUrl: https://example.org/briefings\n  search: false\n');
      own.write(
        'meetings/2021-03-04-copenhagen.md',
        '---\ntitle: Copenhagen\ndate: 2021-03-04\nhosts: [the Parliamentary Human Rights Group (PHRG)]\nspeakers:\n  - key: SN\n    name: Ελένη Παππά\n---\n\nA point. (SN)\n',
      );
      expect((await buildHere(own.dir, { formats: ['html'] })).ok).toBe(true);
      const person = readdirSync(own.path('dist', 'people')).find((name) => name !== 'index.html')!;
      expect(person).toMatch(/ελένη|ελενη/); // the page is named with the letters; its address encodes them
      const locs = [...readFileSync(own.path('dist', 'sitemap.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
      expect(locs.filter((loc) => !/^[\x21-\x7e]+$/.test(loc))).toEqual([]);
      const address = `https://example.org/briefings/people/${encodeURIComponent(person)}`;
      expect(locs).toContain(address);
      expect(readFileSync(own.path('dist', 'people', person), 'utf8')).toContain(`<link rel="canonical" href="${address}">`);
    } finally {
      own.remove();
    }
  });

  it('give the feed’s links the type of what they lead to, when a build writes no web pages', async () => {
    const own = tempProject();
    try {
      own.write('phrg-brief.yaml', 'site:\n  search: false\n');
      generateRecords(1, own.path('meetings'), 7);
      expect((await buildHere(own.dir, { formats: ['md'] })).ok).toBe(true);
      const link = /<entry>[\s\S]*?<link rel="alternate" type="([^"]+)" href="([^"]+)"\/>/.exec(readFileSync(own.path('dist', 'feed.xml'), 'utf8'));
      expect(link?.[2]).toMatch(/\.md$/);
      expect(link?.[1]).toBe('text/markdown');
    } finally {
      own.remove();
    }
  });
});

describe('a draft with errors', () => {
  it('has them told as warnings while it is left out, holding back neither the build nor check, and as errors once built', async () => {
    const own = tempProject({ withExample: true });
    try {
      own.write('phrg-brief.yaml', 'site:\n  search: false\n');
      // Half-written: a speaker not yet named, and a date not yet right.
      own.write('meetings/2030-01-02-half.md', '---\ntitle: Half written\ndate: 2030-01-32\nhosts: [the PHRG (PHRG)]\ndraft: true\n---\n\n- A point. (ZZ)\n');
      // A draft whose YAML fails before its draft: line is a draft all the same.
      own.write('meetings/2030-01-03-colon.md', '---\ntitle: Half: written: here\ndate: 2030-01-03\nhosts: [the PHRG (PHRG)]\ndraft: true\n---\n\nText.\n');
      const built = await buildHere(own.dir, { formats: ['html'] });
      expect(built.ok, JSON.stringify(built.diagnostics)).toBe(true);
      expect(built.result.records.map((record) => record.status).sort()).toEqual(['built', 'draft', 'draft']);
      const told = built.diagnostics.filter((d) => d.file.endsWith('half.md'));
      expect(told.map((d) => [d.severity, d.rule])).toEqual([
        ['warning', 'schema'],
        ['warning', 'unknown-speaker'],
      ]);
      expect(told[0]!.message).toMatch(/^in a draft, an error once it is built: /);
      const check = await runCli(['check'], own.dir);
      expect(check.code, check.stderr).toBe(0);
      expect(check.stdout).toContain('warning  in a draft, an error once it is built');
      expect((await runCli(['check', '--strict'], own.dir)).code).toBe(1);
      const drafts = await runCli(['build', '--drafts', '--format', 'html'], own.dir);
      expect(drafts.code).toBe(1);
      expect(drafts.stdout).toMatch(/error {2}/);
    } finally {
      own.remove();
    }
  });
});
