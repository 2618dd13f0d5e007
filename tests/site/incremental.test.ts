/**
 * Rebuilds through the real CLI: an unchanged record is not rendered again, an edited one
 * is (and nothing else of the others), a template change rebuilds everything, and a deleted
 * record's outputs go.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateRecords } from '../../bench/generate.js';
import { REPO, runCli, tempProject, type TempProject } from '../helpers/cli.js';
import { join } from 'node:path';

let project: TempProject;
let names: string[];

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

beforeEach(async () => {
  project = tempProject();
  names = generateRecords(12, project.path('meetings'), 9);
  const result = await runCli(['build', '--format', 'html,md,json'], project.dir);
  expect(result.code, result.stderr).toBe(0);
}, 60_000);
afterEach(() => project?.remove());

describe('incremental builds', () => {
  it('render nothing again when nothing changed, even if files were touched', async () => {
    const before = snapshot();
    const later = new Date(Date.now() + 5_000);
    for (const name of names) utimesSync(project.path('meetings', name), later, later);
    const result = await runCli(['build', '--format', 'html,md,json'], project.dir);
    expect(result.stderr).toContain('built 0, unchanged 12, failed 0');
    expect(changed(before, snapshot())).toEqual([]);
  });

  it('render only the edited record, and change none of the others’ files', async () => {
    const before = snapshot();
    const target = names[3]!;
    const slug = target.replace(/\.md$/, '');
    const text = readFileSync(project.path('meetings', target), 'utf8');
    project.write(`meetings/${target}`, text.replace('The main points made were as follows:', 'The main points, as agreed, were these:'));
    const result = await runCli(['build', '--format', 'html,md,json'], project.dir);
    expect(result.stderr).toContain('built 1, unchanged 11, failed 0');
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

  it('rewrite briefings.json but no site page when only a record’s points change', async () => {
    const before = snapshot();
    const target = names[5]!;
    const slug = target.replace(/\.md$/, '');
    // A line separator too, which JSON leaves unescaped inside a string.
    project.write(`meetings/${target}`, readFileSync(project.path('meetings', target), 'utf8').replace('\n- ', '\n- Added afterwards:\u2028 '));
    const result = await runCli(['build', '--format', 'html,md,json'], project.dir);
    expect(result.stderr).toContain('built 1, unchanged 11, failed 0');
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
    const result = await runCli(['build', '--format', 'html,md,json', '--force'], project.dir);
    expect(result.stderr).toContain('built 12, unchanged 0, failed 0');
    const after = snapshot();
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    expect([...before.keys()].some((name) => name.startsWith('pagefind/') && name.endsWith('.pf_index'))).toBe(true);
    for (const [name, file] of before) expect(after.get(name)!.bytes.equals(file.bytes), name).toBe(true);
  });

  it('render a record edited to the same length, in the same second', async () => {
    const target = names[7]!;
    const slug = target.replace(/\.md$/, '');
    const text = readFileSync(project.path('meetings', target), 'utf8');
    const edited = text.replace('The main points made were as follows:', 'The main points made were as below:  ');
    expect(edited.length).toBe(text.length);
    project.write(`meetings/${target}`, edited);
    const result = await runCli(['build', '--format', 'html,md,json'], project.dir);
    expect(result.stderr).toContain('built 1, unchanged 11, failed 0');
    expect(readFileSync(project.path('dist', `${slug}.html`), 'utf8')).toContain('as below:');
  });

  it('report an output that cannot be written against its record, and build the rest', async () => {
    const target = names[2]!;
    const slug = target.replace(/\.md$/, '');
    rmSync(project.path('dist', `${slug}.html`));
    mkdirSync(project.path('dist', `${slug}.html`)); // a folder where the page should go
    project.write(`meetings/${target}`, `${readFileSync(project.path('meetings', target), 'utf8')}\nAn edit.\n`);
    project.write(`meetings/${names[4]!}`, `${readFileSync(project.path('meetings', names[4]!), 'utf8')}\nAn added paragraph.\n`);
    const result = await runCli(['build', '--format', 'html,md,json', '--reporter', 'json'], project.dir);
    expect(result.code).toBe(1);
    const diagnostics = JSON.parse(result.stdout) as { file: string; rule: string; message: string }[];
    expect(diagnostics).toEqual([
      expect.objectContaining({ file: `meetings/${target}`, rule: 'write-error', message: `cannot write dist/${slug}.html (EISDIR)` }),
    ]);
    expect(result.stderr).toContain('built 1, unchanged 10, failed 1');
    expect(existsSync(project.path('dist', `${slug}.md`))).toBe(true); // its other files stay as they were
    expect(readFileSync(project.path('dist', names[4]!.replace(/\.md$/, '.html')), 'utf8')).toContain('An added paragraph.');
  });

  it('keep failing a record that new settings make wrong, build after build', async () => {
    const target = names[8]!;
    project.write(`meetings/${target}`, `${readFileSync(project.path('meetings', target), 'utf8')}\nThe XQZW said so.\n`);
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(project.path('meetings', target), hourAgo, hourAgo); // old enough for its stamp to be kept
    const warned = await runCli(['build', '--format', 'html,md,json'], project.dir);
    expect(warned.code, warned.stderr).toBe(0);
    expect(warned.stdout).toContain('warning  the abbreviation XQZW is never defined');
    project.write('phrg-brief.yaml', 'rules:\n  undefined-abbreviation: error\n');
    for (let i = 0; i < 2; i++) {
      const failed = await runCli(['build', '--format', 'html,md,json'], project.dir);
      expect(failed.code, `build ${i + 1}`).toBe(1);
      expect(failed.stdout).toContain('error  the abbreviation XQZW is never defined');
    }
  });

  it('make the pages again from every briefing’s cached summary when one record’s facts change', async () => {
    const target = names[5]!;
    const text = readFileSync(project.path('meetings', target), 'utf8');
    project.write(`meetings/${target}`, text.replace(/^title: .*$/m, 'title: A title given since'));
    const result = await runCli(['build', '--format', 'html,md,json'], project.dir);
    // The record, and the pages before and after it, which link to it by its title.
    const built = /built (\d+), unchanged (\d+), failed 0/.exec(result.stderr);
    const linking = names.filter(
      (name) => name !== target && readFileSync(project.path('dist', name.replace(/\.md$/, '.html')), 'utf8').includes('A title given since'),
    );
    expect(linking.length).toBeGreaterThanOrEqual(1); // one when it is the oldest or newest
    expect(built?.slice(1)).toEqual([String(1 + linking.length), String(11 - linking.length)]);
    const index = readFileSync(project.path('dist', 'index.html'), 'utf8');
    expect(index).toContain('A title given since');
    // The eleven not rendered again are there too, from the cache.
    for (const name of names) expect(index).toContain(`href="${name.replace(/\.md$/, '.html')}"`);
    expect(readFileSync(project.path('dist', 'feed.xml'), 'utf8').match(/<entry>/g)).toHaveLength(12);
  });

  it('render again what a damaged cache cannot vouch for, rather than fail', async () => {
    const cache = project.path('.phrg-brief-cache');
    const pack = readdirSync(cache).find((name) => name.endsWith('.pack'))!;
    const bytes = readFileSync(join(cache, pack));
    writeFileSync(join(cache, pack), bytes.subarray(0, bytes.length >> 1));
    project.write(`meetings/${names[0]!}`, `${readFileSync(project.path('meetings', names[0]!), 'utf8')}\nAn edit.\n`);
    const result = await runCli(['build', '--format', 'html,md,json'], project.dir);
    expect(result.code, result.stderr).toBe(0);
    const archive = JSON.parse(readFileSync(project.path('dist', 'briefings.json'), 'utf8')) as { briefings: { slug: string }[] };
    expect(archive.briefings.map((b) => b.slug).sort()).toEqual(names.map((name) => name.replace(/\.md$/, '')).sort());
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
    // Only the broken record asked for: nothing renders, no summary can be had, the pages stay.
    for (const args of [[], ['--force']]) {
      const result = await runCli(['build', `meetings/${broken}`, '--format', 'html,md,json', ...args], project.dir);
      expect(result.code).toBe(1);
      expect(result.stdout).not.toContain('internal-error');
      expect(result.stderr).toContain('built 0, unchanged 0, failed 1');
      expect(links()).toBe(12);
    }
    const all = await runCli(['build', '--format', 'html,md,json'], project.dir);
    expect(all.stdout).not.toContain('internal-error');
    expect(all.stderr).toContain('built 11, unchanged 0, failed 1');
    expect(links()).toBe(11);
    project.write(`meetings/${broken}`, text);
    const fixed = await runCli(['build', '--format', 'html,md,json'], project.dir);
    expect(fixed.code, fixed.stdout).toBe(0);
    expect(links()).toBe(12);
    const archive = JSON.parse(readFileSync(project.path('dist', 'briefings.json'), 'utf8')) as { briefings: unknown[] };
    expect(archive.briefings).toHaveLength(12);
  });

  it('add each edit’s entry to the cache’s pack, and start a compact one when most is stale', async () => {
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
      const result = await runCli(['build', '--format', 'html,md,json'], project.dir);
      expect(result.code, result.stderr).toBe(0);
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
  }, 120_000);

  it('render everything again when a template changes, or with --force', async () => {
    project.write('phrg-brief.yaml', 'templates: mine\n');
    project.write(
      'mine/partials/person.hbs',
      readFileSync(join(REPO, 'templates/default/partials/person.hbs'), 'utf8').replace('speaking on behalf of', 'for'),
    );
    const result = await runCli(['build', '--format', 'html,md,json'], project.dir);
    expect(result.stderr).toContain('built 12, unchanged 0, failed 0');
    const again = await runCli(['build', '--format', 'html,md,json'], project.dir);
    expect(again.stderr).toContain('built 0, unchanged 12');
    const forced = await runCli(['build', '--format', 'html,md,json', '--force'], project.dir);
    expect(forced.stderr).toContain('built 12, unchanged 0');
  });

  it('remove the outputs of a deleted record, and render a record whose output went missing', async () => {
    const gone = names[0]!.replace(/\.md$/, '');
    rmSync(project.path('meetings', names[0]!));
    rmSync(project.path('dist', `${names[1]!.replace(/\.md$/, '')}.md`));
    const result = await runCli(['build', '--format', 'html,md,json'], project.dir);
    expect(result.code).toBe(0);
    // The record whose file went missing, and the pages beside the deleted one, whose links move on.
    const built = /built (\d+), unchanged (\d+), failed 0/.exec(result.stderr);
    expect(built, result.stderr).not.toBeNull();
    expect(Number(built![1])).toBeGreaterThanOrEqual(2);
    expect(Number(built![1]) + Number(built![2])).toBe(11);
    for (const name of names.slice(1)) expect(readFileSync(project.path('dist', name.replace(/\.md$/, '.html')), 'utf8')).not.toContain(`${gone}.html`);
    for (const ext of ['html', 'md', 'json']) expect(existsSync(project.path('dist', `${gone}.${ext}`))).toBe(false);
    expect(readFileSync(project.path('dist', 'index.html'), 'utf8')).not.toContain(`${gone}.html`);
    expect(existsSync(project.path('dist', `${names[1]!.replace(/\.md$/, '')}.md`))).toBe(true);
  });

  it('keep a broken record’s earlier outputs and build the rest', async () => {
    const broken = names[2]!;
    const slug = broken.replace(/\.md$/, '');
    const before = readFileSync(project.path('dist', `${slug}.html`));
    project.write(`meetings/${broken}`, readFileSync(project.path('meetings', broken), 'utf8').replace(/^date: .*$/m, 'date: 7/11/16'));
    project.write(`meetings/${names[5]!}`, `${readFileSync(project.path('meetings', names[5]!), 'utf8')}\nAnother paragraph.\n`);
    const result = await runCli(['build', '--format', 'html,md,json'], project.dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('built 1, unchanged 10, failed 1');
    expect(existsSync(project.path('dist', `${slug}.md`))).toBe(true); // its other files stay as they were
    expect(readFileSync(project.path('dist', `${slug}.html`)).equals(before)).toBe(true);
  });

  it('never lets a record take the files of one that fails, nor delete them afterwards', async () => {
    const a = 'meetings/2017-01-01-a.md';
    const b = 'meetings/2017-01-02-b.md';
    const record = (slug: string, date: string) =>
      `---\ntitle: T\ndate: ${date}\nhosts: [the Parliamentary Human Rights Group (PHRG)]\nslug: ${slug}\n---\n\nText.\n`;
    project.write(a, record('shared', '2017-01-01'));
    expect((await runCli(['build', '--format', 'html,json'], project.dir)).code).toBe(0);
    const before = readFileSync(project.path('dist', 'shared.html'));
    project.write(a, record('shared', '7/1/17'));
    project.write(b, record('shared', '2017-01-02'));
    const clash = await runCli(['build', '--format', 'html,json', '--reporter', 'json'], project.dir);
    expect(clash.code).toBe(1);
    expect(readFileSync(project.path('dist', 'shared.html')).equals(before)).toBe(true);
    expect(clash.stdout).toContain('duplicate-slug');
    rmSync(project.path(a));
    const after = await runCli(['build', '--format', 'html,json'], project.dir);
    expect(after.code, after.stderr).toBe(0);
    expect(readFileSync(project.path('dist', 'shared.html'), 'utf8')).toContain('2017-01-02');
  });

  it('tidy the files of a renamed record even with --force', async () => {
    const old = names[0]!.replace(/\.md$/, '');
    const text = readFileSync(project.path('meetings', names[0]!), 'utf8');
    rmSync(project.path('meetings', names[0]!));
    project.write(`meetings/${old}-renamed.md`, text);
    const result = await runCli(['build', '--format', 'html,md,json', '--force'], project.dir);
    expect(result.code).toBe(0);
    expect(existsSync(project.path('dist', `${old}.html`))).toBe(false);
    expect(existsSync(project.path('dist', `${old}-renamed.html`))).toBe(true);
  });

  it('refuse an output folder that holds the records, or sits among them', async () => {
    const into = await runCli(['build', '--out', 'meetings'], project.dir);
    expect(into.code).toBe(1);
    expect(into.stdout).toContain('the output folder holds records');
    const below = await runCli(['build', 'meetings', '--out', 'meetings/out'], project.dir);
    expect(below.code).toBe(1);
    expect(readFileSync(project.path('meetings', names[0]!), 'utf8')).toMatch(/^---\n/);
  });
});
