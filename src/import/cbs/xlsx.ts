/**
 * The first worksheet of an .xlsx (CBS's kwb-YYYY.xlsx, or a user's own data) as rows of text, without a
 * spreadsheet library: an .xlsx is a zip of XML parts (ECMA-376 / SpreadsheetML). Cells hold a number (`<v>`), an
 * index into the shared strings (`t="s"`), an inline string (`t="inlineStr"`), a formula's text result (`t="str"`),
 * a boolean or an error. Numbers are returned as written in the file ("2.1", "1E-3"), so no precision is lost or
 * invented here.
 *
 * Row i of the result is spreadsheet row i + 1 (missing rows are empty arrays); cells left out of a row are ''.
 *
 * Element names may carry a namespace prefix (`<x:row>`, `<x:c>`, as the .NET Open XML SDK writes them) and
 * elements may carry attributes (`<v xml:space="preserve">`, as SheetJS writes text with outer spaces); both are
 * read like the plain form.
 *
 * The reader is bounded, because a workbook can be hostile (a 441-byte file used to freeze a tab for 74 s): the XML
 * is walked once, tag by tag, with `indexOf` (no regular expression that backtracks over an unclosed `<row>`), the
 * zip may inflate to at most {@link XLSX_MAX_BYTES}, and rows, columns and cells (gaps included, as they become
 * array slots) are capped. Every refusal names the file, and the sheet, row and column where it has them.
 */
import { openZip, type ZipArchive, ZipError } from '../../data/zip.ts';
import { ImportError, importMessage } from './messages.ts';

/** Excel's own limits (ECMA-376 §18.3.1.73 / Excel specifications). */
export const XLSX_MAX_ROWS = 1_048_576;
export const XLSX_MAX_COLUMNS = 16_384;
/** Cells (gaps included) read from one sheet: 50× a national buurt table of 14.500 rows × 31 columns. */
export const XLSX_MAX_CELLS = 20_000_000;
/** Inflated bytes over all parts read: a sheet becomes one string, and a tab holds a few hundred MB at most. */
export const XLSX_MAX_BYTES = 256 * 1024 * 1024;

