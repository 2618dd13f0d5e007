/**
 * Renders records on `jobs` threads: this one and `jobs - 1` workers, all taking records
 * from one queue as they come, so a long record never holds up the rest. This thread renders
 * too because it would otherwise sit idle but for writing results, and on a small machine a
 * worker's start-up and warm-up cost more than they bring (measured on 2 cores: two workers
 * were slower than this thread alone, and so, since records got cheaper, was this thread with
 * one worker: hence `defaultJobs`).
 */
import { availableParallelism } from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { ResolvedConfig } from '../config/schema.js';
import { discoverRecords } from '../load/discover.js';
import type { Format } from '../render/formats.js';
import { LARGE_ARCHIVE } from './large-archive.js';
import type { RecordResult, RenderSettings } from './record-job.js';
import type { WorkerReply, WorkerRequest } from './worker-messages.js';
import { WriteBehind, type ResultSink } from './write-behind.js';

/** Enough for the largest record with the PDF fonts loaded; a tenth of what V8 would let it take. */
const WORKER_HEAP_MB = 96;

/**
 * Internal, for the tests only: `PHRG_BRIEF_WORKER_HEAP_MB` sets the workers' heap bound, so
 * that a record of modest size can prove the fallback to this thread without a test building
 * one of megabytes. Not a user setting, and not in the README's options.
 */
function workerHeapMb(): number {
  const set = Number(process.env.PHRG_BRIEF_WORKER_HEAP_MB);
  return Number.isInteger(set) && set > 0 ? set : WORKER_HEAP_MB;
}

/** Below this many records per thread, starting a worker costs more than it saves. */
const RECORDS_PER_WORKER = 16;

/** Up to this many records this thread renders too; beyond, it only writes (see below). */
const RENDER_HERE_UP_TO = LARGE_ARCHIVE;

/**
 * Threads when `--jobs` is not given: one per core but one, left to what runs beside the
 * rendering (Pagefind's indexer, the garbage collector's helpers, the writes). Measured on 2
 * cores, 1,000 records: this thread alone built the HTML in 4.5 s, with a worker beside it in
 * 6.0 s, and HTML + PDF no faster for 2.7 CPU-s more. A large archive, rendered on workers
 * alone (see RENDER_HERE_UP_TO), has one per core.
 */
export function defaultJobs(records: number): number {
  const cores = availableParallelism();
  return records > RENDER_HERE_UP_TO ? cores : Math.max(1, cores - 1);
}

/** Renders `paths` into `outDir`, each result settled in `sink` as it comes. */
export async function renderRecords(paths: readonly string[], settings: RenderSettings, outDir: string, jobs: number, sink: ResultSink): Promise<void> {
  if (paths.length === 0) return;
  // Results go straight to `sink` and are not kept here: an archive of ten thousand
  // records must not hold every rendered page in memory at once.
  let next = 0;
  const take = (): string | undefined => (next < paths.length ? paths[next++] : undefined);
  // A large archive is rendered on workers alone: this thread keeps every summary until the
  // site is made, and rendering here too would grow its heap (which, unlike a worker's, has
  // no bound) by the garbage of thousands of records.
  const hereToo = jobs === 1 || paths.length <= RENDER_HERE_UP_TO;
  const workers = hereToo ? Math.max(0, Math.min(jobs - 1, Math.floor(paths.length / RECORDS_PER_WORKER))) : jobs;
  const [, ...unfinished] = await Promise.all([
    hereToo ? renderHere(take, settings, outDir, sink, workers > 0) : Promise.resolve(),
    ...Array.from({ length: workers }, () => runWorker(take, settings, outDir, sink)),
  ]);
  // A worker that died (out of its bounded heap, say) leaves its records to this thread, which
  // has no bound, and so do all the rest should every worker die: all are built regardless.
  const left = unfinished.flat();
  let i = 0;
  await renderHere(() => left[i++] ?? take(), settings, outDir, sink, false);
}

async function renderHere(take: () => string | undefined, settings: RenderSettings, outDir: string, sink: ResultSink, sharing: boolean): Promise<void> {
  let path = take();
  if (path === undefined) return;
  // The parsers and renderers load only when a record is to be rendered in this thread.
  const { renderRecordJob } = await import('./record-job.js');
  const writes = new WriteBehind(outDir, sink);
  for (; path !== undefined; path = take()) {
    await writes.add(await renderRecordJob(path, settings));
    // Let the workers' results in between records, and feed them their next.
    if (sharing) await nextTurn();
  }
  await writes.drain();
}

/** Resolves with the records the worker took but did not finish, should it die. */
function runWorker(take: () => string | undefined, settings: RenderSettings, outDir: string, sink: ResultSink): Promise<string[]> {
  return new Promise((resolve) => {
    // A worker's heap is kept small: V8 otherwise lets garbage grow to hundreds of megabytes
    // before collecting, and an archive's build must fit beside other jobs on a CI runner. A
    // smaller young generation was faster too (measured: 10,000 records, 16 MB against V8's own).
    const worker = new Worker(new URL('./worker.js', import.meta.url), {
      workerData: { settings, outDir },
      resourceLimits: { maxOldGenerationSizeMb: workerHeapMb(), maxYoungGenerationSizeMb: Math.min(16, workerHeapMb()) },
    });
    /** Records sent and not yet settled, by request id; those being rendered are counted apart. */
    const inFlight = new Map<number, string>();
    const claimed = new Map<number, RecordResult>();
    let rendering = 0;
    let id = 0;
    let finished = false;
    const finish = (unfinished: string[]): void => {
      if (finished) return;
      finished = true;
      resolve(unfinished);
    };
    const send = (message: WorkerRequest): void => worker.postMessage(message);
    // Two records in hand: the next is queued before the last is settled, so a worker never
    // waits for the main thread.
    const feed = (): void => {
      while (rendering < 2) {
        const path = take();
        if (path === undefined) break;
        inFlight.set(id, path);
        rendering++;
        send({ kind: 'render', id: id++, path });
      }
      if (inFlight.size === 0) void worker.terminate().then(() => finish([]));
    };
    worker.on('message', (message: WorkerReply) => {
      if (message.kind === 'rendered') {
        rendering--;
        const write = sink.claim(message.result);
        send({ kind: 'settle', id: message.id, write });
        if (write) claimed.set(message.id, message.result);
        else {
          inFlight.delete(message.id);
          sink.finish(message.result);
        }
      } else {
        const result = claimed.get(message.id)!;
        claimed.delete(message.id);
        inFlight.delete(message.id);
        const failure = message.failure;
        sink.finish(
          result,
          failure && { target: failure.target, reason: Object.assign(new Error(failure.message), failure.code ? { code: failure.code } : {}) },
        );
      }
      feed();
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

/** What warmUp needs of a build's options. */
export interface WarmUpOptions {
  paths: readonly string[];
  cwd: string;
  config: ResolvedConfig;
  formats: readonly Format[];
}

/**
 * Renders the first record to memory and lets the result go: a build that keeps running
 * (`--watch`) so pays for loading the parsers and fonts, and warming them up, before the
 * first save rather than on it.
 */
export async function warmUp(options: WarmUpOptions): Promise<void> {
  const { files } = await discoverRecords(options.paths, options.cwd);
  if (files[0] === undefined) return;
  const { renderRecordJob } = await import('./record-job.js');
  const { cwd, config, formats } = options;
  await renderRecordJob(files[0], { cwd, config, formats, drafts: true, settingsKey: '' });
}
