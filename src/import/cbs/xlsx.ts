/**
 * The first worksheet of an .xlsx (CBS's kwb-YYYY.xlsx) as rows of text, without a spreadsheet library: an .xlsx
 * is a zip of XML parts (ECMA-376 / SpreadsheetML). Cells hold a number (`<v>`), an index into the shared strings
 * (`t="s"`), an inline string (`t="inlineStr"`), a formula's text result (`t="str"`), a boolean or an error.
 * Numbers are returned as written in the file ("2.1", "1E-3"), so no precision is lost or invented here.
 *
 * Row i of the result is spreadsheet row i + 1 (missing rows are empty arrays); cells left out of a row are ''.
 */
import { ImportError, importMessage } from './messages.ts';
import { openZip, type ZipArchive, ZipError } from './zip.ts';

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
  const visible = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let text = '';
  for (const m of visible.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) text += m[1];
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
  return [...decoder.decode(bytes).matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => itemText(m[1] ?? ''));
}

/** The first sheet in workbook order, via its relationship; sheet1.xml when the workbook says nothing. */
function firstSheetPath(zip: ZipArchive, decoder: TextDecoder): string {
  const fallback = 'xl/worksheets/sheet1.xml';
  const workbook = zip.read('xl/workbook.xml');
  const rels = zip.read('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) return fallback;
  const sheet = /<sheet\b([^>]*)\/?>/.exec(decoder.decode(workbook))?.[1];
  const id = sheet ? attribute(sheet, 'r:id') : undefined;
  if (!id) return fallback;
  for (const m of decoder.decode(rels).matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    if (attribute(m[1]!, 'Id') !== id) continue;
    const target = attribute(m[1]!, 'Target');
    if (!target) break;
    return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
  }
  return fallback;
}

function cellValue(attributes: string, body: string, strings: readonly string[]): string {
  const type = attribute(attributes, 't');
  if (type === 'inlineStr') return itemText(/<is>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? '');
  const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
  if (v === undefined) return '';
  if (type === 's') return strings[Number(v)] ?? '';
  if (type === 'b') return v === '1' ? 'TRUE' : 'FALSE';
  return unescapeXml(v);
}

function sheetRows(xml: string, strings: readonly string[]): string[][] {
  const rows: string[][] = [];
  for (const row of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const r = Number(attribute(row[1]!, 'r'));
    const index = Number.isInteger(r) && r > 0 ? r - 1 : rows.length;
    while (rows.length < index) rows.push([]);
    const cells: string[] = [];
    for (const cell of (row[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const col = columnIndex(attribute(cell[1]!, 'r'));
      const at = col >= 0 ? col : cells.length;
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
    // inflateRaw failing means a damaged part; say so rather than leak a zlib message without the file name.
    throw new ImportError([
      importMessage(file, 'notXlsx', { reason: error instanceof Error ? error.message : String(error) }),
    ]);
  }
}
