/**
 * `build --watch` through the real CLI: it builds, then builds again on each save to a
 * record, a template or the config, reports a broken record without stopping, and stops
 * cleanly on Ctrl-C.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, REPO, tempProject, type TempProject } from '../helpers/cli.js';

const RECORD = 'meetings/2016-11-07-peru.md';
const original = readFileSync(join(REPO, RECORD), 'utf8');

describe('phrg-brief build --watch', () => {
  let project: TempProject;
  let child: ChildProcess;
  let stdout = '';
  let stderr = '';
  let exited: Promise<number | null>;

  /** Resolves once the output so far passes `test`; fails the test should the build stop first. */
  const until = (test: () => boolean, timeout = 30_000): Promise<void> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out; stderr:\n${stderr}`)), timeout);
      const check = (): void => {
        if (test()) {
          clearTimeout(timer);
          resolve();
        } else if (child.exitCode !== null) {
          clearTimeout(timer);
          reject(new Error(`build --watch stopped with ${child.exitCode}:\n${stderr}`));
        } else setTimeout(check, 20);
      };
      check();
    });
  const rebuilds = (): number => (stderr.match(/^built \d+, unchanged \d+, failed \d+ in/gm) ?? []).length;
  /** Makes the change and waits for the rebuild it causes. */
  const save = async (change: () => void): Promise<void> => {
    const before = rebuilds();
    change();
    await until(() => rebuilds() > before);
  };
  /** Waits until no rebuild has been reported for a while: the watcher is idle. */
  const quiet = async (): Promise<void> => {
    for (let count = -1; count !== rebuilds(); ) {
      count = rebuilds();
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  };
  const html = (): string => readFileSync(project.path('dist', '2016-11-07-peru.html'), 'utf8');

  beforeAll(async () => {
    project = tempProject({ withExample: true });
    child = spawn(process.execPath, [BIN, 'build', '--watch', '--format', 'html,md,json'], { cwd: project.dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    exited = new Promise((resolve) => child.on('exit', resolve));
    await until(() => stderr.includes('watching'));
  }, 60_000);

  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    project?.remove();
  });

  it('builds first, as build does', () => {
    expect(stderr).toContain('built 1, unchanged 0, failed 0');
    expect(html()).toContain('Mining operations have been');
  });

  it('builds the record again when it is saved, and only it', async () => {
    await save(() => project.write(RECORD, original.replace('Mining operations have been', 'Mining concessions have been')));
    expect(stderr.trimEnd().split('\n').at(-1)).toMatch(/^built 1, unchanged 0, failed 0 in/);
    expect(html()).toContain('Mining concessions have been');
    expect(readFileSync(project.path('dist', '2016-11-07-peru.md'), 'utf8')).toContain('Mining concessions have been');
  });

  it('builds the last of two saves made in quick succession', async () => {
    // The second save lands after the first one's rebuild has read the record, but within
    // the file watcher's throttle, which reports no second change that soon.
    project.write(RECORD, original.replace('Mining operations have been', 'Mining licences have been'));
    await new Promise((resolve) => setTimeout(resolve, 35));
    project.write(RECORD, original.replace('Mining operations have been', 'Mining permits have been'));
    await until(() => html().includes('Mining permits have been'), 10_000);
    await quiet();
  });

  it('reports a broken record and keeps its earlier files, then goes on watching', async () => {
    await save(() => project.write(RECORD, original.replace('(JC + IV)', '(JC + XY)')));
    expect(stdout).toContain('no speaker or chair has the key XY');
    expect(stderr.trimEnd().split('\n').at(-1)).toMatch(/^built 0, unchanged 0, failed 1 in/);
    expect(html()).toContain('Mining permits have been');
    expect(child.exitCode).toBeNull();

    await save(() => project.write(RECORD, original));
    expect(html()).toContain('Mining operations have been');
  });

  it('follows a template override made while it runs', async () => {
    project.write('mine/partials/person.hbs', '{{#if text}}{{text}}{{else}}{{name}} (of {{role}}){{/if}}');
    await save(() => project.write('phrg-brief.yaml', 'templates: mine\n'));
    await until(() => html().includes('John Crabtree (of Peru Support Group'));
    await save(() => project.write('mine/partials/person.hbs', '{{#if text}}{{text}}{{else}}{{name}} [{{role}}]{{/if}}'));
    expect(html()).toContain('John Crabtree [Peru Support Group');
  });

  it('stops cleanly on Ctrl-C', async () => {
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stderr).toContain('stopped watching');
  });
});
