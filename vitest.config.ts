import { relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take longest, longest first (measured with `--reporter=json`). Two threads
 * finish together only if the long files start early: vitest orders by the durations it
 * cached on an earlier run, which a fresh clone or a CI runner does not have (it then starts
 * the largest files first, which are not the slowest). A file not listed runs after these, in
 * vitest's own order.
 */
const LONGEST_FIRST = [
  'tests/e2e/package.test.ts',
  'tests/site/incremental.test.ts',
  'tests/e2e/site-browser.test.ts',
  'tests/e2e/cli.test.ts',
  'tests/site/atomic.test.ts',
  'tests/e2e/docx.test.ts',
  'tests/cli/build-watch.test.ts',
  'tests/e2e/pdf.test.ts',
  'tests/site/pool.test.ts',
  'tests/cli/authoring.test.ts',
  'tests/format/record.test.ts',
  'tests/load/markdown.test.ts',
  'tests/preview/preview.test.ts',
  'tests/bench/peers.test.ts',
  'tests/render/pdf/layout.test.ts',
  'tests/site/git-dates.test.ts',
  'tests/pipeline.fuzz.test.ts',
];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification): number => {
      const at = LONGEST_FIRST.indexOf(relative(file.project.config.root, file.moduleId).replaceAll('\\', '/'));
      return at === -1 ? LONGEST_FIRST.length : at;
    };
    // Array.prototype.sort is stable: the unlisted files keep vitest's order among themselves.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Test files share one module graph in two worker threads: loading src/ once per worker
    // rather than once per file saves most of the suite's start-up. No test changes the
    // process's directory or environment, and each works in its own temporary folder.
    pool: 'threads',
    isolate: false,
    // Browser and subprocess tests share two cores; more workers only contend.
    maxWorkers: 2,
    maxConcurrency: 4,
    sequence: { sequencer: LongestFirst },
    // Empties and removes the folder of things both threads share (tests/helpers/run-once.ts).
    globalSetup: ['tests/helpers/run-folder-setup.ts'],
  },
});