/** A refusal by the reader; `where` is the sheet, row and column as far as known. */
class Unreadable extends Error {
  constructor(
    reason: string,
    readonly row?: number,
    readonly column?: string,
  ) {
    super(reason);
  }
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(?:#x([0-9a-fA-F]{1,6})|#(\d{1,7})|(amp|lt|gt|quot|apos));/g, (whole, hex, dec, name) => {
    const code = hex !== undefined ? Number.parseInt(hex, 16) : dec !== undefined ? Number.parseInt(dec, 10) : -1;
    if (code < 0) return NAMED[name as string]!;
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * The tags of an XML text, left to right, each found with `indexOf`: one pass, whatever the nesting or however
 * many tags are left unclosed. Comments, processing instructions and the doctype are skipped (no entity of a
 * doctype is ever expanded); CDATA sections come as text.
 */
class Tags {
  /** Local name (prefix dropped), '' for text-only CDATA. */
  name = '';
  closing = false;
  selfClosing = false;
  attrs = '';
  private pos = 0;
  private textFrom = 0;
  private textTo = 0;
  private cdata: string | undefined;

  constructor(private readonly xml: string) {}

  /** Moves to the next tag; false at the end of the text. */
  next(): boolean {
    const xml = this.xml;
    for (;;) {
      const lt = xml.indexOf('<', this.pos);
      this.textFrom = this.pos;
      this.textTo = lt < 0 ? xml.length : lt;
      this.cdata = undefined;
      if (lt < 0) {
        this.pos = xml.length;
        return false;
      }
      if (xml.startsWith('<!--', lt)) {
        this.pos = this.skipTo(lt, '-->');
        continue;
      }
      if (xml.startsWith('<![CDATA[', lt)) {
        const end = this.skipTo(lt, ']]>');
        this.cdata = xml.slice(lt + 9, end - 3);
        this.pos = end;
        this.name = '';
        this.closing = this.selfClosing = false;
        this.attrs = '';
        return true;
      }
      if (xml.startsWith('<?', lt)) {
        this.pos = this.skipTo(lt, '?>');
        continue;
      }
      const gt = this.skipTo(lt, '>');
      this.pos = gt;
      if (xml[lt + 1] === '!') continue; // <!DOCTYPE …>
      this.closing = xml[lt + 1] === '/';
      this.selfClosing = xml[gt - 2] === '/';
      let i = lt + (this.closing ? 2 : 1);
      let nameEnd = i;
      while (nameEnd < gt - 1) {
        const c = xml.charCodeAt(nameEnd);
        if (c === 0x2f || c === 0x3e || c <= 0x20) break; // '/', '>', whitespace
        nameEnd++;
      }
      const qualified = xml.slice(i, nameEnd);
      const colon = qualified.lastIndexOf(':');
      this.name = colon < 0 ? qualified : qualified.slice(colon + 1);
      i = nameEnd;
      this.attrs = xml.slice(i, this.selfClosing ? gt - 2 : gt - 1);
      return true;
    }
  }

  /** The raw text between the previous tag and this one (CDATA: its content). */
  text(): string {
    return this.cdata !== undefined ? this.cdata : this.xml.slice(this.textFrom, this.textTo);
  }

  /** True when the current item is a CDATA section rather than a tag. */
  isText(): boolean {
    return this.cdata !== undefined;
  }

  private skipTo(from: number, end: string): number {
    const at = this.xml.indexOf(end, from + 1);
    if (at < 0) throw new Unreadable(`a tag is not closed (from character ${from + 1})`);
    return at + end.length;
  }
}

/** The value of attribute `name` ("r", or "*:id" for `id` under any prefix), parsed in one pass. */
function attribute(attrs: string, name: string): string | undefined {
  const anyPrefix = name.startsWith('*:');
  const local = anyPrefix ? name.slice(1) : name;
  let i = 0;
  while (i < attrs.length) {
    const eq = attrs.indexOf('=', i);
    if (eq < 0) return undefined;
    let q = eq + 1;
    while (q < attrs.length && (attrs[q] === ' ' || attrs[q] === '\t' || attrs[q] === '\n' || attrs[q] === '\r')) q++;
    const quote = attrs[q];
    if (quote !== '"' && quote !== "'") return undefined;
    const close = attrs.indexOf(quote, q + 1);
    if (close < 0) return undefined;
    const key = attrs.slice(i, eq).trim();
    if (anyPrefix ? key.endsWith(local) && key.length > local.length : key === local) {
      return unescapeXml(attrs.slice(q + 1, close));
    }
    i = close + 1;
  }
  return undefined;
}

/** 0-based column of a cell reference ("A1" → 0, "AB12" → 27), -1 without one; beyond Excel's columns: Infinity. */
function columnIndex(reference: string | undefined): number {
  if (!reference) return -1;
  let n = 0;
  let i = 0;
  for (; i < reference.length; i++) {
    const code = reference.charCodeAt(i);
    if (code < 65 || code > 90) break;
    if (i >= 3) return Number.POSITIVE_INFINITY; // four letters are beyond XFD
    n = n * 26 + (code - 64);
  }
  return i === 0 ? -1 : n - 1;
}

/** "A", …, "Z", "AA", … for a 0-based column (messages only). */
function columnLetters(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * The visible text of string items: the `<t>` texts inside each `item` element (`si` or `is`), without phonetic
 * runs (`<rPh>`). Called per tag by the sheet and shared-string walkers.
 */
class ItemText {
  private depth = 0;
  private phonetic = 0;
  private inT = false;
  private raw = '';

  /** Feeds a tag; returns true when it belonged to an item. */
  feed(tags: Tags, item: string): boolean {
    if (this.inT && this.phonetic === 0) this.raw += tags.text();
    if (tags.isText()) return this.depth > 0;
    const name = tags.name;
    if (name === item) {
      if (tags.closing) this.depth = 0;
      else if (!tags.selfClosing) {
        this.depth = 1;
        this.raw = '';
      } else this.raw = '';
      this.inT = false;
      this.phonetic = 0;
      return true;
    }
    if (this.depth === 0) return false;
    if (name === 'rPh' && !tags.selfClosing) this.phonetic += tags.closing ? -1 : 1;
    else if (name === 't' && !tags.selfClosing) this.inT = !tags.closing;
    return true;
  }

  get open(): boolean {
    return this.depth > 0;
  }

  value(): string {
    return unescapeXml(this.raw);
  }
}

function sharedStrings(xml: string): string[] {
  const strings: string[] = [];
  const tags = new Tags(xml);
  const item = new ItemText();
  while (tags.next()) {
    const wasOpen = item.open;
    if (!item.feed(tags, 'si')) continue;
    if (tags.name === 'si' && !tags.isText()) {
      if (tags.selfClosing) strings.push('');
      else if (tags.closing && wasOpen) strings.push(item.value());
      else if (!tags.closing && wasOpen) throw new Unreadable(`shared string ${strings.length + 1} is not closed`);
    }
  }
  return strings;
}

/** The first sheet in workbook order (name and part), via its relationship; sheet1.xml when the workbook says nothing. */
function firstSheet(workbook: string | null, rels: string | null): { name: string; path: string } {
  const fallback = { name: 'sheet1', path: 'xl/worksheets/sheet1.xml' };
  if (workbook === null) return fallback;
  let name: string | undefined;
  let id: string | undefined;
  const tags = new Tags(workbook);
  while (tags.next()) {
    if (tags.name === 'sheet' && !tags.closing) {
      name = attribute(tags.attrs, 'name');
      id = attribute(tags.attrs, '*:id');
      break;
    }
  }
  const named = { ...fallback, name: name ?? fallback.name };
  if (!id || rels === null) return named;
  const relTags = new Tags(rels);
  while (relTags.next()) {
    if (relTags.name !== 'Relationship' || relTags.closing || attribute(relTags.attrs, 'Id') !== id) continue;
    const target = attribute(relTags.attrs, 'Target');
    if (!target) break;
    return { ...named, path: target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}` };
  }
  return named;
}

function sheetRows(xml: string, strings: readonly string[]): string[][] {
  const rows: string[][] = [];
  let cellsLeft = XLSX_MAX_CELLS;
  const spend = (n: number, row: number, column?: string) => {
    cellsLeft -= n;
    if (cellsLeft < 0) {
      throw new Unreadable(`more than ${XLSX_MAX_CELLS.toLocaleString('en')} cells (gaps included)`, row, column);
    }
  };
  const tags = new Tags(xml);
  const inline = new ItemText();
  let row: string[] | null = null;
  let rowIndex = -1;
  // The open cell: its column, type, the raw text of its <v>.
  let cellAt = -1;
  let cellType: string | undefined;
  let v: string | undefined;
  let inV = false;
  while (tags.next()) {
    if (inV) v = (v ?? '') + tags.text();
    if (cellAt >= 0 && inline.feed(tags, 'is')) continue;
    if (tags.isText()) continue;
    switch (tags.name) {
      case 'row': {
        if (tags.closing) {
          if (row) rows[rowIndex] = row;
          row = null;
          break;
        }
        if (row) throw new Unreadable('the row is not closed', rowIndex + 1);
        const r = Number(attribute(tags.attrs, 'r'));
        rowIndex = Number.isInteger(r) && r > 0 ? r - 1 : Math.max(rows.length, rowIndex + 1);
        if (rowIndex >= XLSX_MAX_ROWS) {
          throw new Unreadable(`row ${rowIndex + 1} lies beyond Excel's ${XLSX_MAX_ROWS.toLocaleString('en')} rows`);
        }
        spend(Math.max(1, rowIndex + 1 - rows.length), rowIndex + 1);
        while (rows.length < rowIndex) rows.push([]);
        if (tags.selfClosing) rows[rowIndex] = [];
        else row = [];
        break;
      }
      case 'c': {
        if (!row) break; // a cell outside a row holds nothing to read
        if (tags.closing) {
          if (cellAt < 0) break;
          row[cellAt] =
            cellType === 'inlineStr'
              ? inline.value()
              : v === undefined
                ? ''
                : cellType === 's'
                  ? (strings[Number(v)] ?? '')
                  : cellType === 'b'
                    ? v === '1'
                      ? 'TRUE'
                      : 'FALSE'
                    : unescapeXml(v);
          cellAt = -1;
          break;
        }
        if (cellAt >= 0) throw new Unreadable('the cell is not closed', rowIndex + 1, columnLetters(cellAt));
        const col = columnIndex(attribute(tags.attrs, 'r'));
        const at = col >= 0 ? col : row.length;
        if (at >= XLSX_MAX_COLUMNS) {
          throw new Unreadable(
            `column ${Number.isFinite(at) ? at + 1 : '?'} lies beyond Excel's ${XLSX_MAX_COLUMNS.toLocaleString('en')} columns`,
            rowIndex + 1,
          );
        }
        spend(Math.max(1, at + 1 - row.length), rowIndex + 1, columnLetters(at));
        while (row.length < at) row.push('');
        row[at] = '';
        if (!tags.selfClosing) {
          cellAt = at;
          cellType = attribute(tags.attrs, 't');
          v = undefined;
        }
        break;
      }
      case 'v':
        if (cellAt >= 0 && !tags.selfClosing) {
          inV = !tags.closing;
          if (inV) v = '';
        }
        break;
    }
  }
  if (cellAt >= 0) throw new Unreadable('the cell is not closed', rowIndex + 1, columnLetters(cellAt));
  if (row) throw new Unreadable('the row is not closed', rowIndex + 1);
  return rows;
}

