import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../src/app/i18n/index.tsx';
import { loadPackage } from '../../src/data/load.ts';
import { PACKAGE_FILES, PackageError, type PackageFiles, type PackageIssue } from '../../src/data/package.ts';
import { createNodeConnector } from '../../src/db/node.ts';
import { DEMO, FIXTURES, readPackage } from '../fixtures/readPackage.ts';
import { ARTIFACTS, kompasShows, useApp, watchedPage } from './harness.ts';

const demo = readPackage(DEMO);
const mini = readPackage(join(FIXTURES, 'mini'));

/** The mini fixture under another id and title, with `edit` applied to its observations. */
function variant(id: string, title: string, edit: (observations: string) => string = (o) => o): PackageFiles {
  const meta = JSON.parse(mini['dataset.json']) as Record<string, unknown>;
  return {
    ...mini,
    'dataset.json': `${JSON.stringify({ ...meta, id, title: { nl: title, en: title } }, null, 2)}\n`,
    'observations.csv': edit(mini['observations.csv']),
  };
}

/** Packages written by this test beside the demo: two valid ones (West, Oost …) and two broken ones. */
const PACKAGES: Record<string, PackageFiles> = {
  demo,
  tweede: variant('tweede', 'Tweede gemeente'),
  // Another inwoners figure for West in 2024, so the Kompas shows which package's tables it reads.
  derde: variant('derde', 'Derde gemeente', (o) =>
    o.replace('WK999801,inwoners,2024,864,,', 'WK999801,inwoners,2024,1234,,'),
  ),
  kapot: variant('kapot', 'Kapotte gegevens', (o) =>
    o.replace('WK999801,inwoners,2024,864,,', 'WK999801,inwoners,2024,veel,,'),
  ),
  kapotjson: { ...variant('kapotjson', 'x'), 'dataset.json': '{ "id": "kapotjson", "title": ' },
};

const DEMO_META = JSON.parse(demo['dataset.json']) as { title: { nl: string }; default_area: string };

/** What the loader says about a package, as the app words it in Dutch (file, row, column). */
async function expectedIssues(files: PackageFiles): Promise<string[]> {
  const db = await createNodeConnector();
  try {
    await loadPackage(db, files);
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
    const nl = createI18n('nl');
    return error.issues.map((issue: PackageIssue) => nl.issue(issue));
  } finally {
    db.close();
  }
  throw new Error('expected the package to be rejected');
}

