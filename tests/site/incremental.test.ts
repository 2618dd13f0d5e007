/**
 * Rebuilds: an unchanged record is not rendered again, an edited one is (and nothing else of
 * the others), a template change rebuilds everything, and a deleted record's outputs go.
 *
 * One project of eight records is built once per worker and copied for each test. The build's
 * logic is tested in this thread through `buildSite` (helpers/site-build.ts), where a CLI's
 * start-up would cost more than the build; the real CLI is kept where its own part shows: the
 * summary line, exit codes, the JSON report, --force, and refusing an output folder.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateRecords } from '../../bench/generate.js';
import { copyOfBuilt } from '../helpers/built.js';
import { REPO, runCli, runCliWith, tempProject, type TempProject } from '../helpers/cli.js';
import { buildHere, type BuildHereOptions } from '../helpers/site-build.js';

/** Enough records for neighbours on both sides and shared tags and people; the count is not what is tested. */
const COUNT = 8;
/** The formats of the project with pages, and of the one whose tests need none (no pages, no search index: cheaper builds). */
const PAGES: BuildHereOptions['formats'] = ['html', 'md', 'json'];
const DATA: BuildHereOptions['formats'] = ['md', 'json'];
let formats: BuildHereOptions['formats'];

let project: TempProject;
/** The records' file names, oldest meeting first. */
let names: string[];

const build = (options: BuildHereOptions = {}) => buildHere(project.dir, { formats, ...options });

