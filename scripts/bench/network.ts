/**
 * What the user feels over the town hall's Wi-Fi (issue 15): the first view over an emulated municipal connection
 * (CDP Network.emulateNetworkConditions: 20 Mbit/s down, 40 ms RTT) from the production server with compression;
 * the bytes sent on the first and on a repeat visit, counted by the server on its sockets (page, workers and the
 * service worker alike, headers included); the first view served by the service worker, online and offline; and the
 * first visit's bytes without compression (Accept-Encoding: identity), to show what compression saves.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { BenchOptions } from './options.ts';
import { first, reason, waitForMarks, withTimeout } from './page.ts';
import type { Served } from './server.ts';
import type { Results, Target } from './stats.ts';

export const CONNECTION = { downMbit: 20, upMbit: 10, rttMs: 40 };
const KB = 1024;

async function emulate(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: CONNECTION.rttMs,
    downloadThroughput: (CONNECTION.downMbit * 1e6) / 8,
    uploadThroughput: (CONNECTION.upMbit * 1e6) / 8,
  });
}

/** One navigation to the first Kompas; returns ms from navigation start, or throws when it does not come. */
async function visit(page: Page, url: string, opts: BenchOptions): Promise<number> {
  await withTimeout(page.goto(url, { waitUntil: 'commit', timeout: opts.loadTimeoutMs }), opts.loadTimeoutMs, 'nav');
  const { marks, missing } = await waitForMarks(page, ['gk:kompas-drawn'], opts.loadTimeoutMs, 0);
  if (missing.length > 0) throw new Error('gk:kompas-drawn never appeared');
  return first(marks, 'gk:kompas-drawn')!;
}

/** Waits until the service worker is active and holds the package files the page has seen. */
async function serviceWorkerReady(page: Page, opts: BenchOptions): Promise<boolean> {
  const ready = page.evaluate(async () => {
    if (!('serviceWorker' in navigator)) return false;
    await navigator.serviceWorker.ready;
    for (;;) {
      const keys = await (await caches.open('gk-data')).keys();
      if (keys.some((k) => k.url.includes('/data/'))) return true;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
  return withTimeout(ready, opts.loadTimeoutMs, 'service worker').catch(() => false);
}

/** Bytes the server sent while `work` ran (the sockets' own count; idle keep-alive sockets count too). */
async function sentDuring<T>(served: Served, work: () => Promise<T>): Promise<{ result: T; kb: number }> {
  const before = served.bytesSent();
  const result = await work();
  // Late responses of the visit (prefetches, the worker's cache fills) still arrive: let them land.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  return { result, kb: (served.bytesSent() - before) / KB };
}

export async function measureNetwork(
  browser: Browser,
  served: Served,
  url: string,
  target: Target,
  opts: BenchOptions,
  results: Results,
  viewport: { width: number; height: number },
  log: (line: string) => void,
): Promise<void> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  try {
    await emulate(context, page);
    // The first visit lasts until the service worker has filled its caches: what it fetches counts too.
    let sw = false;
    const firstVisit = await sentDuring(served, async () => {
      const ms = await visit(page, url, opts);
      sw = target === 'app' && (await serviceWorkerReady(page, opts));
      return ms;
    });
    results.series('net_first_view_kompas_ms', target).add(firstVisit.result);
    results.series('net_first_visit_kb', target).add(firstVisit.kb);
    log(
      `  ${target} over ${CONNECTION.downMbit} Mbit/s, ${CONNECTION.rttMs} ms: first Kompas ${firstVisit.result.toFixed(0)} ms, ${(firstVisit.kb / KB).toFixed(2)} MB sent`,
    );
    if (target === 'app' && !sw) log(`  ${target}: no active service worker with the package cached`);
    // A repeat visit in the same browser: a new page, as when the link is opened again from the agenda.
    const again = await context.newPage();
    await emulate(context, again);
    const repeat = await sentDuring(served, () => visit(again, url, opts));
    results.series('net_repeat_visit_kb', target).add(repeat.kb);
    const viaWorker = await again.evaluate(() => navigator.serviceWorker?.controller !== null);
    if (viaWorker) results.series('net_sw_first_view_kompas_ms', target).add(repeat.result);
    else results.na('net_sw_first_view_kompas_ms', target, 'no service worker controls the page');
    log(
      `  ${target} repeat visit: first Kompas ${repeat.result.toFixed(0)} ms${viaWorker ? ' (service worker)' : ''}, ${repeat.kb.toFixed(0)} KB sent`,
    );
    await again.close();
    if (viaWorker) {
      await context.setOffline(true);
      const offline = await context.newPage();
      const ms = await visit(offline, url, opts).catch((e: unknown) => {
        log(`  ${target} offline: ${reason(e)}`);
        return null;
      });
      results.series('net_offline_first_view_kompas_ms', target).add(ms);
      if (ms !== null) log(`  ${target} offline: first Kompas ${ms.toFixed(0)} ms`);
      await context.setOffline(false);
    } else results.na('net_offline_first_view_kompas_ms', target, 'no service worker controls the page');
  } catch (error) {
    const why = reason(error);
    log(`  ${target} network: ${why}`);
    for (const key of ['net_first_view_kompas_ms', 'net_first_visit_kb', 'net_repeat_visit_kb'])
      results.series(key, target).fail(why);
  } finally {
    await context.close().catch(() => undefined);
  }

  // The same first visit without compression: what the server sends a browser that does not accept it.
  // Set on the context, so that the workers' requests (DuckDB fetches its wasm in its worker) carry it too.
  const plain = await browser.newContext({ viewport, extraHTTPHeaders: { 'Accept-Encoding': 'identity' } });
  const plainPage = await plain.newPage();
  try {
    await emulate(plain, plainPage);
    const visitPlain = await sentDuring(served, async () => {
      const ms = await visit(plainPage, url, opts);
      if (target === 'app') await serviceWorkerReady(plainPage, opts);
      return ms;
    });
    results.series('net_first_view_uncompressed_kompas_ms', target).add(visitPlain.result);
    results.series('net_first_visit_uncompressed_kb', target).add(visitPlain.kb);
    log(
      `  ${target} without compression: first Kompas ${visitPlain.result.toFixed(0)} ms, ${(visitPlain.kb / KB).toFixed(2)} MB sent`,
    );
  } catch (error) {
    const why = reason(error);
    log(`  ${target} without compression: ${why}`);
    results.series('net_first_visit_uncompressed_kb', target).fail(why);
  } finally {
    await plain.close().catch(() => undefined);
  }
}
