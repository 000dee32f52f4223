/**
 * A package without any boundary (a kwb table imported on its own: every area's geometry is null) opens with its
 * figures, and the map says the package has no shapes instead of claiming the browser lacks WebGL (issue 16).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCbs } from '../../scripts/cbs/importCbs.ts';
import { createI18n } from '../../src/app/i18n/index.tsx';
import { ARTIFACTS, kompasShows, useApp, watchedPage } from './harness.ts';

const KWB = join(import.meta.dirname, '..', 'fixtures', 'cbs', 'kwb-2024.csv');

describe('a package without map shapes', () => {
  const app = useApp(async (dir) => {
    await importCbs({ out: join(dir, 'zondervormen'), files: [KWB] });
  });

  it('shows the Kompas, and in place of the map says there are no shapes (not "no WebGL")', async () => {
    const { page, consoleErrors, foreignRequests } = await watchedPage(app.browser, app.origin);
    const missing: string[] = [];
    page.on('response', (res) => {
      if (res.status() === 404) missing.push(res.url());
    });
    await page.goto(`${app.url}?dataset=zondervormen&area=GM9999`);
    await kompasShows(page, 'Testgemeente', { period: 2024 });
    const notice = page.locator('.map-panel .map-no-shapes');
    await notice.waitFor();
    expect((await notice.textContent())?.trim()).toBe(createI18n('nl').t('map.noShapes'));
    expect(await page.locator('.map-panel').textContent()).not.toContain('WebGL');
    // No map was made: nothing of maplibre on the page.
    expect(await page.locator('.maplibregl-map').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'no-shapes.png'), fullPage: true });

    // The rest of the app works: Verkennen opens on the same package and says the same in place of its map.
    await page.goto(`${app.url}?dataset=zondervormen&area=GM9999&view=verkennen`);
    await page.locator('.map-panel .map-no-shapes').waitFor();
    // The only file asked for and not there is the optional precomputed first view (the importer writes none).
    expect(missing.filter((url) => !url.endsWith('/first/index.json'))).toEqual([]);
    const loadErrors = consoleErrors.filter((e) => e.startsWith('Failed to load resource'));
    expect(loadErrors.length).toBe(missing.length);
    expect(consoleErrors.filter((e) => !loadErrors.includes(e))).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });
});
