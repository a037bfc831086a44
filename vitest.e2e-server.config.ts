import { defineConfig } from 'vitest/config';

/** The editing spec alone: it starts its own atlas server (no preview global setup). */
export default defineConfig({
  test: {
    include: ['test/e2e/editing.e2e.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    maxWorkers: 1,
  },
});
