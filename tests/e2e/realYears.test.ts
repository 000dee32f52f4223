/**
 * Every year label real, on a package imported from real CBS files (Groningen, ../shared/data): it opens on a year
 * with social-domain values (not on 2024, which has only population figures), the Kompas headers name the real
 * comparison year, and the printed report of a wijk is at most two A4 pages that name the years of their values.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { validateIndicators } from '../../src/data/validate.ts';
import { DEMO, readCsvObjects } from '../fixtures/readPackage.ts';
import { ARTIFACTS, kompasShows, navigateInApp, useApp, WAIT, watchedPage } from './harness.ts';
import { compact, pdfPageCount, pdfText } from './pdfText.ts';
import { importGroningen, realDataPresent } from './realData.ts';

const present = realDataPresent('real-years e2e test');

const SOCIAL = ['jeugd', 'zorg', 'werk', 'armoede'];

/** The report of the page's area printed to PDF (window.print intercepted, as in compass.test.ts). */
async function printedPdf(page: Page, name: string): Promise<{ pdf: Buffer; pages: string[] }> {
  await page.evaluate(() => {
    window.print = () => undefined;
  });
  await page
    .getByRole('button', { name: /Afdrukken/ })
    .first()
    .click();
  await page.locator('.print-root .print-report').waitFor({ state: 'attached' });
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  writeFileSync(join(ARTIFACTS, `${name}.pdf`), pdf);
  await page.emulateMedia({ media: 'screen' });
  return { pdf, pages: pdfText(pdf).split('\f').slice(0, -1) };
}

