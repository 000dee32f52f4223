/**
 * Print works the first time (issue 14): on a freshly loaded page, the first "Afdrukken / PDF" and the first "Alle
 * wijken afdrukken" call `window.print()` only once the report(s) are in the page and complete. `window.print` is
 * replaced before the app loads by a function that records, at the moment it is called, what the print root holds;
 * then the same page is printed to PDF. At the three sizes a council member meets: desktop, tablet and phone.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { existsIn } from '../../src/data/areaPeriods.ts';
import { validateAreas } from '../../src/data/validate.ts';
import { DEMO, readPackage } from '../fixtures/readPackage.ts';
import { ARTIFACTS, kompasShows, useApp, WAIT, watchedPage } from './harness.ts';
import { compact, pdfPageCount, pdfText } from './pdfText.ts';

const areas = validateAreas(readPackage(DEMO)['areas.geojson']);
const PERIOD = 2025;
const wijken = areas.filter((a) => a.level === 'wijk' && a.gemeente === 'GM9999' && existsIn(a, PERIOD));
const nameOf = (code: string) => areas.find((a) => a.code === code)!.name;

/** What the print root held when `window.print()` was called. */
interface PrintCall {
  printing: boolean;
  reports: {
    title: string;
    tables: number;
    rows: number;
    compass: boolean;
    miniMap: boolean;
    footerCss: boolean;
    /** The pages the report says it takes (data-pages; set when several print together). */
    pages: number;
  }[];
}

declare global {
  interface Window {
    __printCalls: PrintCall[];
    __preparing: string[];
  }
}

