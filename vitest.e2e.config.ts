import { defineConfig } from 'vitest/config';
import { slowFirst } from './tests/slowFirst.ts';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/globalSetup.ts'],
    environment: 'node',
    // Bounds, not expectations: a wait for a state may take up to harness.ts's WAIT on a busy machine.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // An `expect.poll` waits for a state the page reaches; vitest's default gives up after 1 s, which a busy CI
    // machine overran (verkennen's hover filter, 2026-12-02). The same bound as harness.ts's WAIT.
    expect: { poll: { timeout: 120_000 } },
    // Two files at a time (each its own server, browser and data folder): much of a file's time is its browser
    // waiting on DuckDB and the page, and vitest's default on two cores is one at a time.
    maxWorkers: 2,
    // The longest files start first, so the run does not end on one long file with a worker idle (CI, 2026-12-02,
    // after most files stopped reloading the page between tests; national was left to vitest's order before).
    sequence: {
      sequencer: slowFirst(
        [
          'responsive',
          'national',
          'printFirstTime',
          'data',
          'hostileStrings',
          'kompas',
          'verkennen',
          'overview',
          'realYears',
          'offline',
          'sqlConsole',
          'wijkagenda',
          'handout',
          'compass',
          'cbs',
          'mapTakeover',
          'datasetSwitch',
          'realNames',
          'missingReason',
          'kompasTable',
        ].map((name) => `tests/e2e/${name}.test.ts`),
      ),
    },
  },
});
