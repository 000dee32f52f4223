/**
 * Seeded fuzz suite (issue 16): small valid inputs, corrupted in many ways, fed to the package loader, the own-data
 * reader and the CBS importer. Every case is either accepted with consistent data, or refused with a PackageError/OwnDataError naming the
 * file (and row/column where the problem sits) — never a raw exception — and a refused own-data file leaves the
 * previously loaded data in place. Deterministic: one seeded RNG drives every corruption.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomLcg } from 'd3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSourceFile } from '../../scripts/cbs/importCbs.ts';
import { loadPackage, loadPartitionedPackage, type PartitionedFiles } from '../../src/data/load.ts';
import { PACKAGE_FILES, PackageError, type PackageFiles } from '../../src/data/package.ts';
import { validateAreas } from '../../src/data/validate.ts';
import { createNodeConnector } from '../../src/db/node.ts';
import { buildPackage } from '../../src/import/cbs/buildPackage.ts';
import { ImportError, type ImportMessage } from '../../src/import/cbs/messages.ts';
import { applyOwnFiles, type OwnData, type OwnPackage, ownPackageOf } from '../../src/userdata/ownData.ts';
import { OwnDataError, type OwnDataIssue } from '../../src/userdata/ownDataParse.ts';
import { DEMO, FIXTURES, readPackage } from '../fixtures/readPackage.ts';
import { xlsx, zip } from '../fixtures/xlsxZip.ts';

const random = randomLcg(16);
const int = (n: number) => Math.floor(random() * n);
const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '=HYPERLINK("http://ev.il","x")',
  '@SUM(1+1)',
  '\u202Eevil\u202C',
  '"; DROP TABLE observations; --',
];
const HUGE = ['1e308', '-1e308', '1e309', '-0', 'NaN', 'Infinity', '-Infinity', '9'.repeat(400), '0x1F', '1,2,3'];
/** Issue codes about one cell: such an issue must name its column too. */
const CELL_CODES = new Set([
  'notNumeric',
  'notInteger',
  'required',
  'invalidEnum',
  'unknownArea',
  'unknownIndicator',
  'areaNotInPackage',
  'periodOutOfRange',
  'invalidRounding',
  'strayQuote',
]);
/** Issue codes about one row or cell: such an issue must say which row. */
const ROW_CODES = new Set([
  'wrongFieldCount',
  'notNumeric',
  'notInteger',
  'required',
  'invalidEnum',
  'negative',
  'duplicateKey',
  'unknownArea',
  'unknownIndicator',
  'numeratorAboveDenominator',
  'valueMismatch',
  'periodOutOfRange',
  'invalidAreaCode',
  'areaNotInPackage',
  'outOfRange',
]);

interface Case {
  name: string;
  text: string;
}

