import { join } from 'node:path';
import type { FilterSpecification } from 'maplibre-gl';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateAreas } from '../../src/data/validate.ts';
import { DEMO, readPackage } from '../fixtures/readPackage.ts';
import { ARTIFACTS, kompasShows, mapIdle, navigateInApp, useApp, WAIT, watchedPage } from './harness.ts';

const areas = validateAreas(readPackage(DEMO)['areas.geojson']);
const gemeente = areas.find((a) => a.level === 'gemeente')!;
const buurt = areas.find((a) => a.name === 'Marktkwartier')!;
const wijkOfBuurt = areas.find((a) => a.code === buurt.parent)!;

/** Issue 14: the Dutch interface in Dutch words, with Dutch plurals, and the SQL console's numbers by their type. */
describe('Dutch everywhere, and words and numbers', () => {
  const app = useApp();
  let page: Page;
  let consoleErrors: string[];
  beforeAll(async () => {
    ({ page, consoleErrors } = await watchedPage(app.browser, app.origin));
  });

  // One page load (the first test's); the views after it are reached by the app's own navigation, as each full load
  // boots DuckDB again (~7 s of Chromium CPU on CI's two cores).
  it('labels the map and its controls in Dutch, and says "1 gebied gevonden"', async () => {
    await page.goto(`${app.url}?dataset=demo&area=WK999901&indicator=jeugdhulp_pct&period=2025`);
    await kompasShows(page, 'Centrum');
    await mapIdle(page);
    expect(await page.locator('canvas.maplibregl-canvas').getAttribute('aria-label')).toBe('Kaart');
    expect(await page.locator('.maplibregl-ctrl-zoom-in').getAttribute('title')).toBe('Inzoomen');
    expect(await page.locator('.maplibregl-ctrl-zoom-out').getAttribute('title')).toBe('Uitzoomen');
    const body = (await page.locator('body').textContent()) ?? '';
    expect(body).not.toMatch(/Zoom in|Zoom out|Reset bearing/);

    const search = page.getByRole('searchbox', { name: 'Zoek een gebied' });
    await search.fill('Marktkwartier');
    await expect.poll(() => page.locator('.picker-status').textContent()).toBe('1 gebied gevonden');
    await search.fill('dorp');
    const many = page.locator('.picker-results [role="option"]');
    await expect.poll(() => many.count()).toBeGreaterThan(1);
    expect(await page.locator('.picker-status').textContent()).toBe(`${await many.count()} gebieden gevonden`);
    await search.fill('');

    // The trend legend names the gemeente in full (it was cut to "Voorbeeldgemeente (f…").
    const legend = page.locator('.trend svg g.labels g.label-reference text').first();
    await legend.waitFor({ timeout: WAIT });
    const lines = await legend.locator('tspan').allTextContents();
    const shown = lines.length > 0 ? lines.join(' ') : ((await legend.textContent()) ?? '');
    expect(shown).toBe(gemeente.name);
    await page.locator('.trend').screenshot({ path: join(ARTIFACTS, 'words-trend-legend.png') });
  });

  it('shows a buurt chosen on a wijk map inside its outlined wijk, and says so', async () => {
    await navigateInApp(page, `?dataset=demo&area=${buurt.code}&indicator=jeugdhulp_pct&period=2025&level=wijk`);
    await kompasShows(page, buurt.name);
    await mapIdle(page);
    const note = page.locator('.map-selection');
    await expect.poll(() => note.textContent()).toBe(`Geselecteerd: ${buurt.name} (ligt in ${wijkOfBuurt.name})`);
    // On the map: the buurt's outline and, dashed, the wijk it lies in.
    const outlined = await page.evaluate(() => {
      const map = window.__gebiedskompas?.map;
      if (!map) return null;
      const codes = (prefix: string) =>
        map
          .getStyle()
          .layers.filter((l) => l.id.startsWith(prefix))
          .flatMap((l) => {
            const layer = l as { source: string; filter?: FilterSpecification };
            return map.querySourceFeatures(layer.source, layer.filter ? { filter: layer.filter } : {});
          })
          .map((f) => String(f.properties?.code));
      return { selected: [...new Set(codes('selected-'))], within: [...new Set(codes('within-'))] };
    });
    expect(outlined).toEqual({ selected: [buurt.code], within: [wijkOfBuurt.code] });
    await page.locator('.map-panel').screenshot({ path: join(ARTIFACTS, 'words-selected-buurt.png') });

    // At buurt level the buurt is simply selected.
    await navigateInApp(page, `?dataset=demo&area=${buurt.code}&indicator=jeugdhulp_pct&period=2025&level=buurt`);
    await kompasShows(page, buurt.name);
    await expect.poll(() => note.textContent()).toBe(`Geselecteerd: ${buurt.name}`);
  });

  it('offers one year control in Verkennen: the slider, by keyboard', async () => {
    await navigateInApp(page, '?dataset=demo&area=WK999901&indicator=jeugdhulp_pct&period=2025&view=verkennen');
    const slider = page.getByRole('slider');
    await slider.waitFor({ timeout: WAIT });
    expect(await page.locator('select[name="period"]').count()).toBe(0);
    expect(await slider.count()).toBe(1);
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => new URL(page.url()).searchParams.get('period')).toBe('2024');
  });

  it('shows years as 2016 and floats rounded in the SQL console, and a typo as a syntax error', async () => {
    await navigateInApp(page, '?dataset=demo&area=WK999901&view=data');
    const editor = page.locator('.sql-editor');
    await editor.waitFor({ timeout: WAIT });
    const run = page.getByRole('button', { name: 'Uitvoeren' });
    await editor.fill(
      "SELECT period, count(*) AS n, avg(value) AS gemiddeld FROM observations WHERE indicator_id = 'jeugdhulp_pct' GROUP BY period ORDER BY period",
    );
    await run.click();
    const cells = page.locator('.sql-result tbody tr').nth(1).locator('td');
    await expect.poll(() => cells.count(), { timeout: WAIT }).toBe(3);
    expect(await cells.nth(0).textContent()).toBe('2016');
    // A raw double: at most four significant digits, in Dutch notation.
    const mean = (await cells.nth(2).textContent()) ?? '';
    expect(mean).toMatch(/^\d{1,3}(,\d{1,3})?$/);
    expect(mean.replace(/\D/g, '').length).toBeLessThanOrEqual(4);

    await editor.fill('SELEC 1');
    await run.click();
    const error = page.locator('.sql-error');
    await expect.poll(() => error.count(), { timeout: WAIT }).toBe(1);
    expect(await error.locator('p').textContent()).toMatch(/^Syntaxfout:/);
    expect(await error.locator('pre').textContent()).toContain('syntax error at or near "SELEC"');
    expect(await page.locator('.sql-refused').count()).toBe(0);
    await page.locator('.sql-console').screenshot({ path: join(ARTIFACTS, 'words-sql-console.png') });
    expect(consoleErrors).toEqual([]);
  });
});
