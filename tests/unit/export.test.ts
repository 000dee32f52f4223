import { Window } from 'happy-dom';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { openZip } from '../../src/data/zip.ts';
import { ATTRIBUTION_HEIGHT, svgTextSize, svgToPng, svgWithAttribution } from '../../src/export/chartExport.ts';
import { type ExportTable, exportGrid, exportWords, toExportCsv } from '../../src/export/csv.ts';
import { downloadBlob, sanitiseFileName } from '../../src/export/download.ts';
import { neutraliseFormula } from '../../src/export/neutralise.ts';
import { columnName, sanitiseSheetName, toXlsx } from '../../src/export/xlsx.ts';
import { readXlsxRows } from '../../src/import/cbs/xlsx.ts';

const ATTRIBUTION = 'Bron: CBS, CC BY 4.0';

/** What a view shows: one secret cell (whose value must not leak), hostile names, rounding, a "-0". */
const table: ExportTable = {
  columns: [
    { key: 'name', label: 'Gebied', kind: 'text' },
    { key: 'code', label: 'Code', kind: 'text' },
    { key: 'period', label: 'Jaar', kind: 'integer', grouping: false },
    { key: 'value', label: 'Jeugdhulp (%)', kind: 'number', decimals: 1, suppressible: true },
  ],
  rows: [
    { name: 'Dorp Noord', code: 'BU19790101', period: 2023, value: 12.36 },
    { name: 'Klein "Buurtje"; oost', code: 'BU19790102', period: 2023, value: 99 },
    { name: "=cmd|' /C calc'!A0", code: '-12,5', period: 2023, value: -0.04 },
    { name: 'Één, twee', code: '@SUM(A1)', period: 2022.6, value: 1234.56 },
    { name: 'Leeg', code: null, period: 2023, value: null },
  ],
  suppressed: [undefined, ['value']],
};

describe('neutraliseFormula', () => {
  it('prefixes a text that a spreadsheet would run as a formula', () => {
    expect(neutraliseFormula('=1+1')).toBe("'=1+1");
    expect(neutraliseFormula('+31 6 1234')).toBe("'+31 6 1234");
    expect(neutraliseFormula('-2+3+cmd')).toBe("'-2+3+cmd");
    expect(neutraliseFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutraliseFormula('\t=1')).toBe("'\t=1");
    expect(neutraliseFormula('\r=1')).toBe("'\r=1");
    expect(neutraliseFormula('- geen')).toBe("'- geen");
    expect(neutraliseFormula('-')).toBe("'-");
  });

  it('leaves other texts and plain signed numbers alone', () => {
    for (const text of ['Dorp Noord', 'a=b', ' =1', '', '12', '-12.5', '-12,5', '+3', '-1.234,5', '-.5', "'=1"]) {
      expect(neutraliseFormula(text)).toBe(text);
    }
  });
});

describe('exportGrid', () => {
  it('adds a status column, rounds as on screen, neutralises texts and never writes a secret value', () => {
    const grid = exportGrid(table, exportWords('nl'));
    expect(grid.header).toEqual(['Gebied', 'Code', 'Jaar', 'Jeugdhulp (%)', 'Jeugdhulp (%) (status)']);
    expect(grid.rows[1]).toEqual([
      { text: 'Klein "Buurtje"; oost' },
      { text: 'BU19790102' },
      { value: 2023, decimals: 0, grouping: false },
      null,
      { text: 'geheim' },
    ]);
    expect(grid.rows[2]![3]).toEqual({ value: 0, decimals: 1, grouping: true });
    expect(Object.is((grid.rows[2]![3] as { value: number }).value, -0)).toBe(false);
    expect(JSON.stringify(grid)).not.toContain('99');
  });

  it('has no status column when no column can be secret', () => {
    const plain: ExportTable = { columns: [{ key: 'n', label: 'N', kind: 'number' }], rows: [{ n: 1e-7 }, { n: NaN }] };
    expect(exportGrid(plain, exportWords('en'))).toEqual({
      header: ['N'],
      rows: [[{ value: 1e-7, decimals: undefined, grouping: true }], [null]],
    });
  });

  it('gives a status column to a column with a secret cell even when it is not marked suppressible', () => {
    const t: ExportTable = {
      columns: [{ key: 'n', label: 'N', kind: 'number' }],
      rows: [{ n: 3 }],
      suppressed: [['n']],
    };
    expect(exportGrid(t, exportWords('en'))).toEqual({
      header: ['N', 'N (status)'],
      rows: [[null, { text: 'secret' }]],
    });
  });
});

