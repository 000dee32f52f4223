import type { Connector } from '../db/connector.ts';
import { sqlIdentifier } from '../queries/sql.ts';
import { OBSERVATION_STATUSES, type PackageIssue, type PackageIssueCode } from './package.ts';

/** How many rows each check reports at most; the first ones are what a user fixes first anyway. */
const LIMIT_PER_CHECK = 20;

interface Check {
  code: PackageIssueCode;
  column: string;
  /** A WHERE clause over the staging table (all columns VARCHAR, plus `rownum`). */
  where: string;
  /** A join the WHERE clause needs (aliased; the staging table is `s`). */
  join?: string;
  /** Extra SELECT expressions that become issue params (`name` → expression). */
  params?: Record<string, string>;
}

const FILE = 'observations.csv';

function numericChecks(column: string): Check[] {
  const c = sqlIdentifier(column);
  return [
    {
      code: 'notNumeric',
      column,
      where: `${c} IS NOT NULL AND (TRY_CAST(${c} AS DOUBLE) IS NULL OR NOT isfinite(TRY_CAST(${c} AS DOUBLE)))`,
      params: { value: `left(${c}, 60)`, hint: `CASE WHEN ${c} LIKE '%,%' THEN 'decimalComma' ELSE '' END` },
    },
    { code: 'negative', column, where: `TRY_CAST(${c} AS DOUBLE) < 0`, params: { value: `left(${c}, 60)` } },
    // No count, rate or amount of a municipality comes near 10^15; a value like 1e308 is a broken export, and would
    // be shown as a 300-digit number.
    {
      code: 'outOfRange',
      column,
      where: `abs(TRY_CAST(${c} AS DOUBLE)) > ${MAX_MAGNITUDE}`,
      params: { value: `left(${c}, 60)`, min: `'0'`, max: `'1000000000000000'` },
    },
  ];
}

/** The largest magnitude a figure may have (a quadrillion: far beyond any count or euro amount of a country). */
export const MAX_MAGNITUDE = 1e15;

/**
 * The checks on observation rows, run as SQL inside DuckDB so that they scale to millions of rows. `stage` holds
 * the file as read (VARCHAR columns, `rownum` = spreadsheet row), `areas` and `indicators` the validated tables.
 */
function observationChecks(stage: string, areas: string, indicators: string, periods: readonly number[]): Check[] {
  const rate = `(SELECT coalesce(multiplier, 1) FROM ${indicators} i WHERE i.id = s.indicator_id)`;
  const decimals = `(SELECT decimals FROM ${indicators} i WHERE i.id = s.indicator_id)`;
  const num = 'TRY_CAST(s.numerator AS DOUBLE)';
  const den = 'TRY_CAST(s.denominator AS DOUBLE)';
  const val = 'TRY_CAST(s.value AS DOUBLE)';
  return [
    ...['area_code', 'indicator_id', 'period'].map(
      (column): Check => ({ code: 'required', column, where: `${sqlIdentifier(column)} IS NULL` }),
    ),
    {
      code: 'notInteger',
      column: 'period',
      where: `period IS NOT NULL AND TRY_CAST(period AS INTEGER) IS NULL`,
      params: { value: 'left(period, 60)' },
    },
    {
      code: 'periodOutOfRange',
      column: 'period',
      where: `TRY_CAST(period AS INTEGER) NOT IN (${periods.join(', ')})`,
      params: { value: 'period', first: String(periods[0]), last: String(periods[periods.length - 1]) },
    },
    ...numericChecks('value'),
    ...numericChecks('numerator'),
    ...numericChecks('denominator'),
    {
      code: 'invalidEnum',
      column: 'status',
      where: `status IS NOT NULL AND status NOT IN (${OBSERVATION_STATUSES.map((v) => `'${v}'`).join(', ')})`,
      params: { value: 'left(status, 60)', allowed: `'${OBSERVATION_STATUSES.join(', ')}'` },
    },
    {
      code: 'unknownArea',
      column: 'area_code',
      where: `area_code IS NOT NULL AND area_code NOT IN (SELECT code FROM ${areas})`,
      params: { value: 'left(area_code, 60)' },
    },
    {
      code: 'unknownIndicator',
      column: 'indicator_id',
      where: `indicator_id IS NOT NULL AND indicator_id NOT IN (SELECT id FROM ${indicators})`,
      params: { value: 'left(indicator_id, 60)' },
    },
    {
      code: 'duplicateKey',
      column: 'area_code',
      // A GROUP BY finds the duplicated keys several times faster than a window over every row.
      join: `JOIN (SELECT area_code, indicator_id, period, min(rownum) AS first_row FROM ${stage}
        GROUP BY ALL HAVING count(*) > 1) d USING (area_code, indicator_id, period)`,
      where: 's.rownum > d.first_row',
      params: { value: `s.area_code || ' ' || s.indicator_id || ' ' || s.period`, firstRow: 'd.first_row' },
    },
    {
      code: 'numeratorAboveDenominator',
      column: 'numerator',
      where: `${num} > ${den}`,
      params: { numerator: 's.numerator', denominator: 's.denominator' },
    },
    {
      code: 'valueMismatch',
      column: 'value',
      // A published value may be rounded to the indicator's decimals; anything further off is a wrong column.
      where: `${den} > 0 AND ${val} IS NOT NULL AND ${num} IS NOT NULL
        AND abs(${val} - ${num} / ${den} * ${rate}) > 0.5 * pow(10, -${decimals}) + 1e-9`,
      params: { value: 's.value', expected: `round(${num} / ${den} * ${rate}, 4)::VARCHAR` },
    },
  ];
}

