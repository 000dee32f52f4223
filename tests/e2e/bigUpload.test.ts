import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateAreas } from '../../src/data/validate.ts';
import { MAX_OWN_FILE_BYTES, MAX_OWN_ROWS } from '../../src/userdata/ownDataParse.ts';
import { DEMO, readPackage } from '../fixtures/readPackage.ts';
import { ARTIFACTS, kompasShows, useApp, WAIT, watchedPage } from './harness.ts';

const MIB = 1024 * 1024;
const SIZE = 191 * MIB;

const files = readPackage(DEMO);
const areas = validateAreas(files['areas.geojson']);
const meta = JSON.parse(String(files['dataset.json'])) as { periods: number[]; default_area: string };
const codes = areas.filter((a) => a.level === 'buurt' || a.level === 'wijk');

/**
 * A 191 MiB own-data file in the long layout, valid for the demo (its areas and years, a new indicator per
 * areas × years), each row carrying the area's name padded as a registry export might. Rows are about 190 bytes, so
 * the file passes MAX_OWN_ROWS at about 95 % of its bytes: the reader works through nearly all of it. Written in
 * blocks of ~1 MiB, the same block text repeated with only the indicator id changing, so generating stays cheap.
 */
function writeBigCsv(path: string): { rows: number } {
  const fd = openSync(path, 'w');
  const header = 'area_code;indicator_id;period;value;naam\n';
  writeSync(fd, header);
  let written = header.length;
  let rows = 0;
  const perIndicator = codes.length * meta.periods.length;
  const pad = 'x'.repeat(150);
  let indicator = 0;
  while (written < SIZE) {
    const lines: string[] = [];
    for (let k = 0; k < perIndicator; k++) {
      const area = codes[k % codes.length]!;
      const period = meta.periods[Math.floor(k / codes.length)]!;
      lines.push(`${area.code};eigen_${indicator};${period};${(k % 97) + 0.5};${area.name} ${pad}`);
    }
    const block = `${lines.join('\n')}\n`;
    const bytes = Buffer.from(block.slice(0, Math.min(block.length, SIZE - written)), 'utf8');
    // Whole lines only: cut at the last line break that fits.
    const end = bytes.lastIndexOf(10) + 1;
    if (end === 0) break;
    writeSync(fd, bytes, 0, end);
    written += end;
    rows += bytes.subarray(0, end).filter((b) => b === 10).length;
    indicator++;
  }
  closeSync(fd);
  return { rows };
}

