import { defineConfig } from 'vitest/config';

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
    // Empties and removes the folder of things both threads share (tests/helpers/run-once.ts).
    globalSetup: ['tests/helpers/run-folder-setup.ts'],
  },
});
