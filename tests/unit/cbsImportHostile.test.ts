/**
 * The CBS reader on hostile cells and boundaries (issue 16): what the package loader would refuse is named in the
 * source's own file, row and column; NaN becomes empty with a counted warning; a broken boundary stops the import
 * naming its feature instead of crashing later; a column name that is no valid id still makes a valid package.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateIndicators } from '../../src/data/validate.ts';
import { buildPackage } from '../../src/import/cbs/buildPackage.ts';
import { indicatorIdOf } from '../../src/import/cbs/columnPlan.ts';
import { ImportError, type ImportMessage } from '../../src/import/cbs/messages.ts';
import { readSource } from '../../src/import/cbs/readSource.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const KWB = readFileSync(new URL('../fixtures/cbs/kwb-2024.csv', import.meta.url), 'utf8');
const lines = KWB.split('\n');
/** The kwb fixture with one cell replaced (line and column counted from 1, as a spreadsheet shows them). */
const withCell = (line: number, column: number, value: string) =>
  lines
    .map((l, i) =>
      i === line - 1
        ? l
            .split(';')
            .map((c, j) => (j === column - 1 ? value : c))
            .join(';')
        : l,
    )
    .join('\n');

function errorsOf(run: () => unknown): Omit<ImportMessage, 'text' | 'params'>[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError)
      return error.messages.map(({ file, row, column, code }) => ({ file, row, column, code }));
    throw error;
  }
  throw new Error('expected an ImportError');
}

const read = (text: string, fileName = 'kwb-2024.csv') => readSource({ fileName, text });

describe('hostile cells', () => {
  it('refuses a negative count and a figure beyond 10^15, naming file, row and column', () => {
    // Column 8 is a_inw.
    expect(errorsOf(() => read(withCell(3, 8, '-5')))).toEqual([
      { file: 'kwb-2024.csv', row: 3, column: 'a_inw', code: 'negativeValue' },
    ]);
    expect(errorsOf(() => read(withCell(4, 8, '1e308')))).toEqual([
      { file: 'kwb-2024.csv', row: 4, column: 'a_inw', code: 'valueOutOfRange' },
    ]);
    // CBS's own negative marks stay secrets.
    expect(
      read(withCell(3, 8, '-99999999')).values.find((v) => v.code === 'GM9999' && v.variable === 'a_inw'),
    ).toMatchObject({
      value: null,
      marker: 'secret',
    });
  });

  it('reads NaN as empty with a warning that counts the cells and names their rows', () => {
    const table = read(
      withCell(5, 9, 'NaN')
        .split('\n')
        .map((l, i) => (i === 3 ? l.replace(';12000;', ';NaN;') : l))
        .join('\n'),
    );
    expect(table.values.find((v) => v.code === 'WK999901' && v.variable === 'a_inw')?.value).toBeNull();
    expect(table.values.find((v) => v.code === 'BU99990101' && v.variable === 'a_00_14')?.value).toBeNull();
    const warning = table.warnings.find((w) => w.code === 'nanAsEmpty');
    expect(warning?.params).toEqual({ count: 2, rows: '4, 5' });
    expect(warning?.text).toBe(
      'kwb-2024.csv: 2 cell(s) hold NaN (rows 4, 5); they are read as empty (no figure): check the source if a figure was expected there',
    );
  });

  it('refuses a file with a header and no rows', () => {
    expect(errorsOf(() => read(`${lines[0]}\n`))).toEqual([
      { file: 'kwb-2024.csv', row: undefined, column: undefined, code: 'noRows' },
    ]);
  });
});

describe('hostile boundaries', () => {
  const square = [
    [5, 52],
    [5.01, 52],
    [5.01, 52.01],
    [5, 52.01],
    [5, 52],
  ];
  const wijken = (geometry: unknown) =>
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { code: 'WK999901', geometry: { type: 'Polygon', coordinates: [square] } },
        { code: 'WK999902', geometry },
      ].map(({ code, geometry }) => ({
        type: 'Feature',
        properties: {
          wijkcode: code,
          wijknaam: code,
          gemeentecode: 'GM9999',
          gemeentenaam: 'Test',
          aantal_inwoners: 10,
        },
        geometry,
      })),
    });

  it.each([
    ['coordinates that are no list', { type: 'Polygon', coordinates: 'x' }],
    ['a null ring', { type: 'MultiPolygon', coordinates: [null] }],
    [
      'a bow tie',
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
      'the whole world',
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
  ])('stops at %s, naming the feature and its code (it used to crash or pass)', (_, geometry) => {
    let messages: ImportMessage[] = [];
    try {
      read(wijken(geometry), 'wijken_2024.geojson');
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      messages = error.messages;
    }
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      file: 'wijken_2024.geojson',
      row: 2,
      column: 'geometry',
      code: 'invalidGeometry',
    });
    expect(messages[0]!.text).toMatch(
      /^wijken_2024\.geojson row 2, column geometry: the boundary of WK999902 cannot be drawn: \S/,
    );
  });
});

describe('column names outside the mapping table', () => {
  it('become valid indicator ids', () => {
    expect(indicatorIdOf('a_nb_won')).toBe('a_nb_won');
    expect(indicatorIdOf('Aantal inwoners (%)')).toBe('aantal_inwoners');
    expect(indicatorIdOf('Ééndrachtig-2024')).toBe('eendrachtig_2024');
    expect(indicatorIdOf('2024_x')).toBe('c_2024_x');
    const text = KWB.replace('a_nb_won ', 'Nieuwbouw (won.)');
    const built = buildPackage([read(text)], { id: 'ids' });
    const ids = validateIndicators(built.files['indicators.csv']).map((i) => i.id);
    expect(ids).toContain('nieuwbouw_won');
  });
});

describe('the import:cbs command', () => {
  it('ends a hostile source with the message naming file, row and column, exit code 1 and no stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gk-cli-hostile-'));
    try {
      const source = join(dir, 'kwb-2024.csv');
      writeFileSync(source, withCell(3, 8, '-5'));
      const run = spawnSync(
        process.execPath,
        ['--import', 'tsx', join(ROOT, 'scripts', 'import-cbs.ts'), '--out', join(dir, 'out'), source],
        { cwd: ROOT, encoding: 'utf8' },
      );
      expect(run.status).toBe(1);
      expect(run.stderr).toContain("error: kwb-2024.csv row 3, column a_inw: '-5' is negative");
      expect(run.stderr).toContain('import:cbs: nothing was written');
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(join(dir, 'out'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
