import { describe, expect, it } from 'vitest';
import { fileDiagnostic, type Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { SearchBehind } from '../../src/preview/search-behind.js';
import { RebuildQueue } from '../../src/preview/rebuild-queue.js';
import type { DeferredSearch } from '../../src/site/search-refresh.js';

/** A search index to make, whose making ends when the test says so. */
function searchFor(name: string, events: string[], outcome: { key?: string; warning?: Diagnostic } = { key: name }) {
  let end!: () => void;
  const ended = new Promise<void>((resolve) => (end = resolve));
  const search = {
    make: async () => {
      events.push(`make ${name}`);
      await ended;
      events.push(`made ${name}`);
      return outcome;
    },
    record: async (key: string) => void events.push(`record ${key}`),
  } as unknown as DeferredSearch; // only make and record are used
  return { search, end };
}

describe('the search index of a build that keeps running', () => {
  it('is made one at a time, behind the builds; of those asked for meanwhile only the last is made, and recorded in a build’s turn', async () => {
    const events: string[] = [];
    const queue = new RebuildQueue(
      async () => undefined,
      () => undefined,
    );
    const behind = new SearchBehind(
      (work) => queue.exclusive(work),
      async () => undefined,
    );
    const [first, second, third] = [searchFor('first', events), searchFor('second', events), searchFor('third', events)];
    behind.add(first.search);
    await Promise.resolve();
    // A build runs while the first index is made: it is not held up by it.
    let endBuild!: () => void;
    const build = queue.exclusive(() => new Promise<void>((resolve) => (endBuild = resolve)).then(() => void events.push('build done')));
    behind.add(second.search);
    behind.add(third.search);
    first.end();
    await new Promise((resolve) => setTimeout(resolve, 10));
    // Made, but its key waits for the build's turn to end before it reaches the manifest.
    expect(events).toEqual(['make first', 'made first']);
    endBuild();
    await build;
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(events).toEqual(['make first', 'made first', 'build done', 'record first', 'make third']);
    const idle = behind.idle();
    third.end();
    await idle;
    expect(events).toEqual(['make first', 'made first', 'build done', 'record first', 'make third', 'made third', 'record third']);
    // The second, outdated before its turn came, was never made.
    expect(events.filter((event) => event.endsWith('second'))).toEqual([]);
  });

  it('passes on a warning and records nothing when an index could not be made, then goes on', async () => {
    const events: string[] = [];
    const warnings: Diagnostic[] = [];
    const behind = new SearchBehind(
      (work) => work(),
      async (told) => void warnings.push(...told),
    );
    const warning = fileDiagnostic('pagefind', { severity: 'warning', rule: 'search-index', message: 'the search index could not be made' });
    const failing = searchFor('failing', events, { warning });
    const next = searchFor('next', events);
    behind.add(failing.search);
    failing.end();
    await behind.idle();
    behind.add(next.search);
    next.end();
    await behind.idle();
    expect(warnings).toEqual([warning]);
    expect(events).toEqual(['make failing', 'made failing', 'make next', 'made next', 'record next']);
  });
});
