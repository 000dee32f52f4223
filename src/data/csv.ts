/**
 * The project's one CSV reader, in two modes.
 *
 * **Strict** (the default; the package's own files): RFC 4180, comma-separated, fields optionally in double quotes
 * (a quote inside a quoted field is written twice), records ended by `\n` or `\r\n` (a lone `\r` also counts).
 *
 * - A UTF-8 byte order mark is stripped.
 * - Empty lines (also whitespace-only lines) are skipped wherever they are; row numbers stay those of the file.
 * - Row numbers are spreadsheet line numbers: the line a record starts on, counting the lines inside quoted fields.
 * - Every problem is thrown as one {@link PackageError}: `emptyFile`, `wrongDelimiter`, `unterminatedQuote`,
 *   `strayQuote` (a quote inside an unquoted field, or text right after a closing quote), `wrongFieldCount` and
 *   `notUtf8` (the text holds U+FFFD, the mark a failed UTF-8 decode leaves), capped like every validator.
 *
 * **Lenient** (files from elsewhere: CBS downloads, a user's own data saved by a Dutch spreadsheet): the separator is
 * `,`, `;` or tab, named by Excel's `sep=;` hint on the first line or else the one that occurs most often in the
 * header outside quotes (`,` on a tie); a quote inside a field, or text after a closing quote, is kept as text; a
 * row may carry more fields than the header when the extra ones are empty (spreadsheets pad rows with `;;;`), and
 * such all-empty rows are skipped like blank lines. Problems are the same issues with the same file, row and column:
 * `emptyFile`, `unterminatedQuote`, `wrongFieldCount`. (Encoding is the caller's: these files are decoded first.)
 */
import { cellValue, IssueCollector } from './issues.ts';
import { PackageError, type PackageIssue } from './package.ts';

export type CsvSeparator = ',' | ';' | '\t';

export interface CsvOptions {
  /** 'strict' (default) or 'lenient'; see the module comment. */
  mode?: 'strict' | 'lenient';
}

export interface CsvTable {
  header: string[];
  rows: string[][];
  /** The line number of each row (header = line 1 in a file without leading blank lines). */
  rowNumbers: number[];
  /** The line number of the header. */
  headerRow: number;
  /** Always `,` in strict mode. */
  separator: CsvSeparator;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const REPLACEMENT = '\uFFFD';
/** Characters a quoted field may hold while more text follows (16 Mi; a spreadsheet cell holds at most 32.767). */
const OPEN_QUOTE_LIMIT = 16 * 1024 * 1024;

interface CsvRecord {
  fields: string[];
  /** Line the record starts on. */
  line: number;
  /** Offset just past the record's last character (before its line break). */
  end: number;
}

/**
 * Reads records one at a time, so that the header can be read without scanning the whole file. Fed in chunks
 * ({@link CsvParser}), it reads only records that are complete: one that reaches the end of the text while more may
 * follow (a field, a quoted field, a `""` or a `\r\n` cut by the chunk's end) is read again, whole, after the next
 * chunk, and its issues are reported once.
 */
class Reader {
  pos: number;
  private line = 1;
  /** Set once the header is read, to name the column of an issue in a data row. */
  header: string[] | null = null;
  /** False while more text may follow (see the class comment). */
  final = true;
  /** A quote never closed: what follows cannot be read as records. */
  broken = false;
  /** Issues of the record being read, reported when it is complete. */
  private pending: Omit<PackageIssue, 'file'>[] = [];

  constructor(
    public text: string,
    private readonly issues: IssueCollector,
    /** The separator's char code. */
    private readonly sep: number,
    private readonly lenient: boolean,
    start: number,
    firstLine: number,
  ) {
    this.pos = start;
    this.line = firstLine;
  }

  /** Adds text; what was read already is let go. */
  append(chunk: string): void {
    this.text = this.text.slice(this.pos) + chunk;
    this.pos = 0;
  }

  /** Row and, in a data row, column of the field with index `field`. */
  private at(row: number, field: number): { row: number; column?: string } {
    const column = this.header?.[field];
    return column === undefined ? { row } : { row, column };
  }

