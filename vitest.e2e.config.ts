import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/globalSetup.ts'],
    environment: 'node',
    // Bounds, not expectations: a wait for a state may take up to harness.ts's WAIT on a busy machine.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // Two files at a time (each its own server, browser and data folder): much of a file's time is its browser
    // waiting on DuckDB and the page, and vitest's default on two cores is one at a time.
    maxWorkers: 2,
  },
});
