/**
 * Renders records on worker threads, one per core by default. Each worker loads the
 * templates, theme and fonts once and then takes records as they come, so a long record
 * never holds up the rest.
 */
import { Worker } from 'node:worker_threads';
import type { RecordResult, RenderSettings } from './record-job.js';

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
      const worker = new Worker(workerUrl, { workerData: settings });
      const feed = (): void => {
        if (next >= paths.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        const id = next++;
        worker.postMessage({ id, path: paths[id]! });
      };
      worker.on('message', (message: { id: number; result: RecordResult }) => {
        onResult(message.result);
        feed();
      });
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (code !== 0 && next < paths.length) reject(new Error(`a build worker stopped with code ${code}`));
      });
      feed();
    });

  await Promise.all(Array.from({ length: count }, runWorker));
}
