/**
 * `build --watch` through the real CLI: it builds, then builds again on each save to a
 * record, a template or the config, reports a broken record without stopping, and stops
 * cleanly on Ctrl-C.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRecords } from '../../bench/generate.js';
import { BIN, cliEnv, REPO, runCli, tempProject, type TempProject } from '../helpers/cli.js';

const RECORD = 'meetings/2016-11-07-peru.md';
const original = readFileSync(join(REPO, RECORD), 'utf8');

describe('phrg-brief build --watch', () => {
  let project: TempProject;
  let child: ChildProcess;
  let stdout = '';
  let stderr = '';
  let exited: Promise<number | null>;
  /** A templates folder outside the project, which the config names from the test that makes it on. */
  let outside: TempProject | undefined;

  /** Resolves once the output so far passes `test`; fails the test should the build stop first. */
  const until = (test: () => boolean, timeout = 30_000): Promise<void> =>
    new Promise((resolve, reject) => {
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        reject(new Error(`timed out; stderr:\n${stderr}`));
      }, timeout);
      const check = (): void => {
        if (timedOut) return;
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
  const lastSummary = (): string => stderr.match(/^built \d+, unchanged \d+, failed \d+ in.*$/gm)?.at(-1) ?? '';
  /**
   * Makes the change and waits until a rebuild after it has brought what `done` looks for:
   * never a sleep, so a late rebuild from an earlier save cannot pass for this one's.
   */
  const save = async (change: () => void, done: () => boolean): Promise<void> => {
    const before = rebuilds();
    change();
    await until(() => rebuilds() > before && done());
  };
  /**
   * Saves until the watcher has seen it: a templates folder the config newly names is taken up
   * in the watcher's own time, and a save made before that goes unseen. Each try waits for the
   * rebuild rather than sleeping; a save seen twice only builds the same again.
   */
  const saveUntilSeen = async (change: () => void, done: () => boolean): Promise<void> => {
    for (let tries = 1; ; tries++) {
      change();
      try {
        return await until(done, 2_000);
      } catch (error) {
        if (tries === 15 || child.exitCode !== null) throw error;
      }
    }
  };
  const html = (): string => readFileSync(project.path('dist', '2016-11-07-peru.html'), 'utf8');

  beforeAll(async () => {
    project = tempProject({ withExample: true });
    child = spawn(process.execPath, [BIN, 'build', '--watch', '--format', 'html,md,json'], {
      cwd: project.dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: cliEnv(),
    });
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    exited = new Promise((resolve) => child.on('exit', resolve));
    await until(() => stderr.includes('watching'));
  }, 60_000);

  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    project?.remove();
    outside?.remove();
  });

  it('builds first, as build does', () => {
    expect(stderr).toContain('built 1, unchanged 0, failed 0');
    expect(html()).toContain('Mining operations have been');
  });

  it('builds the record again when it is saved, and only it', async () => {
    await save(
      () => project.write(RECORD, original.replace('Mining operations have been', 'Mining concessions have been')),
      () => html().includes('Mining concessions have been'),
    );
    expect(lastSummary()).toMatch(/^built 1, unchanged 0, failed 0 in/);
    expect(readFileSync(project.path('dist', '2016-11-07-peru.md'), 'utf8')).toContain('Mining concessions have been');
  });

  it('builds the last of two saves made in quick succession', async () => {
    // The second save lands after the first one's rebuild has read the record, but within
    // the file watcher's throttle, which reports no second change that soon.
    project.write(RECORD, original.replace('Mining operations have been', 'Mining licences have been'));
    await new Promise((resolve) => setTimeout(resolve, 35));
    project.write(RECORD, original.replace('Mining operations have been', 'Mining permits have been'));
    await until(() => html().includes('Mining permits have been'), 10_000);
  });

  it('reports a broken record and keeps its earlier files, then goes on watching', async () => {
    await save(
      () => project.write(RECORD, original.replace('(JC + IV)', '(JC + XY)')),
      // The report comes on stdout, the summary on stderr: either pipe may be read first.
      () => /^built 0, unchanged 0, failed 1 in/.test(lastSummary()) && stdout.includes('no speaker or chair has the key XY'),
    );
    expect(html()).toContain('Mining permits have been');
    expect(child.exitCode).toBeNull();

    await save(
      () => project.write(RECORD, original),
      () => html().includes('Mining operations have been'),
    );
  });

  it('follows a template override made while it runs', async () => {
    project.write('mine/partials/person.hbs', '{{#if text}}{{text}}{{else}}{{name}} (of {{role}}){{/if}}');
    await save(
      () => project.write('phrg-brief.yaml', 'templates: mine\n'),
      () => html().includes('John Crabtree (of Peru Support Group'),
    );
    await saveUntilSeen(
      () => project.write('mine/partials/person.hbs', '{{#if text}}{{text}}{{else}}{{name}} [{{role}}]{{/if}}'),
      () => html().includes('John Crabtree [Peru Support Group'),
    );
  });

  it('watches a templates folder kept outside the project', async () => {
    const shared = (outside = tempProject());
    shared.write('partials/person.hbs', '{{#if text}}{{text}}{{else}}{{name}} ~ {{role}}{{/if}}');
    await save(
      () => project.write('phrg-brief.yaml', `templates: ${JSON.stringify(shared.dir)}\n`),
      () => html().includes('John Crabtree ~ Peru Support Group'),
    );
    await saveUntilSeen(
      () => shared.write('partials/person.hbs', '{{#if text}}{{text}}{{else}}{{name}} / {{role}}{{/if}}'),
      () => html().includes('John Crabtree / Peru Support Group'),
    );
  });

  it('stops cleanly on Ctrl-C', async () => {
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stderr).toContain('stopped watching');
  });

  it('leaves the search index, made behind its builds, answering to the last pages', async () => {
    // The last save's words are in the index, and no index folder of its making is left.
    const fragments = readdirSync(project.path('dist', 'pagefind', 'fragment')).map((name) =>
      gunzipSync(readFileSync(project.path('dist', 'pagefind', 'fragment', name))).toString('utf8'),
    );
    expect(fragments.some((fragment) => fragment.includes('John Crabtree / Peru Support Group'))).toBe(true);
    expect(readdirSync(project.path('dist')).filter((name) => name.startsWith('.'))).toEqual([]);
    // Its key reached the build's manifest: the next build finds nothing to index again.
    const entry = project.path('dist', 'pagefind', 'pagefind-entry.json');
    const made = statSync(entry).mtimeMs;
    const again = await runCli(['build', '--format', 'html,md,json'], project.dir);
    expect(again.stderr).toContain('built 0, unchanged 1, failed 0');
    expect(statSync(entry).mtimeMs).toBe(made);
  });
});

