/**
 * The search index: made with the pages, left alone by a build that changed nothing (built in
 * this thread), and, should Pagefind be unable to run, a warning from the real CLI rather than
 * a failed build.
 */
import { chmodSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateRecords } from '../../bench/generate.js';
import { REPO, runCli, tempProject, type TempProject } from '../helpers/cli.js';
import { buildHere } from '../helpers/site-build.js';
import { writeSearchIndex } from '../../src/site/search-index.js';

/** The Pagefind binary the package runs, as its Node API finds it. */
const PAGEFIND_BINARY = createRequire(join(REPO, 'node_modules', 'pagefind', 'lib', 'index.js')).resolve(
  `@pagefind/${process.platform}-${process.arch}/bin/pagefind_extended`,
);

let project: TempProject;
beforeEach(() => {
  project = tempProject({ withExample: true });
  generateRecords(5, project.path('meetings'), 4);
});
afterEach(() => project?.remove());

describe('the search index', () => {
  it('is made with the pages and left alone by a build that changed nothing', async () => {
    const first = await buildHere(project.dir, { formats: ['html'] });
    expect(first.ok, JSON.stringify(first.diagnostics)).toBe(true);
    const entry = project.path('dist', 'pagefind', 'pagefind-entry.json');
    const made = statSync(entry).mtimeMs;
    const again = await buildHere(project.dir, { formats: ['html'] });
    expect(again.counts).toEqual({ built: 0, unchanged: 6, failed: 0 });
    expect(statSync(entry).mtimeMs).toBe(made);
  });

  it('is made for two sites asked for at once in one process, as a preview’s two builds may', async () => {
    const other = tempProject({ withExample: true });
    try {
      for (const site of [project, other]) {
        expect((await buildHere(site.dir, { formats: ['html'] })).ok).toBe(true);
        rmSync(site.path('dist', 'pagefind'), { recursive: true });
      }
      // Pagefind's one service for the process must not be closed under the other index.
      const both = Promise.all([project, other].map((site) => writeSearchIndex(site.path('dist'), 'en-GB')));
      expect(await Promise.race([both.then(() => 'made'), sleep(30_000).then(() => 'still waiting after 30 s')])).toBe('made');
      for (const site of [project, other]) expect(existsSync(site.path('dist', 'pagefind', 'pagefind.js'))).toBe(true);
    } finally {
      other.remove();
    }
  });

  it('is a warning, not a build that ends without a word, when Pagefind dies writing the index (a file it may not grow: a full disk)', async () => {
    // The real Pagefind, let write no file past 1 KB, as a disk with no room left would: it panics part-way.
    const limited = project.write('small-disk.sh', `#!/bin/sh\nulimit -f 1\nexec "${PAGEFIND_BINARY}" "$@"\n`);
    chmodSync(limited, 0o755);
    const result = await runCli(['build', '--format', 'html'], project.dir, { PAGEFIND_EXTENDED_BINARY_PATH: limited });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('warning  the search index could not be made: Pagefind stopped before it had finished');
    expect(result.stdout).toContain('if the disk is full, make room and build again');
    expect(result.stderr).toContain('built 6, unchanged 0, failed 0');
    expect(readdirSync(project.path('dist')).filter((name) => name.startsWith('.pagefind'))).toEqual([]);
  });

  it('is a warning, not a failed build, when Pagefind cannot run', async () => {
    const result = await runCli(['build', '--format', 'html'], project.dir, { PAGEFIND_BINARY_PATH: project.path('no-such-pagefind') });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('warning  the search index could not be made');
    expect(result.stderr).toContain('built 6, unchanged 0, failed 0');
    expect(existsSync(project.path('dist', '2016-11-07-peru.html'))).toBe(true);
    expect(existsSync(project.path('dist', 'pagefind'))).toBe(false);
    // The next build, with Pagefind back, makes the index.
    const next = await buildHere(project.dir, { formats: ['html'] });
    expect(next.ok, JSON.stringify(next.diagnostics)).toBe(true);
    expect(existsSync(project.path('dist', 'pagefind', 'pagefind.js'))).toBe(true);
  });
});
