/**
 * The rebuild queue preview and `build --watch` share: builds never overlap, saves made during
 * a build are gathered into exactly one more, and a failed build does not stop the queue.
 */
import { describe, expect, it } from 'vitest';
import { RebuildQueue } from '../../src/preview/rebuild-queue.js';

/** A rebuild that records what it was given and finishes only when told to. */
function controlledRebuild() {
  const builds: string[][] = [];
  const finishers: (() => void)[] = [];
  let running = 0;
  let overlapped = false;
  const rebuild = (changed: ReadonlySet<string>): Promise<void> => {
    builds.push([...changed].sort());
    running++;
    if (running > 1) overlapped = true;
    return new Promise<void>((resolve) => finishers.push(() => ((running -= 1), resolve())));
  };
  /** Waits (a second at most) until the next build has started, then lets it finish. */
  const finishNext = async (): Promise<void> => {
    for (let waited = 0; finishers.length === 0; waited++) {
      if (waited > 1000) throw new Error(`no build started; builds so far: ${JSON.stringify(builds)}`);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    finishers.shift()!();
  };
  return { builds, rebuild, finishNext, overlapped: () => overlapped, running: () => running };
}

describe('RebuildQueue', () => {
  it('queues exactly one more build for the saves made during a build', async () => {
    const control = controlledRebuild();
    const queue = new RebuildQueue(control.rebuild, (error) => {
      throw error;
    });
    const first = queue.request(['a.md']);
    await new Promise((resolve) => setTimeout(resolve, 5)); // the first build is under way
    expect(control.builds).toEqual([['a.md']]);
    const saves = [queue.request(['b.md']), queue.request(['c.md']), queue.request(['b.md', 'theme.yaml'])];
    await control.finishNext();
    await first;
    await control.finishNext();
    await Promise.all(saves);
    expect(control.builds).toEqual([['a.md'], ['b.md', 'c.md', 'theme.yaml']]);
    await queue.idle();
    expect(control.builds).toHaveLength(2);
    expect(control.overlapped()).toBe(false);
  });

  it('gathers saves made before the waiting build starts into it', async () => {
    const control = controlledRebuild();
    const queue = new RebuildQueue(control.rebuild, () => undefined);
    const saves = [queue.request(['a.md']), queue.request(['b.md'])];
    await control.finishNext();
    await Promise.all(saves);
    await queue.idle();
    expect(control.builds).toEqual([['a.md', 'b.md']]);
  });

  it('runs other work (a format built on request) between builds, never during one', async () => {
    const control = controlledRebuild();
    const queue = new RebuildQueue(control.rebuild, () => undefined);
    void queue.request(['a.md']);
    await new Promise((resolve) => setTimeout(resolve, 5)); // build a under way: b.md will need another
    const pdf = queue.exclusive(async () => `pdf, with ${control.builds.length} build(s) started and ${control.running()} running`);
    void queue.request(['b.md']);
    await control.finishNext();
    expect(await pdf).toBe('pdf, with 1 build(s) started and 0 running');
    await control.finishNext();
    await queue.idle();
    expect(control.builds).toEqual([['a.md'], ['b.md']]);
    expect(control.overlapped()).toBe(false);
  });

  it('reports a failed build and goes on with the next', async () => {
    const errors: unknown[] = [];
    const built: string[] = [];
    const queue = new RebuildQueue(
      async (changed) => {
        if (changed.has('bad.md')) throw new Error('template broke');
        built.push(...changed);
      },
      (error) => errors.push(error),
    );
    await queue.request(['bad.md']);
    await queue.request(['good.md']);
    expect(errors.map((error) => (error as Error).message)).toEqual(['template broke']);
    expect(built).toEqual(['good.md']);
  });
});
