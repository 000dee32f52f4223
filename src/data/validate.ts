/**
 * Validation of a package's small files: `dataset.json`, `areas.geojson` (in validateAreas.ts), `indicators.csv`
 * and `aims.csv`. (`observations.csv` is validated in DuckDB.) Each validator collects every issue (capped at 50,
 * then one `tooManyIssues`) and throws one {@link PackageError}, or returns the typed values.
 */
import { cellValue, IssueCollector, isObject, jsonValue, parseIntegerCell, parseJsonFile } from './issues.ts';
import {
  type DatasetMeta,
  DIRECTIONS,
  type Direction,
  FORMAT_VERSION,
  INDICATOR_COLUMNS,
  type Indicator,
  type LocalizedText,
  PackageError,
  THEMES,
  type Theme,
  UNITS,
  type Unit,
} from './package.ts';
import { enumCell, integerCell, readTable } from './table.ts';

export { validateAims } from './validateAims.ts';
export { validateAreas, validateAreaTable, validateLevelGeometry } from './validateAreas.ts';

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;
const MAX_DECIMALS = 6;
const INDICATOR_ID = /^[a-z][a-z0-9_]*$/;

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function isYear(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= MIN_YEAR && value <= MAX_YEAR;
}

/**
 * Validates `dataset.json`. Problems are `invalidMeta` issues with params `field` (also the issue's `column`,
 * dotted for nested fields such as `title.nl`), `value` and, where it helps, `expected`. An empty or absent
 * `title.en` / `description.en` becomes the Dutch text. Cross-checks against the other files (default_area,
 * default_indicator, periods present in observations) are the loader's.
 */
export function validateDatasetMeta(text: string): DatasetMeta {
  const file = 'dataset.json';
  const root = parseJsonFile(text, file);
  const issues = new IssueCollector(file);
  const bad = (field: string, value: unknown, expected?: string | number) =>
    issues.add({
      ...(field && { column: field }),
      code: 'invalidMeta',
      params: { field, value: jsonValue(value), ...(expected !== undefined && { expected }) },
    });
  if (!isObject(root)) {
    bad('', root);
    throw new PackageError(issues.result());
  }
  const str = (field: string): string => {
    const value = root[field];
    if (nonEmptyString(value)) return value;
    bad(field, value);
    return '';
  };
  const localized = (field: string, optional: boolean): LocalizedText | undefined => {
    const value = root[field];
    if (optional && value === undefined) return undefined;
    if (!isObject(value) || !nonEmptyString(value.nl)) {
      bad(`${field}.nl`, isObject(value) ? value.nl : value);
      return undefined;
    }
    if (value.en !== undefined && typeof value.en !== 'string') bad(`${field}.en`, value.en);
    return { nl: value.nl, en: nonEmptyString(value.en) ? value.en : value.nl };
  };

  const id = str('id');
  if (root.format_version !== FORMAT_VERSION) bad('format_version', root.format_version, FORMAT_VERSION);
  const title = localized('title', false);
  const description = localized('description', true);
  const publisher = str('publisher');
  const licence = str('licence');
  const attribution = str('attribution');
  const gemeente = str('gemeente');
  if (gemeente && !/^GM\d{4}$/.test(gemeente)) bad('gemeente', gemeente, 'GM0000');
  const default_area = str('default_area');
  const default_indicator = str('default_indicator');

  const periods: number[] = [];
  if (!Array.isArray(root.periods) || root.periods.length === 0) bad('periods', root.periods);
  else {
    for (const period of root.periods) {
      const last = periods[periods.length - 1];
      if (!isYear(period) || (last !== undefined && period <= last)) {
        bad('periods', period, isYear(period) ? undefined : `${MIN_YEAR}–${MAX_YEAR}`);
        break;
      }
      periods.push(period);
    }
  }
  const default_period = root.default_period;
  if (!isYear(default_period) || !periods.includes(default_period)) {
    bad('default_period', default_period, periods.join(', '));
  }
  const published = root.published;
  if (published !== undefined && published !== 'build') bad('published', published, 'build');
  issues.throwIfAny();

  const meta: DatasetMeta = {
    id,
    format_version: FORMAT_VERSION,
    title: title!,
    publisher,
    licence,
    attribution,
    gemeente,
    default_area,
    default_indicator,
    periods,
    default_period: default_period as number,
  };
  if (description) meta.description = description;
  if (published === 'build') meta.published = published;
  return meta;
}

const INDICATOR_OPTIONAL = [
  'label_en',
  'definition_nl',
  'definition_en',
  'source',
  'rounding',
  'denominator_rounding',
  'count_threshold',
  'numerator_id',
  'denominator_id',
  'publish_rounding',
] as const;

