/** The CLI's own edges: a reader that closes early, no command, the documented exit codes. */
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, cliEnv, runCli, tempProject, type TempProject } from '../helpers/cli.js';

let project: TempProject;
afterEach(() => project?.remove());

/** Runs the CLI with its stdout a pipe whose reader has already gone (`| head -0`). */
function runIntoClosedPipe(args: readonly string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/** Runs the CLI piped into a reader that takes a few bytes and closes. */
function runIntoShortReader(args: readonly string[], cwd: string): Promise<{ code: number | null; stderr: string; read: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let read = '';
    child.stdout.once('data', (chunk: Buffer) => {
      read = chunk.toString('utf8').split('\n')[0]!;
      child.stdout.destroy();
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr, read }));
  });
}

describe('a reader that closes early', () => {
  it.each(['--help', 'help build', '--version', 'fmt --help'])('%s: exit 0, nothing on stderr', async (command) => {
    const args = command.split(' ');
    project = tempProject();
    const closed = await runIntoClosedPipe(args, project.dir);
    expect(closed).toEqual({ code: 0, stderr: '' });
    const short = await runIntoShortReader(args, project.dir);
    expect(short.code).toBe(0);
    expect(short.stderr).toBe('');
    expect(short.read).toMatch(/^(Usage: phrg-brief|\d+\.\d+\.\d+)/);
  });
});

describe('exit codes', () => {
  it('a file or folder that cannot be made: named, with why, exit 1, not the system’s words', async () => {
    project = tempProject({ withExample: true });
    project.write('.phrg-brief-cache', ''); // a file where the build cache's folder goes
    const built = await runCli(['build', '--format', 'md'], project.dir);
    expect([built.code, built.stderr]).toEqual([1, 'phrg-brief: cannot write .phrg-brief-cache: a file or folder stands in the way of writing it\n']);
  });

  it('no command: the help on stderr, exit 2', async () => {
    project = tempProject();
    const result = await runCli([], project.dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Usage: phrg-brief');
  });

  it('help of a command there is none of: says so, with the nearest, exit 2', async () => {
    project = tempProject();
    const result = await runCli(['help', 'buil'], project.dir);
    expect(result).toEqual({ code: 2, stdout: '', stderr: "error: unknown command 'buil'\n(Did you mean build?)\n" });
  });

  it('a Node.js older than 20.12: says which it needs and which it found, exit 2, before anything fails on it', async () => {
    // The Node.js that runs the tests is newer: the older version is what the shim is told it runs on.
    const on = (version: string) =>
      new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
        const script = `Object.defineProperty(process.versions, 'node', { value: '${version}' }); await import(${JSON.stringify(BIN)});`;
        const child = spawn(process.execPath, ['--input-type=module', '-e', script, 'check'], { env: cliEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stderr }));
      });
    for (const version of ['16.20.2', '20.11.1'])
      expect(await on(version)).toEqual({ code: 2, stderr: `phrg-brief: needs Node.js 20.12 or later; this is Node.js ${version} (see https://nodejs.org)\n` });
  });

  // An unknown command or option (exit 2, and an error on stderr): tests/e2e/cli.test.ts, which
  // runs `build --nope` and `bild` among its usage errors.
});