describe('toExportCsv', () => {
  it('writes Dutch CSV: BOM, semicolons, decimal comma, CRLF, an empty secret cell with its status, a source column', () => {
    expect(toExportCsv(table, { numberFormat: 'nl', attribution: ATTRIBUTION })).toBe(
      '\uFEFFGebied;Code;Jaar;Jeugdhulp (%);Jeugdhulp (%) (status);bron\r\n' +
        'Dorp Noord;BU19790101;2023;12,4;;Bron: CBS, CC BY 4.0\r\n' +
        '"Klein ""Buurtje""; oost";BU19790102;2023;;geheim;Bron: CBS, CC BY 4.0\r\n' +
        "'=cmd|' /C calc'!A0;-12,5;2023;0,0;;Bron: CBS, CC BY 4.0\r\n" +
        "Één, twee;'@SUM(A1);2023;1234,6;;Bron: CBS, CC BY 4.0\r\n" +
        'Leeg;;2023;;;Bron: CBS, CC BY 4.0\r\n',
    );
  });

  it('writes international CSV: commas, decimal point, English words', () => {
    expect(toExportCsv(table, { numberFormat: 'intl', attribution: ATTRIBUTION, words: exportWords('en') })).toBe(
      '\uFEFFGebied,Code,Jaar,Jeugdhulp (%),Jeugdhulp (%) (status),source\r\n' +
        'Dorp Noord,BU19790101,2023,12.4,,"Bron: CBS, CC BY 4.0"\r\n' +
        '"Klein ""Buurtje""; oost",BU19790102,2023,,secret,"Bron: CBS, CC BY 4.0"\r\n' +
        '\'=cmd|\' /C calc\'!A0,"-12,5",2023,0.0,,"Bron: CBS, CC BY 4.0"\r\n' +
        '"Één, twee",\'@SUM(A1),2023,1234.6,,"Bron: CBS, CC BY 4.0"\r\n' +
        'Leeg,,2023,,,"Bron: CBS, CC BY 4.0"\r\n',
    );
  });

  it('is UTF-8 with a byte order mark once encoded, and leaves the source column out without attribution', () => {
    const text = toExportCsv(
      { columns: [{ key: 'a', label: 'Cliënten', kind: 'number' }], rows: [{ a: 1e-7 }, { a: 2.5e21 }] },
      { numberFormat: 'nl', attribution: '' },
    );
    expect(text).toBe('\uFEFFCliënten\r\n0,0000001\r\n2500000000000000000000\r\n');
    expect([...new TextEncoder().encode(text).subarray(0, 6)]).toEqual([0xef, 0xbb, 0xbf, 0x43, 0x6c, 0x69]);
  });
});

