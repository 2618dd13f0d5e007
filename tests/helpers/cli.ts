/** Runs the real CLI as a subprocess, in temporary copies of a project. */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(REPO, 'bin', 'phrg-brief.js');
export const FIXTURES = join(REPO, 'tests', 'fixtures');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment a CLI run is given: the test run's, without colour, and without
 * NODE_EXTRA_CA_CERTS, which some machines set for their network proxy: Node reads and parses
 * that certificate bundle at every start (a third of an empty start's CPU time, times some 200
 * CLI runs), and phrg-brief makes no TLS connection. npm and npx, which do, keep it.
 */
export function cliEnv(env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const inherited: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...env };
  delete inherited.NODE_EXTRA_CA_CERTS;
  return inherited;
}

export function runCli(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return runCliWith(BIN, args, cwd, env);
}

/** As runCli, with the phrg-brief at `bin` (a copy of the package, say). */
export function runCliWith(bin: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd,
      env: cliEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface TempProject {
  dir: string;
  write(path: string, content: string | Uint8Array): string;
  path(...parts: string[]): string;
  remove(): void;
}

/** A fresh folder (in `parent`, else the system's temporary folder); with `withExample`, a copy of the bundled meetings/. */
export function tempProject(options: { withExample?: boolean; parent?: string } = {}): TempProject {
  if (options.parent) mkdirSync(options.parent, { recursive: true });
  const dir = mkdtempSync(join(options.parent ?? tmpdir(), 'phrg-brief-test-'));
  if (options.withExample) cpSync(join(REPO, 'meetings'), join(dir, 'meetings'), { recursive: true });
  return {
    dir,
    write(path, content) {
      const target = join(dir, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
      return target;
    },
    path: (...parts) => join(dir, ...parts),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface RunningPreview {
  server: ChildProcess;
  /** `http://127.0.0.1:<port>/`, as the server printed it. */
  url: string;
  /** What the server has written to stderr so far. */
  stderr(): string;
}

/** `phrg-brief preview` on a free port in `dir`, once it has said where it serves. */
export async function startPreview(dir: string): Promise<RunningPreview> {
  const server = spawn(process.execPath, [BIN, 'preview', '--port', '0'], { cwd: dir, env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  server.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const match = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (match) resolve(match[1]!);
    });
    server.on('exit', (code) => reject(new Error(`preview exited with ${code}: ${stderr}`)));
  });
  return { server, url, stderr: () => stderr };
}
