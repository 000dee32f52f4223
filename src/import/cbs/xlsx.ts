/**
 * The first worksheet of an .xlsx (CBS's kwb-YYYY.xlsx) as rows of text, without a spreadsheet library: an .xlsx
 * is a zip of XML parts (ECMA-376 / SpreadsheetML). Cells hold a number (`<v>`), an index into the shared strings
 * (`t="s"`), an inline string (`t="inlineStr"`), a formula's text result (`t="str"`), a boolean or an error.
 * Numbers are returned as written in the file ("2.1", "1E-3"), so no precision is lost or invented here.
 *
 * Row i of the result is spreadsheet row i + 1 (missing rows are empty arrays); cells left out of a row are ''.
 *
 * Element names may carry a namespace prefix (`<x:row>`, `<x:c>`, as the .NET Open XML SDK writes them) and
 * elements may carry attributes (`<v xml:space="preserve">`, as SheetJS writes text with outer spaces); both are
 * read like the plain form. Row and column numbers beyond Excel's own limits (1.048.576 rows, 16.384 columns) are
 * refused rather than allocated: a 441-byte workbook must not claim a billion rows.
 */
import { ImportError, importMessage } from './messages.ts';
import { openZip, type ZipArchive, ZipError } from './zip.ts';

/** Excel's own limits (ECMA-376 §18.3.1.73 / Excel specifications). */
export const XLSX_MAX_ROWS = 1_048_576;
export const XLSX_MAX_COLUMNS = 16_384;

/** A start tag `<name …>` or `<prefix:name …>`: the regex source for element `name` with any namespace prefix. */
const tag = (name: string) => `<(?:[A-Za-z_][\\w.-]*:)?${name}\\b`;
const close = (name: string) => `<\\/(?:[A-Za-z_][\\w.-]*:)?${name}>`;

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(s: string): string {
  return s.replace(ENTITY, (_, hex: string | undefined, dec: string | undefined, name: string | undefined) =>
    hex !== undefined
      ? String.fromCodePoint(Number.parseInt(hex, 16))
      : dec !== undefined
        ? String.fromCodePoint(Number.parseInt(dec, 10))
        : NAMED[name!]!,
  );
}

/** The concatenated `<t>` texts of a string item, without phonetic runs (`<rPh>`, East Asian readings). */
function itemText(xml: string): string {
  const visible = xml.replace(new RegExp(`${tag('rPh')}[\\s\\S]*?${close('rPh')}`, 'g'), '');
  let text = '';
  for (const m of visible.matchAll(new RegExp(`${tag('t')}(?:\\s[^>]*)?>([\\s\\S]*?)${close('t')}`, 'g'))) text += m[1];
  return unescapeXml(text);
}

function attribute(attributes: string, name: string): string | undefined {
  return new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attributes)?.[1];
}

