/**
 * "positie 12 van 80": an area's rank among the areas of its level in its gemeente, with a 95 % interval for the
 * rank. A league table claims an order that chance alone often makes; Goldstein & Spiegelhalter (1996, "League
 * tables and their limitations: statistical issues in comparisons of institutional performance", JRSS A 159:385–443)
 * therefore give every rank an interval by simulation: draw each unit's true value from its estimate and standard
 * error, rank every draw, and take the 2,5 % and 97,5 % quantiles of each unit's simulated ranks. With no true
 * differences the intervals span most of the table; only real, large differences give narrow ones.
 *
 * The draws are made on the variance-stabilised scale of src/compass/stabilise.ts (variance 1/(4n + 2) for a share,
 * 1/(4n) for a rate), widened by the counts' rounding slack (as a uniform error, variance slack²/3) and by the
 * indicator's ordinary year-to-year variation σ² (src/compass/dispersion.ts): the compass does not call a change
 * within that variation "duidelijk", so a position that one ordinary year could change is not claimed either.
 * The random stream is seeded, so a page shows the same interval every time it is drawn.
 */
import { randomLcg } from 'd3';
import type { Indicator } from '../data/package.ts';
import type { Dispersion } from './dispersion.ts';
import { type CountModel, countModel } from './intervals.ts';
import { type RoundingOf, stabilise } from './stabilise.ts';

export interface RankUnit {
  id: string;
  /** The published value: it orders the point ranks, so the rank agrees with the figures the reader sees. */
  value: number;
  /** The value on the stabilised scale and its variance there (sampling, rounding and ordinary variation). */
  g: number;
  variance: number;
}

export interface Rank {
  /** 1 = best per the indicator's direction; tied values share the best of their ranks. */
  rank: number;
  /** How many areas were ranked. */
  of: number;
  /** The 95 % interval of the rank (inclusive), always holding `rank`. */
  low: number;
  high: number;
}

export interface RankOptions {
  /** Which way is good: 'up' ranks the highest value first. */
  direction: 'up' | 'down';
  /** Number of simulated tables (default 1.000). */
  draws?: number;
  /** Seed of the random stream (default fixed). */
  seed?: number;
  /** Coverage of the interval (default 0,95). */
  level?: number;
  /** Only this unit's rank: counted per draw instead of sorting the whole table (the Kompas needs one area's). */
  only?: string;
}

const DEFAULT_SEED = 0x5eed;

/** Quantile of sorted integers (type 1: the smallest value with at least p of the mass at or below it). */
function quantile(sorted: Int32Array, p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[index]!;
}

/** Standard normal draws from a seeded stream, two per pair of uniforms (Box–Muller): the draws dominate the cost. */
function normalStream(seed: number): () => number {
  const uniform = randomLcg(seed);
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const z = spare;
      spare = null;
      return z;
    }
    const r = Math.sqrt(-2 * Math.log(1 - uniform()));
    const a = 2 * Math.PI * uniform();
    spare = r * Math.sin(a);
    return r * Math.cos(a);
  };
}

