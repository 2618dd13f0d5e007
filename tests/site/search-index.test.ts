/**
 * The search index through the real CLI: made with the pages, left alone by a build that
 * changed nothing, and, should Pagefind be unable to run, a warning rather than a failed build.
 */
import { existsSync, statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateRecords } from '../../bench/generate.js';
import { runCli, tempProject, type TempProject } from '../helpers/cli.js';

let project: TempProject;
beforeEach(() => {
  project = tempProject({ withExample: true });
  generateRecords(5, project.path('meetings'), 4);
});
afterEach(() => project?.remove());

describe('the search index', () => {
  it('is made with the pages and left alone by a build that changed nothing', async () => {
    const first = await runCli(['build', '--format', 'html'], project.dir);
    expect(first.code, first.stderr).toBe(0);
    const entry = project.path('dist', 'pagefind', 'pagefind-entry.json');
    const made = statSync(entry).mtimeMs;
    const again = await runCli(['build', '--format', 'html'], project.dir);
    expect(again.stderr).toContain('built 0, unchanged 6, failed 0');
    expect(statSync(entry).mtimeMs).toBe(made);
  });

  it('is a warning, not a failed build, when Pagefind cannot run', async () => {
    const result = await runCli(['build', '--format', 'html'], project.dir, { PAGEFIND_BINARY_PATH: project.path('no-such-pagefind') });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('warning  the search index could not be made');
    expect(result.stderr).toContain('built 6, unchanged 0, failed 0');
    expect(existsSync(project.path('dist', '2016-11-07-peru.html'))).toBe(true);
    expect(existsSync(project.path('dist', 'pagefind'))).toBe(false);
    // The next build, with Pagefind back, makes the index.
    const next = await runCli(['build', '--format', 'html'], project.dir);
    expect(next.code, next.stderr).toBe(0);
    expect(existsSync(project.path('dist', 'pagefind', 'pagefind.js'))).toBe(true);
  });
});