function checkSql(check: Check, stage: string): string {
  const params = Object.entries(check.params ?? {})
    .map(([name, expr]) => `, (${expr})::VARCHAR AS ${sqlIdentifier(`p_${name}`)}`)
    .join('');
  return `SELECT s.rownum${params} FROM ${stage} s ${check.join ?? ''} WHERE ${check.where}
    ORDER BY s.rownum LIMIT ${LIMIT_PER_CHECK}`;
}

/** Runs every observation check; returns the issues in row order. */
export async function checkObservations(
  db: Connector,
  tables: { stage: string; areas: string; indicators: string },
  periods: readonly number[],
): Promise<PackageIssue[]> {
  const issues: PackageIssue[] = [];
  // A file with only its header would replace the loaded package by an empty one without a word.
  const rows = (await db.query(`SELECT count(*) AS n FROM ${tables.stage}`)).toArray()[0] as { n: unknown };
  if (Number(rows.n) === 0) return [{ file: FILE, code: 'noObservations' }];
  for (const check of observationChecks(tables.stage, tables.areas, tables.indicators, periods)) {
    const result = await db.query(checkSql(check, tables.stage));
    for (const row of result.toArray() as Record<string, unknown>[]) {
      const params: Record<string, string | number> = {};
      for (const name of Object.keys(check.params ?? {})) {
        const v = row[`p_${name}`];
        if (v !== null && v !== undefined && v !== '') params[name] = String(v);
      }
      issues.push({ file: FILE, row: Number(row.rownum), column: check.column, code: check.code, params });
    }
  }
  return issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}

/**
 * Turns DuckDB's CSV reader error ("CSV Error on Line: 3 … Expected Number of Columns: 6 Found: 5") into an issue
 * that names the file and row, so a broken line reads like any other validation message.
 */
export function csvReaderIssue(file: string, error: unknown): PackageIssue {
  const text = String(error instanceof Error ? error.message : error);
  if (isOutOfMemory(error)) return outOfMemoryIssue(file);
  const line = /CSV Error on Line: (\d+)/.exec(text);
  const row = line ? Number(line[1]) : undefined;
  const fields = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(text);
  if (fields) return { file, row, code: 'wrongFieldCount', params: { expected: fields[1]!, found: fields[2]! } };
  if (/unterminated quote/i.test(text)) return { file, row, code: 'unterminatedQuote' };
  if (/invalid unicode|utf-?8/i.test(text)) return { file, row, code: 'notUtf8' };
  const detail = (/Error: ([^\n]*)/.exec(text)?.[1] ?? text.split('\n')[0] ?? '').slice(0, 200);
  return { file, row, code: 'csvError', params: { detail } };
}

/**
 * Whether an error is the database (or the browser) running out of memory: DuckDB's "Out of Memory Error: failed to
 * allocate …", or the WebAssembly heap failing to grow.
 */
export function isOutOfMemory(error: unknown): boolean {
  const text = String(error instanceof Error ? `${error.name}: ${error.message}` : error);
  return /out of memory|failed to allocate|allocation failed|cannot enlarge memory|Aborted\(OOM\)|memory access out of bounds/i.test(
    text,
  );
}

/** A file that did not fit in the database's memory, named instead of DuckDB's raw text. */
export function outOfMemoryIssue(file: string): PackageIssue {
  return { file, code: 'outOfMemory' };
}
