import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { type ColumnSource, parquetWriteBuffer, type SchemaElement } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPackage } from '../../src/data/load.ts';
import { createNodeConnector } from '../../src/db/node.ts';
import {
  applyOwnFiles,
  type OwnPackage,
  ownPackageOf,
  validateOwnData,
  wideToLong,
} from '../../src/userdata/ownData.ts';
import { fileSizeIssue, MAX_OWN_FILE_BYTES, parseOwnData } from '../../src/userdata/ownDataParse.ts';
import { ownIssuesOf } from '../fixtures/issuesOf.ts';
import { FIXTURES, readPackage } from '../fixtures/readPackage.ts';

type Codec = 'UNCOMPRESSED' | 'SNAPPY' | 'GZIP' | 'BROTLI';

// hyparquet-writer compresses snappy itself; other codecs need a compressor (Node 20 has no zstd).
const gzip = (data: Uint8Array) => new Uint8Array(gzipSync(data));
const brotli = (data: Uint8Array) => new Uint8Array(brotliCompressSync(data));
const COMPRESSORS = { GZIP: gzip, BROTLI: brotli };

/** A Parquet file written by hyparquet-writer (snappy unless told), as the bytes the app receives. */
function parquet(columnData: ColumnSource[], options: { codec?: Codec; schema?: SchemaElement[] } = {}): Uint8Array {
  const buffer = parquetWriteBuffer({
    columnData,
    ...(options.schema && { schema: options.schema }),
    ...(options.codec && { codec: options.codec }),
    compressors: COMPRESSORS,
  });
  return new Uint8Array(buffer);
}

/** The long observations of the rate `wmo_pct`: value = numerator / denominator × 100. */
function longParquet(codec?: Codec): Uint8Array {
  return parquet(
    [
      { name: 'area_code', data: ['BU99980101', 'BU99980102', 'BU99980201', 'GM9998'], type: 'STRING' },
      { name: 'indicator_id', data: ['wmo_pct', 'wmo_pct', 'wmo_pct', 'wmo_pct'], type: 'STRING' },
      { name: 'period', data: [2024, 2024, 2024, 2023], type: 'INT32' },
      { name: 'value', data: [15, 10, 10, 12.5], type: 'DOUBLE' },
      { name: 'numerator', data: [30n, 2n, 10n, 25n], type: 'INT64' },
      { name: 'denominator', data: [200n, 20n, 100n, 200n], type: 'INT64' },
    ],
    codec ? { codec } : {},
  );
}
const LONG_CSV = [
  'area_code,indicator_id,period,value,numerator,denominator',
  'BU99980101,wmo_pct,2024,15,30,200',
  'BU99980102,wmo_pct,2024,10,2,20',
  'BU99980201,wmo_pct,2024,10,10,100',
  'GM9998,wmo_pct,2023,12.5,25,200',
].join('\n');
const LONG_ROWS = [
  ['BU99980101', 'wmo_pct', '2024', '15', '30', '200'],
  ['BU99980102', 'wmo_pct', '2024', '10', '2', '20'],
  ['BU99980201', 'wmo_pct', '2024', '10', '10', '100'],
  ['GM9998', 'wmo_pct', '2023', '12.5', '25', '200'],
];

/** A wide table with a blank row (all null) between two areas, a FLOAT and an INT64 indicator column. */
function wideParquet(): Uint8Array {
  return parquet([
    { name: 'area_code', data: ['BU99980101', null, 'BU99980102'], type: 'STRING' },
    { name: 'period', data: [2024, null, 2024], type: 'INT32' },
    { name: 'naam', data: ['West-Zuid', null, 'Gehucht'], type: 'STRING' },
    { name: 'Aantal meldingen (Wmo)', data: [12n, null, null], type: 'INT64' },
    { name: 'Tevredenheid', data: [7.5, null, 6.1], type: 'FLOAT' },
  ]);
}
const WIDE_CSV =
  'area_code,period,naam,Aantal meldingen (Wmo),Tevredenheid\nBU99980101,2024,West-Zuid,12,7.5\n\nBU99980102,2024,Gehucht,,6.1\n';

// Area codes and indicators of the mini fixture package, as in ownData.test.ts.
const PKG: OwnPackage = {
  areas: ['NL00', 'GM9998', 'WK999801', 'BU99980101', 'BU99980102', 'BU99980201', 'BU99980202'].map((code) => ({
    code,
  })),
  indicators: ['jeugdhulp_pct', 'inwoners', 'bijstand_aantal', 'gem_inkomen'].map((id) => ({ id })),
  periods: [2023, 2024],
};