/** Holds the requests for one file of a package until `release` is called, so a test can look at the loading state. */
async function hold(page: Page, path: string) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(`**/data/${path}`, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

const header = (page: Page) => page.locator('header select');
const brand = (page: Page) => page.locator('header .brand p');

describe('switching dataset in the header', () => {
  const app = useApp((dir) => {
    for (const [id, files] of Object.entries(PACKAGES)) {
      mkdirSync(join(dir, id));
      for (const name of PACKAGE_FILES) writeFileSync(join(dir, id, name), files[name]);
    }
    // The demo's dataset.json declares its precomputed first view: it comes along.
    cpSync(join(DEMO, 'first'), join(dir, 'demo', 'first'), { recursive: true });
  });

  it('a broken package says why and leaves the demo shown, in the URL and usable; a valid one replaces it whole', async () => {
    const { page, consoleErrors } = await watchedPage(app.browser, app.origin);
    await page.goto(`${app.url}?dataset=demo&area=WK999903&view=kompas`);
    await kompasShows(page, 'Molenkwartier');
    // The app fills in the default indicator and year in the URL after the next paint (useUrlState): the URL to
    // come back to is that one.
    await expect.poll(() => new URL(page.url()).searchParams.get('period')).not.toBeNull();
    const demoUrl = page.url();
    expect(new URL(demoUrl).searchParams.get('indicator')).not.toBeNull();
    expect(await brand(page).textContent()).toBe(DEMO_META.title.nl);

    // A package with a bad value: while it loads the screen says so, the demo stays in view (inert).
    const releaseKapot = await hold(page, 'kapot/observations.csv');
    await header(page).selectOption('kapot');
    await page.locator('.switching-message', { hasText: 'Kapotte gegevens (kapot)' }).waitFor();
    await page.locator('main.dashboard.switching[inert][aria-busy="true"]').waitFor();
    await expect.poll(() => new URL(page.url()).searchParams.get('dataset')).toBe('kapot');
    expect(await brand(page).textContent()).toBe(DEMO_META.title.nl);
    releaseKapot();

    const problems = page.locator('.problems[data-failed-dataset="kapot"]');
    await problems.waitFor();
    const text = (await problems.textContent()) ?? '';
    expect(text).toContain(
      `De dataset ‘Kapotte gegevens (kapot)’ kon niet worden geladen; u ziet nog steeds ‘${DEMO_META.title.nl}’.`,
    );
    const issues = await expectedIssues(PACKAGES.kapot!);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.join(' ')).toMatch(/observations\.csv, rij \d+, kolom ‘value’/);
    for (const issue of issues) expect(text).toContain(issue);

    // The demo is still what is shown, loaded and in the URL, with the area that was chosen; and it still works.
    await page.locator('main.dashboard:not(.switching):not([inert])').waitFor();
    await expect.poll(() => page.url()).toBe(demoUrl);
    expect(await header(page).inputValue()).toBe('demo');
    expect(await brand(page).textContent()).toBe(DEMO_META.title.nl);
    await kompasShows(page, 'Molenkwartier');
    await page.locator('[role="treeitem"][data-code="WK999902"]').click();
    await kompasShows(page, 'Voorstad');
    await expect.poll(() => new URL(page.url()).searchParams.get('area')).toBe('WK999902');
    await page.screenshot({ path: join(ARTIFACTS, 'switch-broken-package.png'), fullPage: true });

    // A dataset.json that is not JSON: the message names the file and the place.
    await header(page).selectOption('kapotjson');
    await page.locator('.problems[data-failed-dataset="kapotjson"]').waitFor();
    const jsonText = (await page.locator('.problems').textContent()) ?? '';
    const jsonIssues = await expectedIssues(PACKAGES.kapotjson!);
    expect(jsonIssues.join(' ')).toContain('dataset.json');
    for (const issue of jsonIssues) expect(jsonText).toContain(issue);
    await page.locator('main.dashboard:not(.switching)').waitFor();
    await expect.poll(() => new URL(page.url()).searchParams.get('dataset')).toBe('demo');
    await expect.poll(() => new URL(page.url()).searchParams.get('area')).toBe('WK999902');
    await kompasShows(page, 'Voorstad');

    // A valid second package: its name, its areas and a Kompas from its tables, and the failure message is gone.
    await header(page).selectOption('tweede');
    await kompasShows(page, 'West');
    await page.locator('main.dashboard[data-dataset="tweede"]:not(.switching)').waitFor();
    expect(await brand(page).textContent()).toBe('Tweede gemeente');
    expect(await page.locator('.problems').count()).toBe(0);
    // The URL is written after the next paint (useUrlState).
    const chosen = () => {
      const url = new URL(page.url()).searchParams;
      return [url.get('dataset'), url.get('area'), url.get('indicator'), url.get('period')];
    };
    await expect.poll(chosen).toEqual(['tweede', 'WK999801', 'jeugdhulp_pct', '2024']);
    const picker = await page
      .locator('[role="treeitem"][data-code]')
      .evaluateAll((items) => items.map((i) => i.getAttribute('data-code')));
    expect(picker).toContain('WK999802');
    expect(picker.some((code) => code?.startsWith('WK9999'))).toBe(false);
    expect((await page.locator('tr[data-indicator="inwoners"] td[data-cell="area"]').textContent())?.trim()).toBe(
      '864',
    );
    expect(consoleErrors).toEqual([]);
  });

  it('rapid switches (tweede → demo → derde) end on derde, with derde’s tables; demo never shows', async () => {
    const { page, consoleErrors } = await watchedPage(app.browser, app.origin);
    await page.goto(`${app.url}?dataset=tweede&view=kompas`);
    await kompasShows(page, 'West');
    const seen: string[] = [];
    await page.exposeFunction('gkSawDataset', (id: string) => seen.push(id));
    await page.evaluate(() => {
      const record = () => {
        const id = document.querySelector('main.dashboard')?.getAttribute('data-dataset');
        if (id) (window as unknown as { gkSawDataset(id: string): void }).gkSawDataset(id);
      };
      new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true });
    });

    // The demo's files are held back, so the switch to derde overtakes it.
    const releaseDemo = await hold(page, 'demo/observations.csv');
    await header(page).selectOption('demo');
    await page.locator('.switching-message', { hasText: '(demo)' }).waitFor();
    await header(page).selectOption('derde');
    await page.locator('main.dashboard[data-dataset="derde"]:not(.switching)').waitFor();
    const fetched = () => performance.getEntriesByName('gk:files-fetched').length;
    const before = await page.evaluate(fetched);
    releaseDemo();
    await kompasShows(page, 'West');
    expect(await brand(page).textContent()).toBe('Derde gemeente');
    expect((await page.locator('tr[data-indicator="inwoners"] td[data-cell="area"]').textContent())?.trim()).toBe(
      '1.234',
    );
    await expect.poll(() => new URL(page.url()).searchParams.get('dataset')).toBe('derde');
    expect(await page.locator('.problems').count()).toBe(0);
    // The held demo download ends after derde is in (the app marks every finished download) and changes nothing.
    await page.waitForFunction((n) => performance.getEntriesByName('gk:files-fetched').length > n, before);
    await kompasShows(page, 'West');
    expect(await brand(page).textContent()).toBe('Derde gemeente');
    expect(await page.locator('main.dashboard').getAttribute('data-dataset')).toBe('derde');
    expect(seen).not.toContain('demo');
    expect(consoleErrors).toEqual([]);
  });
});
