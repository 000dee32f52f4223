import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../src/app/i18n/index.tsx';
import {
  type App,
  ARTIFACTS,
  kompasShows,
  mapIdle,
  navigateInApp,
  seriousAxeViolations,
  useApp,
  watchedPage,
} from './harness.ts';

/** A council member's laptop, her tablet and her phone (issue 14). */
const SIZES = [
  { name: 'desktop', width: 1400, height: 900 },
  { name: 'tablet', width: 1024, height: 768 },
  { name: 'phone', width: 390, height: 844 },
] as const;
type Size = (typeof SIZES)[number];

const nl = createI18n('nl');
const START = '?dataset=demo&area=WK999901&indicator=jeugdhulp_pct&period=2025';

/** A page at the given size that sums the layout shifts (CLS) from its first paint, as Lighthouse counts them. */
async function measuredPage(app: App, size: Size) {
  const watched = await watchedPage(app.browser, app.origin, { width: size.width, height: size.height });
  await watched.page.addInitScript(() => {
    const w = window as unknown as { __cls: number };
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
        if (!entry.hadRecentInput) w.__cls += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  return watched;
}

const cls = (page: Page) => page.evaluate(() => (window as unknown as { __cls: number }).__cls);

/** How far the page reaches beyond the viewport's width, and the widest elements that do. */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const culprits: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.right > width + 1 && culprits.length < 5)
        culprits.push(`${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} → ${Math.round(box.right)}`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, width, culprits };
  });
}

/** Words in the given elements that the browser broke across two lines although they fit their cell ("jeugdbesch | erming"). */
async function brokenWords(page: Page, selector: string) {
  return page.evaluate((sel) => {
    const broken: string[] = [];
    for (const root of document.querySelectorAll(sel)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        // A break after a dash or slash ("1–|7", "jeugd-|zorg") is the language's own; any other is a broken word.
        for (const match of text.matchAll(/[^\s\-–/]+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const rects = [...range.getClientRects()].filter((r) => r.width > 0);
          const lines = new Set(rects.map((r) => Math.round(r.top)));
          // A word longer than its whole cell ("Arbeidsongeschiktheidsuitkeringen") has to break somewhere.
          const cell = node.parentElement?.closest('th, td');
          const room = cell ? cell.clientWidth : Number.POSITIVE_INFINITY;
          const width = rects.reduce((sum, r) => sum + r.width, 0);
          if (lines.size > 1 && width < room - 8) broken.push(match[0]);
        }
      }
    }
    return broken;
  }, selector);
}

/** The smallest text in the Verkennen charts as it appears on screen (its font size times the SVG's scale). */
async function smallestChartText(page: Page): Promise<number> {
  return page.evaluate(() => {
    let smallest = Number.POSITIVE_INFINITY;
    for (const svg of document.querySelectorAll<SVGSVGElement>('.verkennen svg')) {
      const drawn = svg.width.baseVal.value;
      const shown = svg.getBoundingClientRect().width;
      if (drawn === 0 || shown === 0) continue;
      for (const text of svg.querySelectorAll('text')) {
        if (!text.textContent?.trim()) continue;
        smallest = Math.min(smallest, Number.parseFloat(getComputedStyle(text).fontSize) * (shown / drawn));
      }
    }
    return smallest;
  });
}

