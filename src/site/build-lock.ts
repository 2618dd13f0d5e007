/**
 * One build at a time into an output folder: a second build (a `build` beside a `build --watch`,
 * two CI steps) waits for the first, as git waits on its index.lock. Two at once each took the
 * other's temporary files for stale ones and removed them, and each rewrote the cache the other
 * was reading. The lock is a file holding the process id of the build that holds it, touched
 * every few seconds while it does: one left by a build that was killed names a process that is
 * gone, or (its id since given to another process) has not been touched for a while, and is
 * taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, utimesSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface BuildLock {
  release(): void;
}

/** How often a held lock is touched, and how long untouched it must be to be taken for a dead build's. */
const HEARTBEAT_MS = 5_000;
const STALE_MS = 30_000;

/** The locks this process holds, released at once by a build stopped with Ctrl-C (releaseHeldLocks). */
const held = new Set<string>();

/** Removes every lock this process holds: for a process about to exit without its finally blocks. */
export function releaseHeldLocks(): void {
  for (const file of held) rmSync(file, { force: true });
  held.clear();
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
      held.add(file);
      const heartbeat = setInterval(() => {
        const now = new Date();
        try {
          utimesSync(file, now, now);
        } catch {
          // taken away meanwhile: nothing to keep alive
        }
      }, HEARTBEAT_MS).unref();
      return {
        release: () => {
          clearInterval(heartbeat);
          held.delete(file);
          rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number.parseInt(readText(file), 10);
    // A build of this very process (the preview's, say) is not waited for: its builds take turns already.
    if (holder === process.pid) return { release: () => undefined };
    // A lock with no process id yet is one being taken this instant: stale only once old.
    if ((Number.isInteger(holder) && !alive(holder)) || untouchedFor(file) > STALE_MS) {
      rmSync(file, { force: true }); // left by a build that was killed
      continue;
    }
    if (!told) waiting(holder);
    told = true;
    await sleep(200);
  }
}

function untouchedFor(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return 0;
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
