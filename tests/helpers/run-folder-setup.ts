/**
 * vitest's global setup: the folder of things shared by the run's worker threads
 * (tests/helpers/run-once.ts) starts empty and is removed when the run ends. It runs in the
 * main process, the one the worker threads belong to, so it names the same folder.
 */
import { rmSync } from 'node:fs';
import { runFolder } from './run-once.js';

export function setup(): () => void {
  rmSync(runFolder(), { recursive: true, force: true });
  return () => rmSync(runFolder(), { recursive: true, force: true });
}
