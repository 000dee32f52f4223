import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../src/app/i18n/index.tsx';
import { validateAreas, validateIndicators } from '../../src/data/validate.ts';
import { DEMO, readCsvObjects, readPackage } from '../fixtures/readPackage.ts';
import {
  ARTIFACTS,
  kompasShows,
  navigateInApp,
  seriousAxeViolations,
  useApp,
  type Watched,
  watchedPage,
} from './harness.ts';

const files = readPackage(DEMO);
const areas = validateAreas(files['areas.geojson']);
const indicators = validateIndicators(files['indicators.csv']);
const observations = readCsvObjects(files['observations.csv']);
const nl = createI18n('nl');
const wijken = areas.filter((a) => a.level === 'wijk').map((a) => a.code);
const VOORSTAD = 'WK999902';
const indicatorOf = (id: string) => indicators.find((i) => i.id === id)!;
const observation = (area: string, indicator: string, period: number) =>
  observations.find((r) => r.area_code === area && r.indicator_id === indicator && Number(r.period) === period);

const SIZES = [
  { width: 1400, height: 900 },
  { width: 1024, height: 768 },
  { width: 390, height: 844 },
] as const;

/**
 * Every piece of text in a Kompas cell lies inside its own cell: then a number never runs into a badge of the next
 * column. Returns the cells whose content sticks out (by more than a pixel), with the overflow.
 */
async function overflowingCells(page: Page) {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const cell of document.querySelectorAll<HTMLElement>('.kompas-table tr > *')) {
      const box = cell.getBoundingClientRect();
      if (box.width === 0) continue;
      // What is drawn: the visible text (not the screen-reader-only words, not a hidden tooltip), badges and charts.
      const rects: DOMRect[] = [];
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || !node.textContent?.trim() || parent.closest('.visually-hidden, [role="tooltip"]')) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        rects.push(...range.getClientRects());
      }
      for (const part of cell.querySelectorAll('.badge, svg')) rects.push(part.getBoundingClientRect());
      for (const r of rects) {
        if (r.width === 0 && r.height === 0) continue;
        if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) {
          const row = cell.closest('tr')?.getAttribute('data-indicator') ?? 'head';
          const where = `${Math.round(r.left - box.left)},${Math.round(r.right - box.right)},${Math.round(r.top - box.top)},${Math.round(r.bottom - box.bottom)}`;
          out.push(`${row}/${cell.getAttribute('data-cell') ?? cell.tagName}: ${where}`);
          break;
        }
      }
    }
    return out;
  });
}