/** Installed before any script of the page: records each print call and every progress text a button shows. */
function recordPrints() {
  window.__printCalls = [];
  window.__preparing = [];
  window.print = () => {
    const reports = [...document.querySelectorAll('.print-root .print-report')];
    window.__printCalls.push({
      printing: document.body.classList.contains('printing'),
      reports: reports.map((r) => ({
        title: r.querySelector('h2')?.textContent ?? '',
        tables: r.querySelectorAll('table.print-table').length,
        rows: r.querySelectorAll('table.print-table tbody tr').length,
        compass: r.querySelector('.print-compass svg') !== null,
        miniMap: r.querySelector('.print-map svg path') !== null,
        footerCss: /@page/.test(document.querySelector('.print-root style')?.textContent ?? ''),
        pages: Number(r.getAttribute('data-pages')),
      })),
    });
  };
  new MutationObserver(() => {
    for (const b of document.querySelectorAll('.print-button[data-state="preparing"]')) {
      const text = b.textContent ?? '';
      if (window.__preparing.at(-1) !== text) window.__preparing.push(text);
    }
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
}

/**
 * The print view's code arrives late, as on a slow connection: the print must still wait for it. (On loopback the
 * chunk often arrives within the frame the old code waited, and the blank first print went unseen.)
 */
/**
 * Delays the print view's code as a first download would: by 1,5 s, or until `until` settles (a test that must act
 * while the print is being prepared holds the code back until it has, whatever the machine's speed).
 */
async function slowPrintChunks(page: Page, until?: Promise<void>) {
  await page.route(/\/assets\/Print(Root|Report)-[^/]*\.js$/, async (route) => {
    await (until ?? new Promise((resolve) => setTimeout(resolve, 1500)));
    await route.continue();
  });
}

async function firstPrint(page: Page): Promise<PrintCall> {
  await page.waitForFunction(() => window.__printCalls.length > 0, null, { timeout: WAIT });
  const calls = await page.evaluate(() => window.__printCalls);
  expect(calls).toHaveLength(1);
  return calls[0]!;
}

async function printedPdf(page: Page, name: string) {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  writeFileSync(join(ARTIFACTS, `${name}.pdf`), pdf);
  return { count: pdfPageCount(pdf), pages: pdfText(pdf).split('\f').slice(0, -1).map(compact) };
}

const SIZES = [
  { width: 1400, height: 900 },
  { width: 1024, height: 768 },
  { width: 390, height: 844 },
];

describe('the first print has the report in the page', () => {
  const app = useApp();

  for (const size of SIZES) {
    it(`one area, first click, at ${size.width}×${size.height}`, async () => {
      const { page, consoleErrors } = await watchedPage(app.browser, app.origin, size);
      await page.addInitScript(recordPrints);
      await slowPrintChunks(page);
      await page.goto(`${app.url}?dataset=demo&area=WK999902&period=${PERIOD}`);
      await kompasShows(page, nameOf('WK999902'), { period: PERIOD });
      const kompasTables = await page.locator('.kompas-table').count();
      await page.getByRole('button', { name: 'Afdrukken / PDF' }).click();
      const call = await firstPrint(page);
      expect(call.printing).toBe(true);
      expect(call.reports).toHaveLength(1);
      const [report] = call.reports;
      expect(report!.title).toBe(`Kompas van ${nameOf('WK999902')}`);
      // Every theme of the Kompas is a table of the report (the context theme may be one compact table).
      expect(report!.tables).toBe(kompasTables);
      expect(report!.rows).toBeGreaterThan(20);
      expect(report!.compass).toBe(true);
      expect(report!.miniMap).toBe(true);
      expect(report!.footerCss).toBe(true);
      // The button is itself again once the dialog was opened.
      await expect
        .poll(() => page.getByRole('button', { name: 'Afdrukken / PDF' }).getAttribute('aria-disabled'))
        .toBe('false');

      const pdf = await printedPdf(page, `print-first-one-${size.width}`);
      expect(pdf.count).toBeGreaterThanOrEqual(1);
      expect(pdf.count).toBeLessThanOrEqual(2);
      expect(pdf.pages[0]).toContain(compact(`Kompas van ${nameOf('WK999902')}`));
      expect(pdf.pages[0]).toContain(compact(`Pagina 1 van ${pdf.count}`));
      // Gezondheid has no 2025 values: the screen offers to go to 2024, the paper says so in a plain line.
      await expect.poll(() => page.locator('.theme-latest[data-latest-period="2024"] button').count()).toBe(1);
      const paper = pdf.pages.join('');
      expect(paper).toContain(compact('Geen gegevens over 2025; de laatste zijn van 2024.'));
      expect(paper).not.toContain(compact('Naar 2024'));
      expect(consoleErrors).toEqual([]);
    });

    it(`all wijken, first click, at ${size.width}×${size.height}`, async () => {
      const { page, consoleErrors } = await watchedPage(app.browser, app.origin, size);
      await page.addInitScript(recordPrints);
      await slowPrintChunks(page);
      await page.goto(`${app.url}?dataset=demo&area=WK999901&period=${PERIOD}`);
      await kompasShows(page, nameOf('WK999901'), { period: PERIOD });
      await page.getByRole('button', { name: 'Alle wijken afdrukken' }).click();
      const call = await firstPrint(page);
      expect(call.printing).toBe(true);
      expect(call.reports.map((r) => r.title)).toEqual(wijken.map((w) => `Kompas van ${w.name}`));
      for (const r of call.reports) {
        expect(r.tables).toBeGreaterThan(3);
        expect(r.rows).toBeGreaterThan(20);
        expect(r.compass).toBe(true);
        expect(r.miniMap).toBe(true);
      }
      // While it computed the reports, the button said how far it was.
      const preparing = await page.evaluate(() => window.__preparing);
      expect(preparing.at(-1)).toBe(`Afdruk voorbereiden… ${wijken.length} van ${wijken.length}`);
      for (const text of preparing)
        expect(text).toMatch(new RegExp(`^Afdruk voorbereiden… \\d+ van ${wijken.length}$`));
      await expect.poll(() => page.locator('.print-button[data-state="preparing"]').count()).toBe(0);

      const pdf = await printedPdf(page, `print-first-all-${size.width}`);
      // Each wijk on its own page pair (a one-page report gets a blank back), numbered on its own, with the print
      // date and the source on every page.
      let at = 0;
      wijken.forEach((w, i) => {
        const pages = call.reports[i]!.pages;
        expect(pages).toBeGreaterThanOrEqual(1);
        expect(pages).toBeLessThanOrEqual(2);
        expect(at % 2).toBe(0);
        expect(pdf.pages[at]).toContain(compact(`Kompas van ${w.name}`));
        for (let k = 1; k <= pages; k++) {
          const text = pdf.pages[at + k - 1]!;
          expect(text).toContain(compact(`${w.name} – blz. ${k} van ${pages}`));
          expect(text).toContain(compact('Afgedrukt op'));
          expect(text).toContain(compact('Bron: Synthetische demodata, geen echte cijfers'));
          expect(text).not.toContain(compact('Pagina'));
        }
        at += pages;
        if (pages % 2 === 1 && i < wijken.length - 1) {
          expect(pdf.pages[at]).toBe('');
          at++;
        }
      });
      expect(pdf.count).toBe(at);
      expect(consoleErrors).toEqual([]);
    });
  }

  it("the browser's own print (Ctrl+P) prints the Kompas's report, not the dashboard, and leaves the screen as it was", async () => {
    const { page, consoleErrors } = await watchedPage(app.browser, app.origin, SIZES[1]);
    await page.addInitScript(recordPrints);
    await page.goto(`${app.url}?dataset=demo&area=WK999902&period=${PERIOD}`);
    await kompasShows(page, nameOf('WK999902'), { period: PERIOD });
    // The print view's code comes while the page is idle after its Kompas; importing the same module again settles
    // once it has run.
    const chunk = () =>
      page.evaluate(
        () =>
          performance.getEntriesByType('resource').find((e) => /\/assets\/PrintRoot-[^/]*\.js$/.test(e.name))?.name ??
          null,
      );
    await expect.poll(chunk).not.toBeNull();
    // As a string: vitest rewrites an import() written in the test's own code.
    await page.evaluate(`import(${JSON.stringify(await chunk())}).then(() => true)`);
    // page.pdf() prints as the browser's print does: beforeprint, the page laid out for paper, afterprint.
    const pdf = await printedPdf(page, 'print-browser-1024');
    expect(pdf.count).toBeGreaterThanOrEqual(1);
    expect(pdf.count).toBeLessThanOrEqual(2);
    expect(pdf.pages[0]).toContain(compact(`Kompas van ${nameOf('WK999902')}`));
    expect(pdf.pages[0]).toContain(compact(`Pagina 1 van ${pdf.count}`));
    // Not the dashboard (ten pages of its cards, with the map's legend).
    expect(pdf.pages.join('')).not.toContain(compact('Legenda'));
    // No print dialog of the app's own, and afterwards the report is gone from the page again.
    expect(await page.evaluate(() => window.__printCalls.length)).toBe(0);
    await expect.poll(() => page.locator('.print-root .print-report').count()).toBe(0);
    expect(consoleErrors).toEqual([]);
  });

  it('cancels a print being prepared: the report arrives but no dialog opens, and the next click prints', async () => {
    const { page, consoleErrors } = await watchedPage(app.browser, app.origin, SIZES[0]);
    await page.addInitScript(recordPrints);
    let release = () => {};
    await slowPrintChunks(page, new Promise<void>((resolve) => (release = resolve)));
    await page.goto(`${app.url}?dataset=demo&area=WK999902&period=${PERIOD}`);
    await kompasShows(page, nameOf('WK999902'), { period: PERIOD });
    await page.getByRole('button', { name: 'Afdrukken / PDF' }).click();
    // While the print view's code is on its way the button says so, and Annuleren stops the print.
    await expect
      .poll(() => page.locator('.print-button[data-state="preparing"]').textContent())
      .toBe('Afdruk voorbereiden…');
    await page.locator('.kompas-actions').screenshot({ path: join(ARTIFACTS, 'print-first-preparing.png') });
    await page.getByRole('button', { name: 'Annuleren' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Annuleren' }).count()).toBe(0);
    release();
    await page.locator('.print-root .print-report').waitFor({ state: 'attached' });
    // The moment it would have printed: fonts ready and two frames after the report is on the page.
    await page.evaluate(
      () =>
        new Promise((resolve) =>
          document.fonts.ready.then(() =>
            requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(resolve))),
          ),
        ),
    );
    expect(await page.evaluate(() => window.__printCalls.length)).toBe(0);
    expect(await page.evaluate(() => document.body.classList.contains('printing'))).toBe(false);
    await page.getByRole('button', { name: 'Afdrukken / PDF' }).click();
    const call = await firstPrint(page);
    expect(call.reports.map((r) => r.title)).toEqual([`Kompas van ${nameOf('WK999902')}`]);
    expect(consoleErrors).toEqual([]);
  });
});
