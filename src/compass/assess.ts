/**
 * Everything the compass says about one area at one period, per indicator: the value and its interval, whether it
 * changed clearly since the previous measurement, whether it differs clearly from the rest of the gemeente, whether
 * a lasting change is a signal, and how the council's aim for it stands. The Kompas panel, the compass graphic, the
 * signals, the print report, the overview of all areas and `npm run compass` all read this one list, so they can
 * never disagree.
 *
 * The directed verdicts shown together for the area and period (since the previous measurement and against the
 * gemeente, over all indicators) are one family: a verdict stays `better`/`worse` only when its test is a
 * Benjamini–Hochberg discovery at q = 0,05 within the family (fdr.ts); each test already allows for the variation
 * areas and years ordinarily show (`dispersion`, dispersion.ts).
 */
import type { Indicator } from '../data/package.ts';
import type { ProfileRow } from '../queries/kompas.ts';
import { type AimWithBand, assessAim } from './aims.ts';
import { compareWithGemeente, compareWithPrevious, type Noise } from './compare.ts';
import { type Dispersion, NO_DISPERSION } from './dispersion.ts';
import { bhAdjusted, FDR_Q } from './fdr.ts';
import { valueInterval } from './intervals.ts';
import { areaSignals, type SignalSeries } from './signals.ts';
import type { AimAssessment, Comparison, Interval, Signal } from './types.ts';

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
  /** A lasting change at this period (signals.ts); null when there is none. */
  signal: Signal | null;
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
  /**
   * The overdispersion of the area's level in its gemeente (dispersion.ts, from the figures of all its areas at that
   * level; for the gemeente itself from its own series). Without it every test has sampling noise only.
   */
  dispersion?: Dispersion;
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

const NO_COMPARISON: Comparison = {
  verdict: 'unknown',
  difference: null,
  interval: null,
  strength: null,
  against: null,
  pValue: null,
  family: null,
};

/** The verdicts of one family after Benjamini–Hochberg: a clear one that is no discovery becomes `unclear`. */
export function adjustFamily(comparisons: readonly Comparison[]): Comparison[] {
  const tested = comparisons
    .map((c, index) => ({ c, index }))
    .filter(({ c }) => c.pValue !== null && c.verdict !== 'neutral' && c.verdict !== 'unknown');
  const q = bhAdjusted(tested.map(({ c }) => c.pValue!));
  const out = [...comparisons];
  tested.forEach(({ c, index }, i) => {
    const clear = c.verdict === 'better' || c.verdict === 'worse';
    out[index] = { ...c, verdict: clear && !(q[i]! <= FDR_Q) ? 'unclear' : c.verdict, family: tested.length };
  });
  return out;
}

/**
 * Assesses every indicator the area has a row for, in package order (indicators without any row for the area are
 * left out, as in the Kompas rows).
 */
export function assessArea({
  rows,
  indicators,
  aims,
  area,
  gemeente,
  period,
  dispersion,
}: AssessInput): IndicatorAssessment[] {
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
  const signalSeries: SignalSeries[] = [];
  for (const indicator of indicators) {
    const entry = byIndicator.get(indicator.id);
    if (!entry || entry.area.length === 0) continue;
    const series = [...entry.area].sort((a, b) => a.period - b.period);
    let current: ProfileRow | undefined;
    for (const r of series) if (r.period <= period) current = r;
    const shownPeriod = current?.period ?? null;
    const value = current && !current.suppressed ? current.value : null;
    const direction = indicator.direction;
    const spread = dispersion?.get(indicator.id) ?? NO_DISPERSION;
    const yearNoise: Noise = { extra: spread.time, df: spread.timeDf };
    signalSeries.push({ indicator, series, yearNoise });

    const vsPrevious =
      shownPeriod === null ? NO_COMPARISON : compareWithPrevious(series, shownPeriod, indicator, direction, yearNoise);
    // The gemeente's figure of the same period as the area's, so a survey year is compared with the same year.
    const gemeenteRow = shownPeriod === null ? undefined : entry.gemeente.get(shownPeriod);
    const between: Noise = {
      extra: shownPeriod === null ? 0 : (spread.between.get(shownPeriod) ?? 0),
      df: Number.POSITIVE_INFINITY,
    };
    const vsGemeente =
      gemeente === area && current
        ? { ...NO_COMPARISON, against: gemeente }
        : compareWithGemeente(current, gemeenteRow, indicator, direction, between);

    const aim = applicableAim(aims, indicator.id, area, period);
    const aimAssessment = aim ? assessAim({ aim, series, indicator, period, yearNoise }) : null;

    result.push({
      indicator,
      value,
      shownPeriod,
      interval: current && !current.suppressed ? valueInterval(current, indicator) : null,
      vsPrevious,
      vsGemeente,
      signal: null,
      aim: aimAssessment,
    });
  }

  // One family per area and period: every directed verdict the Kompas shows.
  const adjusted = adjustFamily(result.flatMap((a) => [a.vsPrevious, a.vsGemeente]));
  result.forEach((a, i) => {
    a.vsPrevious = adjusted[2 * i]!;
    a.vsGemeente = adjusted[2 * i + 1]!;
  });
  const found = areaSignals(signalSeries, period);
  for (const a of result) a.signal = found.get(a.indicator.id) ?? null;
  return result;
}
