/**
 * Reading a user's own data file (CSV, Excel or Parquet) into a table of text cells, before validation (see
 * ownData.ts).
 *
 * - CSV: UTF-8 (a byte order mark is dropped; any other encoding is refused with a message saying how to save it),
 *   fields separated by `,`, `;` or tab (whichever occurs most in the header), decimal comma accepted later.
 * - XLSX: the first worksheet, read by the CBS importer's reader (bounded in size and cells, parts inflated by the
 *   platform's `DecompressionStream('deflate-raw')` through src/data/zip.ts).
 * - Parquet: read in JavaScript by hyparquet (with hyparquet-compressors for gzip, zstd, brotli and lz4), loaded
 *   only when a Parquet file comes in. Not by DuckDB: DuckDB-WASM downloads its parquet extension from the
 *   internet, which the offline app does not (DESIGN.md, "Pitfalls"). The top-level columns become text cells as a
 *   CSV would write them (numbers with a decimal point, dates as ISO 8601, null as empty); the header counts as
 *   row 1, so a message about data row k names row k + 1, as in a spreadsheet. Nested columns (lists, structs,
 *   maps) are refused, naming the column.
 * - Any file above {@link MAX_OWN_FILE_BYTES} is refused before it is read (`fileTooLarge`).
 *
 * Three layouts, told apart by the header (column names compared case-insensitively):
 * - LONG: `area_code, indicator_id, period, value[, numerator, denominator]` — the package's observations format;
 * - WIDE: `area_code, period`, then one column per indicator (the column title is its label; its id is the title
 *   in lower case with other characters than a–z and 0–9 replaced by `_`). Empty cells are no observation;
 * - INDICATORS: the package's `indicators.csv` format (`id, label_nl, …`): metadata for the indicators of the
 *   data files next to it.
 * A column `name`, `naam`, `area_name`, `gebiedsnaam` or `gebied_naam` (an area's name, handy in a spreadsheet)
 * is ignored in LONG and WIDE.
 */

import { checkColumns } from '../data/columns.ts';
import { CsvParser, type CsvTable } from '../data/csv.ts';
import { cellValue, MAX_ISSUES } from '../data/issues.ts';
import { PackageError } from '../data/package.ts';
import { restoreNeutralised } from '../export/neutralise.ts';
import { firstInvalidUtf8 } from '../import/cbs/decode.ts';
import { ImportError } from '../import/cbs/messages.ts';
import { readXlsxRows } from '../import/cbs/xlsx.ts';
import { OwnDataError, type OwnDataIssue } from './ownDataError.ts';

export {
  isOwnIssueCode,
  OWN_ISSUE_CODES,
  OwnDataError,
  type OwnDataIssue,
  type OwnIssueCode,
} from './ownDataError.ts';

export type OwnLayout = 'long' | 'wide' | 'indicators';

/** A file as read: text cells, with the row numbers a spreadsheet shows (header = row 1 unless blank rows lead). */
export interface OwnTable {
  file: string;
  layout: OwnLayout;
  /** Column names as written (trimmed). */
  header: string[];
  rows: string[][];
  rowNumbers: number[];
  headerRow: number;
}

export const LONG_FIELDS = ['area_code', 'indicator_id', 'period', 'value', 'numerator', 'denominator'] as const;
export type LongField = (typeof LONG_FIELDS)[number];

/** One observation row in long form, cells still text. */
export interface LongRow {
  row: number;
  area_code: string;
  indicator_id: string;
  period: string;
  value: string;
  numerator: string;
  denominator: string;
  /** The file's column that holds the value (`value`, or in a wide table the indicator's column). */
  valueColumn: string;
}

export interface LongTable {
  file: string;
  /** The file's column name of each field; '' when the file has no such column. */
  columns: Record<LongField, string>;
  rows: LongRow[];
  /** Indicator id → label from a wide header (the column title as written). */
  labels: Map<string, string>;
  /** Indicator id → the header column it came from (wide) or '' (long). */
  indicatorColumns: Map<string, string>;
}

/** Columns holding an area's name: ignored, so a spreadsheet may keep them for its reader. */
export const IGNORED_COLUMNS = ['name', 'naam', 'area_name', 'gebiedsnaam', 'gebied_naam'] as const;

const INDICATOR_ID = /^[a-z][a-z0-9_]*$/;

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

const PARQUET_MAGIC = [0x50, 0x41, 0x52, 0x31]; // "PAR1"
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // "PK\3\4"

const MB = 1024 * 1024;

