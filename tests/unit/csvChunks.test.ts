import { describe, expect, it } from 'vitest';
import { CsvParser, type CsvTable, parseCsv } from '../../src/data/csv.ts';
import {
  blobChunks,
  MAX_OWN_ROWS,
  parseOwnData,
  parseOwnFile,
  readOwnCsv,
  wideToLong,
} from '../../src/userdata/ownDataParse.ts';
import { xlsx } from '../fixtures/xlsxZip.ts';

type Mode = 'strict' | 'lenient';

/** What parseCsv gives, or the issues it throws. */
function outcome(run: () => CsvTable): unknown {
  try {
    return run();
  } catch (error) {
    return { issues: (error as { issues?: unknown }).issues ?? String(error) };
  }
}

function chunked(pieces: readonly string[], mode: Mode): unknown {
  return outcome(() => {
    const parser = new CsvParser('f.csv', { mode });
    for (const piece of pieces) parser.push(piece);
    return parser.end();
  });
}

/** The text cut at `at` (sorted offsets). */
function cut(text: string, at: readonly number[]): string[] {
  const out: string[] = [];
  let from = 0;
  for (const k of at) {
    out.push(text.slice(from, k));
    from = k;
  }
  out.push(text.slice(from));
  return out;
}

const TEXTS: readonly [string, Mode][] = [
  ['a,b\r\n1,"x\r\ny"\r\n"q""uote",3\r\n', 'strict'],
  ['a,b\n"1,2",3\n\n  \n4,5', 'strict'],
  ['\uFEFFa,b\n1,"open\n2,3\n', 'strict'],
  ['a,b\n1,x"y\n2,"z"w\n3\n4,5,6\n', 'strict'],
  ['a,b\n1,\uFFFD\n2,3\n', 'strict'],
  ['a;b\n1;2\n', 'strict'],
  ['sep=;\r\na,b;c\r\n1,5;2\r\n', 'lenient'],
  ['\n;;\na;b\n12"3;"x"y;;\n;;;\n4;5\n', 'lenient'],
  ['  \r\n\ta\tb\r\n1\t2\r', 'lenient'],
  ['"a;x",b,c\n1,"2\r\n3",4\n5,6\n', 'lenient'],
  ['   \n \n', 'lenient'],
];

describe('CsvParser: the one CSV reader fed in pieces', () => {
  it('gives the table and the issues of parseCsv wherever the text is cut once', () => {
    for (const [text, mode] of TEXTS) {
      const whole = outcome(() => parseCsv(text, 'f.csv', { mode }));
      for (let k = 0; k <= text.length; k++) {
        expect(chunked(cut(text, [k]), mode), `${JSON.stringify(text)} cut at ${k}`).toEqual(whole);
      }
    }
  });

  it('gives the same when fed one character at a time', () => {
    for (const [text, mode] of TEXTS) {
      const whole = outcome(() => parseCsv(text, 'f.csv', { mode }));
      expect(chunked([...text], mode), JSON.stringify(text)).toEqual(whole);
    }
  });

  it('reads a quoted field, a doubled quote and a CRLF each cut between two pieces', () => {
    const parser = new CsvParser('f.csv');
    for (const piece of ['a,b\r', '\n1,"x', '"', '"y\r', '\nz"\r', '\n2,3']) parser.push(piece);
    expect(parser.end()).toEqual({
      header: ['a', 'b'],
      rows: [
        ['1', 'x"y\r\nz'],
        ['2', '3'],
      ],
      rowNumbers: [2, 4],
      headerRow: 1,
      separator: ',',
    });
  });
  it('stops at a quote that never closes once the field passes 16 Mi characters, not at the end of a big file', () => {
    const parser = new CsvParser('groot.csv');
    parser.push('code,waarde\nBU01,"');
    const piece = 'x'.repeat(1024 * 1024);
    let pushed = 0;
    let thrown: unknown;
    try {
      for (; pushed < 64; pushed++) parser.push(piece);
    } catch (error) {
      thrown = error;
    }
    // The 16th piece throws (pushed counts the pieces taken before it): the other 48 are never scanned.
    expect(pushed).toBe(15);
    expect((thrown as { issues?: unknown }).issues).toEqual([
      expect.objectContaining({ file: 'groot.csv', row: 2, column: 'waarde', code: 'unterminatedQuote' }),
    ]);
  });
});

const utf8 = (text: string) => new TextEncoder().encode(text);

