/**
 * Does an area reach the aim the council set? One aim (a row of aims.csv), the area's series for its indicator and
 * the period looked at give one status, judged on evidence: a status claims only what its 95 % interval supports,
 * and where the interval holds the target the status is `onzeker`, with the probability that the aim is met. The
 * rules, in the order they are applied (the Over page repeats them):
 *
 * 0. Direction. The aim's own direction counts, also for an indicator that is neutral in itself (the municipality
 *    chose one). An aim without a direction takes the indicator's; failing that, a target at or above the baseline
 *    value means up, below means down. Still none (and not a band): `onbekend` ('noDirection', checked after
 *    rule 2, so missing data is reported first).
 * 1. Before the baseline period there is nothing to judge: `onbekend` ('beforeBaseline').
 * 2. The value judged is the latest measured one at or before the period (and not before the baseline): from the
 *    target period on, the latest measured at or before the target period. None: `onbekend` ('noData');
 *    suppressed (too few people): `onbekend` ('suppressed').
 * 3. Target value or band, judged on the value: its 95 % interval (Wilson/Garwood, widened over the rounding range
 *    of rounded counts) entirely on the target's side (band: within it) → `behaald` ('met'). From the target period
 *    on the value decides alone: interval entirely on the other side → `niet_op_koers`, otherwise `onzeker` (both
 *    'targetPeriodPassed'). Figures without counts (registry totals) have no sampling error: the value itself.
 * 4. Otherwise the course is projected to the target period. The line is fitted by weighted least squares through
 *    the shown values from max(baseline period, period − 5) to the period, on the logit scale for percentages and
 *    the log scale for other rates, so that a projection stays a possible value (0–100 %, never below 0); each
 *    point weighs by its counts (1/variance: sampling plus the area's ordinary year-to-year variation,
 *    dispersion.ts), and a residual dispersion above that (quasi-likelihood scale, floored at 1) widens the interval
 *    and makes it a t interval (n − 2 degrees of freedom). Figures without counts: ordinary least squares on the
 *    value. Fewer than 3 points: `onbekend` ('tooFewPoints'). The 95 % prediction interval of the target period's
 *    measurement entirely on the target's side → `op_koers` ('projectionMeets'), entirely on the other side →
 *    `niet_op_koers` ('projectionMisses'), otherwise `onzeker` ('projectionUncertain').
 * 5. Direction only ("daalt", "stijgt"): the value against the baseline value (compareValues, with the year-to-year
 *    variation). Clearly in the aim's direction → `op_koers` ('clearProgress'; from the target period on `behaald`);
 *    clearly against it → `niet_op_koers` ('clearSetback'); no clear change → `onzeker` ('noClearChange'): a small
 *    village without a clear change has not failed, the data cannot tell. At the baseline period itself:
 *    `onbekend` ('atBaseline'); no shown baseline value: `onbekend` ('noBaseline'); no numerator/denominator to tell
 *    a change from noise: `onbekend` ('noInterval').
 *
 * `pMet` is the probability, under the same normal (or t) model, that the aim is met: that the target period's
 * measurement meets the target (rule 4), that the true value does (rule 3), or that the change since the baseline
 * goes the aim's way (rule 5). A status is a claim at 95 %, so `op_koers` means pMet ≥ 0,975.
 */
import { type Aim, type Indicator, unitMultiplier } from '../data/package.ts';
import { compareValues, type Noise, type PeriodMeasurement, SAMPLING_ONLY } from './compare.ts';
import { type CountModel, countModel, normalCdf, tCdf, tQuantile, valueInterval, Z95 } from './intervals.ts';
import type { RoundingOf } from './stabilise.ts';
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
  indicator: Pick<Indicator, 'unit' | 'direction'> & RoundingOf;
  period: number;
  /** σ² of one yearly figure of the area beyond sampling (dispersion.ts), on the variance-stabilised scale. */
  yearNoise?: Noise;
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
  /** Weighted mean period, Σw and Σw(t − t̄)². */
  meanX: number;
  sw: number;
  sxx: number;
  /** The variance of a point with weight 1 (s² for ordinary least squares; the dispersion φ for weighted). */
  scale: number;
  /** Degrees of freedom of the reference distribution (n − 2; Infinity when the variances are known). */
  df: number;
}

interface FitPoint {
  period: number;
  value: number;
  /** Weight 1/variance; 1 for ordinary least squares. */
  weight?: number;
}

