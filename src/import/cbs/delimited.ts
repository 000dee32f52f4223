/**
 * CSV as CBS and Dutch spreadsheets write it: fields separated by `,`, or by `;` (Dutch locale, where `,` is the
 * decimal separator), or by tabs; fields optionally in double quotes (a quote inside written twice); lines ended
 * by `\n`, `\r\n` or `\r`. The separator is the one that occurs most often in the header line, outside quotes.
 *
 * More lenient than the package reader (`src/data/csv.ts`), because these files come from elsewhere: a quote in
 * the middle of a field is kept as text, and fields beyond the header's count are allowed when they are empty
 * (spreadsheets pad rows with `;;;`). Row numbers are the lines a spreadsheet shows (header = row 1).
 */
import { ImportError, importMessage, MessageCollector } from './messages.ts';

export interface DelimitedTable {
  header: string[];
  rows: string[][];
  /** The line number each row starts on. */
  rowNumbers: number[];
  /** The line the header is on (after blank lines and Excel's `sep=` hint). */
  headerRow: number;
  separator: ',' | ';' | '\t';
}

const SEPARATORS = [',', ';', '\t'] as const;
const QUOTE = 34;
const LF = 10;
const CR = 13;

/** The separator that occurs most often in the first line outside quotes (`,` on a tie or none). */
function detectSeparator(text: string, from: number): DelimitedTable['separator'] {
  const counts = new Map<string, number>();
  let quoted = false;
  let i = from;
  // The header is the first line with text.
  while (i < text.length && /\s/.test(text[i]!)) i++;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best: DelimitedTable['separator'] = ',';
  for (const s of SEPARATORS) if ((counts.get(s) ?? 0) > (counts.get(best) ?? 0)) best = s;
  return best;
}

/** Offset of the first separator or line break at or after `from` (or the text's length). */
function endOfField(text: string, from: number, sep: number): number {
  let j = from;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === sep || c === LF || c === CR) break;
    j++;
  }
  return j;
}

/** Reads the quoted field whose opening quote is at `open`; returns its text, its end and the line breaks in it. */
function quotedField(text: string, open: number, file: string, row: number) {
  const parts: string[] = [];
  let from = open + 1;
  for (;;) {
    const close = text.indexOf('"', from);
    if (close === -1) throw new ImportError([importMessage(file, 'unterminatedQuote', {}, { row })]);
    parts.push(text.slice(from, close));
    if (text.charCodeAt(close + 1) !== QUOTE) {
      const value = parts.join('"');
      let breaks = 0;
      for (let k = open; k < close; k++) {
        const d = text.charCodeAt(k);
        if (d === LF || (d === CR && text.charCodeAt(k + 1) !== LF)) breaks++;
      }
      return { value, end: close + 1, breaks };
    }
    from = close + 2;
  }
}

/** Parses the whole text; throws an ImportError for an unclosed quote or a row with too few or too many fields. */
export function parseDelimited(text: string, file: string): DelimitedTable {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // Excel's hint `sep=;` on the first line names the separator; it is no header (the header is the next line).
  const hint = /^sep=([,;\t])\r?\n/i.exec(text.slice(bom, bom + 8));
  const start = bom + (hint ? hint[0].length : 0);
  const separator = hint ? (hint[1] as DelimitedTable['separator']) : detectSeparator(text, start);
  const sep = separator.charCodeAt(0);
  const records: { fields: string[]; line: number }[] = [];
  const n = text.length;
  let i = start;
  let line = hint ? 2 : 1;

  while (i < n) {
    const recordLine = line;
    const fields: string[] = [];
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        const quoted = quotedField(text, i, file, recordLine);
        line += quoted.breaks;
        // Text after the closing quote (`"a"b`) is kept, as a spreadsheet would show it.
        const end = endOfField(text, quoted.end, sep);
        value = quoted.value + text.slice(quoted.end, end);
        i = end;
      } else {
        const end = endOfField(text, i, sep);
        value = text.slice(i, end);
        i = end;
      }
      fields.push(value);
      if (i < n && text.charCodeAt(i) === sep) {
        i++;
        continue;
      }
      if (i < n) {
        i += text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
        line++;
      }
      break;
    }
    // Blank lines, also whitespace-only ones and the `;;;` rows spreadsheets leave, are no records; their line
    // numbers still count.
    if (fields.every((f) => f.trim() === '')) continue;
    records.push({ fields, line: recordLine });
  }

  const errors = new MessageCollector(file);
  const first = records[0];
  if (!first) throw new ImportError([importMessage(file, 'emptyFile')]);
  const header = first.fields;
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (let r = 1; r < records.length; r++) {
    const { fields, line: row } = records[r]!;
    if (fields.length < header.length || fields.slice(header.length).some((f) => f.trim() !== '')) {
      errors.add('wrongFieldCount', { found: fields.length, expected: header.length }, { row });
    }
    rows.push(fields.length > header.length ? fields.slice(0, header.length) : fields);
    rowNumbers.push(row);
  }
  errors.throwIfAny();
  return { header, rows, rowNumbers, headerRow: first.line, separator };
}
