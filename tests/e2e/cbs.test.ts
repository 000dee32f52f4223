import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../src/app/i18n/index.tsx';
import { validateIndicators } from '../../src/data/validate.ts';
import { readCsvObjects } from '../fixtures/readPackage.ts';
import { ARTIFACTS, kompasShows, mapIdle, navigateInApp, useApp, watchedPage } from './harness.ts';
import { importCbsOnce, realDataPresent, SHARED } from './realData.ts';

const present = realDataPresent('CBS e2e test');

describe.skipIf(!present)('a package imported from real CBS files', () => {
  let out: string;
  const app = useApp(async (dir) => {
    out = join(dir, 'eemsdelta');
    const boundaries = join(SHARED, 'boundaries');
    await importCbsOnce({
      out,
      gemeenten: ['GM1979'],
      files: readdirSync(boundaries)
        .filter((f) => f.startsWith('pdok_cbs_') || f.startsWith('cbs_wijkbuurtkaart_2015'))
        .map((f) => join(boundaries, f)),
    });
  });

  it("opens Eemsdelta's 2024 wijken on the map, and a wijk's Kompas shows its CBS population in Dutch notation", async () => {
    const source = JSON.parse(readFileSync(join(SHARED, 'boundaries', 'pdok_cbs_wijken_2024.geojson'), 'utf8')) as {
      features: { properties: Record<string, string | number | null> }[];
    };
    const wijken = source.features.map((f) => f.properties).filter((p) => p.gemeentecode === 'GM1979');
    const wijk = wijken.find((p) => Number(p.aantal_inwoners) > 1000)!;
    const { page, foreignRequests, consoleErrors } = await watchedPage(app.browser, app.origin);
    await page.goto(`${app.url}?dataset=eemsdelta&area=${wijk.wijkcode}&period=2024`);
    await kompasShows(page, String(wijk.wijknaam), { period: 2024 });
    await mapIdle(page);

    const drawn = await page.evaluate(() => {
      const map = window.__gebiedskompas!.map!;
      return [...new Set(map.queryRenderedFeatures({ layers: ['wijk-fill'] }).map((f) => f.properties.code))].sort();
    });
    // Every 2024 wijk with a boundary, and none of the 2015 indeling.
    const expected = wijken.map((p) => String(p.wijkcode)).sort();
    expect(drawn.filter((c) => expected.includes(c)).length).toBeGreaterThanOrEqual(expected.length - 1);
    expect(drawn.every((c) => expected.includes(c))).toBe(true);

    const indicators = validateIndicators(readFileSync(join(out, 'indicators.csv'), 'utf8'));
    const inwoners = indicators.find((i) => i.id === 'a_inw')!;
    const cell = await page.locator('tr[data-indicator="a_inw"] td[data-cell="area"]').textContent();
    const nl = createI18n('nl');
    expect(cell?.trim()).toBe(nl.compactValue(Number(wijk.aantal_inwoners), inwoners));
    expect(cell).toMatch(/^\s*\d{1,3}(\.\d{3})*\s*$/);
    expect(await page.locator('.maplibregl-ctrl-attrib').textContent()).toContain('Bron: CBS');
    await page.screenshot({ path: join(ARTIFACTS, 'cbs-eemsdelta-2024.png'), fullPage: true });

    // 2015: the former gemeenten's wijken are drawn instead, and the gemeente's trend runs from 2012 (crosswalk).
    const observations = readCsvObjects(readFileSync(join(out, 'observations.csv'), 'utf8'));
    const eemsdelta = observations.filter((r) => r.area_code === 'GM1979' && r.indicator_id === 'a_inw');
    expect(eemsdelta.map((r) => Number(r.period))).toContain(2012);
    // The app's own navigation: a full load boots DuckDB again (~7 s of Chromium CPU on CI's two cores).
    await navigateInApp(page, '?dataset=eemsdelta&area=GM1979&period=2015&indicator=a_inw');
    await kompasShows(page, 'Eemsdelta', { period: 2015 });
    await mapIdle(page);
    const drawn2015 = await page.evaluate(() => {
      const map = window.__gebiedskompas!.map!;
      return [...new Set(map.queryRenderedFeatures({ layers: ['wijk-fill'] }).map((f) => f.properties.code))];
    });
    expect(drawn2015.length).toBeGreaterThan(0);
    expect(drawn2015.some((c) => expected.includes(c))).toBe(false);
    const value2015 = eemsdelta.find((r) => r.period === '2015')!.value;
    expect((await page.locator('tr[data-indicator="a_inw"] td[data-cell="area"]').textContent())?.trim()).toBe(
      nl.compactValue(Number(value2015), inwoners),
    );
    await page.screenshot({ path: join(ARTIFACTS, 'cbs-eemsdelta-2015.png'), fullPage: true });
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
