/**
 * The table as an Excel workbook, without a spreadsheet library: an .xlsx is a zip of a few XML parts (ECMA-376
 * Office Open XML, SpreadsheetML). One sheet; texts as inline strings (no shared-string table to keep in step);
 * numbers as numbers with the decimals shown on screen as their number format; the header in bold and frozen;
 * secret values as in the CSV (an empty cell and a status column, see csv.ts); the attribution in a row under the
 * table, after an empty row so that Excel's "current region" (sort, filter, pivot) stops at the table.
 *
 * The zip is the project's one zip writer (src/data/zip.ts): deflated (a national table of 14.500 buurten × 31
 * columns goes from 16 MB stored to under 2 MB) and with a fixed date, so the same table always gives the same bytes.
 */
import { writeZip } from '../data/zip.ts';
import { type ExportTable, type ExportWords, exportGrid, exportWords, type GridCell } from './csv.ts';
import { neutraliseFormula, restoreNeutralised } from './neutralise.ts';

export interface XlsxOptions {
  sheetName: string;
  /** Written under the table; left out when empty. */
  attribution: string;
  /** Defaults to Dutch. */
  words?: ExportWords;
}

// ---------------------------------------------------------------------------------------------------------------
// SpreadsheetML

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** XML 1.0 allows no control characters but tab, LF and CR; they are dropped rather than make the file unreadable. */
function escapeXml(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replaceAll('&', '&amp;')
      .replaceAll('<', '&lt;')
      .replaceAll('>', '&gt;')
      .replaceAll('"', '&quot;')
  );
}

/** Excel refuses a sheet name that is empty, longer than 31 characters, holds []:*?/\ or starts or ends with '. */
export function sanitiseSheetName(name: string): string {
  const trim = (text: string) => text.replace(/^[\s']+|[\s']+$/g, '');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
  const forbidden = /[[\]:*?/\\\u0000-\u001f]/g;
  const clean = trim(
    trim(name.replace(forbidden, ' ').replace(/\s+/g, ' '))
      .slice(0, 31)
      .replace(/[\ud800-\udbff]$/, ''), // not half an emoji
  );
  // "History" is reserved by Excel for its change tracking.
  if (clean.toLowerCase() === 'history') return `${clean} 1`;
  return clean === '' ? 'Data' : clean;
}

/** "A", …, "Z", "AA", … for a 0-based column. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * Cell styles (indices into cellXfs): 0 default, 1 bold header, 2 text with Excel's quote prefix (a formula-like text
 * shown as text: the xlsx way of the CSV's leading `'`, which in a workbook would become part of the value), 3 a bold
 * header with the quote prefix (an indicator label can start with `=` too), then one per number format in use.
 */
const QUOTE_PREFIX_STYLE = 2;
const BOLD_STYLE = 1;
const BOLD_QUOTE_PREFIX_STYLE = 3;
/** Excel's limit on the characters in one cell; a longer text is cut with an ellipsis rather than refused by Excel. */
export const XLSX_MAX_CELL_CHARS = 32_767;

class Styles {
  private readonly formats: string[] = [];

  /** The style of a number shown with these decimals ("#,##0.0", or "0.0" without grouping); General without. */
  number(decimals: number | undefined, grouping: boolean): number {
    if (decimals === undefined) return 0;
    const fraction = decimals > 0 ? `.${'0'.repeat(Math.min(decimals, 30))}` : '';
    const code = `${grouping ? '#,##0' : '0'}${fraction}`;
    let i = this.formats.indexOf(code);
    if (i < 0) i = this.formats.push(code) - 1;
    return 4 + i;
  }

