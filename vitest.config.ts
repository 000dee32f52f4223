import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    // DuckDB-WASM hangs (no error) when it tries to download an extension offline; fail instead of stalling.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Both cores: vitest's default on two is one worker, which leaves the other idle while the long simulations run.
    maxWorkers: 2,
  },
});