const coarser = (a: number | null, b: number | null): number | null =>
  a === null ? b : b === null ? a : Math.max(a, b);

/**
 * An optional rounding unit: empty (or a column the file does not have) is null, "exact"; otherwise a whole number
 * of 1 or more, else an `invalidRounding` issue and `undefined`.
 */
function roundingCell(
  value: string,
  at: { row: number; column: string },
  issues: IssueCollector,
): number | null | undefined {
  if (value.trim() === '') return null;
  const parsed = parseIntegerCell(value);
  if (parsed.ok && parsed.value >= 1) return parsed.value;
  issues.add({ ...at, code: 'invalidRounding', params: { value: cellValue(value) } });
  return undefined;
}

/**
 * Validates `indicators.csv`. `label_en`, `definition_nl`, `definition_en` and `source` may be empty or absent
 * (an empty `label_en` becomes `label_nl`); `decimals` (0–6) and `min_count` (≥ 0) are required integers;
 * `rounding` and `denominator_rounding` (the unit the source rounds the numerator and denominator counts to) may be
 * empty or absent (exact), else are whole numbers of 1 or more.
 */
export function validateIndicators(text: string): Indicator[] {
  const file = 'indicators.csv';
  const required = INDICATOR_COLUMNS.filter((c) => !(INDICATOR_OPTIONAL as readonly string[]).includes(c));
  const { rows, issues } = readTable(text, file, required, INDICATOR_OPTIONAL);
  if (rows.length === 0) issues.add({ code: 'noRows' });
  const result: Indicator[] = [];
  const firstRow = new Map<string, number>();
  for (const { row, cell } of rows) {
    const at = (column: string) => ({ row, column });
    const id = cell('id');
    if (id === '') issues.add({ ...at('id'), code: 'required' });
    else if (!INDICATOR_ID.test(id)) issues.add({ ...at('id'), code: 'invalidId', params: { value: cellValue(id) } });
    else if (firstRow.has(id)) {
      issues.add({ ...at('id'), code: 'duplicateKey', params: { value: id, firstRow: firstRow.get(id)! } });
    } else firstRow.set(id, row);
    const label_nl = cell('label_nl');
    if (label_nl.trim() === '') issues.add({ ...at('label_nl'), code: 'required' });
    const theme = enumCell<Theme>(cell('theme'), THEMES, at('theme'), issues);
    const unit = enumCell<Unit>(cell('unit'), UNITS, at('unit'), issues);
    const direction = enumCell<Direction>(cell('direction'), DIRECTIONS, at('direction'), issues);
    const decimals = integerCell(cell('decimals'), 0, MAX_DECIMALS, at('decimals'), issues);
    const min_count = integerCell(cell('min_count'), 0, Number.MAX_SAFE_INTEGER, at('min_count'), issues);
    const rounding = roundingCell(cell('rounding'), at('rounding'), issues);
    const denominator_rounding = roundingCell(cell('denominator_rounding'), at('denominator_rounding'), issues);
    const count_threshold =
      cell('count_threshold').trim() === ''
        ? null
        : integerCell(cell('count_threshold'), 0, Number.MAX_SAFE_INTEGER, at('count_threshold'), issues);
    const quantityId = (column: 'numerator_id' | 'denominator_id'): string | null | undefined => {
      const value = cell(column).trim();
      if (value === '') return null;
      if (INDICATOR_ID.test(value)) return value;
      issues.add({ ...at(column), code: 'invalidQuantityId', params: { value: cellValue(value) } });
      return undefined;
    };
    const publish_rounding = roundingCell(cell('publish_rounding'), at('publish_rounding'), issues);
    const numerator_id = quantityId('numerator_id');
    const denominator_id = quantityId('denominator_id');
    if (
      numerator_id !== undefined &&
      denominator_id !== undefined &&
      publish_rounding !== undefined &&
      (count_threshold !== null || cell('count_threshold').trim() === '') &&
      theme &&
      unit &&
      direction &&
      decimals !== null &&
      min_count !== null &&
      rounding !== undefined &&
      denominator_rounding !== undefined
    ) {
      const label_en = cell('label_en');
      result.push({
        id,
        label_nl,
        label_en: label_en.trim() === '' ? label_nl : label_en,
        theme,
        unit,
        direction,
        decimals,
        definition_nl: cell('definition_nl'),
        definition_en: cell('definition_en'),
        source: cell('source'),
        min_count,
        // What the app shows is rounded at least as coarsely as it is published (see Indicator.publish_rounding).
        rounding: coarser(rounding, publish_rounding),
        denominator_rounding: coarser(denominator_rounding, publish_rounding),
        count_threshold,
        numerator_id,
        denominator_id,
        publish_rounding,
      });
    }
  }
  issues.throwIfAny();
  return result;
}