describe('toXlsx', () => {
  const written = toXlsx(table, { sheetName: 'Jeugd: 2023 [buurten]', attribution: ATTRIBUTION });

  it('reads back cell for cell, with the attribution under the table after an empty row', async () => {
    expect(await readXlsxRows(await written)).toEqual([
      ['Gebied', 'Code', 'Jaar', 'Jeugdhulp (%)', 'Jeugdhulp (%) (status)'],
      ['Dorp Noord', 'BU19790101', '2023', '12.4'],
      ['Klein "Buurtje"; oost', 'BU19790102', '2023', '', 'geheim'],
      // In a workbook the quote is not part of the text: the cell's quotePrefix style keeps it from running.
      ["=cmd|' /C calc'!A0", '-12,5', '2023', '0'],
      ['Één, twee', '@SUM(A1)', '2023', '1234.6'],
      ['Leeg', '', '2023'],
      [],
      ['Bron: CBS, CC BY 4.0'],
    ]);
  });

  it('is a deflated zip of the Office Open XML parts, the same bytes every time', async () => {
    const bytes = await written;
    const zip = openZip(bytes);
    expect(zip.names).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/worksheets/sheet1.xml',
      'xl/styles.xml',
    ]);
    const texts = new Map<string, string>();
    for (const name of zip.names) texts.set(name, new TextDecoder().decode((await zip.read(name))!));
    const text = (name: string) => texts.get(name)!;
    // The sheet is deflated (method 8 in its local header), so the workbook is smaller than its XML.
    const sheetHeader = new TextEncoder().encode('xl/worksheets/sheet1.xml');
    const at = indexOf(bytes, sheetHeader) - 30;
    expect(new DataView(bytes.buffer).getUint16(at + 8, true)).toBe(8);
    expect(text('xl/workbook.xml')).toContain('<sheet name="Jeugd 2023 buurten" sheetId="1" r:id="rId1"/>');
    const sheet = text('xl/worksheets/sheet1.xml');
    expect(sheet).toContain('<c r="C2" s="4"><v>2023</v></c><c r="D2" s="5"><v>12.4</v></c>');
    expect(sheet).toContain(`<c r="A4" s="2" t="inlineStr"><is><t>=cmd|' /C calc'!A0</t></is></c>`);
    expect(sheet).toContain('<row r="8"><c r="A8" t="inlineStr"><is><t>Bron: CBS, CC BY 4.0</t></is></c></row>');
    const styles = text('xl/styles.xml');
    expect(styles).toContain('<numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.0"/></numFmts>');
    expect(styles).toContain(
      '<cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/>' +
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" quotePrefix="1"/>' +
        '<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
        '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>',
    );
    expect(await toXlsx(table, { sheetName: 'Jeugd: 2023 [buurten]', attribution: ATTRIBUTION })).toEqual(bytes);
  });

  it('gives a formula-like column title the bold quotePrefix style, so the header cell cannot run either', async () => {
    const bytes = await toXlsx(
      { columns: [{ key: 't', label: '=HYPERLINK("http://ev.il","x")', kind: 'text' }], rows: [{ t: 'a' }] },
      { sheetName: 'x', attribution: '' },
    );
    const sheet = new TextDecoder().decode((await openZip(bytes).read('xl/worksheets/sheet1.xml'))!);
    expect(sheet).toContain(
      '<c r="A1" s="3" t="inlineStr"><is><t>=HYPERLINK(&quot;http://ev.il&quot;,&quot;x&quot;)</t>',
    );
  });

  it('cuts a text longer than Excel’s 32.767 characters per cell, with an ellipsis', async () => {
    const long = 'x'.repeat(40_000);
    const cut = await toXlsx(
      { columns: [{ key: 't', label: 'Toelichting', kind: 'text' }], rows: [{ t: long }] },
      { sheetName: 'Lang', attribution: '' },
    );
    const cell = (await readXlsxRows(cut))[1]![0]!;
    expect(cell).toHaveLength(32_767);
    expect(cell.endsWith('…')).toBe(true);
  });

  it('writes numbers as numbers and escapes XML', async () => {
    const t: ExportTable = {
      columns: [
        { key: 't', label: 'A & B <c>', kind: 'text' },
        { key: 'n', label: 'N', kind: 'number' },
      ],
      rows: [{ t: ' spaties \u0007', n: -12.5 }],
    };
    const rows = await readXlsxRows(await toXlsx(t, { sheetName: '', attribution: '' }));
    expect(rows).toEqual([
      ['A & B <c>', 'N'],
      [' spaties ', '-12.5'],
    ]);
  });
});

describe('zip and sheet helpers', () => {
  it('names columns and sheets as Excel allows', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
    expect(sanitiseSheetName('a/b\\c?d*e:f[g]h')).toBe('a b c d e f g h');
    expect(sanitiseSheetName("'Jeugdhulp per buurt en per jaar 2015-2023'")).toBe('Jeugdhulp per buurt en per jaar');
    expect(sanitiseSheetName('  ')).toBe('Data');
    expect(sanitiseSheetName('History')).toBe('History 1');
  });
});

describe('chart export', () => {
  const window = new Window();
  const document = window.document as unknown as Document;
  afterAll(() => window.happyDOM.close());

  const SVG = 'http://www.w3.org/2000/svg';
  function element(name: string, attributes: Record<string, string>, text?: string): Element {
    const e = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  /** Built as Plot builds its figures (happy-dom's HTML parser drops an SVG's <style> content). */
  function chart(): SVGSVGElement {
    const svg = element('svg', {
      class: 'plot',
      width: '400',
      height: '200',
      viewBox: '0 0 400 200',
      style: 'font: 12px system-ui',
    });
    svg.append(
      element('style', {}, '.plot text { fill: #333; } .plot > g { opacity: 1; }'),
      element('rect', { x: '0', y: '0', width: '10', height: '10', fill: '#1f5fa8' }),
    );
    return svg as SVGSVGElement;
  }

  it('serialises a standalone SVG with the attribution under the chart', () => {
    const svg = chart();
    const text = svgWithAttribution(svg, 'Bron: CBS & gemeente');
    expect(text).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<svg xmlns="http://www.w3.org/2000/svg" class="plot" width="400" height="220" viewBox="0 0 400 220" ' +
        'style="font: 12px system-ui"><style>.plot text { fill: #333; } .plot > g { opacity: 1; }</style>' +
        '<rect x="0" y="0" width="10" height="10" fill="#1f5fa8"/>' +
        '<text x="4" y="214" font-family="system-ui, sans-serif" font-size="11" fill="#55606b" ' +
        'class="chart-attribution">Bron: CBS &amp; gemeente</text></svg>\n',
    );
    expect(svg.getAttribute('height')).toBe('200');
    expect(svg.querySelector('text')).toBeNull();
    expect(svgTextSize(text)).toEqual({ width: 400, height: 200 + ATTRIBUTION_HEIGHT });
  });

  it('keeps the attribution 20 px high in a scaled viewBox', () => {
    const svg = element('svg', { width: '200', height: '100', viewBox: '10 10 400 200' }) as SVGSVGElement;
    const text = svgWithAttribution(svg, 'x');
    expect(text).toContain('width="200" height="120" viewBox="10 10 400 240"');
    expect(text).toContain('<text x="18" y="238" font-family="system-ui, sans-serif" font-size="22"');
  });

  it('refuses to draw a PNG outside a browser', async () => {
    await expect(svgToPng('<svg/>', 10, 10)).rejects.toThrow(/browser/);
  });
});

