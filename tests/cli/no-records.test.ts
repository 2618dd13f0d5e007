/** `build` and `check` where there are no records yet, tried as a new user would. */
import { existsSync, readdirSync, renameSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, tempProject, type TempProject } from '../helpers/cli.js';

let project: TempProject;
afterEach(() => project?.remove());

describe('no records', () => {
  it('build in an empty folder: exit 2, nothing written, and how to start', async () => {
    project = tempProject();
    const build = await runCli(['build'], project.dir);
    expect(build.code).toBe(2);
    expect(build.stderr).toContain('no records in meetings');
    expect(build.stderr).toContain('phrg-brief init');
    expect(build.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(existsSync(project.path('dist'))).toBe(false);
    expect(existsSync(project.path('.phrg-brief-cache'))).toBe(false);
    expect(readdirSync(project.dir)).toEqual([]);
  });

  it('check, fmt, and build of a folder that holds no record or of a file that is not there, say the same', async () => {
    project = tempProject();
    project.write('meetings/README.md', '# Our meetings\n');
    project.write('meetings/.drafts/2026-01-01-hidden.md', '---\ntitle: T\n---\n');
    for (const args of [['check'], ['build', 'meetings'], ['check', 'nowhere.md'], ['build', '--out', 'public', 'nowhere'], ['fmt', '--check']]) {
      const result = await runCli(args, project.dir);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('phrg-brief init');
    }
    expect(readdirSync(project.dir).sort()).toEqual(['meetings']);
  });

  it('says why there are none when it can see: a path mistyped, a record saved as .md.txt, a folder inside the project', async () => {
    project = tempProject({ withExample: true });
    project.write('phrg-brief.yaml', 'site:\n  title: Our Group\n');
    const typo = await runCli(['build', 'meetings/2016-11-7-peru.md'], project.dir);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('meetings/2016-11-7-peru.md: no such file or folder; did you mean meetings/2016-11-07-peru.md?');
    // A project begun already is not told to begin one.
    expect(typo.stderr).not.toContain('phrg-brief init');

    const inside = await runCli(['check'], project.path('meetings'));
    expect(inside.code).toBe(2);
    expect(inside.stderr).toContain('this folder is inside the project in .. (it has phrg-brief.yaml): run phrg-brief there');
    expect(inside.stderr).not.toContain('phrg-brief init');

    renameSync(project.path('meetings', '2016-11-07-peru.md'), project.path('meetings', '2016-11-07-peru.md.txt'));
    const saved = await runCli(['check'], project.dir);
    expect(saved.code).toBe(2);
    expect(saved.stderr).toContain("meetings/2016-11-07-peru.md.txt: not read, as a record's name ends in .md (Windows may hide a .txt it added");
  });

  it('a folder with a record builds as before', async () => {
    project = tempProject({ withExample: true });
    expect((await runCli(['check'], project.dir)).code).toBe(0);
  });
});