/** Corruptions of a text file; `cell` is a data cell to replace, `header` the header line. */
function textCorruptions(text: string, count: number): Case[] {
  const lines = text.split('\n');
  const out: Case[] = [];
  const dataLine = () => 1 + int(Math.max(1, lines.length - 2));
  const ops: ((t: string) => Case)[] = [
    (t) => {
      const at = int(t.length);
      return { name: `truncate at ${at}`, text: t.slice(0, at) };
    },
    (t) => {
      const at = int(t.length);
      return { name: `flip char at ${at}`, text: t.slice(0, at) + String.fromCharCode(32 + int(95)) + t.slice(at + 1) };
    },
    (t) => {
      const at = int(t.length);
      const c = pick([',', ';', '"', '\n', '\r', '\t', '\0', '\uFFFD', '\uD800', '{', '}', ']']);
      return { name: `insert ${JSON.stringify(c)} at ${at}`, text: t.slice(0, at) + c + t.slice(at) };
    },
    (t) => {
      const at = int(t.length);
      const n = 1 + int(20);
      return { name: `delete ${n} at ${at}`, text: t.slice(0, at) + t.slice(at + n) };
    },
    (t) => ({ name: 'semicolon delimiter', text: t.replaceAll(',', ';') }),
    (t) => ({ name: 'tab delimiter', text: t.replaceAll(',', '\t') }),
    (t) => ({ name: 'BOM', text: `\uFEFF${t}` }),
    (t) => ({ name: 'double BOM', text: `\uFEFF\uFEFF${t}` }),
    (t) => ({ name: 'CRLF', text: t.replaceAll('\n', '\r\n') }),
    (t) => ({ name: 'CR only', text: t.replaceAll('\n', '\r') }),
    () => ({ name: 'empty', text: '' }),
    () => ({ name: 'whitespace only', text: ' \n\n' }),
    () => ({ name: 'header only', text: `${lines[0]}\n` }),
    () => ({ name: 'duplicate header', text: [lines[0], ...lines].join('\n') }),
    () => {
      const i = dataLine();
      return {
        name: `unbalanced quote in line ${i + 1}`,
        text: lines.map((l, j) => (j === i ? `"${l}` : l)).join('\n'),
      };
    },
    () => {
      const i = dataLine();
      return {
        name: `missing column in line ${i + 1}`,
        text: lines.map((l, j) => (j === i ? l.replace(/,[^,]*$/, '') : l)).join('\n'),
      };
    },
    () => {
      const i = dataLine();
      return {
        name: `extra column in line ${i + 1}`,
        text: lines.map((l, j) => (j === i ? `${l},extra` : l)).join('\n'),
      };
    },
    () => ({ name: 'header column dropped', text: [lines[0]!.replace(/,[^,]*$/, ''), ...lines.slice(1)].join('\n') }),
    () => {
      const i = dataLine();
      const v = pick([...HUGE, ...HOSTILE, 'x'.repeat(100_000), 'GM0000', 'BU12345678', '']);
      const cells = (lines[i] ?? '').split(',');
      const c = int(cells.length);
      cells[c] = v.includes(',') || v.includes('"') ? `"${v.replaceAll('"', '""')}"` : v;
      return {
        name: `cell ${c} of line ${i + 1} = ${JSON.stringify(v.slice(0, 30))}`,
        text: lines.map((l, j) => (j === i ? cells.join(',') : l)).join('\n'),
      };
    },
  ];
  for (let k = 0; k < count; k++) out.push(ops[k < ops.length ? k : int(ops.length)]!(text));
  return out;
}

let db: Awaited<ReturnType<typeof createNodeConnector>>;
beforeAll(async () => {
  db = await createNodeConnector();
});
afterAll(() => db?.close());

async function scalar(sql: string): Promise<number> {
  return Number((await db.query(sql)).toArray()[0]!.toJSON().n);
}

/** How each section's cases ended: both outcomes must occur, or the corruptions test nothing. */
const outcomes = { package: { accepted: 0, refused: 0 }, own: { accepted: 0, refused: 0 } };

function expectNamedIssues(issues: OwnDataIssue[], files: readonly string[]): void {
  expect(issues.length).toBeGreaterThan(0);
  for (const issue of issues) {
    expect(files).toContain(issue.file);
    if (ROW_CODES.has(issue.code)) expect(issue.row, `${issue.code} names its row`).toBeGreaterThan(0);
    if (CELL_CODES.has(issue.code)) expect(issue.column, `${issue.code} names its column`).toBeTruthy();
    if (issue.row !== undefined) expect(Number.isInteger(issue.row)).toBe(true);
  }
}

/** The demo package, with the first rows of its observations (enough to corrupt, fast to load). */
const demo = readPackage(DEMO);
const obsLines = demo['observations.csv'].split('\n');
const base: PackageFiles = { ...demo, 'observations.csv': `${obsLines.slice(0, 31).join('\n')}\n` };

/** The number of data rows of a CSV text (non-blank lines after the header). Custom areas (`gebied`) are aggregates, not rows. */
function dataRows(text: string): number {
  return text
    .split(/\r\n|\r|\n/)
    .slice(1)
    .filter((l) => l.trim() !== '').length;
}

const PACKAGE_CASES: { file: (typeof PACKAGE_FILES)[number]; c: Case }[] = [
  ...textCorruptions(base['observations.csv'], 45).map((c) => ({ file: 'observations.csv' as const, c })),
  ...textCorruptions(base['indicators.csv'], 20).map((c) => ({ file: 'indicators.csv' as const, c })),
  ...textCorruptions(base['aims.csv'], 15).map((c) => ({ file: 'aims.csv' as const, c })),
  ...textCorruptions(base['dataset.json'], 10).map((c) => ({ file: 'dataset.json' as const, c })),
  ...textCorruptions(base['areas.geojson'], 10).map((c) => ({ file: 'areas.geojson' as const, c })),
];