describe('the Kompas table a raadslid reads without a legend', () => {
  const app = useApp();
  /**
   * One page for the tests of a file, loaded by the first and again where a test needs a fresh Kompas (its comparison
   * year is the panel's own state); the others go on in it, resized or by the app's own navigation, as each full load
   * boots DuckDB again (~7 s of Chromium CPU on CI's two cores). Its console errors are those since its load.
   */
  let shared: Watched | undefined;
  const START = `?dataset=demo&area=${VOORSTAD}&period=2019&indicator=vsv_pct`;

  for (const size of SIZES) {
    it(`at ${size.width}×${size.height}: arrows follow the value, words say better or worse, verdicts sit under the area's value, nothing overlaps`, async () => {
      // The table's layout at each size: the first size's page loaded, then resized to the next (as a window is).
      if (!shared) {
        shared = await watchedPage(app.browser, app.origin, size);
        await shared.page.goto(`${app.url}${START}`);
      } else await shared.page.setViewportSize(size);
      const { page, consoleErrors } = shared;
      await kompasShows(page, 'Voorstad', { period: 2019 });
      // The ranks come from their own query: wait until they are on the rows.
      await page.locator('tr[data-indicator="jeugdhulp_pct"] .rank').waitFor();

      // Early school leavers (lower is better) fell clearly in Voorstad in 2019: "▼" with the word "beter".
      const vsv = page.locator('tr[data-indicator="vsv_pct"]');
      expect(await vsv.locator('td[data-cell="change"] .change-arrow').textContent()).toBe('▼');
      expect((await vsv.locator('td[data-cell="change"] .verdict .badge').textContent())?.trim()).toBe('beter');
      expect(await vsv.locator('td[data-cell="change"] .verdict').getAttribute('data-verdict')).toBe('better');

      // On every row the arrow is the sign of the change, and every verdict is a word.
      const rows = await page.locator('.kompas-table tbody tr').evaluateAll((trs) =>
        trs.map((tr) => ({
          id: tr.getAttribute('data-indicator'),
          arrow: tr.querySelector('td[data-cell="change"] .change-arrow')?.textContent ?? null,
          change: tr.querySelector('td[data-cell="change"] .change-value')?.textContent ?? null,
          words: [...tr.querySelectorAll('.verdict .badge')].map((v) => v.textContent?.trim()),
        })),
      );
      expect(rows.length).toBeGreaterThan(20);
      let arrows = 0;
      for (const row of rows) {
        if (row.arrow === null) continue;
        arrows++;
        const number = row.change!.replace(row.arrow, '').trim();
        // The sign may follow a currency symbol ("€ +620").
        const expected = /\+\s*\d/.test(number) ? '▲' : /[-−]\s*\d/.test(number) ? '▼' : '=';
        expect(row.arrow, `${row.id}: ${row.change}`).toBe(expected);
      }
      expect(arrows).toBeGreaterThan(20);
      const allowed = new Set([
        ...(['better', 'worse', 'unclear', 'neutral', 'unknown'] as const).map((v) => nl.t(`compass.short.${v}`)),
        ...(['better', 'worse', 'unclear'] as const).map((v) => nl.t(`compass.shortGemeente.${v}`)),
      ]);
      for (const row of rows) for (const word of row.words) expect(allowed, `${row.id}: ${word}`).toContain(word);
      // The legend above the tables says what the arrows mean, and the graphic's legend does not use them.
      expect(await page.locator('.kompas-table-legend').textContent()).toContain('▼ gedaald');
      expect(await page.locator('.compass-legend').textContent()).not.toMatch(/[▲▼]/);

      // The comparison with the gemeente sits under the area's value (its cell), not under the gemeente's.
      expect(await page.locator('td[data-cell="gemeente"] .verdict').count()).toBe(0);
      const underArea = page.locator('td[data-cell="area"] .verdict');
      expect(await underArea.count()).toBeGreaterThan(5);
      const jeugd = page.locator('tr[data-indicator="jeugdhulp_pct"]');
      const badge = (await jeugd.locator('td[data-cell="area"] .verdict .badge').boundingBox())!;
      const areaCell = (await jeugd.locator('td[data-cell="area"]').boundingBox())!;
      expect(badge.x).toBeGreaterThanOrEqual(areaCell.x - 1);
      expect(badge.x + badge.width).toBeLessThanOrEqual(areaCell.x + areaCell.width + 1);
      const asTable = await page.locator('table[data-theme="jeugd"] thead').isVisible();
      // On a desktop the Kompas is a table; on a phone its rows are stacked, each value with its column's name.
      if (size.width >= 1400) expect(asTable).toBe(true);
      if (size.width < 600) {
        expect(asTable).toBe(false);
        expect(await jeugd.locator('td[data-cell="area"]').getAttribute('data-label')).toBe('2019');
      }
      if (asTable) {
        // A table (not the stacked rows of a narrow panel): the badge lies within the column headed by the year.
        const head = (await page.locator('table[data-theme="jeugd"] thead th').nth(1).boundingBox())!;
        expect(await page.locator('table[data-theme="jeugd"] thead th').nth(1).textContent()).toBe('2019');
        expect(badge.x).toBeGreaterThanOrEqual(head.x - 1);
        expect(badge.x + badge.width).toBeLessThanOrEqual(head.x + head.width + 1);
      }

      // Nothing overlaps: every number, badge and rank stays in its own cell; the page does not scroll sideways.
      expect(await overflowingCells(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);

      await page.locator('section.kompas').screenshot({ path: join(ARTIFACTS, `kompas-table-${size.width}.png`) });
      expect(consoleErrors).toEqual([]);
    });
  }

  it('shows the rank with its interval, the comparison year beside the value, and ring segments with enough aims', async () => {
    // The size tests' page (they chose no comparison year), back at the desktop's size.
    const { page, consoleErrors } = shared!;
    await page.setViewportSize({ width: 1400, height: 900 });
    await navigateInApp(page, START);
    await kompasShows(page, 'Voorstad', { period: 2019 });
    const rank = page.locator('tr[data-indicator="jeugdhulp_pct"] .rank');
    await rank.waitFor();
    // Lower is better: the position is 1 + the number of wijken with a lower share that year.
    const own = Number(observation(VOORSTAD, 'jeugdhulp_pct', 2019)!.value);
    const values = wijken.map((w) => observation(w, 'jeugdhulp_pct', 2019)).filter((r) => r && r.value !== '');
    const expected = 1 + values.filter((r) => Number(r!.value) < own).length;
    const text = (await rank.textContent()) ?? '';
    const match = text.match(/^positie (\d+) van (\d+) \(95%-interval (\d+)–(\d+)\)$/);
    expect(match, text).not.toBeNull();
    const [, position, of, low, high] = match!.map(Number);
    expect(position).toBe(expected);
    expect(of).toBe(values.length);
    expect(low).toBeLessThanOrEqual(position!);
    expect(high).toBeGreaterThanOrEqual(position!);
    expect(await rank.getAttribute('title')).toContain('1 = best');

    // The comparison year: by default the previous period, with the package's values; another year on request.
    const compareHead = page.locator('table[data-theme="jeugd"] thead th[data-compare]');
    expect(await compareHead.textContent()).toBe('2018');
    const compareCell = page.locator('tr[data-indicator="jeugdhulp_pct"] td[data-cell="compare"]');
    const value = (period: number) =>
      nl.compactValue(Number(observation(VOORSTAD, 'jeugdhulp_pct', period)!.value), indicatorOf('jeugdhulp_pct'));
    expect((await compareCell.textContent())?.trim()).toBe(value(2018));
    const select = page.getByLabel('Vergelijk met');
    await select.selectOption('2015');
    await expect.poll(() => compareHead.textContent()).toBe('2015');
    expect((await compareCell.textContent())?.trim()).toBe(value(2015));
    // In 2025 the aims' baseline year (2019) is offered by name, beside the default previous period. A full load: the
    // comparison year chosen above is the panel's own state, which the app's navigation keeps.
    await page.goto(`${app.url}?dataset=demo&area=${VOORSTAD}&period=2025&indicator=vsv_pct`);
    await kompasShows(page, 'Voorstad', { period: 2025 });
    expect(await compareHead.textContent()).toBe('2024');
    expect((await compareCell.textContent())?.trim()).toBe(value(2024));
    expect(await select.locator('option').allTextContents()).toContain('2019 (basisjaar doelen)');
    await select.selectOption('2019');
    await expect.poll(() => compareHead.textContent()).toBe('2019');
    expect((await compareCell.textContent())?.trim()).toBe(value(2019));

    // Each theme's ring: coloured by its aims only with at least two of known status, and says how many.
    for (const theme of await page
      .locator('g.compass-segment')
      .evaluateAll((gs) => gs.map((g) => g.getAttribute('data-theme')!))) {
      const statuses = await page
        .locator(`table[data-theme="${theme}"] [data-aim-status]`)
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-aim-status')));
      const known = statuses.filter((s) => s !== 'onbekend').length;
      const onCourse = statuses.filter((s) => s === 'behaald' || s === 'op_koers').length;
      const label = (
        await page
          .locator(`text.compass-label[data-theme="${theme}"] tspan`)
          .evaluateAll((ts) => ts.map((t) => t.textContent))
      ).join(' ');
      const ring = page.locator(`g.compass-segment[data-theme="${theme}"] path[class*="compass-aims-"]`);
      if (statuses.length === 0) expect(label, theme).toContain('geen doelen');
      else if (known < 2) {
        expect(label, theme).toContain('te weinig doelen');
        expect(await ring.evaluateAll((ps) => ps.map((p) => p.getAttribute('data-tone')))).toEqual(['none']);
      } else expect(label, theme).toContain(`${onCourse} van ${statuses.length} doelen op koers`);
    }
    expect(consoleErrors).toEqual([]);
  });

  it('drills into a theme from the compass graphic (click and keyboard) and back, moving focus', async () => {
    const { page, consoleErrors } = shared!;
    await page.setViewportSize({ width: 1024, height: 768 });
    await navigateInApp(page, START);
    await kompasShows(page, 'Voorstad', { period: 2019 });
    const tables = () =>
      page.locator('table.kompas-table').evaluateAll((ts) => ts.map((t) => t.getAttribute('data-theme')));
    const all = await tables();
    expect(all.length).toBeGreaterThanOrEqual(6);

    await page.locator('g.compass-segment[data-theme="werk"]').click();
    await expect.poll(tables).toEqual(['werk']);
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return el ? `${el.tagName.toLowerCase()}|${el.closest('[data-theme]')?.getAttribute('data-theme') ?? ''}` : '';
      });
    await expect.poll(focused).toBe('h3|werk');
    expect(await page.locator('g.compass-segment[data-theme="werk"]').getAttribute('aria-pressed')).toBe('true');
    await page.locator('section.kompas').screenshot({ path: join(ARTIFACTS, 'kompas-drill-werk.png') });
    const back = page.getByRole('button', { name: 'Terug naar alle thema’s' });
    await back.click();
    await expect.poll(tables).toEqual(all);
    await expect.poll(focused).toBe('g|werk');

    // The keyboard: Enter on a focused segment, Space on another, and back.
    await page.locator('g.compass-segment[data-theme="jeugd"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(tables).toEqual(['jeugd']);
    await expect.poll(focused).toBe('h3|jeugd');
    await page.locator('g.compass-segment[data-theme="zorg"]').focus();
    await page.keyboard.press(' ');
    await expect.poll(tables).toEqual(['zorg']);
    await page.getByRole('button', { name: 'Terug naar alle thema’s' }).press('Enter');
    await expect.poll(tables).toEqual(all);
    await expect.poll(focused).toBe('g|zorg');

    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
