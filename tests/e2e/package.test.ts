/**
 * The package as a user installs it: `npm pack` (prepack builds and trims the manifest) in a
 * copy of the repository, the tarball installed into an empty project, then init, new, check,
 * fmt --check, build and preview from it, and the workflow init writes.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';
import { expectPublishingWorkflow } from '../helpers/workflow.js';

const MB = 1024 * 1024;
const work = mkdtempSync(join(tmpdir(), 'phrg-brief-package-'));
let tarball: string;
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(command: string, args: readonly string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function bytesUnder(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += lstatSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}

/** An empty project with the tarball in vendor/, as a project that commits it would have. */
function emptyProject(name: string): string {
  const dir = join(work, name);
  mkdirSync(join(dir, 'vendor'), { recursive: true });
  copyFileSync(tarball, join(dir, 'vendor', 'phrg-brief-0.1.0.tgz'));
  return dir;
}

beforeAll(() => {
  // A copy of what `npm pack` reads, so that prepack's build and manifest trim happen as on
  // publishing without touching the repository other tests are reading.
  const source = join(work, 'source');
  for (const path of [
    'package.json',
    'package-lock.json',
    'tsconfig.json',
    'tsconfig.build.json',
    'README.md',
    'LICENSE',
    'src',
    'scripts',
    'bin',
    'templates',
    'schema',
    'meetings',
  ]) {
    if (existsSync(join(REPO, path))) cpSync(join(REPO, path), join(source, path), { recursive: true });
  }
  symlinkSync(join(REPO, 'node_modules'), join(source, 'node_modules'), 'dir');
  const packed = run('npm', ['pack', '--json', '--pack-destination', work], source);
  expect(packed.code, packed.stderr).toBe(0);
  const [info] = JSON.parse(packed.stdout) as { filename: string; size: number; unpackedSize: number; files: { path: string }[] }[];
  tarball = join(work, info!.filename);
  process.stdout.write(
    `package: tarball ${(info!.size / MB).toFixed(2)} MB, unpacked ${(info!.unpackedSize / MB).toFixed(2)} MB, ${info!.files.length} files\n`,
  );
  const files = info!.files.map((file) => file.path);
  expect(files).toEqual(
    expect.arrayContaining([
      'LICENSE',
      'bin/phrg-brief.js',
      'lib/bundle/cli.js',
      'lib/fonts/SourceSerif4_400Regular.ttf',
      'lib/fonts/OFL.txt',
      'schema/record.schema.json',
    ]),
  );
  expect(files.filter((file) => file.endsWith('.map') || file.startsWith('src/'))).toEqual([]);
  // postpack put the manifest back as it was
  expect(readFileSync(join(source, 'package.json'), 'utf8')).toBe(readFileSync(join(REPO, 'package.json'), 'utf8'));
}, 240_000);

