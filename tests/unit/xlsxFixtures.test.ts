/**
 * Workbooks written by real spreadsheet libraries (tests/fixtures/xlsx, made by make-js.mjs and make-openpyxl.py):
 * the reader must read what others write, not only the project's own writer (issue 16: a namespace prefix read as
 * 0 rows, `<v xml:space="preserve">` as an empty cell).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openZip } from '../../src/data/zip.ts';
import { readXlsxRows } from '../../src/import/cbs/xlsx.ts';
import { parseOwnData } from '../../src/userdata/ownDataParse.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/xlsx/${name}`, import.meta.url)));

/** The table every fixture holds; dates are Excel serial numbers (2024-03-15 → 45366), as the cells store them. */
const EXPECTED = [
  ['area_code', 'period', 'Naam', 'Score', 'Datum'],
  ['BU19790101', '2024', ' Centrum ', '7.25', '45366'],
  ['BU19790102', '2024', 'A & B <Oost> é€', '-1234567.5', '36525'],
  ['BU19790103', '2024', '=1+1', '0.1'],
];

async function part(bytes: Uint8Array, name: string): Promise<string> {
  return new TextDecoder().decode((await openZip(bytes).read(name))!);
}

describe('workbooks written by other software', () => {
  it.each(['sheetjs.xlsx', 'exceljs.xlsx', 'openpyxl.xlsx', 'openxml-sdk-prefixed.xlsx'])(
    'reads %s: texts with outer spaces, escaped characters, numbers and dates as written',
    async (name) => {
      expect(await readXlsxRows(fixture(name), name)).toEqual(EXPECTED);
    },
  );

  it('the fixtures hold the forms that were lost before', async () => {
    // SheetJS writes a text with outer spaces as a formula-string value with xml:space on <v>.
    expect(await part(fixture('sheetjs.xlsx'), 'xl/worksheets/sheet1.xml')).toContain(
      '<c r="C2" t="str"><v xml:space="preserve"> Centrum </v></c>',
    );
    // exceljs uses the shared-string table, openpyxl inline strings; both put xml:space on <t>.
    expect(await part(fixture('exceljs.xlsx'), 'xl/sharedStrings.xml')).toContain(
      '<si><t xml:space="preserve"> Centrum </t></si>',
    );
    expect(await part(fixture('openpyxl.xlsx'), 'xl/worksheets/sheet1.xml')).toContain(
      '<c r="C2" t="inlineStr"><is><t xml:space="preserve"> Centrum </t></is></c>',
    );
    // The prefixed workbook: x: on every element, and sizes in data descriptors (flag 8, zeros in the local header).
    const prefixed = fixture('openxml-sdk-prefixed.xlsx');
    const sheet = await part(prefixed, 'xl/worksheets/sheet1.xml');
    expect(sheet).toContain('<x:row r="2"');
    expect(sheet).not.toMatch(/<row[\s>]/);
    const header = new DataView(prefixed.buffer, prefixed.byteOffset);
    expect(header.getUint16(6, true) & 8).toBe(8);
    expect(header.getUint32(18, true)).toBe(0);
  });

  it('uploads each as own data with the same rows and spreadsheet row numbers', async () => {
    for (const name of ['sheetjs.xlsx', 'exceljs.xlsx', 'openpyxl.xlsx', 'openxml-sdk-prefixed.xlsx']) {
      const table = await parseOwnData({ name, bytes: fixture(name) });
      expect(table).toMatchObject({
        layout: 'wide',
        header: EXPECTED[0],
        // A row shorter than the header is filled with empty cells.
        rows: [EXPECTED[1], EXPECTED[2], [...EXPECTED[3]!, '']],
        rowNumbers: [2, 3, 4],
      });
    }
  });
});
