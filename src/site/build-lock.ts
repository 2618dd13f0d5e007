/**
 * One build at a time into an output folder: a second build (a `build` beside a `build --watch`,
 * two CI steps) waits for the first, as git waits on its index.lock. Two at once each took the
 * other's temporary files for stale ones and removed them, and each rewrote the cache the other
 * was reading. The lock is a file holding the process id of the build that holds it; one left
 * by a build that was killed names a process that is gone, and is taken over.
 */
import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface BuildLock {
  release(): void;
}

/** Takes the lock at `file`, waiting while a live process holds it; `waiting` is told once, with its id. */
export async function takeBuildLock(file: string, waiting: (pid: number) => void = () => undefined): Promise<BuildLock> {
  mkdirSync(dirname(file), { recursive: true });
  let told = false;
  for (;;) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return { release: () => rmSync(file, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number.parseInt(readText(file), 10);
    // A build of this very process (the preview's, say) is not waited for: its builds take turns already.
    if (holder === process.pid) return { release: () => undefined };
    if (!Number.isInteger(holder) || !alive(holder)) {
      rmSync(file, { force: true }); // left by a build that was killed
      continue;
    }
    if (!told) waiting(holder);
    told = true;
    await sleep(200);
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: there is such a process, another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
