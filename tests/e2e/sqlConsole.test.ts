import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { validateAreas } from '../../src/data/validate.ts';
import { DEMO, readCsvObjects, readPackage } from '../fixtures/readPackage.ts';
import { ARTIFACTS, kompasShows, useApp, WAIT, watchedPage } from './harness.ts';

const files = readPackage(DEMO);
const areas = validateAreas(files['areas.geojson']);
const observations = readCsvObjects(files['observations.csv']);
const wijk = areas.find((a) => a.code === 'WK999901')!;
const buurten = areas.filter((a) => a.level === 'buurt').slice(0, 3);

/** Runs forever on one core: only a cancel ends it. */
const ENDLESS = 'SELECT count(*) AS n FROM range(1000000000000)';
/** Needs more than the memory limit (2 GiB) in a hash aggregate, which DuckDB's buffer manager tracks. */
const TOO_BIG = "SELECT len(string_agg(repeat('x', 100000000), '')) AS n FROM range(30)";
/** A list of 600 million BIGINTs: more than the 4 GiB wasm heap, outside the buffer manager; breaks the engine. */
const BREAKS = 'SELECT len(range(600000000::BIGINT)) AS n';

async function openData(page: Page, url: string) {
  await page.goto(`${url}?dataset=demo&area=${wijk.code}&view=data`);
  await page.locator('.sql-editor').waitFor({ timeout: WAIT });
}

async function runSql(page: Page, sql: string) {
  await page.locator('.sql-editor').fill(sql);
  await page.getByRole('button', { name: 'Uitvoeren' }).click();
}

/** Runs a query that must succeed and gives the text of its result table's body. */
async function resultOf(page: Page, sql: string): Promise<string> {
  await runSql(page, sql);
  await page.locator('.sql-result tbody tr').first().waitFor({ timeout: WAIT });
  await expect.poll(() => page.getByRole('button', { name: 'Uitvoeren' }).isEnabled(), { timeout: WAIT }).toBe(true);
  return (await page.locator('.sql-result tbody').textContent()) ?? '';
}