  private strayQuote(row: number, field: number, value: string): void {
    if (this.lenient) return; // kept as text, as a spreadsheet shows it
    this.pending.push({
      ...this.at(row, field),
      code: 'strayQuote',
      params: { value: cellValue(value), field: field + 1 },
    });
  }

  /** Skips empty and whitespace-only lines; false at the end of the text (or of what has come so far). */
  private skipBlankLines(): boolean {
    const { text } = this;
    const n = text.length;
    while (this.pos < n) {
      let j = this.pos;
      let c = text.charCodeAt(j);
      while (c === SPACE || c === TAB) c = text.charCodeAt(++j);
      if (j >= n) {
        // Spaces at a chunk's end may start the next record's first field.
        if (this.final) this.pos = n;
        return false;
      }
      if (c !== LF && c !== CR) return true;
      if (c === CR && j + 1 >= n && !this.final) return false; // a `\r\n` cut in two
      this.pos = c === CR && text.charCodeAt(j + 1) === LF ? j + 2 : j + 1;
      this.line++;
    }
    return false;
  }

  /**
   * The next record, or null at the end; null also after an unterminated quote (reported), and, while not final,
   * when the record is not complete yet (nothing is consumed then).
   */
  next(): CsvRecord | null {
    if (!this.skipBlankLines()) return null;
    const start = this.pos;
    const line = this.line;
    const record = this.read();
    if (record === MORE) {
      this.pos = start;
      this.line = line;
      if (this.pending.length > 0) this.pending = [];
      return null;
    }
    if (this.pending.length > 0) {
      for (const issue of this.pending) this.issues.add(issue);
      this.pending = [];
    }
    return record;
  }

  /** One record from `pos` (see next); MORE when it is cut by the end of the text (`pos` and `line` restored then). */
  private read(): CsvRecord | null | typeof MORE {
    const { text } = this;
    const n = text.length;
    const line = this.line;
    const fields: string[] = [];
    let i = this.pos;
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        const parts: string[] = [];
        let from = i + 1;
        let close: number;
        for (;;) {
          close = text.indexOf('"', from);
          if (close === -1) {
            // A quoted field still open after OPEN_QUOTE_LIMIT characters is a quote that never closes: reported now,
            // not re-scanned with every further chunk (which made a big file with one stray quote quadratic).
            if (!this.final && n - i < OPEN_QUOTE_LIMIT) return MORE;
            this.pending.push({
              ...this.at(line, fields.length),
              code: 'unterminatedQuote',
              params: { field: fields.length + 1 },
            });
            this.pos = n;
            this.broken = true;
            return null;
          }
          // The quote may be the first of a `""` whose second is in the next chunk.
          if (close + 1 >= n && !this.final) return MORE;
          if (text.charCodeAt(close + 1) !== QUOTE) break;
          parts.push(text.slice(from, close + 1));
          from = close + 2;
        }
        parts.push(text.slice(from, close));
        value = parts.length === 1 ? parts[0]! : parts.join('');
        this.line += countLineBreaks(text, i + 1, close);
        i = close + 1;
        const c = text.charCodeAt(i);
        if (i < n && c !== this.sep && c !== LF && c !== CR) {
          const j = endOfUnquoted(text, i, this.sep);
          if (j >= n && !this.final) return MORE;
          value += text.slice(i, j);
          i = j;
          this.strayQuote(line, fields.length, value);
        }
      } else {
        const j = endOfUnquoted(text, i, this.sep);
        if (j >= n && !this.final) return MORE;
        value = text.slice(i, j);
        if (value.includes('"')) this.strayQuote(line, fields.length, value);
        i = j;
      }
      fields.push(value);
      if (i >= n) {
        if (!this.final) return MORE;
        this.pos = n;
        return { fields, line, end: n };
      }
      const c = text.charCodeAt(i);
      if (c === this.sep) {
        i++;
        continue;
      }
      if (c === CR && i + 1 >= n && !this.final) return MORE; // a `\r\n` cut in two
      const end = i;
      this.pos = c === CR && text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
      this.line++;
      return { fields, line, end };
    }
  }
}

/** What {@link Reader} returns inside for a record that the next chunk may continue. */
const MORE: unique symbol = Symbol('more');