/**
 * Least squares of value on period, weighted when points carry weights. Unweighted: the residual variance s² is
 * estimated (t with n − 2 df). Weighted by known variances: the residual dispersion φ = Σw·r²/(n − 2) scales them
 * only when above 1 (McCullagh & Nelder's quasi-likelihood scale; t with n − 2 df then, otherwise normal). Needs at
 * least 3 points with different periods.
 */
export function linearFit(points: readonly FitPoint[]): LinearFit | null {
  const n = points.length;
  if (n < MIN_TREND_POINTS) return null;
  const weighted = points.some((p) => p.weight !== undefined);
  const w = points.map((p) => p.weight ?? 1);
  const sw = w.reduce((s, x) => s + x, 0);
  const meanX = points.reduce((s, p, i) => s + w[i]! * p.period, 0) / sw;
  const meanY = points.reduce((s, p, i) => s + w[i]! * p.value, 0) / sw;
  let sxx = 0;
  let sxy = 0;
  points.forEach((p, i) => {
    sxx += w[i]! * (p.period - meanX) ** 2;
    sxy += w[i]! * (p.period - meanX) * (p.value - meanY);
  });
  if (!(sxx > 0)) return null;
  const slope = sxy / sxx;
  const intercept = meanY - slope * meanX;
  let sse = 0;
  points.forEach((p, i) => {
    sse += w[i]! * (p.value - (intercept + slope * p.period)) ** 2;
  });
  const residual = sse / (n - 2);
  if (!weighted) return { slope, intercept, n, meanX, sw, sxx, scale: residual, df: n - 2 };
  return residual > 1
    ? { slope, intercept, n, meanX, sw, sxx, scale: residual, df: n - 2 }
    : { slope, intercept, n, meanX, sw, sxx, scale: 1, df: Number.POSITIVE_INFINITY };
}

/**
 * The fitted line at period x0 with its 95 % prediction interval (where a new measurement would fall):
 * ŷ ± q · √(scale · (1/Σw + (x0 − x̄)²/Sxx) + newVariance), q the t (n − 2 df) or normal quantile. For ordinary least
 * squares newVariance is s² (the textbook ŷ ± t·s·√(1 + 1/n + (x0 − x̄)²/Sxx)).
 */
export function predict(
  fit: LinearFit,
  x0: number,
  newVariance = fit.scale,
): { value: number; interval: Interval; se: number } {
  const value = fit.intercept + fit.slope * x0;
  const se = Math.sqrt(fit.scale * (1 / fit.sw + (x0 - fit.meanX) ** 2 / fit.sxx) + newVariance);
  const q = Number.isFinite(fit.df) ? tQuantile(0.975, fit.df) : Z95;
  return { value, interval: { low: value - q * se, high: value + q * se }, se };
}

/** P(reference distribution ≤ z): t with `df` degrees of freedom, normal when df is infinite. */
function cdf(z: number, df: number): number {
  return Number.isFinite(df) ? tCdf(z, df) : normalCdf(z);
}

/**
 * The scale a rate is fitted on: logit for percentages, log for other rates (per 1.000, per 10.000); `to`/`from`
 * map a value in the indicator's unit, `variance` is a figure's sampling variance there (empirical logit with ½
 * added to both counts, Cox 1970), `perStabilised` converts a variance on the stabilised scale (stabilise.ts) by the
 * squared ratio of the two scales' derivatives at the value.
 */
interface FitScale {
  to(value: number): number;
  /** A figure's counts on the scale: the empirical logit ln((x + ½)/(n − x + ½)), or ln((x + ½)/n). */
  observed(x: number, n: number): number;
  from(y: number): number;
  variance(x: number, n: number): number;
  perStabilised(value: number, model: CountModel): number;
}

function fitScale(unit: Indicator['unit'], multiplier: number): FitScale {
  const clamp = (p: number) => Math.min(1 - 1e-9, Math.max(1e-9, p));
  if (unit === 'percent') {
    return {
      to: (value) => {
        const p = clamp(value / multiplier);
        return Math.log(p / (1 - p));
      },
      from: (y) => multiplier / (1 + Math.exp(-y)),
      observed: (x, n) => Math.log((x + 0.5) / (n - x + 0.5)),
      variance: (x, n) => 1 / (x + 0.5) + 1 / (n - x + 0.5),
      perStabilised: (value) => {
        const p = clamp(value / multiplier);
        return 4 / (p * (1 - p));
      },
    };
  }
  return {
    to: (value) => Math.log(Math.max(1e-9, value / multiplier)),
    from: (y) => Math.exp(y) * multiplier,
    observed: (x, n) => Math.log((x + 0.5) / n),
    variance: (x) => 1 / (x + 0.5),
    perStabilised: (value, model) => {
      const r = Math.max(1e-9, value / multiplier);
      return model === 'proportion' ? (4 * Math.max(1e-9, 1 - r)) / r : 4 / r;
    },
  };
}

