/**
 * Funnel plots and stabilised values: comparing many areas at once without rewarding noise. A ranking of raw rates
 * puts the smallest buurten at the top and the bottom, because their rates scatter most. Two standard remedies,
 * both on the variance-stabilised scale (stabilise.ts) with the between-area overdispersion τ² of dispersion.ts:
 *
 * - Funnel limits (Spiegelhalter 2005, "Funnel plots for comparing institutional performance", Stat. Med. 24:1185):
 *   around the gemeente's value g₀, the band g₀ ± z·√(v(n) + τ²) as a function of the denominator n, at 95 % and
 *   99,8 % (z = 1,96 and 3,09). An area outside the 99,8 % band differs by more than areas ordinarily do.
 * - Empirical-Bayes shrinkage (the normal–normal model; Efron & Morris 1975, Clayton & Kaldor 1987): each area's
 *   value pulled towards g₀ by B = τ² / (τ² + v): a large area keeps its own value, a small one is drawn towards the
 *   gemeente as far as its noise warrants. With τ² = 0 (areas differ by no more than noise) every area gets g₀.
 *
 * Back on the indicator's scale a share is sin²(g), a rate g² (the Anscombe correction of 3/8 is left out there: it
 * matters for counts of 0 to 2, which the package suppresses).
 */
import type { Indicator } from '../data/package.ts';
import { unitMultiplier } from '../data/package.ts';
import { type CountModel, countModel } from './intervals.ts';
import { stabilise, stabilisedValue, stabilisedVariance } from './stabilise.ts';

export const FUNNEL_Z = { inner: 1.959964, outer: 3.090232 } as const;

export interface FunnelArea {
  area_code: string;
  numerator: number | null;
  denominator: number | null;
}

export interface FunnelPoint {
  denominator: number;
  /** Limits in the indicator's unit. */
  inner: { low: number; high: number };
  outer: { low: number; high: number };
}

export interface Funnel {
  /** The centre: all areas' counts pooled (the gemeente's value when the areas make up the gemeente). */
  centre: number;
  tau2: number;
  limits: FunnelPoint[];
  /** Areas outside the 99,8 % limits (and, separately, the 95 % limits), by code. */
  outside998: string[];
  outside95: string[];
}

function backTransform(g: number, model: CountModel, multiplier: number): number {
  const clamped = Math.max(0, g);
  return (model === 'proportion' ? Math.sin(Math.min(Math.PI / 2, clamped)) ** 2 : clamped ** 2) * multiplier;
}

/** The model for a set of areas' counts: Poisson when any has more events than people. */
function modelOf(areas: readonly FunnelArea[], indicator: Pick<Indicator, 'unit'>): CountModel | null {
  let model: CountModel | null = null;
  for (const a of areas) {
    const m = countModel({ value: null, numerator: a.numerator, denominator: a.denominator }, indicator);
    if (m === 'poisson') return 'poisson';
    if (m === 'proportion') model = 'proportion';
  }
  return model;
}

/** The funnel for one indicator and period at one level; null without counts. `steps` limits points along n. */
export function funnel(
  areas: readonly FunnelArea[],
  indicator: Pick<Indicator, 'unit'>,
  tau2: number,
  steps = 60,
): Funnel | null {
  const multiplier = unitMultiplier(indicator.unit);
  const model = modelOf(areas, indicator);
  const usable = areas.filter((a) => a.numerator !== null && a.denominator !== null && a.denominator > 0);
  if (multiplier === null || model === null || usable.length === 0) return null;
  const x = usable.reduce((s, a) => s + a.numerator!, 0);
  const n = usable.reduce((s, a) => s + a.denominator!, 0);
  const g0 = stabilisedValue(x, n, model);
  const ns = usable.map((a) => a.denominator!);
  const lo = Math.max(1, Math.min(...ns) * 0.8);
  const hi = Math.max(...ns) * 1.2;
  const limits: FunnelPoint[] = [];
  for (let i = 0; i <= steps; i++) {
    const d = lo * (hi / lo) ** (i / steps);
    const sd = Math.sqrt(stabilisedVariance(d, model) + tau2);
    const band = (z: number) => ({
      low: backTransform(g0 - z * sd, model, multiplier),
      high: backTransform(g0 + z * sd, model, multiplier),
    });
    limits.push({ denominator: d, inner: band(FUNNEL_Z.inner), outer: band(FUNNEL_Z.outer) });
  }
  const outside = (z: number) =>
    usable
      .filter((a) => {
        const s = stabilise({ value: null, numerator: a.numerator, denominator: a.denominator }, model)!;
        return Math.abs(s.g - g0) > z * Math.sqrt(s.v + tau2);
      })
      .map((a) => a.area_code);
  return {
    centre: backTransform(g0, model, multiplier),
    tau2,
    limits,
    outside998: outside(FUNNEL_Z.outer),
    outside95: outside(FUNNEL_Z.inner),
  };
}

/**
 * Empirical-Bayes stabilised values, by area code, in the indicator's unit: g₀ + τ²/(τ² + v)·(g − g₀), back on the
 * indicator's scale. Areas without counts get none.
 */
export function stabilisedValues(
  areas: readonly FunnelArea[],
  indicator: Pick<Indicator, 'unit'>,
  tau2: number,
): Map<string, number> {
  const multiplier = unitMultiplier(indicator.unit);
  const model = modelOf(areas, indicator);
  const out = new Map<string, number>();
  const usable = areas.filter((a) => a.numerator !== null && a.denominator !== null && a.denominator > 0);
  if (multiplier === null || model === null || usable.length === 0) return out;
  const g0 = stabilisedValue(
    usable.reduce((s, a) => s + a.numerator!, 0),
    usable.reduce((s, a) => s + a.denominator!, 0),
    model,
  );
  for (const a of usable) {
    const s = stabilise({ value: null, numerator: a.numerator, denominator: a.denominator }, model);
    if (!s) continue;
    const weight = tau2 > 0 ? tau2 / (tau2 + s.v) : 0;
    out.set(a.area_code, backTransform(g0 + weight * (s.g - g0), model, multiplier));
  }
  return out;
}