/**
 * The largest own data file that is read, in MB (of 2^20 bytes). A municipality's registry figures by buurt and
 * year take kilobytes to a few megabytes; 200 MB still takes a national table (all ~14,000 buurten × dozens of
 * indicators × years), yet stays well below what a browser tab survives: the file is held whole in memory (and
 * kept in IndexedDB), becomes text cells several times its size (a compressed Parquet file more), and is then
 * copied into DuckDB-WASM, whose heap is at most 4 GB.
 */
export const MAX_OWN_FILE_MB = 200;
export const MAX_OWN_FILE_BYTES = MAX_OWN_FILE_MB * MB;

/**
 * The `fileTooLarge` issue of a file of `size` bytes above {@link MAX_OWN_FILE_BYTES}, or null. Check `File.size`
 * with it before reading a file, so that a file of gigabytes is never read into memory.
 */
export function fileSizeIssue(name: string, size: number): OwnDataIssue | null {
  if (size <= MAX_OWN_FILE_BYTES) return null;
  // Whole MB, rounded up, so that a file just over the limit does not read as the limit itself.
  return { file: name, code: 'fileTooLarge', params: { size: Math.ceil(size / MB), limit: MAX_OWN_FILE_MB } };
}

/**
 * The rows of an .xlsx's first sheet, read by the importer's bounded reader (parts inflated asynchronously, capped
 * in size and cells); its refusal becomes a `notXlsx` issue naming the file.
 */
async function xlsxRows(bytes: Uint8Array, file: string): Promise<string[][]> {
  try {
    return await readXlsxRows(bytes, file);
  } catch (error) {
    if (error instanceof ImportError) {
      const m = error.messages[0];
      const reason = m ? String(m.params.reason ?? m.params.entry ?? m.text) : error.message;
      throw new OwnDataError([
        {
          file,
          code: 'notXlsx',
          ...(m?.row !== undefined && { row: m.row }),
          ...(m?.column !== undefined && { column: m.column }),
          params: { reason },
        },
      ]);
    }
    throw error;
  }
}

/** Spreadsheet rows (row i = spreadsheet row i + 1) as a header and data rows; blank rows are skipped. */
function tableFromSheet(rows: readonly (readonly string[])[], file: string): CsvTable {
  const filled = (r: readonly string[]) => r.some((c) => c.trim() !== '');
  const headerIndex = rows.findIndex(filled);
  if (headerIndex < 0) throw new OwnDataError([{ file, code: 'emptyFile' }]);
  const header = rows[headerIndex]!.map((c) => c);
  while (header.length > 0 && header[header.length - 1]!.trim() === '') header.pop();
  const out: string[][] = [];
  const rowNumbers: number[] = [];
  const issues: OwnDataIssue[] = [];
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const r = rows[i]!;
    if (!filled(r)) continue;
    if (r.slice(header.length).some((c) => c.trim() !== '') && issues.length < MAX_ISSUES) {
      issues.push({
        file,
        row: i + 1,
        code: 'wrongFieldCount',
        params: { expected: header.length, found: r.length },
      });
    }
    out.push(Array.from({ length: header.length }, (_, k) => r[k] ?? ''));
    rowNumbers.push(i + 1);
  }
  if (issues.length > 0) throw new OwnDataError(issues);
  return { header, rows: out, rowNumbers, headerRow: headerIndex + 1, separator: ',' };
}

/**
 * The most data rows (and, in a wide table, observations) an own file may have. Measured with the worker's code in
 * Node on this project's 2-core CI machine under load: a long table of a million rows (29 MB) peaks at 1,2 GB of
 * JavaScript heap while it is read and checked (every cell a string, then an observation; 0,2 GB at 250.000 rows),
 * takes 27 s to check and 58 s to load into DuckDB (86 MB there). That is what the parsing worker can hold well
 * inside a browser's 4 GB per heap, next to the page and DuckDB-WASM, and as long as a user will wait with a progress
 * bar; a million rows is still every buurt of the Netherlands × 6 indicators × 12 years. A bigger file is refused as
 * soon as its reader passes the limit (`tooManyRows`, `tooManyValues`), naming the file, the row and the limit; the
 * data already loaded stays.
 */
export const MAX_OWN_ROWS = 1_000_000;

/** The `tooManyRows` issue, at the first row beyond {@link MAX_OWN_ROWS}. */
function tooManyRows(file: string, row: number | undefined): OwnDataError {
  return new OwnDataError([
    { file, ...(row !== undefined && { row }), code: 'tooManyRows', params: { limit: MAX_OWN_ROWS } },
  ]);
}

