/**
 * Is a difference real? Two figures are compared through a 95 % interval of their difference: only when it
 * excludes 0 does the compass say "better" or "worse"; inside the noise it says "geen duidelijk verschil"
 * (`unclear`). This is what keeps a small village's 3 of 40 → 5 of 42 from showing as a red arrow, while a
 * town's 300 of 4.000 → 500 of 4.200 does.
 *
 * The interval of a difference is built from the two figures' own intervals by MOVER (Newcombe 1998, Zou & Donner
 * 2008): L = d − √((a − a_low)² + (b_high − b)²), U = d + √((a_high − a)² + (b − b_low)²). With Wilson intervals
 * this is exactly Newcombe's hybrid score interval ("method 10") for two independent proportions; with Garwood
 * intervals it is the matching interval for two Poisson rates. Both behave at 0 events and small counts, where the
 * textbook Wald interval (d ± 1,96·se) collapses.
 *
 * Figures without numerator and denominator (counts, averages, euros) get verdict `unknown`: the difference is
 * given, but we cannot tell it from noise — and a registry total has none we could compute.
 *
 * The interval alone is not the verdict. It measures binomial noise; areas and years also vary for ordinary
 * reasons beyond it (overdispersion, src/compass/dispersion.ts). So each comparison also carries a p-value from a
 * z test on the variance-stabilised scale (src/compass/stabilise.ts) whose variance adds that ordinary variation
 * (`Noise`), and a verdict is `better`/`worse` only when the interval excludes 0 AND p < 0,05. src/compass/assess.ts
 * then treats the comparisons shown together for one area and period as one family (Benjamini–Hochberg, fdr.ts).
 * Counts a source rounds (`rounding` in indicators.csv) widen both: the interval is the widest over the rounding
 * range, and the test takes the least favourable counts in it.
 */
import type { Direction, Indicator } from '../data/package.ts';
import { unitMultiplier } from '../data/package.ts';
import { type CountModel, type Counts, garwoodInterval, twoSidedP, wilsonInterval } from './intervals.ts';
import { pairModel, type RoundingOf, stabilise } from './stabilise.ts';
import type { Comparison, Interval, Verdict } from './types.ts';

/** A figure as the app sees it (ProfileRow fits): suppressed rows carry no value and are never compared. */
export interface Measurement extends Counts {
  suppressed: boolean;
}

/** A measurement of one period (for comparing with the previous one). */
export interface PeriodMeasurement extends Measurement {
  period: number;
}

/** A measurement of one area (for comparing with its gemeente). */
export interface AreaMeasurement extends Measurement {
  area_code: string;
}

type IndicatorUnit = Pick<Indicator, 'unit'> & RoundingOf;

/**
 * Variation beyond sampling noise that a comparison must allow for: `extra`, added to the variance of the difference
 * on the stabilised scale (2σ² for two years of one area, τ² for an area against the rest of its gemeente), and the
 * degrees of freedom it was estimated with (Infinity: a normal reference).
 */
export interface Noise {
  extra: number;
  df: number;
}

export const SAMPLING_ONLY: Noise = { extra: 0, df: Number.POSITIVE_INFINITY };

/** The significance level of one comparison before the family's false-discovery control. */
export const ALPHA = 0.05;

const shown = (m: Measurement | null | undefined): m is Measurement =>
  !!m && !m.suppressed && m.value !== null && Number.isFinite(m.value);

function result(
  verdict: Verdict,
  difference: number | null,
  interval: Interval | null,
  strength: number | null,
  against: number | string | null,
  pValue: number | null = null,
): Comparison {
  return { verdict, difference, interval, strength, against, pValue, family: null };
}

/**
 * The p-value of a − b on the stabilised scale with `noise` added: the difference is first shrunk towards 0 by
 * both figures' rounding slack (least favourable counts). Null without usable counts.
 */
export function differencePValue(
  a: Counts,
  b: Counts,
  indicator: IndicatorUnit,
  noise: Noise,
  bRounding: RoundingOf = indicator,
): number | null {
  const model = pairModel(a, b, indicator);
  if (model === null) return null;
  const sa = stabilise(a, model, indicator);
  const sb = stabilise(b, model, bRounding);
  if (sa === null || sb === null) return null;
  const shrunk = Math.max(0, Math.abs(sa.g - sb.g) - sa.slack - sb.slack);
  const sd = Math.sqrt(sa.v + sb.v + Math.max(0, noise.extra));
  return twoSidedP(shrunk / sd, noise.extra > 0 ? noise.df : Number.POSITIVE_INFINITY);
}

/**
 * The estimate and 95 % interval of one figure in the indicator's unit, from its counts under `model`. The estimate
 * is numerator / denominator × multiplier, not the published (rounded) value, so that the interval is centred on it.
 */
