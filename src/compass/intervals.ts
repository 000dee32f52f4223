/**
 * 95 % intervals for a published value: how much a figure could differ from the "true" rate by chance alone.
 * A small village's 3 of 40 is far less certain than a town's 300 of 4.000, and the compass must not call noise a
 * change. Only figures with a numerator and a denominator get an interval; a registry total or an average has no
 * sampling error we can compute from the package, so it gets none (null).
 *
 * Two models, chosen per figure:
 * - a share (numerator ≤ denominator: people with X among people): Wilson's score interval on the proportion,
 *   which unlike the textbook p ± 1,96·√(p(1−p)/n) never leaves 0..1 and stays honest for 0 of 10 or 10 of 10;
 * - a rate of events (numerator > denominator is possible: meldingen per 1.000 inhabitants): the exact Poisson
 *   (Garwood) interval on the count, divided by the denominator.
 *
 * The distribution functions below (regularised incomplete gamma and beta, their inverses, the t quantile) are
 * implemented here rather than imported: the app has no statistics dependency, and the approximations that fit in a
 * line (Wilson–Hilferty for chi-square) are off by several percent for the small counts villages have.
 */
import { type Indicator, unitMultiplier } from '../data/package.ts';
import type { Interval } from './types.ts';

/** The normal quantile for a two-sided 95 % interval, as every textbook table rounds it. */
export const Z95 = 1.96;

/** A published figure with the counts it was computed from (ProfileRow fits). */
export interface Counts {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

/**
 * Wilson score interval for a proportion `successes / n`, on 0..1. Null for n ≤ 0 (no people, no proportion).
 * Centre (p + z²/2n) / (1 + z²/n), half-width z/(1 + z²/n) · √(p(1−p)/n + z²/4n²); the ends are clamped to 0..1
 * only to remove floating-point dust (0/n gives exactly 0 in exact arithmetic).
 */
export function wilsonInterval(successes: number, n: number, z = Z95): Interval | null {
  if (!(n > 0) || !Number.isFinite(successes) || successes < 0 || successes > n) return null;
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return {
    low: successes === 0 ? 0 : Math.max(0, centre - half),
    high: successes === n ? 1 : Math.min(1, centre + half),
  };
}

/**
 * Exact (Garwood 1936) interval for the mean of a Poisson count: [χ²(α/2; 2x)/2, χ²(1−α/2; 2x+2)/2], with the
 * lower end 0 for x = 0. Written with the gamma distribution (χ²(p; 2k)/2 is the p-quantile of Gamma(k, 1)).
 * Accuracy: the gamma inverse below is solved to ~1e-12 relative, so the ends match printed tables to every digit
 * they print (0 events: [0; 3,6889]; 5: [1,6235; 11,6683]; 10: [4,7954; 18,3904]).
 */
export function garwoodInterval(events: number, level = 0.95): Interval | null {
  if (!Number.isFinite(events) || events < 0) return null;
  const alpha = 1 - level;
  return {
    low: events === 0 ? 0 : gammaQuantile(alpha / 2, events),
    high: gammaQuantile(1 - alpha / 2, events + 1),
  };
}

/** Which model a figure's uncertainty follows; null when it has none we can compute. */
export type CountModel = 'proportion' | 'poisson';

/**
 * The model for one figure: a rate unit (percent, per 1.000, per 10.000) with usable counts. A percentage can only
 * be a share, so a numerator above its denominator there is an error (null), not a Poisson rate.
 */
export function countModel(row: Counts, indicator: Pick<Indicator, 'unit'>): CountModel | null {
  const { numerator: x, denominator: n } = row;
  if (unitMultiplier(indicator.unit) === null || x === null || n === null) return null;
  if (!Number.isFinite(x) || !Number.isFinite(n) || x < 0 || n <= 0) return null;
  if (x <= n) return 'proportion';
  return indicator.unit === 'percent' ? null : 'poisson';
}

/**
 * The 95 % interval of a figure in the indicator's own unit (12,4 for 12,4 %), or null when there is none to
 * compute: no value, a non-rate unit (counts, averages, euros: registry totals without sampling error we can
 * know), missing counts, or a denominator of 0.
 */
export function valueInterval(row: Counts, indicator: Pick<Indicator, 'unit'>): Interval | null {
  if (row.value === null) return null;
  const model = countModel(row, indicator);
  const multiplier = unitMultiplier(indicator.unit);
  if (model === null || multiplier === null) return null;
  const x = row.numerator!;
  const n = row.denominator!;
  const base = model === 'proportion' ? wilsonInterval(x, n) : garwoodInterval(x);
  if (base === null) return null;
  const scale = model === 'proportion' ? multiplier : multiplier / n;
  return { low: base.low * scale, high: base.high * scale };
}

// ---------------------------------------------------------------------------------------------------------------
// Distribution functions. Textbook algorithms (Numerical Recipes §6.1–6.4, Lanczos log-gamma), solved by a
// safeguarded Newton / bisection so that no starting guess can send them astray.

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7; ~1e-15 relative). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const xm = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (xm + i);
  const t = xm + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (xm + 0.5) * Math.log(t) - t + Math.log(sum);
}

