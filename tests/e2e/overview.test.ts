import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { validateAreas } from '../../src/data/validate.ts';
import { DEMO, readPackage } from '../fixtures/readPackage.ts';
import { ARTIFACTS, kompasShows, seriousAxeViolations, useApp, WAIT, watchedPage } from './harness.ts';
import { compact, pdfPageCount, pdfText } from './pdfText.ts';

const areas = validateAreas(readPackage(DEMO)['areas.geojson']);
const wijken = areas.filter((a) => a.level === 'wijk' && a.gemeente === 'GM9999');
const buurten = areas.filter((a) => a.level === 'buurt' && a.gemeente === 'GM9999');

/** Waits until the overview shows `period` at `level` with every row computed; returns the milliseconds waited. */
async function overviewDone(page: Page, period: number, level: string, timeout = 120_000): Promise<number> {
  const start = Date.now();
  const section = `section.overview[data-period="${period}"][data-level="${level}"]`;
  await page.waitForSelector(`${section}[data-state="done"][aria-busy="false"], ${section}[data-state="error"]`, {
    timeout,
  });
  expect(await page.locator('section.overview [role="alert"]').count()).toBe(0);
  return Date.now() - start;
}

/** Every "… van N gebieden" the progress line showed, and whether the overview was ever aria-busy. */
async function watchProgress(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    let busy = false;
    let started = 0;
    let ended = 0;
    (window as unknown as { __overviewProgress: () => unknown }).__overviewProgress = () => ({
      seen,
      busy,
      ms: ended - started,
    });
    new MutationObserver(() => {
      const section = document.querySelector('section.overview');
      if (section?.getAttribute('aria-busy') === 'true' && !busy) {
        busy = true;
        started = performance.now();
      }
      if (busy && !ended && section?.getAttribute('data-state') === 'done') ended = performance.now();
      const text = document.querySelector('.overview-progress')?.textContent?.trim();
      if (text && !seen.includes(text)) seen.push(text);
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

const progressOf = (page: Page) =>
  page.evaluate(() =>
    (
      window as unknown as { __overviewProgress: () => { seen: string[]; busy: boolean; ms: number } }
    ).__overviewProgress(),
  );

describe('Overzicht: the signals of every area of the gemeente, by theme', () => {
  const app = useApp();

  it('lists every wijk with its signals and aims as its Kompas shows them, prints one landscape table, and opens a Kompas', async () => {
    const { page, consoleErrors, foreignRequests } = await watchedPage(app.browser, app.origin, {
      width: 1400,
      height: 900,
    });
    await watchProgress(page);
    const start = Date.now();
    await page.goto(`${app.url}?dataset=demo&area=WK999901&period=2025&view=overzicht`);
    await overviewDone(page, 2025, 'wijk');
    console.log(`overview: 10 wijken from page load to the full table ${Date.now() - start} ms`);
    const progress = await progressOf(page);
    console.log(`overview: 10 wijken computed in ${Math.round(progress.ms)} ms (first row to last, in the page)`);
    expect(progress.busy).toBe(true);
    expect(progress.seen.some((s) => /^\d+ van 10 gebieden$/.test(s))).toBe(true);

    // The header navigation has the view, marked as the current page.
    expect(await page.locator('nav.views button[aria-current="page"]').textContent()).toBe('Overzicht');
    // The explanation of a signal, above the table.
    expect(await page.locator('.overview-intro').textContent()).toMatch(
      /verandering die blijft.*aantal vergelijkingen/,
    );

    // Every wijk of the gemeente has a row.
    const codes = await page.locator('.overview-table tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.area));
    expect([...codes].sort()).toEqual(wijken.map((w) => w.code).sort());

    // Voorstad: the lasting fall of the bijstand is a "better" signal in the theme werk, in words and with an icon.
    const voorstad = page.locator('tr[data-area="WK999902"]');
    const bijstand = voorstad.locator('td[data-theme="werk"] li[data-indicator="bijstand_per_1000"]');
    expect(await bijstand.getAttribute('data-verdict')).toBe('better');
    const text = ((await bijstand.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(text).toMatch(/▼ duidelijk beter (nieuw|aanhoudend) Bijstand/);
    expect(text).toMatch(/lager, gemiddeld 2024–2025 tegenover 2020–2023/);
    const status = await bijstand.getAttribute('data-signal-status');
    // Wiekeloo: no jeugdhulp signal (its change is within the noise).
    expect(await page.locator('tr[data-area="WK999908"] [data-indicator^="jeugdhulp"]').count()).toBe(0);
    // A row without any signal says so.
    const counts = await page
      .locator('.overview-table tbody th .ov-count')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-signal-count'), e.textContent]));
    for (const [count, words] of counts) if (count === '0') expect(words).toBe('geen signalen');
    expect(counts.some(([count]) => count === '0')).toBe(true);
    // Aims per theme, as badges with icon, count and word.
    expect(await voorstad.locator('td[data-theme="werk"] [data-aim-status]').count()).toBeGreaterThan(0);

    // The filter keeps only the areas with signals.
    const withSignals = counts.filter(([count]) => count !== '0').length;
    await page.getByLabel('Alleen gebieden met signalen').check();
    await expect.poll(() => page.locator('.overview-table tbody tr').count()).toBe(withSignals);
    await page.getByLabel('Alleen gebieden met signalen').uncheck();
    await expect.poll(() => page.locator('.overview-table tbody tr').count()).toBe(wijken.length);

    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'overview-1400.png'), fullPage: true });

    // Print: window.print is replaced before the click; when it is called the whole table must be in the print root.
    await page.evaluate(() => {
      const w = window as unknown as { __printed: unknown[] };
      w.__printed = [];
      window.print = () => {
        w.__printed.push({
          rows: document.querySelectorAll('.print-root.overview .overview-table tbody tr[data-ready="true"]').length,
          printing: document.body.classList.contains('printing'),
          state: document.querySelector('section.overview')?.getAttribute('data-state'),
        });
      };
    });
    await page.getByRole('button', { name: 'Afdrukken / PDF' }).click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __printed: unknown[] }).__printed))
      .toEqual([{ rows: wijken.length, printing: true, state: 'done' }]);
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 1123, height: 794 }); // A4 landscape at 96 dpi
    await page.screenshot({ path: join(ARTIFACTS, 'overview-print.png'), fullPage: true });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(join(ARTIFACTS, 'overview.pdf'), pdf);
    // Landscape: the page is wider than it is high.
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
    expect(box).not.toBeNull();
    expect(Number(box![1])).toBeGreaterThan(Number(box![2]));
    // Ten wijken: one landscape page in the demo, at most two.
    expect(pdfPageCount(pdf)).toBeLessThanOrEqual(2);
    const printed = compact(pdfText(pdf));
    expect(printed).toContain(compact('Overzicht van signalen per gebied'));
    expect(printed).toContain(compact('Voorstad'));
    expect(printed).toContain(compact('Synthetische demodata'));
    expect(printed).not.toContain(compact('Alleen gebieden met signalen'));
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => document.body.classList.remove('printing'));
    await page.setViewportSize({ width: 1400, height: 900 });

    // Keyboard: arrow keys walk the area links; a click opens the area's Kompas, with the same signal.
    const focused = () => page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-area'));
    await page.locator(`tr[data-area="${codes[0]}"] a.ov-area-link`).focus();
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(codes[1]);
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe(codes[0]);
    await voorstad.locator('a.ov-area-link').click();
    await kompasShows(page, 'Voorstad', { period: 2025 });
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('kompas');
    await expect.poll(() => new URL(page.url()).searchParams.get('area')).toBe('WK999902');
    const kompasSignal = page.locator('.signals li[data-indicator="bijstand_per_1000"]');
    expect(await kompasSignal.getAttribute('data-signal-status')).toBe(status);
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  it('stays usable for all buurten, cancels a computation when the year changes, and fits a tablet and a phone', async () => {
    const { page, consoleErrors } = await watchedPage(app.browser, app.origin, {
      width: 1024,
      height: 768,
    });
    await page.goto(`${app.url}?dataset=demo&area=WK999901&period=2025&view=overzicht`);
    await overviewDone(page, 2025, 'wijk');
    await page.screenshot({ path: join(ARTIFACTS, 'overview-1024.png'), fullPage: true });

    // All buurten of the gemeente, one after another, with the progress visible.
    const level = page.getByLabel('Niveau');
    await level.selectOption('buurt');
    await page.waitForSelector('section.overview[data-level="buurt"][aria-busy="true"]');
    const buurtMs = await overviewDone(page, 2025, 'buurt');
    console.log(`overview: ${buurten.length} buurten computed in ${buurtMs} ms`);
    expect(await page.locator('.overview-table tbody tr').count()).toBe(buurten.length);
    await page.screenshot({ path: join(ARTIFACTS, 'overview-buurt-1024.png') });
    // Visited again: from the cache, at once.
    await level.selectOption('wijk');
    await overviewDone(page, 2025, 'wijk', 5_000);
    await level.selectOption('buurt');
    const cachedMs = await overviewDone(page, 2025, 'buurt', 5_000);
    console.log(`overview: ${buurten.length} buurten again (cached) in ${cachedMs} ms`);
    // Another year: the queries are cached (they hold every year), the verdicts are computed anew.
    await page.getByLabel('Jaar').selectOption('2024');
    const yearMs = await overviewDone(page, 2024, 'buurt');
    console.log(`overview: ${buurten.length} buurten in another year (queries cached) in ${yearMs} ms`);

    // Another year while buurten are being computed (a fresh page: nothing cached): the old loop stops, the new
    // year's table completes without a row of the old year.
    const fresh = await watchedPage(app.browser, app.origin, { width: 1024, height: 768 });
    await fresh.page.goto(`${app.url}?dataset=demo&area=WK999901&period=2025&view=overzicht&level=buurt`);
    await fresh.page.waitForFunction(
      () =>
        document.querySelector('section.overview[data-period="2025"][aria-busy="true"]') !== null &&
        document.querySelectorAll('.overview-table tbody tr[data-ready="true"]').length >= 3,
      undefined,
      { timeout: WAIT },
    );
    expect((await fresh.page.locator('.overview-progress').textContent())?.trim()).toMatch(/^\d+ van 74 gebieden$/);
    await fresh.page.getByLabel('Jaar').selectOption('2024');
    await overviewDone(fresh.page, 2024, 'buurt');
    expect(await fresh.page.locator('.overview-table tbody tr[data-ready="true"]').count()).toBe(buurten.length);
    expect(fresh.consoleErrors).toEqual([]);
    await fresh.page.close();

    expect(await seriousAxeViolations(page)).toEqual([]);

    // A phone: the table scrolls sideways inside its own region, the page does not.
    await page.setViewportSize({ width: 390, height: 844 });
    await level.selectOption('wijk');
    await page.getByLabel('Jaar').selectOption('2025');
    await overviewDone(page, 2025, 'wijk');
    const widths = await page.evaluate(() => {
      const wide = [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.overview-scroll'))
        .map((e) => `${e.tagName}.${e.className}`);
      const region = document.querySelector<HTMLElement>('.overview-scroll')!;
      return {
        page: document.documentElement.scrollWidth,
        viewport: window.innerWidth,
        region: region.clientWidth,
        table: region.scrollWidth,
        wide,
      };
    });
    expect(widths.wide).toEqual([]);
    expect(widths.page).toBeLessThanOrEqual(widths.viewport);
    expect(widths.table).toBeGreaterThan(widths.region);
    await page.screenshot({ path: join(ARTIFACTS, 'overview-390.png'), fullPage: true });
    // The explanation links to the Over page's section on signals, and scrolls there.
    await page.getByRole('link', { name: 'Hoe signalen en doelen worden beoordeeld' }).click();
    await page.waitForFunction(() => {
      const top = document.getElementById('method-signals')?.getBoundingClientRect().top;
      return top !== undefined && top >= -1 && top < window.innerHeight;
    });
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('over');
    expect(consoleErrors).toEqual([]);
  });
});
