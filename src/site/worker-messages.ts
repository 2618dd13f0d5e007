/** What the main thread and a build worker (worker.ts) say to each other (see pool.ts). */
import type { RecordResult } from './record-job.js';

export type WorkerRequest =
  /** Render the record at `path`. */
  | { kind: 'render'; id: number; path: string }
  /** Write the files of request `id` (its output name was granted), or let them go. */
  | { kind: 'settle'; id: number; write: boolean };

export type WorkerReply =
  /** Rendered: everything but the files' bytes, which the worker keeps until told. */
  | { kind: 'rendered'; id: number; result: RecordResult }
  /** The files of request `id` are written, or one could not be. */
  | { kind: 'written'; id: number; failure?: { target: string; message: string; code?: string } };