/** Bytes counted so far, for progress. */
export type OnRead = (bytesRead: number) => void;

function countLines(bytes: Uint8Array, to: number): number {
  let lines = 0;
  for (let i = 0; i < to; i++) if (bytes[i] === 10) lines++;
  return lines;
}

/**
 * An own CSV file from its bytes, piece by piece (a file's stream, or one piece): decoded as UTF-8 with a character
 * cut between pieces put together again, parsed by the one CSV reader (lenient) as the pieces come, and refused
 * (`tooManyRows`) as soon as it passes {@link MAX_OWN_ROWS}, without reading on. The issues are the same whatever
 * the pieces: `notUtf8` names the line of the first bad byte in the whole file.
 */
export async function readOwnCsv(
  file: string,
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  onRead?: OnRead,
): Promise<{ table: CsvTable; headerRow: number }> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parser = new CsvParser(file, { mode: 'lenient' });
  let read = 0;
  // Lines before the piece being decoded. A bad byte is in that piece, or in the bytes of a character the piece
  // before cut (the decoder holds them): those are on the line the piece starts on, so the line is the whole file's.
  let lines = 0;
  let started = false;
  let text = false;
  const notUtf8 = (piece: Uint8Array) => {
    const offset = Math.max(firstInvalidUtf8(piece), 0);
    return new OwnDataError([{ file, code: 'notUtf8', params: { line: lines + countLines(piece, offset) + 1 } }]);
  };
  const take = (piece: string) => {
    if (!started && piece !== '') {
      started = true;
      if (piece.charCodeAt(0) === 0xfeff) piece = piece.slice(1);
    }
    if (!text && /\S/.test(piece)) text = true;
    try {
      parser.push(piece);
    } catch (error) {
      throw asOwnError(error);
    }
    if (parser.rowCount > MAX_OWN_ROWS) throw tooManyRows(file, parser.rowNumbers[MAX_OWN_ROWS]);
  };
  for await (const chunk of chunks) {
    let piece: string;
    try {
      piece = decoder.decode(chunk, { stream: true });
    } catch {
      throw notUtf8(chunk);
    }
    lines += countLines(chunk, chunk.length);
    read += chunk.length;
    take(piece);
    onRead?.(read);
  }
  let last: string;
  try {
    last = decoder.decode();
  } catch {
    throw notUtf8(new Uint8Array(0));
  }
  take(last);
  if (!text) throw new OwnDataError([{ file, code: 'emptyFile' }]);
  try {
    const table = parser.end();
    return { table, headerRow: table.headerRow };
  } catch (error) {
    throw asOwnError(error);
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** The reader's issues name file, row and column already; an own-data issue is the same shape. */
function asOwnError(error: unknown): unknown {
  return error instanceof PackageError ? new OwnDataError(error.issues) : error;
}

/**
 * The names a spreadsheet of a Dutch municipality uses for the data columns: `buurtcode; jaar; waarde` reads as
 * `area_code, period, value`. An alias counts only when the file does not also have the column's own name.
 */
export const COLUMN_ALIASES: Readonly<Record<string, LongField>> = {
  gebiedscode: 'area_code',
  gebied_code: 'area_code',
  buurtcode: 'area_code',
  wijkcode: 'area_code',
  gemeentecode: 'area_code',
  regiocode: 'area_code',
  code: 'area_code',
  jaar: 'period',
  periode: 'period',
  year: 'period',
  indicator: 'indicator_id',
  indicator_code: 'indicator_id',
  waarde: 'value',
  teller: 'numerator',
  noemer: 'denominator',
};

/** Each column's name as the layouts know it: lower case, trimmed, a Dutch alias replaced (see COLUMN_ALIASES). */
export function canonicalHeader(header: readonly string[]): string[] {
  const lower = header.map((h) => h.trim().toLowerCase());
  const present = new Set(lower);
  return lower.map((h) => {
    const canonical = COLUMN_ALIASES[h];
    return canonical && !present.has(canonical) ? canonical : h;
  });
}

/** Which layout a header has; null when none. */
export function layoutOf(header: readonly string[]): OwnLayout | null {
  const names = new Set(canonicalHeader(header));
  if (names.has('indicator_id')) return 'long';
  if (names.has('area_code') && names.has('period')) return 'wide';
  if (names.has('id') && names.has('label_nl')) return 'indicators';
  return null;
}

/** Reads an own data file (see the module comment); throws an {@link OwnDataError} naming the file. */
export function parseOwnData(file: { name: string; bytes: Uint8Array }): Promise<OwnTable> {
  return parseOwnFile(file.name, file.bytes.byteLength, [file.bytes]);
}

/** A file's bytes in pieces of `size` (the browser reads a File no faster in bigger ones). */
export async function* blobChunks(blob: Blob, size = 4 * MB): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < blob.size; at += size) {
    yield new Uint8Array(await blob.slice(at, at + size).arrayBuffer());
  }
}