/** 0-based column of a cell reference ("A1" → 0, "AB12" → 27), or -1. */
function columnIndex(reference: string | undefined): number {
  const letters = reference ? /^[A-Z]+/.exec(reference)?.[0] : undefined;
  if (!letters) return -1;
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function sharedStrings(zip: ZipArchive, decoder: TextDecoder): string[] {
  const bytes = zip.read('xl/sharedStrings.xml');
  if (!bytes) return [];
  const si = new RegExp(`${tag('si')}[^>]*?(?:\\/>|>([\\s\\S]*?)${close('si')})`, 'g');
  return [...decoder.decode(bytes).matchAll(si)].map((m) => itemText(m[1] ?? ''));
}

/** The first sheet in workbook order, via its relationship; sheet1.xml when the workbook says nothing. */
function firstSheetPath(zip: ZipArchive, decoder: TextDecoder): string {
  const fallback = 'xl/worksheets/sheet1.xml';
  const workbook = zip.read('xl/workbook.xml');
  const rels = zip.read('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) return fallback;
  const sheet = new RegExp(`${tag('sheet')}([^>]*)\\/?>`).exec(decoder.decode(workbook))?.[1];
  const id = sheet ? attribute(sheet, 'r:id') : undefined;
  if (!id) return fallback;
  for (const m of decoder.decode(rels).matchAll(new RegExp(`${tag('Relationship')}([^>]*)\\/?>`, 'g'))) {
    if (attribute(m[1]!, 'Id') !== id) continue;
    const target = attribute(m[1]!, 'Target');
    if (!target) break;
    return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
  }
  return fallback;
}

function cellValue(attributes: string, body: string, strings: readonly string[]): string {
  const type = attribute(attributes, 't');
  if (type === 'inlineStr') return itemText(IS.exec(body)?.[1] ?? '');
  const v = V.exec(body)?.[1];
  if (v === undefined) return '';
  if (type === 's') return strings[Number(v)] ?? '';
  if (type === 'b') return v === '1' ? 'TRUE' : 'FALSE';
  return unescapeXml(v);
}

const IS = new RegExp(`${tag('is')}[^>]*>([\\s\\S]*?)${close('is')}`);
const V = new RegExp(`${tag('v')}[^>]*>([\\s\\S]*?)${close('v')}`);
const ROW = new RegExp(`${tag('row')}([^>]*?)(?:\\/>|>([\\s\\S]*?)${close('row')})`, 'g');
const CELL = new RegExp(`${tag('c')}([^>]*?)(?:\\/>|>([\\s\\S]*?)${close('c')})`, 'g');

class BeyondLimits extends Error {}

function sheetRows(xml: string, strings: readonly string[]): string[][] {
  const rows: string[][] = [];
  for (const row of xml.matchAll(ROW)) {
    const r = Number(attribute(row[1]!, 'r'));
    const index = Number.isInteger(r) && r > 0 ? r - 1 : rows.length;
    if (index >= XLSX_MAX_ROWS) throw new BeyondLimits(`row ${index + 1}`);
    while (rows.length < index) rows.push([]);
    const cells: string[] = [];
    for (const cell of (row[2] ?? '').matchAll(CELL)) {
      const col = columnIndex(attribute(cell[1]!, 'r'));
      const at = col >= 0 ? col : cells.length;
      if (at >= XLSX_MAX_COLUMNS) throw new BeyondLimits(`column ${at + 1}`);
      while (cells.length < at) cells.push('');
      cells[at] = cellValue(cell[1]!, cell[2] ?? '', strings);
    }
    rows[index] = cells;
  }
  return rows;
}

/** The rows of the workbook's first sheet; throws an ImportError when the bytes are no readable .xlsx. */
export function readXlsxRows(
  bytes: Uint8Array,
  inflateRaw: (b: Uint8Array) => Uint8Array,
  file = 'workbook.xlsx',
): string[][] {
  try {
    const zip = openZip(bytes, inflateRaw);
    const decoder = new TextDecoder('utf-8');
    const path = firstSheetPath(zip, decoder);
    const sheet = zip.read(path);
    if (!sheet) throw new ImportError([importMessage(file, 'missingSheet', { entry: path })]);
    return sheetRows(decoder.decode(sheet), sharedStrings(zip, decoder));
  } catch (error) {
    if (error instanceof ZipError) {
      throw new ImportError([
        error.entry === undefined
          ? importMessage(file, 'notXlsx', { reason: error.message })
          : importMessage(file, 'unsupportedZip', { entry: error.entry, reason: error.message }),
      ]);
    }
    if (error instanceof ImportError) throw error;
    if (error instanceof BeyondLimits) {
      throw new ImportError([
        importMessage(file, 'notXlsx', { reason: `${error.message} lies beyond Excel's limits` }),
      ]);
    }
    // inflateRaw failing means a damaged part; say so rather than leak a zlib message without the file name.
    throw new ImportError([
      importMessage(file, 'notXlsx', { reason: error instanceof Error ? error.message : String(error) }),
    ]);
  }
}
