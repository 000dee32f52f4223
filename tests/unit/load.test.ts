import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPackage } from '../../src/data/load.ts';
import { PackageError, type PackageFiles, type PackageIssue } from '../../src/data/package.ts';
import { createNodeConnector } from '../../src/db/node.ts';
import { FIXTURES, readPackage } from '../fixtures/readPackage.ts';

let db: Awaited<ReturnType<typeof createNodeConnector>>;
const mini = readPackage(join(FIXTURES, 'mini'));

beforeAll(async () => {
  db = await createNodeConnector();
});
afterAll(() => db?.close());

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  return (await db.query(sql)).toArray().map((r) => r.toJSON());
}

async function issuesOf(files: Partial<PackageFiles>): Promise<PackageIssue[]> {
  try {
    await loadPackage(db, files);
  } catch (error) {
    if (error instanceof PackageError) return error.issues;
    throw error;
  }
  throw new Error('expected the package to be rejected');
}

function withObservations(extra: string): PackageFiles {
  return { ...mini, 'observations.csv': mini['observations.csv'] + extra };
}

describe('loadPackage', () => {
  it('loads a valid package into the views', async () => {
    const pkg = await loadPackage(db, mini);
    expect(pkg.meta.id).toBe('mini');
    expect(pkg.areas.map((a) => a.code)).toContain('GB999801');
    const counts = await rows(
      'SELECT (SELECT count(*) FROM areas)::INT AS areas, (SELECT count(*) FROM indicators)::INT AS indicators, (SELECT count(*) FROM aims)::INT AS aims',
    );
    expect(counts[0]).toEqual({ areas: 9, indicators: 4, aims: 2 });
  });

  it('aggregates a custom area (counts as sums), and suppresses it where it would give a secret buurt away', async () => {
    const r = await rows(
      "SELECT indicator_id, period::INT AS period, round(value, 9) AS value, numerator, denominator FROM observations WHERE area_code = 'GB999801' ORDER BY indicator_id, period",
    );
    // Zuidkant = West-Zuid + Oost-Zuid. Where Gehucht is secret (bijstand, jeugdhulp), West-Zuid is suppressed to
    // protect it, and so is Zuidkant: Zuidkant minus Oost-Zuid would give West-Zuid back. The ratio of sums is
    // tested in complementarySuppression.test.ts.
    expect(r).toEqual([
      { indicator_id: 'bijstand_aantal', period: 2023, value: null, numerator: null, denominator: null },
      { indicator_id: 'bijstand_aantal', period: 2024, value: null, numerator: null, denominator: null },
      { indicator_id: 'inwoners', period: 2023, value: 2300, numerator: null, denominator: null },
      { indicator_id: 'inwoners', period: 2024, value: 2330, numerator: null, denominator: null },
      { indicator_id: 'jeugdhulp_pct', period: 2023, value: null, numerator: null, denominator: null },
      { indicator_id: 'jeugdhulp_pct', period: 2024, value: null, numerator: null, denominator: null },
    ]);
    // An average without a denominator (gem_inkomen) is not guessed for an aggregate.
  });

  it('suppresses values based on fewer than min_count people, keeping the row flagged', async () => {
    const r = await rows(
      "SELECT indicator_id, period::INT AS period, value, numerator, denominator, suppressed FROM observations WHERE area_code = 'BU99980102' ORDER BY indicator_id, period",
    );
    expect(r).toEqual([
      {
        indicator_id: 'bijstand_aantal',
        period: 2023,
        value: null,
        numerator: null,
        denominator: null,
        suppressed: true,
      },
      {
        indicator_id: 'bijstand_aantal',
        period: 2024,
        value: null,
        numerator: null,
        denominator: null,
        suppressed: true,
      },
      { indicator_id: 'gem_inkomen', period: 2023, value: null, numerator: null, denominator: null, suppressed: true },
      { indicator_id: 'inwoners', period: 2023, value: 45, numerator: null, denominator: null, suppressed: false },
      { indicator_id: 'inwoners', period: 2024, value: 44, numerator: null, denominator: null, suppressed: false },
      {
        indicator_id: 'jeugdhulp_pct',
        period: 2023,
        value: null,
        numerator: null,
        denominator: null,
        suppressed: true,
      },
      {
        indicator_id: 'jeugdhulp_pct',
        period: 2024,
        value: null,
        numerator: null,
        denominator: null,
        suppressed: true,
      },
    ]);
  });

  it('stores observations sorted by indicator, period and area', async () => {
    const r = await rows('SELECT indicator_id, period::INT AS p, area_code FROM observations');
    const keys = r.map((x) => `${x.indicator_id}|${x.p}|${x.area_code}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('reports a missing file by name', async () => {
    const { 'aims.csv': _, ...rest } = mini;
    expect(await issuesOf(rest)).toEqual([{ file: 'aims.csv', code: 'missingFile' }]);
  });

  it('names file, row and column for broken observation rows', async () => {
    const issues = await issuesOf(
      withObservations(
        `${[
          'BU99980101,jeugdhulp_pct,2025,10,10,100', // row 63: period not in dataset
          'BU99980101,inwoners,2024,8x0,,', // row 64: duplicate key and not numeric
          'WK000000,inwoners,2024,1,,', // row 65: unknown area
          'BU99980101,wmo,2024,1,,', // row 66: unknown indicator
          'BU99980202,jeugdhulp_pct,2023,120,200,160', // row 67: duplicate key, numerator above denominator
          'BU99980201,gem_inkomen,2022,"12,5",,', // row 68: decimal comma, period out of range
        ].join('\n')}\n`,
      ),
    );
    const brief = issues.map((i) => [i.row, i.column, i.code]);
    expect(brief).toEqual(
      expect.arrayContaining([
        [63, 'period', 'periodOutOfRange'],
        [64, 'value', 'notNumeric'],
        [64, 'area_code', 'duplicateKey'],
        [65, 'area_code', 'unknownArea'],
        [66, 'indicator_id', 'unknownIndicator'],
        [67, 'area_code', 'duplicateKey'],
        [67, 'numerator', 'numeratorAboveDenominator'],
        [68, 'value', 'notNumeric'],
        [68, 'period', 'periodOutOfRange'],
      ]),
    );
    expect(issues.every((i) => i.file === 'observations.csv')).toBe(true);
    expect(issues.find((i) => i.row === 68 && i.code === 'notNumeric')?.params).toEqual({
      value: '12,5',
      hint: 'decimalComma',
    });
    expect(issues.find((i) => i.row === 67 && i.code === 'duplicateKey')?.params?.firstRow).toBe('50');
  });

  it('rejects a value that does not match its numerator and denominator', async () => {
    const files = {
      ...mini,
      'observations.csv': mini['observations.csv'].replace(
        'BU99980101,jeugdhulp_pct,2024,10,10,100',
        'BU99980101,jeugdhulp_pct,2024,1,10,100',
      ),
    };
    const issues = await issuesOf(files);
    expect(issues).toEqual([
      {
        file: 'observations.csv',
        row: 55,
        column: 'value',
        code: 'valueMismatch',
        params: { value: '1', expected: '10.0' },
      },
    ]);
  });

  it('reports a misspelt observation column with the file name', async () => {
    const files = { ...mini, 'observations.csv': mini['observations.csv'].replace('indicator_id', 'indicatorid') };
    const issues = await issuesOf(files);
    expect(issues.map((i) => [i.file, i.column, i.code])).toEqual(
      expect.arrayContaining([['observations.csv', 'indicator_id', 'missingColumn']]),
    );
  });

  it('turns a CSV reader error into an issue with its row', async () => {
    const issues = await issuesOf(withObservations('BU99980101,inwoners,2024\n'));
    expect(issues).toEqual([
      { file: 'observations.csv', row: 63, code: 'wrongFieldCount', params: { expected: '6', found: '3' } },
    ]);
  });

  it('refuses a value far beyond any count or amount (1e308), naming row and column', async () => {
    const issues = await issuesOf(withObservations('GB999801,inwoners,2023,1e308,,\n'));
    expect(issues).toEqual([
      {
        file: 'observations.csv',
        row: 63,
        column: 'value',
        code: 'outOfRange',
        params: { value: '1e308', min: '0', max: '1000000000000000' },
      },
    ]);
  });

  it('refuses an observations file with only its header instead of loading an empty package', async () => {
    const header = mini['observations.csv'].split('\n')[0]!;
    expect(await issuesOf({ ...mini, 'observations.csv': `${header}\n` })).toEqual([
      { file: 'observations.csv', code: 'noObservations' },
    ]);
  });

  it('keeps the previous package loaded when a new one fails', async () => {
    await loadPackage(db, mini);
    await issuesOf(withObservations('XX,inwoners,2024,1,,\n'));
    const r = await rows(
      "SELECT value FROM observations WHERE area_code = 'GM9998' AND indicator_id = 'inwoners' AND period = 2024",
    );
    expect(r).toEqual([{ value: 3564 }]);
    const tables = await rows(
      "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' ORDER BY 1",
    );
    // Only one generation of tables exists: the failed load left nothing behind.
    expect(new Set(tables.map((t) => String(t.table_name).split('_')[0])).size).toBe(1);
  });

  it('loads how the source rounds its counts into the indicators table: a unit, or NULL for exact', async () => {
    // The mini package as a CBS-style package would declare it: bijstand to tens, jeugdhulp and inhabitants to fives.
    const rounding: Record<string, string> = { jeugdhulp_pct: '5,5', inwoners: '5,', bijstand_aantal: '10,' };
    const [header, ...lines] = mini['indicators.csv'].trimEnd().split('\n');
    const indicators = [
      `${header},rounding,denominator_rounding`,
      ...lines.map((line) => `${line},${rounding[line.split(',')[0]!] ?? ','}`),
      '',
    ].join('\n');
    const pkg = await loadPackage(db, { ...mini, 'indicators.csv': indicators });
    expect(pkg.indicators.map((i) => [i.id, i.rounding, i.denominator_rounding])).toEqual([
      ['jeugdhulp_pct', 5, 5],
      ['inwoners', 5, null],
      ['bijstand_aantal', 10, null],
      ['gem_inkomen', null, null],
    ]);
    expect(await rows('SELECT id, rounding, denominator_rounding FROM indicators ORDER BY ord')).toEqual([
      { id: 'jeugdhulp_pct', rounding: 5, denominator_rounding: 5 },
      { id: 'inwoners', rounding: 5, denominator_rounding: null },
      { id: 'bijstand_aantal', rounding: 10, denominator_rounding: null },
      { id: 'gem_inkomen', rounding: null, denominator_rounding: null },
    ]);
    // A package without the columns loads as before, every count exact.
    await loadPackage(db, mini);
    expect(await rows('SELECT count(*)::INT AS n FROM indicators WHERE rounding IS NOT NULL')).toEqual([{ n: 0 }]);
    expect(await rows('SELECT count(*)::INT AS n FROM indicators WHERE denominator_rounding IS NULL')).toEqual([
      { n: 4 },
    ]);
  });

  it('refuses a package with a bad rounding, naming file, row and column, and keeps the loaded one', async () => {
    await loadPackage(db, mini);
    const [header, first, second, ...rest] = mini['indicators.csv'].trimEnd().split('\n');
    const indicators = [
      `${header},rounding,denominator_rounding`,
      `${first},0,-5`,
      `${second},2.5,tien`,
      ...rest.map((line) => `${line},,`),
      '',
    ].join('\n');
    expect(await issuesOf({ ...mini, 'indicators.csv': indicators })).toEqual([
      { file: 'indicators.csv', row: 2, column: 'rounding', code: 'invalidRounding', params: { value: '0' } },
      {
        file: 'indicators.csv',
        row: 2,
        column: 'denominator_rounding',
        code: 'invalidRounding',
        params: { value: '-5' },
      },
      { file: 'indicators.csv', row: 3, column: 'rounding', code: 'invalidRounding', params: { value: '2.5' } },
      {
        file: 'indicators.csv',
        row: 3,
        column: 'denominator_rounding',
        code: 'invalidRounding',
        params: { value: 'tien' },
      },
    ]);
    expect(await rows('SELECT count(*)::INT AS n FROM indicators')).toEqual([{ n: 4 }]);
  });

  it('does not let hostile strings reach SQL', async () => {
    const files = withObservations('BU99980101\',inwoners,2024,1,,\n"x\'); DROP TABLE areas; --",inwoners,2024,1,,\n');
    const issues = await issuesOf(files);
    expect(issues.filter((i) => i.code === 'unknownArea').map((i) => i.params?.value)).toEqual([
      "BU99980101'",
      "x'); DROP TABLE areas; --",
    ]);
    expect((await rows('SELECT count(*)::INT AS n FROM areas'))[0]).toEqual({ n: 9 });
  });
});

describe('observations.csv status column (why a value is missing)', () => {
  /** mini with a `status` column: `statuses` maps "area|indicator|period" to the cell written there. */
  function withStatus(statuses: Record<string, string>): PackageFiles {
    const [header, ...lines] = mini['observations.csv'].trimEnd().split('\n');
    const body = lines.map((line) => {
      const [area, indicator, period] = line.split(',');
      return `${line},${statuses[`${area}|${indicator}|${period}`] ?? ''}`;
    });
    return { ...mini, 'observations.csv': `${header},status\n${body.join('\n')}\n` };
  }

  it('publishes the source reason for an empty value, not_published by default, and secret for what disclosure hides', async () => {
    await loadPackage(
      db,
      withStatus({ 'BU99980102|gem_inkomen|2023': 'no_inhabitants', 'GM9998|inwoners|2024': 'secret' }),
    );
    const r = await rows(
      `SELECT area_code, indicator_id, period::INT AS period, value, suppressed, status FROM observations
       WHERE (area_code = 'BU99980102' AND indicator_id IN ('gem_inkomen', 'bijstand_aantal') AND period = 2023)
          OR (area_code = 'GM9998' AND indicator_id = 'inwoners' AND period = 2024)
       ORDER BY area_code, indicator_id`,
    );
    expect(r).toEqual([
      // Hidden by the disclosure rules (5 people): secret, whatever the file says.
      {
        area_code: 'BU99980102',
        indicator_id: 'bijstand_aantal',
        period: 2023,
        value: null,
        suppressed: true,
        status: 'secret',
      },
      {
        area_code: 'BU99980102',
        indicator_id: 'gem_inkomen',
        period: 2023,
        value: null,
        suppressed: true,
        status: 'no_inhabitants',
      },
      // A status beside a value is no reason for anything: the value is shown.
      {
        area_code: 'GM9998',
        indicator_id: 'inwoners',
        period: 2024,
        value: expect.any(Number),
        suppressed: false,
        status: null,
      },
    ]);
    // Without a status column an empty value is not_published.
    await loadPackage(db, mini);
    const plain = await rows(
      "SELECT status FROM observations WHERE area_code = 'BU99980102' AND indicator_id = 'gem_inkomen' AND period = 2023",
    );
    expect(plain).toEqual([{ status: 'not_published' }]);
  });

  it('refuses a status that is not one of the allowed values, naming file, row and column', async () => {
    const issues = await issuesOf(withStatus({ 'BU99980102|gem_inkomen|2023': 'geheim' }));
    const row = mini['observations.csv'].trimEnd().split('\n').indexOf('BU99980102,gem_inkomen,2023,,,') + 1;
    expect(issues).toEqual([
      {
        file: 'observations.csv',
        row,
        column: 'status',
        code: 'invalidEnum',
        params: { value: 'geheim', allowed: 'secret, not_published, no_inhabitants, not_yet_available' },
      },
    ]);
  });
});
