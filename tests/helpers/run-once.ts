/**
 * Things made once for a whole test run and shared by both worker threads. The threads share
 * one process (vitest.config.ts: pool 'threads'), so the first to ask for a thing makes it in
 * the run's folder, named by the process, and the other waits until it is done. Module state
 * (tests/helpers/built.ts) is per thread; this is for things that cost seconds to make twice.
 *
 * A worker thread gets no 'exit' event to clean up with: the run's global setup
 * (tests/helpers/run-folder-setup.ts) empties the folder before the run and removes it after.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { TempProject } from './cli.js';

/** The folder of this run's shared things. */
export function runFolder(): string {
  return join(tmpdir(), `phrg-brief-run-${process.pid}`);
}

const asked = new Map<string, Promise<string>>();

/**
 * The folder `key` of this run, made by `make` (given it empty) the first time any worker asks
 * for it. Callers must not change what is in it.
 */
export function madeOnce(key: string, make: (dir: string) => Promise<void>): Promise<string> {
  let found = asked.get(key);
  if (!found) {
    found = claimOrWait(key, make);
    asked.set(key, found);
  }
  return found;
}

async function claimOrWait(key: string, make: (dir: string) => Promise<void>): Promise<string> {
  const dir = join(runFolder(), key);
  const done = `${dir}.done`;
  const failed = `${dir}.failed`;
  mkdirSync(runFolder(), { recursive: true });
  try {
    // mkdir is atomic: exactly one thread makes the folder, and so the thing.
    mkdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Another thread is making it: wait (a build takes seconds; a generous limit under load).
    for (const start = Date.now(); Date.now() - start < 600_000; await sleep(100)) {
      if (existsSync(done)) return dir;
      if (existsSync(failed)) throw new Error(`${key} could not be made: ${readFileSync(failed, 'utf8')}`);
    }
    throw new Error(`${key} was not made within 10 minutes`);
  }
  try {
    await make(dir);
  } catch (error) {
    writeFileSync(failed, error instanceof Error ? error.message : String(error));
    throw error;
  }
  writeFileSync(done, '');
  return dir;
}

/** A project made by `madeOnce`, to read as a TempProject; the run's teardown removes it, not its readers. */
export async function projectMadeOnce(key: string, make: (project: TempProject) => Promise<void>): Promise<TempProject> {
  const at = (dir: string): TempProject => ({
    dir,
    path: (...parts) => join(dir, ...parts),
    write(path, content) {
      const target = join(dir, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
      return target;
    },
    remove: () => undefined,
  });
  return at(await madeOnce(key, (dir) => make(at(dir))));
}
