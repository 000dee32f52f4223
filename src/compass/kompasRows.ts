import { type Indicator, type ObservationStatus, THEMES, type Theme } from '../data/package.ts';
import type { ProfileRow } from '../queries/kompas.ts';

export interface SeriesPoint {
  period: number;
  value: number | null;
  /** For a point without value: whether it is suppressed and why (as in Cell), so a year column can say so. */
  suppressed?: boolean;
  status?: ObservationStatus;
}

/** A value in one period, or why there is none. */
export interface Cell {
  value: number | null;
  /** True when the package has the row but it is suppressed (too few people, or secret at the source). */
  suppressed: boolean;
  /** Why there is no value (publish.ts), where the row says; see src/app/missingReason.ts. */
  status?: ObservationStatus;
}

export interface KompasRow {
  indicator: Indicator;
  area: Cell | null;
  gemeente: Cell | null;
  nl: Cell | null;
  /**
   * The period the values are of: the chosen period, or — for an indicator not measured that year (a survey
   * every other year) — the latest earlier period the area has data for. Null when there is none.
   */
  shownPeriod: number | null;
  /** The latest period before `shownPeriod` with a shown value (the previous year, or the previous survey round). */
  previous: { period: number; value: number } | null;
  /** Value minus previous value, where both are shown. */
  change: number | null;
  /** Only the periods the area has a row for: a year without a measurement is skipped, a suppressed one is null. */
  series: SeriesPoint[];
}

export interface KompasTheme {
  theme: Theme;
  rows: KompasRow[];
}

export interface KompasInput {
  rows: readonly ProfileRow[];
  indicators: readonly Indicator[];
  area: string;
  gemeente: string | null;
  period: number;
  periods: readonly number[];
}

const NL = 'NL00';

function cellOf(row: ProfileRow | undefined): Cell | null {
  if (!row) return null;
  const cell: Cell = { value: row.suppressed ? null : row.value, suppressed: row.suppressed };
  if (row.status && cell.value === null) cell.status = row.status;
  return cell;
}

/**
 * Turns the profile query's rows into the Kompas: per theme (in the fixed theme order), per indicator (in package
 * order), the value of the area, its gemeente and the Netherlands, the change since the previous shown value, and
 * the series for the small trend line. Indicators without any row for the area are left out.
 */
export function kompasRows({ rows, indicators, area, gemeente, period, periods }: KompasInput): KompasTheme[] {
  // Indicator → area → period → row. Nested maps, not a key string per lookup: at national scale ~150 indicators ×
  // 13 periods × 3 areas are looked up on every click.
  const byKey = new Map<string, Map<string, Map<number, ProfileRow>>>();
  for (const row of rows) {
    let byArea = byKey.get(row.indicator_id);
    if (!byArea) {
      byArea = new Map();
      byKey.set(row.indicator_id, byArea);
    }
    let byPeriod = byArea.get(row.area_code);
    if (!byPeriod) {
      byPeriod = new Map();
      byArea.set(row.area_code, byPeriod);
    }
    byPeriod.set(row.period, row);
  }
  const at = (indicator: string, code: string | null, p: number) =>
    code === null ? undefined : byKey.get(indicator)?.get(code)?.get(p);

  const themes: KompasTheme[] = [];
  for (const theme of THEMES) {
    const themeRows: KompasRow[] = [];
    for (const indicator of indicators) {
      if (indicator.theme !== theme) continue;
      const own = byKey.get(indicator.id)?.get(area);
      if (!own) continue;
      const series: SeriesPoint[] = [];
      for (const p of periods) {
        const r = own.get(p);
        if (!r) continue;
        const point: SeriesPoint = { period: p, value: r.suppressed ? null : r.value };
        if (point.value === null) {
          point.suppressed = r.suppressed;
          if (r.status) point.status = r.status;
        }
        series.push(point);
      }
      let shownPeriod: number | null = null;
      for (const point of series) if (point.period <= period) shownPeriod = point.period;
      const current = shownPeriod === null ? null : cellOf(own.get(shownPeriod));
      let previous: KompasRow['previous'] = null;
      for (const point of series) {
        if (shownPeriod !== null && point.period < shownPeriod && point.value !== null)
          previous = { period: point.period, value: point.value };
      }
      const change = current?.value != null && previous ? current.value - previous.value : null;
      const refPeriod = shownPeriod ?? period;
      themeRows.push({
        indicator,
        area: current,
        gemeente: cellOf(at(indicator.id, gemeente, refPeriod)),
        nl: cellOf(at(indicator.id, NL, refPeriod)),
        shownPeriod,
        previous,
        change,
        series,
      });
    }
    if (themeRows.length > 0) themes.push({ theme, rows: themeRows });
  }
  return themes;
}

/**
 * The area's cell in another period than the shown one (the Kompas's comparison-year column): its value, or why it
 * has none; null when the package has no row for the area in that period.
 */
export function areaCellAt(row: KompasRow, period: number): Cell | null {
  const point = row.series.find((p) => p.period === period);
  if (!point) return null;
  const cell: Cell = { value: point.value, suppressed: point.suppressed ?? false };
  if (point.status) cell.status = point.status;
  return cell;
}