/**
 * Reads an own data file from its bytes in pieces (see {@link parseOwnData}): a CSV file as the pieces come (see
 * {@link readOwnCsv}), an Excel or Parquet file once all its bytes are in (their readers need the whole file).
 * `onRead` hears the bytes read so far.
 */
export async function parseOwnFile(
  name: string,
  size: number,
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  onRead?: OnRead,
): Promise<OwnTable> {
  const tooLarge = fileSizeIssue(name, size);
  if (tooLarge) throw new OwnDataError([tooLarge]);
  const iterator = (Symbol.asyncIterator in chunks ? chunks[Symbol.asyncIterator]() : chunks[Symbol.iterator]()) as
    | AsyncIterator<Uint8Array>
    | Iterator<Uint8Array>;
  // The first piece tells Parquet and Excel by their magic bytes.
  const first = await iterator.next();
  const head: Uint8Array = first.done ? new Uint8Array(0) : first.value;
  async function* all(): AsyncGenerator<Uint8Array> {
    if (!first.done) yield head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  const whole = async () => {
    const parts: Uint8Array[] = [];
    let read = 0;
    for await (const part of all()) {
      parts.push(part);
      read += part.length;
      onRead?.(read);
    }
    return parts.length === 1 ? parts[0]! : parts.reduce(concat, new Uint8Array(0));
  };
  const extension = extensionOf(name);
  let table: CsvTable;
  let headerRow: number;
  if (extension === 'parquet' || startsWith(head, PARQUET_MAGIC)) {
    const { parquetTable } = await import('./ownDataParquet.ts');
    table = await parquetTable(await whole(), name);
    headerRow = 1;
  } else if (extension === 'xlsx' || startsWith(head, ZIP_MAGIC)) {
    const rows = await xlsxRows(await whole(), name);
    table = tableFromSheet(rows, name);
    headerRow = rows.findIndex((r) => r.some((c) => c.trim() !== '')) + 1;
  } else if (['csv', 'txt', 'tsv', ''].includes(extension)) {
    ({ table, headerRow } = await readOwnCsv(name, all(), onRead));
  } else {
    throw new OwnDataError([{ file: name, code: 'unsupportedFileType', params: { extension: cellValue(extension) } }]);
  }
  if (table.rows.length > MAX_OWN_ROWS) throw tooManyRows(name, table.rowNumbers[MAX_OWN_ROWS]);
  const header = table.header.map((h) => h.trim());
  const layout = layoutOf(header);
  if (!layout) {
    const found = header.filter((h) => h !== '').map(cellValue);
    throw new OwnDataError([
      {
        file: name,
        code: 'unknownLayout',
        params: { found: (found.length > 20 ? [...found.slice(0, 20), '…'] : found).join(', ') },
      },
    ]);
  }
  return { file: name, layout, header, rows: table.rows, rowNumbers: table.rowNumbers, headerRow };
}

/** The index of each column by canonical name (the first one when a name appears twice). */
function columnIndex(header: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  canonicalHeader(header).forEach((key, i) => {
    if (!index.has(key)) index.set(key, i);
  });
  return index;
}

/** A column title as an indicator id: `Aantal meldingen (Wmo)` → `aantal_meldingen_wmo`; '' when nothing is left. */
export function indicatorIdOf(title: string): string {
  const id = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (id === '') return '';
  return /^[a-z]/.test(id) ? id : `i_${id}`;
}

/**
 * A WIDE table as long rows: one row per area, period and indicator column with a non-empty cell. Header problems
 * (a title that gives no id, two titles giving the same id, a repeated column) are thrown as an OwnDataError.
 */
export function wideToLong(table: OwnTable): LongTable {
  const { file, header, headerRow } = table;
  const lower = canonicalHeader(header);
  const issues: OwnDataIssue[] = checkColumns(lower, ['area_code', 'period'], file, []).filter(
    (i) => i.code === 'duplicateColumn' && (i.column === 'area_code' || i.column === 'period'),
  );
  const index = columnIndex(header);
  const area = index.get('area_code')!;
  const period = index.get('period')!;
  const ignored = new Set<string>(IGNORED_COLUMNS);
  const indicatorColumns: { index: number; id: string; title: string }[] = [];
  const byId = new Map<string, string>();
  header.forEach((title, i) => {
    if (i === area || i === period || ignored.has(lower[i]!)) return;
    if (lower[i] === 'area_code' || lower[i] === 'period') return;
    const id = indicatorIdOf(title);
    if (title === '' || id === '') {
      issues.push({ file, row: headerRow, column: title, code: 'invalidId', params: { value: cellValue(title) } });
      return;
    }
    const other = byId.get(id);
    if (other !== undefined) {
      issues.push({
        file,
        row: headerRow,
        column: title,
        code: 'duplicateColumn',
        params: { column: cellValue(title), value: cellValue(other), count: 2 },
      });
      return;
    }
    byId.set(id, title);
    indicatorColumns.push({ index: i, id, title });
  });
  if (issues.length === 0 && indicatorColumns.length === 0) issues.push({ file, code: 'noIndicatorColumns' });
  if (issues.length > 0) throw new OwnDataError(issues);

  const rows: LongRow[] = [];
  table.rows.forEach((cells, r) => {
    const row = table.rowNumbers[r]!;
    for (const column of indicatorColumns) {
      const value = (cells[column.index] ?? '').trim();
      if (value === '') continue;
      // A wide row holds many observations: the limit on rows bounds them too (see MAX_OWN_ROWS).
      if (rows.length === MAX_OWN_ROWS) {
        throw new OwnDataError([{ file, row, code: 'tooManyValues', params: { limit: MAX_OWN_ROWS } }]);
      }
      rows.push({
        row,
        area_code: restoreNeutralised((cells[area] ?? '').trim()),
        indicator_id: column.id,
        period: (cells[period] ?? '').trim(),
        value,
        numerator: '',
        denominator: '',
        valueColumn: column.title,
      });
    }
  });
  return {
    file,
    columns: {
      area_code: header[area]!,
      indicator_id: '',
      period: header[period]!,
      value: '',
      numerator: '',
      denominator: '',
    },
    rows,
    labels: new Map(indicatorColumns.map((c) => [c.id, c.title])),
    indicatorColumns: new Map(indicatorColumns.map((c) => [c.id, c.title])),
  };
}

/** A LONG table's rows; column problems (missing, unknown, repeated) are thrown as an OwnDataError. */
export function longRows(table: OwnTable): LongTable {
  const { file, header } = table;
  const lower = canonicalHeader(header);
  const issues: OwnDataIssue[] = checkColumns(lower, ['area_code', 'indicator_id', 'period'], file, [
    'value',
    'numerator',
    'denominator',
    ...IGNORED_COLUMNS,
  ]).map((issue) => {
    // Name the column as the file writes it.
    const at = issue.column === undefined ? -1 : lower.indexOf(issue.column);
    return at >= 0 ? { ...issue, column: header[at]! } : issue;
  });
  const index = columnIndex(header);
  if (!index.has('value') && !(index.has('numerator') && index.has('denominator'))) {
    issues.push({ file, column: 'value', code: 'missingColumn', params: { column: 'value' } });
  }
  if (issues.length > 0) throw new OwnDataError(issues);
  const columns = Object.fromEntries(
    LONG_FIELDS.map((f) => {
      const i = index.get(f);
      return [f, i === undefined ? '' : header[i]!];
    }),
  ) as Record<LongField, string>;
  const cell = (cells: readonly string[], field: LongField) => {
    const i = index.get(field);
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const rows = table.rows.map(
    (cells, r): LongRow => ({
      row: table.rowNumbers[r]!,
      area_code: restoreNeutralised(cell(cells, 'area_code')),
      indicator_id: cell(cells, 'indicator_id'),
      period: cell(cells, 'period'),
      value: cell(cells, 'value'),
      numerator: cell(cells, 'numerator'),
      denominator: cell(cells, 'denominator'),
      valueColumn: columns.value || 'value',
    }),
  );
  return { file, columns, rows, labels: new Map(), indicatorColumns: new Map() };
}

/** The observation rows of a LONG or WIDE table. */
export function toLongTable(table: OwnTable): LongTable {
  if (table.layout === 'wide') return wideToLong(table);
  if (table.layout === 'long') return longRows(table);
  throw new Error(`${table.file} holds indicator metadata, not observations`);
}

/** Whether `id` may be an indicator id (as in the package: lower case, digits and `_`, starting with a letter). */
export function isIndicatorId(id: string): boolean {
  return INDICATOR_ID.test(id);
}