/** Every file of the output folder with its bytes and modification time. */
function snapshot(): Map<string, { mtime: number; bytes: Buffer }> {
  const files = new Map<string, { mtime: number; bytes: Buffer }>();
  for (const entry of readdirSync(project.path('dist'), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(path.slice(project.path('dist').length + 1), { mtime: statSync(path).mtimeMs, bytes: readFileSync(path) });
  }
  return files;
}

function changed(before: Map<string, { mtime: number; bytes: Buffer }>, after: Map<string, { mtime: number; bytes: Buffer }>): string[] {
  return [...after]
    .filter(([name, file]) => {
      const old = before.get(name);
      return !old || old.mtime !== file.mtime || !old.bytes.equals(file.bytes);
    })
    .map(([name]) => name)
    .sort();
}

/**
 * Without the search index unless asked for: Pagefind's run is a third of a small build's
 * time, and only the tests that look at the index need it.
 */
const NO_SEARCH = 'site:\n  search: false\n';

/** A copy of the project of COUNT records built with `kind`'s formats (built once per worker), with or without the search index. */
async function copyBuilt(kind: typeof PAGES, search = false): Promise<void> {
  formats = kind;
  project = await copyOfBuilt(`site-incremental-${COUNT}-${kind!.join(',')}${search ? '-search' : ''}`, async (fresh) => {
    if (!search) fresh.write('phrg-brief.yaml', NO_SEARCH);
    generateRecords(COUNT, fresh.path('meetings'), 9);
    const first = await buildHere(fresh.dir, { formats: kind });
    expect(first.counts).toEqual({ built: COUNT, unchanged: 0, failed: 0 });
  });
  names = readdirSync(project.path('meetings')).sort();
  expect(names).toHaveLength(COUNT);
}
afterEach(() => project?.remove());

describe('incremental builds, with the search index', () => {
  beforeEach(() => copyBuilt(PAGES, true), 60_000);

  it('render nothing again when nothing changed, even if files were touched', async () => {
    // The project was built in another folder and copied here whole: its cache holds good.
    const before = snapshot();
    const later = new Date(Date.now() + 5_000);
    for (const name of names) utimesSync(project.path('meetings', name), later, later);
    expect((await build()).counts).toEqual({ built: 0, unchanged: COUNT, failed: 0 });
    expect(changed(before, snapshot())).toEqual([]);
  });

  it('rewrite briefings.json but no site page when only a record’s points change', async () => {
    const before = snapshot();
    const target = names[5]!;
    const slug = target.replace(/\.md$/, '');
    // A line separator too, which JSON leaves unescaped inside a string.
    project.write(`meetings/${target}`, readFileSync(project.path('meetings', target), 'utf8').replace('\n- ', '\n- Added afterwards:\u2028 '));
    expect((await build()).counts).toEqual({ built: 1, unchanged: COUNT - 1, failed: 0 });
    // Its own files and the archive's data; the pages of its people, which list their points;
    // and the search index, which holds them too. No other page.
    const touched = changed(before, snapshot());
    expect(touched.filter((name) => !name.startsWith('people/') && !name.startsWith('pagefind/'))).toEqual(
      [`${slug}.html`, `${slug}.json`, `${slug}.md`, 'briefings.json'].sort(),
    );
    const record = JSON.parse(readFileSync(project.path('dist', `${slug}.json`), 'utf8')) as { speakers: { name?: string }[]; chairs: { name?: string }[] };
    const people = touched.filter((name) => name.startsWith('people/'));
    expect(people.length).toBeGreaterThan(0);
    for (const name of people)
      expect(
        [...record.speakers, ...record.chairs].some((person) => readFileSync(project.path('dist', name), 'utf8').includes(`<h1>${person.name}</h1>`)),
        name,
      ).toBe(true);
    expect(touched.some((name) => name.startsWith('pagefind/'))).toBe(true);
    // The archive's data is every record's own data, newest first, the edited one included.
    const archive = JSON.parse(readFileSync(project.path('dist', 'briefings.json'), 'utf8')) as { briefings: { slug: string; date: string }[] };
    const own = names.map((name) => JSON.parse(readFileSync(project.path('dist', name.replace(/\.md$/, '.json')), 'utf8')) as { slug: string; date: string });
    own.sort((a, b) => (a.date === b.date ? a.slug.localeCompare(b.slug) : a.date < b.date ? 1 : -1));
    expect(archive.briefings).toEqual(own);
    expect(JSON.stringify(archive.briefings.find((b) => b.slug === slug))).toContain('Added afterwards:\u2028 ');
  });

  it('write every file byte for byte as before when forced to build again, the search index included', async () => {
    const before = snapshot();
    expect((await build({ force: true })).counts).toEqual({ built: COUNT, unchanged: 0, failed: 0 });
    const after = snapshot();
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    expect([...before.keys()].some((name) => name.startsWith('pagefind/') && name.endsWith('.pf_index'))).toBe(true);
    for (const [name, file] of before) expect(after.get(name)!.bytes.equals(file.bytes), name).toBe(true);
  });
});

describe('incremental builds', () => {
  beforeEach(() => copyBuilt(PAGES), 60_000);

  it('render only the edited record, and change none of the others’ files', async () => {
    const before = snapshot();
    const target = names[3]!;
    const slug = target.replace(/\.md$/, '');
    const text = readFileSync(project.path('meetings', target), 'utf8');
    project.write(`meetings/${target}`, text.replace('The main points made were as follows:', 'The main points, as agreed, were these:'));
    expect((await build()).counts).toEqual({ built: 1, unchanged: COUNT - 1, failed: 0 });
    const touched = changed(before, snapshot());
    expect(touched).toEqual(expect.arrayContaining([`${slug}.html`, `${slug}.md`, `${slug}.json`]));
    // Besides its own files, only the archive's shared pages may change.
    const others = touched.filter((name) => !name.startsWith(slug));
    expect(
      others.every(
        (name) =>
          ['index.html', 'feed.xml', 'briefings.json'].includes(name) || name.startsWith('tags/') || name.startsWith('people/') || name.startsWith('pagefind/'),
      ),
    ).toBe(true);
    expect(readFileSync(project.path('dist', `${slug}.html`), 'utf8')).toContain('as agreed');
  });

  it('make the pages again from every briefing’s cached summary when one record’s facts change', async () => {
    const target = names[5]!;
    const text = readFileSync(project.path('meetings', target), 'utf8');
    project.write(`meetings/${target}`, text.replace(/^title: .*$/m, 'title: A title given since'));
    const { counts } = await build();
    // The record, and the pages before and after it, which link to it by its title.
    const linking = names.filter(
      (name) => name !== target && readFileSync(project.path('dist', name.replace(/\.md$/, '.html')), 'utf8').includes('A title given since'),
    );
    expect(linking.length).toBeGreaterThanOrEqual(1); // one when it is the oldest or newest
    expect(counts).toEqual({ built: 1 + linking.length, unchanged: COUNT - 1 - linking.length, failed: 0 });
    const index = readFileSync(project.path('dist', 'index.html'), 'utf8');
    expect(index).toContain('A title given since');
    // The others, not rendered again, are there too, from the cache.
    for (const name of names) expect(index).toContain(`href="${name.replace(/\.md$/, '.html')}"`);
    expect(readFileSync(project.path('dist', 'feed.xml'), 'utf8').match(/<entry>/g)).toHaveLength(COUNT);
  });

  it('take no file from the briefing beside a record built alone in fewer formats, and link it to the new one', async () => {
    const newest = names.at(-1)!.replace(/\.md$/, '');
    const text = readFileSync(project.path('meetings', names.at(-1)!), 'utf8');
    project.write('meetings/2099-01-01-later.md', text.replace(/^date: .*$/m, 'date: 2099-01-01').replace(/^title: .*$/m, 'title: A later meeting'));
    const { counts } = await build({ paths: ['meetings/2099-01-01-later.md'], formats: ['html'] });
    expect(counts).toEqual({ built: 1, unchanged: 0, failed: 0 });
    // The briefing before it is rendered again for its link to the new one, in the formats it had.
    const page = readFileSync(project.path('dist', `${newest}.html`), 'utf8');
    expect(page).toContain('A later meeting');
    for (const extension of ['md', 'json']) {
      expect(existsSync(project.path('dist', `${newest}.${extension}`)), extension).toBe(true);
      expect(page).toContain(`href="${newest}.${extension}"`);
    }
    // The record built is made in the formats asked for, and no other.
    expect(readdirSync(project.path('dist')).filter((name) => name.startsWith('2099-01-01-later.'))).toEqual(['2099-01-01-later.html']);
  });

  it('build past a cache whose pack is gone while a record fails, whatever is asked for', async () => {
    const cache = project.path('.phrg-brief-cache');
    for (const name of readdirSync(cache).filter((file) => file.endsWith('.pack'))) rmSync(join(cache, name));
    const broken = names[2]!;
    const text = readFileSync(project.path('meetings', broken), 'utf8');
    project.write(`meetings/${broken}`, text.replace(/^date: .*$/m, 'date: notadate'));
    const links = (): number => {
      const index = readFileSync(project.path('dist', 'index.html'), 'utf8');
      return names.filter((name) => index.includes(`href="${name.replace(/\.md$/, '.html')}"`)).length;
    };
    const internal = (built: { diagnostics: { rule: string }[] }) => built.diagnostics.filter((d) => d.rule === 'internal-error');
    // Only the broken record asked for: nothing renders, no summary can be had, the pages stay.
    for (const force of [false, true]) {
      const only = await build({ paths: [`meetings/${broken}`], force });
      expect(only.ok).toBe(false);
      expect(internal(only)).toEqual([]);
      expect(only.counts).toEqual({ built: 0, unchanged: 0, failed: 1 });
      expect(links()).toBe(COUNT);
    }
    const all = await build();
    expect(internal(all)).toEqual([]);
    expect(all.counts).toEqual({ built: COUNT - 1, unchanged: 0, failed: 1 });
    expect(links()).toBe(COUNT - 1);
    project.write(`meetings/${broken}`, text);
    const fixed = await build();
    expect(fixed.ok, JSON.stringify(fixed.diagnostics)).toBe(true);
    expect(links()).toBe(COUNT);
    const archive = JSON.parse(readFileSync(project.path('dist', 'briefings.json'), 'utf8')) as { briefings: unknown[] };
    expect(archive.briefings).toHaveLength(COUNT);
  });

  it('render everything again when a template changes, or with --force, and nothing the time after (the real CLI)', async () => {
    project.write('phrg-brief.yaml', `templates: mine\n${NO_SEARCH}`);
    project.write(
      'mine/partials/person.hbs',
      readFileSync(join(REPO, 'templates/default/partials/person.hbs'), 'utf8').replace('speaking on behalf of', 'for'),
    );
    expect((await build()).counts).toEqual({ built: COUNT, unchanged: 0, failed: 0 });
    const again = await runCli(['build', '--format', 'html,md,json'], project.dir);
    expect(again.stderr).toContain(`built 0, unchanged ${COUNT}`);
    expect((await build({ force: true })).counts).toEqual({ built: COUNT, unchanged: 0, failed: 0 });
  });

  it('remove the outputs of a deleted record, and render a record whose output went missing', async () => {
    // A record in the middle, with neighbours on both sides; another's file goes missing.
    const gone = names[3]!.replace(/\.md$/, '');
    const missing = names[6]!.replace(/\.md$/, '');
    rmSync(project.path('meetings', names[3]!));
    rmSync(project.path('dist', `${missing}.md`));
    const built = await build();
    expect(built.ok, JSON.stringify(built.diagnostics)).toBe(true);
    // The record whose file went missing, and the pages beside the deleted one, whose links move on.
    expect(built.counts.built).toBeGreaterThanOrEqual(3);
    expect(built.counts.built + built.counts.unchanged).toBe(COUNT - 1);
    expect(built.counts.failed).toBe(0);
    expect(built.result.removed).toEqual(expect.arrayContaining(['html', 'md', 'json'].map((ext) => `dist/${gone}.${ext}`)));
    const left = names.filter((name) => name !== names[3]);
    for (const name of left) expect(readFileSync(project.path('dist', name.replace(/\.md$/, '.html')), 'utf8')).not.toContain(`${gone}.html`);
    for (const ext of ['html', 'md', 'json']) expect(existsSync(project.path('dist', `${gone}.${ext}`))).toBe(false);
    expect(readFileSync(project.path('dist', 'index.html'), 'utf8')).not.toContain(`${gone}.html`);
    expect(existsSync(project.path('dist', `${missing}.md`))).toBe(true);
  });

  it('never lets a record take the files of one that fails, nor delete them afterwards', async () => {
    // Two records of their own: the others would only be built again for the new formats.
    const own = tempProject();
    try {
      const a = 'meetings/2017-01-01-a.md';
      const b = 'meetings/2017-01-02-b.md';
      const record = (slug: string, date: string) =>
        `---\ntitle: T\ndate: ${date}\nhosts: [the Parliamentary Human Rights Group (PHRG)]\nslug: ${slug}\n---\n\nText.\n`;
      const formats = ['html', 'json'] satisfies BuildHereOptions['formats'];
      own.write('phrg-brief.yaml', NO_SEARCH);
      own.write(a, record('shared', '2017-01-01'));
      expect((await buildHere(own.dir, { formats })).ok).toBe(true);
      const before = readFileSync(own.path('dist', 'shared.html'));
      own.write(a, record('shared', '7/1/17'));
      own.write(b, record('shared', '2017-01-02'));
      const clash = await buildHere(own.dir, { formats });
      expect(clash.ok).toBe(false);
      expect(readFileSync(own.path('dist', 'shared.html')).equals(before)).toBe(true);
      expect(clash.diagnostics.map((d) => d.rule)).toContain('duplicate-slug');
      rmSync(own.path(a));
      const after = await buildHere(own.dir, { formats });
      expect(after.ok, JSON.stringify(after.diagnostics)).toBe(true);
      expect(readFileSync(own.path('dist', 'shared.html'), 'utf8')).toContain('2017-01-02');
    } finally {
      own.remove();
    }
  });

  it('refuse an output folder that holds the records, or sits among them', async () => {
    const into = await runCli(['build', '--out', 'meetings'], project.dir);
    // Bad usage, with nothing built to sum up.
    expect(into.code).toBe(2);
    expect(into.stdout).toContain('the output folder holds records');
    expect(into.stderr).not.toContain('built 0');
    const below = await build({ paths: ['meetings'], out: 'meetings/out' });
    expect(below.ok).toBe(false);
    expect(below.diagnostics.map((d) => [d.rule, d.message])).toEqual([['usage', expect.stringContaining('the output folder')]]);
    expect(existsSync(project.path('meetings', 'out'))).toBe(false);
    expect(readFileSync(project.path('meetings', names[0]!), 'utf8')).toMatch(/^---\n/);
    // Where a link leads: the records reached by a link, named by their own folder; an output
    // folder that is a link to them; a folder among them reached so.
    const linked = tempProject();
    try {
      cpSync(project.path('meetings'), linked.path('store', 'Meetings'), { recursive: true });
      mkdirSync(linked.path('project'));
      symlinkSync(join('..', 'store', 'Meetings'), linked.path('project', 'meetings'));
      const inProject = (out: string) => buildHere(linked.path('project'), { paths: ['meetings'], out, formats: ['md'] });
      for (const out of [join('..', 'store', 'Meetings'), join('..', 'store', 'Meetings', 'out')]) {
        const refused = await inProject(out);
        expect(
          refused.diagnostics.map((d) => [d.rule, d.message]),
          out,
        ).toEqual([['usage', expect.stringMatching(/^the output folder (holds records|is inside)/)]]);
      }
      symlinkSync('meetings', linked.path('project', 'dist'));
      expect((await inProject('dist')).diagnostics.map((d) => d.rule)).toEqual(['usage']);
      // A link to a folder that is not there, as a share that is offline leaves it.
      symlinkSync(join('..', 'Web Share (offline)', 'site'), linked.path('project', 'published'));
      expect((await inProject('published')).diagnostics.map((d) => [d.rule, d.message])).toEqual([
        ['usage', `the output folder is a link to ${join('..', 'Web Share (offline)', 'site')}, which is not there (a drive or share not connected?)`],
      ]);
      expect((await inProject(join('published', 'site'))).diagnostics.map((d) => d.message)).toEqual([
        `published, a folder above the output folder, is a link to ${join('..', 'Web Share (offline)', 'site')}, which is not there (a drive or share not connected?)`,
      ]);
      expect(readFileSync(linked.path('store', 'Meetings', names[0]!), 'utf8')).toMatch(/^---\n/);
      expect(existsSync(linked.path('store', 'Meetings', 'out'))).toBe(false);
    } finally {
      linked.remove();
    }
  });

  it('refuse an output folder that is a file, or below one, as bad usage with a message, not a stack trace', async () => {
    project.write('notes.txt', 'kept\n');
    const onFile = await runCli(['build', '--out', 'notes.txt/site', '--reporter', 'json'], project.dir);
    expect(onFile.code).toBe(2);
    expect(JSON.parse(onFile.stdout)).toEqual([
      expect.objectContaining({ rule: 'usage', message: 'notes.txt, a folder above the output folder, is a file, not a folder' }),
    ]);
    expect(onFile.stderr).not.toMatch(/ENOTDIR|\n {4}at /);
    const file = await build({ out: 'notes.txt' });
    expect(file.diagnostics.map((d) => d.message)).toEqual(['the output folder is a file, not a folder']);
    expect(readFileSync(project.path('notes.txt'), 'utf8')).toBe('kept\n');
  });
});

describe('incremental builds, of the briefings’ data alone', () => {
  beforeEach(() => copyBuilt(DATA), 60_000);

  it('render a record edited to the same length, in the same second', async () => {
    const target = names[7]!;
    const slug = target.replace(/\.md$/, '');
    const text = readFileSync(project.path('meetings', target), 'utf8');
    const edited = text.replace('The main points made were as follows:', 'The main points made were as below:  ');
    expect(edited.length).toBe(text.length);
    project.write(`meetings/${target}`, edited);
    expect((await build()).counts).toEqual({ built: 1, unchanged: COUNT - 1, failed: 0 });
    expect(readFileSync(project.path('dist', `${slug}.md`), 'utf8')).toContain('as below:');
  });

  it('keep failing a record that new settings make wrong, build after build', async () => {
    const target = names[6]!;
    project.write(`meetings/${target}`, `${readFileSync(project.path('meetings', target), 'utf8')}\nThe XQZW said so.\n`);
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(project.path('meetings', target), hourAgo, hourAgo); // old enough for its stamp to be kept
    const undefinedXqzw = (d: { message: string }) => d.message === 'the abbreviation XQZW is never defined';
    const warned = await build();
    expect(warned.ok).toBe(true);
    expect(warned.diagnostics.filter(undefinedXqzw).map((d) => [d.file, d.severity])).toEqual([[`meetings/${target}`, 'warning']]);
    project.write('phrg-brief.yaml', 'rules:\n  undefined-abbreviation: error\n');
    for (let i = 0; i < 2; i++) {
      const failed = await build();
      expect(failed.ok, `build ${i + 1}`).toBe(false);
      expect(failed.counts.failed, `build ${i + 1}`).toBe(1);
      expect(failed.diagnostics.filter(undefinedXqzw).map((d) => d.severity)).toEqual(['error']);
    }
  });

  it('render again what a damaged cache cannot vouch for, rather than fail', async () => {
    const cache = project.path('.phrg-brief-cache');
    const pack = readdirSync(cache).find((name) => name.endsWith('.pack'))!;
    const bytes = readFileSync(join(cache, pack));
    writeFileSync(join(cache, pack), bytes.subarray(0, bytes.length >> 1));
    project.write(`meetings/${names[0]!}`, `${readFileSync(project.path('meetings', names[0]!), 'utf8')}\nAn edit.\n`);
    const built = await build();
    expect(built.ok, JSON.stringify(built.diagnostics)).toBe(true);
    const archive = JSON.parse(readFileSync(project.path('dist', 'briefings.json'), 'utf8')) as { briefings: { slug: string }[] };
    expect(archive.briefings.map((b) => b.slug).sort()).toEqual(names.map((name) => name.replace(/\.md$/, '')).sort());
  });

  it('add each edit’s entry to the cache’s pack, and start a compact one when most is stale', async () => {
    // The pack holds each briefing's entry whatever the formats: without pages, a briefing
    // this long spares the search index.
    const cache = project.path('.phrg-brief-cache');
    const packs = (): string[] => readdirSync(cache).filter((name) => name.endsWith('.pack'));
    const first = packs();
    expect(first).toHaveLength(1);
    const seen = new Set(first);
    const target = names[6]!;
    const text = readFileSync(project.path('meetings', target), 'utf8');
    for (let i = 0; i < 8; i++) {
      // A long point each time: its entry alone is as big as all the others together (and the
      // record within the default limits.recordSize).
      project.write(`meetings/${target}`, text.replace('\n- ', `\n- ${`Edit ${i}. `.repeat(30_000)}`));
      const built = await build();
      expect(built.ok, JSON.stringify(built.diagnostics)).toBe(true);
      expect(built.counts.built).toBe(1);
      expect(packs()).toHaveLength(1);
      if (i === 0) expect(packs()).toEqual(first); // added to, not written anew
      seen.add(packs()[0]!);
    }
    expect(seen.size).toBeGreaterThan(1); // compacted at least once
    expect(statSync(join(cache, packs()[0]!)).size).toBeLessThan(3 * 440_000 + (1 << 20));
    const archive = JSON.parse(readFileSync(project.path('dist', 'briefings.json'), 'utf8')) as { briefings: { slug: string }[] };
    const own = names.map((name) => JSON.parse(readFileSync(project.path('dist', name.replace(/\.md$/, '.json')), 'utf8')) as { slug: string });
    expect([...archive.briefings].sort((a, b) => a.slug.localeCompare(b.slug))).toEqual(own.sort((a, b) => a.slug.localeCompare(b.slug)));
    expect(JSON.stringify(archive)).toContain('Edit 7. Edit 7.');
  });

  it('keep a broken record’s earlier outputs and build the rest', async () => {
    const broken = names[2]!;
    const slug = broken.replace(/\.md$/, '');
    const before = readFileSync(project.path('dist', `${slug}.md`));
    project.write(`meetings/${broken}`, readFileSync(project.path('meetings', broken), 'utf8').replace(/^date: .*$/m, 'date: 7/11/16'));
    project.write(`meetings/${names[5]!}`, `${readFileSync(project.path('meetings', names[5]!), 'utf8')}\nAnother paragraph.\n`);
    const built = await build();
    expect(built.ok).toBe(false);
    expect(built.counts).toEqual({ built: 1, unchanged: COUNT - 2, failed: 1 });
    expect(existsSync(project.path('dist', `${slug}.json`))).toBe(true); // its other files stay as they were
    expect(readFileSync(project.path('dist', `${slug}.md`)).equals(before)).toBe(true);
  });

  it('tidy the files of a renamed record even with --force (the real CLI)', async () => {
    const old = names[0]!.replace(/\.md$/, '');
    const text = readFileSync(project.path('meetings', names[0]!), 'utf8');
    rmSync(project.path('meetings', names[0]!));
    project.write(`meetings/${old}-renamed.md`, text);
    const forced = await runCli(['build', '--format', 'md,json', '--force'], project.dir);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stderr).toContain(`built ${COUNT}, unchanged 0, failed 0`);
    for (const ext of ['md', 'json']) expect(existsSync(project.path('dist', `${old}.${ext}`))).toBe(false);
    for (const ext of ['md', 'json']) expect(existsSync(project.path('dist', `${old}-renamed.${ext}`))).toBe(true);
  });

  it('report an output that cannot be written against its record, and build the rest (the real CLI)', async () => {
    const target = names[2]!;
    const slug = target.replace(/\.md$/, '');
    rmSync(project.path('dist', `${slug}.md`));
    mkdirSync(project.path('dist', `${slug}.md`)); // a folder where the Markdown should go
    project.write(`meetings/${target}`, `${readFileSync(project.path('meetings', target), 'utf8')}\nAn edit.\n`);
    project.write(`meetings/${names[4]!}`, `${readFileSync(project.path('meetings', names[4]!), 'utf8')}\nAn added paragraph.\n`);
    const result = await runCli(['build', '--format', 'md,json', '--reporter', 'json'], project.dir);
    expect(result.code).toBe(1);
    const diagnostics = JSON.parse(result.stdout) as { file: string; rule: string; message: string }[];
    expect(diagnostics).toEqual([
      expect.objectContaining({ file: `meetings/${target}`, rule: 'write-error', message: `cannot write dist/${slug}.md (EISDIR)` }),
    ]);
    expect(result.stderr).toContain(`built 1, unchanged ${COUNT - 2}, failed 1`);
    expect(existsSync(project.path('dist', `${slug}.json`))).toBe(true); // its other files stay as they were
    expect(readFileSync(project.path('dist', names[4]!.replace(/\.md$/, '.md')), 'utf8')).toContain('An added paragraph.');
  });
});

