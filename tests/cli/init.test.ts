/** `init` in an empty folder, then `build`, tried as a new user would. */
import { globEscaped } from '../../src/cli/init-workflow.js';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
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
    // A run started while Pages is off fails at configure-pages: it is said how to publish then.
    expect(init.stdout).toContain('under Settings → Pages, set "Source" to "GitHub Actions" (a run started before that fails at configure-pages: re-run it)');

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
    const kept = await runCli(['init'], project.dir);
    expect(kept.code, kept.stderr).toBe(0);
    expect(kept.stdout).toContain('kept phrg-brief.yaml as it is (--force overwrites it)');
    expect(readFileSync(project.path('phrg-brief.yaml'), 'utf8')).toBe('rules: {}\n');
    expect(existsSync(project.path('.gitignore'))).toBe(true);
    const forced = await runCli(['init', '--force'], project.dir);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('overwrote phrg-brief.yaml');
    expect(readFileSync(project.path('phrg-brief.yaml'), 'utf8')).toContain('# phrg-brief settings');
    expect(forced.stdout).toContain('package.json names phrg-brief github:example/phrg-brief#v0.1.0 already');
    expect(readFileSync(project.path('package.json'), 'utf8')).toContain('"name": "ours"');
    // Run again, init says what it found as it would write it, where it said nothing of it.
    project.write('.gitignore', `${readFileSync(project.path('.gitignore'), 'utf8')}secrets/\n`); // and a line of the group's own
    const again = await runCli(['init'], project.dir);
    expect(again.stdout).toContain('phrg-brief.yaml, .gitignore, schema/record.schema.json have what init writes already\n');
  });

  it('adds the workflow to a project begun already, keeping its settings and .gitignore and leaving its deleted example out', async () => {
    project = tempProject();
    expect((await runCli(['init'], project.dir)).code).toBe(0);
    rmSync(project.path('meetings', '2016-11-07-peru.md'));
    const settings = `${readFileSync(project.path('phrg-brief.yaml'), 'utf8')}site:\n  title: Our Group\n`;
    project.write('phrg-brief.yaml', settings);
    project.write('.gitignore', 'node_modules/\n.env\nsecrets/\n');
    for (const args of [
      ['init', '--ci', 'github'],
      ['init', '--ci', 'github', '--force'],
    ]) {
      const init = await runCli(args, project.dir);
      expect(init.code, init.stderr).toBe(0);
      expect(existsSync(project.path('meetings', '2016-11-07-peru.md')), args.join(' ')).toBe(false);
      expect(readFileSync(project.path('.gitignore'), 'utf8')).toBe('node_modules/\n.env\nsecrets/\ndist/\n.phrg-brief-cache/\n');
    }
    await expectPublishingWorkflow(project.path('.github/workflows/briefings.yml'));
    // Only --force overwrote the settings.
    expect(readFileSync(project.path('phrg-brief.yaml'), 'utf8')).not.toContain('Our Group');
  });

  it('puts the workflow at the root of the repository the project is in, for its branch, working in the project’s folder', async () => {
    project = tempProject();
    execFileSync('git', ['init', '-q', '-b', 'trunk'], { cwd: project.dir });
    mkdirSync(project.path('briefings'));
    const init = await runCli(['init', '--ci', 'github'], project.path('briefings'));
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain('wrote ../.github/workflows/briefings.yml');
    expect(init.stdout).toContain('each push to trunk publishes');
    expect(existsSync(project.path('briefings', '.github'))).toBe(false);
    await expectPublishingWorkflow(project.path('.github/workflows/briefings.yml'), { branch: 'trunk', folder: 'briefings' });
    // Its check's annotations name each file from the repository's root, where GitHub places them.
    project.write(
      'briefings/meetings/2016-11-07-peru.md',
      readFileSync(project.path('briefings/meetings/2016-11-07-peru.md'), 'utf8').replace('date: 2016-11-07', 'date: 7/11/16'),
    );
    // Also when the workspace is named through a symbolic link, as self-hosted runners' often are.
    symlinkSync(project.dir, project.path('linked'));
    for (const workspace of [project.dir, project.path('linked')]) {
      const check = await runCli(['check', '--reporter', 'github'], project.path('briefings'), { GITHUB_WORKSPACE: workspace });
      expect(check.code).toBe(1);
      expect(check.stdout, workspace).toMatch(/^::error file=briefings\/meetings\/2016-11-07-peru\.md,line=\d+,/m);
    }
  });

  it('publishes from the branch a clone’s remote publishes from, when init runs on a branch made for the change', async () => {
    project = tempProject();
    execFileSync('git', ['init', '-q', '-b', 'add-publishing'], { cwd: project.dir });
    execFileSync('git', ['symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/main'], { cwd: project.dir });
    const init = await runCli(['init', '--ci', 'github'], project.dir);
    expect(init.code, init.stderr).toBe(0);
    await expectPublishingWorkflow(project.path('.github/workflows/briefings.yml'), { branch: 'main' });
  });

  it('starts the project in a named folder', async () => {
    project = tempProject();
    const init = await runCli(['init', 'briefings'], project.dir);
    expect(init.code).toBe(0);
    expect(existsSync(project.path('briefings', 'meetings', '2016-11-07-peru.md'))).toBe(true);
    expect(init.stdout).toContain('cd briefings');
  });

  it('says the way into a folder whose name has spaces and quotes as a line a shell runs', async () => {
    project = tempProject();
    const folder = "our briefings/Brïefings of the group's";
    const init = await runCli(['init', folder], project.dir);
    expect(init.code, init.stderr).toBe(0);
    const cd = /Next: (cd .+?) && /.exec(init.stdout)?.[1];
    expect(cd).toBeDefined();
    expect(execFileSync('sh', ['-c', `${cd!} && pwd`], { cwd: project.dir, encoding: 'utf8' }).trim()).toBe(realpathSync(project.path(folder)));
  });
});

describe('the workflow’s cache path', () => {
  it('matches, as setup-node’s glob reads it, a project folder whose name has a glob’s characters', async () => {
    const { minimatch } = (await import('minimatch')) as { minimatch: (path: string, pattern: string) => boolean };
    const lockfile = "docs/PHRG & Co #1 [briefings] 100% O'Neil/Réunions (2) {a} x*?/package-lock.json";
    expect(minimatch(lockfile, lockfile)).toBe(false); // as written, [briefings] is one letter of them
    expect(minimatch(lockfile, globEscaped(lockfile))).toBe(true);
    expect(minimatch('docs/PHRG & Co #1 b 100%/package-lock.json', globEscaped(lockfile))).toBe(false);
  });
});
