/**
 * The files of the records this thread renders, written while it renders the next: writing
 * them here at once took a fifth of a one-thread build (1,000 records, HTML only), time the
 * second core sat idle. Each record is claimed as it comes, so output names are granted in the
 * same order as before; its files go to libuv's threads; and it is finished, in the order it
 * came, once they are written.
 */
import { join } from 'node:path';
import { writeFileAtomicBehind } from '../write/atomic.js';
import type { RecordResult, RenderedFile } from './record-job.js';
import type { WriteFailure } from './settle-records.js';

/**
 * Where results go. A worker writes its own files, between `claim` (may it, under that
 * name?) and `finish`; for a record rendered on this thread, WriteBehind writes them.
 */
export interface ResultSink {
  claim(result: RecordResult): boolean;
  finish(result: RecordResult, failure?: WriteFailure): void;
}

/** Records whose files may be in writing at once; beyond, rendering waits, as their bytes are held meanwhile. */
const MOST_BEHIND = 16;

export class WriteBehind {
  /** Each record's finishing, oldest first; each waits for the one before. */
  private readonly finishing: Promise<void>[] = [];
  private last: Promise<void> = Promise.resolve();

  constructor(
    private readonly outDir: string,
    private readonly sink: ResultSink,
  ) {}

  /** Claims `result` now and writes its files behind; resolves once there is room for the next. */
  async add(result: RecordResult): Promise<void> {
    const written = this.sink.claim(result) ? writeFiles(this.outDir, result.files ?? []) : undefined;
    const previous = this.last;
    this.last = (async () => {
      const failure = await written;
      await previous;
      this.sink.finish(result, failure);
    })();
    this.finishing.push(this.last);
    while (this.finishing.length > MOST_BEHIND) await this.finishing.shift();
  }

  /** Resolves once every record added is finished. */
  async drain(): Promise<void> {
    await this.last;
    this.finishing.length = 0;
  }
}

/** Writes `files` at once; the first (in their order) that could not be written, if any. */
async function writeFiles(outDir: string, files: readonly RenderedFile[]): Promise<WriteFailure | undefined> {
  const failures = await Promise.all(
    files.map(async (file): Promise<WriteFailure | undefined> => {
      if (file.data === undefined) return undefined;
      const target = join(outDir, file.name);
      return writeFileAtomicBehind(target, file.data).then(
        () => undefined,
        (reason: unknown) => ({ target, reason }),
      );
    }),
  );
  return failures.find((failure) => failure !== undefined);
}
