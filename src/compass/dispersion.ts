/**
 * Overdispersion: how much areas and years really vary beyond binomial noise. A wijk of 10.000 people has a small
 * binomial interval, yet its rate moves from year to year and differs from the gemeente's by more than that interval
 * for ordinary reasons (who moved in, a new care provider, a reorganised team). Tested against binomial noise alone,
 * large areas are "duidelijk" different almost every year. So the compass estimates, per indicator, from the areas
 * of one level in one gemeente:
 *
 * - `between`, per period: the additive random-effects variance τ² of the areas around their common value, as in
 *   Spiegelhalter's funnel plots (Spiegelhalter 2005, "Handling over-dispersion of performance indicators", Qual.
 *   Saf. Health Care 14:347–351): standardised deviations z, Winsorised at their 10th and 90th percentiles so that
 *   the outliers being looked for do not hide themselves, then τ² = (Σz² − (K − 1)) / (Σw − Σw²/Σw), w = 1/v, never
 *   below 0 (the DerSimonian–Laird moment estimator). The Winsorised Σz² is divided by its expectation under
 *   normality (0,6787 per area at 10 %/90 %), so that Winsorising does not shrink τ² when nothing is an outlier.
 *   With fewer than `MIN_AREAS` areas in a period the estimate pools all periods.
 * - `time`: the variance σ² of one area's yearly figure around its own course, beyond sampling noise, so that the
 *   change between two years has variance v₁ + v₂ + 2σ². Each area's series is taken around its own weighted
 *   least-squares line and the moment pieces are pooled over the areas of the level (for the gemeente: its own
 *   series alone), by the DerSimonian–Laird estimator for meta-regression (Thompson & Sharp 1999, Stat. Med.
 *   18:2693–2708). `timeDf` (the degrees of freedom behind σ²) makes a test that uses it a t test.
 *
 * Everything is on the variance-stabilised scale of src/compass/stabilise.ts. Suppressed figures are left out.
 */
import type { Indicator } from '../data/package.ts';
import { type CountModel, countModel } from './intervals.ts';
import { stabilise } from './stabilise.ts';

export interface DispersionRow {
  area_code: string;
  indicator_id: string;
  period: number;
  numerator: number | null;
  denominator: number | null;
  suppressed: boolean;
}

export interface IndicatorDispersion {
  /** Additive between-area variance τ² per period (stabilised scale). */
  between: ReadonlyMap<number, number>;
  /** Variance σ² of one yearly figure around the area's own course (stabilised scale). */
  time: number;
  /** Degrees of freedom behind `time`; Infinity when σ² is 0 (a test then has only known sampling variance). */
  timeDf: number;
}

/** Indicator id → its overdispersion at one level of one gemeente. */
export type Dispersion = ReadonlyMap<string, IndicatorDispersion>;

export const NO_DISPERSION: IndicatorDispersion = { between: new Map(), time: 0, timeDf: Number.POSITIVE_INFINITY };

/** Fewest areas in one period for a period's own between-area estimate. */
export const MIN_AREAS = 10;

/** E[min(|Z|, z₀.₉)²] for a standard normal Z: the mean square of a 10 %/90 % Winsorised normal sample. */
const WINSOR_CONSISTENCY = 0.6787;

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

interface Point {
  area: string;
  period: number;
  g: number;
  v: number;
}

/** Moment pieces of one group: Q = Σw(y − ȳ_w)², its degrees of freedom, and Σw − Σw²/Σw. */
interface Moments {
  q: number;
  df: number;
  c: number;
}

function groupMoments(ys: readonly number[], vs: readonly number[], winsorise: boolean): Moments | null {
  const k = ys.length;
  if (k < 2) return null;
  const w = vs.map((v) => 1 / v);
  const sw = w.reduce((s, x) => s + x, 0);
  const sw2 = w.reduce((s, x) => s + x * x, 0);
  const mean = ys.reduce((s, y, i) => s + w[i]! * y, 0) / sw;
  let zs = ys.map((y, i) => (y - mean) * Math.sqrt(w[i]!));
  let q: number;
  if (winsorise && k >= MIN_AREAS) {
    const sorted = [...zs].sort((a, b) => a - b);
    const at = (p: number) => {
      const pos = p * (k - 1);
      const lo = Math.floor(pos);
      return sorted[lo]! + (sorted[Math.min(k - 1, lo + 1)]! - sorted[lo]!) * (pos - lo);
    };
    const lo = at(0.1);
    const hi = at(0.9);
    zs = zs.map((z) => Math.min(hi, Math.max(lo, z)));
    q = zs.reduce((s, z) => s + z * z, 0) / WINSOR_CONSISTENCY;
  } else q = zs.reduce((s, z) => s + z * z, 0);
  return { q, df: k - 1, c: sw - sw2 / sw };
}

