/**
 * The print and the Data table on packages imported from real CBS files (../shared/data): Groningen's wijken print
 * as one document, each wijk on at most two A4 pages numbered on its own, with date and source on every page and
 * the real years; and Uithoorn's wijk 85, which CBS renamed from "Wijk 85 Meerwijk" (2015) to "Wijk 85 De Kwakel"
 * (2024), is printed under its current name with the earlier one, and the Data table and its download give each
 * row's year's name beside the current one.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParseRows } from 'd3-dsv';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, downloaded, kompasShows, useApp, WAIT, watchedPage } from './harness.ts';
import { compact, pdfPageCount, pdfText } from './pdfText.ts';
import { importGroningen, importUithoorn, realDataPresent } from './realData.ts';

const present = realDataPresent('printReal e2e test');

const CODE = 'WK045185';
const NOW = 'Wijk 85 De Kwakel';
const BEFORE = 'Wijk 85 Meerwijk';

/** Prints with `window.print` replaced (the report must be in the page when it is called), then to PDF. */
async function printToPdf(page: Page, button: RegExp, name: string) {
  await page.evaluate(() => {
    (window as unknown as { __printed: number }).__printed = 0;
    window.print = () => {
      (window as unknown as { __printed: number }).__printed =
        document.querySelectorAll('.print-root .print-report').length;
    };
  });
  await page.getByRole('button', { name: button }).click();
  await page.waitForFunction(() => (window as unknown as { __printed: number }).__printed > 0, null, {
    timeout: WAIT,
  });
  const reports = await page.locator('.print-root .print-report').evaluateAll((list) =>
    list.map((r) => ({
      title: r.querySelector('h2')?.textContent ?? '',
      pages: Number(r.getAttribute('data-pages')),
    })),
  );
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  writeFileSync(join(ARTIFACTS, `${name}.pdf`), pdf);
  return { reports, count: pdfPageCount(pdf), pages: pdfText(pdf).split('\f').slice(0, -1).map(compact) };
}

describe.skipIf(!present)('print and names on packages imported from real CBS files', () => {
  const app = useApp(async (dir) => {
    await importGroningen(dir);
    await importUithoorn(dir);
  });

  it("prints all of Groningen's wijken, each on at most two pages numbered on its own, with date, source and years", async () => {
    const { page, consoleErrors } = await watchedPage(app.browser, app.origin);
    await page.goto(`${app.url}?dataset=groningen&area=WK001400&period=2024`);
    await kompasShows(page, 'Centrum', { period: 2024 });
    const { reports, count, pages } = await printToPdf(page, /Alle wijken/, 'print-real-groningen-all');
    expect(reports.length).toBeGreaterThan(5);
    let at = 0;
    for (const [i, r] of reports.entries()) {
      const name = r.title.replace(/^Kompas van /, '');
      expect(r.pages, name).toBeGreaterThanOrEqual(1);
      expect(r.pages, name).toBeLessThanOrEqual(2);
      expect(pages[at], name).toContain(compact(r.title));
      expect(pages[at], name).toContain(compact('Waarde 2024'));
      expect(pages[at] + (pages[at + 1] ?? ''), name).not.toContain(compact('Sinds vorig jaar'));
      for (let k = 1; k <= r.pages; k++) {
        const text = pages[at + k - 1]!;
        expect(text, `${name} p. ${k}`).toContain(compact(`${name} – blz. ${k} van ${r.pages}`));
        expect(text, `${name} p. ${k}`).toContain(compact('Afgedrukt op'));
        expect(text, `${name} p. ${k}`).toContain(compact('Bron: CBS'));
      }
      at += r.pages;
      if (r.pages % 2 === 1 && i < reports.length - 1) {
        expect(pages[at], `${name}'s blank back`).toBe('');
        at++;
      }
    }
    expect(count).toBe(at);
    expect(consoleErrors).toEqual([]);
  });

  it('prints a renamed wijk under its current name with the earlier one, in a year it had the old name', async () => {
    const { page, consoleErrors } = await watchedPage(app.browser, app.origin);
    await page.goto(`${app.url}?dataset=uithoorn&area=${CODE}&period=2015&indicator=a_inw`);
    await kompasShows(page, BEFORE, { period: 2015 });
    const { reports, count, pages } = await printToPdf(page, /^Afdrukken/, 'print-real-renamed');
    expect(reports.map((r) => r.title)).toEqual([`Kompas van ${NOW}`]);
    expect(count).toBeLessThanOrEqual(2);
    expect(pages[0]).toContain(compact(`Kompas van ${NOW}`));
    expect(pages[0]).toContain(compact(`wijk in Uithoorn · 2015 · voorheen ${BEFORE}`));
    expect(consoleErrors).toEqual([]);
  });

  it("gives the Data table and its download each row's year's name beside the current name", async () => {
    const context = await app.browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${app.url}?dataset=uithoorn&area=GM0451&indicator=a_inw&period=2024&view=data`);
    const row = (period: number) =>
      page.locator('.data-page table tbody tr', { hasText: CODE }).filter({ hasText: String(period) });
    await row(2015).first().waitFor({ timeout: WAIT });
    const header = await page.locator('.data-page table thead th').allTextContents();
    // The headers carry a sort arrow.
    expect(header.slice(0, 3).map((h) => h.replace(/[^\p{L} ]/gu, '').trim())).toEqual([
      'Code',
      'Gebied',
      'Naam in dat jaar',
    ]);
    const cells = async (period: number) =>
      (await row(period).first().locator('td, th').allTextContents()).map((c) => c.trim()).slice(0, 3);
    expect(await cells(2015)).toEqual([CODE, NOW, BEFORE]);
    expect(await cells(2024)).toEqual([CODE, NOW, NOW]);
    await page.locator('.data-page table').screenshot({ path: join(ARTIFACTS, 'print-real-data-names.png') });

    const csv = (await downloaded(page.getByRole('button', { name: /CSV \(internationaal\)/ }))).text;
    const lines = csvParseRows(csv.replace(/\r\n/g, '\n'));
    expect(lines[0]!.slice(0, 5)).toEqual(['Code', 'Gebied', 'Naam in dat jaar', 'Indicator', 'Jaar']);
    const ours = lines.filter((l) => l[0] === CODE).map((l) => [l[1], l[2], l[4]]);
    expect(ours).toEqual([
      [NOW, BEFORE, '2015'],
      [NOW, NOW, '2024'],
    ]);
    await context.close();
  });
});