describe('phrg-brief build --watch, PDF', () => {
  it('embeds a font file replaced under the same name while it runs', async () => {
    const project = tempProject({ withExample: true });
    const font = (weight: string): Buffer => readFileSync(join(REPO, 'node_modules/@expo-google-fonts/source-serif-4', weight, `SourceSerif4_${weight}.ttf`));
    project.write('tpl/fonts/body.ttf', font('400Regular'));
    project.write('tpl/pdf-theme.yaml', 'fonts:\n  regular: ./fonts/body.ttf\n');
    project.write('phrg-brief.yaml', 'templates: tpl\n');
    const child = spawn(process.execPath, [BIN, 'build', '--watch', '--format', 'pdf'], {
      cwd: project.dir,
      env: cliEnv(),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const waitFor = async (test: () => boolean): Promise<void> => {
      for (const started = Date.now(); !test(); await new Promise((resolve) => setTimeout(resolve, 20))) {
        if (Date.now() - started > 30_000 || child.exitCode !== null) throw new Error(`no luck; stderr:\n${stderr}`);
      }
    };
    const fonts = (): string[] =>
      [...new Set(readFileSync(project.path('dist', '2016-11-07-peru.pdf'), 'latin1').match(/\/BaseFont \/[A-Z]{6}\+[\w-]+/g) ?? [])]
        .map((name) => name.slice(name.indexOf('+') + 1))
        .sort();
    try {
      await waitFor(() => stderr.includes('watching'));
      expect(fonts()).toEqual(['SourceSerif4-Bold', 'SourceSerif4-Regular']);
      project.write('tpl/fonts/body.ttf', font('400Regular_Italic'));
      await waitFor(() => (stderr.match(/^built 1,/gm) ?? []).length >= 2);
      expect(fonts()).toEqual(['SourceSerif4-Bold', 'SourceSerif4-Italic']);
      child.kill('SIGINT');
      await exited;
      // The next build, a new process, finds everything as the running one left it.
      const again = await runCli(['build', '--format', 'pdf'], project.dir);
      expect(again.stderr).toContain('built 0, unchanged 1, failed 0');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      project.remove();
    }
  }, 60_000);

  it('stops at once on Ctrl-C during its first build, as any build does', async () => {
    const project = tempProject();
    // Enough records that the build is far from done at its first tenth, when Ctrl-C is sent.
    generateRecords(40, project.path('meetings'), 3);
    const child = spawn(process.execPath, [BIN, 'build', '--watch', '--format', 'html'], {
      cwd: project.dir,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: cliEnv({ CI: '1' }),
    });
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      if (!stderr.includes('records (') && (stderr += chunk).includes('records (')) child.kill('SIGINT');
      else stderr += chunk;
    });
    try {
      // As any build stops: said, with 130 (it was killed by the signal, silent; tests/site/atomic.test.ts shows its files).
      expect(await exited).toBe(130);
      expect(stderr).toContain('phrg-brief: stopped by Ctrl-C');
      expect(stderr).not.toContain('watching');
      expect(stderr).not.toContain('built 40');
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      project.remove();
    }
  }, 60_000);
});
