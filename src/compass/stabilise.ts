/**
 * Counts on a variance-stabilised scale, where every figure's sampling variance depends only on its denominator:
 * a share x of n as Anscombe's arcsine √((x + 3/8)/(n + 3/4)), variance 1/(4n + 2); a rate of events x per n people
 * as √((x + 3/8)/n), variance 1/(4n) (Anscombe 1948, Biometrika 35:246–254). On this scale the compass adds the
 * variation that areas and years really show beyond binomial noise (overdispersion, src/compass/dispersion.ts) and
 * tests differences with a normal z, as Spiegelhalter's funnel plots do (Spiegelhalter 2005, Stat. Med. 24:1185).
 *
 * Rounded counts. CBS publishes benefit counts rounded to 10 and care counts to 5; a rate computed from them is not
 * exact. The package says so (`rounding`, `denominator_rounding` in indicators.csv), and `slack` is the furthest the
 * stabilised value could move when the true counts lie anywhere in the rounding range: a test shrinks the
 * difference by the slack of both figures before it compares it with the noise, i.e. it takes the least favourable
 * counts the published ones allow (the widest interval over the rounding range).
 */
import type { Indicator } from '../data/package.ts';
import { type CountModel, type Counts, countModel } from './intervals.ts';

export interface Stabilised {
  /** The figure on the stabilised scale. */
  g: number;
  /** Its binomial/Poisson sampling variance on that scale. */
  v: number;
  /** How far g could move within the counts' rounding range (0 for exact counts). */
  slack: number;
}

export type RoundingOf = Partial<Pick<Indicator, 'rounding' | 'denominator_rounding'>>;

export function stabilisedValue(x: number, n: number, model: CountModel): number {
  return model === 'proportion' ? Math.asin(Math.sqrt((x + 0.375) / (n + 0.75))) : Math.sqrt((x + 0.375) / n);
}

export function stabilisedVariance(n: number, model: CountModel): number {
  return model === 'proportion' ? 1 / (4 * n + 2) : 1 / (4 * n);
}

/** The model a pair of figures is compared under: Poisson as soon as either has more events than people. */
export function pairModel(a: Counts, b: Counts, indicator: Pick<Indicator, 'unit'>): CountModel | null {
  const ma = countModel(a, indicator);
  const mb = countModel(b, indicator);
  if (ma === null || mb === null) return null;
  return ma === 'poisson' || mb === 'poisson' ? 'poisson' : 'proportion';
}

/** One figure on the stabilised scale under `model`, with its rounding slack; null without usable counts. */
export function stabilise(counts: Counts, model: CountModel, rounding: RoundingOf = {}): Stabilised | null {
  const x = counts.numerator;
  const n = counts.denominator;
  if (x === null || n === null || !Number.isFinite(x) || !Number.isFinite(n) || x < 0 || !(n > 0)) return null;
  const g = stabilisedValue(x, n, model);
  const rx = (rounding.rounding ?? 0) / 2;
  const rn = (rounding.denominator_rounding ?? 0) / 2;
  let slack = 0;
  if (rx > 0 || rn > 0) {
    for (const dx of [-rx, rx]) {
      for (const dn of [-rn, rn]) {
        const xc = Math.max(0, x + dx);
        const nc = Math.max(1, n + dn);
        if (model === 'proportion' && xc > nc) continue;
        slack = Math.max(slack, Math.abs(stabilisedValue(xc, nc, model) - g));
      }
    }
  }
  return { g, v: stabilisedVariance(n, model), slack };
}
