import { describe, expect, it } from 'vitest';
import { ImportError } from '../../src/import/cbs/messages.ts';
import { readSourceRows } from '../../src/import/cbs/readSource.ts';
import { readXlsxRows } from '../../src/import/cbs/xlsx.ts';
import { zip } from '../fixtures/xlsxZip.ts';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook ${NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="KWB2024" sheetId="1" r:id="rId3"/><sheet name="Toelichting" sheetId="2" r:id="rId1"/></sheets></workbook>`;
const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>
</Relationships>`;
const sharedStrings = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst ${NS} count="9" uniqueCount="9">
<si><t>gwb_code_10</t></si><si><t>regio</t></si><si><t>a_inw</t></si><si><t>g_hhgro</t></si>
<si><t>GM0014</t></si><si><r><t>Gron</t></r><r><rPr><b/></rPr><t xml:space="preserve">ingen</t></r><rPh sb="0" eb="1"><t>X</t></rPh></si>
<si><t>.</t></si><si><t>BU00140000</t></si><si><t>A &amp; B &lt;Binnenstad&gt; &#233;&#x20AC;</t></si>
</sst>`;
const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet ${NS}><dimension ref="A1:D5"/><sheetData>
<row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>
<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" t="s"><v>5</v></c><c r="C2"><v>243768</v></c><c r="D2" s="3"><v>1.7</v></c></row>
<row r="4"><c r="A4" t="s"><v>7</v></c><c r="B4" t="s"><v>8</v></c><c r="C4" t="s"><v>6</v></c></row>
<row r="5"><c r="A5" t="inlineStr"><is><t>WK001400</t></is></c><c r="C5"><v>2.4920000000000001E4</v></c><c r="D5" t="str"><f>1+0.2</f><v>1.2</v></c></row>
</sheetData></worksheet>`;
const otherSheet = `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>toelichting</t></is></c></row></sheetData></worksheet>`;

const workbookBytes = zip([
  { name: '[Content_Types].xml', text: '<Types/>', stored: true },
  { name: 'xl/workbook.xml', text: workbook },
  { name: 'xl/_rels/workbook.xml.rels', text: rels },
  { name: 'xl/sharedStrings.xml', text: sharedStrings },
  { name: 'xl/worksheets/sheet1.xml', text: otherSheet },
  { name: 'xl/worksheets/sheet2.xml', text: sheet },
]);

describe('readXlsxRows', () => {
  it('reads a workbook whose XML uses a namespace prefix (x:worksheet, x:row, x:c), as the Open XML SDK writes', async () => {
    // The same parts with every element prefixed: before, this read as 0 rows without an error.
    const prefix = (xml: string) =>
      xml.replace(
        /<(\/?)(?!\?)([A-Za-z]+)([\s>/])/g,
        (_, slash: string, name: string, after: string) => `<${slash}x:${name}${after}`,
      );
    const nsWorkbook = prefix(workbook).replace(
      NS,
      'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
    );
    const bytes = zip([
      { name: 'xl/workbook.xml', text: nsWorkbook.replace('<x:sheet ', '<x:sheet ').replaceAll('x:r:id', 'r:id') },
      { name: 'xl/_rels/workbook.xml.rels', text: rels },
      { name: 'xl/sharedStrings.xml', text: prefix(sharedStrings) },
      { name: 'xl/worksheets/sheet1.xml', text: prefix(otherSheet) },
      { name: 'xl/worksheets/sheet2.xml', text: prefix(sheet) },
    ]);
    expect(await readXlsxRows(bytes, 'x.xlsx')).toEqual(await readXlsxRows(workbookBytes, 'kwb-2024.xlsx'));
  });

  it('reads a value written with attributes (<v xml:space="preserve">, as SheetJS writes text with outer spaces)', async () => {
    const text = `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="str"><v xml:space="preserve"> Centrum </v></c><c r="B1"><v xml:space="preserve">12</v></c></row></sheetData></worksheet>`;
    const bytes = zip([{ name: 'xl/worksheets/sheet1.xml', text }]);
    expect(await readXlsxRows(bytes, 'sheetjs.xlsx')).toEqual([[' Centrum ', '12']]);
  });

  it('refuses a row or column number beyond Excel’s limits instead of allocating it, naming the file', async () => {
    for (const cell of [
      '<row r="1000000000"><c r="A1000000000"><v>1</v></c></row>',
      '<row r="1"><c r="ZZZZ1"><v>1</v></c></row>',
    ]) {
      const bytes = zip([
        { name: 'xl/worksheets/sheet1.xml', text: `<worksheet ${NS}><sheetData>${cell}</sheetData></worksheet>` },
      ]);
      let caught: unknown;
      try {
        await readXlsxRows(bytes, 'vijandig.xlsx');
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ImportError);
      expect(JSON.stringify((caught as ImportError).messages)).toContain('vijandig.xlsx');
    }
  });

  it('reads the first sheet in workbook order: shared, rich and inline strings, numbers as written, gaps', async () => {
    expect(await readXlsxRows(workbookBytes, 'kwb-2024.xlsx')).toEqual([
      ['gwb_code_10', 'regio', 'a_inw', 'g_hhgro'],
      ['GM0014', 'Groningen', '243768', '1.7'],
      [],
      ['BU00140000', 'A & B <Binnenstad> é€', '.'],
      ['WK001400', '', '2.4920000000000001E4', '1.2'],
    ]);
  });

  it('falls back to sheet1.xml when the workbook has no relationships, and reads stored parts', async () => {
    const bytes = zip([{ name: 'xl/worksheets/sheet1.xml', text: otherSheet, stored: true }]);
    expect(await readXlsxRows(bytes)).toEqual([['toelichting']]);
  });

  it('refuses bytes that are no workbook, naming the file', async () => {
    const fail = async (bytes: Uint8Array) => {
      try {
        await readXlsxRows(bytes, 'kwb-2024.xlsx');
      } catch (error) {
        return error instanceof ImportError ? error.messages.map((m) => m.text) : [String(error)];
      }
      return [];
    };
    expect(await fail(new TextEncoder().encode('gwb_code_10;a_inw\n'))).toEqual([
      'kwb-2024.xlsx: not an .xlsx workbook (no zip directory found)',
    ]);
    expect(await fail(zip([{ name: 'word/document.xml', text: '<w/>' }]))).toEqual([
      'kwb-2024.xlsx: the workbook has no worksheet xl/worksheets/sheet1.xml',
    ]);
  });
});

describe('readSourceRows on an .xlsx', () => {
  it('gives the same areas and values as the CSV would, with spreadsheet row numbers', async () => {
    const table = readSourceRows({ fileName: 'kwb-2024.xlsx', rows: await readXlsxRows(workbookBytes) });
    expect(table.kind).toBe('kwb');
    expect(table.period).toBe(2024);
    expect(table.areas.map((a) => [a.code, a.name, a.level, a.row])).toEqual([
      ['GM0014', 'Groningen', 'gemeente', 2],
      ['BU00140000', 'A & B <Binnenstad> é€', 'buurt', 4],
      ['WK001400', 'WK001400', 'wijk', 5],
    ]);
    expect(table.values.map((v) => [v.code, v.variable, v.value, v.row])).toEqual([
      ['GM0014', 'a_inw', 243768, 2],
      ['GM0014', 'g_hhgro', 1.7, 2],
      ['BU00140000', 'a_inw', null, 4],
      ['BU00140000', 'g_hhgro', null, 4],
      ['WK001400', 'a_inw', 24920, 5],
      ['WK001400', 'g_hhgro', 1.2, 5],
    ]);
  });
});
