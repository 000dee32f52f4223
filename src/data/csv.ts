/**
 * A strict RFC 4180 CSV reader for the package's CSV files: comma-separated, fields optionally in double quotes
 * (a quote inside a quoted field is written twice), records ended by `\n` or `\r\n` (a lone `\r` also counts).
 *
 * - A UTF-8 byte order mark is stripped.
 * - Empty lines (also whitespace-only lines) are skipped wherever they are; row numbers stay those of the file.
 * - Row numbers are spreadsheet line numbers: the line a record starts on, counting the lines inside quoted fields.
 * - Every problem is thrown as one {@link PackageError}: `emptyFile`, `wrongDelimiter`, `unterminatedQuote`,
 *   `strayQuote` (a quote inside an unquoted field, or text right after a closing quote), `wrongFieldCount` and
 *   `notUtf8` (the text holds U+FFFD, the mark a failed UTF-8 decode leaves), capped like every validator.
 */
import { cellValue, IssueCollector } from './issues.ts';
import { PackageError } from './package.ts';

export interface CsvTable {
  header: string[];
  rows: string[][];
  /** The line number of each row (header = line 1 in a file without leading blank lines). */
  rowNumbers: number[];
  /** The line number of the header. */
  headerRow: number;
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const REPLACEMENT = '\uFFFD';

interface CsvRecord {
  fields: string[];
  /** Line the record starts on. */
  line: number;
  /** Offset just past the record's last character (before its line break). */
  end: number;
}

/** Reads records one at a time, so that the header can be read without scanning the whole file. */
class Reader {
  private pos: number;
  private line = 1;
  /** Set once the header is read, to name the column of an issue in a data row. */
  header: string[] | null = null;

  constructor(
    private readonly text: string,
    private readonly issues: IssueCollector,
  ) {
    this.pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  /** Row and, in a data row, column of the field with index `field`. */
  private at(row: number, field: number): { row: number; column?: string } {
    const column = this.header?.[field];
    return column === undefined ? { row } : { row, column };
  }

  private strayQuote(row: number, field: number, value: string): void {
    this.issues.add({
      ...this.at(row, field),
      code: 'strayQuote',
      params: { value: cellValue(value), field: field + 1 },
    });
  }

  /** Skips empty and whitespace-only lines; false at the end of the text. */
  private skipBlankLines(): boolean {
    const { text } = this;
    const n = text.length;
    while (this.pos < n) {
      let j = this.pos;
      let c = text.charCodeAt(j);
      while (c === SPACE || c === TAB) c = text.charCodeAt(++j);
      if (j >= n) {
        this.pos = n;
        return false;
      }
      if (c !== LF && c !== CR) return true;
      this.pos = c === CR && text.charCodeAt(j + 1) === LF ? j + 2 : j + 1;
      this.line++;
    }
    return false;
  }

  /** The next record, or null at the end; null also after an unterminated quote (reported). */
  next(): CsvRecord | null {
    if (!this.skipBlankLines()) return null;
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
            this.issues.add({
              ...this.at(line, fields.length),
              code: 'unterminatedQuote',
              params: { field: fields.length + 1 },
            });
            this.pos = n;
            return null;
          }
          if (text.charCodeAt(close + 1) !== QUOTE) break;
          parts.push(text.slice(from, close + 1));
          from = close + 2;
        }
        parts.push(text.slice(from, close));
        value = parts.length === 1 ? parts[0]! : parts.join('');
        this.line += countLineBreaks(text, i + 1, close);
        i = close + 1;
        const c = text.charCodeAt(i);
        if (i < n && c !== COMMA && c !== LF && c !== CR) {
          const j = endOfUnquoted(text, i);
          value += text.slice(i, j);
          i = j;
          this.strayQuote(line, fields.length, value);
        }
      } else {
        const j = endOfUnquoted(text, i);
        value = text.slice(i, j);
        if (value.includes('"')) this.strayQuote(line, fields.length, value);
        i = j;
      }
      fields.push(value);
      if (i >= n) {
        this.pos = n;
        return { fields, line, end: n };
      }
      const c = text.charCodeAt(i);
      if (c === COMMA) {
        i++;
        continue;
      }
      const end = i;
      this.pos = c === CR && text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
      this.line++;
      return { fields, line, end };
    }
  }
}

/** Offset of the first comma or line break at or after `from` (or the text's length). */
function endOfUnquoted(text: string, from: number): number {
  const n = text.length;
  let j = from;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === COMMA || c === LF || c === CR) break;
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

function readHeader(text: string, file: string, issues: IssueCollector): { reader: Reader; header: CsvRecord } {
  const reader = new Reader(text, issues);
  const header = reader.next();
  // Before the other issues: `"id";"label"` is a semicolon file, not a file with stray quotes.
  if (header) checkDelimiter(header, file);
  issues.throwIfAny();
  if (!header) throw new PackageError([{ file, code: 'emptyFile' }]);
  reader.header = header.fields;
  return { reader, header };
}

/**
 * Only the header of a CSV file: cheap for files too big to parse here (reads up to the first line break outside
 * quotes). Throws `emptyFile`, `wrongDelimiter`, `unterminatedQuote`, `strayQuote` and `notUtf8` as {@link parseCsv}.
 */
export function readHeaderLine(text: string, file = 'observations.csv'): string[] {
  const issues = new IssueCollector(file);
  const { header } = readHeader(text, file, issues);
  const bad = header.fields.findIndex((f) => f.includes(REPLACEMENT));
  if (bad >= 0) {
    const value = header.fields[bad]!;
    throw new PackageError([{ file, row: header.line, code: 'notUtf8', params: { value: cellValue(value) } }]);
  }
  return header.fields;
}

/** Parses a whole CSV file; see the module comment for the rules and the issues thrown. */
export function parseCsv(text: string, file: string): CsvTable {
  const issues = new IssueCollector(file);
  const { reader, header } = readHeader(text, file, issues);
  const expected = header.fields.length;
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  let bad = text.indexOf(REPLACEMENT);
  if (bad >= 0 && bad < header.end) bad = reportBadBytes(text, header, [], issues);
  for (let record = reader.next(); record; record = reader.next()) {
    if (record.fields.length !== expected) {
      issues.add({
        row: record.line,
        code: 'wrongFieldCount',
        params: { expected, found: record.fields.length },
      });
    }
    if (bad >= 0 && bad < record.end) bad = reportBadBytes(text, record, header.fields, issues);
    rows.push(record.fields);
    rowNumbers.push(record.line);
  }
  issues.throwIfAny();
  return { header: header.fields, rows, rowNumbers, headerRow: header.line };
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
