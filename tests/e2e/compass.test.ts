import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { validateAreas } from '../../src/data/validate.ts';
import { DEMO, readCsvObjects, readPackage } from '../fixtures/readPackage.ts';
import {
  ARTIFACTS,
  downloaded,
  kompasShows,
  mapIdle,
  navigateInApp,
  seriousAxeViolations,
  useApp,
  WAIT,
  watchedPage,
} from './harness.ts';
import { compact, pdfPageCount, pdfText } from './pdfText.ts';

const demo = readPackage(DEMO);
const areas = validateAreas(demo['areas.geojson']);
const observations = readCsvObjects(demo['observations.csv']);
const nameOf = (code: string) => areas.find((a) => a.code === code)!.name;

/** The verdict badge's text of one comparison in the Kompas row of an indicator. */
async function verdict(page: Page, indicator: string, cell: 'change' | 'gemeente'): Promise<string> {
  const badge = page.locator(`tr[data-indicator="${indicator}"] td[data-cell="${cell}"] .verdict`);
  return ((await badge.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

describe('the compass says, honestly, what is a real difference', () => {
  const app = useApp();
  /**
   * The first test's page, where the Over page's test goes on (it has printed nothing). Views after a page's load are
   * reached by the app's own navigation: each full load boots DuckDB again (~7 s of Chromium CPU on CI's two cores).
   */
  let loaded: Page;

  it('a village whose rate moved within the noise says "geen duidelijk verschil" and has no signal; a real change is a signal', async () => {
    const { page, consoleErrors } = await watchedPage(app.browser, app.origin);
    loaded = page;
    await page.goto(`${app.url}?dataset=demo&area=WK999908&period=2025&indicator=jeugdhulp_pct`);
    await kompasShows(page, nameOf('WK999908'), { period: 2025 });
    expect(await verdict(page, 'jeugdhulp_pct', 'change')).toContain('geen duidelijk verschil');
    expect(await page.locator('.signals li[data-indicator="jeugdhulp_pct"]').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'compass-village.png'), fullPage: true });

    await navigateInApp(page, '?dataset=demo&area=WK999902&period=2025&indicator=bijstand_per_1000');
    await kompasShows(page, nameOf('WK999902'), { period: 2025 });
    await mapIdle(page);
    // A fall of a fifth in one year. One year alone, among some forty comparisons and
    // the wijk's ordinary variation, is not yet "duidelijk"; the lasting drop (2024 and 2025 both below the years
    // before) is a new signal among the improvements.
    expect(await verdict(page, 'bijstand_per_1000', 'change')).toContain('geen duidelijk verschil');
    const signal = page.locator('.signals li[data-indicator="bijstand_per_1000"]');
    expect(await signal.count()).toBe(1);
    expect(await signal.getAttribute('data-signal-status')).toBe('nieuw');
    expect(await signal.textContent()).toMatch(/gemiddeld 2024–2025 tegenover 2020–2023/);
    // Voorstad's aim (45 per 1.000 in 2027) is within the projection's interval: "onzeker", with its probability.
    const aim = page.locator('tr[data-indicator="bijstand_per_1000"] [data-aim-status]');
    expect(await aim.getAttribute('data-aim-status')).toBe('onzeker');
    await aim.locator('[tabindex="0"]').focus();
    await expect
      .poll(() => page.locator('[role="tooltip"]:visible').first().textContent())
      .toMatch(/Kans dat het doel gehaald wordt: \d+%/);
    // The compass graphic has a segment per theme.
    expect(await page.locator('.compass-segment[data-theme]').count()).toBeGreaterThanOrEqual(6);
    // The interval shows on keyboard focus, not only on hover.
    await page.locator('tr[data-indicator="bijstand_per_1000"] td[data-cell="change"] [tabindex="0"]').first().focus();
    await expect.poll(() => page.locator('[role="tooltip"]:visible').first().textContent()).toMatch(/95%-interval/);
    // The trend chart draws the interval band behind the area's line.
    expect(await page.locator('.trend-chart g.interval-band path').count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'compass-real-change.png'), fullPage: true });
    // The trend downloads as the table it draws: a row per year, a column per area, the package's values.
    const trendCsv = await downloaded(page.locator('.trend').getByRole('button', { name: /CSV \(internationaal\)/ }));
    expect(trendCsv.name).toBe('demo-bijstand_per_1000-WK999902-intl.csv');
    const lines = trendCsv.text.split(/\r?\n/);
    expect(lines[0]).toMatch(/^Jaar,Voorstad,/);
    const y2025 = lines.find((l) => l.startsWith('2025,'))!.split(',');
    const expected = observations.find(
      (r) => r.area_code === 'WK999902' && r.indicator_id === 'bijstand_per_1000' && r.period === '2025',
    )!;
    expect(Number(y2025[1])).toBeCloseTo(Number(expected.value), 1);
    expect(lines.filter((l) => /^20\d\d,/.test(l))).toHaveLength(11);
    expect(consoleErrors).toEqual([]);
  });

  it('prints an A4 report of one area on at most two pages, with its name and values in the PDF text', async () => {
    const { page } = await watchedPage(app.browser, app.origin);
    await page.goto(`${app.url}?dataset=demo&area=WK999902&period=2025`);
    await kompasShows(page, nameOf('WK999902'), { period: 2025 });
    await page.evaluate(() => {
      window.print = () => undefined; // headless: the report is printed below with page.pdf
    });
    await page
      .getByRole('button', { name: /Afdrukken/ })
      .first()
      .click();
    await page.locator('.print-root .print-report').waitFor({ state: 'attached' });
    const value = (
      (await page.locator('tr[data-indicator="inwoners"] td[data-cell="area"]').textContent()) ?? ''
    ).trim();
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi, to look at the print layout
    await page.screenshot({ path: join(ARTIFACTS, 'report-WK999902-print.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(join(ARTIFACTS, 'report-WK999902.pdf'), pdf);
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    const text = compact(pdfText(pdf));
    expect(text).toContain(compact(`Kompas van ${nameOf('WK999902')}`));
    expect(text).toContain(compact(value));
    expect(text).toContain(compact('Synthetische demodata'));
  });

  it('prints all wijken as one document with a section per wijk', async () => {
    const { page } = await watchedPage(app.browser, app.origin);
    await page.goto(`${app.url}?dataset=demo&area=WK999901&period=2025`);
    await kompasShows(page, nameOf('WK999901'), { period: 2025 });
    await page.evaluate(() => {
      window.print = () => undefined;
    });
    await page.getByRole('button', { name: /Alle wijken/ }).click();
    const wijken = areas.filter((a) => a.level === 'wijk');
    await expect.poll(() => page.locator('.print-root .print-report').count(), { timeout: WAIT }).toBe(wijken.length);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(join(ARTIFACTS, 'report-all-wijken.pdf'), pdf);
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(wijken.length);
    expect(pages).toBeLessThanOrEqual(2 * wijken.length);
    const text = compact(pdfText(pdf));
    for (const w of wijken) expect(text).toContain(compact(`Kompas van ${w.name}`));
  });

  it('explains every indicator and method on the Over page, reached from the header, in Dutch and English', async () => {
    const page = loaded;
    await navigateInApp(page, '?dataset=demo&area=WK999902');
    await kompasShows(page, nameOf('WK999902'));
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Over de gegevens' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('over');
    await page.locator('#method-intervals').waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('Wilson');
    expect(text).toContain('Jongeren met jeugdhulp');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'over.png'), fullPage: true });
    await navigateInApp(page, '?dataset=demo&view=over&lang=en');
    await page.locator('#method-aims').waitFor();
    expect((await page.locator('main').textContent()) ?? '').toContain('Young people receiving youth care');
  });
});