describe('download', () => {
  afterEach(() => vi.useRealTimers());

  it('sanitises file names', () => {
    expect(sanitiseFileName('Jeugd: 2023/2024 <buurten>?.csv')).toBe('Jeugd- 2023-2024 -buurten--.csv');
    expect(sanitiseFileName('kaart. ')).toBe('kaart');
    expect(sanitiseFileName('.csv')).toBe('download.csv');
    expect(sanitiseFileName('con.csv')).toBe('_con.csv');
    expect(sanitiseFileName(`${'a'.repeat(200)}.xlsx`)).toBe(`${'a'.repeat(115)}.xlsx`);
  });

  it('clicks a temporary link to an object URL and revokes it afterwards', () => {
    vi.useFakeTimers();
    const window = new Window();
    const document = window.document as unknown as Document;
    const clicked: { href: string; download: string; inBody: boolean }[] = [];
    vi.spyOn(window.HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, inBody: document.body.contains(this) });
    });
    const create = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:test/1');
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    downloadBlob(new Blob(['x']), 'a/b.csv', document);
    expect(clicked).toEqual([{ href: 'blob:test/1', download: 'a-b.csv', inBody: true }]);
    expect(document.querySelector('a')).toBeNull();
    expect(revoke).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(revoke).toHaveBeenCalledWith('blob:test/1');
    create.mockRestore();
    revoke.mockRestore();
    window.happyDOM.close();
  });
});

describe('why a value is missing, in every download', () => {
  const reasons: ExportTable = {
    columns: [
      { key: 'code', label: 'Code', kind: 'text' },
      { key: 'value', label: 'Jeugdzorg (%)', kind: 'number', decimals: 1, suppressible: true },
    ],
    rows: [
      { code: 'GM1979', value: null },
      { code: 'WK197910', value: null },
      { code: 'WK197908', value: null },
      { code: 'WK197911', value: null },
      { code: 'WK197901', value: 8.7 },
    ],
    suppressed: [['value'], ['value'], ['value'], ['value']],
    reasons: [
      { value: 'not_published' },
      { value: 'secret' },
      { value: 'no_inhabitants' },
      { value: 'not_yet_available' },
      // A reason beside a shown value is no reason.
      { value: 'secret' },
    ],
  };

  it('writes the reason in the status column of the CSV, in Dutch and in English', () => {
    expect(toExportCsv(reasons, { numberFormat: 'nl', attribution: '' })).toBe(
      '\uFEFFCode;Jeugdzorg (%);Jeugdzorg (%) (status)\r\n' +
        'GM1979;;niet gepubliceerd\r\n' +
        'WK197910;;geheim\r\n' +
        'WK197908;;geen inwoners\r\n' +
        'WK197911;;nog niet beschikbaar\r\n' +
        'WK197901;8,7;\r\n',
    );
    expect(toExportCsv(reasons, { numberFormat: 'intl', attribution: '', words: exportWords('en') })).toContain(
      'GM1979,,not published\r\nWK197910,,secret\r\nWK197908,,no inhabitants\r\nWK197911,,not yet available\r\n',
    );
  });

  it('writes the same words in the Excel file', async () => {
    expect(await readXlsxRows(await toXlsx(reasons, { sheetName: 'x', attribution: '' }))).toEqual([
      ['Code', 'Jeugdzorg (%)', 'Jeugdzorg (%) (status)'],
      ['GM1979', '', 'niet gepubliceerd'],
      ['WK197910', '', 'geheim'],
      ['WK197908', '', 'geen inwoners'],
      ['WK197911', '', 'nog niet beschikbaar'],
      ['WK197901', '8.7'],
    ]);
  });
});

/** The first position of `needle` in `bytes`, or -1. */
function indexOf(bytes: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let k = 0; k < needle.length; k++) if (bytes[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}