/** Offset of the first separator or line break at or after `from` (or the text's length). */
function endOfUnquoted(text: string, from: number, sep: number): number {
  const n = text.length;
  let j = from;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === sep || c === LF || c === CR) break;
    j++;
  }
  return j;
}

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let j = from; j < to; j++) {
    const c = text.charCodeAt(j);
    if (c === LF || (c === CR && text.charCodeAt(j + 1) !== LF)) count++;
  }
  return count;
}

/** Throws `wrongDelimiter` when a header has no comma but does have a semicolon or tab. */
function checkDelimiter(record: CsvRecord, file: string): void {
  if (record.fields.length !== 1) return;
  const only = record.fields[0]!;
  const delimiter = only.includes(';') ? ';' : only.includes('\t') ? 'tab' : null;
  if (delimiter) {
    throw new PackageError([
      { file, row: record.line, code: 'wrongDelimiter', params: { delimiter, value: cellValue(only) } },
    ]);
  }
}

const SEPARATORS: readonly CsvSeparator[] = [',', ';', '\t'];

/**
 * The separator that occurs most often in the first line with text, outside quotes (`,` on a tie or none); null when
 * that line is not complete yet and more text may follow.
 */
function detectSeparator(text: string, from: number, final = true): CsvSeparator | null {
  const counts = new Map<string, number>();
  let quoted = false;
  let i = from;
  let ended = false;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      ended = true;
      break;
    } else if (!quoted) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  if (!ended && !final) return null;
  let best: CsvSeparator = ',';
  for (const s of SEPARATORS) if ((counts.get(s) ?? 0) > (counts.get(best) ?? 0)) best = s;
  return best;
}

/**
 * A reader positioned at the header, after a byte order mark and Excel's `sep=;` hint; null while the text so far
 * (not `final`) does not tell the separator yet.
 */
function openReader(text: string, issues: IssueCollector, lenient: boolean, final: boolean) {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // `sep=;\r\n` is at most 7 characters: with fewer, the hint may still be coming.
  if (!final && text.length < bom + 8) return null;
  // Excel's hint `sep=;` on the first line names the separator; it is no header (the header is the next line).
  const hint = lenient ? /^sep=([,;\t])\r?\n/i.exec(text.slice(bom, bom + 8)) : null;
  const start = bom + (hint ? hint[0].length : 0);
  const separator = !lenient ? ',' : hint ? (hint[1] as CsvSeparator) : detectSeparator(text, start, final);
  if (separator === null) return null;
  const reader = new Reader(text, issues, separator.charCodeAt(0), lenient, start, hint ? 2 : 1);
  reader.final = final;
  return { reader, separator };
}

/** The header record (blank records skipped in lenient mode); null while it is not complete (reader not final). */
function readHeaderRecord(reader: Reader, file: string, issues: IssueCollector, lenient: boolean): CsvRecord | null {
  let header = reader.next();
  while (lenient && header && blank(header)) header = reader.next();
  if (!header && !reader.final) return null;
  // Before the other issues: `"id";"label"` is a semicolon file, not a file with stray quotes.
  if (header && !lenient) checkDelimiter(header, file);
  issues.throwIfAny();
  if (!header) throw new PackageError([{ file, code: 'emptyFile' }]);
  reader.header = header.fields;
  return header;
}

/** All fields empty or whitespace: a `;;;` row a spreadsheet leaves. */
function blank(record: CsvRecord): boolean {
  return record.fields.every((f) => f.trim() === '');
}

/**
 * Only the header of a CSV file: cheap for files too big to parse here (reads up to the first line break outside
 * quotes). Throws `emptyFile`, `wrongDelimiter`, `unterminatedQuote`, `strayQuote` and `notUtf8` as {@link parseCsv}.
 */
export function readHeaderLine(text: string, file = 'observations.csv'): string[] {
  const issues = new IssueCollector(file);
  const { reader } = openReader(text, issues, false, true)!;
  const header = readHeaderRecord(reader, file, issues, false)!;
  const bad = header.fields.findIndex((f) => f.includes(REPLACEMENT));
  if (bad >= 0) {
    const value = header.fields[bad]!;
    throw new PackageError([{ file, row: header.line, code: 'notUtf8', params: { value: cellValue(value) } }]);
  }
  return header.fields;
}

