/**
 * Does an area reach the aim the council set? One aim (a row of aims.csv), the area's series for its indicator and
 * the period looked at give one status. The rules, in the order they are applied (the Over page repeats them):
 *
 * 0. Direction. The aim's own direction counts, also for an indicator that is neutral in itself (the municipality
 *    chose one). An aim without a direction takes the indicator's; failing that, a target at or above the baseline
 *    value means up, below means down. Still none (and not a band): `onbekend` ('noDirection', checked after
 *    rule 2, so missing data is reported first).
 * 1. Before the baseline period there is nothing to judge: `onbekend` ('beforeBaseline').
 * 2. The value judged is the latest measured one at or before the period (and not before the baseline): from the
 *    target period on, the latest measured at or before the target period. None: `onbekend` ('noData');
 *    suppressed (too few people): `onbekend` ('suppressed').
 * 3. From the target period on, the actual value decides, not a projection: meets the target → `behaald`,
 *    otherwise `niet_op_koers` (both with reason 'targetPeriodPassed'). For a direction-only aim "meets" means a
 *    clear change since the baseline in the aim's direction (rule 6).
 * 4. Target value or band: a value that already meets it (up: ≥ target, down: ≤ target; band: within low..high,
 *    ends included) → `behaald` ('met'). This includes a target met at the baseline: it stays `behaald` as long as
 *    it stays met.
 * 5. Otherwise a straight line is fitted by least squares through the shown values from
 *    max(baseline period, period − 5) to the period. Fewer than 3 points: `onbekend` ('tooFewPoints') — two points
 *    make a line but no trend, and a series broken by a new area code often has fewer. The line is projected to
 *    the target period with a 95 % prediction interval (t distribution, n − 2 degrees of freedom). The projected
 *    value meeting the target → `op_koers` ('projectionMeets'), otherwise `niet_op_koers` ('projectionMisses').
 *    The interval is shown, not used: with three points it is very wide, and "the line gets there" is the claim.
 * 6. Direction only ("daalt", "stijgt"): the value is compared with the baseline value (compareValues, 95 %).
 *    Clearly in the aim's direction → `op_koers` ('clearProgress'); clearly against it → `niet_op_koers`
 *    ('clearSetback'); no clear change → `niet_op_koers` ('noClearChange'): no clear progress is not on course.
 *    At the baseline period itself: `onbekend` ('atBaseline'); no shown baseline value: `onbekend` ('noBaseline');
 *    no numerator/denominator to tell a change from noise: `onbekend` ('noInterval').
 */
import type { Aim, Indicator } from '../data/package.ts';
import { compareValues, type PeriodMeasurement } from './compare.ts';
import { tQuantile } from './intervals.ts';
import type { AimAssessment, AimTarget, Interval } from './types.ts';

/**
 * An aim row with an optional band target ("bandbreedte 65–70 %") instead of a single value: `target_band` as the
 * package loader gives it, or the raw `target_low` / `target_high` columns.
 */
export interface AimWithBand extends Aim {
  target_band?: { low: number; high: number };
  target_low?: number | null;
  target_high?: number | null;
}

export interface AimRequest {
  aim: AimWithBand;
  /** The area's measurements of the aim's indicator (any order; suppressed rows included, flagged). */
  series: readonly PeriodMeasurement[];
  indicator: Pick<Indicator, 'unit' | 'direction'>;
  period: number;
}

/** How many years back the trend looks: recent policy, not the distant past. */
export const TREND_YEARS = 5;
/** Fewest shown values a trend is fitted through. */
export const MIN_TREND_POINTS = 3;

const shown = (r: PeriodMeasurement | undefined): r is PeriodMeasurement =>
  !!r && !r.suppressed && r.value !== null && Number.isFinite(r.value);
const measured = (r: PeriodMeasurement) => r.suppressed || r.value !== null;

/** The aim's target: a band when both ends are given, a value, or a direction only. */
export function aimTarget(aim: AimWithBand): AimTarget {
  const low = aim.target_band?.low ?? aim.target_low;
  const high = aim.target_band?.high ?? aim.target_high;
  if (low != null && high != null && Number.isFinite(low) && Number.isFinite(high)) {
    return { kind: 'band', low: Math.min(low, high), high: Math.max(low, high) };
  }
  if (aim.target_value !== null && Number.isFinite(aim.target_value)) return { kind: 'value', value: aim.target_value };
  return { kind: 'direction' };
}

/** Rule 0: the direction the aim asks for, or null when neither the aim, the indicator nor the numbers say. */
export function aimDirection(
  aim: Pick<Aim, 'direction' | 'target_value'>,
  indicator: Pick<Indicator, 'direction'>,
  baselineValue: number | null,
): 'up' | 'down' | null {
  if (aim.direction !== 'neutral') return aim.direction;
  if (indicator.direction !== 'neutral') return indicator.direction;
  if (aim.target_value !== null && baselineValue !== null) return aim.target_value >= baselineValue ? 'up' : 'down';
  return null;
}