const EPS = 1e-15;
const TINY = 1e-300;

/** Regularised lower incomplete gamma P(a, x) = γ(a, x) / Γ(a): the Gamma(a, 1) distribution function. */
export function gammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  const logPrefix = a * Math.log(x) - x - logGamma(a);
  // Near the mode both expansions need on the order of √a terms: a gemeente's 100.000 events need thousands.
  const maxTerms = 1000 + Math.ceil(50 * Math.sqrt(a));
  if (x < a + 1) {
    // Series: converges fast below the mode.
    let term = 1 / a;
    let sum = term;
    for (let k = 1; k < maxTerms; k++) {
      term *= x / (a + k);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPS) break;
    }
    return Math.min(1, sum * Math.exp(logPrefix));
  }
  // Continued fraction for Q = 1 − P (modified Lentz): converges fast above the mode.
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < maxTerms; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return Math.max(0, 1 - Math.exp(logPrefix) * h);
}

/** The p-quantile of Gamma(a, 1): the x with P(a, x) = p. */
export function gammaQuantile(p: number, a: number): number {
  if (!(p > 0)) return 0;
  if (p >= 1) return Number.POSITIVE_INFINITY;
  let lo = 0;
  let hi = Math.max(1, a);
  while (gammaP(a, hi) < p) {
    lo = hi;
    hi *= 2;
  }
  let x = (lo + hi) / 2;
  const logNorm = logGamma(a);
  for (let i = 0; i < 200; i++) {
    const f = gammaP(a, x) - p;
    if (f < 0) lo = x;
    else hi = x;
    const density = Math.exp((a - 1) * Math.log(x) - x - logNorm);
    let next = density > 0 ? x - f / density : Number.NaN;
    // Newton where it behaves; bisection where it would jump out of the bracket.
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - x) <= 1e-14 * Math.max(1, x) || hi - lo <= 1e-14 * Math.max(1, x)) return next;
    x = next;
  }
  return x;
}

/** The p-quantile of chi-square with k degrees of freedom (χ²(p; k) = 2 · Gamma(k/2) quantile). */
export function chiSquareQuantile(p: number, k: number): number {
  return 2 * gammaQuantile(p, k / 2);
}

/** Continued fraction for the incomplete beta (Numerical Recipes `betacf`). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < 1000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return h;
}

/** Regularised incomplete beta I_x(a, b). */
export function betaI(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  // The fraction converges for x below (a+1)/(a+b+2); above, use the symmetry I_x(a,b) = 1 − I_{1−x}(b,a).
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(a, b, x)) / a;
  return 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** Student's t distribution function with `df` degrees of freedom. */
export function tCdf(t: number, df: number): number {
  const tail = 0.5 * betaI(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/**
 * The p-quantile of Student's t with `df` degrees of freedom. Solved by bisection on the incomplete beta (which is
 * monotone), 200 halvings: exact to double precision, and only a few calls per aim.
 */
export function tQuantile(p: number, df: number): number {
  if (!(df > 0) || !(p > 0) || !(p < 1)) return Number.NaN;
  if (p === 0.5) return 0;
  const upper = p > 0.5;
  // Two-sided tail mass beyond |t|: I_x(df/2, 1/2) with x = df / (df + t²).
  const tail = 2 * (upper ? 1 - p : p);
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 200 && hi - lo > 0; i++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if (betaI(mid, df / 2, 0.5) < tail) lo = mid;
    else hi = mid;
  }
  const x = (lo + hi) / 2;
  const t = Math.sqrt((df * (1 - x)) / x);
  return upper ? t : -t;
}

/** The standard normal distribution function Φ(z), through the incomplete gamma: Φ(z) = ½(1 + P(½, z²/2)). */
export function normalCdf(z: number): number {
  if (!Number.isFinite(z)) return z > 0 ? 1 : 0;
  const half = 0.5 * gammaP(0.5, (z * z) / 2);
  return z >= 0 ? 0.5 + half : 0.5 - half;
}

/** Two-sided p-value of a z (or, with finite `df`, a t) statistic. */
export function twoSidedP(z: number, df = Number.POSITIVE_INFINITY): number {
  const a = Math.abs(z);
  if (!Number.isFinite(df)) {
    // 1 − Φ(a) = ½ Q(½, a²/2) without the cancellation of 1 − Φ for large a.
    return 1 - gammaP(0.5, (a * a) / 2);
  }
  return 2 * (1 - tCdf(a, df));
}