function momentEstimate(parts: readonly Moments[]): number {
  const q = parts.reduce((s, m) => s + m.q, 0);
  const df = parts.reduce((s, m) => s + m.df, 0);
  const c = parts.reduce((s, m) => s + m.c, 0);
  return c > 0 ? Math.max(0, (q - df) / c) : 0;
}

function betweenAreas(points: readonly Point[]): Map<number, number> {
  const byPeriod = new Map<number, Point[]>();
  for (const p of points) pushTo(byPeriod, p.period, p);
  const moments = new Map<number, Moments>();
  for (const [period, list] of byPeriod) {
    const m = groupMoments(
      list.map((p) => p.g),
      list.map((p) => p.v),
      true,
    );
    if (m) moments.set(period, m);
  }
  const pooled = momentEstimate([...moments.values()]);
  const result = new Map<number, number>();
  for (const [period, m] of moments) result.set(period, m.df + 1 >= MIN_AREAS ? momentEstimate([m]) : pooled);
  return result;
}

/**
 * The moment pieces of one series around its own weighted line y = a + b·t (DerSimonian–Laird for meta-regression):
 * Q = Σw·r², df = m − 2, and c = tr(W) − tr((X'WX)⁻¹X'W²X), the expected Q per unit of σ². Null below 3 points.
 */
function seriesMoments(series: readonly Point[]): Moments | null {
  const m = series.length;
  if (m < 3) return null;
  const w = series.map((p) => 1 / p.v);
  const sw = w.reduce((s, x) => s + x, 0);
  const tBar = series.reduce((s, p, i) => s + w[i]! * p.period, 0) / sw;
  const yBar = series.reduce((s, p, i) => s + w[i]! * p.g, 0) / sw;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < m; i++) {
    sxx += w[i]! * (series[i]!.period - tBar) ** 2;
    sxy += w[i]! * (series[i]!.period - tBar) * (series[i]!.g - yBar);
  }
  if (!(sxx > 0)) return null;
  const slope = sxy / sxx;
  let q = 0;
  for (let i = 0; i < m; i++) q += w[i]! * (series[i]!.g - yBar - slope * (series[i]!.period - tBar)) ** 2;
  const sw2 = w.reduce((s, x) => s + x * x, 0);
  let sw2xx = 0;
  for (let i = 0; i < m; i++) sw2xx += w[i]! ** 2 * (series[i]!.period - tBar) ** 2;
  // X'WX is diagonal here (t centred at its weighted mean): diag(Σw, Sxx).
  return { q, df: m - 2, c: sw - (sw2 / sw + sw2xx / sxx) };
}

/**
 * σ² of a yearly figure around the area's own course: every area's series around its own weighted line, pooled
 * (a steady trend of one area is real change, not noise; a year's shock shared by all areas stays in, as it does
 * for the gemeente alone, so every level is judged alike).
 */
function overTime(points: readonly Point[]): { time: number; df: number } {
  const byArea = new Map<string, Point[]>();
  for (const p of points) pushTo(byArea, p.area, p);
  const parts: Moments[] = [];
  for (const list of byArea.values()) {
    const m = seriesMoments(list.sort((x, y) => x.period - y.period));
    if (m) parts.push(m);
  }
  const df = parts.reduce((s, m) => s + m.df, 0);
  return { time: momentEstimate(parts), df };
}

/** The model the dispersion of an indicator is estimated under: Poisson when any figure has more events than people. */
function indicatorModel(rows: readonly DispersionRow[], indicator: Pick<Indicator, 'unit'>): CountModel | null {
  let model: CountModel | null = null;
  for (const r of rows) {
    const m = countModel({ value: null, numerator: r.numerator, denominator: r.denominator }, indicator);
    if (m === 'poisson') return 'poisson';
    if (m === 'proportion') model = 'proportion';
  }
  return model;
}

/**
 * The overdispersion of every rate indicator among `rows`: the figures of the areas of one level in one gemeente
 * (all periods). Indicators without counts are left out (their tests have no noise model at all).
 */
export function estimateDispersion(
  rows: readonly DispersionRow[],
  indicators: readonly Pick<Indicator, 'id' | 'unit'>[],
): Dispersion {
  const byIndicator = new Map<string, DispersionRow[]>();
  for (const r of rows) {
    if (r.suppressed) continue;
    pushTo(byIndicator, r.indicator_id, r);
  }
  const result = new Map<string, IndicatorDispersion>();
  for (const indicator of indicators) {
    const list = byIndicator.get(indicator.id);
    if (!list) continue;
    const model = indicatorModel(list, indicator);
    if (model === null) continue;
    const points: Point[] = [];
    for (const r of list) {
      const s = stabilise({ value: null, numerator: r.numerator, denominator: r.denominator }, model);
      if (s) points.push({ area: r.area_code, period: r.period, g: s.g, v: s.v });
    }
    const time = overTime(points);
    result.set(indicator.id, {
      between: betweenAreas(points),
      time: time.time,
      timeDf: time.time > 0 && time.df > 0 ? time.df : Number.POSITIVE_INFINITY,
    });
  }
  return result;
}