function estimate(
  m: Counts,
  model: CountModel,
  multiplier: number,
  rounding: RoundingOf = {},
): { value: number; interval: Interval } | null {
  const x = m.numerator!;
  const n = m.denominator!;
  const one = (xc: number, nc: number): Interval | null => {
    const base = model === 'proportion' ? wilsonInterval(xc, nc) : garwoodInterval(xc);
    if (base === null) return null;
    const scale = model === 'proportion' ? multiplier : multiplier / nc;
    return { low: base.low * scale, high: base.high * scale };
  };
  const interval = one(x, n);
  if (interval === null) return null;
  // Rounded counts: the widest interval over every pair of counts the published ones may stand for.
  const rx = (rounding.rounding ?? 0) / 2;
  const rn = (rounding.denominator_rounding ?? 0) / 2;
  if (rx > 0 || rn > 0) {
    for (const dx of [-rx, rx]) {
      for (const dn of [-rn, rn]) {
        const xc = Math.max(0, x + dx);
        const nc = Math.max(1, n + dn);
        if (model === 'proportion' && xc > nc) continue;
        const corner = one(xc, nc);
        if (!corner) continue;
        interval.low = Math.min(interval.low, corner.low);
        interval.high = Math.max(interval.high, corner.high);
      }
    }
  }
  return { value: (x / n) * multiplier, interval };
}

/**
 * The difference a − b with its 95 % MOVER interval, or null when the counts do not allow one. Both figures use the
 * same model: a Poisson rate as soon as either has more events than people (a share is a special case of it there).
 */
export function differenceInterval(
  a: Counts,
  b: Counts,
  indicator: IndicatorUnit,
  bRounding: RoundingOf = indicator,
): { difference: number; interval: Interval } | null {
  const multiplier = unitMultiplier(indicator.unit);
  const model = pairModel(a, b, indicator);
  if (multiplier === null || model === null) return null;
  const ea = estimate(a, model, multiplier, indicator);
  const eb = estimate(b, model, multiplier, bRounding);
  if (ea === null || eb === null) return null;
  const d = ea.value - eb.value;
  const low = d - Math.hypot(ea.value - ea.interval.low, eb.interval.high - eb.value);
  const high = d + Math.hypot(ea.interval.high - ea.value, eb.value - eb.interval.low);
  return { difference: d, interval: { low, high } };
}

/**
 * How far beyond the noise: |d| divided by the distance from d to the interval's end on the side of 0. The interval
 * is asymmetric, and the side towards 0 is the one that decides, so strength > 1 exactly when the interval excludes
 * 0. Null when that distance is 0 (no noise to measure against).
 */
export function strengthOf(difference: number, interval: Interval): number | null {
  const half = difference >= 0 ? difference - interval.low : interval.high - difference;
  return half > 0 ? Math.abs(difference) / half : null;
}

/** The verdict for an interval of a − b, read along the indicator's (or aim's) direction. */
function verdictOf(interval: Interval, direction: Direction): Verdict {
  if (direction === 'neutral') return 'neutral';
  if (interval.low > 0) return direction === 'up' ? 'better' : 'worse';
  if (interval.high < 0) return direction === 'up' ? 'worse' : 'better';
  return 'unclear';
}

/** A clear verdict needs the test too: with p ≥ 0,05 the difference is within what areas or years ordinarily do. */
function testedVerdict(interval: Interval, direction: Direction, pValue: number | null): Verdict {
  const verdict = verdictOf(interval, direction);
  if ((verdict === 'better' || verdict === 'worse') && (pValue === null || pValue >= ALPHA)) return 'unclear';
  return verdict;
}

/**
 * Compares figure a with figure b (a − b). `direction` is passed separately from the indicator because an aim may
 * set one for an indicator that is neutral in itself; `noise` is the ordinary variation beyond sampling between the
 * two (src/compass/dispersion.ts), none by default.
 * - `unknown`: either figure missing or suppressed (difference null), or — with both values shown — no usable counts
 *   (non-rate unit, missing numerator/denominator, denominator 0): the difference of the values, no interval.
 * - `neutral`: the direction is neutral — difference and interval, never a verdict.
 * - `better` / `worse`: the 95 % interval excludes 0 and the test with `noise` gives p < 0,05, read along the
 *   direction (up: higher is better).
 * - `unclear`: otherwise.
 */
