import { defineConfig } from 'vitest/config';
import { slowFirst } from './tests/slowFirst.ts';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    // The run's folder where the small national package is generated once, on first use (tests/unit/nationalOnce.ts).
    globalSetup: ['tests/unit/globalSetup.ts'],
    // A bound, not an expectation: DuckDB-WASM hangs (no error) when it tries to download an extension offline, so
    // fail instead of stalling; 120 s because tests that take 10 s on a quiet machine took over 30 s at load 15-25.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // Both cores: vitest's default on two is one worker, which leaves the other idle while the long simulations run.
    maxWorkers: 2,
    // Worker threads, not forked processes: every file still gets a fresh worker and module graph (isolate), but no
    // process is started per file, and V8 may reuse a compiled wasm module (DuckDB's is 33 MB) across the threads of
    // one process. Measured on 8 DuckDB files (2026-12-02, load ~23): 40 s user+sys instead of 51 s with forks.
    pool: 'threads',
    // The longest files (measured 2026-12-01, whole suite on two cores) start first: compassSimulation is short and
    // would otherwise start last. Files under ~10 s (firstMap, csvChunks) are left to vitest's order.
    // firstViewNational is the longest by far and needs both shared national packages: it starts at once, and
    // publishedPartitions (which asks for the raw package first) beside it, so each worker generates one package.
    sequence: {
      sequencer: slowFirst([
        'tests/unit/firstViewNational.test.ts',
        'tests/unit/publishedPartitions.test.ts',
        'tests/unit/compassSimulation.test.ts',
        'tests/unit/firstView.test.ts',
        'tests/unit/cbsImportPackage.test.ts',
        'tests/unit/cbsSimplify.test.ts',
        'tests/unit/disclosure.test.ts',
        'tests/unit/cbsImportOut.test.ts',
        'tests/unit/fuzzInputs.test.ts',
        'tests/unit/generate-national.test.ts',
        'tests/unit/partitionTables.test.ts',
      ]),
    },
  },
});