describe('SQL console: cancel, memory limit and a broken engine', () => {
  const app = useApp();

  it('cancels a long query while the app keeps answering, and runs the next one', async () => {
    const { page, consoleErrors } = await watchedPage(app.browser, app.origin);
    await openData(page, app.url);
    await runSql(page, ENDLESS);
    const cancel = page.getByRole('button', { name: 'Annuleren' });
    await cancel.waitFor({ timeout: WAIT });
    expect(await page.getByRole('button', { name: 'Bezig…' }).isDisabled()).toBe(true);

    // While it runs, the Data table above the console asks its own queries (another level): they are answered.
    const table = page.locator('.data-page table tbody');
    const before = await table.textContent();
    await page.getByLabel('Niveau').selectOption('buurt');
    await expect.poll(() => table.textContent(), { timeout: WAIT }).not.toBe(before);
    expect(await table.textContent()).toContain(buurten[0]!.code);
    expect(await cancel.isVisible()).toBe(true);

    const cancelledAt = Date.now();
    await cancel.click();
    await expect
      .poll(() => page.locator('.sql-cancelled').textContent(), { timeout: WAIT })
      .toBe('De opdracht is geannuleerd.');
    const cancelMs = Date.now() - cancelledAt;
    expect(await page.locator('.sql-error').count()).toBe(0);
    expect(await resultOf(page, 'SELECT 6 * 7 AS antwoord')).toMatch(/^\s*42\s*$/);
    console.log(`console: cancel to message ${cancelMs} ms, to the next result ${Date.now() - cancelledAt} ms`);
    await page.screenshot({ path: join(ARTIFACTS, 'sql-cancelled.png'), fullPage: true });

    // Leaving the page while a query runs cancels it: the Kompas draws, and back on Data the console answers.
    await runSql(page, ENDLESS);
    await cancel.waitFor({ timeout: WAIT });
    await page.locator('nav').getByRole('button', { name: 'Kompas', exact: true }).click();
    await kompasShows(page, wijk.name);
    await page.locator('nav').getByRole('button', { name: 'Gegevens', exact: true }).click();
    await page.locator('.sql-editor').waitFor({ timeout: WAIT });
    expect(await resultOf(page, 'SELECT 1 + 1 AS twee')).toMatch(/^\s*2\s*$/);
    expect(consoleErrors).toEqual([]);
  }, 600_000);

  it('stops a query over the memory limit with a clear message; the database goes on', async () => {
    const { page, consoleErrors } = await watchedPage(app.browser, app.origin);
    await openData(page, app.url);
    const count = "SELECT count(*) AS n FROM observations WHERE indicator_id = 'inwoners'";
    const before = await resultOf(page, count);
    expect(Number(before.replace(/\D/g, ''))).toBeGreaterThan(0);
    const bigAt = Date.now();
    await runSql(page, TOO_BIG);
    const error = page.locator('.sql-error[data-failure="outOfMemory"]');
    await error.waitFor({ timeout: 300_000 });
    console.log(`console: query over the memory limit stopped after ${Date.now() - bigAt} ms`);
    expect(await error.textContent()).toContain(
      'De opdracht vraagt meer geheugen dan de database mag gebruiken (2 GiB) en is afgebroken.',
    );
    expect(await error.textContent()).toContain('Out of Memory Error');
    expect(await error.textContent()).not.toContain('SET memory_limit');
    await error.screenshot({ path: join(ARTIFACTS, 'sql-out-of-memory.png') });
    expect(await page.locator('.engine-restart').count()).toBe(0);
    expect(await resultOf(page, count)).toBe(before);
    await page.locator('nav').getByRole('button', { name: 'Kompas', exact: true }).click();
    await kompasShows(page, wijk.name);
    expect(await page.locator('.engine-restart').count()).toBe(0);
    expect(consoleErrors).toEqual([]);
  }, 600_000);

  it('restarts a broken engine, reloads the package and the own data, and says so', async () => {
    const { page } = await watchedPage(app.browser, app.origin);
    await openData(page, app.url);
    // Own data first: it must come back with the package.
    const own = `area_code;period;Wmo-meldingen\n${buurten.map((b, i) => `${b.code};2025;${11 + i}`).join('\n')}\n`;
    await page.locator('.owndata input[type="file"]').setInputFiles({
      name: 'wmo-meldingen.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(own, 'utf8'),
    });
    await expect
      .poll(() => page.locator('.owndata-files').textContent(), { timeout: WAIT })
      .toContain('wmo-meldingen.csv');
    const ownQuery = "SELECT sum(value)::INTEGER AS s FROM observations WHERE indicator_id = 'wmo_meldingen'";
    expect(await resultOf(page, ownQuery)).toMatch(/^\s*36\s*$/);
    const countAll = 'SELECT count(*) AS n FROM observations';
    const total = await resultOf(page, countAll);
    expect(Number(total.replace(/\D/g, ''))).toBeGreaterThan(observations.length);

    const brokenAt = Date.now();
    await runSql(page, BREAKS);
    const notice = page.locator('.engine-restart');
    await expect.poll(() => notice.getAttribute('data-state').catch(() => null), { timeout: WAIT }).toBe('restarted');
    console.log(
      `console: breaking query to "restarted" (new worker, package and own data loaded) ${Date.now() - brokenAt} ms`,
    );
    expect(await notice.textContent()).toContain(
      'De database is opnieuw gestart, omdat een opdracht haar liet vastlopen.',
    );
    expect(await notice.textContent()).toContain('memory access out of bounds');
    await page.screenshot({ path: join(ARTIFACTS, 'sql-engine-restarted.png'), fullPage: true });

    // Data: the console answers from the reloaded package, own data included; the lockdown holds on the new engine.
    await page.locator('.sql-editor').waitFor({ timeout: WAIT });
    expect(await resultOf(page, countAll)).toBe(total);
    expect(await resultOf(page, ownQuery)).toMatch(/^\s*36\s*$/);
    expect(await resultOf(page, "SELECT current_setting('memory_limit') AS m")).toMatch(/2\.0 GiB/);
    await runSql(page, "SELECT * FROM read_csv('http://127.0.0.1:1/x.csv')");
    await page.locator('.sql-refused, .sql-error').first().waitFor({ timeout: WAIT });
    // The Data table above the console is drawn from the reloaded package.
    await expect
      .poll(() => page.locator('.data-page table tbody').textContent(), { timeout: WAIT })
      .toContain(wijk.code);

    // The Kompas and Verkennen come back without a page reload.
    await page.locator('nav').getByRole('button', { name: 'Kompas', exact: true }).click();
    await kompasShows(page, wijk.name);
    await page.locator('nav').getByRole('button', { name: 'Verkennen', exact: true }).click();
    await page.locator('.verkennen-panel.ranking .verkennen-chart').waitFor({ timeout: WAIT });
    await page.getByRole('button', { name: 'Sluiten' }).first().click();
    expect(await notice.count()).toBe(0);
  }, 600_000);
});
