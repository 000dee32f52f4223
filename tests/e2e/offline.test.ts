/**
 * Issue 15 (bytes, offline) and issue 16 (CSP): the built app as the production server (`vite preview` with
 * scripts/vite-plugin-production.ts) serves it — precompressed, typed, cached, under its Content-Security-Policy —
 * and, after a first visit, opens offline from its service worker; a redeploy is announced, not a blank page.
 *
 * The build is served from a copy in a temporary folder, so the test can "redeploy" by changing its sw.js.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../scripts/vite-plugin-production.ts';
import { createI18n } from '../../src/app/i18n/index.tsx';
import { validateAreas, validateDatasetMeta } from '../../src/data/validate.ts';
import { DEMO, readPackage } from '../fixtures/readPackage.ts';
import { ARTIFACTS, kompasShows, launchBrowser, mapIdle, type Served, serveBuiltApp } from './harness.ts';

const files = readPackage(DEMO);
const meta = validateDatasetMeta(files['dataset.json']);
const defaultArea = validateAreas(files['areas.geojson']).find((a) => a.code === meta.default_area)!;
const nl = createI18n('nl');
const built = resolve(import.meta.dirname, '../..', process.env.GK_OUT_DIR ?? 'dist');

describe('the production server and the offline app', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gk-offline-'));
  const previousOutDir = process.env.GK_OUT_DIR;
  let served: Served;
  let browser: Browser;
  let context: BrowserContext;
  const asset = (pattern: RegExp) => readdirSync(join(dir, 'assets')).find((f) => pattern.test(f))!;

  beforeAll(async () => {
    cpSync(built, dir, { recursive: true });
    served = await serveBuiltApp({ GK_OUT_DIR: dir });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, serviceWorkers: 'allow' });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await served?.close();
    if (previousOutDir === undefined) delete process.env.GK_OUT_DIR;
    else process.env.GK_OUT_DIR = previousOutDir;
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends the wasm and the JS precompressed, with their types and cache headers', async () => {
    const wasm = asset(/^duckdb-eh-.*\.wasm$/);
    const main = asset(/^main-.*\.js$/);
    const head = async (path: string, encoding: string) => {
      const res = await fetch(`${served.url}${path}`, { headers: { 'accept-encoding': encoding } });
      // Node's fetch decodes the body; the bytes on the wire are the compressed file's.
      await res.arrayBuffer();
      return res.headers;
    };
    const wasmBr = await head(`assets/${wasm}`, 'gzip, deflate, br');
    expect(wasmBr.get('content-encoding')).toBe('br');
    expect(wasmBr.get('content-type')).toBe('application/wasm');
    expect(wasmBr.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(wasmBr.get('vary')).toBe('Accept-Encoding');
    expect(Number(wasmBr.get('content-length'))).toBe(statSync(join(dir, 'assets', `${wasm}.br`)).size);
    // The brotli wasm is a fraction of the raw one.
    expect(statSync(join(dir, 'assets', `${wasm}.br`)).size).toBeLessThan(statSync(join(dir, 'assets', wasm)).size / 4);
    const wasmGzip = await head(`assets/${wasm}`, 'gzip');
    expect(wasmGzip.get('content-encoding')).toBe('gzip');
    expect(wasmGzip.get('content-type')).toBe('application/wasm');
    const wasmPlain = await head(`assets/${wasm}`, 'identity');
    expect(wasmPlain.get('content-encoding')).toBeNull();
    expect(Number(wasmPlain.get('content-length'))).toBe(statSync(join(dir, 'assets', wasm)).size);

    const js = await head(`assets/${main}`, 'br');
    expect(js.get('content-encoding')).toBe('br');
    expect(js.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.get('cache-control')).toBe('public, max-age=31536000, immutable');

    for (const path of ['', 'sw.js', 'manifest.webmanifest']) {
      const headers = await head(path, 'br');
      expect(headers.get('cache-control'), path).toBe('no-cache');
    }
    const page = await head('', 'br');
    expect(page.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(CONTENT_SECURITY_POLICY).toContain("worker-src 'self' blob:");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|'unsafe-eval'|script-src[^;]*'unsafe-inline'/);
    // Package files, read live by the preview server, come compressed too and revalidate.
    const data = await head('data/demo/observations.csv', 'br');
    expect(data.get('content-encoding')).toBe('br');
    expect(data.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(data.get('cache-control')).toBe('no-cache');
    // The build also wrote compressed copies of the packages for a static host.
    expect(existsSync(join(dir, 'data', 'demo', 'observations.csv.br'))).toBe(true);
  });

  it('works under its CSP, then opens offline from the service worker, and announces a new version', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.addInitScript(() => {
      (window as unknown as { __cspViolations: string[] }).__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { __cspViolations: string[] }).__cspViolations.push(
          `${e.violatedDirective} ${e.blockedURI}`,
        ),
      );
    });
    const violations = () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);

    // First visit, online: the Kompas and the map (maplibre's worker, DuckDB's worker and wasm) under the CSP.
    await page.goto(served.url);
    await kompasShows(page, defaultArea.name);
    await mapIdle(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
    // The worker is registered once the package is loaded; it precaches the app and takes in the data seen.
    const state = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state);
    expect(['activating', 'activated']).toContain(state);
    await page.waitForFunction(async () => {
      const cache = await caches.open('gk-data');
      const keys = (await cache.keys()).map((r) => new URL(r.url).pathname);
      return keys.some((k) => k.endsWith('/data/demo/observations.csv'));
    });
    expect(await violations()).toEqual([]);
    expect(errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);

    // Offline: the reload is served by the worker, the Kompas of the area comes back.
    await context.setOffline(true);
    await page.reload();
    await kompasShows(page, defaultArea.name);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    expect(await page.locator('.update-notice').count()).toBe(0);
    // The map draws its wijken from the cached geometry.
    await mapIdle(page);
    const wijken = await page.evaluate(
      () => window.__gebiedskompas?.map?.queryRenderedFeatures({ layers: ['wijk-fill'] }).length ?? 0,
    );
    expect(wijken).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, 'offline-kompas.png') });
    // Verkennen (its own chunk, precached) works offline too.
    await page
      .locator('nav.views')
      .getByRole('button', { name: nl.t('nav.verkennen'), exact: true })
      .click();
    await expect.poll(() => page.locator('.verkennen svg [data-code]').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, 'offline-verkennen.png') });
    await context.setOffline(false);
    await page.goto(served.url);
    await kompasShows(page, defaultArea.name);

    // A redeploy: a changed service worker (a new build's file list) is found and announced.
    const sw = join(dir, 'sw.js');
    writeFileSync(sw, `${readFileSync(sw, 'utf8')}\n// redeployed\n`);
    rmSync(`${sw}.br`);
    rmSync(`${sw}.gz`);
    await page.reload();
    await kompasShows(page, defaultArea.name);
    const notice = page.locator('.update-notice');
    await notice.waitFor({ state: 'visible' });
    expect(await notice.textContent()).toContain(nl.t('app.update.available'));
    await page.screenshot({ path: join(ARTIFACTS, 'offline-update-notice.png') });
    // Choosing to reload lets the new worker take over; the page reloads into a working app, without the notice.
    await Promise.all([
      page.waitForEvent('load'),
      notice.getByRole('button', { name: nl.t('app.update.reload') }).click(),
    ]);
    await kompasShows(page, defaultArea.name);
    expect(await notice.count()).toBe(0);
    expect(await violations()).toEqual([]);
  });
});
