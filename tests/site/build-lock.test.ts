/** One build at a time into an output folder (src/site/build-lock.ts). */
import { spawn } from 'node:child_process';
import { existsSync, utimesSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { releaseHeldLocks, takeBuildLock } from '../../src/site/build-lock.js';
import { tempProject } from '../helpers/cli.js';

const project = tempProject();
afterAll(() => project.remove());

describe('the build lock', () => {
  it('is taken over from a process that is gone, and from a live one that has not touched it for a while', async () => {
    const file = project.path('cache', 'a.lock');
    // A process id that no longer runs.
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => gone.on('exit', resolve));
    const first = await takeBuildLock(file);
    first.release();
    writeFileSync(file, `${gone.pid}\n`);
    (await takeBuildLock(file)).release();

    // A live process (its id given, say, to another program since), the lock untouched for a minute.
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      writeFileSync(file, `${other.pid}\n`);
      const old = new Date(Date.now() - 60_000);
      utimesSync(file, old, old);
      const waited: number[] = [];
      (await takeBuildLock(file, (pid) => waited.push(pid))).release();
      expect(waited).toEqual([]);
    } finally {
      other.kill();
    }
  });

  it('is waited for while its holder lives and touches it, and is all released by releaseHeldLocks', async () => {
    const file = project.path('cache', 'b.lock');
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      writeFileSync(file, `${other.pid}\n`);
      const waited: number[] = [];
      const taking = takeBuildLock(file, (pid) => waited.push(pid));
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(waited).toEqual([other.pid]);
      // The holder ends without its lock released (killed): the waiting build takes it then.
      other.kill('SIGKILL');
      await taking;
      expect(existsSync(file)).toBe(true);
      releaseHeldLocks();
      expect(existsSync(file)).toBe(false);
    } finally {
      other.kill();
    }
  });

  it('leaves alone a lock being taken this instant (no process id in it yet), until it is old', async () => {
    const file = project.path('cache', 'c.lock');
    writeFileSync(file, '');
    const waited: number[] = [];
    let taken = false;
    const taking = takeBuildLock(file, (pid) => waited.push(pid)).then((lock) => ((taken = true), lock));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(taken).toBe(false);
    const old = new Date(Date.now() - 60_000);
    utimesSync(file, old, old);
    (await taking).release();
    expect(taken).toBe(true);
  });
});