  xml(): string {
    // "0" and "#,##0" are built in (ids 1 and 3); custom formats are numbered from 164.
    const builtIn: Record<string, number> = { '0': 1, '#,##0': 3 };
    let next = 164;
    const ids = this.formats.map((code) => builtIn[code] ?? next++);
    const custom = this.formats
      .map((code, i) => (ids[i]! >= 164 ? `<numFmt numFmtId="${ids[i]}" formatCode="${escapeXml(code)}"/>` : ''))
      .filter(Boolean);
    const numFmts = custom.length ? `<numFmts count="${custom.length}">${custom.join('')}</numFmts>` : '';
    const xfs = [
      '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
      '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>',
      '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/>',
      '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" quotePrefix="1"/>',
      ...ids.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`),
    ];
    return (
      `${XML_DECLARATION}<styleSheet xmlns="${MAIN_NS}">${numFmts}` +
      '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '</styleSheet>'
    );
  }
}

function textCell(ref: string, neutralised: string, style = 0): string {
  // Texts arrive neutralised for CSV (`'=…`); here the quote comes off and the quotePrefix style keeps it text.
  const restored = restoreNeutralised(neutralised);
  const quoted = restored !== neutralised;
  const full = quoted ? restored : neutralised;
  const text = full.length > XLSX_MAX_CELL_CHARS ? `${full.slice(0, XLSX_MAX_CELL_CHARS - 1)}…` : full;
  if (quoted && style === 0) style = QUOTE_PREFIX_STYLE;
  else if (quoted && style === BOLD_STYLE) style = BOLD_QUOTE_PREFIX_STYLE;
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
  const s = style ? ` s="${style}"` : '';
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${escapeXml(text)}</t></is></c>`;
}

function gridCell(ref: string, cell: GridCell, styles: Styles): string {
  if (cell === null) return '';
  if ('text' in cell) return textCell(ref, cell.text);
  const style = styles.number(cell.decimals, cell.grouping);
  return `<c r="${ref}"${style ? ` s="${style}"` : ''}><v>${cell.value}</v></c>`;
}

function row(r: number, cells: string[]): string {
  return `<row r="${r}">${cells.join('')}</row>`;
}

function sheetXml(table: ExportTable, options: XlsxOptions, styles: Styles): string {
  const grid = exportGrid(table, options.words ?? exportWords('nl'));
  const widths = grid.header.map((h) => h.length);
  const rows = [
    row(
      1,
      grid.header.map((h, c) => textCell(`${columnName(c)}1`, h, BOLD_STYLE)),
    ),
  ];
  grid.rows.forEach((cells, i) => {
    const r = i + 2;
    rows.push(
      row(
        r,
        cells.map((cell, c) => {
          const length = cell === null ? 0 : 'text' in cell ? cell.text.length : String(cell.value).length + 2;
          widths[c] = Math.max(widths[c] ?? 0, length);
          return gridCell(`${columnName(c)}${r}`, cell, styles);
        }),
      ),
    );
  });
  if (options.attribution !== '') {
    const r = grid.rows.length + 3;
    rows.push(row(r, [textCell(`A${r}`, neutraliseFormula(options.attribution))]));
  }
  const cols = widths
    .map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${Math.min(60, Math.max(8, w + 2))}" customWidth="1"/>`)
    .join('');
  const frozen =
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>';
  return (
    `${XML_DECLARATION}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${frozen}` +
    `${cols ? `<cols>${cols}</cols>` : ''}<sheetData>${rows.join('')}</sheetData></worksheet>`
  );
}

/** The .xlsx file's bytes. */
export async function toXlsx(table: ExportTable, options: XlsxOptions): Promise<Uint8Array<ArrayBuffer>> {
  const styles = new Styles();
  const sheet = sheetXml(table, options, styles); // first: it registers the number formats in use
  const encoder = new TextEncoder();
  const part = (name: string, xml: string) => ({ name, data: encoder.encode(xml) });
  return writeZip([
    part(
      '[Content_Types].xml',
      `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '</Types>',
    ),
    part(
      '_rels/.rels',
      `${XML_DECLARATION}<Relationships xmlns="${PKG_REL_NS}">` +
        `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    part(
      'xl/workbook.xml',
      `${XML_DECLARATION}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>` +
        `<sheet name="${escapeXml(sanitiseSheetName(options.sheetName))}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    part(
      'xl/_rels/workbook.xml.rels',
      `${XML_DECLARATION}<Relationships xmlns="${PKG_REL_NS}">` +
        `<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
    ),
    part('xl/worksheets/sheet1.xml', sheet),
    part('xl/styles.xml', styles.xml()),
  ]);
}
