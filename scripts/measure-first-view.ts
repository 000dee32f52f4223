/**
 * Measures, on the built app (`npm run build` first), how long the first Kompas takes to appear in headless
 * Chromium, cold (fresh browser context, empty cache) and warm (same context, reloaded), and the size of what the
 * build ships (raw and gzip). Prints a table and writes bench-results/first-view.json.
 *
 *   npx tsx scripts/measure-first-view.ts [--runs 5] [--url-params "?area=WK999901"]
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext } from 'playwright-core';
import { preview } from 'vite';
import { parseCommandLine } from './args.ts';
import { launchBrowser, mapIdle } from './browser.ts';

const ROOT = join(import.meta.dirname, '..');
const { values: flags } = parseCommandLine(process.argv.slice(2), {
  runs: { type: 'string', default: '5' },
  'url-params': { type: 'string', default: '' },
});
const RUNS = Number(flags.runs);
const PARAMS = flags['url-params'];

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Navigation start → Kompas rows on screen and the map idle, in ms (from the page's own clock). */
interface FirstView {
  kompas: number;
  map: number;
  /** The app's own performance marks (DuckDB ready, files fetched, package loaded), ms from navigation. */
  marks: Record<string, number>;
}

async function firstView(context: BrowserContext, url: string): Promise<FirstView> {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.querySelectorAll('.kompas-table tbody tr').length > 0, null, {
    timeout: 60_000,
  });
  const kompas = await page.evaluate(() => performance.now());
  const marks = await page.evaluate(() =>
    Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)])),
  );
  await mapIdle(page);
  const map = await page.evaluate(() => performance.now());
  await page.close();
  return { kompas, map, marks };
}

function summary(runs: FirstView[]) {
  const names = [...new Set(runs.flatMap((r) => Object.keys(r.marks)))];
  return {
    kompasMs: median(runs.map((r) => r.kompas)),
    mapIdleMs: median(runs.map((r) => r.map)),
    marks: Object.fromEntries(names.map((n) => [n, median(runs.map((r) => r.marks[n] ?? Number.NaN))])),
  };
}

function sizes(): { file: string; raw: number; gzip: number }[] {
  const dir = join(ROOT, 'dist', 'assets');
  return readdirSync(dir)
    .filter((f) => /\.(js|mjs|wasm|css)$/.test(f))
    .map((f) => {
      const bytes = readFileSync(join(dir, f));
      return { file: f, raw: statSync(join(dir, f)).size, gzip: gzipSync(bytes, { level: 9 }).length };
    })
    .sort((a, b) => b.raw - a.raw);
}

async function main() {
  const server = await preview({ root: ROOT, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
  const base = server.resolvedUrls?.local[0];
  if (!base) throw new Error('vite preview did not start');
  const url = `${base}${PARAMS}`;
  const browser = await launchBrowser();
  const cold: FirstView[] = [];
  const warm: FirstView[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    cold.push(await firstView(context, url));
    warm.push(await firstView(context, url));
    await context.close();
  }
  await browser.close();
  await server.close();

  const result = {
    runs: RUNS,
    url: PARAMS || '/',
    cold: summary(cold),
    warm: summary(warm),
    assets: sizes(),
  };
  console.log(`first view, median of ${RUNS} (ms from navigation start)`);
  for (const [name, r] of [
    ['cold', result.cold],
    ['warm', result.warm],
  ] as const) {
    const marks = Object.entries(r.marks)
      .map(([k, v]) => `${k.replace('gk:', '')} ${v}`)
      .join(', ');
    console.log(`  ${name}: Kompas ${r.kompasMs.toFixed(0)}, map idle ${r.mapIdleMs.toFixed(0)} (${marks})`);
  }
  console.log('assets (raw / gzip -9, KB)');
  for (const a of result.assets)
    console.log(
      `  ${a.file.padEnd(44)} ${(a.raw / 1024).toFixed(1).padStart(9)} ${(a.gzip / 1024).toFixed(1).padStart(9)}`,
    );
  mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench-results', 'first-view.json'), `${JSON.stringify(result, null, 2)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
