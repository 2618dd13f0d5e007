/**
 * The search index of a build that keeps running (`build --watch`, `preview`), made behind
 * its builds rather than in their turn: Pagefind reads every briefing page each time (it cannot
 * update an index), which takes seconds for a large archive, and a save made meanwhile should
 * start its rebuild at once. Indexes are made one at a time; of those asked for while one is
 * made, only the last is made after it, as it answers to the latest pages. Its key reaches the
 * build's manifest in a turn of the rebuild queue, as the builds write the manifest too.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { DeferredSearch } from '../site/search-refresh.js';

export class SearchBehind {
  private making: Promise<void> | undefined;
  private next: DeferredSearch | undefined;

  constructor(
    /** Runs a write to the build's cache in a turn of the builds' queue (RebuildQueue.exclusive). */
    private readonly inTurn: (work: () => Promise<void>) => Promise<void>,
    /** Told of an index that could not be made. */
    private readonly warn: (warnings: Diagnostic[]) => Promise<void>,
  ) {}

  /** Makes `search` once the index being made, if any, is done; replaces one already waiting. */
  add(search: DeferredSearch): void {
    this.next = search;
    this.making ??= this.makeWaiting();
  }

  /** Settles when no index is being made or waiting. */
  async idle(): Promise<void> {
    while (this.making) await this.making;
  }

  private async makeWaiting(): Promise<void> {
    try {
      for (let search = this.next; search; search = this.next) {
        this.next = undefined;
        const made = await search.make();
        const key = made.key;
        if (key) await this.inTurn(() => search.record(key));
        if (made.warning) await this.warn([made.warning]);
      }
    } finally {
      this.making = undefined;
    }
  }
}