/** Waits until a view has drawn what it shows, opened by its button in the header (as a user would). */
async function openView(page: Page, view: 'kompas' | 'verkennen' | 'data' | 'overzicht' | 'over') {
  await page
    .locator('nav.views')
    .getByRole('button', { name: nl.t(`nav.${view}`), exact: true })
    .click();
  if (view === 'kompas') {
    await kompasShows(page, 'Centrum');
    await mapIdle(page);
  } else if (view === 'verkennen') {
    await expect.poll(() => page.locator('.verkennen svg [data-code]').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await mapIdle(page);
  } else if (view === 'data') {
    await page.locator('.data-page table tbody tr').first().waitFor({ timeout: 30_000 });
  } else if (view === 'overzicht') {
    await page.waitForSelector('section.overview[data-state="done"][aria-busy="false"]', { timeout: 60_000 });
  } else {
    await page.locator('.over-table tbody tr').first().waitFor({ timeout: 30_000 });
  }
}

async function expectAccessible(page: Page, label: string) {
  expect(await seriousAxeViolations(page), `${label} (screen)`).toEqual([]);
  await page.emulateMedia({ media: 'print' });
  try {
    expect(await seriousAxeViolations(page), `${label} (print)`).toEqual([]);
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
}

describe('the app at a laptop, a tablet and a phone', () => {
  const app = useApp();
  /**
   * The page each size's first test loaded: the choices below go on in it at the same size, through the app's own
   * navigation (a full load boots DuckDB again, ~7 s of Chromium CPU on CI's two cores).
   */
  const loaded = new Map<Size, Page>();

  /** The Kompas of Centrum (START) at `size`, in the page its first test loaded. */
  async function atStart(size: Size): Promise<Page> {
    const page = loaded.get(size);
    if (!page) throw new Error(`the test at ${size.width} × ${size.height} did not load its page`);
    await navigateInApp(page, START);
    await kompasShows(page, 'Centrum');
    return page;
  }

  describe.each(SIZES)('at $width × $height ($name)', (size) => {
    it('every view fits the width, passes axe on screen and in print, and the first Kompas does not shift', async () => {
      const { page, consoleErrors, foreignRequests } = await measuredPage(app, size);
      await page.goto(`${app.url}${START}`);
      await kompasShows(page, 'Centrum');
      await mapIdle(page);
      const shift = await cls(page);
      expect(shift, 'CLS up to the first Kompas').toBeLessThan(0.05);

      for (const view of ['kompas', 'verkennen', 'data', 'overzicht', 'over'] as const) {
        await openView(page, view);
        const { scrollWidth, width, culprits } = await overflow(page);
        expect(scrollWidth, `${view}: wider than the screen: ${culprits.join(', ')}`).toBeLessThanOrEqual(width);
        await page.screenshot({ path: join(ARTIFACTS, `responsive-${view}-${size.width}.png`), fullPage: true });
        await expectAccessible(page, `${view} at ${size.width}`);
        if (view === 'kompas' || view === 'over')
          expect(await brokenWords(page, '.kompas-table, .over-table'), `${view}: words broken across lines`).toEqual(
            [],
          );
        if (view === 'verkennen') expect(await smallestChartText(page)).toBeGreaterThanOrEqual(11);
      }
      expect(consoleErrors).toEqual([]);
      expect(foreignRequests).toEqual([]);
      loaded.set(size, page);
    });
  });

  describe('choosing an area', () => {
    it('on the tablet moves focus to the Kompas heading, in view, naming the area', async () => {
      const page = await atStart(SIZES[1]);
      await page.getByRole('treeitem', { name: /^Voorstad/ }).click();
      await kompasShows(page, 'Voorstad');
      const heading = await page.evaluate(() => {
        const h = document.getElementById('kompas-title');
        const box = h?.getBoundingClientRect();
        return {
          focused: document.activeElement === h,
          text: h?.textContent,
          inView: box !== undefined && box.top > -1 && box.bottom <= window.innerHeight,
        };
      });
      expect(heading).toEqual({ focused: true, text: nl.t('kompas.title', { area: 'Voorstad' }), inView: true });
      await page.screenshot({ path: join(ARTIFACTS, 'responsive-tablet-after-choice.png') });
      await page.close();
    });

    it('on the phone scrolls the Kompas heading to the top of the screen', async () => {
      const page = await atStart(SIZES[2]);
      await page.getByRole('treeitem', { name: /^Voorstad/ }).click();
      await kompasShows(page, 'Voorstad');
      const top = await page.evaluate(() => document.getElementById('kompas-title')?.getBoundingClientRect().top ?? -1);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('kompas-title');
      expect(top).toBeGreaterThan(-1);
      expect(top).toBeLessThan(844 / 2);
      await page.close();
    });

    it('beside the map (desktop) keeps focus in the list and announces the Kompas politely', async () => {
      const page = await atStart(SIZES[0]);
      const item = page.getByRole('treeitem', { name: /^Voorstad/ });
      await item.focus();
      await page.keyboard.press('Enter');
      await kompasShows(page, 'Voorstad');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('treeitem');
      await expect
        .poll(() => page.locator('main > p[role="status"]').textContent())
        .toBe(nl.t('kompas.title', { area: 'Voorstad' }));
      await page.close();
    });
  });

  describe('the first view', () => {
    it('shows the area list, the outline and what is loading at once; the Over page reads before DuckDB has started', async () => {
      const { page } = await watchedPage(app.browser, app.origin, { width: 1024, height: 768 });
      // DuckDB's wasm is held back until the Over page has been checked: nothing of it may wait for the database.
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      await page.route(/\.wasm$/, async (route) => {
        await held;
        await route.continue();
      });
      // The start screen of a package without a precomputed first view (its Kompas from it: tests/e2e/firstView.test.ts).
      await page.route(/\/first\//, (route) => route.abort());
      await page.goto(`${app.url}${START}`);
      const steps = page.locator('.loading-progress li');
      await expect.poll(() => steps.count()).toBe(3);
      await expect
        .poll(() => page.locator('.loading-progress li[data-step="files"]').getAttribute('data-state'))
        .toBe('done');
      expect(await page.locator('.loading-progress li[data-step="database"]').getAttribute('data-state')).toBe('busy');
      expect(await page.locator('.loading-progress li[data-step="database"]').textContent()).toContain(
        nl.t('app.progress.busy'),
      );
      // The frame of the dashboard is there already: the wijken in the list, their outline, the Kompas's heading.
      await page.locator('.map-outline svg path').first().waitFor({ timeout: 30_000 });
      const tree = await page.getByRole('tree').getByRole('treeitem').allTextContents();
      expect(tree.some((t) => t.includes('Voorstad'))).toBe(true);
      expect(await page.locator('#kompas-title').textContent()).toBe(nl.t('kompas.title', { area: 'Centrum' }));
      await page.screenshot({ path: join(ARTIFACTS, 'responsive-start-1024.png') });

      await page
        .locator('nav.views')
        .getByRole('button', { name: nl.t('nav.over'), exact: true })
        .click();
      await page.locator('.over-table tbody tr').first().waitFor({ timeout: 30_000 });
      expect(await page.locator('#over-indicator-jeugdhulp_pct th').textContent()).toBe('Jongeren met jeugdhulp');
      expect(await page.evaluate(() => performance.getEntriesByName('gk:db-ready').length)).toBe(0);

      release();
      await page
        .locator('nav.views')
        .getByRole('button', { name: nl.t('nav.kompas'), exact: true })
        .click();
      await kompasShows(page, 'Centrum');
      await page.close();
    });
  });
});