/** `bytes` cut at every offset in `at`. */
function byteCut(bytes: Uint8Array, at: readonly number[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  let from = 0;
  for (const k of at) {
    out.push(bytes.subarray(from, k));
    from = k;
  }
  out.push(bytes.subarray(from));
  return out;
}

async function ownOutcome(file: string, chunks: Uint8Array[]): Promise<unknown> {
  try {
    return await readOwnCsv(file, chunks);
  } catch (error) {
    return { issues: (error as { issues?: unknown }).issues ?? String(error) };
  }
}

describe('readOwnCsv: an own CSV file read from its bytes in pieces', () => {
  const own = 'area_code;period;Wmo-cliënten ‘€’\r\nWK999901;2024;"12,5"\r\nWK999902;2024;"7\r\n"\r\n';

  it('puts a character cut between pieces together again, wherever the bytes are cut', async () => {
    const bytes = utf8(own);
    const whole = await ownOutcome('eigen.csv', [bytes]);
    expect(whole).toMatchObject({ table: { header: ['area_code', 'period', 'Wmo-cliënten ‘€’'] }, headerRow: 1 });
    for (let k = 0; k <= bytes.length; k++) {
      expect(await ownOutcome('eigen.csv', byteCut(bytes, [k])), `cut at ${k}`).toEqual(whole);
    }
    // One byte at a time: every multi-byte character is cut, so is every CRLF and quoted field.
    expect(
      await ownOutcome(
        'eigen.csv',
        [...bytes].map((b) => Uint8Array.of(b)),
      ),
    ).toEqual(whole);
  });

  it('names the line of the first bad byte in the whole file, however the bytes are cut', async () => {
    const bytes = utf8('area_code;period;x\n"WK999901\n";2024;1\nWK999902;2024;2\n€\n');
    // On line 5 a euro sign (E2 82 AC) whose last byte is replaced by `A` and a stray continuation byte.
    const euro = bytes.lastIndexOf(0xac);
    const bad = new Uint8Array([...bytes.subarray(0, euro), 0x41, 0x80, ...bytes.subarray(euro + 1)]);
    const expected = { issues: [{ file: 'x.csv', code: 'notUtf8', params: { line: 5 } }] };
    const whole = await ownOutcome('x.csv', [bad]);
    expect(whole).toEqual(expected);
    for (let k = 0; k <= bad.length; k++) {
      expect(await ownOutcome('x.csv', byteCut(bad, [k])), `cut at ${k}`).toEqual(expected);
    }
    // A file ending inside a character: the last line.
    const truncated = utf8('area_code;period;x\nWK999901;2024;€').subarray(0, -1);
    for (let k = 0; k <= truncated.length; k++) {
      expect(await ownOutcome('t.csv', byteCut(truncated, [k]))).toEqual({
        issues: [{ file: 't.csv', code: 'notUtf8', params: { line: 2 } }],
      });
    }
  });

  it('gives parseOwnData’s messages: an empty file, a bad quote, a wrong field count', async () => {
    for (const text of [' \r\n\t\n', 'area_code,period,x\n"WK1,2024,1\n', 'area_code,period,x\nWK1,2024\n']) {
      const bytes = utf8(text);
      const whole = await parseOwnData({ name: 'e.csv', bytes }).catch((error) => ({ issues: error.issues }));
      expect(whole).toHaveProperty('issues');
      for (let k = 0; k <= bytes.length; k++) {
        expect(await ownOutcome('e.csv', byteCut(bytes, [k]))).toEqual(whole);
      }
    }
  });

  it('refuses a file with more rows than the limit as soon as it passes it, naming the first row beyond', async () => {
    const line = utf8('WK999901;2024;1\n');
    let pieces = 0;
    function* chunks() {
      yield utf8('area_code;period;x\n');
      // 10.000 rows a piece; the reader must stop soon after the limit, not read the 3 million rows offered.
      const piece = new Uint8Array(line.length * 10_000);
      for (let k = 0; k < 10_000; k++) piece.set(line, k * line.length);
      for (let k = 0; k < 300; k++) {
        pieces++;
        yield piece;
      }
    }
    await expect(readOwnCsv('groot.csv', chunks())).rejects.toMatchObject({
      issues: [{ file: 'groot.csv', row: MAX_OWN_ROWS + 2, code: 'tooManyRows', params: { limit: MAX_OWN_ROWS } }],
    });
    expect(pieces).toBe(MAX_OWN_ROWS / 10_000 + 1);
  });

  it('bounds a wide table by its observations too: rows × indicator columns beyond the limit are refused', () => {
    // 250.001 rows × 4 indicators: fewer rows than the limit, more observations.
    const n = MAX_OWN_ROWS / 4 + 1;
    const table = {
      file: 'breed.csv',
      layout: 'wide' as const,
      header: ['area_code', 'period', 'a', 'b', 'c', 'd'],
      rows: Array.from({ length: n }, () => ['WK999901', '2024', '1', '2', '3', '4']),
      rowNumbers: Array.from({ length: n }, (_, k) => k + 2),
      headerRow: 1,
    };
    expect(() => wideToLong(table)).toThrow(
      expect.objectContaining({
        issues: [{ file: 'breed.csv', row: n + 1, code: 'tooManyValues', params: { limit: MAX_OWN_ROWS } }],
      }),
    );
    expect(wideToLong({ ...table, rows: table.rows.slice(0, -1) }).rows).toHaveLength(MAX_OWN_ROWS);
  });

  it('reads a File as the worker does (Blob slices) to the same table as the bytes at once, CSV and Excel alike', async () => {
    const csv = utf8('\uFEFFarea_code;period;Wmo-cliënten\r\nWK999901;2024;"12,5"\r\nWK999902;2024;€ 7\r\n');
    const sheet = xlsx([
      ['area_code', 'period', 'Meldingen'],
      ['WK999901', '2024', '3'],
    ]);
    for (const [name, bytes] of [
      ['eigen.csv', csv],
      ['eigen.xlsx', sheet],
    ] as const) {
      const read: number[] = [];
      const blob = new Blob([bytes as Uint8Array<ArrayBuffer>]);
      const table = await parseOwnFile(name, blob.size, blobChunks(blob, 5), (n) => read.push(n));
      expect(table).toEqual(await parseOwnData({ name, bytes }));
      // Progress in 5-byte steps up to the whole file.
      expect(read.at(-1)).toBe(bytes.length);
      expect(read.length).toBe(Math.ceil(bytes.length / 5));
    }
  });
});