/** The rank of every unit with its simulated interval (Goldstein & Spiegelhalter 1996). */
export function rankIntervals(units: readonly RankUnit[], options: RankOptions): Map<string, Rank> {
  const { direction, draws = 1000, seed = DEFAULT_SEED, level = 0.95, only } = options;
  const k = units.length;
  const result = new Map<string, Rank>();
  if (k === 0) return result;
  const sign = direction === 'up' ? -1 : 1; // sort ascending on sign·value: the best first
  const pointRank = (i: number) => {
    let better = 0;
    for (let j = 0; j < k; j++) if (sign * units[j]!.value < sign * units[i]!.value) better++;
    return better + 1;
  };
  const normal = normalStream(seed);
  const target = only === undefined ? -1 : units.findIndex((u) => u.id === only);
  if (only !== undefined && target < 0) return result;
  const simulated = units.map((_, i) => (target < 0 || i === target ? new Int32Array(draws) : null));
  const theta = new Float64Array(k);
  const order = Array.from({ length: k }, (_, i) => i);
  const sd = units.map((u) => Math.sqrt(Math.max(0, u.variance)));
  for (let d = 0; d < draws; d++) {
    for (let i = 0; i < k; i++) theta[i] = sign * (units[i]!.g + sd[i]! * normal());
    if (target >= 0) {
      let better = 0;
      for (let j = 0; j < k; j++) if (theta[j]! < theta[target]!) better++;
      simulated[target]![d] = better + 1;
      continue;
    }
    order.sort((a, b) => theta[a]! - theta[b]!);
    for (let r = 0; r < k; r++) simulated[order[r]!]![d] = r + 1;
  }
  const tail = (1 - level) / 2;
  units.forEach((unit, i) => {
    const drawn = simulated[i];
    if (!drawn) return;
    const ranks = drawn.sort();
    const rank = pointRank(i);
    result.set(unit.id, {
      rank,
      of: k,
      low: Math.min(rank, quantile(ranks, tail)),
      high: Math.max(rank, quantile(ranks, 1 - tail)),
    });
  });
  return result;
}

/** One figure of an area as the rank query returns it (src/queries/rank.ts). */
export interface RankRow {
  area_code: string;
  indicator_id: string;
  period: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  suppressed: boolean;
}

/** Fewest ranked areas for a rank to say anything ("positie 1 van 2" is a comparison, not a position). */
export const MIN_RANKED = 3;

/**
 * The rank of `area` for every indicator with a direction, among the areas in `rows` (its level in its gemeente) in
 * the period `periodOf` gives for the indicator (the period the Kompas shows its value of). Only areas with a shown
 * value are ranked; an indicator is left out when any of them lacks counts (no standard error: its rank could not
 * be given an honest interval), when the area itself has no value, or with fewer than MIN_RANKED areas.
 */
export function areaRanks(input: {
  rows: readonly RankRow[];
  indicators: readonly Pick<Indicator, 'id' | 'unit' | 'direction' | 'rounding' | 'denominator_rounding'>[];
  area: string;
  periodOf(indicatorId: string): number | null;
  dispersion?: Dispersion | null;
  draws?: number;
}): Map<string, Rank> {
  const { rows, indicators, area, periodOf, dispersion, draws } = input;
  const byIndicator = new Map<string, RankRow[]>();
  for (const row of rows) {
    if (row.suppressed || row.value === null || row.period !== periodOf(row.indicator_id)) continue;
    const list = byIndicator.get(row.indicator_id);
    if (list) list.push(row);
    else byIndicator.set(row.indicator_id, [row]);
  }
  const ranks = new Map<string, Rank>();
  for (const indicator of indicators) {
    if (indicator.direction !== 'up' && indicator.direction !== 'down') continue;
    const list = byIndicator.get(indicator.id);
    if (!list || list.length < MIN_RANKED || !list.some((r) => r.area_code === area)) continue;
    const models = list.map((r) => countModel(r, indicator));
    if (models.some((m) => m === null)) continue;
    // One scale for the whole table: Poisson as soon as any area has more events than people (as dispersion.ts).
    const model: CountModel = models.includes('poisson') ? 'poisson' : 'proportion';
    const rounding: RoundingOf = indicator;
    const sigma2 = dispersion?.get(indicator.id)?.time ?? 0;
    const units: RankUnit[] = [];
    for (const r of list) {
      const s = stabilise(r, model, rounding);
      if (!s) break;
      units.push({ id: r.area_code, value: r.value!, g: s.g, variance: s.v + (s.slack * s.slack) / 3 + sigma2 });
    }
    if (units.length !== list.length) continue;
    const own = rankIntervals(units, { direction: indicator.direction, draws, only: area }).get(area);
    if (own) ranks.set(indicator.id, own);
  }
  return ranks;
}
