import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createI18n } from '../../src/app/i18n/index.tsx';
import {
  ARTIFACTS,
  kompasShows,
  launchBrowser,
  mapIdle,
  type Served,
  serveBuiltApp,
  WAIT,
  watchedPage,
} from './harness.ts';

const START = '?dataset=demo&area=WK999901&indicator=jeugdhulp_pct&period=2025';
const nl = createI18n('nl');

let served: Served;
let browser: Browser;

beforeAll(async () => {
  served = await serveBuiltApp();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

/** Every Kompas cell's text (the rank line left out: it comes from DuckDB later), by indicator and column. */
function kompasCells(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('section.kompas .kompas-table tbody tr')].flatMap((tr) =>
      [...tr.querySelectorAll('th, td[data-cell]')].map((cell) => {
        const copy = cell.cloneNode(true) as HTMLElement;
        for (const rank of copy.querySelectorAll('.rank')) rank.remove();
        return `${cell.getAttribute('data-cell') ?? 'indicator'}: ${copy.textContent?.trim()}`;
      }),
    ),
  );
}

/** The verdict badges of the Kompas table (against the gemeente and the previous year): their kind and words. */
function verdictWords(page: Page): Promise<string[]> {
  return page
    .locator('section.kompas .kompas-table .verdict-badge')
    .evaluateAll((badges) => badges.map((b) => `${b.className}: ${b.textContent}`));
}

/** Each wijk drawn on the map (the level `auto` shows at first) and its fill colour from the feature-state. */
async function mapColours(page: Page): Promise<Record<string, string | null>> {
  await mapIdle(page, WAIT);
  return page.evaluate(() => {
    const colours: Record<string, string | null> = {};
    for (const f of window.__gebiedskompas!.map!.queryRenderedFeatures({ layers: ['wijk-fill'] }))
      colours[String(f.properties.code)] = (f.state.color as string | undefined) ?? null;
    return colours;
  });
}

/** The legend's text: title, classes with their ranges, and the reasons areas lack a value. */
function legendText(page: Page): Promise<string> {
  return page
    .locator('.map-panel .legend')
    .textContent()
    .then((t) => t ?? '');
}

describe('the first view from the precomputed files', () => {
  it('draws the Kompas with its verdicts while DuckDB is held back, as DuckDB draws it', async () => {
    const { page, consoleErrors } = await watchedPage(browser, new URL(served.url).origin, {
      width: 1400,
      height: 900,
    });
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\.wasm$/, async (route) => {
      await held;
      await route.continue();
    });
    const firstFiles: string[] = [];
    page.on('request', (req) => {
      if (req.url().includes('/first/')) firstFiles.push(new URL(req.url()).pathname.replace(/^.*\/first\//, ''));
    });
    await page.goto(`${served.url}${START}`);
    // The start screen's Kompas: rows and verdict badges of Centrum in 2025, still busy (ranks and print need DuckDB).
    await page.waitForFunction(
      () =>
        document.getElementById('kompas-title')?.textContent?.endsWith('Centrum') &&
        document.querySelector('section.kompas')?.getAttribute('data-period') === '2025' &&
        document.querySelectorAll('section.kompas .kompas-table .verdict-badge').length > 0,
      null,
      { timeout: 60_000 },
    );
    expect(await page.locator('section.kompas').getAttribute('aria-busy')).toBe('true');
    // Verdicts and aim statuses are there, drawn without DuckDB: its wasm has not even arrived.
    const words = await verdictWords(page);
    expect(words.length).toBeGreaterThan(10);
    expect(words.filter((w) => w.includes('verdict-unclear')).length).toBeGreaterThan(0);
    expect(words.some((w) => w.includes(nl.t('compass.verdict.unclear')))).toBe(true);
    expect(await page.evaluate(() => performance.getEntriesByName('gk:db-ready').length)).toBe(0);
    // The map is drawn too, coloured and with its legend, from the year's map file.
    const heldColours = await mapColours(page);
    const coloured = Object.values(heldColours).filter((c) => c?.startsWith('#'));
    expect(Object.keys(heldColours).length).toBeGreaterThan(3);
    expect(coloured.length).toBeGreaterThan(3);
    expect(new Set(coloured).size).toBeGreaterThan(1);
    expect(await page.locator('.map-panel .legend li .swatch').count()).toBeGreaterThan(3);
    const heldLegend = await legendText(page);
    expect(heldLegend).toContain('2025');
    expect(await page.evaluate(() => performance.getEntriesByName('gk:db-ready').length)).toBe(0);
    expect(firstFiles.sort()).toEqual(
      [
        'area/GM9999.json',
        'area/NL00.json',
        'area/WK999901.json',
        'dispersion/GM9999.wijk.json',
        'index.json',
        'map/areas.json',
        'map/jeugdhulp_pct/2025.json',
      ].sort(),
    );
    const fromFiles = await kompasCells(page);
    expect(fromFiles.length).toBeGreaterThan(100);
    await page.screenshot({ path: join(ARTIFACTS, 'firstview-duckdb-held.png') });

    // The same Kompas from DuckDB alone (a package without its first/ files).
    const other = await watchedPage(browser, new URL(served.url).origin);
    await other.page.route(/\/first\//, (route) => route.abort());
    await other.page.goto(`${served.url}${START}`);
    await kompasShows(other.page, 'Centrum', { period: 2025 });
    await other.page.locator('.map-panel canvas').first().waitFor({ timeout: 60_000 });
    expect(await kompasCells(other.page)).toEqual(fromFiles);
    expect(await verdictWords(other.page)).toEqual(words);
    // DuckDB's map colours every wijk as the map file did.
    expect(await mapColours(other.page)).toEqual(heldColours);
    expect(await legendText(other.page)).toBe(heldLegend);
    await other.page.close();

    // DuckDB arrives: the dashboard takes over with the map, and the Kompas says the same.
    release();
    await page.locator('main.dashboard .map[data-ready="true"]').waitFor({ timeout: WAIT });
    await kompasShows(page, 'Centrum', { period: 2025 });
    expect(await kompasCells(page)).toEqual(fromFiles);
    expect(await mapColours(page)).toEqual(heldColours);
    expect(await legendText(page)).toBe(heldLegend);
    expect(await page.evaluate(() => performance.getEntriesByName('gk:db-ready').length)).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'firstview-after-duckdb.png') });
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});