describe('parseOwnData reads Parquet', () => {
  it('reads a long file into the same text cells as the CSV, the header counted as row 1', async () => {
    expect(await parseOwnData({ name: 'wmo.parquet', bytes: longParquet() })).toEqual({
      file: 'wmo.parquet',
      layout: 'long',
      header: ['area_code', 'indicator_id', 'period', 'value', 'numerator', 'denominator'],
      rows: LONG_ROWS,
      rowNumbers: [2, 3, 4, 5],
      headerRow: 1,
    });
  });

  it('tells a wide file by its header, skips a blank row but keeps the numbering, and writes floats shortest', async () => {
    const table = await parseOwnData({ name: 'wmo.parquet', bytes: wideParquet() });
    expect(table).toEqual({
      file: 'wmo.parquet',
      layout: 'wide',
      header: ['area_code', 'period', 'naam', 'Aantal meldingen (Wmo)', 'Tevredenheid'],
      rows: [
        ['BU99980101', '2024', 'West-Zuid', '12', '7.5'],
        // 6.1 as a 32-bit float is 6.099999904632568: written as 6.1, as a spreadsheet shows it.
        ['BU99980102', '2024', 'Gehucht', '', '6.1'],
      ],
      rowNumbers: [2, 4],
      headerRow: 1,
    });
    const csv = await parseOwnData({ name: 'wmo.csv', bytes: new TextEncoder().encode(WIDE_CSV) });
    expect(wideToLong(table)).toEqual(wideToLong({ ...csv, file: 'wmo.parquet' }));
  });

  it.each(['UNCOMPRESSED', 'SNAPPY', 'GZIP', 'BROTLI'] as const)('reads a %s-compressed file', async (codec) => {
    const table = await parseOwnData({ name: `wmo-${codec}.parquet`, bytes: longParquet(codec) });
    expect(table.rows).toEqual(LONG_ROWS);
  });

  it('knows a Parquet file by its PAR1 magic, whatever its name', async () => {
    const table = await parseOwnData({ name: 'export', bytes: longParquet() });
    expect(table.layout).toBe('long');
    expect(table.rows).toEqual(LONG_ROWS);
  });

  it('writes booleans, big integers, timestamps, dates and doubles as text cells', async () => {
    const bytes = parquet(
      [
        { name: 'area_code', data: ['BU99980101', 'BU99980102'] },
        { name: 'period', data: [2024, 2024] },
        { name: 'vlag', data: [true, false] },
        { name: 'groot', data: [9007199254740993n, null] },
        { name: 'moment', data: [new Date('2024-03-01T12:30:00Z'), null] },
        { name: 'dag', data: [new Date('2024-03-01T00:00:00Z'), null] },
        { name: 'getal', data: [1e21, 0.1] },
      ],
      {
        schema: [
          { name: 'root', num_children: 7 },
          { name: 'area_code', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
          { name: 'period', type: 'INT32', repetition_type: 'REQUIRED' },
          { name: 'vlag', type: 'BOOLEAN', repetition_type: 'REQUIRED' },
          { name: 'groot', type: 'INT64', repetition_type: 'OPTIONAL' },
          { name: 'moment', type: 'INT64', converted_type: 'TIMESTAMP_MILLIS', repetition_type: 'OPTIONAL' },
          { name: 'dag', type: 'INT32', converted_type: 'DATE', repetition_type: 'OPTIONAL' },
          { name: 'getal', type: 'DOUBLE', repetition_type: 'REQUIRED' },
        ],
      },
    );
    const table = await parseOwnData({ name: 'typen.parquet', bytes });
    expect(table.rows).toEqual([
      ['BU99980101', '2024', 'true', '9007199254740993', '2024-03-01T12:30:00.000Z', '2024-03-01', '1e+21'],
      ['BU99980102', '2024', 'false', '', '', '', '0.1'],
    ]);
  });

  it('names the Parquet row of a problem as a spreadsheet would (header = row 1)', async () => {
    const bytes = parquet([
      { name: 'area_code', data: ['BU99980101', 'BU00000000'], type: 'STRING' },
      { name: 'period', data: [2024, 2024], type: 'INT32' },
      { name: 'score', data: [1, 2], type: 'DOUBLE' },
    ]);
    const table = await parseOwnData({ name: 'score.parquet', bytes });
    expect(await ownIssuesOf(() => validateOwnData(table, PKG))).toEqual([
      { file: 'score.parquet', row: 3, column: 'area_code', code: 'areaNotInPackage', params: { value: 'BU00000000' } },
    ]);
  });

  it('refuses a truncated or damaged file with notParquet, naming the file', async () => {
    const whole = longParquet();
    expect(await ownIssuesOf(() => parseOwnData({ name: 'kapot.parquet', bytes: whole.slice(0, 200) }))).toEqual([
      { file: 'kapot.parquet', code: 'notParquet', params: { reason: expect.stringMatching(/PAR1|invalid/) } },
    ]);
    // Footer intact, a data page cut short.
    const cut = new Uint8Array([...whole.subarray(0, 40), ...whole.subarray(80)]);
    const [issue] = await ownIssuesOf(() => parseOwnData({ name: 'kapot.parquet', bytes: cut }));
    expect(issue).toMatchObject({ file: 'kapot.parquet', code: 'notParquet' });
    expect(await ownIssuesOf(() => parseOwnData({ name: 'leeg.parquet', bytes: new Uint8Array(0) }))).toEqual([
      { file: 'leeg.parquet', code: 'notParquet', params: { reason: expect.any(String) } },
    ]);
  });

  it('refuses a list column, naming it', async () => {
    const bytes = parquet(
      [
        { name: 'area_code', data: ['BU99980101'] },
        { name: 'period', data: [2024] },
        { name: 'waarden', data: [[1, 2]] },
      ],
      {
        schema: [
          { name: 'root', num_children: 3 },
          { name: 'area_code', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
          { name: 'period', type: 'INT32', repetition_type: 'REQUIRED' },
          { name: 'waarden', repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
          { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
          { name: 'element', type: 'INT32', repetition_type: 'OPTIONAL' },
        ],
      },
    );
    expect(await ownIssuesOf(() => parseOwnData({ name: 'lijst.parquet', bytes }))).toEqual([
      { file: 'lijst.parquet', column: 'waarden', code: 'parquetNestedColumn', params: { column: 'waarden' } },
    ]);
  });
});

describe('the size limit of own data', () => {
  it('gives fileTooLarge above the limit, in whole MB rounded up', () => {
    expect(MAX_OWN_FILE_BYTES).toBe(200 * 1024 * 1024);
    expect(fileSizeIssue('groot.csv', MAX_OWN_FILE_BYTES)).toBeNull();
    expect(fileSizeIssue('groot.csv', MAX_OWN_FILE_BYTES + 1)).toEqual({
      file: 'groot.csv',
      code: 'fileTooLarge',
      params: { size: 201, limit: 200 },
    });
    expect(fileSizeIssue('enorm.parquet', 2 * 1024 ** 3)).toMatchObject({ params: { size: 2048, limit: 200 } });
  });

  it('refuses a too large file in parseOwnData before reading a byte of it', async () => {
    // Only byteLength is there: reading any byte would throw a TypeError, not an OwnDataError.
    const bytes = { byteLength: MAX_OWN_FILE_BYTES + 1 } as Uint8Array;
    expect(await ownIssuesOf(() => parseOwnData({ name: 'groot.parquet', bytes }))).toEqual([
      { file: 'groot.parquet', code: 'fileTooLarge', params: { size: 201, limit: 200 } },
    ]);
  });
});

describe('Parquet own data in the package', () => {
  let db: Awaited<ReturnType<typeof createNodeConnector>>;
  let pkg: OwnPackage;
  const rows = async (sql: string) => (await db.query(sql)).toArray().map((r) => r.toJSON());
  const observations = () =>
    rows(
      "SELECT area_code, period::INT AS period, round(value, 6) AS value, numerator, denominator, suppressed FROM observations WHERE indicator_id IN ('wmo_pct', 'tevredenheid', 'aantal_meldingen_wmo') ORDER BY ALL",
    );

  beforeAll(async () => {
    db = await createNodeConnector();
    pkg = ownPackageOf(await loadPackage(db, readPackage(join(FIXTURES, 'mini'))));
  });
  afterAll(() => db?.close());

  it('adds the same indicators and observations as the equivalent CSV, long and wide', async () => {
    const encode = (text: string) => new TextEncoder().encode(text);
    const csv = await applyOwnFiles(
      db,
      [
        { name: 'lang.csv', bytes: encode(LONG_CSV) },
        { name: 'breed.csv', bytes: encode(WIDE_CSV) },
      ],
      pkg,
      null,
    );
    const fromCsv = await observations();
    expect(fromCsv.length).toBeGreaterThan(4);
    expect(csv.indicators.find((i) => i.id === 'wmo_pct')).toMatchObject({ unit: 'percent', decimals: 1 });

    const pq = await applyOwnFiles(
      db,
      [
        { name: 'lang.parquet', bytes: longParquet() },
        { name: 'breed.parquet', bytes: wideParquet() },
      ],
      pkg,
      csv,
    );
    const renamed = (name: string) => name.replace(/\.csv$/, '.parquet');
    expect(pq.indicators).toEqual(csv.indicators.map((i) => ({ ...i, source: renamed(i.source) })));
    expect(pq.observations).toEqual(csv.observations);
    expect(pq.extraPeriods).toEqual(csv.extraPeriods);
    expect(pq.files).toEqual(csv.files.map((f) => ({ ...f, name: renamed(f.name) })));
    expect(await observations()).toEqual(fromCsv);
  });
});
