/**
 * Everything the compass says about one area at one period, per indicator: the value and its interval, whether it
 * changed clearly since the previous measurement, whether it differs clearly from the rest of the gemeente, and how
 * the council's aim for it stands. The Kompas panel, the compass graphic, the signals and the print report all read
 * this one list, so they can never disagree.
 */
import type { Indicator } from '../data/package.ts';
import type { ProfileRow } from '../queries/kompas.ts';
import { type AimWithBand, aimDirection, assessAim } from './aims.ts';
import { compareValues, compareWithGemeente, compareWithPrevious } from './compare.ts';
import { valueInterval } from './intervals.ts';
import type { AimAssessment, Comparison, Interval } from './types.ts';

export interface IndicatorAssessment {
  indicator: Indicator;
  /** The area's value at `shownPeriod`; null when suppressed or missing. */
  value: number | null;
  /**
   * The period the value is of: the chosen period, or — for an indicator not measured that year — the latest
   * earlier period the area has a row for (as in the Kompas rows). Null when there is none.
   */
  shownPeriod: number | null;
  interval: Interval | null;
  vsPrevious: Comparison;
  vsGemeente: Comparison;
  /** The value against the aim's baseline value, in the aim's direction; null without an aim. */
  vsBaseline: Comparison | null;
  aim: AimAssessment | null;
}

export interface AssessInput {
  /** The profile query's rows: the area, its gemeente (and NL), every indicator, every period. */
  rows: readonly ProfileRow[];
  indicators: readonly Indicator[];
  aims: readonly AimWithBand[];
  area: string;
  gemeente: string | null;
  period: number;
}

/**
 * The aim that applies to an indicator in an area: one set for this area, else one set for all areas (an area's
 * own aim replaces the general one rather than adding to it). Several target periods: the first one not yet
 * passed (the aim being worked on), else the last one.
 */
export function applicableAim<A extends AimWithBand>(
  aims: readonly A[],
  indicatorId: string,
  area: string,
  period: number,
): A | null {
  const forIndicator = aims.filter((a) => a.indicator_id === indicatorId);
  const own = forIndicator.filter((a) => a.area_code === area);
  const candidates = own.length > 0 ? own : forIndicator.filter((a) => a.area_code === null);
  if (candidates.length === 0) return null;
  const sorted = [...candidates].sort((a, b) => a.target_period - b.target_period);
  return sorted.find((a) => a.target_period >= period) ?? sorted[sorted.length - 1]!;
}

/**
 * Assesses every indicator the area has a row for, in package order (indicators without any row for the area are
 * left out, as in the Kompas rows).
 */
export function assessArea({ rows, indicators, aims, area, gemeente, period }: AssessInput): IndicatorAssessment[] {
  const byIndicator = new Map<string, { area: ProfileRow[]; gemeente: Map<number, ProfileRow> }>();
  for (const row of rows) {
    let entry = byIndicator.get(row.indicator_id);
    if (!entry) {
      entry = { area: [], gemeente: new Map() };
      byIndicator.set(row.indicator_id, entry);
    }
    if (row.area_code === area) entry.area.push(row);
    else if (gemeente !== null && row.area_code === gemeente) entry.gemeente.set(row.period, row);
  }

  const result: IndicatorAssessment[] = [];
  for (const indicator of indicators) {
    const entry = byIndicator.get(indicator.id);
    if (!entry || entry.area.length === 0) continue;
    const series = [...entry.area].sort((a, b) => a.period - b.period);
    let current: ProfileRow | undefined;
    for (const r of series) if (r.period <= period) current = r;
    const shownPeriod = current?.period ?? null;
    const value = current && !current.suppressed ? current.value : null;
    const direction = indicator.direction;

    const noPeriod: Comparison = {
      verdict: 'unknown',
      difference: null,
      interval: null,
      strength: null,
      against: null,
    };
    const vsPrevious = shownPeriod === null ? noPeriod : compareWithPrevious(series, shownPeriod, indicator, direction);
    // The gemeente's figure of the same period as the area's, so a survey year is compared with the same year.
    const gemeenteRow = shownPeriod === null ? undefined : entry.gemeente.get(shownPeriod);
    const vsGemeente =
      gemeente === area && current
        ? { ...noPeriod, against: gemeente }
        : compareWithGemeente(current, gemeenteRow, indicator, direction);

    const aim = applicableAim(aims, indicator.id, area, period);
    let aimAssessment: AimAssessment | null = null;
    let vsBaseline: Comparison | null = null;
    if (aim) {
      aimAssessment = assessAim({ aim, series, indicator, period });
      const baselineRow = series.find((r) => r.period === aim.baseline_period);
      const baselineValue = baselineRow && !baselineRow.suppressed ? baselineRow.value : null;
      // The aim's direction, not the indicator's: for a neutral indicator the council chose one.
      const aimDir = aimDirection(aim, indicator, baselineValue) ?? 'neutral';
      vsBaseline =
        shownPeriod !== null && shownPeriod > aim.baseline_period
          ? compareValues(current, baselineRow, indicator, aimDir, aim.baseline_period)
          : { ...noPeriod, against: aim.baseline_period };
    }

    result.push({
      indicator,
      value,
      shownPeriod,
      interval: current && !current.suppressed ? valueInterval(current, indicator) : null,
      vsPrevious,
      vsGemeente,
      vsBaseline,
      aim: aimAssessment,
    });
  }
  return result;
}
