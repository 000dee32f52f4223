import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { datasetsPlugin } from './scripts/vite-plugin-datasets.ts';

export default defineConfig({
  plugins: [react(), datasetsPlugin(import.meta.dirname)],
  // Relative asset URLs: the built app works from any sub-path of a static host.
  base: './',
  build: {
    // GK_OUT_DIR lets several checkouts' test runs share one tree without overwriting each other's build.
    outDir: process.env.GK_OUT_DIR ?? 'dist',
    target: 'es2022',
    // DuckDB's wasm is a separate 34 MB asset; the JS chunks stay small and are reported by the benchmark.
    chunkSizeWarningLimit: 1500,
    assetsInlineLimit: 0,
    // The benchmark's baseline page (src/baseline/) is built next to the app; it is not linked from the app.
    rolldownOptions: {
      input: {
        main: resolve(import.meta.dirname, 'index.html'),
        baseline: resolve(import.meta.dirname, 'src/baseline/index.html'),
      },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  worker: { format: 'es' },
});
