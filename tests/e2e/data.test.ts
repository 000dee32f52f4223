import { join } from 'node:path';
import { csvParseRows } from 'd3';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { validateAreas } from '../../src/data/validate.ts';
import { DEMO, readCsvObjects, readPackage } from '../fixtures/readPackage.ts';
import {
  ARTIFACTS,
  downloaded,
  kompasShows,
  navigateInApp,
  seriousAxeViolations,
  useApp,
  WAIT,
  watchedPage,
} from './harness.ts';

const files = readPackage(DEMO);
const areas = validateAreas(files['areas.geojson']);
const observations = readCsvObjects(files['observations.csv']);
const buurten = areas.filter((a) => a.level === 'buurt').slice(0, 6);

/** A policy officer's spreadsheet: Wmo-meldingen per buurt per year, wide (one column per indicator). */
const OWN_CSV = `area_code;period;Wmo-meldingen\n${buurten
  .flatMap((b, i) => [2024, 2025].map((p) => `${b.code};${p};${(10 + i * 3 + (p - 2024) * 2).toString()}`))
  .join('\n')}\n`;

describe('Data: table, downloads, own data and SQL', () => {
  const app = useApp();
  /**
   * The first test's page (no own data, its SQL console unused), where the ad-hoc SQL test goes on by the app's own
   * navigation: each full load boots DuckDB again (~7 s of Chromium CPU on CI's two cores).
   */
  let loaded: Page;

  it('downloads exactly the table on screen, with the package values', async () => {
    const context = await app.browser.newContext({ acceptDownloads: true, viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    await page.goto(`${app.url}?dataset=demo&area=WK999901&indicator=jeugdhulp_pct&period=2025&view=data`);
    await page.locator('.data-page table tbody tr').first().waitFor({ timeout: WAIT });
    const csv = (await downloaded(page.getByRole('button', { name: /CSV \(internationaal\)/ }))).text;
    const rows = csvParseRows(csv.replace(/\r\n/g, '\n'));
    const header = rows[0]!;
    const body = rows.slice(1).filter((r) => r.length > 1);
    const codeAt = header.indexOf('Code');
    const periodAt = header.indexOf('Jaar');
    const valueAt = header.indexOf('Waarde');
    const expected = observations.filter(
      (r) => r.indicator_id === 'jeugdhulp_pct' && areas.find((a) => a.code === r.area_code)?.level === 'wijk',
    );
    expect(body).toHaveLength(expected.length);
    for (const row of body) {
      const source = expected.find((r) => r.area_code === row[codeAt] && r.period === row[periodAt])!;
      expect(source, `${row[codeAt]} ${row[periodAt]}`).toBeDefined();
      expect(Number(row[valueAt])).toBeCloseTo(Number(source.value), 1);
    }
    expect(header.at(-1)).toBe('bron');

    // A second indicator is found by typing in the checklist and ticked: the table then holds both.
    await page.getByLabel('Zoek een indicator').fill('wmo clienten');
    await page.getByRole('checkbox', { name: 'Wmo-cliënten', exact: true }).check();
    const both = observations.filter(
      (r) =>
        ['jeugdhulp_pct', 'wmo_per_1000'].includes(r.indicator_id!) &&
        areas.find((a) => a.code === r.area_code)?.level === 'wijk',
    ).length;
    await expect.poll(() => page.locator('.data-table-count').textContent()).toContain(both.toLocaleString('nl-NL'));
    await page.screenshot({ path: join(ARTIFACTS, 'data-two-indicators.png'), fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
    loaded = page;
  });

  it('adds a spreadsheet of own data: it shows as an indicator and on the map, and is still there after a reload', async () => {
    const { page, consoleErrors } = await watchedPage(app.browser, app.origin);
    await page.goto(`${app.url}?dataset=demo&area=WK999901&view=data`);
    await page.locator('.owndata input[type="file"]').waitFor({ timeout: WAIT });
    const started = Date.now();
    await page.locator('.owndata input[type="file"]').setInputFiles({
      name: 'wmo-meldingen.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(OWN_CSV, 'utf8'),
    });
    await expect
      .poll(() => page.locator('.owndata-files').textContent(), { timeout: WAIT })
      .toContain('wmo-meldingen.csv');
    const uploadMs = Date.now() - started;
    // On the map of the Kompas view, at buurt level, for 2025.
    await page.goto(`${app.url}?dataset=demo&area=${buurten[0]!.code}&indicator=wmo_meldingen&period=2025&level=buurt`);
    await kompasShows(page, buurten[0]!.name, { period: 2025 });
    await expect
      .poll(() => page.getByLabel('Indicator', { exact: true }).inputValue(), { timeout: WAIT })
      .toBe('wmo_meldingen');
    await expect
      .poll(() => page.locator('.map-panel .legend').textContent(), { timeout: WAIT })
      .toContain('Wmo-meldingen');
    // The legend's classes come from the uploaded values (10 … 27), so the map is coloured by them.
    await expect.poll(() => page.locator('.map-panel .legend li').count()).toBeGreaterThan(2);
    expect(await page.locator('.map-panel .legend').textContent()).toMatch(/1[0-9]/);
    await page.screenshot({ path: join(ARTIFACTS, 'own-data-map.png'), fullPage: true });
    // Reload: the browser kept it (IndexedDB).
    await page.reload();
    await kompasShows(page, buurten[0]!.name, { period: 2025 });
    await expect
      .poll(() => page.getByLabel('Indicator', { exact: true }).inputValue(), { timeout: WAIT })
      .toBe('wmo_meldingen');
    console.log(`own data: upload to listed ${uploadMs} ms`);

    // A Parquet export of a registry (Snappy-compressed, as pandas and DuckDB write it by default) is read in the page.
    await page.locator('nav').getByRole('button', { name: 'Gegevens', exact: true }).click();
    const parquet = parquetWriteBuffer({
      columnData: [
        { name: 'buurtcode', data: buurten.map((b) => b.code), type: 'STRING' },
        { name: 'jaar', data: buurten.map(() => 2025), type: 'INT32' },
        { name: 'Schuldhulp aanmeldingen', data: buurten.map((_, i) => 3 + i), type: 'DOUBLE' },
      ],
    });
    await page.locator('.owndata input[type="file"]').setInputFiles({
      name: 'schuldhulp.parquet',
      mimeType: 'application/vnd.apache.parquet',
      buffer: Buffer.from(parquet),
    });
    await expect
      .poll(() => page.locator('.owndata-files').textContent(), { timeout: WAIT })
      .toContain('schuldhulp_aanmeldingen');
    expect(consoleErrors).toEqual([]);
  });

  it('never lets a count behind a secret cell reach the page: not in the SQL console, not in a download', async () => {
    // A buurt whose youth-care count is 1–4 in 2025: secret in every view (src/disclosure).
    const secret = observations.find(
      (r) =>
        r.indicator_id === 'jeugdhulp_pct' &&
        r.period === '2025' &&
        (r.area_code ?? '').startsWith('BU') &&
        Number(r.numerator) >= 1 &&
        Number(r.numerator) <= 4,
    )!;
    expect(secret).toBeDefined();
    const context = await app.browser.newContext({ acceptDownloads: true, viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    await page.goto(
      `${app.url}?dataset=demo&area=${secret.area_code}&indicator=jeugdhulp_pct&period=2025&level=buurt&view=data`,
    );
    const editor = page.locator('.sql-editor');
    await editor.waitFor({ timeout: WAIT });
    const result = page.locator('.sql-result thead');
    const run = async (sql: string) => {
      const before = (await result.count()) > 0 ? await result.textContent() : null;
      await editor.fill(sql);
      await page.getByRole('button', { name: 'Uitvoeren' }).click();
      // Each query names its columns differently: the header tells the new result from the last one.
      await expect
        .poll(async () => ((await result.count()) > 0 ? result.textContent() : null), { timeout: WAIT })
        .not.toBe(before);
      return (await page.locator('.sql-result tbody').textContent()) ?? '';
    };
    // The public table has no value, numerator or denominator for a secret row …
    expect(
      await run(
        `SELECT status, coalesce(CAST(numerator AS VARCHAR), 'leeg') AS teller FROM observations WHERE area_code = '${secret.area_code}' AND indicator_id = 'jeugdhulp_pct' AND period = 2025`,
      ),
    ).toMatch(/secret\s*leeg/);
    expect(
      await run(
        "SELECT count(*) AS lekken FROM observations WHERE status = 'secret' AND (value IS NOT NULL OR numerator IS NOT NULL OR denominator IS NOT NULL)",
      ),
    ).toMatch(/^\s*0\s*$/);
    // … and no other table in the database holds the raw counts (the combined rows are dropped after publishing).
    const tables = await run("SELECT string_agg(table_name, ' ') AS tabellen FROM duckdb_tables()");
    expect(tables).not.toMatch(/stage|combined|hidden/);
    // The download of the buurt table: the cell is empty, with its status beside it.
    await page.getByLabel('Niveau').selectOption('buurt');
    await expect
      .poll(() => page.locator('.data-page table tbody').first().textContent(), { timeout: WAIT })
      .toContain('BU9999');
    const csv = (await downloaded(page.getByRole('button', { name: /CSV \(internationaal\)/ }))).text;
    const rows = csvParseRows(csv.replace(/\r\n/g, '\n'));
    const header = rows[0]!;
    const line = rows.find(
      (r) => r[header.indexOf('Code')] === secret.area_code && r[header.indexOf('Jaar')] === '2025',
    );
    expect(line, `${header.join(',')}\n${rows.slice(1, 3).join('\n')}`).toBeDefined();
    expect(line![header.indexOf('Waarde')]).toBe('');
    expect(line![header.indexOf('Waarde (status)')]).toBe('geheim');
    await context.close();
  });

  it('adds several own-data files chosen at once, each listed and removable', async () => {
    const { page, consoleErrors } = await watchedPage(app.browser, app.origin);
    await page.goto(`${app.url}?dataset=demo&area=WK999901&view=data`);
    await page.locator('.owndata input[type="file"]').waitFor({ timeout: WAIT });
    const csv = (title: string) =>
      `area_code;period;${title}\n${buurten.map((b, i) => `${b.code};2025;${20 + i}`).join('\n')}\n`;
    await page.locator('.owndata input[type="file"]').setInputFiles([
      { name: 'eerste.csv', mimeType: 'text/csv', buffer: Buffer.from(csv('Eerste telling'), 'utf8') },
      { name: 'tweede.csv', mimeType: 'text/csv', buffer: Buffer.from(csv('Tweede telling'), 'utf8') },
    ]);
    await expect
      .poll(() => page.locator('.owndata-files').textContent(), { timeout: WAIT })
      .toMatch(/eerste\.csv[\s\S]*tweede\.csv/);
    // Removing the first leaves the second, in the list and in the database.
    await page.getByRole('button', { name: /eerste\.csv/ }).click();
    await expect
      .poll(() => page.locator('.owndata-files').textContent(), { timeout: WAIT })
      .not.toContain('eerste.csv');
    expect(await page.locator('.owndata-files').textContent()).toContain('tweede.csv');
    expect(consoleErrors).toEqual([]);
  });

  it('answers an ad-hoc SQL question, and refuses to drop the package tables', async () => {
    const page = loaded;
    await navigateInApp(page, '?dataset=demo&area=WK999901&view=data');
    const editor = page.locator('.sql-editor');
    await editor.waitFor({ timeout: WAIT });
    await editor.fill(
      "SELECT area_code, value FROM observations WHERE indicator_id = 'inwoners' AND period = 2025 AND area_code LIKE 'WK%' ORDER BY area_code",
    );
    await page.getByRole('button', { name: 'Uitvoeren' }).click();
    await expect.poll(() => page.locator('.sql-result tbody tr').count(), { timeout: WAIT }).toBe(10);
    const first = await page.locator('.sql-result tbody tr').first().textContent();
    const expected = observations.find(
      (r) => r.area_code === 'WK999901' && r.indicator_id === 'inwoners' && r.period === '2025',
    )!;
    expect(first).toContain('WK999901');
    expect((first ?? '').replace(/\D/g, '')).toContain(expected.value);
    // A large result: the table shows the first 1.000 rows, the status counts them all, the download holds all.
    await editor.fill('SELECT range AS n, range % 7 AS r FROM range(5000) ORDER BY n;');
    await page.getByRole('button', { name: 'Uitvoeren' }).click();
    await expect
      .poll(() => page.locator('.sql-status').textContent(), { timeout: WAIT })
      .toContain('5.000 rijen; de tabel toont de eerste 1.000');
    expect(await page.locator('.sql-result tbody tr').count()).toBe(1000);
    const lines = (await downloaded(page.locator('.sql-download'))).text.split(/\r?\n/).filter((l) => /^\d/.test(l));
    expect(lines).toHaveLength(5000);
    await editor.fill('DROP VIEW observations');
    await page.getByRole('button', { name: 'Uitvoeren' }).click();
    await expect.poll(() => page.locator('.sql-refused, .sql-error').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, 'data-page.png'), fullPage: true });
  });
});