async function readText(zip: ZipArchive, name: string, decoder: TextDecoder): Promise<string | null> {
  const bytes = await zip.read(name);
  return bytes === null ? null : decoder.decode(bytes);
}

/** The rows of the workbook's first sheet; rejects with an ImportError when the bytes are no readable .xlsx. */
export async function readXlsxRows(bytes: Uint8Array, file = 'workbook.xlsx'): Promise<string[][]> {
  let part = '';
  let sheetName: string | undefined;
  try {
    const zip = openZip(bytes, { maxBytes: XLSX_MAX_BYTES });
    const decoder = new TextDecoder('utf-8');
    part = 'xl/workbook.xml';
    const sheet = firstSheet(
      await readText(zip, 'xl/workbook.xml', decoder),
      await readText(zip, 'xl/_rels/workbook.xml.rels', decoder),
    );
    part = 'xl/sharedStrings.xml';
    const shared = await readText(zip, part, decoder);
    const strings = shared === null ? [] : sharedStrings(shared);
    part = sheet.path;
    sheetName = sheet.name;
    const xml = await readText(zip, sheet.path, decoder);
    if (xml === null) throw new ImportError([importMessage(file, 'missingSheet', { entry: sheet.path })]);
    return sheetRows(xml, strings);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    if (error instanceof ZipError) {
      throw new ImportError([
        error.entry === undefined
          ? importMessage(file, 'notXlsx', { reason: error.message })
          : importMessage(file, 'unsupportedZip', { entry: error.entry, reason: error.message }),
      ]);
    }
    if (error instanceof Unreadable) {
      const where = sheetName !== undefined ? `sheet "${sheetName}"` : part;
      const at = [where, error.row !== undefined && `row ${error.row}`, error.column && `column ${error.column}`]
        .filter(Boolean)
        .join(', ');
      throw new ImportError([
        importMessage(
          file,
          'notXlsx',
          { reason: `${at}: ${error.message}` },
          {
            ...(error.row !== undefined && { row: error.row }),
            ...(error.column !== undefined && { column: error.column }),
          },
        ),
      ]);
    }
    // Anything else (a RangeError of an absurd file) still names the file rather than leak without it.
    throw new ImportError([
      importMessage(file, 'notXlsx', { reason: error instanceof Error ? error.message : String(error) }),
    ]);
  }
}
