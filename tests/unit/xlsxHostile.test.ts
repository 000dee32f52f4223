/**
 * Hostile workbooks (issue 16: a 441-byte .xlsx froze the tab for 74 s, a 6,6 KB one for more than 240 s, 300.000
 * unclosed `<row>` tags as well). Each must end in a message naming the file, and the sheet, row and column where
 * they apply. No time is asserted: the test has to finish, and vitest's timeout is the bound.
 */
import { constants, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { layoutZip } from '../../src/data/zip.ts';
import { ImportError } from '../../src/import/cbs/messages.ts';
import { readXlsxRows, XLSX_MAX_CELLS } from '../../src/import/cbs/xlsx.ts';
import { OwnDataError } from '../../src/userdata/ownDataError.ts';
import { parseOwnData } from '../../src/userdata/ownDataParse.ts';
import { zip } from '../fixtures/xlsxZip.ts';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const workbook = `<workbook ${NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const rels =
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>';

/** A workbook with sheet "Blad1" holding `sheetData` (and, when given, a shared-string part). */
function book(sheetData: string, shared?: string): Uint8Array {
  return zip([
    { name: 'xl/workbook.xml', text: workbook },
    { name: 'xl/_rels/workbook.xml.rels', text: rels },
    ...(shared === undefined ? [] : [{ name: 'xl/sharedStrings.xml', text: `<sst ${NS}>${shared}</sst>` }]),
    { name: 'xl/worksheets/sheet1.xml', text: `<worksheet ${NS}><sheetData>${sheetData}</sheetData></worksheet>` },
  ]);
}

async function refusal(bytes: Uint8Array, file = 'vijandig.xlsx') {
  try {
    await readXlsxRows(bytes, file);
  } catch (error) {
    if (error instanceof ImportError) return error.messages;
    throw error;
  }
  throw new Error('the workbook was read');
}

describe('hostile workbooks end in a message, never a hang', () => {
  it('300.000 unclosed <row> tags: refused at the first, naming file, sheet and row', async () => {
    const bytes = book(`<row r="1"><c r="A1"><v>1</v></c>${'<row>'.repeat(300_000)}`);
    expect(bytes.length).toBeLessThan(10_000); // as small as the issue's files
    const [m] = await refusal(bytes);
    expect(m).toMatchObject({ file: 'vijandig.xlsx', code: 'notXlsx', row: 1 });
    expect(m!.text).toBe('vijandig.xlsx row 1: not an .xlsx workbook (sheet "Blad1", row 1: the row is not closed)');
  });

  it('unclosed cells, and a tag without its ">", are named where they start', async () => {
    const [cell] = await refusal(book(`<row r="3"><c r="B3"><v>1</v>${'<c r="C3"><v>2</v>'.repeat(100_000)}`));
    expect(cell!.text).toBe(
      'vijandig.xlsx row 3, column B: not an .xlsx workbook (sheet "Blad1", row 3, column B: the cell is not closed)',
    );
    // A sheet that ends inside a tag: the scanner stops at once instead of searching on for every attribute.
    const cut = zip([
      {
        name: 'xl/worksheets/sheet1.xml',
        text: `<worksheet ${NS}><sheetData><row r="1"><c r="A1"${' t="s"'.repeat(200_000)}`,
      },
    ]);
    const [tag] = await refusal(cut);
    expect(tag!.text).toBe(
      'vijandig.xlsx: not an .xlsx workbook (sheet "sheet1": a tag is not closed (from character 100))',
    );
  });

  it('unclosed shared strings are refused, naming the part', async () => {
    const [m] = await refusal(book('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', '<si><t>a'.repeat(100_000)));
    expect(m!.text).toBe('vijandig.xlsx: not an .xlsx workbook (xl/sharedStrings.xml: shared string 1 is not closed)');
  });

  it('a few KB claiming the last column on every row stops at the cell limit instead of filling memory', async () => {
    // 1.300 rows × 16.384 columns (gaps included) = 21,3 million cells, from a file of a few KB.
    const rows = Array.from({ length: 1300 }, (_, i) => `<row r="${i + 1}"><c r="XFD${i + 1}"><v>1</v></c></row>`);
    const bytes = book(rows.join(''));
    expect(bytes.length).toBeLessThan(10_000);
    const [m] = await refusal(bytes);
    const row = Math.ceil(XLSX_MAX_CELLS / 16_384);
    expect(m).toMatchObject({ row, column: 'XFD' });
    expect(m!.text).toContain(`(sheet "Blad1", row ${row}, column XFD: more than 20,000,000 cells (gaps included))`);
  });

  it('a zip bomb is stopped while it inflates, naming the part', async () => {
    // 300 MB of spaces in about 300 KB: one MB deflated without a final block (sync flush), repeated, then an
    // empty final block (fixed Huffman, 0x03 0x00). Built in milliseconds; reading stops at the 256 MB budget.
    const block = deflateRawSync(Buffer.alloc(1024 * 1024, 0x20), { finishFlush: constants.Z_SYNC_FLUSH });
    const data = Buffer.concat([...Array.from({ length: 300 }, () => block), Buffer.from([0x03, 0x00])]);
    const bytes = layoutZip([
      // The checksum is left 0: the reader never gets far enough to check it.
      { name: 'xl/worksheets/sheet1.xml', method: 8, data, size: 300 * 1024 * 1024, crc: 0 },
    ]);
    expect(bytes.length).toBeLessThan(400_000);
    const [m] = await refusal(bytes);
    expect(m!.text).toBe(
      'vijandig.xlsx: the workbook part xl/worksheets/sheet1.xml cannot be read (unpacks to more than 256 MB)',
    );
  });

  it('own data: the same refusal reaches the user as a notXlsx issue naming the file and row', async () => {
    const bytes = book(`<row r="1"><c r="A1"><v>1</v></c>${'<row>'.repeat(300_000)}`);
    let issues: unknown;
    try {
      await parseOwnData({ name: 'registratie.xlsx', bytes });
    } catch (error) {
      if (error instanceof OwnDataError) issues = error.issues;
    }
    expect(issues).toEqual([
      {
        file: 'registratie.xlsx',
        code: 'notXlsx',
        row: 1,
        params: { reason: 'sheet "Blad1", row 1: the row is not closed' },
      },
    ]);
  });
});