describe('incremental builds after phrg-brief itself changed', () => {
  it('build on from the cache of a project moved elsewhere, with templates and a font of its own', async () => {
    const first = tempProject();
    const moved = `${first.dir}-moved`;
    try {
      first.write('phrg-brief.yaml', `${NO_SEARCH}templates: mine\n`);
      first.write('mine/pdf-theme.yaml', 'fonts:\n  regular: ./fonts/body.ttf\n');
      first.write('mine/fonts/body.ttf', readFileSync(join(REPO, 'lib', 'fonts', 'SourceSerif4_400Regular.ttf')));
      generateRecords(3, first.path('meetings'), 9);
      expect((await buildHere(first.dir, { formats: ['html', 'pdf'] })).counts).toEqual({ built: 3, unchanged: 0, failed: 0 });
      renameSync(first.dir, moved);
      expect((await buildHere(moved, { formats: ['html', 'pdf'] })).counts).toEqual({ built: 0, unchanged: 3, failed: 0 });
    } finally {
      rmSync(moved, { recursive: true, force: true });
      first.remove();
    }
  });

  it('render every record again when phrg-brief was rebuilt under the same version', async () => {
    // A copy of the installed package, whose bundle is then rebuilt (its digest changed).
    const installed = tempProject();
    const own = tempProject();
    try {
      for (const part of ['bin', 'lib', 'templates', 'schema', 'package.json']) cpSync(join(REPO, part), installed.path(part), { recursive: true });
      symlinkSync(join(REPO, 'node_modules'), installed.path('node_modules'), 'dir');
      own.write('phrg-brief.yaml', 'site:\n  search: false\n');
      generateRecords(2, own.path('meetings'), 5);
      const run = (...args: string[]) => runCliWith(installed.path('bin', 'phrg-brief.js'), ['build', '--format', 'json', ...args], own.dir);
      expect((await run()).stderr).toContain('built 2, unchanged 0');
      expect((await run()).stderr).toContain('built 0, unchanged 2');
      writeFileSync(installed.path('lib', 'bundle', 'build-id'), 'another\n');
      expect((await run()).stderr).toContain('built 2, unchanged 0');
    } finally {
      installed.remove();
      own.remove();
    }
  });
});
