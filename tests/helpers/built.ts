/**
 * Projects built once and copied for each test that needs its own. Test files share a worker's
 * module graph (vitest.config.ts: no per-file isolation), so a project made here serves every
 * file of that worker; a test that changes a project works on a copy, never on the original.
 */
import { cpSync, rmSync } from 'node:fs';
import { tempProject, type TempProject } from './cli.js';
import { runFolder } from './run-once.js';

const made = new Map<string, Promise<TempProject>>();

/**
 * The project named `key`, made by `make` the first time it is asked for in this worker.
 * Callers must not change it; `copyOfBuilt` gives one to change.
 */
export function builtProject(key: string, make: (project: TempProject) => Promise<void>): Promise<TempProject> {
  let project = made.get(key);
  if (!project) {
    project = (async () => {
      // In the run's folder, which the run's teardown removes: a worker thread gets no 'exit'
      // event to remove it with.
      const fresh = tempProject({ parent: runFolder() });
      try {
        await make(fresh);
      } catch (error) {
        made.delete(key);
        fresh.remove();
        throw error;
      }
      return fresh;
    })();
    made.set(key, project);
  }
  return project;
}

/** A fresh copy of the project named `key` (made first if need be), modification times kept. */
export async function copyOfBuilt(key: string, make: (project: TempProject) => Promise<void>): Promise<TempProject> {
  const original = await builtProject(key, make);
  const copy = tempProject();
  rmSync(copy.dir, { recursive: true, force: true });
  cpSync(original.dir, copy.dir, { recursive: true, preserveTimestamps: true });
  return copy;
}