describe('a 191 MiB upload', () => {
  const app = useApp();
  const dir = mkdtempSync(join(tmpdir(), 'gk-big-upload-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is read in a worker with progress while the page answers, and refused naming the file; the demo stays', async () => {
    const path = join(dir, 'groot-register.csv');
    const { rows } = writeBigCsv(path);
    const size = statSync(path).size;
    // Under the size limit, over the row limit: only the row limit can refuse it.
    expect(size).toBeLessThanOrEqual(MAX_OWN_FILE_BYTES);
    expect(size).toBeGreaterThan(190 * MIB);
    expect(rows).toBeGreaterThan(MAX_OWN_ROWS);

    const { page, consoleErrors } = await watchedPage(app.browser, app.origin);
    await page.goto(`${app.url}?dataset=demo&area=${meta.default_area}&view=data`);
    const input = page.locator('.owndata input[type="file"]');
    await input.waitFor({ timeout: WAIT });
    // In the page: every status text shown, and how many tasks the main thread ran while the progress bar showed.
    await page.evaluate(() => {
      const w = window as unknown as { statuses: string[]; ticksWhileReading: number };
      w.statuses = [];
      w.ticksWhileReading = 0;
      new MutationObserver(() => {
        const text = document.querySelector('.owndata-status')?.textContent ?? '';
        if (text !== '' && w.statuses.at(-1) !== text) w.statuses.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
      const tick = () => {
        if (document.querySelector('.owndata-progress')) w.ticksWhileReading++;
        setTimeout(tick, 0);
      };
      tick();
    });

    await input.setInputFiles(path);
    const progress = page.locator('.owndata-progress progress');
    await progress.waitFor({ timeout: WAIT });
    // The page answers while the worker reads: a script runs, and the bar is still there afterwards.
    expect(await page.evaluate(() => document.querySelector('.owndata-status')?.textContent)).toMatch(
      /^groot-register\.csv wordt gelezen… \d+ %$/,
    );
    await page.locator('.owndata').screenshot({ path: join(ARTIFACTS, 'big-upload-progress.png') });

    const alert = page.locator('.owndata-issues');
    await alert.waitFor({ timeout: WAIT });
    const message = (await alert.textContent()) ?? '';
    expect(message).toContain('groot-register.csv');
    expect(message).toContain(`rij ${MAX_OWN_ROWS + 2}`);
    expect(message).toContain(`meer dan ${MAX_OWN_ROWS.toLocaleString('nl-NL')} rijen`);
    await page.locator('.owndata').screenshot({ path: join(ARTIFACTS, 'big-upload-refused.png') });

    const seen = await page.evaluate(() => {
      const w = window as unknown as { statuses: string[]; ticksWhileReading: number };
      return { statuses: w.statuses, ticks: w.ticksWhileReading };
    });
    const percents = seen.statuses
      .map((s) => /wordt gelezen… (\d+) %/.exec(s)?.[1])
      .filter((p) => p !== undefined)
      .map(Number);
    // Progress climbed through the file (refused near 95 %), and the main thread kept running tasks meanwhile.
    expect(percents.length).toBeGreaterThan(5);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(Math.max(...percents)).toBeGreaterThanOrEqual(80);
    expect(seen.ticks).toBeGreaterThan(percents.length);
    // Nothing added; the demo is still loaded and its Kompas draws.
    expect(await page.locator('.owndata-none').count()).toBe(1);
    await page.locator('nav').getByRole('button', { name: 'Kompas', exact: true }).click();
    const home = areas.find((a) => a.code === meta.default_area)!;
    await kompasShows(page, home.name);

    // Cancelled while reading: nothing added, and it says so.
    await page.locator('nav').getByRole('button', { name: 'Gegevens', exact: true }).click();
    await page.locator('.owndata input[type="file"]').setInputFiles(path);
    await page.getByRole('button', { name: 'Annuleren', exact: true }).click();
    await expect
      .poll(() => page.locator('.owndata-status').textContent(), { timeout: WAIT })
      .toBe('Het lezen van groot-register.csv is geannuleerd; er is niets toegevoegd.');
    expect(await page.locator('.owndata-progress').count()).toBe(0);
    expect(await page.locator('.owndata-none').count()).toBe(1);
    expect(consoleErrors).toEqual([]);
  });

  it('adds a file read in the worker when storage is full, and says it will be gone after a reload', async () => {
    const { page, consoleErrors } = await watchedPage(app.browser, app.origin);
    // Storage full for own files only, as a browser over its quota refuses a write.
    await page.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (this.name === 'owndata') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    await page.goto(`${app.url}?dataset=demo&area=${meta.default_area}&view=data`);
    const buurt = areas.find((a) => a.level === 'buurt')!;
    await page.locator('.owndata input[type="file"]').setInputFiles({
      name: 'vol.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`area_code;period;Vol\n${buurt.code};2025;7\n`, 'utf8'),
    });
    await expect.poll(() => page.locator('.owndata-files').textContent(), { timeout: WAIT }).toContain('vol.csv');
    await expect
      .poll(() => page.locator('.owndata-issues').textContent(), { timeout: WAIT })
      .toContain('vol.csv: Het bestand is toegevoegd, maar de browser kon het niet bewaren (quota)');
    expect(consoleErrors).toEqual([]);
  });
});