/** How a projection's interval stands to a target: entirely on its side, entirely against it, or holding it. */
function intervalStatus(
  interval: Interval,
  target: AimTarget,
  direction: 'up' | 'down',
): 'meets' | 'misses' | 'uncertain' {
  if (target.kind === 'band') {
    if (interval.low >= target.low && interval.high <= target.high) return 'meets';
    if (interval.high < target.low || interval.low > target.high) return 'misses';
    return 'uncertain';
  }
  if (target.kind !== 'value') return 'uncertain';
  const [good, bad] = direction === 'up' ? [interval.low, interval.high] : [-interval.high, -interval.low];
  const t = direction === 'up' ? target.value : -target.value;
  if (good >= t) return 'meets';
  if (bad < t) return 'misses';
  return 'uncertain';
}

/** P(a normal/t variable with this centre and se, on a monotone scale, meets the target). */
function probabilityMet(
  centre: number,
  se: number,
  df: number,
  target: AimTarget,
  direction: 'up' | 'down',
  to: (value: number) => number,
): number | null {
  if (!(se > 0)) return null;
  const below = (value: number) => cdf((to(value) - centre) / se, df);
  if (target.kind === 'band') return Math.max(0, below(target.high) - below(target.low));
  if (target.kind !== 'value') return null;
  return direction === 'down' ? below(target.value) : 1 - below(target.value);
}

interface Projection {
  value: number;
  interval: Interval;
  pMet: number | null;
  points: { period: number; value: number }[];
}

/** Rule 4: the course through `points` projected to `target period`, on the indicator's scale. */
function project(
  points: readonly PeriodMeasurement[],
  aim: { target: AimTarget; direction: 'up' | 'down'; targetPeriod: number; to: number },
  indicator: Pick<Indicator, 'unit'>,
  yearNoise: Noise,
): Projection | null {
  const multiplier = unitMultiplier(indicator.unit);
  const models = points.map((p) => countModel(p, indicator));
  const counted = multiplier !== null && models.every((m) => m !== null);
  const curve = (fit: LinearFit, from: (y: number) => number) => {
    const out: { period: number; value: number }[] = [];
    for (let t = points[0]!.period; t <= aim.to; t++)
      out.push({ period: t, value: from(fit.intercept + fit.slope * t) });
    return out;
  };
  if (!counted) {
    const fit = linearFit(points.map((p) => ({ period: p.period, value: p.value! })));
    if (!fit) return null;
    const p = predict(fit, aim.targetPeriod);
    return {
      value: p.value,
      interval: p.interval,
      pMet: probabilityMet(p.value, p.se, fit.df, aim.target, aim.direction, (v) => v),
      points: curve(fit, (y) => y),
    };
  }
  const model: CountModel = models.includes('poisson') ? 'poisson' : 'proportion';
  const scale = fitScale(indicator.unit, multiplier);
  const sigma2 = Math.max(0, yearNoise.extra);
  const fitPoints = points.map((p) => ({
    period: p.period,
    value: scale.observed(p.numerator!, p.denominator!),
    weight: 1 / (scale.variance(p.numerator!, p.denominator!) + sigma2 * scale.perStabilised(p.value!, model)),
  }));
  const fit = linearFit(fitPoints);
  if (!fit) return null;
  // The target period's measurement: sampling variance at the projected value with the latest denominator, plus
  // the year's ordinary variation, both scaled by the dispersion.
  const latest = points[points.length - 1]!;
  const centre = fit.intercept + fit.slope * aim.targetPeriod;
  const projectedValue = scale.from(centre);
  const n = latest.denominator!;
  const xHat = (projectedValue / multiplier) * n;
  const newVariance = fit.scale * (scale.variance(xHat, n) + sigma2 * scale.perStabilised(projectedValue, model));
  const p = predict(fit, aim.targetPeriod, newVariance);
  return {
    value: projectedValue,
    interval: { low: scale.from(p.interval.low), high: scale.from(p.interval.high) },
    pMet: probabilityMet(centre, p.se, fit.df, aim.target, aim.direction, scale.to),
    points: curve(fit, scale.from),
  };
}

