/**
 * The archive's own files (site/site-files.ts) through the real CLI: with `site.search: false`
 * the build makes no Pagefind index and takes away one an earlier build made, without
 * rendering any briefing again; the index page and its filter are still written.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli, tempProject, type TempProject } from '../helpers/cli.js';

let project: TempProject;
beforeAll(() => {
  project = tempProject();
  const example = '2016-11-07-peru.md';
  project.write(`meetings/${example}`, readFileSync(`${REPO}meetings/${example}`));
});
afterAll(() => project?.remove());

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
