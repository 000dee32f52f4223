import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createI18n } from '../../src/app/i18n/index.tsx';
import { loadPackage } from '../../src/data/load.ts';
import type { Indicator } from '../../src/data/package.ts';
import { validateAreas, validateDatasetMeta, validateIndicators } from '../../src/data/validate.ts';
import { createNodeConnector } from '../../src/db/node.ts';
import { DEMO, readCsvObjects, readPackage } from '../fixtures/readPackage.ts';
import {
  ARTIFACTS,
  kompasShows,
  mapIdle,
  navigateInApp,
  seriousAxeViolations,
  useApp,
  type Watched,
  watchedPage,
} from './harness.ts';
import { pointInside } from './mapPoint.ts';

const files = readPackage(DEMO);
const meta = validateDatasetMeta(files['dataset.json']);
const areas = validateAreas(files['areas.geojson']);
const indicators = validateIndicators(files['indicators.csv']);
const observations = readCsvObjects(files['observations.csv']);
/** What the package publishes after disclosure control (src/data/publish.ts), read in Node: which rows are secret. */
let secretRows = new Set<string>();
const secretKey = (area: string, indicator: string, period: number | string) => `${area}|${indicator}|${period}`;
const wijken = areas.filter((a) => a.level === 'wijk');
const nl = createI18n('nl');

/**
 * What the Kompas cell of an area should say, from observations.csv: the value of the period, or of the latest
 * earlier measurement (marked with its year), "geheim" where the public table hides it, and "–" without data.
 */
function expectedValue(area: string, indicator: Indicator, period: number): string {
  const rows = observations
    .filter((r) => r.area_code === area && r.indicator_id === indicator.id && Number(r.period) <= period)
    .sort((a, b) => Number(a.period) - Number(b.period));
  const row = rows[rows.length - 1];
  if (!row) return '– geen gegevens';
  const note = Number(row.period) === period ? '' : ` (${row.period})`;
  if (row.value === '' || secretRows.has(secretKey(area, indicator.id, row.period!))) return `geheim${note}`;
  return `${nl.compactValue(Number(row.value), indicator)}${note}`;
}

/** The text of the Kompas cell of one indicator (`area`, `gemeente`, `nl`, `change`). */
async function kompasCell(page: Page, indicator: string, cell: string): Promise<string> {
  // The value as shown, without the verdict badge beneath it (its text and tooltip are checked elsewhere).
  const text = await page.locator(`tr[data-indicator="${indicator}"] td[data-cell="${cell}"]`).evaluate((td) => {
    const copy = td.cloneNode(true) as HTMLElement;
    for (const badge of copy.querySelectorAll('.verdict')) badge.remove();
    return copy.textContent;
  });
  return (text ?? '').trim();
}

async function expectKompasValues(page: Page, area: string, period: number) {
  let compared = 0;
  for (const indicator of indicators) {
    const row = page.locator(`tr[data-indicator="${indicator.id}"]`);
    if ((await row.count()) === 0) continue;
    const shown = (await kompasCell(page, indicator.id, 'area')).replace(/\s+/g, ' ');
    expect(shown, indicator.id).toBe(expectedValue(area, indicator, period));
    compared++;
  }
  expect(compared).toBeGreaterThan(20);
}

