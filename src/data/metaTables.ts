import type { Connector } from '../db/connector.ts';
import { appFile } from '../db/settings.ts';
import { sqlString } from '../queries/sql.ts';
import { toCsv } from './csvWrite.ts';
import { AIM_COLUMNS, type Aim, type Area, INDICATOR_COLUMNS, type Indicator, unitMultiplier } from './package.ts';

function varcharColumns(header: readonly string[]): string {
  return `{${header.map((c) => `${sqlString(c)}: 'VARCHAR'`).join(', ')}}`;
}

/**
 * `read_csv` of the file registered as `file`, with nothing auto-detected: what the file says is what we check, never
 * a guess.
 */
export function readCsv(file: string, header: readonly string[]): string {
  return `read_csv(${sqlString(appFile(file))}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
    columns = ${varcharColumns(header)})`;
}

/** Creates `table` from rows written as CSV and read back by `read_csv` (values never spliced into SQL). */
export async function createTableFromCsv(
  db: Connector,
  file: string,
  table: string,
  header: readonly string[],
  rows: (string | number | null)[][],
  select: string,
) {
  await createTableFromCsvText(db, file, table, header, toCsv(header, rows), select);
}

/** {@link createTableFromCsv} from the CSV already written (its first line the header), as text or UTF-8 bytes. */
export async function createTableFromCsvText(
  db: Connector,
  file: string,
  table: string,
  header: readonly string[],
  csv: string | Uint8Array,
  select: string,
) {
  await db.registerFile(file, csv);
  try {
    await db.query(`CREATE TABLE ${table} AS SELECT ${select} FROM ${readCsv(file, header)}`);
  } finally {
    await db.dropFile(file);
  }
}

/**
 * The indicators table: the file's columns (`rounding` and `denominator_rounding` NULL when exact) plus the unit's
 * multiplier and the order in the package. `ord` stays last: own data inserts every column but it, then its own ord.
 */
/** The columns of indicators.csv the table keeps: the long texts (definitions, source) stay in the package. */
const INDICATOR_FILE_COLUMNS_KEPT = INDICATOR_COLUMNS.filter(
  (c) => c !== 'definition_nl' && c !== 'definition_en' && c !== 'source',
);

export const INDICATOR_TABLE_COLUMNS: readonly string[] = [...INDICATOR_FILE_COLUMNS_KEPT, 'multiplier', 'ord'];

export const INDICATOR_TABLE_SELECT = `id, label_nl, label_en, theme, unit, direction, CAST(decimals AS INTEGER) AS decimals,
  CAST(min_count AS DOUBLE) AS min_count, CAST(rounding AS INTEGER) AS rounding,
  CAST(denominator_rounding AS INTEGER) AS denominator_rounding, CAST(count_threshold AS INTEGER) AS count_threshold,
  numerator_id, denominator_id, CAST(publish_rounding AS INTEGER) AS publish_rounding,
  CAST(multiplier AS DOUBLE) AS multiplier,
  CAST(ord AS INTEGER) AS ord`;

export function indicatorTableRows(indicators: readonly Indicator[]): (string | number | null)[][] {
  return indicators.map((i, n) => [...INDICATOR_FILE_COLUMNS_KEPT.map((c) => i[c] ?? null), unitMultiplier(i.unit), n]);
}

/**
 * The small tables of a package (areas, custom-area members, indicators, aims), written through CSV so that no
 * value from a file is ever spliced into SQL text.
 */
export async function createMetaTables(
  db: Connector,
  g: number,
  t: (name: 'areas' | 'members' | 'indicators' | 'aims') => string,
  { areas, indicators, aims }: { areas: Area[]; indicators: Indicator[]; aims: Aim[] },
): Promise<void> {
  await createTableFromCsv(
    db,
    `gk${g}_areas.csv`,
    t('areas'),
    ['code', 'name', 'level', 'parent', 'gemeente', 'ord'],
    areas.map((a, i) => [a.code, a.name, a.level, a.parent, a.gemeente, i]),
    'code, name, level, parent, gemeente, CAST(ord AS INTEGER) AS ord',
  );
  await createTableFromCsv(
    db,
    `gk${g}_members.csv`,
    t('members'),
    ['gebied', 'buurt'],
    areas.flatMap((a) => (a.members ?? []).map((m) => [a.code, m])),
    'gebied, buurt',
  );
  await createTableFromCsv(
    db,
    `gk${g}_indicators.csv`,
    t('indicators'),
    INDICATOR_TABLE_COLUMNS,
    indicatorTableRows(indicators),
    INDICATOR_TABLE_SELECT,
  );
  await createTableFromCsv(
    db,
    `gk${g}_aims.csv`,
    t('aims'),
    AIM_COLUMNS,
    aims.map((a) => [
      a.indicator_id,
      a.area_code,
      a.baseline_period,
      a.target_period,
      a.target_value,
      a.direction,
      a.label_nl,
      a.label_en,
    ]),
    `indicator_id, area_code, CAST(baseline_period AS INTEGER) AS baseline_period,
       CAST(target_period AS INTEGER) AS target_period, CAST(target_value AS DOUBLE) AS target_value,
       direction, label_nl, label_en`,
  );
}
