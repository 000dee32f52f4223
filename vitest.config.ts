import { defineConfig } from 'vitest/config';
import { slowFirst } from './tests/slowFirst.ts';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    // DuckDB-WASM hangs (no error) when it tries to download an extension offline; fail instead of stalling.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Both cores: vitest's default on two is one worker, which leaves the other idle while the long simulations run.
    maxWorkers: 2,
    // The longest files (CI, 2026-12) start first: compassSimulation is short and would otherwise start last.
    sequence: {
      sequencer: slowFirst([
        'tests/unit/compassSimulation.test.ts',
        'tests/unit/cbsImportPackage.test.ts',
        'tests/unit/firstView.test.ts',
        'tests/unit/disclosure.test.ts',
        'tests/unit/cbsSimplify.test.ts',
        'tests/unit/cbsImportOut.test.ts',
        'tests/unit/fuzzInputs.test.ts',
        'tests/unit/generate-national.test.ts',
        'tests/unit/partitionTables.test.ts',
      ]),
    },
  },
});