describe('the gebiedskompas on the demo municipality', () => {
  const pages: Watched[] = [];
  /** Views the checks below covered: page loads and the app's own navigations. */
  let visits = 0;
  /** The page the tests that are not about loading go on in (each full load boots DuckDB again). */
  let shared: Watched | undefined;

  const app = useApp();

  beforeAll(async () => {
    const db = await createNodeConnector();
    try {
      await loadPackage(db, files);
      const secret = await db.query("SELECT area_code, indicator_id, period FROM observations WHERE status = 'secret'");
      secretRows = new Set(
        secret.toArray().map((r) => {
          const o = r.toJSON() as { area_code: string; indicator_id: string; period: number };
          return secretKey(o.area_code, o.indicator_id, o.period);
        }),
      );
    } finally {
      db.close();
    }
  });

  /** A freshly loaded page, for tests about what a load of the URL opens. */
  const open = async (search = '') => {
    const watched = await watchedPage(app.browser, app.origin);
    pages.push(watched);
    await watched.page.goto(`${app.url}${search}`);
    visits++;
    shared = watched;
    return watched;
  };

  /** `search` shown in the page of the tests before (through the app's own navigation), or in a fresh one. */
  const show = async (search: string) => {
    if (!shared) return open(search);
    await navigateInApp(shared.page, search);
    visits++;
    return shared;
  };
  const DEFAULT = `?dataset=demo&area=${meta.default_area}&view=kompas`;

  it('opens on the default wijk with the map of all wijken drawn', async () => {
    const { page } = await open();
    const defaultArea = areas.find((a) => a.code === meta.default_area)!;
    await kompasShows(page, defaultArea.name);
    await mapIdle(page);
    const drawn = await page.evaluate(() => {
      const map = window.__gebiedskompas!.map!;
      const codes = map.queryRenderedFeatures({ layers: ['wijk-fill'] }).map((f) => f.properties.code as string);
      return [...new Set(codes)].sort();
    });
    expect(drawn).toEqual(wijken.map((w) => w.code).sort());
    await expect.poll(() => new URL(page.url()).searchParams.get('area')).toBe(meta.default_area);
    await expect.poll(() => new URL(page.url()).searchParams.get('period')).toBe(String(meta.default_period));
    await expectKompasValues(page, meta.default_area, meta.default_period);
    // Dutch notation: thousands with a dot.
    expect(await kompasCell(page, 'inwoners', 'gemeente')).toMatch(/^\d{1,3}(\.\d{3})+$/);
    await page.screenshot({ path: join(ARTIFACTS, 'kompas-default.png'), fullPage: true });
  });

  it('asks for the Kompas file of an area when a press on the map starts, before its click', async () => {
    // Right after the first load, on its page: the pointer has not moved over the map yet.
    const { page } = shared!;
    await kompasShows(page, areas.find((a) => a.code === meta.default_area)!.name);
    await mapIdle(page);
    // A wijk whose file the page has not asked for yet (the first view may have asked for some).
    const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    const target = wijken.find(
      (w) => w.code !== meta.default_area && !fetched.some((url) => url.endsWith(`/first/area/${w.code}.json`)),
    )!;
    const point = await pointInside(page, target.code);
    const asked = page.waitForRequest((r) => r.url().endsWith(`/first/area/${target.code}.json`), { timeout: 30_000 });
    // A bare mousedown on the canvas: no pointer moved there first, so no hover dwell asks for it, and no click.
    await page.evaluate(({ x, y }) => {
      const canvas = window.__gebiedskompas!.map!.getCanvas();
      canvas.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, clientX: x, clientY: y, button: 0 }));
    }, point);
    await asked;
    await expect.poll(() => new URL(page.url()).searchParams.get('area')).toBe(meta.default_area);
  });

  it('walks the area tree with the arrow keys and selects with Enter', async () => {
    // Before the area picker's test, which leaves its search in the box (the tree then lists what it finds).
    const { page } = await show(DEFAULT);
    await kompasShows(page, areas.find((a) => a.code === meta.default_area)!.name);
    const first = wijken[0]!;
    const firstBuurt = areas.find((a) => a.parent === first.code)!;
    await page.locator(`[role="treeitem"][data-code="${first.code}"]`).focus();
    await page.keyboard.press('ArrowRight'); // expand the wijk
    await expect
      .poll(() => page.locator(`[role="treeitem"][data-code="${first.code}"]`).getAttribute('aria-expanded'))
      .toBe('true');
    await page.keyboard.press('ArrowDown'); // its first buurt
    await page.keyboard.press('Enter');
    await kompasShows(page, firstBuurt.name);
    await expect.poll(() => new URL(page.url()).searchParams.get('area')).toBe(firstBuurt.code);
  });

  it('selects a wijk with the keyboard through the area picker', async () => {
    const { page } = await show(DEFAULT);
    const target = wijken[wijken.length - 1]!;
    await kompasShows(page, areas.find((a) => a.code === meta.default_area)!.name);
    const search = page.getByRole('searchbox');
    await search.focus();
    await page.keyboard.type(target.name);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await kompasShows(page, target.name);
    await expect.poll(() => new URL(page.url()).searchParams.get('area')).toBe(target.code);
    await expectKompasValues(page, target.code, meta.default_period);
  });

  it('selects a wijk by a click on the map', async () => {
    const { page } = await show(DEFAULT);
    await kompasShows(page, areas.find((a) => a.code === meta.default_area)!.name);
    await mapIdle(page);
    const target = wijken[1]!;
    const point = await pointInside(page, target.code);
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => page.locator('.map-tooltip').textContent()).toContain(target.name);
    await page.mouse.click(point.x, point.y);
    await kompasShows(page, target.name);
    await expect.poll(() => new URL(page.url()).searchParams.get('area')).toBe(target.code);
    await expectKompasValues(page, target.code, meta.default_period);
    await mapIdle(page);
    await page.screenshot({ path: join(ARTIFACTS, 'map-click.png') });
  });

  it('shows buurten when zoomed in, and wijken when zoomed out', async () => {
    const { page } = await show(DEFAULT);
    await kompasShows(page, areas.find((a) => a.code === meta.default_area)!.name);
    await mapIdle(page);
    const drawnAt = (zoomBy: number) =>
      page.evaluate(async (dz) => {
        const map = window.__gebiedskompas!.map!;
        map.jumpTo({ zoom: map.getZoom() + dz });
        await new Promise<void>((resolve) => {
          map.once('idle', () => resolve());
          map.triggerRepaint();
        });
        const visible = (id: string) => {
          const layer = map.getLayer(id)!;
          return map.getZoom() >= (layer.minzoom ?? 0) && map.getZoom() < (layer.maxzoom ?? 24);
        };
        return { wijk: visible('wijk-fill'), buurt: visible('buurt-fill') };
      }, zoomBy);
    expect(await drawnAt(0)).toEqual({ wijk: true, buurt: false });
    expect(await drawnAt(1.5)).toEqual({ wijk: false, buurt: true });
    await page.screenshot({ path: join(ARTIFACTS, 'map-buurten.png') });
    expect(await drawnAt(-1.5)).toEqual({ wijk: true, buurt: false });
  });

  it('shows "geheim" for a tiny buurt, and for the neighbour in its wijk that would give it away by subtraction', async () => {
    const tiny = areas
      .filter((a) => a.level === 'buurt')
      .map((a) => ({
        a,
        inw: Number(
          observations.find(
            (r) => r.area_code === a.code && r.indicator_id === 'inwoners' && Number(r.period) === meta.default_period,
          )?.value,
        ),
      }))
      .sort((x, y) => x.inw - y.inw)[0]!.a;
    const { page } = await show(`?dataset=demo&area=${tiny.code}&view=kompas`);
    await kompasShows(page, tiny.name);
    expect(await kompasCell(page, 'jeugdhulp_pct', 'area')).toBe('geheim');
    await expectKompasValues(page, tiny.code, meta.default_period);

    // Its wijk is the exact sum of its buurten, so the wijk minus the other buurten would give it away: a buurt
    // beside it that counts enough people itself is "geheim" too (secondary suppression, src/disclosure).
    const rowOf = (code: string) =>
      observations.find(
        (r) => r.area_code === code && r.indicator_id === 'jeugdhulp_pct' && Number(r.period) === meta.default_period,
      );
    const protector = areas.find(
      (a) =>
        a.level === 'buurt' &&
        a.parent === tiny.parent &&
        a.code !== tiny.code &&
        Number(rowOf(a.code)?.numerator) >= 5 &&
        Number(rowOf(a.code)?.denominator) >= indicators.find((i) => i.id === 'jeugdhulp_pct')!.min_count &&
        secretRows.has(secretKey(a.code, 'jeugdhulp_pct', meta.default_period)),
    );
    expect(protector, 'a neighbour hidden to protect the tiny buurt').toBeDefined();
    await show(`?dataset=demo&area=${protector!.code}&view=kompas`);
    await kompasShows(page, protector!.name);
    expect(await kompasCell(page, 'jeugdhulp_pct', 'area')).toBe('geheim');
  });

  it('opens exactly the view in the URL, and the back button walks back through choices', async () => {
    const area = wijken[2]!;
    const indicator = indicators.find((i) => i.unit === 'per_1000') ?? indicators[1]!;
    const period = meta.periods[meta.periods.length - 3]!;
    const search = `?dataset=demo&area=${area.code}&indicator=${indicator.id}&period=${period}&view=kompas`;
    const { page } = await open(search);
    await kompasShows(page, area.name, { period });
    await expect.poll(() => new URL(page.url()).search).toBe(search);
    expect(await page.getByLabel('Indicator', { exact: true }).inputValue()).toBe(indicator.id);
    expect(await page.getByLabel('Jaar', { exact: true }).inputValue()).toBe(String(period));
    expect(await page.locator('#trend-title').textContent()).toContain(nl.label(indicator));
    await expectKompasValues(page, area.code, period);

    await page.getByLabel('Jaar', { exact: true }).selectOption(String(meta.default_period));
    await expect.poll(() => new URL(page.url()).searchParams.get('period')).toBe(String(meta.default_period));
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('period')).toBe(String(period));
    await expect.poll(() => page.getByLabel('Jaar', { exact: true }).inputValue()).toBe(String(period));
    await kompasShows(page, area.name, { period });
    await expectKompasValues(page, area.code, period);
  });

  it('says so when the URL names an area that does not exist', async () => {
    const { page } = await show('?dataset=demo&area=WK000000&view=kompas');
    await kompasShows(page, areas.find((a) => a.code === meta.default_area)!.name);
    await expect.poll(() => page.locator('.notices').textContent()).toContain('WK000000');
  });

  it('switches to English with lang=en', async () => {
    const { page } = await show(`?dataset=demo&area=${meta.default_area}&view=kompas&lang=en`);
    const name = areas.find((a) => a.code === meta.default_area)!.name;
    await kompasShows(page, name);
    expect(await page.locator('#kompas-title').textContent()).toBe(`Compass of ${name}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('.kompas-table caption').first().textContent()).toBe('Youth');
    const inhabitants = await kompasCell(page, 'inwoners', 'gemeente');
    expect(inhabitants).toMatch(/^\d{1,3}(,\d{3})+$/);
    await page.screenshot({ path: join(ARTIFACTS, 'kompas-en.png'), fullPage: true });
  });

  it('has no serious or critical accessibility violations on the Kompas view (axe-core)', async () => {
    const { page } = await show(DEFAULT);
    await kompasShows(page, areas.find((a) => a.code === meta.default_area)!.name);
    await mapIdle(page);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('made no request to another origin and logged no console error', () => {
    expect(visits).toBeGreaterThan(5);
    for (const { foreignRequests, consoleErrors } of pages) {
      expect(foreignRequests).toEqual([]);
      expect(consoleErrors).toEqual([]);
    }
  });
});
