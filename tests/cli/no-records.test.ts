/** `build` and `check` where there are no records yet, tried as a new user would. */
import { existsSync, readdirSync } from 'node:fs';
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

  it('a folder with a record builds as before', async () => {
    project = tempProject({ withExample: true });
    expect((await runCli(['check'], project.dir)).code).toBe(0);
  });
});
