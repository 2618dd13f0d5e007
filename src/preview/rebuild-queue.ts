/**
 * The one queue of builds for `preview` and `build --watch`. Builds never overlap: each piece of
 * work (a rebuild after saves, the first build, a format built on first request) waits for the
 * one before it. Saves made while a build runs are gathered into one more rebuild, so nothing
 * saved is lost and a burst of saves costs one build, not one each.
 */
export type Rebuild = (changed: ReadonlySet<string>) => Promise<void>;

export class RebuildQueue {
  /** The end of the line: the last piece of work queued, settled either way. */
  private turn: Promise<unknown> = Promise.resolve();
  /** Files saved since the waiting rebuild was queued; none when no rebuild is waiting. */
  private pending: Set<string> | undefined;
  private waiting: Promise<void> = Promise.resolve();

  constructor(
    private readonly rebuild: Rebuild,
    /** Told of a rebuild that threw; the queue goes on. */
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Runs `work` once everything queued before it has finished; its result or error is the caller's. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.turn.then(work, work);
    this.turn = next.catch(() => undefined);
    return next;
  }

  /**
   * Asks for a rebuild of these changed files. While a rebuild waits its turn, later changes
   * join it; once it starts, the next change queues one more. Settles when the rebuild that
   * includes these changes has finished.
   */
  request(changed: Iterable<string>): Promise<void> {
    if (this.pending) {
      for (const file of changed) this.pending.add(file);
      return this.waiting;
    }
    const batch = new Set(changed);
    this.pending = batch;
    this.waiting = this.exclusive(() => {
      this.pending = undefined; // from here on, a save queues the next rebuild
      return this.rebuild(batch);
    }).catch(this.onError);
    return this.waiting;
  }

  /** Settles when everything queued so far has finished. */
  idle(): Promise<void> {
    return this.exclusive(async () => undefined);
  }
}
