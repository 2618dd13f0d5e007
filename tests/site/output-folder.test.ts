/** The output folder when the cache that says what an earlier build wrote there is lost. */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { tempProject, type TempProject } from '../helpers/cli.js';
import { buildHere } from '../helpers/site-build.js';

let project: TempProject;
afterEach(() => project?.remove());

const record = (title: string, date: string, extra = '') =>
  `---\ntitle: ${title}\ndate: ${date}\nhosts: [the Parliamentary Human Rights Group (PHRG)]\n${extra}---\n\nA point.\n`;

describe('a build with no cache into an output folder an earlier build wrote', () => {
  it('takes away the briefings of records deleted meanwhile, and keeps those of a record that fails and files it did not write', async () => {
    project = tempProject();
    project.write('phrg-brief.yaml', 'site:\n  search: false\n');
    project.write('meetings/2021-01-01-kept.md', record('Kept', '2021-01-01'));
    project.write('meetings/2021-01-02-gone.md', record('Gone', '2021-01-02'));
    project.write('meetings/2021-01-03-broken.md', record('Broken', '2021-01-03', 'slug: broken-one\n'));
    expect((await buildHere(project.dir, { formats: ['html', 'json', 'md'] })).ok).toBe(true);
    project.write('dist/notes.html', '<p>Not a briefing: the secretariat’s own page.</p>');

    rmSync(project.path('.phrg-brief-cache'), { recursive: true });
    rmSync(project.path('meetings', '2021-01-02-gone.md'));
    project.write('meetings/2021-01-03-broken.md', record('Broken', '2021-13-03', 'slug: broken-one\n'));
    const again = await buildHere(project.dir, { formats: ['html', 'json', 'md'] });
    expect(again.result.removed.sort()).toEqual(['dist/2021-01-02-gone.html', 'dist/2021-01-02-gone.json', 'dist/2021-01-02-gone.md']);
    const left = readdirSync(project.path('dist')).filter((name) => /^(2021|broken|notes)/.test(name));
    expect(left.sort()).toEqual([
      '2021-01-01-kept.html',
      '2021-01-01-kept.json',
      '2021-01-01-kept.md',
      'broken-one.html',
      'broken-one.json',
      'broken-one.md',
      'notes.html',
    ]);
    expect(readFileSync(project.path('dist', 'index.html'), 'utf8')).not.toContain('2021-01-02-gone');
    expect(existsSync(project.path('dist', 'notes.html'))).toBe(true);

    // A build of one record, with no cache again, takes nothing of the others, which are still there.
    rmSync(project.path('.phrg-brief-cache'), { recursive: true });
    const one = await buildHere(project.dir, { paths: ['meetings/2021-01-01-kept.md'], formats: ['html', 'json', 'md'] });
    expect(one.result.removed).toEqual([]);
    expect(existsSync(project.path('dist', 'broken-one.html'))).toBe(true);
  });
});
