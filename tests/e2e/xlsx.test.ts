/**
 * Excel in the browser (issue 16): the download is deflated by the page's CompressionStream and reads back as the
 * table; a workbook written by SheetJS uploads as own data; a hostile one (300.000 unclosed rows) ends in a message
 * naming the file and row instead of freezing the tab, and the page keeps working.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParseRows } from 'd3';
import { describe, expect, it } from 'vitest';
import { openZip } from '../../src/data/zip.ts';
import { readXlsxRows } from '../../src/import/cbs/xlsx.ts';
import { DEMO, readPackage } from '../fixtures/readPackage.ts';
import { zip } from '../fixtures/xlsxZip.ts';
import { ARTIFACTS, downloaded, useApp, WAIT, watchedPage } from './harness.ts';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

describe('Excel in the browser', () => {
  const app = useApp();

  it('downloads a deflated workbook that reads back as the table', async () => {
    const context = await app.browser.newContext({ acceptDownloads: true, viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    await page.goto(`${app.url}?dataset=demo&area=WK999901&indicator=jeugdhulp_pct&period=2025&view=data`);
    await page.locator('.data-page table tbody tr').first().waitFor({ timeout: WAIT });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Excel', exact: true }).click(),
    ]);
    const bytes = new Uint8Array(readFileSync(await download.path()));
    const rows = await readXlsxRows(bytes, download.suggestedFilename());
    // The same areas in the same order as the CSV download of the same table.
    const csv = csvParseRows(
      (await downloaded(page.getByRole('button', { name: /CSV \(internationaal\)/ }))).text.replace(/\r\n/g, '\n'),
    );
    // (The workbook adds the attribution in a row under the table; only area rows are compared.)
    const codes = (table: string[][]) =>
      table.map((r) => r[table[0]!.indexOf('Code')] ?? '').filter((c) => /^(GM|WK|BU)\d+$/.test(c));
    expect(rows[0]).toContain('Code');
    expect(codes(rows).length).toBeGreaterThan(100);
    expect(codes(rows)).toEqual(codes(csv));
    // The worksheet part is deflated (method 8), so the file is smaller than its XML.
    const sheet = (await openZip(bytes).read('xl/worksheets/sheet1.xml'))!;
    expect(bytes.length).toBeLessThan(sheet.length);
    const at = Buffer.from(bytes).indexOf('xl/worksheets/sheet1.xml') - 30;
    expect(new DataView(bytes.buffer).getUint16(at + 8, true)).toBe(8);
    await context.close();
  });

  it('uploads a SheetJS workbook, and refuses 300.000 unclosed rows with a message while the page stays usable', async () => {
    const { page, consoleErrors } = await watchedPage(app.browser, app.origin);
    await page.goto(`${app.url}?dataset=demo&area=WK999901&view=data`);
    const input = page.locator('.owndata input[type="file"]');
    await input.waitFor({ timeout: WAIT });

    const buurt = readPackage(DEMO)['observations.csv'].match(/BU\d{8}/)![0];
    const hostile = zip([
      {
        name: 'xl/worksheets/sheet1.xml',
        text: `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>area_code</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>${buurt}</t></is></c>${'<row>'.repeat(300_000)}</sheetData></worksheet>`,
      },
    ]);
    await input.setInputFiles({
      name: 'vijandig.xlsx',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(hostile),
    });
    const alert = page.locator('.owndata-issues');
    await expect.poll(() => alert.textContent(), { timeout: WAIT }).toContain('vijandig.xlsx');
    expect(await alert.textContent()).toContain('row 2: the row is not closed');
    await page.screenshot({ path: join(ARTIFACTS, 'xlsx-hostile-refused.png'), fullPage: true });

    // The page still answers: the next file, written by SheetJS, is read; its buurt codes (another gemeente's)
    // come back by name, which only a parsed workbook can give.
    const sheetjs = readFileSync(new URL('../fixtures/xlsx/sheetjs.xlsx', import.meta.url));
    await input.setInputFiles({ name: 'sheetjs.xlsx', mimeType: 'application/octet-stream', buffer: sheetjs });
    await expect.poll(() => alert.textContent(), { timeout: WAIT }).toContain('sheetjs.xlsx');
    expect(await alert.textContent()).toContain('BU19790101');
    await page.screenshot({ path: join(ARTIFACTS, 'xlsx-sheetjs-upload.png'), fullPage: true });
    expect(consoleErrors).toEqual([]);
  });
});
