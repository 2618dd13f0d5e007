/** `init` in an empty folder, then `build`, tried as a new user would. */
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli, tempProject, type TempProject } from '../helpers/cli.js';

let project: TempProject;
afterEach(() => project?.remove());

describe('phrg-brief init', () => {
  it('starts a project that builds, with a GitHub workflow that checks and publishes', async () => {
    project = tempProject();
    const init = await runCli(['init', '--ci', 'github'], project.dir);
    expect(init.code, init.stderr).toBe(0);
    for (const file of ['phrg-brief.yaml', '.gitignore', 'meetings/2016-11-07-peru.md', '.github/workflows/briefings.yml']) expect(existsSync(project.path(file)), file).toBe(true);

    const workflow = parse(readFileSync(project.path('.github/workflows/briefings.yml'), 'utf8')) as {
      on: Record<string, unknown>;
      jobs: Record<string, { steps: { run?: string; uses?: string }[]; if?: string }>;
    };
    expect(Object.keys(workflow.on)).toEqual(['push', 'pull_request']);
    expect(workflow.jobs.check!.steps.some((step) => step.run?.includes('check --reporter github'))).toBe(true);
    expect(workflow.jobs.publish!.if).toContain('refs/heads/main');
    expect(workflow.jobs.publish!.steps.map((step) => step.uses ?? step.run)).toEqual(
      expect.arrayContaining(['actions/upload-pages-artifact@v3', 'actions/deploy-pages@v4', expect.stringMatching(/phrg-brief@\d+\.\d+\.\d+ build/)]),
    );

    const build = await runCli(['build', '--format', 'html'], project.dir);
    expect(build.code, build.stderr).toBe(0);
    expect(existsSync(project.path('dist', '2016-11-07-peru.html'))).toBe(true);
    const check = await runCli(['check'], project.dir);
    expect(check.code).toBe(0);
  });

  it('never overwrites a file unless told to', async () => {
    project = tempProject();
    project.write('phrg-brief.yaml', 'rules: {}\n');
    const refused = await runCli(['init'], project.dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('phrg-brief.yaml');
    expect(readFileSync(project.path('phrg-brief.yaml'), 'utf8')).toBe('rules: {}\n');
    expect(existsSync(project.path('.gitignore'))).toBe(false);
    const forced = await runCli(['init', '--force'], project.dir);
    expect(forced.code).toBe(0);
    expect(readFileSync(project.path('phrg-brief.yaml'), 'utf8')).toContain('# phrg-brief settings');
  });

  it('starts the project in a named folder', async () => {
    project = tempProject();
    const init = await runCli(['init', 'briefings'], project.dir);
    expect(init.code).toBe(0);
    expect(existsSync(project.path('briefings', 'meetings', '2016-11-07-peru.md'))).toBe(true);
    expect(init.stdout).toContain('cd briefings');
  });
});