describe('the packed tarball', () => {
  it('installs alone, under 20 MB, with no script to approve and no build step', () => {
    expect(readFileSync(join(REPO, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) phrg-brief contributors\n/);
    const manifest = JSON.parse(spawnSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }).stdout) as {
      scripts: Record<string, string>;
      dependencies?: object;
    };
    expect(manifest.scripts.prepare).toBeUndefined();
    // Everything is bundled but Pagefind, whose binary must be found on disk at run time.
    expect(Object.keys(manifest.dependencies ?? {})).toEqual(['pagefind']);

    const dir = emptyProject('installed');
    writeFileSync(join(dir, 'package.json'), '{ "name": "briefings", "private": true }\n');
    const install = run('npm', ['install', '--prefer-offline', './vendor/phrg-brief-0.1.0.tgz'], dir);
    expect(install.code, install.stderr).toBe(0);
    expect(install.stdout + install.stderr).not.toMatch(/install-scripts|prepare/);
    // phrg-brief, Pagefind and Pagefind's binary for this platform.
    expect(install.stdout).toMatch(/added 3 packages/);
    const size = bytesUnder(join(dir, 'node_modules'));
    process.stdout.write(
      `package: installing it adds ${(size / MB).toFixed(2)} MB to node_modules (${readdirSync(join(dir, 'node_modules')).filter((name) => !name.startsWith('.')).length} packages)\n`,
    );
    expect(size).toBeLessThan(20 * MB);
  }, 180_000);

  it('runs init --ci github, new, check, fmt --check and build from it; npm ci installs the same one', async () => {
    const dir = join(work, 'installed');
    // Through npx as the workflow runs it where that is the behaviour (init, and the workflow's
    // own check); else the installed bin itself, which npx runs, without npm's start-up each time.
    const npx = (...args: string[]) => run('npx', ['--no', 'phrg-brief', ...args], dir);
    const cli = (...args: string[]) => run(join(dir, 'node_modules', '.bin', 'phrg-brief'), args, dir);
    const init = npx('init', '--ci', 'github');
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain('package.json names phrg-brief file:vendor/phrg-brief-0.1.0.tgz already');
    await expectPublishingWorkflow(join(dir, '.github/workflows/briefings.yml'));

    const created = cli('new', 'Bahrain: detained medics', '--date', '2026-12-03');
    expect(created.code, created.stderr).toBe(0);
    expect(readFileSync(join(dir, 'meetings/2026-12-03-bahrain-detained-medics.md'), 'utf8')).toContain('$schema=../schema/record.schema.json');
    const workflowCheck = npx('check', '--reporter', 'github');
    expect(workflowCheck.code, workflowCheck.stderr).toBe(0);
    for (const args of [['fmt', '--check'], ['build']]) {
      const result = cli(...args);
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
    }
    for (const file of ['2016-11-07-peru.html', '2016-11-07-peru.pdf', 'index.html', 'feed.xml']) expect(existsSync(join(dir, 'dist', file)), file).toBe(true);
    expect(
      readFileSync(join(dir, 'dist', '2016-11-07-peru.pdf'))
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')) as { packages: Record<string, { integrity?: string; resolved?: string }> };
    rmSync(join(dir, 'node_modules'), { recursive: true });
    const ci = run('npm', ['ci', '--prefer-offline'], dir);
    expect(ci.code, ci.stderr).toBe(0);
    expect(lock.packages['node_modules/phrg-brief']).toMatchObject({
      resolved: 'file:vendor/phrg-brief-0.1.0.tgz',
      integrity: expect.stringMatching(/^sha512-/),
    });
    expect(cli('check').code).toBe(0);
  }, 180_000);

  it('names itself in a new project when run through npx, with the spec npx was given', () => {
    const dir = emptyProject('by-npx');
    const init = run('npx', ['--yes', '--package=./vendor/phrg-brief-0.1.0.tgz', 'phrg-brief', 'init', '--ci', 'github'], dir);
    expect(init.code, init.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { private: boolean; devDependencies: Record<string, string> };
    expect(manifest).toMatchObject({ private: true, devDependencies: { 'phrg-brief': 'file:vendor/phrg-brief-0.1.0.tgz' } });
    expect(init.stdout).toContain('npm install && npx phrg-brief build');
    // The spec is the one npm itself wrote on installing the tarball, which the first project
    // then installed again with `npm ci` and ran: so this manifest installs too, without a third
    // install to show it.
    const installed = JSON.parse(readFileSync(join(work, 'installed', 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(manifest.devDependencies['phrg-brief']).toBe(installed.dependencies['phrg-brief']);
  }, 180_000);

  it('previews, and stops on a SIGTERM to npx, and on a SIGINT to `npx -c "exec phrg-brief preview"`', async () => {
    const dir = join(work, 'installed');
    for (const [args, signal] of [
      [['--no', 'phrg-brief', 'preview', '--port', '0'], 'SIGTERM'],
      [['-c', 'exec phrg-brief preview --port 0'], 'SIGINT'],
    ] as const) {
      const npx = spawn('npx', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        npx.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          out += chunk;
          const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
          if (found) resolve(found[0]);
        });
        npx.on('exit', (code) => reject(new Error(`preview ended early (${code})`)));
      });
      expect((await fetch(`${url}2016-11-07-peru.html`)).status).toBe(200);
      const exited = new Promise((resolve) => npx.on('exit', resolve));
      npx.kill(signal);
      await exited;
      let refused = false;
      // Up to 30 s: on a loaded machine the server's shutdown has taken over 10 s (it failed so).
      for (let attempt = 0; attempt < 150 && !refused; attempt++) {
        refused = await fetch(url).then(
          () => false,
          () => true,
        );
        if (!refused) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(refused, `${args.join(' ')} still serving after ${signal}`).toBe(true);
    }
  }, 180_000);
});