/**
 * The CSV reader fed in pieces: `push` each piece of text as it is decoded, then `end()` gives the table. Records
 * cut by a piece's end (inside a quoted field, a `""`, a `\r\n`) are read once they are whole, so the table, and
 * every issue with its row and column, are those of {@link parseCsv} on the whole text. Header problems throw from
 * the `push` that completes the header; the other issues from `end()`.
 */
export class CsvParser {
  readonly rows: string[][] = [];
  readonly rowNumbers: number[] = [];
  private readonly issues: IssueCollector;
  private readonly lenient: boolean;
  /** Text before the reader can be opened (the separator not known yet). */
  private start = '';
  private reader: Reader | null = null;
  private separator: CsvSeparator = ',';
  private header: CsvRecord | null = null;
  /** Offset in the reader's text of the next U+FFFD not reported yet (strict mode), or -1. */
  private bad = -1;

  constructor(
    private readonly file: string,
    options: CsvOptions = {},
  ) {
    this.lenient = options.mode === 'lenient';
    this.issues = new IssueCollector(file);
  }

  /** Data rows read so far. */
  get rowCount(): number {
    return this.rows.length;
  }

  push(text: string): void {
    this.feed(text, false);
  }

  end(): CsvTable {
    this.feed('', true);
    this.issues.throwIfAny();
    return {
      header: this.header!.fields,
      rows: this.rows,
      rowNumbers: this.rowNumbers,
      headerRow: this.header!.line,
      separator: this.separator,
    };
  }

  private feed(text: string, final: boolean): void {
    const { issues, lenient } = this;
    let reader = this.reader;
    if (!reader) {
      this.start += text;
      const opened = openReader(this.start, issues, lenient, final);
      if (!opened) return;
      ({ reader, separator: this.separator } = opened);
      this.reader = reader;
      this.start = '';
    } else {
      reader.append(text);
      reader.final = final;
      if (!lenient && this.header) this.bad = reader.text.indexOf(REPLACEMENT);
    }
    if (!this.header) {
      const header = readHeaderRecord(reader, this.file, issues, lenient);
      if (!header) return;
      this.header = header;
      this.bad = lenient ? -1 : reader.text.indexOf(REPLACEMENT);
      if (this.bad >= 0 && this.bad < header.end) this.bad = reportBadBytes(reader.text, header, [], issues);
    }
    const header = this.header.fields;
    const expected = header.length;
    for (let record = reader.next(); record; record = reader.next()) {
      let fields = record.fields;
      if (lenient) {
        if (blank(record)) continue;
        // Empty fields beyond the header are padding, not data.
        if (fields.length > expected && fields.slice(expected).every((f) => f.trim() === '')) {
          fields = fields.slice(0, expected);
        }
      }
      if (fields.length !== expected) {
        issues.add({
          row: record.line,
          code: 'wrongFieldCount',
          params: { expected, found: fields.length },
        });
      }
      if (this.bad >= 0 && this.bad < record.end) this.bad = reportBadBytes(reader.text, record, header, issues);
      this.rows.push(fields);
      this.rowNumbers.push(record.line);
    }
    // Stop at once: reading on would take the rest of a big file as one field's text, or as nonsense records.
    if (reader.broken) issues.throwIfAny();
  }
}

/** Parses a whole CSV file; see the module comment for the modes and the issues thrown (a {@link PackageError}). */
export function parseCsv(text: string, file: string, options: CsvOptions = {}): CsvTable {
  const parser = new CsvParser(file, options);
  parser.push(text);
  return parser.end();
}

/** Reports `notUtf8` for a record holding U+FFFD; returns the next U+FFFD's offset after the record. */
function reportBadBytes(text: string, record: CsvRecord, header: string[], issues: IssueCollector): number {
  const index = record.fields.findIndex((f) => f.includes(REPLACEMENT));
  const value = record.fields[Math.max(index, 0)] ?? '';
  const column = header[index];
  issues.add({
    row: record.line,
    ...(column !== undefined && { column }),
    code: 'notUtf8',
    params: { value: cellValue(value) },
  });
  return text.indexOf(REPLACEMENT, record.end);
}