describe('package loader under corrupted files', () => {
  let baseline: number;
  let areaCodes: string[];
  beforeAll(async () => {
    const pkg = await loadPackage(db, base);
    areaCodes = pkg.areas.filter((a) => a.level !== 'gebied').map((a) => a.code);
    baseline = await scalar('SELECT count(*) AS n FROM observations');
  });

  it.each(PACKAGE_CASES.map((p, i) => [i, p.file, p.c.name, p] as const))('#%i %s: %s', async (_i, file, _n, p) => {
    const files = { ...base, [file]: p.c.text };
    try {
      await loadPackage(db, files);
    } catch (error) {
      if (!(error instanceof PackageError)) throw error;
      outcomes.package.refused++;
      expectNamedIssues(error.issues, PACKAGE_FILES);
      expect(await scalar('SELECT count(*) AS n FROM observations')).toBe(baseline);
      return;
    }
    outcomes.package.accepted++;
    // Accepted: one observation per data row of the file, and no value that is not finite.
    const list = areaCodes.map((c) => `'${c}'`).join(',');
    expect(await scalar(`SELECT count(*) AS n FROM observations WHERE area_code IN (${list})`)).toBe(
      dataRows(files['observations.csv']),
    );
    expect(
      await scalar(
        'SELECT count(*) AS n FROM observations WHERE NOT isfinite(value) OR NOT isfinite(numerator) OR NOT isfinite(denominator)',
      ),
    ).toBe(0);
    baseline = await scalar('SELECT count(*) AS n FROM observations');
  });

  it('both accepted and refused some corruptions (else they tested nothing)', () => {
    expect(outcomes.package.accepted).toBeGreaterThan(0);
    expect(outcomes.package.refused).toBeGreaterThan(0);
  });
});

/** Byte-level corruptions of a binary (or encoded text) file. */
function byteCorruptions(bytes: Uint8Array, count: number): { name: string; bytes: Uint8Array }[] {
  const out: { name: string; bytes: Uint8Array }[] = [];
  const ops: ((b: Uint8Array) => { name: string; bytes: Uint8Array })[] = [
    (b) => {
      const at = int(b.length);
      return { name: `truncate at byte ${at}`, bytes: b.slice(0, at) };
    },
    (b) => {
      const at = int(b.length);
      const copy = b.slice();
      copy[at] = copy[at]! ^ (1 << int(8));
      return { name: `flip a bit of byte ${at}`, bytes: copy };
    },
    (b) => {
      const at = int(b.length);
      const extra = pick([[0xff], [0xc3], [0xe2, 0x82], [0x00], [0xfe, 0xff], [0xef, 0xbb, 0xbf]]);
      return {
        name: `insert ${extra} at byte ${at}`,
        bytes: new Uint8Array([...b.slice(0, at), ...extra, ...b.slice(at)]),
      };
    },
    (b) => {
      const at = int(b.length);
      const n = 1 + int(30);
      return { name: `delete ${n} bytes at ${at}`, bytes: new Uint8Array([...b.slice(0, at), ...b.slice(at + n)]) };
    },
    (b) => ({ name: 'UTF-16LE BOM', bytes: new Uint8Array([0xff, 0xfe, ...b]) }),
    (b) => ({ name: 'Latin-1 é', bytes: new Uint8Array([...b.slice(0, b.length - 1), 0xe9, 0x0a]) }),
  ];
  for (let k = 0; k < count; k++) out.push(ops[k < ops.length ? k : int(ops.length)]!(bytes));
  return out;
}

