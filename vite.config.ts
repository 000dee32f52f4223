import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { datasetsPlugin } from './scripts/vite-plugin-datasets.ts';
import { productionPlugin } from './scripts/vite-plugin-production.ts';

export default defineConfig({
  // The production plugin comes after the datasets plugin: it compresses the packages that one copies.
  plugins: [react(), datasetsPlugin(import.meta.dirname), productionPlugin(import.meta.dirname)],
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
        // The service worker: a fixed name at the root, so that its scope is the app and a new build is found.
        sw: resolve(import.meta.dirname, 'src/sw/sw.ts'),
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  worker: { format: 'es' },
});
