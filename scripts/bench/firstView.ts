/**
 * First view, cold (a new browser context: empty cache) and warm (the same page reloaded): navigation start →
 * `gk:kompas-drawn`, and → the map idle. The first cold run also measures what was fetched (JS up to the Kompas,
 * gzip -9; the wasm; the dataset bytes up to the map idle) and the memory once loaded.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page, Response } from 'playwright-core';
import { mapIdle } from '../browser.ts';
import type { BenchOptions } from './options.ts';
import { first, reason, waitForMarks, withTimeout } from './page.ts';
import type { Results, Target } from './stats.ts';

export const VIEWPORT = { width: 1440, height: 1000 };
const KB = 1024;
const MB = 1024 * 1024;

interface Load {
  /** Null when the page never set gk:kompas-drawn. */
  kompas: number | null;
  /** The Kompas with all its theme tables (the app draws them right after the first paint); null when never set. */
  complete: number | null;
  mapIdle: number;
}

async function loadOnce(
  page: Page,
  navigate: () => Promise<unknown>,
  opts: BenchOptions,
  kompasMark: boolean,
): Promise<Load> {
  const deadline = Date.now() + opts.loadTimeoutMs;
  await withTimeout(navigate(), opts.loadTimeoutMs, 'navigation');
  let kompas: number | null = null;
  let complete: number | null = null;
  if (kompasMark) {
    const { marks } = await waitForMarks(page, ['gk:kompas-drawn'], opts.loadTimeoutMs, 0);
    kompas = first(marks, 'gk:kompas-drawn') ?? null;
    if (kompas !== null) {
      const rest = Math.max(1000, deadline - Date.now());
      const done = await waitForMarks(page, ['gk:kompas-complete'], rest, 0);
      complete = first(done.marks, 'gk:kompas-complete') ?? null;
    }
  }
  const left = Math.max(1000, deadline - Date.now());
  await withTimeout(mapIdle(page, left), left, 'first view: map idle');
  const idle = await page.evaluate(() => performance.now());
  return { kompas, complete, mapIdle: idle };
}

/** Collects the responses of a page by kind while `collecting`. */
class Fetched {
  collecting = true;
  readonly js: Response[] = [];
  readonly wasm: Response[] = [];
  readonly data: Response[] = [];

  listen(page: Page) {
    page.on('response', (r) => {
      if (!this.collecting) return;
      const path = new URL(r.url()).pathname;
      if (/\.m?js$/.test(path)) this.js.push(r);
      else if (path.endsWith('.wasm')) this.wasm.push(r);
      else if (path.startsWith('/data/')) this.data.push(r);
    });
  }

  /**
   * The bodies of these responses. Chromium's inspector drops big bodies (the 34 MB wasm): those are read from the
   * built file the server sent (dist/ + the URL's path).
   */
  async #bodies(list: Response[], dist: string): Promise<Buffer[]> {
    const read = async (r: Response) => {
      try {
        return await r.body();
      } catch {
        const path = join(dist, decodeURIComponent(new URL(r.url()).pathname));
        return path.startsWith(dist) && existsSync(path) ? readFileSync(path) : null;
      }
    };
    return (await Promise.all(list.map(read))).filter((b): b is Buffer => b !== null);
  }

  /** `kompasAt`: when the Kompas was drawn, ms since the epoch; JS requested later does not count. */
  async record(results: Results, target: Target, diskBytes: number, dist: string, kompasAt: number) {
    const bodies = (list: Response[]) => this.#bodies(list, dist);
    const gzip = (list: Buffer[]) => list.reduce((s, b) => s + gzipSync(b, { level: 9 }).length, 0);
    const js = await bodies(this.js.filter((r) => r.request().timing().startTime <= kompasAt));
    results.series('js_gzip_before_kompas_kb', target).add(gzip(js) / KB);
    const wasm = await bodies(this.wasm);
    results.series('wasm_raw_kb', target).add(wasm.reduce((s, b) => s + b.length, 0) / KB);
    results.series('wasm_gzip_kb', target).add(gzip(wasm) / KB);
    let data = 0;
    for (const r of this.data)
      data += (
        await r
          .request()
          .sizes()
          .catch(() => ({ responseBodySize: 0 }))
      ).responseBodySize;
    results.series('data_fetched_first_view_kb', target).add(data / KB);
    results.series('package_on_disk_kb', target).add(diskBytes / KB);
  }
}