export function compareValues(
  a: Measurement | null | undefined,
  b: Measurement | null | undefined,
  indicator: IndicatorUnit,
  direction: Direction,
  against: number | string | null = null,
  noise: Noise = SAMPLING_ONLY,
): Comparison {
  if (!shown(a) || !shown(b)) return result('unknown', null, null, null, against);
  const diff = differenceInterval(a, b, indicator);
  if (diff === null) {
    // A neutral indicator needs no noise estimate to be shown as neutral; anything else cannot be judged.
    return result(direction === 'neutral' ? 'neutral' : 'unknown', a.value! - b.value!, null, null, against);
  }
  const pValue = differencePValue(a, b, indicator, noise);
  const strength = strengthOf(diff.difference, diff.interval);
  return result(
    testedVerdict(diff.interval, direction, pValue),
    diff.difference,
    diff.interval,
    strength,
    against,
    pValue,
  );
}

/** The latest period before `period` with a shown value in `series`, or undefined. */
export function previousShown<T extends PeriodMeasurement>(series: readonly T[], period: number): T | undefined {
  let previous: T | undefined;
  for (const r of series) {
    if (r.period < period && shown(r) && (!previous || r.period > previous.period)) previous = r;
  }
  return previous;
}

/**
 * The figure at `period` against the latest earlier period with a shown value (the previous year, or the previous
 * survey round when a survey skips years; a suppressed year is passed over). `unknown` without a figure at
 * `period` or without an earlier one. `yearNoise` is σ² of one yearly figure (dispersion.ts): two years add 2σ².
 */
export function compareWithPrevious(
  series: readonly PeriodMeasurement[],
  period: number,
  indicator: IndicatorUnit,
  direction: Direction,
  yearNoise: Noise = SAMPLING_ONLY,
): Comparison {
  const current = series.find((r) => r.period === period);
  const previous = previousShown(series, period);
  const noise = { extra: 2 * yearNoise.extra, df: yearNoise.df };
  return compareValues(current, previous, indicator, direction, previous?.period ?? null, noise);
}

/**
 * The area against its gemeente. The area is part of the gemeente, so the two figures are not independent: the
 * gemeente's figure contains the area's own people, and an interval for "area − gemeente" that treated them as
 * independent would be wrong (too wide for a large wijk, which is half its gemeente). So the test is the area
 * against THE REST of the gemeente (gemeente counts minus area counts), which is independent of it. The difference
 * reported is still area − gemeente, the one the user sees next to the two figures: with w = the area's share of
 * the gemeente's denominator, area − gemeente = (1 − w) · (area − rest) exactly, so the interval is the rest-interval
 * scaled by (1 − w), and the verdict and strength are those of the area-versus-rest test. `between` is the
 * between-area variance τ² of the area's level in that period (Spiegelhalter's additive overdispersion): an area
 * is clearly different only when it differs by more than areas ordinarily do.
 *
 * `unknown` when the area is the gemeente itself, when either figure is missing or suppressed, without counts, and
 * when the counts do not leave a rest (the area's rounded counts exceed the gemeente's, as CBS rounding allows).
 */
export function compareWithGemeente(
  area: AreaMeasurement | null | undefined,
  gemeente: AreaMeasurement | null | undefined,
  indicator: IndicatorUnit,
  direction: Direction,
  between: Noise = SAMPLING_ONLY,
): Comparison {
  const code = gemeente?.area_code ?? null;
  // A count of an area against the gemeente's total is no comparison (a wijk has fewer inhabitants than its gemeente).
  if (!shown(area) || !shown(gemeente) || area.area_code === gemeente.area_code || indicator.unit === 'count') {
    return result('unknown', null, null, null, code);
  }
  const valueDifference = area.value! - gemeente.value!;
  const multiplier = unitMultiplier(indicator.unit);
  const { numerator: xa, denominator: na } = area;
  const { numerator: xg, denominator: ng } = gemeente;
  if (multiplier === null || xa === null || na === null || xg === null || ng === null || !(na > 0)) {
    return result(direction === 'neutral' ? 'neutral' : 'unknown', valueDifference, null, null, code);
  }
  const rest: Counts = { value: null, numerator: xg - xa, denominator: ng - na };
  // The rest is a difference of two rounded counts: its rounding range is twice as wide.
  const restRounding: RoundingOf = {
    rounding: indicator.rounding ? 2 * indicator.rounding : null,
    denominator_rounding: indicator.denominator_rounding ? 2 * indicator.denominator_rounding : null,
  };
  const diff =
    rest.numerator! >= 0 && rest.denominator! > 0 ? differenceInterval(area, rest, indicator, restRounding) : null;
  if (diff === null) {
    return result(direction === 'neutral' ? 'neutral' : 'unknown', valueDifference, null, null, code);
  }
  const pValue = differencePValue(area, rest, indicator, between, restRounding);
  const scale = 1 - na / ng;
  const difference = diff.difference * scale;
  const interval = { low: diff.interval.low * scale, high: diff.interval.high * scale };
  return result(
    testedVerdict(interval, direction, pValue),
    difference,
    interval,
    strengthOf(difference, interval),
    code,
    pValue,
  );
}
