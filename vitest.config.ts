import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Browser and subprocess tests share two cores; more workers only contend.
    maxWorkers: 2,
    maxConcurrency: 4,
  },
});