async function memory(page: Page, results: Results, target: Target) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  results.series('memory_js_heap_mb', target).add((metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / MB);
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { backingStorageSize?: number };
  if (usage.backingStorageSize === undefined)
    results.na('memory_array_buffers_mb', target, 'this Chromium does not report backingStorageSize');
  else results.series('memory_array_buffers_mb', target).add(usage.backingStorageSize / MB);
  await cdp.detach();
  const db = await withTimeout(
    page.evaluate(async () => {
      const hook = window.__gebiedskompas?.dbMemory;
      return hook ? await hook() : 'missing';
    }),
    30_000,
    'dbMemory()',
  ).catch((e: unknown) => `failed: ${reason(e)}`);
  if (typeof db === 'number') results.series('memory_duckdb_mb', target).add(db / MB);
  else
    results.na(
      'memory_duckdb_mb',
      target,
      db === null
        ? 'dbMemory() returned null'
        : db === 'missing'
          ? 'no window.__gebiedskompas.dbMemory on this page'
          : String(db),
    );
}

export async function measureFirstViews(
  browser: Browser,
  url: string,
  target: Target,
  opts: BenchOptions,
  results: Results,
  diskBytes: number,
  dist: string,
  log: (line: string) => void,
): Promise<void> {
  let kompasMark = true;
  let failedInARow = 0;
  for (let run = 0; run < opts.runs; run++) {
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    const fetched = new Fetched();
    if (run === 0) fetched.listen(page);
    const kinds = [
      ['cold', () => page.goto(url, { waitUntil: 'commit', timeout: opts.loadTimeoutMs })],
      ['warm', () => page.reload({ waitUntil: 'commit', timeout: opts.loadTimeoutMs })],
    ] as const;
    try {
      for (const [kind, navigate] of kinds) {
        const load = await loadOnce(page, navigate, opts, kompasMark);
        if (load.kompas === null) {
          kompasMark = false;
          results.na(`first_view_${kind}_kompas_ms`, target, 'mark gk:kompas-drawn never appeared');
        }
        results.series(`first_view_${kind}_kompas_ms`, target).add(load.kompas);
        if (load.kompas !== null && load.complete === null)
          results.series(`first_view_${kind}_kompas_complete_ms`, target).fail('no gk:kompas-complete');
        else results.series(`first_view_${kind}_kompas_complete_ms`, target).add(load.complete);
        results.series(`first_view_${kind}_map_idle_ms`, target).add(load.mapIdle);
        log(
          `  ${target} first view ${kind} #${run + 1}: Kompas ${load.kompas?.toFixed(0) ?? 'n/a'} ms, complete ${load.complete?.toFixed(0) ?? 'n/a'} ms, map idle ${load.mapIdle.toFixed(0)} ms`,
        );
        if (run === 0 && kind === 'cold') {
          // The JS counted is what was requested before the Kompas was drawn; the data, until the map was idle.
          fetched.collecting = false;
          try {
            const origin = await page.evaluate(() => performance.timeOrigin);
            await fetched.record(results, target, diskBytes, dist, origin + (load.kompas ?? load.mapIdle));
            await withTimeout(memory(page, results, target), opts.loadTimeoutMs, 'memory');
          } catch (error) {
            log(`  ${target}: sizes or memory not measured: ${reason(error)}`);
            results.na('memory_js_heap_mb', target, reason(error));
          }
        }
      }
      failedInARow = 0;
    } catch (error) {
      const why = reason(error);
      log(`  ${target} first view #${run + 1} failed: ${why}`);
      for (const kind of ['cold', 'warm'])
        for (const what of ['kompas', 'map_idle']) results.series(`first_view_${kind}_${what}_ms`, target).fail(why);
      if (++failedInARow >= 2) {
        log(`  ${target}: two first views in a row failed; no more runs`);
        break;
      }
    } finally {
      await context.close().catch(() => undefined);
    }
  }
}
