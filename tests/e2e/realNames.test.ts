import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, kompasShows, mapIdle, navigateInApp, useApp, WAIT, type Watched, watchedPage } from './harness.ts';
import { pointInside } from './mapPoint.ts';
import { importUithoorn, realDataPresent } from './realData.ts';

const present = realDataPresent('realNames e2e test');

const CODE = 'WK045185';
const NOW = 'Wijk 85 De Kwakel';
const BEFORE = 'Wijk 85 Meerwijk';

/** The fill colour each drawn area of a level has in feature-state, by code. */
async function levelColours(page: Page, level: string): Promise<Record<string, string | null>> {
  return page.evaluate((lvl) => {
    const map = window.__gebiedskompas!.map!;
    const source = map.getLayer(`${lvl}-fill`)!.source;
    const out: Record<string, string | null> = {};
    for (const f of map.queryRenderedFeatures({ layers: [`${lvl}-fill`] })) {
      const code = String(f.properties.code);
      out[code] = (map.getFeatureState({ source, id: code }).color as string | null | undefined) ?? null;
    }
    return out;
  }, level);
}

describe.skipIf(!present)('names per period and classes per level on an imported CBS package (Uithoorn)', () => {
  const app = useApp(importUithoorn);
  /**
   * The page the second test loaded, where the third goes on. Within a page the views after its load are reached by
   * the app's own navigation: each full load boots DuckDB again (~7 s of Chromium CPU on CI's two cores).
   */
  let loaded: Pick<Watched, 'page' | 'consoleErrors'>;

  it('finds the renamed wijk by its current and by its old name, and names it as it was called in the year', async () => {
    const { page, foreignRequests, consoleErrors } = await watchedPage(app.browser, app.origin, {
      width: 1400,
      height: 900,
    });
    await page.goto(`${app.url}?dataset=uithoorn&area=GM0451&period=2024&indicator=a_inw`);
    await kompasShows(page, 'Uithoorn', { period: 2024 });

    const search = page.getByPlaceholder('Zoek een gebied');
    const result = page.locator('.picker-results [role="option"]');
    await search.fill('De Kwakel');
    await expect.poll(() => result.allTextContents()).toEqual([expect.stringContaining(NOW)]);
    expect(await result.first().textContent()).toContain(`voorheen ${BEFORE}`);

    // The old name finds it too ("Wijk 65 Meerwijk" is another wijk and is not it).
    await search.fill(BEFORE);
    await expect.poll(() => result.count()).toBe(1);
    expect(await result.first().textContent()).toContain(CODE);
    await result.first().click();
    await kompasShows(page, NOW, { period: 2024 });
    await expect.poll(() => page.url()).toContain(`area=${CODE}`);

    // In 2015 it was called Meerwijk.
    await navigateInApp(page, `?dataset=uithoorn&area=${CODE}&period=2015&indicator=a_inw`);
    await kompasShows(page, BEFORE, { period: 2015 });
    await search.fill('kwakel');
    await expect.poll(() => result.allTextContents()).toEqual([expect.stringContaining(`nu ${NOW}`)]);

    // The map's tooltip gives both names.
    await navigateInApp(page, '?dataset=uithoorn&area=GM0451&period=2024&indicator=a_inw&level=wijk');
    await kompasShows(page, 'Uithoorn', { period: 2024 });
    await mapIdle(page);
    const at = await pointInside(page, CODE);
    await page.mouse.move(at.x, at.y);
    await expect.poll(() => page.locator('.map-tooltip').textContent()).toContain(`${NOW} (voorheen ${BEFORE})`);

    // The Over page lists it.
    await navigateInApp(page, '?dataset=uithoorn&view=over');
    await expect
      .poll(() => page.locator('.over-renamed').textContent(), { timeout: WAIT })
      .toContain(`${NOW} (voorheen ${BEFORE})`);

    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('colours the wijken of a count map in more than one class, with the legend of the wijk level', async () => {
    const { page, consoleErrors } = await watchedPage(app.browser, app.origin, {
      width: 1400,
      height: 900,
    });
    // The automatic level (the default) draws wijken and, zoomed in, buurten from one query: before the classes were
    // per level, every wijk fell in the top class of the buurten's counts.
    await page.goto(`${app.url}?dataset=uithoorn&area=GM0451&period=2015&indicator=a_inw`);
    await kompasShows(page, 'Uithoorn', { period: 2015 });
    await mapIdle(page);
    await page.waitForFunction(() => document.querySelector('.legend[data-level="wijk"] .swatch') !== null);
    const colours = await levelColours(page, 'wijk');
    const painted = Object.values(colours).filter((c): c is string => c !== null);
    expect(painted.length).toBeGreaterThanOrEqual(8);
    expect(new Set(painted).size).toBeGreaterThan(2);
    // The legend's classes are those of the wijken: its lowest bound is the smallest wijk's count, not a buurt's.
    const legend = await page.locator('.legend[data-level="wijk"] li').allTextContents();
    expect(legend.length).toBeGreaterThan(3);
    await page.screenshot({ path: join(ARTIFACTS, 'real-names-wijk-count-map.png') });

    // The buurten get their own classes: again more than one colour.
    await navigateInApp(page, '?dataset=uithoorn&area=GM0451&period=2015&indicator=a_inw&level=buurt');
    await kompasShows(page, 'Uithoorn', { period: 2015 });
    await mapIdle(page);
    await page.waitForFunction(() => document.querySelector('.legend[data-level="buurt"] .swatch') !== null);
    const buurten = Object.values(await levelColours(page, 'buurt')).filter((c) => c !== null);
    expect(new Set(buurten).size).toBeGreaterThan(2);
    expect(consoleErrors).toEqual([]);
    loaded = { page, consoleErrors };
  });
  it('Verkennen pairs the indicator with one that has data for the wijken of the year', async () => {
    // Its console errors are those since its load: none by the end of the test before.
    const { page, consoleErrors } = loaded;
    await navigateInApp(page, '?dataset=uithoorn&area=GM0451&period=2024&indicator=a_inw&view=verkennen');
    const scatter = page.locator('.verkennen-panel.scatter');
    // The 2024 wijken have inhabitants and a few other figures only: the partner is one of those, so the scatter
    // has points and a correlation rather than "Te weinig gebieden (0)".
    await expect.poll(() => scatter.locator('circle').count(), { timeout: WAIT }).toBeGreaterThanOrEqual(3);
    expect(await scatter.textContent()).not.toContain('(0)');
    await mapIdle(page);
    await page.screenshot({ path: join(ARTIFACTS, 'real-names-verkennen.png') });
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});
