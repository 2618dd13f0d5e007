/**
 * The archive's own files (site/site-files.ts). Through the real CLI: with `site.search: false`
 * the build makes no Pagefind index and takes away one an earlier build made, without
 * rendering any briefing again; the index page and its filter are still written. A build that
 * makes no briefing pages takes the index away too, and links to the files it makes. Through the
 * build's API, as `build --watch` calls it: a due search index is left until the build is
 * reported, then made and recorded, so the next build does not make it again.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configDefaults } from '../../src/config/defaults.js';
import { buildSite } from '../../src/site/build.js';
import { runCli, tempProject, type TempProject } from '../helpers/cli.js';
import { buildHere } from '../helpers/site-build.js';

let project: TempProject;
beforeAll(() => {
  project = tempProject({ withExample: true });
});
afterAll(() => project?.remove());

/** Runs `test` on a copy of the example project of its own, removed after. */
async function inExample(test: (example: TempProject) => Promise<void>): Promise<void> {
  const example = tempProject({ withExample: true });
  try {
    await test(example);
  } finally {
    example.remove();
  }
}

describe('site.search: false', () => {
  it('takes away the index an earlier build made, and renders no briefing again for it', async () => {
    const first = await runCli(['build', '--format', 'html'], project.dir);
    expect(first.code, first.stderr).toBe(0);
    expect(existsSync(project.path('dist', 'pagefind', 'pagefind.js'))).toBe(true);

    project.write('phrg-brief.yaml', 'site:\n  search: false\n');
    const off = await runCli(['build', '--format', 'html'], project.dir);
    expect(off.code, off.stderr).toBe(0);
    expect(off.stderr).toContain('built 0, unchanged 1, failed 0');
    expect(existsSync(project.path('dist', 'pagefind'))).toBe(false);
    expect(readFileSync(project.path('dist', 'index.html'), 'utf8')).toContain('id="filter-text"');
    expect(existsSync(project.path('dist', '2016-11-07-peru.html'))).toBe(true);
  });

  it('is refused when it is not true or false', async () => {
    project.write('phrg-brief.yaml', 'site:\n  search: sometimes\n');
    const result = await runCli(['check'], project.dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/phrg-brief\.yaml:2:\d+ +error .*search/);
  });
});

describe('a build that makes no briefing pages (`--format docx` alone)', () => {
  it('takes away the search index of the pages it removed, and links the index and people to the Word file', async () => {
    await inExample(async (words) => {
      const first = await runCli(['build', '--format', 'html'], words.dir);
      expect(first.code, first.stderr).toBe(0);
      expect(existsSync(words.path('dist', 'pagefind', 'pagefind.js'))).toBe(true);

      const docx = await runCli(['build', '--format', 'docx'], words.dir);
      expect(docx.code, docx.stderr).toBe(0);
      expect(existsSync(words.path('dist', '2016-11-07-peru.html'))).toBe(false);
      expect(existsSync(words.path('dist', 'pagefind'))).toBe(false);
      expect(readFileSync(words.path('dist', 'index.html'), 'utf8')).toContain('<a class="entry-title" href="2016-11-07-peru.docx" lang="en-GB">');
      expect(readFileSync(words.path('dist', 'people', 'john-crabtree.html'), 'utf8')).toContain('href="../2016-11-07-peru.docx"');
    });
  });
});

describe('the last record deleted', () => {
  it('takes the search index away with its page', async () => {
    await inExample(async (emptied) => {
      expect((await buildHere(emptied.dir, { formats: ['html'] })).ok).toBe(true);
      expect(existsSync(emptied.path('dist', 'pagefind', 'pagefind.js'))).toBe(true);
      rmSync(emptied.path('meetings', '2016-11-07-peru.md'));
      await buildHere(emptied.dir, { formats: ['html'] });
      expect(existsSync(emptied.path('dist', '2016-11-07-peru.html'))).toBe(false);
      expect(existsSync(emptied.path('dist', 'pagefind'))).toBe(false);
    });
  });
});

describe('a person called Index', () => {
  it('has a page of their own, and the people index stays the index', async () => {
    await inExample(async (named) => {
      const record = named.path('meetings', '2016-11-07-peru.md');
      const text = readFileSync(record, 'utf8');
      named.write(
        'meetings/2016-11-07-peru.md',
        text.replace('speakers:\n', 'speakers:\n  - name: Index\n    key: IX\n').replace('\n- ', '\n- A point. (IX)\n- '),
      );
      const built = await buildHere(named.dir, { formats: ['html'] });
      expect(built.ok, JSON.stringify(built.diagnostics)).toBe(true);
      expect(readFileSync(named.path('dist', 'people', 'index.html'), 'utf8')).toContain('<h1>Speakers and chairs</h1>');
      const own = readdirSync(named.path('dist', 'people')).filter((name) => /^index-[0-9a-f]{8}\.html$/.test(name));
      expect(own).toHaveLength(1);
      expect(readFileSync(named.path('dist', '2016-11-07-peru.html'), 'utf8')).toContain(`href="people/${own[0]}"`);
    });
  });
});

describe('a search index left until the build is reported (build --watch)', () => {
  let watched: TempProject;
  beforeAll(() => {
    watched = tempProject({ withExample: true });
  });
  afterAll(() => watched?.remove());

  it('is made when asked for, after the pages, and not again by the next build', async () => {
    const build = () =>
      buildSite({ paths: ['meetings'], cwd: watched.dir, config: configDefaults(watched.dir), outDir: 'dist', formats: ['html'], jobs: 1, deferSearch: true });
    const first = await build();
    expect(first.records.map((record) => record.status)).toEqual(['built']);
    expect(existsSync(watched.path('dist', '2016-11-07-peru.html'))).toBe(true);
    expect(existsSync(watched.path('dist', 'pagefind'))).toBe(false); // not yet
    expect(first.indexSearch).toBeDefined();
    const index = await first.indexSearch!.make();
    expect(index.warning).toBeUndefined();
    await first.indexSearch!.record(index.key!);
    const entry = watched.path('dist', 'pagefind', 'pagefind-entry.json');
    const made = statSync(entry).mtimeMs;

    const again = await build();
    expect(again.records.map((record) => record.status)).toEqual(['unchanged']);
    expect(again.indexSearch).toBeUndefined();
    expect(statSync(entry).mtimeMs).toBe(made);
  });
});

describe('a site page that cannot be written', () => {
  it('is a write error at the output folder, not a failure of phrg-brief to report', () =>
    inExample(async (example) => {
      example.write('phrg-brief.yaml', 'site:\n  search: false\n');
      expect((await buildHere(example.dir, { formats: ['html'] })).ok).toBe(true);
      // A file where the tag pages' folder was: each tag page's write is refused.
      rmSync(example.path('dist', 'tags'), { recursive: true });
      example.write('dist/tags', 'not a folder\n');
      const again = await buildHere(example.dir, { formats: ['html'], force: true });
      expect(again.diagnostics.map((d) => [d.file, d.rule, d.message])).toEqual([
        ['dist', 'write-error', expect.stringMatching(/^cannot write the site's pages in this folder \(E\w+\)$/)],
      ]);
    }));
});