describe('own data under corrupted files', () => {
  const encode = (text: string) => new TextEncoder().encode(text);
  let pkg: OwnPackage;
  // The base files use the demo's area codes (non-custom), known before the package loads, so every corruption is
  // generated when the tests are collected: the same cases whatever subset runs.
  const codes = validateAreas(base['areas.geojson'])
    .filter((a) => a.level !== 'gebied')
    .map((a) => a.code);
  const rows = codes.slice(0, 12);
  const wide = `area_code,period,fuzz_a,fuzz_b\n${rows.map((c, i) => `${c},2024,${i + 1},${(i * 2.5).toFixed(1)}`).join('\n')}\n`;
  const long = `area_code;indicator_id;period;value\n${rows.map((c, i) => `${c};fuzz_long;2023;${i},5`).join('\n')}\n`;
  let previous: OwnData;
  let count: number;
  const validFile = () => ({ name: 'fuzz_basis.csv', bytes: encode('area_code,period,fuzz_basis\nGM9999,2024,7\n') });

  beforeAll(async () => {
    const loaded = await loadPackage(db, base);
    pkg = ownPackageOf(loaded);
    expect(loaded.areas.filter((a) => a.level !== 'gebied').map((a) => a.code)).toEqual(codes);
    previous = await applyOwnFiles(db, [validFile()], pkg, null);
    count = await scalar('SELECT count(*) AS n FROM observations');
  });

  function cases(): { name: string; file: () => { name: string; bytes: Uint8Array } }[] {
    const sheet = () => [['area_code', 'period', 'fuzz_x'], ...codes.slice(0, 8).map((c, i) => [c, '2024', String(i)])];
    const out: { name: string; file: () => { name: string; bytes: Uint8Array } }[] = [];
    for (let k = 0; k < 45; k++) out.push({ name: `wide csv #${k}`, file: () => textFile('fuzz_wide.csv', wide, k) });
    for (let k = 0; k < 25; k++) out.push({ name: `long csv #${k}`, file: () => textFile('fuzz_long.csv', long, k) });
    for (let k = 0; k < 20; k++) {
      out.push({ name: `csv bytes #${k}`, file: () => ({ name: 'fuzz_bytes.csv', ...pickBytes(encode(wide), k) }) });
    }
    for (let k = 0; k < 20; k++) {
      out.push({ name: `xlsx bytes #${k}`, file: () => ({ name: 'fuzz.xlsx', ...pickBytes(xlsx(sheet()), k) }) });
    }
    const sheetCases: [string, () => string[][]][] = [
      ['hostile cells', () => sheet().map((r, i) => (i === 2 ? [r[0]!, r[1]!, pick(HOSTILE)] : r))],
      ['hostile area code', () => sheet().map((r, i) => (i === 3 ? [pick(HOSTILE), r[1]!, r[2]!] : r))],
      ['huge number', () => sheet().map((r, i) => (i === 4 ? [r[0]!, r[1]!, '1e308'] : r))],
      ['NaN text', () => sheet().map((r, i) => (i === 4 ? [r[0]!, r[1]!, 'NaN'] : r))],
      ['Infinity text', () => sheet().map((r, i) => (i === 4 ? [r[0]!, r[1]!, 'Infinity'] : r))],
      ['long cell', () => sheet().map((r, i) => (i === 5 ? [r[0]!, r[1]!, 'x'.repeat(100_000)] : r))],
      ['header only', () => sheet().slice(0, 1)],
      ['empty sheet', () => []],
      ['duplicate header', () => [sheet()[0]!, ...sheet()]],
      ['extra column', () => sheet().map((r) => [...r, 'extra'])],
      ['missing column', () => sheet().map((r, i) => (i === 2 ? r.slice(0, 2) : r))],
      ['unknown area', () => sheet().map((r, i) => (i === 1 ? ['GM0000', r[1]!, r[2]!] : r))],
    ];
    for (const [name, rows] of sheetCases)
      out.push({ name: `xlsx ${name}`, file: () => ({ name: 'fuzz.xlsx', bytes: xlsx(rows()) }) });
    const xml = (body: string) => () => ({
      name: 'fuzz.xlsx',
      bytes: zip([
        {
          name: 'xl/worksheets/sheet1.xml',
          text: `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`,
        },
      ]),
    });
    out.push({
      name: 'xlsx row 1e9',
      file: xml('<row r="1000000000"><c r="A1000000000" t="inlineStr"><is><t>area_code</t></is></c></row>'),
    });
    out.push({ name: 'xlsx unclosed rows', file: xml('<row>'.repeat(5000)) });
    out.push({ name: 'xlsx cell ref XFD9', file: xml('<row r="1"><c r="XFD1"><v>1</v></c></row>') });
    out.push({
      name: 'zip without sheet',
      file: () => ({ name: 'fuzz.xlsx', bytes: zip([{ name: 'x.txt', text: 'hi' }]) }),
    });
    return out;
  }

  function textFile(name: string, text: string, k: number): { name: string; bytes: Uint8Array } {
    const [c] = textCorruptions(text, k + 1).slice(-1);
    return { name, bytes: encode(c!.text) };
  }
  function pickBytes(bytes: Uint8Array, k: number): { bytes: Uint8Array } {
    return { bytes: byteCorruptions(bytes, k + 1).at(-1)!.bytes };
  }

  it.each(cases().map((c, i) => [i, c.name, c.file()] as const))('#%i %s', async (_i, _n, file) => {
    let accepted: OwnData;
    try {
      accepted = await applyOwnFiles(db, [file], pkg, previous);
    } catch (error) {
      if (!(error instanceof OwnDataError)) throw error;
      outcomes.own.refused++;
      expectNamedIssues(error.issues, [file.name]);
      // Refused: the previously loaded own data (and the package) stay as they were.
      expect(await scalar('SELECT count(*) AS n FROM observations')).toBe(count);
      const kept = previous.indicators.map((i) => `'${i.id}'`).join(',');
      expect(await scalar(`SELECT count(*) AS n FROM indicators WHERE id IN (${kept})`)).toBe(
        previous.indicators.length,
      );
      return;
    }
    outcomes.own.accepted++;
    // Accepted: every value finite, and the table holds exactly the observations read (for the package's own areas).
    for (const o of accepted.observations) {
      for (const v of [o.value, o.numerator, o.denominator]) if (v !== null) expect(Number.isFinite(v)).toBe(true);
    }
    const ids = accepted.indicators.map((i) => `'${i.id}'`).join(',');
    const list = codes.map((c) => `'${c}'`).join(',');
    expect(
      await scalar(`SELECT count(*) AS n FROM observations WHERE indicator_id IN (${ids}) AND area_code IN (${list})`),
    ).toBe(accepted.observations.filter((o) => codes.includes(o.area_code)).length);
    expect(await scalar('SELECT count(*) AS n FROM observations WHERE NOT isfinite(value)')).toBe(0);
    // The accepted file is the own data now: the next case replaces it (or, refused, must leave it in place).
    previous = accepted;
    count = await scalar('SELECT count(*) AS n FROM observations');
  });

  it('both accepted and refused some corruptions (else they tested nothing)', () => {
    expect(outcomes.own.accepted).toBeGreaterThan(0);
    expect(outcomes.own.refused).toBeGreaterThan(0);
  });
});