describe.skipIf(!present)('real years on a package imported from real CBS files', () => {
  let out: string;
  let observations: Record<string, string>[];
  let themeOf: Map<string, string>;

  /**
   * The page the first test loaded: the next two go on in it through the app's own navigation (a full load boots
   * DuckDB again, ~7 s of Chromium CPU on CI's two cores); it has printed nothing, so no earlier report is in its print
   * root when the second of them prints.
   */
  let loaded: Page;

  const app = useApp(async (dir) => {
    out = join(dir, 'groningen');
    await importGroningen(dir);
    cpSync(DEMO, join(dir, 'demo'), { recursive: true });
    observations = readCsvObjects(readFileSync(join(out, 'observations.csv'), 'utf8'));
    themeOf = new Map(
      validateIndicators(readFileSync(join(out, 'indicators.csv'), 'utf8')).map((i) => [i.id, i.theme]),
    );
  });

  /** The latest period in which `area` has a value of a social-domain indicator, from the package's own file. */
  const latestSocial = (area: string) =>
    Math.max(
      ...observations
        .filter(
          (r) => r.area_code === area && r.value !== '' && SOCIAL.includes(themeOf.get(r.indicator_id ?? '') ?? ''),
        )
        .map((r) => Number(r.period)),
    );

  it('opens on the latest year with social-domain values, and a theme without values offers its latest year', async () => {
    const { page, consoleErrors } = await watchedPage(app.browser, app.origin);
    loaded = page;
    const meta = JSON.parse(readFileSync(join(out, 'dataset.json'), 'utf8')) as {
      default_period: number;
      default_area: string;
    };
    const expected = latestSocial('GM0014');
    expect(expected).toBeLessThan(2024);
    // The importer opens the package on its default wijk's latest social year, not on 2024 (population only).
    const wijkOpening = latestSocial(meta.default_area);
    expect(meta.default_period).toBe(wijkOpening);
    expect(wijkOpening).toBeLessThan(2024);

    await page.goto(`${app.url}?dataset=groningen&area=GM0014`);
    await kompasShows(page, 'Groningen', { period: expected });
    // The start screen draws this Kompas from the first view; the dashboard completes the URL when it takes over.
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('period') !== null);
    await expect.poll(() => new URL(page.url()).searchParams.get('period')).toBe(String(expected));
    // A social theme has values in the year opened on.
    const socialCells = await page
      .locator(SOCIAL.map((t) => `table[data-theme="${t}"] td[data-cell="area"]`).join(', '))
      .allTextContents();
    expect(socialCells.some((text) => /\d/.test(text) && !/\(\d{4}\)/.test(text))).toBe(true);

    // Without an area: the default wijk opens on its own latest social year (2015), where it has figures.
    await page.goto(`${app.url}?dataset=groningen`);
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('period') !== null);
    await expect.poll(() => new URL(page.url()).searchParams.get('period')).toBe(String(wijkOpening));

    // A wijk in 2024 (population only): each social theme names the year of its latest value and goes there.
    const wijk = 'WK001400';
    const wijkLatest = latestSocial(wijk);
    await navigateInApp(page, `?dataset=groningen&area=${wijk}&period=2024`);
    await kompasShows(page, 'Centrum', { period: 2024 });
    const note = page.locator('table[data-theme="werk"] .theme-latest');
    expect(await note.getAttribute('data-latest-period')).toBe(String(wijkLatest));
    expect(await note.textContent()).toContain(`de laatste zijn van ${wijkLatest}`);
    await note.getByRole('button', { name: `Naar ${wijkLatest}` }).click();
    await kompasShows(page, 'Centrum', { period: wijkLatest });
    await expect.poll(() => new URL(page.url()).searchParams.get('period')).toBe(String(wijkLatest));
    await page.screenshot({ path: join(ARTIFACTS, 'real-years-centrum.png'), fullPage: true });
    expect(consoleErrors).toEqual([]);
  });

  it('the Kompas headers name the real comparison year, and each cell its own when rows differ', async () => {
    const page = loaded;
    await navigateInApp(page, '?dataset=groningen&area=GM0014&period=2023');
    await kompasShows(page, 'Groningen', { period: 2023 });
    const rows = observations.filter((r) => r.area_code === 'GM0014');
    const tables = await page.locator('table.kompas-table').all();
    expect(tables.length).toBeGreaterThan(1);
    let named = 0;
    for (const table of tables) {
      // The change column is the third from the end (change, aim, trend), whatever year columns stand before it.
      const header = ((await table.locator('thead th:nth-last-child(3)').textContent()) ?? '').trim();
      const previous = new Set<number>();
      for (const tr of await table.locator('tbody tr').all()) {
        const id = (await tr.getAttribute('data-indicator'))!;
        const own = rows.filter((r) => r.indicator_id === id).sort((a, b) => Number(a.period) - Number(b.period));
        const shown = own.filter((r) => Number(r.period) <= 2023).at(-1);
        if (!shown || shown.value === '') continue;
        const before = own.filter((r) => Number(r.period) < Number(shown.period) && r.value !== '').at(-1);
        if (!before) continue;
        const change = tr.locator('td[data-cell="change"] .change');
        if ((await change.count()) === 0) continue; // kept secret in the public table
        previous.add(Number(before.period));
        const cell = ((await change.textContent()) ?? '').trim();
        // The cell names its year exactly when the heading does not.
        if (header === 'Sinds vorige meting') expect(cell).toContain(`(${before.period})`);
        else expect(cell).not.toMatch(/\(\d{4}\)/);
      }
      if (previous.size === 1) {
        expect(header).toBe(`Sinds ${[...previous][0]}`);
        named++;
      } else expect(header).toBe('Sinds vorige meting');
    }
    expect(named).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, 'real-years-groningen-2023.png'), fullPage: true });
  });

  it("prints a wijk on at most two A4 pages that name their values' years, with page numbers, date and source", async () => {
    const page = loaded;
    await navigateInApp(page, '?dataset=groningen&area=WK001400&period=2024');
    await kompasShows(page, 'Centrum', { period: 2024 });
    const { pdf, pages } = await printedPdf(page, 'real-years-centrum-2024');
    expect(pdfPageCount(pdf)).toBeLessThanOrEqual(2);
    const text = compact(pages.join('\n'));
    expect(text).toContain(compact('Kompas van Centrum'));
    expect(text).toContain(compact('Waarde 2024'));
    expect(text).not.toContain(compact('Sinds vorig jaar'));
    expect(text).not.toContain(compact('Sinds 2023'));
    // 2024 figures compare with 2015, the previous measurement; the 2015 social figures carry their year.
    expect(text).toContain(compact('Sinds 2015'));
    expect(text).toContain(compact('(2015)'));
    // Inhabitants (a count) are not set against the gemeente's total.
    const inwoners = observations.find(
      (r) => r.area_code === 'WK001400' && r.indicator_id === 'a_inw' && r.period === '2024',
    )!;
    const gemeente = observations.find(
      (r) => r.area_code === 'GM0014' && r.indicator_id === 'a_inw' && r.period === '2024',
    )!;
    const difference = Math.abs(Number(inwoners.value) - Number(gemeente.value)).toLocaleString('nl-NL');
    expect(text).not.toContain(compact(difference));
    for (const [i, pageText] of pages.entries()) {
      const c = compact(pageText);
      expect(c, `page ${i + 1}`).toContain(compact(`Pagina ${i + 1} van ${pages.length}`));
      expect(c, `page ${i + 1}`).toContain(compact('Afgedrukt op'));
      expect(c, `page ${i + 1}`).toContain(compact('Bron: CBS'));
    }
  });

  it('prints the gemeente itself, with all its CBS context figures, on at most two pages', async () => {
    const { page } = await watchedPage(app.browser, app.origin);
    const period = latestSocial('GM0014');
    await page.goto(`${app.url}?dataset=groningen&area=GM0014&period=${period}`);
    await kompasShows(page, 'Groningen', { period });
    const { pdf, pages } = await printedPdf(page, 'real-years-groningen');
    expect(pdfPageCount(pdf)).toBeLessThanOrEqual(2);
    const text = compact(pages.join('\n'));
    expect(text).toContain(compact(`Waarde ${period}`));
    expect(text).not.toContain(compact('Sinds vorig jaar'));
    expect(text).toContain(compact(`Pagina ${pages.length} van ${pages.length}`));
  });

  it('the demo still prints on at most two pages, and all wijken each on their own page pair', async () => {
    const { page } = await watchedPage(app.browser, app.origin);
    await page.goto(`${app.url}?dataset=demo&area=WK999902&period=2025`);
    await kompasShows(page, 'Voorstad', { period: 2025 });
    const one = await printedPdf(page, 'real-years-demo-voorstad');
    expect(pdfPageCount(one.pdf)).toBeLessThanOrEqual(2);
    expect(compact(one.pages[0]!)).toContain(compact('Pagina 1 van'));

    await page.getByRole('button', { name: /Alle wijken/ }).click();
    await page.waitForFunction(() => document.querySelectorAll('.print-root .print-report').length > 1, null, {
      timeout: WAIT,
    });
    const wijken = await page.locator('.print-root .print-report').count();
    await page.emulateMedia({ media: 'print' });
    const all = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(join(ARTIFACTS, 'real-years-demo-all.pdf'), all);
    const pages = pdfText(all).split('\f').slice(0, -1);
    expect(pages).toHaveLength(2 * wijken);
    // Every report starts on an odd page: printed double-sided, each wijk is its own sheet.
    for (let i = 0; i < pages.length; i += 2) expect(compact(pages[i]!)).toContain(compact('Kompas van'));
  });
});
