/**
 * Renders records on worker threads, one per core by default. Each worker loads the
 * templates, theme and fonts once and then takes records as they come, so a long record
 * never holds up the rest.
 */
import { Worker } from 'node:worker_threads';
import type { RecordResult, RenderSettings } from './record-job.js';

/** Enough for the largest record with the PDF fonts loaded; a tenth of what V8 would let it take. */
const WORKER_HEAP_MB = 96;

export async function renderOnWorkers(
  paths: readonly string[],
  settings: RenderSettings,
  jobs: number,
  onResult: (result: RecordResult) => void,
): Promise<void> {
  // Results go straight to `onResult` and are not kept here: an archive of ten thousand
  // records must not hold every rendered page in memory at once.
  let next = 0;
  const workerUrl = new URL('./worker.js', import.meta.url);
  const count = Math.max(1, Math.min(jobs, paths.length));

  const runWorker = (): Promise<void> =>
    new Promise((resolve, reject) => {
      // A worker's heap is kept small: V8 otherwise lets garbage grow to hundreds of megabytes
      // before collecting, and an archive's build must fit beside other jobs on a CI runner.
      const worker = new Worker(workerUrl, { workerData: settings, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
      let inFlight = 0;
      // Two records in hand: the next is queued before the last result is written, so a
      // worker never waits for the main thread.
      const feed = (): void => {
        while (inFlight < 2 && next < paths.length) {
          const id = next++;
          inFlight++;
          worker.postMessage({ id, path: paths[id]! });
        }
        if (inFlight === 0) void worker.terminate().then(() => resolve());
      };
      worker.on('message', (message: { id: number; result: RecordResult }) => {
        inFlight--;
        feed();
        onResult(message.result);
      });
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (code !== 0 && (next < paths.length || inFlight > 0)) reject(new Error(`a build worker stopped with code ${code}`));
      });
      feed();
    });

  await Promise.all(Array.from({ length: count }, runWorker));
}
