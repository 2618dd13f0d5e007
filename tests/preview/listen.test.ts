/** Port probing and the names the preview answers under, on real sockets on 127.0.0.1. */
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { listen, ownHostNames } from '../../src/preview/listen.js';
import { generateRecords } from '../../bench/generate.js';
import { BIN, cliEnv, runCli, tempProject } from '../helpers/cli.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});
const server = (): Server => {
  const made = createServer((_request, response) => response.end('ok'));
  servers.push(made);
  return made;
};

describe('listen', () => {
  it('takes the next port when the one asked for is taken', async () => {
    const taken = await listen(server(), '127.0.0.1', 0);
    const next = await listen(server(), '127.0.0.1', taken);
    expect(next).toBeGreaterThan(taken);
    expect(next).toBeLessThan(taken + 20);
    expect(await (await fetch(`http://127.0.0.1:${next}/`)).text()).toBe('ok');
  });

  it('fails at once on an address this machine does not have, rather than probing', async () => {
    await expect(listen(server(), '203.0.113.1', 4000)).rejects.toMatchObject({ code: 'EADDRNOTAVAIL' });
  });
});

describe('ownHostNames', () => {
  it('names loopback and the address listened on, with the port', () => {
    expect([...ownHostNames('127.0.0.1', 4000)].sort()).toEqual(['127.0.0.1:4000', '[::1]:4000', 'localhost:4000']);
    expect(ownHostNames('::1', 4001).has('[::1]:4001')).toBe(true);
    expect(ownHostNames('0.0.0.0', 4002).size).toBeGreaterThanOrEqual(3);
  });
});

describe('phrg-brief preview on an address it cannot listen on', () => {
  it('says why and ends with exit code 2, leaving no folder of its own, where it waited for ever', async () => {
    const project = tempProject({ withExample: true });
    try {
      mkdirSync(project.path('tmp'));
      // 192.0.2.1 is set aside for documentation (RFC 5737): no machine has it.
      const result = await runCli(['preview', '--host', '192.0.2.1', '--port', '4350'], project.dir, { TMPDIR: project.path('tmp') });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('phrg-brief preview: cannot listen on 192.0.2.1:4350: that address is not one of this machine’s');
      expect(readdirSync(project.path('tmp'))).toEqual([]);
    } finally {
      project.remove();
    }
  }, 20_000);
});

describe('phrg-brief preview stopped by Ctrl-C in its first build', () => {
  it('stops once that build ends, says so, ends with 130 and leaves no folder of its own', async () => {
    const project = tempProject();
    generateRecords(40, project.path('meetings'), 3);
    // A temporary folder of its own, to see what the preview leaves there.
    const temporary = project.path('tmp');
    mkdirSync(temporary);
    const server = spawn(process.execPath, [BIN, 'preview', '--port', '0'], {
      cwd: project.dir,
      env: cliEnv({ TMPDIR: temporary }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let stderr = '';
      server.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      let stdout = '';
      server.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      // Once its folder is made: the first build is under way (40 records take it seconds).
      await expect.poll(() => readdirSync(temporary).length, { timeout: 20_000, interval: 20 }).toBeGreaterThan(0);
      server.kill('SIGINT');
      const code = await new Promise<number | null>((resolve) => server.on('close', resolve));
      // Before, the signal killed it there, silent, its folder left for good.
      expect(stdout, 'the first build ended before the Ctrl-C: no test of it').not.toContain('http://');
      expect(code, stderr).toBe(130);
      expect(stderr).toContain('phrg-brief preview: stopping once the first build ends\n');
      expect(readdirSync(temporary)).toEqual([]);
    } finally {
      server.kill('SIGKILL');
      project.remove();
    }
  }, 60_000);
});

describe('preview --open', () => {
  it('says when no browser could be opened, with the address to visit', async () => {
    const project = tempProject({ withExample: true });
    // An opener that finds no browser, as xdg-open on a machine without a desktop.
    project.write('bin/xdg-open', '#!/bin/sh\nexit 3\n');
    chmodSync(project.path('bin', 'xdg-open'), 0o755);
    const server = spawn(process.execPath, [BIN, 'preview', '--port', '0', '--open'], {
      cwd: project.dir,
      env: cliEnv({ PATH: `${project.path('bin')}:${process.env.PATH ?? ''}` }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let stderr = '';
      server.stderr.setEncoding('utf8');
      const said = await new Promise<string>((resolve, reject) => {
        server.stderr.on('data', (chunk: string) => {
          stderr += chunk;
          if (stderr.includes('could not open a browser')) resolve(stderr);
        });
        server.on('exit', () => reject(new Error(`preview ended: ${stderr}`)));
      });
      expect(said).toMatch(/phrg-brief preview: could not open a browser; visit http:\/\/127\.0\.0\.1:\d+\//);
    } finally {
      server.kill('SIGINT');
      project.remove();
    }
  }, 30_000);
});