/** Whether a value meets a value or band target. */
export function meetsTarget(value: number, target: AimTarget, direction: 'up' | 'down'): boolean {
  if (target.kind === 'band') return value >= target.low && value <= target.high;
  if (target.kind === 'value') return direction === 'up' ? value >= target.value : value <= target.value;
  return false;
}

export interface LinearFit {
  slope: number;
  intercept: number;
  n: number;
  meanX: number;
  sxx: number;
  /** Residual standard deviation √(SSE / (n − 2)). */
  residualSd: number;
}

/** Ordinary least squares of value on period. Needs at least 3 points with different periods. */
export function linearFit(points: readonly { period: number; value: number }[]): LinearFit | null {
  const n = points.length;
  if (n < MIN_TREND_POINTS) return null;
  const meanX = points.reduce((s, p) => s + p.period, 0) / n;
  const meanY = points.reduce((s, p) => s + p.value, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.period - meanX) ** 2;
    sxy += (p.period - meanX) * (p.value - meanY);
  }
  if (!(sxx > 0)) return null;
  const slope = sxy / sxx;
  const intercept = meanY - slope * meanX;
  let sse = 0;
  for (const p of points) sse += (p.value - (intercept + slope * p.period)) ** 2;
  return { slope, intercept, n, meanX, sxx, residualSd: Math.sqrt(sse / (n - 2)) };
}

/**
 * The fitted line at period x0 with its 95 % prediction interval (where a new measurement would fall):
 * ŷ ± t(0,975; n − 2) · s · √(1 + 1/n + (x0 − x̄)² / Sxx).
 */
export function predict(fit: LinearFit, x0: number): { value: number; interval: Interval } {
  const value = fit.intercept + fit.slope * x0;
  const t = tQuantile(0.975, fit.n - 2);
  const half = t * fit.residualSd * Math.sqrt(1 + 1 / fit.n + (x0 - fit.meanX) ** 2 / fit.sxx);
  return { value, interval: { low: value - half, high: value + half } };
}

/** Assesses one aim for one area at one period (rules in the module comment). */
export function assessAim({ aim, series, indicator, period }: AimRequest): AimAssessment {
  const target = aimTarget(aim);
  const baselineRow = series.find((r) => r.period === aim.baseline_period);
  const baselineValue = shown(baselineRow) ? baselineRow.value : null;
  const resolved = aimDirection(aim, indicator, baselineValue);
  const direction = resolved ?? 'up';
  const passed = period >= aim.target_period;
  const until = Math.min(period, aim.target_period);

  // Rule 5's line, computed whatever the status so the trend chart can always draw it.
  const from = Math.max(aim.baseline_period, until - TREND_YEARS);
  const points = series
    .filter((r) => r.period >= from && r.period <= until && shown(r))
    .map((r) => ({ period: r.period, value: r.value! }))
    .sort((a, b) => a.period - b.period);
  const line = linearFit(points);
  const projection = line && !passed ? predict(line, aim.target_period) : null;

  const base = {
    target,
    direction,
    baselinePeriod: aim.baseline_period,
    targetPeriod: aim.target_period,
    baselineValue,
    projected: projection?.value ?? null,
    projectedInterval: projection?.interval ?? null,
    fit: line
      ? {
          slope: line.slope,
          intercept: line.intercept,
          from: points[0]!.period,
          to: passed ? points[points.length - 1]!.period : aim.target_period,
        }
      : null,
  };
  const status = (s: AimAssessment['status'], reason: string): AimAssessment => ({ status: s, reason, ...base });

  if (period < aim.baseline_period) return status('onbekend', 'beforeBaseline');
  let current: PeriodMeasurement | undefined;
  for (const r of series) {
    if (r.period >= aim.baseline_period && r.period <= until && measured(r) && (!current || r.period > current.period))
      current = r;
  }
  if (!current) return status('onbekend', 'noData');
  if (!shown(current)) return status('onbekend', 'suppressed');
  // A band needs no direction; a value or a direction-only aim does.
  if (resolved === null && target.kind !== 'band') return status('onbekend', 'noDirection');

  if (target.kind === 'direction') {
    if (current.period === aim.baseline_period) return status('onbekend', 'atBaseline');
    if (baselineValue === null) return status('onbekend', 'noBaseline');
    const change = compareValues(current, baselineRow, indicator, direction);
    if (change.verdict === 'better')
      return passed ? status('behaald', 'targetPeriodPassed') : status('op_koers', 'clearProgress');
    if (change.verdict === 'worse') return status('niet_op_koers', passed ? 'targetPeriodPassed' : 'clearSetback');
    if (change.verdict === 'unclear') return status('niet_op_koers', passed ? 'targetPeriodPassed' : 'noClearChange');
    return status('onbekend', 'noInterval');
  }

  const meets = meetsTarget(current.value!, target, direction);
  if (passed) return status(meets ? 'behaald' : 'niet_op_koers', 'targetPeriodPassed');
  if (meets) return status('behaald', 'met');
  if (!projection) return status('onbekend', 'tooFewPoints');
  return meetsTarget(projection.value, target, direction)
    ? status('op_koers', 'projectionMeets')
    : status('niet_op_koers', 'projectionMisses');
}
