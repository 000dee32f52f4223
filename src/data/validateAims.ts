/**
 * Validates `aims.csv` against the already validated indicators, areas and periods.
 */
import { cellValue, parseNumberCell } from './issues.ts';
import { AIM_COLUMNS, type Aim, type Area, DIRECTIONS, type Direction, type Indicator } from './package.ts';
import { enumCell, integerCell, readTable } from './table.ts';

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
/** Columns a package may leave out; `agreed_with` and `agreed_on` say with whom and when an aim was agreed. */
export const AIM_OPTIONAL = [
  'area_code',
  'target_value',
  'label_nl',
  'label_en',
  'target_low',
  'target_high',
  'agreed_with',
  'agreed_on',
] as const;
/** The optional columns a full aims.csv writes after {@link AIM_COLUMNS}. */
export const AIM_EXTRA_COLUMNS = ['target_low', 'target_high', 'agreed_with', 'agreed_on'] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Validates `aims.csv`. A header-only file is fine (no aims). Per row: `indicator_id` must be a known indicator
 * (`unknownIndicator`); `area_code` a known area or empty for all areas (`unknownArea`); `baseline_period` and
 * `target_period` whole years (`notInteger`), the baseline one of `periods` and the target after the baseline
 * (`periodOutOfRange`, params `value`, `first`, `last`); `target_value` a number or empty (`notNumeric`);
 * `direction` one of DIRECTIONS. The same indicator, area and target period twice is a `duplicateKey`.
 * `area_code`, `target_value`, `label_nl` and `label_en` may be absent; an empty `label_en` becomes `label_nl`.
 * Optional `target_low` and `target_high` state a target band ("tussen 8 en 10%"): both numbers, low ≤ high.
 * Optional `agreed_with` (text) and `agreed_on` (an ISO date, 2026-03-12, else `notDate`) say with whom and when.
 */
export function validateAims(text: string, indicators: Indicator[], areas: Area[], periods: number[]): Aim[] {
  const required = AIM_COLUMNS.filter((c) => !(AIM_OPTIONAL as readonly string[]).includes(c));
  const { rows, issues } = readTable(text, 'aims.csv', required, AIM_OPTIONAL);
  const indicatorIds = new Set(indicators.map((i) => i.id));
  const areaCodes = new Set(areas.map((a) => a.code));
  const firstPeriod = periods[0] ?? MIN_YEAR;
  const lastPeriod = periods[periods.length - 1] ?? MAX_YEAR;
  const firstRow = new Map<string, number>();
  const result: Aim[] = [];

  for (const { row, cell } of rows) {
    const at = (column: string) => ({ row, column });
    let ok = true;
    const indicator_id = cell('indicator_id');
    if (indicator_id === '') {
      issues.add({ ...at('indicator_id'), code: 'required' });
      ok = false;
    } else if (!indicatorIds.has(indicator_id)) {
      issues.add({ ...at('indicator_id'), code: 'unknownIndicator', params: { value: cellValue(indicator_id) } });
      ok = false;
    }

    const area = cell('area_code');
    if (area !== '' && !areaCodes.has(area)) {
      issues.add({ ...at('area_code'), code: 'unknownArea', params: { value: cellValue(area) } });
      ok = false;
    }

    const baseline = integerCell(cell('baseline_period'), MIN_YEAR, MAX_YEAR, at('baseline_period'), issues);
    if (baseline !== null && !periods.includes(baseline)) {
      const params = { value: baseline, first: firstPeriod, last: lastPeriod };
      issues.add({ ...at('baseline_period'), code: 'periodOutOfRange', params });
      ok = false;
    }
    const target = integerCell(cell('target_period'), MIN_YEAR, MAX_YEAR, at('target_period'), issues);
    if (target !== null && baseline !== null && target <= baseline) {
      const params = { value: target, first: baseline + 1, last: MAX_YEAR };
      issues.add({ ...at('target_period'), code: 'periodOutOfRange', params });
      ok = false;
    }

    let target_value: number | null = null;
    const rawTarget = cell('target_value');
    if (rawTarget !== '') {
      const parsed = parseNumberCell(rawTarget);
      if (parsed.ok) target_value = parsed.value;
      else {
        issues.add({ ...at('target_value'), code: 'notNumeric', params: parsed.params });
        ok = false;
      }
    }

    const band = bandCells(cell('target_low'), cell('target_high'), row, issues);
    if (band === false) ok = false;

    const direction = enumCell<Direction>(cell('direction'), DIRECTIONS, at('direction'), issues);
    const agreed_with = cell('agreed_with').trim();
    const agreed_on = cell('agreed_on').trim();
    if (agreed_on !== '' && !isIsoDate(agreed_on)) {
      issues.add({ ...at('agreed_on'), code: 'notDate', params: { value: cellValue(agreed_on) } });
      ok = false;
    }
    if (!ok || baseline === null || target === null || direction === null) continue;

    const key = `${indicator_id}\u0000${area}\u0000${target}`;
    const first = firstRow.get(key);
    if (first !== undefined) {
      const params = { value: cellValue(`${indicator_id} ${area} ${target}`), firstRow: first };
      issues.add({ ...at('indicator_id'), code: 'duplicateKey', params });
      continue;
    }
    firstRow.set(key, row);
    const label_nl = cell('label_nl');
    const label_en = cell('label_en');
    result.push({
      indicator_id,
      area_code: area === '' ? null : area,
      baseline_period: baseline,
      target_period: target,
      target_value,
      direction,
      label_nl,
      label_en: label_en.trim() === '' ? label_nl : label_en,
      ...(band && { target_band: band }),
      ...(agreed_with !== '' && { agreed_with }),
      ...(agreed_on !== '' && { agreed_on }),
    });
  }
  issues.throwIfAny();
  return result;
}

/** A target band from two cells: null when both are empty, false (with issues) when it is not a valid band. */
function bandCells(
  rawLow: string,
  rawHigh: string,
  row: number,
  issues: Parameters<typeof enumCell>[3],
): { low: number; high: number } | null | false {
  if (rawLow === '' && rawHigh === '') return null;
  const parsed = [
    ['target_low', rawLow],
    ['target_high', rawHigh],
  ].map(([column, raw]) => {
    if (raw === '') {
      issues.add({ row, column: column!, code: 'required' });
      return null;
    }
    const p = parseNumberCell(raw!);
    if (!p.ok) issues.add({ row, column: column!, code: 'notNumeric', params: p.params });
    return p.ok ? p.value : null;
  });
  const [low, high] = parsed;
  if (low === null || high === null || low === undefined || high === undefined) return false;
  if (low > high) {
    issues.add({ row, column: 'target_low', code: 'bandOrder', params: { low, high } });
    return false;
  }
  return { low, high };
}

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}
