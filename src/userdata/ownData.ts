/**
 * A user's own data (registry figures, survey results) added to the loaded package, in the browser only.
 *
 * `validateOwnData` checks the parsed files against the package: every issue names file, row and column, and the
 * files are accepted whole or not at all. `loadOwnData` then adds the indicators and observations to the CURRENT
 * package's tables (behind the views `indicators` and `observations`), through the same `publishObservations` as
 * a package — so custom areas add up as a ratio of sums and small counts are kept secret — in one
 * transaction, so that no view ever sees half of it. `removeOwnData` takes it out again.
 *
 * Without an indicators file, an own indicator gets these defaults (the panel says so, and how to give metadata):
 * - label: the wide table's column title, or the id;
 * - theme `bevolking` ("bevolking/context": the neutral theme, it claims no social-domain aim);
 * - direction `neutral` (no colour says better or worse);
 * - unit `score`, except: when rows give value, numerator and denominator, the unit whose multiplier makes
 *   value = numerator / denominator × multiplier (percent, per_1000, per_10000, score); when they give only
 *   numerator and denominator, `percent`;
 * - decimals: as many as the values have (0–2);
 * - min_count 10 and the default count threshold (counts 1–4 secret), as for a package: own registry counts are
 *   counts of people too, and never published unprotected by default (an indicators file may set min_count and
 *   count_threshold, 0 turning a rule off).
 */

import { toCsv } from '../data/csvWrite.ts';
import { cellValue, MAX_ISSUES, parseIntegerCell, parseNumberCell } from '../data/issues.ts';
import {
  createTableFromCsv,
  createTableFromCsvText,
  INDICATOR_TABLE_COLUMNS,
  INDICATOR_TABLE_SELECT,
  indicatorTableRows,
} from '../data/metaTables.ts';
import { MAX_MAGNITUDE } from '../data/observationChecks.ts';
import { type Indicator, type Observation, PackageError, type Unit, unitMultiplier } from '../data/package.ts';
import { publishObservations } from '../data/publish.ts';
import { MAX_YEAR, MIN_YEAR, validateIndicators } from '../data/validate.ts';
import type { Connector } from '../db/connector.ts';
import { sqlIdentifier, sqlStringList } from '../queries/sql.ts';
import {
  isIndicatorId,
  type LongTable,
  OwnDataError,
  type OwnDataIssue,
  type OwnLayout,
  type OwnTable,
  parseOwnFile,
  toLongTable,
} from './ownDataParse.ts';

export {
  isOwnIssueCode,
  OWN_ISSUE_CODES,
  OwnDataError,
  type OwnDataIssue,
  type OwnIssueCode,
  type OwnTable,
  parseOwnData,
  wideToLong,
} from './ownDataParse.ts';

/** What own data is checked against: the loaded package (its own indicators, not earlier own data). */
export interface OwnPackage {
  areas: readonly { code: string }[];
  indicators: readonly { id: string }[];
  periods: readonly number[];
}

/** The {@link OwnPackage} of a loaded package (`LoadedPackage` from load.ts). */
export function ownPackageOf(pkg: {
  areas: readonly { code: string }[];
  indicators: readonly { id: string }[];
  meta: { periods: readonly number[] };
}): OwnPackage {
  return { areas: pkg.areas, indicators: pkg.indicators, periods: pkg.meta.periods };
}

export interface OwnFileSummary {
  name: string;
  layout: OwnLayout;
  /** The indicators the file adds (data) or describes (an indicators file). */
  indicators: string[];
}

export interface OwnData {
  indicators: Indicator[];
  observations: Observation[];
  files: OwnFileSummary[];
  /** Years of own observations the package does not have: they show in trends, not in the year choice. */
  extraPeriods: number[];
}

/** The defaults of an indicator without metadata (see the module comment). */
export const OWN_DEFAULTS = { theme: 'bevolking', unit: 'score', direction: 'neutral', min_count: 10 } as const;

export const EMPTY_OWN_DATA: OwnData = { indicators: [], observations: [], files: [], extraPeriods: [] };

