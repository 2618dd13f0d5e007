/**
 * An archive built the way a large one is: records on workers alone and the pages on a worker
 * of their own (site/pool.ts, site/site-pages.ts). The pages must come out whole and complete,
 * and a broken template must still be reported against its file. The CLI is told to treat
 * twenty records as a large archive (PHRG_BRIEF_LARGE_ARCHIVE; 2,000 otherwise): the way it is
 * built is what is tested, and its speed at size is the bench's to measure.
 */
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRecords } from '../../bench/generate.js';
import { runCli, tempProject, type TempProject } from '../helpers/cli.js';

const COUNT = 24;
const LARGE = { PHRG_BRIEF_LARGE_ARCHIVE: '20' };
let project: TempProject;
let names: string[];

beforeAll(async () => {
  project = tempProject();
  names = generateRecords(COUNT, project.path('meetings'), 21);
  const result = await runCli(['build', '--format', 'html,json', '--jobs', '2'], project.dir, LARGE);
  expect(result.code, result.stderr).toBe(0);
  expect(result.stderr).toContain(`built ${COUNT}, unchanged 0, failed 0`);
}, 60_000);
afterAll(() => project?.remove());

describe(`an archive of ${COUNT} records`, () => {
  it('lists every briefing on the index, in the feed and in briefings.json', () => {
    const index = readFileSync(project.path('dist', 'index.html'), 'utf8');
    expect([...index.matchAll(/<li class="entry"/g)]).toHaveLength(COUNT);
    expect(index.trimEnd().endsWith('</html>')).toBe(true);
    const feed = new XMLParser().parse(readFileSync(project.path('dist', 'feed.xml'), 'utf8')) as { feed: { entry: unknown[] } };
    expect(feed.feed.entry).toHaveLength(COUNT);
    const data = JSON.parse(readFileSync(project.path('dist', 'briefings.json'), 'utf8')) as { briefings: { slug: string }[] };
    expect(data.briefings.map((b) => b.slug).sort()).toEqual(names.map((name) => name.replace(/\.md$/, '')).sort());
  });

  it('lists on the people page everyone who spoke', () => {
    const people = readFileSync(project.path('dist', 'people', 'index.html'), 'utf8');
    const speakers = new Set(
      names.flatMap((name) => [...readFileSync(project.path('meetings', name), 'utf8').matchAll(/^ {4}name: (.+)$/gm)].map((m) => m[1]!)),
    );
    for (const speaker of speakers) expect(people, speaker).toContain(speaker);
  });

  it('reports a broken page template against its file', async () => {
    project.write('phrg-brief.yaml', 'templates: mine\n');
    project.write('mine/index.hbs', '<article>{{#each years}}{{year}}</article>\n');
    // The records in this thread (--jobs 1): the pages, on their worker, are what is tested here.
    const result = await runCli(['build', '--format', 'json', '--reporter', 'json', '--jobs', '1'], project.dir, LARGE);
    expect(result.code).toBe(1);
    const diagnostics = JSON.parse(result.stdout) as { file: string; rule: string }[];
    expect(diagnostics).toEqual([expect.objectContaining({ file: 'mine/index.hbs', rule: 'template' })]);
  });
});
