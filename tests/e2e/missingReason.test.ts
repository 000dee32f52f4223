/**
 * Why a value is missing, on a package imported from the real CBS files in ../shared/data (CC BY 4.0): a column
 * that CBS left `.` for the whole gemeente in 2024 reads "niet gepubliceerd" in the Kompas and the map legend, not
 * "geheim"; a small 2015 buurt that CBS kept secret while its gemeente has the figure still reads "geheim".
 *
 * shared/data has no kwb-2024 download, only the PDOK layers of 2024, which leave such columns out. kwb-2024 has `.`
 * for jeugdzorg, Wmo, bijstand and income in every row of the gemeente (issue 12); the test writes that file's
 * layout for Eemsdelta's real 2024 gemeente and wijken (codes and names from the PDOK layer) with those columns `.`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvObjects } from '../fixtures/readPackage.ts';
import { ARTIFACTS, kompasShows, mapIdle, navigateInApp, useApp, WAIT, watchedPage } from './harness.ts';
import { importCbsOnce, realDataPresent, SHARED } from './realData.ts';

const present = realDataPresent('missing-reason e2e test');

/** The kwb-2024 columns the issue reports as `.` for the whole gemeente. */
const DOTTED = ['a_jz_tn', 'p_jz_tn', 'a_wmo_t', 'p_wmo_t', 'a_soz_wb', 'g_ink_pi'];
/** A cell's words as read: the Kompas hyphenates long words softly in its narrow columns. */
const words = (text: string | null) => text?.replace(/\u00ad/g, '') ?? null;