describe('partitioned package under corrupted small files', () => {
  const mini = readPackage(join(FIXTURES, 'mini'));
  const features = JSON.parse(mini['areas.geojson']).features as {
    properties: { code: string; name: string; level: string; parent?: string };
  }[];
  const plain = features.filter((f) => f.properties.level !== 'gebied').map((f) => f.properties);
  const files: PartitionedFiles = {
    'dataset.json': mini['dataset.json'].replace(
      '"format_version": 1,',
      '"format_version": 1, "layout": "partitioned",',
    ),
    'areas.csv': `code,name,level,parent\n${plain.map((a) => [a.code, a.name, a.level, a.parent ?? ''].join(',')).join('\n')}\n`,
    'indicators.csv': mini['indicators.csv'],
    'aims.csv': mini['aims.csv'],
    'geo/gemeente.geojson': JSON.stringify({
      type: 'FeatureCollection',
      features: features.filter((f) => f.properties.level === 'gemeente'),
    }),
  };
  const noFetch = async (path: string): Promise<Uint8Array> => {
    throw new PackageError([{ file: path, code: 'missingFile' }]);
  };
  const cases = [
    ...textCorruptions(files['dataset.json'], 8).map((c) => ['dataset.json', c] as const),
    ...textCorruptions(files['geo/gemeente.geojson'], 8).map((c) => ['geo/gemeente.geojson', c] as const),
  ];

  it.each(cases.map(([file, c], i) => [i, file, c.name, c.text] as const))('#%i %s: %s', async (_i, file, _n, text) => {
    try {
      const pkg = await loadPartitionedPackage(db, { ...files, [file]: text }, 'data/mini/', noFetch);
      expect(pkg.meta.id).toBe('mini');
    } catch (error) {
      if (!(error instanceof PackageError)) throw error;
      expectNamedIssues(error.issues, Object.keys(files));
    }
  });
});