/** Assesses one aim for one area at one period (rules in the module comment). */
export function assessAim({ aim, series, indicator, period, yearNoise = SAMPLING_ONLY }: AimRequest): AimAssessment {
  const target = aimTarget(aim);
  const baselineRow = series.find((r) => r.period === aim.baseline_period);
  const baselineValue = shown(baselineRow) ? baselineRow.value : null;
  const resolved = aimDirection(aim, indicator, baselineValue);
  const direction = resolved ?? 'up';
  const passed = period >= aim.target_period;
  const until = Math.min(period, aim.target_period);

  // Rule 4's course, computed whatever the status so the trend chart can always draw it.
  const from = Math.max(aim.baseline_period, until - TREND_YEARS);
  const points = series
    .filter((r) => r.period >= from && r.period <= until && shown(r))
    .sort((a, b) => a.period - b.period);
  const projection =
    points.length >= MIN_TREND_POINTS
      ? project(
          points,
          { target, direction, targetPeriod: aim.target_period, to: passed ? until : aim.target_period },
          indicator,
          yearNoise,
        )
      : null;

  const base = {
    target,
    direction,
    baselinePeriod: aim.baseline_period,
    targetPeriod: aim.target_period,
    baselineValue,
    projected: passed ? null : (projection?.value ?? null),
    projectedInterval: passed ? null : (projection?.interval ?? null),
    pMet: null as number | null,
    fit: projection
      ? {
          from: points[0]!.period,
          to: passed ? points[points.length - 1]!.period : aim.target_period,
          measuredTo: points[points.length - 1]!.period,
          points: projection.points,
        }
      : null,
  };
  const status = (s: AimAssessment['status'], reason: string, pMet: number | null = null): AimAssessment => ({
    ...base,
    status: s,
    reason,
    pMet,
  });

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
    const noise = { extra: 2 * yearNoise.extra, df: yearNoise.df };
    const change = compareValues(current, baselineRow, indicator, direction, aim.baseline_period, noise);
    if (change.pValue === null || change.difference === null) return status('onbekend', 'noInterval');
    const towards = direction === 'up' ? change.difference > 0 : change.difference < 0;
    const pMet = towards ? 1 - change.pValue / 2 : change.pValue / 2;
    if (change.verdict === 'better')
      return passed ? status('behaald', 'targetPeriodPassed', pMet) : status('op_koers', 'clearProgress', pMet);
    if (change.verdict === 'worse')
      return status('niet_op_koers', passed ? 'targetPeriodPassed' : 'clearSetback', pMet);
    return status('onzeker', passed ? 'targetPeriodPassed' : 'noClearChange', pMet);
  }

  // Rule 3: the value, with its interval where it has counts.
  const interval = valueInterval(current, indicator);
  const multiplier = unitMultiplier(indicator.unit);
  let valueStatus: 'meets' | 'misses' | 'uncertain';
  let valueP: number | null = null;
  if (interval === null || multiplier === null) {
    valueStatus = meetsTarget(current.value!, target, direction) ? 'meets' : 'misses';
  } else {
    valueStatus = intervalStatus(interval, target, direction);
    const scale = fitScale(indicator.unit, multiplier);
    const v = scale.variance(current.numerator!, current.denominator!);
    valueP = probabilityMet(
      scale.to(current.value!),
      Math.sqrt(v),
      Number.POSITIVE_INFINITY,
      target,
      direction,
      scale.to,
    );
  }
  if (passed) {
    if (valueStatus === 'meets') return status('behaald', 'targetPeriodPassed', valueP);
    return status(valueStatus === 'misses' ? 'niet_op_koers' : 'onzeker', 'targetPeriodPassed', valueP);
  }
  if (valueStatus === 'meets') return status('behaald', 'met', valueP);
  if (!projection) return status('onbekend', 'tooFewPoints');
  const projected = intervalStatus(projection.interval, target, direction);
  if (projected === 'meets') return status('op_koers', 'projectionMeets', projection.pMet);
  if (projected === 'misses') return status('niet_op_koers', 'projectionMisses', projection.pMet);
  return status('onzeker', 'projectionUncertain', projection.pMet);
}
