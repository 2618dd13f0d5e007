/** `init` in an empty folder, then `build`, tried as a new user would. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkPaths } from '../../src/cli/check.js';
import { collectOutput } from '../../src/cli/output.js';
import { REPO, runCli, tempProject, type TempProject } from '../helpers/cli.js';
import { expectPublishingWorkflow } from '../helpers/workflow.js';

let project: TempProject;
afterEach(() => project?.remove());

describe('phrg-brief init', () => {
  it('starts a project that builds, with a GitHub workflow that checks and publishes', async () => {
    project = tempProject();
    const init = await runCli(['init', '--ci', 'github'], project.dir);
    expect(init.code, init.stderr).toBe(0);
    for (const file of ['phrg-brief.yaml', '.gitignore', 'meetings/2016-11-07-peru.md', '.github/workflows/briefings.yml', 'package.json'])
      expect(existsSync(project.path(file)), file).toBe(true);
    await expectPublishingWorkflow(project.path('.github/workflows/briefings.yml'));
    expect(init.stdout).toContain('Settings → Pages, set "Source" to "GitHub Actions"');

    // Run from a clone, this phrg-brief cannot say where it was installed from: package.json
    // is made without it, and one line says what to run.
    expect(JSON.parse(readFileSync(project.path('package.json'), 'utf8'))).toEqual({
      name: expect.stringMatching(/^phrg-brief-test-/),
      private: true,
      description: 'Briefings published with phrg-brief',
    });
    expect(init.stdout).toMatch(/note: .*npm install --save-dev </);

    const build = await runCli(['build', '--format', 'html'], project.dir);
    expect(build.code, build.stderr).toBe(0);
    expect(existsSync(project.path('dist', '2016-11-07-peru.html'))).toBe(true);
    // check, by the command's own code in-process (tests/e2e/cli.test.ts runs it as a user would).
    const check = collectOutput();
    expect(await checkPaths(['meetings'], project.dir, { reporter: 'pretty' }, check), check.printed.stdout).toBe(0);
    expect(check.printed.stderr).toBe('0 errors, 0 warnings\n');
  });

  it('writes the workflow this repository runs, as it is committed here', async () => {
    await expectPublishingWorkflow(join(REPO, '.github/workflows/briefings.yml'));
    expect(readFileSync(join(REPO, '.github/workflows/briefings.yml'), 'utf8')).toBe(readFileSync(join(REPO, 'templates/init/briefings.yml'), 'utf8'));
  });

  it('never overwrites a file unless told to, and keeps a package.json that is there', async () => {
    project = tempProject();
    project.write('phrg-brief.yaml', 'rules: {}\n');
    project.write('package.json', '{\n  "name": "ours",\n  "devDependencies": {\n    "phrg-brief": "github:example/phrg-brief#v0.1.0"\n  }\n}\n');
    const refused = await runCli(['init'], project.dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('phrg-brief.yaml');
    expect(readFileSync(project.path('phrg-brief.yaml'), 'utf8')).toBe('rules: {}\n');
    expect(existsSync(project.path('.gitignore'))).toBe(false);
    const forced = await runCli(['init', '--force'], project.dir);
    expect(forced.code).toBe(0);
    expect(readFileSync(project.path('phrg-brief.yaml'), 'utf8')).toContain('# phrg-brief settings');
    expect(forced.stdout).toContain('package.json names phrg-brief github:example/phrg-brief#v0.1.0 already');
    expect(readFileSync(project.path('package.json'), 'utf8')).toContain('"name": "ours"');
  });

  it('starts the project in a named folder', async () => {
    project = tempProject();
    const init = await runCli(['init', 'briefings'], project.dir);
    expect(init.code).toBe(0);
    expect(existsSync(project.path('briefings', 'meetings', '2016-11-07-peru.md'))).toBe(true);
    expect(init.stdout).toContain('cd briefings');
  });
});