/**
 * The CBS importer (issue 16) through its own API: each source file written to disk, read by `readSourceFile` (the
 * decoding, xlsx and layout code `import:cbs` runs) and built by `buildPackage`. Every case ends in an ImportError
 * whose messages name the file (and the row and column where a cell or row is at fault), or in a package the app's
 * loader accepts. Counted: a raw exception is a crash, a built package the loader refuses a half load, a message
 * without its file, row or column (or with `undefined`, `[object …]` or a stack in it) an unclear message.
 */
describe('CBS importer under corrupted sources', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gk-fuzz-import-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const totals = { tried: 0, accepted: 0, refused: 0, crashes: 0, halfLoads: 0, unclear: 0 };
  /** Import message codes about a row (must name it) and about one cell (must name its column too). */
  const IMPORT_ROW_CODES = new Set([
    'notANumber',
    'negativeValue',
    'valueOutOfRange',
    'missingCode',
    'invalidAreaCode',
    'duplicateAreaCode',
    'wrongFieldCount',
    'invalidGeometry',
  ]);
  const IMPORT_CELL_CODES = new Set([
    'notANumber',
    'negativeValue',
    'valueOutOfRange',
    'missingCode',
    'invalidAreaCode',
    'duplicateAreaCode',
    'invalidGeometry',
  ]);

  const KWB_NAME = 'kwb-2024.csv';
  const kwb = readFileSync(join(FIXTURES, 'cbs', KWB_NAME), 'utf8');
  const kwbLines = kwb.split('\n');
  const odata = readFileSync(join(FIXTURES, 'cbs', 'odata-85984NED.json'), 'utf8');
  const square = (x: number, y: number, d = 0.01) => [
    [x, y],
    [x + d, y],
    [x + d, y + d],
    [x, y + d],
    [x, y],
  ];
  /** PDOK's wijken layout, three wijken of one gemeente. */
  const wijk = (n: number, geometry: unknown, extra: Record<string, unknown> = {}) => ({
    type: 'Feature',
    properties: {
      wijkcode: `WK99990${n}`,
      wijknaam: `Wijk ${n}`,
      gemeentecode: 'GM9999',
      gemeentenaam: 'Testgemeente',
      aantal_inwoners: 1000 * n,
      ...extra,
    },
    geometry,
  });
  const wijken = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
  const goodWijken = () => [1, 2, 3].map((n) => wijk(n, { type: 'Polygon', coordinates: [square(5 + n * 0.01, 52)] }));
  const HOSTILE_CELLS = [
    '-5',
    '-0,5',
    'NaN',
    'nan',
    'Infinity',
    '-Infinity',
    '1e308',
    '1e309',
    '-0',
    '9'.repeat(400),
    '0x1F',
    '1.2.3',
    '',
    '.',
    '-99999999',
    '-99999998',
    'abc',
    ...HOSTILE,
  ];
  const GEOMETRIES: [string, unknown][] = [
    [
      'bow tie',
      {
        type: 'Polygon',
        coordinates: [
          [
            [5, 52],
            [5.01, 52.01],
            [5.01, 52],
            [5, 52.01],
            [5, 52],
          ],
        ],
      },
    ],
    [
      'world',
      {
        type: 'Polygon',
        coordinates: [
          [
            [-180, -85],
            [180, -85],
            [180, 85],
            [-180, 85],
            [-180, -85],
          ],
        ],
      },
    ],
    ['off the coast of Africa', { type: 'Polygon', coordinates: [square(0, 0)] }],
    ['RD New', { type: 'Polygon', coordinates: [square(155000, 463000, 100)] }],
    ['point', { type: 'Point', coordinates: [5, 52] }],
    ['string coordinates', { type: 'Polygon', coordinates: 'x' }],
    ['null ring', { type: 'MultiPolygon', coordinates: [null] }],
    ['open ring', { type: 'Polygon', coordinates: [square(5, 52).slice(0, 4)] }],
    [
      'two points',
      {
        type: 'Polygon',
        coordinates: [
          [
            [5, 52],
            [5, 52],
          ],
        ],
      },
    ],
    [
      'NaN coordinate',
      {
        type: 'Polygon',
        coordinates: [
          [
            [5, 52],
            ['NaN', 52],
            [5, 52.01],
            [5, 52],
          ],
        ],
      },
    ],
    ['no geometry type', { coordinates: [square(5, 52)] }],
  ];

  interface ImportCase {
    name: string;
    file: string;
    bytes: () => Uint8Array;
  }
  const encode = (text: string) => new TextEncoder().encode(text);
  const text = (t: string) => () => encode(t);
  /** A kwb cell (`;`-separated): a data line and a figure column (from a_inw on) chosen by the seeded RNG. */
  const kwbCell = (value: string) => {
    const line = 1 + int(kwbLines.length - 2);
    const cells = kwbLines[line]!.split(';');
    const column = 7 + int(cells.length - 7);
    cells[column] = value.includes(';') || value.includes('"') ? `"${value.replaceAll('"', '""')}"` : value;
    const t = kwbLines.map((l, i) => (i === line ? cells.join(';') : l)).join('\n');
    return { name: `kwb line ${line + 1} column ${column + 1} = ${JSON.stringify(value.slice(0, 20))}`, t };
  };
  const xlsxRows = () => kwbLines.filter((l) => l !== '').map((l) => l.split(';'));
  const sheetXml = (body: string) =>
    zip([
      {
        name: 'xl/worksheets/sheet1.xml',
        text: `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`,
      },
    ]);

  const cases: ImportCase[] = [
    ...textCorruptions(kwb, 14).map((c) => ({
      name: `kwb text: ${c.name}`,
      file: KWB_NAME,
      bytes: text(c.text),
    })),
    ...Array.from({ length: 16 }, (_, k) => {
      const { name, t } = kwbCell(k < HOSTILE_CELLS.length ? HOSTILE_CELLS[k]! : pick(HOSTILE_CELLS));
      return { name, file: KWB_NAME, bytes: text(t) };
    }),
    ...byteCorruptions(encode(kwb), 8).map((c) => ({
      name: `kwb bytes: ${c.name}`,
      file: KWB_NAME,
      bytes: () => c.bytes,
    })),
    { name: 'kwb UTF-16LE', file: KWB_NAME, bytes: () => new Uint8Array(Buffer.from(`\uFEFF${kwb}`, 'utf16le')) },
    { name: 'kwb header only', file: KWB_NAME, bytes: text(`${kwbLines[0]}\n`) },
    { name: 'kwb without code column', file: KWB_NAME, bytes: text(kwb.replaceAll('gwb_code', 'xx_code')) },
    {
      name: 'kwb with 5.000 columns',
      file: KWB_NAME,
      bytes: text(
        kwbLines
          .map((l, i) =>
            l === '' ? l : `${l};${Array.from({ length: 5000 }, (_, c) => (i === 0 ? `x${c}` : '1')).join(';')}`,
          )
          .join('\n'),
      ),
    },
    ...byteCorruptions(xlsx(xlsxRows()), 6).map((c) => ({
      name: `xlsx bytes: ${c.name}`,
      file: 'kwb-2024.xlsx',
      bytes: () => c.bytes,
    })),
    {
      name: 'xlsx row 1e9',
      file: 'kwb-2024.xlsx',
      bytes: () =>
        sheetXml('<row r="1000000000"><c r="A1000000000" t="inlineStr"><is><t>gwb_code_10</t></is></c></row>'),
    },
    { name: 'xlsx 300.000 unclosed rows', file: 'kwb-2024.xlsx', bytes: () => sheetXml('<row>'.repeat(300_000)) },
    {
      name: 'xlsx negative count',
      file: 'kwb-2024.xlsx',
      bytes: () => xlsx(xlsxRows().map((r, i) => (i === 2 ? r.map((c, j) => (j === 7 ? '-5' : c)) : r))),
    },
    ...textCorruptions(wijken(goodWijken()), 8).map((c) => ({
      name: `wijken text: ${c.name}`,
      file: 'wijken_2024.geojson',
      bytes: text(c.text),
    })),
    ...GEOMETRIES.map(([name, geometry]) => ({
      name: `wijken geometry: ${name}`,
      file: 'wijken_2024.geojson',
      bytes: text(wijken(goodWijken().map((f, i) => (i === 1 ? { ...f, geometry } : f)))),
    })),
    ...(['-5', 'NaN', 1e308, null, 'Infinity', { a: 1 }, [1]] as unknown[]).map((value) => ({
      name: `wijken aantal_inwoners = ${JSON.stringify(value)}`,
      file: 'wijken_2024.geojson',
      bytes: text(
        wijken(
          goodWijken().map((f, i) => (i === 2 ? { ...f, properties: { ...f.properties, aantal_inwoners: value } } : f)),
        ),
      ),
    })),
    {
      name: 'wijken deep JSON',
      file: 'wijken_2024.geojson',
      bytes: text(`${'['.repeat(50_000)}${']'.repeat(50_000)}`),
    },
    ...textCorruptions(odata, 6).map((c) => ({
      name: `odata text: ${c.name}`,
      file: 'odata-85984NED.json',
      bytes: text(c.text),
    })),
    ...['-5', '"NaN"', '1e308', '"x"', 'null', '{}'].map((v) => ({
      name: `odata AantalInwoners = ${v}`,
      file: 'odata-85984NED.json',
      bytes: text(odata.replace('"AantalInwoners_5": 17942942', `"AantalInwoners_5": ${v}`)),
    })),
  ];

  function clear(messages: readonly ImportMessage[], file: string): boolean {
    return (
      messages.length > 0 &&
      messages.every(
        (m) =>
          m.file === file &&
          m.text.startsWith(file) &&
          !/undefined|\[object |\n\s+at /.test(m.text) &&
          (!IMPORT_ROW_CODES.has(m.code) || (Number.isInteger(m.row) && m.row! > 0)) &&
          (!IMPORT_CELL_CODES.has(m.code) || !!m.column),
      )
    );
  }

  it.each(cases.map((c, i) => [i, c.name, c] as const))('#%i %s', async (_i, _n, c) => {
    totals.tried++;
    const path = join(dir, c.file);
    writeFileSync(path, c.bytes());
    let built: ReturnType<typeof buildPackage>;
    try {
      built = buildPackage([await readSourceFile(path, {}, [])], { id: 'fuzz' });
    } catch (error) {
      if (error instanceof ImportError) {
        totals.refused++;
        if (!clear(error.messages, c.file)) totals.unclear++;
        expect(clear(error.messages, c.file), error.message.slice(0, 500)).toBe(true);
        return;
      }
      totals.crashes++;
      throw error;
    }
    try {
      const pkg = await loadPackage(db, built.files);
      totals.accepted++;
      expect(pkg.meta.id).toBe('fuzz');
      expect(
        await scalar(
          "SELECT count(*) AS n FROM observations WHERE area_code NOT IN (SELECT code FROM areas WHERE level = 'gebied')",
        ),
      ).toBe(built.summary.observations);
    } catch (error) {
      // The importer built a package the app refuses.
      totals.halfLoads++;
      throw error;
    }
  });

  it('ends every corruption clearly: no crash, no half load, no unclear message (and both outcomes occurred)', () => {
    console.log(`CBS importer fuzz: ${JSON.stringify(totals)}`);
    expect(totals.tried).toBe(cases.length);
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect({ crashes: totals.crashes, halfLoads: totals.halfLoads, unclear: totals.unclear }).toEqual({
      crashes: 0,
      halfLoads: 0,
      unclear: 0,
    });
    expect(totals.accepted).toBeGreaterThan(0);
    expect(totals.refused).toBeGreaterThan(0);
  });
});