describe.skipIf(!present)('why a value is missing, on a package imported from real CBS files', () => {
  let out: string;
  const app = useApp(async (dir) => {
    out = join(dir, 'eemsdelta');
    const boundaries = join(SHARED, 'boundaries');
    const wijken = JSON.parse(readFileSync(join(boundaries, 'pdok_cbs_wijken_2024.geojson'), 'utf8')) as {
      features: { properties: Record<string, string | number | null> }[];
    };
    const rows = wijken.features
      .map((f) => f.properties)
      .filter((p) => p.gemeentecode === 'GM1979')
      .map((p) => [p.wijkcode, p.wijknaam, 'Eemsdelta', 'Wijk']);
    const kwb = join(dir, 'kwb-2024.csv');
    writeFileSync(
      kwb,
      [
        ['gwb_code_10', 'regio', 'gm_naam', 'recs', ...DOTTED],
        ['GM1979', 'Eemsdelta', 'Eemsdelta', 'Gemeente'],
        ...rows,
      ]
        .map((r, i) => (i === 0 ? r : [...r, ...DOTTED.map(() => '.')]).join(','))
        .join('\n'),
    );
    await importCbsOnce({
      out,
      gemeenten: ['GM1979'],
      files: [
        ...readdirSync(boundaries)
          .filter((f) => f.startsWith('pdok_cbs_') || f.startsWith('cbs_wijkbuurtkaart_2015'))
          .map((f) => join(boundaries, f)),
        kwb,
      ],
    });
  });

  it('the importer writes not_published for the gemeente-wide dots and secret for a small buurt CBS hid', () => {
    const observations = readCsvObjects(readFileSync(join(out, 'observations.csv'), 'utf8'));
    const at = (area: string, indicator: string, period: string) =>
      observations.find((r) => r.area_code === area && r.indicator_id === indicator && r.period === period);
    expect(at('GM1979', 'p_jz_tn', '2024')).toMatchObject({ value: '', status: 'not_published' });
    expect(at('WK197906', 'p_jz_tn', '2024')).toMatchObject({ value: '', status: 'not_published' });
    // Oosterhorn: 0 inhabitants in 2024.
    expect(at('WK197908', 'p_jz_tn', '2024')).toMatchObject({ value: '', status: 'no_inhabitants' });
    // BU00100108 Industrieterrein: 5 inhabitants in 2015, bijstand -99999999 while Delfzijl has 1 050.
    expect(at('BU00100108', 'a_soz_wb', '2015')).toMatchObject({ value: '', status: 'secret' });
  });

  it('Kompas and map legend say "niet gepubliceerd" for the 2024 dots, and "geheim" for the secret buurt', async () => {
    const { page, foreignRequests, consoleErrors } = await watchedPage(app.browser, app.origin, {
      width: 1400,
      height: 900,
    });
    await page.goto(`${app.url}?dataset=eemsdelta&area=GM1979&period=2024&indicator=p_jz_tn`);
    await kompasShows(page, 'Eemsdelta', { period: 2024 });
    const cell = page.locator('tr[data-indicator="p_jz_tn"] td[data-cell="area"] [data-missing]');
    await expect.poll(async () => words(await cell.textContent())).toBe('niet gepubliceerd');
    expect(await cell.getAttribute('title')).not.toMatch(/minder dan|personen/);
    // No row of the gemeente claims privacy for the columns CBS left empty.
    for (const id of DOTTED) {
      const text = await page.locator(`tr[data-indicator="${id}"] td[data-cell="area"]`).textContent();
      if (text !== null) expect(text).not.toContain('geheim');
    }
    // The trend panel says why the chosen year has no point, in the same words.
    await expect
      .poll(() => page.locator('.trend .trend-missing').textContent())
      .toBe('Eemsdelta heeft in 2024 geen waarde: niet gepubliceerd.');
    await mapIdle(page);
    const legend = page.locator('.map-panel .legend');
    await expect.poll(() => legend.locator('li[data-missing="not_published"]').textContent()).toBe('Niet gepubliceerd');
    expect(await legend.textContent()).not.toContain('Geheim');
    await page.screenshot({ path: join(ARTIFACTS, 'missing-eemsdelta-2024.png') });
    await page.locator('tr[data-indicator="p_jz_tn"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'missing-eemsdelta-2024-rows.png') });

    // A large wijk: the same words, not "geheim". (The app's own navigation: a full load boots DuckDB again.)
    await navigateInApp(page, '?dataset=eemsdelta&area=WK197906&period=2024&indicator=p_jz_tn');
    await kompasShows(page, 'Noord', { period: 2024 });
    await expect
      .poll(async () =>
        words(await page.locator('tr[data-indicator="p_jz_tn"] td[data-cell="area"] [data-missing]').textContent()),
      )
      .toBe('niet gepubliceerd');
    await mapIdle(page);
    await page.screenshot({ path: join(ARTIFACTS, 'missing-eemsdelta-2024-wijk.png') });

    // The small buurt CBS kept secret in 2015.
    await navigateInApp(page, '?dataset=eemsdelta&area=BU00100108&period=2015&indicator=a_soz_wb');
    await page.waitForFunction(() => document.querySelector('section.kompas')?.getAttribute('data-period') === '2015');
    const secret = page.locator('tr[data-indicator="a_soz_wb"] td[data-cell="area"] [data-missing]');
    await expect.poll(() => secret.textContent(), { timeout: WAIT }).toBe('geheim');
    expect(await secret.getAttribute('title')).toContain('kleine aantallen');
    await mapIdle(page);
    await expect
      .poll(() => page.locator('.map-panel .legend li[data-missing="secret"]').textContent())
      .toBe('Geheim (kleine aantallen beschermd)');
    await page.screenshot({ path: join(ARTIFACTS, 'missing-eemsdelta-2015-buurt.png') });
    // The buurten of 2015 on the map: the secret ones hatched over grey.
    await navigateInApp(page, '?dataset=eemsdelta&area=BU00100108&period=2015&indicator=a_soz_wb&level=buurt');
    await kompasShows(page, 'Industrieterrein', { period: 2015 });
    await mapIdle(page);
    const hatched = await page.evaluate(() => {
      const map = window.__gebiedskompas!.map!;
      return map.getLayer('buurt-hatch') !== undefined && map.hasImage('gk-hatch');
    });
    expect(hatched).toBe(true);
    await page.locator('.map-panel').screenshot({ path: join(ARTIFACTS, 'missing-eemsdelta-2015-buurten-map.png') });
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
