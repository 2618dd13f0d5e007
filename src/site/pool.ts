/**
 * Renders records on `jobs` threads: this one and `jobs - 1` workers, all taking records
 * from one queue as they come, so a long record never holds up the rest. This thread renders
 * too because it would otherwise sit idle but for writing results, and on a small machine a
 * worker's start-up and warm-up cost more than they bring (measured on 2 cores: two workers
 * were slower than this thread alone, this thread and one worker no slower than either).
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { LARGE_ARCHIVE } from './large-archive.js';
import type { RecordResult, RenderSettings } from './record-job.js';

/** Enough for the largest record with the PDF fonts loaded; a tenth of what V8 would let it take. */
const WORKER_HEAP_MB = 96;

/** Below this many records per thread, starting a worker costs more than it saves. */
const RECORDS_PER_WORKER = 16;

/** Up to this many records this thread renders too; beyond, it only writes (see below). */
const RENDER_HERE_UP_TO = LARGE_ARCHIVE;

export async function renderRecords(paths: readonly string[], settings: RenderSettings, jobs: number, onResult: (result: RecordResult) => void): Promise<void> {
  if (paths.length === 0) return;
  // Results go straight to `onResult` and are not kept here: an archive of ten thousand
  // records must not hold every rendered page in memory at once.
  let next = 0;
  const take = (): string | undefined => (next < paths.length ? paths[next++] : undefined);
  // A large archive is rendered on workers alone: this thread keeps every summary until the
  // site is made, and rendering here too would grow its heap (which, unlike a worker's, has
  // no bound) by the garbage of thousands of records.
  const hereToo = jobs === 1 || paths.length <= RENDER_HERE_UP_TO;
  const workers = hereToo ? Math.max(0, Math.min(jobs - 1, Math.floor(paths.length / RECORDS_PER_WORKER))) : jobs;
  const [, ...unfinished] = await Promise.all([
    hereToo ? renderHere(take, settings, onResult, workers > 0) : Promise.resolve(),
    ...Array.from({ length: workers }, () => runWorker(take, settings, onResult)),
  ]);
  // A worker that died (out of its bounded heap, say) leaves its records to this thread, which
  // has no bound, and so do all the rest should every worker die: all are built regardless.
  const left = unfinished.flat();
  let i = 0;
  await renderHere(() => left[i++] ?? take(), settings, onResult, false);
}

async function renderHere(take: () => string | undefined, settings: RenderSettings, onResult: (result: RecordResult) => void, sharing: boolean): Promise<void> {
  let path = take();
  if (path === undefined) return;
  // The parsers and renderers load only when a record is to be rendered in this thread.
  const { renderRecordJob } = await import('./record-job.js');
  for (; path !== undefined; path = take()) {
    onResult(await renderRecordJob(path, settings));
    // Let the workers' results in between records, and feed them their next.
    if (sharing) await nextTurn();
  }
}

/** Resolves with the records the worker took but did not finish, should it die. */
function runWorker(take: () => string | undefined, settings: RenderSettings, onResult: (result: RecordResult) => void): Promise<string[]> {
  return new Promise((resolve) => {
    // A worker's heap is kept small: V8 otherwise lets garbage grow to hundreds of megabytes
    // before collecting, and an archive's build must fit beside other jobs on a CI runner. A
    // smaller young generation was faster too (measured: 10,000 records, 16 MB against V8's own).
    const worker = new Worker(new URL('./worker.js', import.meta.url), {
      workerData: settings,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 16 },
    });
    const inFlight = new Map<number, string>();
    let id = 0;
    let finished = false;
    const finish = (unfinished: string[]): void => {
      if (finished) return;
      finished = true;
      resolve(unfinished);
    };
    // Two records in hand: the next is queued before the last result is written, so a
    // worker never waits for the main thread.
    const feed = (): void => {
      while (inFlight.size < 2) {
        const path = take();
        if (path === undefined) break;
        inFlight.set(id, path);
        worker.postMessage({ id: id++, path });
      }
      if (inFlight.size === 0) void worker.terminate().then(() => finish([]));
    };
    worker.on('message', (message: { id: number; result: RecordResult }) => {
      inFlight.delete(message.id);
      feed();
      onResult(message.result);
    });
    const died = (): void => {
      finish([...inFlight.values()]);
      void worker.terminate();
    };
    worker.on('error', died);
    worker.on('exit', (code) => {
      if (inFlight.size > 0) died();
      else if (code !== 0) finish([]);
    });
    feed();
  });
}