/** Collects the issues of one file, capped like a package's. */
class Issues {
  readonly list: OwnDataIssue[] = [];
  #dropped = 0;
  constructor(readonly file: string) {}
  add(issue: Omit<OwnDataIssue, 'file'>): void {
    if (this.list.length < MAX_ISSUES) this.list.push({ file: this.file, ...issue });
    else this.#dropped++;
  }
  result(): OwnDataIssue[] {
    return this.#dropped === 0
      ? this.list
      : [...this.list, { file: this.file, code: 'tooManyIssues', params: { shown: MAX_ISSUES, more: this.#dropped } }];
  }
}

type NumberCell = { ok: true; value: number | null } | { ok: false; params: Record<string, string | number> };

/** A number as a spreadsheet writes it: `12.5`, `12,5`, `1.234,5`, `-3`, `1E3`; empty is null. */
export function parseOwnNumber(raw: string): NumberCell {
  const text = raw.replace(/^[\s\u00a0]+|[\s\u00a0]+$/g, '');
  if (text === '') return { ok: true, value: null };
  const parsed = parseNumberCell(text);
  if (parsed.ok) return { ok: true, value: parsed.value };
  if (parsed.params.hint === 'decimalComma' && typeof parsed.params.suggestion === 'string') {
    return { ok: true, value: Number(parsed.params.suggestion) };
  }
  return { ok: false, params: { value: cellValue(text) } };
}

/** Fewest decimals (0–2) that write `value` without loss (float noise ignored); 2 when it needs more. */
function decimalsOf(value: number): number {
  for (let d = 0; d < 2; d++) {
    const rounded = Number(value.toFixed(d));
    if (Math.abs(value - rounded) <= 1e-9 * Math.max(1, Math.abs(value))) return d;
  }
  return 2;
}

const RATE_UNITS: readonly [Unit, number][] = [
  ['score', 1],
  ['percent', 100],
  ['per_1000', 1000],
  ['per_10000', 10000],
];

function tolerance(decimals: number): number {
  return 0.5 * 10 ** -decimals + 1e-9;
}

interface Located {
  obs: Observation;
  file: string;
  row: number;
  valueColumn: string;
  numeratorColumn: string;
}

/** Indicators from an indicators file, keyed by id; issues renamed to the file and its rows. */
function readMetadata(table: OwnTable, issues: OwnDataIssue[]): { indicator: Indicator; row: number }[] {
  const text = toCsv(
    table.header.map((h) => h.toLowerCase()),
    table.rows,
  );
  const rowOf = (row: number | undefined) =>
    row === undefined ? undefined : row <= 1 ? table.headerRow : (table.rowNumbers[row - 2] ?? row);
  try {
    return validateIndicators(text).map((indicator, k) => ({ indicator, row: table.rowNumbers[k]! }));
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
    for (const issue of error.issues) {
      const row = rowOf(issue.row);
      issues.push({ ...issue, file: table.file, ...(row !== undefined && { row }) });
    }
    return [];
  }
}

/**
 * Checks own data against the package and turns it into indicators and observations; throws an
 * {@link OwnDataError} listing every issue (at most 50 per file) when anything is wrong.
 */
export function validateOwnData(tables: OwnTable | readonly OwnTable[], pkg: OwnPackage): OwnData {
  const list: readonly OwnTable[] = Array.isArray(tables) ? tables : [tables as OwnTable];
  const all: OwnDataIssue[] = [];
  const files: OwnFileSummary[] = [];

  // Metadata first: an indicators file describes indicators of the data files beside it.
  const metadata = new Map<string, { indicator: Indicator; file: string; row: number }>();
  for (const table of list.filter((t) => t.layout === 'indicators')) {
    const found = readMetadata(table, all);
    for (const { indicator, row } of found) {
      const first = metadata.get(indicator.id);
      if (first) {
        all.push({
          file: table.file,
          row,
          column: 'id',
          code: 'duplicateKey',
          params: { value: indicator.id, firstRow: `${first.row} (${first.file})` },
        });
      } else metadata.set(indicator.id, { indicator, file: table.file, row });
    }
    files.push({ name: table.file, layout: 'indicators', indicators: found.map((f) => f.indicator.id) });
  }

  const areas = new Set(pkg.areas.map((a) => a.code));
  const packageIds = new Set(pkg.indicators.map((i) => i.id));
  const fileOfIndicator = new Map<string, string>();
  const labels = new Map<string, string>();
  const located: Located[] = [];

  for (const table of list.filter((t) => t.layout !== 'indicators')) {
    let long: LongTable;
    try {
      long = toLongTable(table);
    } catch (error) {
      if (!(error instanceof OwnDataError)) throw error;
      all.push(...error.issues);
      continue;
    }
    const issues = new Issues(table.file);
    if (long.rows.length === 0) issues.add({ code: 'noRows' });
    for (const [id, label] of long.labels) labels.set(id, label);
    const ids: string[] = [];
    const reported = new Set<string>();
    const firstRow = new Map<string, number>();
    const duplicateRows = new Set<number>();
    const column = (field: 'area_code' | 'indicator_id' | 'period' | 'numerator' | 'denominator') =>
      long.columns[field] || field;

    for (const r of long.rows) {
      let ok = true;
      const bad = (issue: Omit<OwnDataIssue, 'file'>) => {
        issues.add(issue);
        ok = false;
      };
      if (r.area_code === '') bad({ row: r.row, column: column('area_code'), code: 'required' });
      else if (!areas.has(r.area_code)) {
        bad({
          row: r.row,
          column: column('area_code'),
          code: 'areaNotInPackage',
          params: { value: cellValue(r.area_code) },
        });
      }

      const id = r.indicator_id;
      // In a wide table the id comes from the column title: issues about it point at the header.
      const idAt = long.indicatorColumns.has(id)
        ? { row: table.headerRow, column: long.indicatorColumns.get(id)! }
        : { row: r.row, column: column('indicator_id') };
      if (id === '') bad({ row: r.row, column: column('indicator_id'), code: 'required' });
      else if (!isIndicatorId(id)) bad({ ...idAt, code: 'invalidId', params: { value: cellValue(id) } });
      else if (packageIds.has(id)) {
        if (!reported.has(id)) issues.add({ ...idAt, code: 'alreadyInPackage', params: { value: id } });
        reported.add(id);
        ok = false;
      } else {
        const other = fileOfIndicator.get(id);
        if (other !== undefined && other !== table.file) {
          if (!reported.has(id)) issues.add({ ...idAt, code: 'indicatorInTwoFiles', params: { value: id, other } });
          reported.add(id);
          ok = false;
        } else if (other === undefined) {
          fileOfIndicator.set(id, table.file);
          ids.push(id);
        }
      }

      let period: number | null = null;
      if (r.period === '') bad({ row: r.row, column: column('period'), code: 'required' });
      else {
        const parsed = parseIntegerCell(r.period);
        if (!parsed.ok) bad({ row: r.row, column: column('period'), code: 'notInteger', params: parsed.params });
        else if (parsed.value < MIN_YEAR || parsed.value > MAX_YEAR) {
          bad({
            row: r.row,
            column: column('period'),
            code: 'periodOutOfRange',
            params: { value: parsed.value, first: MIN_YEAR, last: MAX_YEAR },
          });
        } else period = parsed.value;
      }

      const number = (raw: string, col: string, nonNegative: boolean): number | null => {
        const parsed = parseOwnNumber(raw);
        if (!parsed.ok) {
          bad({ row: r.row, column: col, code: 'notNumeric', params: parsed.params });
          return null;
        }
        if (nonNegative && parsed.value !== null && parsed.value < 0) {
          bad({ row: r.row, column: col, code: 'negative', params: { value: cellValue(raw) } });
        }
        // The package's rule for every input: a figure beyond 10^15 (1e308) is a broken export, not a number to show.
        if (parsed.value !== null && Math.abs(parsed.value) > MAX_MAGNITUDE) {
          const params = { value: cellValue(raw), min: '0', max: String(MAX_MAGNITUDE) };
          bad({ row: r.row, column: col, code: 'outOfRange', params });
          return null;
        }
        return parsed.value;
      };
      const value = number(r.value, r.valueColumn, false);
      const numerator = number(r.numerator, column('numerator'), true);
      const denominator = number(r.denominator, column('denominator'), true);

      if (r.area_code !== '' && id !== '' && period !== null) {
        const key = `${r.area_code}\u0000${id}\u0000${period}`;
        const first = firstRow.get(key);
        if (first !== undefined) {
          ok = false;
          // A wide row repeats its area and year for every indicator column: one issue per row is enough.
          if (!duplicateRows.has(r.row)) {
            issues.add({
              row: r.row,
              column: column('area_code'),
              code: 'duplicateKey',
              params: { value: `${r.area_code} ${id} ${period}`, firstRow: first },
            });
          }
          duplicateRows.add(r.row);
        } else firstRow.set(key, r.row);
      }
      if (ok && period !== null) {
        located.push({
          obs: { area_code: r.area_code, indicator_id: id, period, value, numerator, denominator },
          file: table.file,
          row: r.row,
          valueColumn: r.valueColumn,
          numeratorColumn: column('numerator'),
        });
      }
    }
    all.push(...issues.result());
    files.push({ name: table.file, layout: table.layout, indicators: ids });
  }

  // The indicators: metadata where given, else defaults (the unit read from the rows, see the module comment).
  const byIndicator = new Map<string, Located[]>();
  for (const l of located) {
    const rows = byIndicator.get(l.obs.indicator_id);
    if (rows) rows.push(l);
    else byIndicator.set(l.obs.indicator_id, [l]);
  }
  const indicators: Indicator[] = [];
  for (const id of fileOfIndicator.keys()) {
    const given = metadata.get(id)?.indicator;
    const rows = byIndicator.get(id) ?? [];
    const indicator = given ?? defaultIndicator(id, labels.get(id) ?? id, fileOfIndicator.get(id)!, rows);
    indicators.push(indicator);
    const multiplier = unitMultiplier(indicator.unit) ?? 1;
    for (const l of rows) {
      const { value, numerator, denominator } = l.obs;
      if (
        unitMultiplier(indicator.unit) !== null &&
        numerator !== null &&
        denominator !== null &&
        numerator > denominator
      ) {
        all.push({
          file: l.file,
          row: l.row,
          column: l.numeratorColumn,
          code: 'numeratorAboveDenominator',
          params: { numerator, denominator },
        });
      } else if (value !== null && numerator !== null && denominator !== null && denominator > 0) {
        const expected = (numerator / denominator) * multiplier;
        if (Math.abs(value - expected) > tolerance(indicator.decimals)) {
          all.push({
            file: l.file,
            row: l.row,
            column: l.valueColumn,
            code: 'valueMismatch',
            params: { value, expected: String(Math.round(expected * 1e4) / 1e4) },
          });
        }
      }
    }
  }

  if (all.length > 0) throw new OwnDataError(all);
  const periods = new Set(pkg.periods);
  const extraPeriods = [...new Set(located.map((l) => l.obs.period).filter((p) => !periods.has(p)))].sort(
    (a, b) => a - b,
  );
  return { indicators, observations: located.map((l) => l.obs), files, extraPeriods };
}

function defaultIndicator(id: string, label: string, file: string, rows: readonly Located[]): Indicator {
  const values = rows.map((r) => r.obs.value).filter((v): v is number => v !== null);
  const decimals = values.reduce((d, v) => Math.max(d, decimalsOf(v)), 0);
  const rates = rows.filter((r) => r.obs.numerator !== null && r.obs.denominator !== null && r.obs.denominator > 0);
  let unit: Unit = OWN_DEFAULTS.unit;
  if (rates.length > 0) {
    const withValue = rates.filter((r) => r.obs.value !== null);
    if (withValue.length === 0) unit = 'percent';
    else {
      const fits = RATE_UNITS.find(([, m]) =>
        withValue.every(
          (r) => Math.abs(r.obs.value! - (r.obs.numerator! / r.obs.denominator!) * m) <= tolerance(decimals),
        ),
      );
      if (fits) unit = fits[0];
    }
  }
  return {
    id,
    label_nl: label,
    label_en: label,
    theme: OWN_DEFAULTS.theme,
    unit,
    direction: OWN_DEFAULTS.direction,
    decimals: unit === 'percent' && values.length === 0 ? 1 : decimals,
    definition_nl: '',
    definition_en: '',
    source: file,
    min_count: OWN_DEFAULTS.min_count,
    // Own figures are taken as exact unless an indicators file says how they are rounded.
    rounding: null,
    denominator_rounding: null,
  };
}

/** The current package's tables (quoted identifiers), the ones behind the views. */
export interface GenerationTables {
  indicators: string;
  observations: string;
  members: string;
  areas: string;
}

/**
 * The tables of the package loaded last, read from the definition of the view `observations`
 * (`CREATE VIEW observations AS SELECT * FROM gk3_observations`).
 */
export async function currentTables(db: Connector): Promise<GenerationTables> {
  const result = await db.query(
    "SELECT sql FROM duckdb_views() WHERE view_name = 'observations' AND schema_name = 'main' AND NOT internal",
  );
  const sql = String((result.toArray()[0] as { sql?: unknown } | undefined)?.sql ?? '');
  const prefix = /\b(gk\d+)_observations\b/.exec(sql)?.[1];
  if (!prefix) throw new Error('no package is loaded: the view observations does not point at a package table');
  return {
    indicators: sqlIdentifier(`${prefix}_indicators`),
    observations: sqlIdentifier(`${prefix}_observations`),
    members: sqlIdentifier(`${prefix}_members`),
    areas: sqlIdentifier(`${prefix}_areas`),
  };
}

const OBSERVATION_TABLE_COLUMNS = [
  'area_code',
  'indicator_id',
  'period',
  'value',
  'numerator',
  'denominator',
  'suppressed',
  'status',
] as const;

let staged = 0;

/** A staging table named `name`, from rows through CSV (see createTableFromCsv). */
function stageCsv(
  db: Connector,
  name: string,
  header: readonly string[],
  rows: (string | number | null)[][],
  select: string,
) {
  return createTableFromCsv(db, `${name}.csv`, sqlIdentifier(name), header, rows, select);
}

export interface LoadOwnOptions {
  /** Indicator ids of earlier own data to take out in the same transaction (when the set of own files changes). */
  replace?: readonly string[];
  /** The tables to add to; found from the views when left out. */
  tables?: GenerationTables;
}

/**
 * Adds validated own data to the current package: its indicators to the indicators table, its observations (with
 * custom areas and suppression, as a package's) to the observations table. All or nothing: everything is computed
 * in staging tables first, then inserted in one transaction. Throws an OwnDataError (`alreadyInPackage`) when an id
 * is in the package by now.
 */
export function loadOwnData(db: Connector, data: OwnData, options: LoadOwnOptions = {}): Promise<void> {
  return loadPreparedOwnData(db, { ...data, observations: observationsCsv(data.observations) }, options);
}

/** The observation columns own data is staged with, as CSV from {@link observationsCsv}. */
const STAGE_COLUMNS = ['area_code', 'indicator_id', 'period', 'value', 'numerator', 'denominator'];

/** Own observations as the CSV they are staged from (written where they were checked: in the parsing worker). */
export function observationsCsv(observations: readonly Observation[]): string {
  return toCsv(
    STAGE_COLUMNS,
    observations.map((o) => [o.area_code, o.indicator_id, o.period, o.value, o.numerator, o.denominator]),
  );
}

/** Own data checked and ready to load, its observations as staging CSV (text or UTF-8 bytes): see loadOwnData. */
export interface PreparedOwnData extends Omit<OwnData, 'observations'> {
  observations: string | Uint8Array;
}

/** {@link loadOwnData} for data prepared elsewhere (the parsing worker): its observations already CSV. */
export async function loadPreparedOwnData(
  db: Connector,
  data: PreparedOwnData,
  options: LoadOwnOptions = {},
): Promise<void> {
  const replace = options.replace ?? [];
  const tables = options.tables ?? (await currentTables(db));
  const ids = data.indicators.map((i) => i.id);
  if (ids.length === 0 && replace.length === 0) return;

  if (ids.length > 0) {
    const clash = await db.query(
      `SELECT id FROM ${tables.indicators} WHERE id IN ${sqlStringList(ids)}${
        replace.length > 0 ? ` AND id NOT IN ${sqlStringList(replace)}` : ''
      }`,
    );
    const taken = (clash.toArray() as { id: string }[]).map((r) => String(r.id));
    if (taken.length > 0) {
      throw new OwnDataError(
        taken.map((id) => ({
          file: data.files.find((f) => f.layout !== 'indicators' && f.indicators.includes(id))?.name ?? '',
          code: 'alreadyInPackage',
          params: { value: id },
        })),
      );
    }
  }

  const n = ++staged;
  const names = { obs: `gk_own${n}_stage`, ind: `gk_own${n}_indicators`, pub: `gk_own${n}_public` };
  const t = (k: keyof typeof names) => sqlIdentifier(names[k]);
  try {
    if (ids.length > 0) {
      await stageCsv(
        db,
        names.ind,
        INDICATOR_TABLE_COLUMNS,
        indicatorTableRows(data.indicators),
        INDICATOR_TABLE_SELECT,
      );
      await createTableFromCsvText(
        db,
        `${names.obs}.csv`,
        t('obs'),
        STAGE_COLUMNS,
        data.observations,
        STAGE_COLUMNS.map((c) => `nullif(trim(${sqlIdentifier(c)}), '') AS ${sqlIdentifier(c)}`).join(', '),
      );
      await publishObservations(
        db,
        { source: t('obs'), indicators: t('ind'), members: tables.members, areas: tables.areas },
        t('pub'),
      );
    }

    const statements = ['BEGIN TRANSACTION'];
    if (replace.length > 0) {
      statements.push(`DELETE FROM ${tables.observations} WHERE indicator_id IN ${sqlStringList(replace)}`);
      statements.push(`DELETE FROM ${tables.indicators} WHERE id IN ${sqlStringList(replace)}`);
    }
    if (ids.length > 0) {
      const indColumns = INDICATOR_TABLE_COLUMNS.map((c) => sqlIdentifier(c));
      statements.push(
        `INSERT INTO ${tables.indicators} (${indColumns.join(', ')})
          SELECT ${indColumns.slice(0, -1).join(', ')},
            (SELECT coalesce(max(ord), -1) FROM ${tables.indicators}) + 1 + ord
          FROM ${t('ind')} ORDER BY ord`,
      );
      const obsColumns = OBSERVATION_TABLE_COLUMNS.map((c) => sqlIdentifier(c)).join(', ');
      statements.push(
        `INSERT INTO ${tables.observations} (${obsColumns})
          SELECT ${obsColumns} FROM ${t('pub')} ORDER BY indicator_id, period, area_code`,
      );
    }
    statements.push('COMMIT');
    await transaction(db, statements);
  } finally {
    for (const k of Object.keys(names) as (keyof typeof names)[]) {
      await db.query(`DROP TABLE IF EXISTS ${t(k)}`).catch(() => undefined);
    }
  }
}

/**
 * Runs statements as one transaction, sent as one query so that no other query of the app runs in between; on an
 * error everything is rolled back.
 */
async function transaction(db: Connector, statements: readonly string[]): Promise<void> {
  try {
    await db.query(`${statements.join(';\n')};`);
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Takes own indicators (and their observations) out of the current package again. */
export async function removeOwnData(
  db: Connector,
  ids: string | readonly string[],
  tables?: GenerationTables,
): Promise<void> {
  const list = typeof ids === 'string' ? [ids] : [...ids];
  if (list.length === 0) return;
  const t = tables ?? (await currentTables(db));
  await transaction(db, [
    'BEGIN TRANSACTION',
    `DELETE FROM ${t.observations} WHERE indicator_id IN ${sqlStringList(list)}`,
    `DELETE FROM ${t.indicators} WHERE id IN ${sqlStringList(list)}`,
    'COMMIT',
  ]);
}

/** An own file to read: its name, size in bytes and its bytes in pieces (see parseOwnFile). */
export interface OwnSource {
  name: string;
  size: number;
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
}

/**
 * Reads and checks a set of own files together (an indicators file describes the data files beside it), as they
 * would replace the own data with indicator ids `previous`: throws an OwnDataError listing every issue. Runs in the
 * parsing worker (ownData.worker.ts) and, for tests and Node, in {@link applyOwnFiles}.
 */
export async function checkOwnFiles(
  sources: readonly OwnSource[],
  pkg: OwnPackage,
  previous: readonly string[],
  onRead?: (file: string, bytesRead: number) => void,
): Promise<OwnData> {
  const issues: OwnDataIssue[] = [];
  const tables: OwnTable[] = [];
  for (const source of sources) {
    try {
      tables.push(await parseOwnFile(source.name, source.size, source.chunks, (read) => onRead?.(source.name, read)));
    } catch (error) {
      if (!(error instanceof OwnDataError)) throw error;
      issues.push(...error.issues);
    }
  }
  if (issues.length > 0) throw new OwnDataError(issues);
  const previousIds = new Set(previous);
  return validateOwnData(tables, { ...pkg, indicators: pkg.indicators.filter((i) => !previousIds.has(i.id)) });
}

/**
 * The whole own-data step for a set of files (what the app keeps per package): reads every file, validates them
 * together (an indicators file describes the data files beside it), and makes exactly these files the package's
 * own data, replacing `previous`. On any issue an OwnDataError lists them all and `previous` stays loaded.
 */
export async function applyOwnFiles(
  db: Connector,
  files: readonly { name: string; bytes: Uint8Array }[],
  pkg: OwnPackage,
  previous: Pick<OwnData, 'indicators'> | null,
  options: { tables?: GenerationTables } = {},
): Promise<OwnData> {
  const previousIds = previous?.indicators.map((i) => i.id) ?? [];
  const sources = files.map((f) => ({ name: f.name, size: f.bytes.byteLength, chunks: [f.bytes] }));
  const data = await checkOwnFiles(sources, pkg, previousIds);
  await loadOwnData(db, data, { replace: previousIds, ...(options.tables && { tables: options.tables }) });
  return data;
}
