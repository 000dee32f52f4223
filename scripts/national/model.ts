/**
 * The value model, one indicator for one gemeente at a time: buurt numerators drawn binomially around the national
 * trend shifted by the buurt's profile (the demo's model), means likewise; wijk and gemeente rows as ratio of sums,
 * sums, or weighted means of their buurten. Every random stream is named after (indicator, gemeente), so a block comes
 * out the same whichever order the blocks are made in: the per-indicator and the per-gemeente files agree.
 */
import { unitMultiplier } from '../../src/data/package.ts';
import { round } from '../demo/csv.ts';
import { stream } from '../demo/rng.ts';
import { levelIn, type NatIndicator } from './indicator-model.ts';
import { type Field, nationalCounts, type Population } from './profiles.ts';
import type { Regions } from './regions.ts';

/** Values of one indicator for a set of areas and the indicator's years; NaN = null. Index: year × n + area. */
export interface Block {
  years: readonly number[];
  n: number;
  value: Float64Array;
  num: Float64Array;
  den: Float64Array;
}

export interface ModelContext {
  regions: Regions;
  population: Population;
  seed: number;
}

const logit = (p: number) => Math.log(p / (1 - p));
const expit = (x: number) => 1 / (1 + Math.exp(-x));
/** Rurality is centred on its population-weighted mean, so that means stay near the national series. */
const RURAL_MEAN = 0.35;

function emptyBlock(years: readonly number[], n: number): Block {
  const size = years.length * n;
  return {
    years,
    n,
    value: new Float64Array(size).fill(Number.NaN),
    num: new Float64Array(size).fill(Number.NaN),
    den: new Float64Array(size).fill(Number.NaN),
  };
}

/** The local areas of gemeente `g`: its buurten, then its wijken, then the gemeente itself. */
export function localAreas(regions: Regions, g: number): { buurten: number[]; wijken: number[]; n: number } {
  const { buurten, wijken } = regions.gemeenten[g]!;
  return { buurten, wijken, n: buurten.length + wijken.length + 1 };
}

function sliceOf(base: number, slice: readonly [number, number] | undefined): number {
  return slice ? Math.round(base * slice[1]) - Math.round(base * slice[0]) : base;
}

/** Buurt rows of one indicator in one gemeente (aggregates are added by `aggregate`). */
function buurtRows(ctx: ModelContext, ind: NatIndicator, g: number, dep: (id: string) => Block, block: Block) {
  const { regions, population, seed } = ctx;
  const { counts, profiles, periods } = population;
  const P = periods.length;
  const { buurten, n } = localAreas(regions, g);
  const gm = regions.gemeenteCode[g]!;
  const at = (f: Field, b: number, year: number) => counts[f][b * P + (year - periods[0]!)]!;
  const depValue = (id: string, year: number, local: number) => {
    const d = dep(id);
    const yi = d.years.indexOf(year);
    if (yi < 0) throw new Error(`${id} has no data in ${year}`);
    return d.num[yi * d.n + local]!;
  };
  const m = ind.model;
  if (m.kind === 'rate') {
    const multiplier = unitMultiplier(ind.unit)!;
    const effects = stream(`effect:${m.family}:${gm}`, seed);
    const draw = stream(`draw:${ind.id}:${gm}`, seed);
    const gemeenteEffect = effects.normal(0, 0.15);
    const buurtEffect = buurten.map(() => effects.normal(0, m.sigma));
    const own = buurten.map(() => (m.family === ind.id ? 0 : draw.normal(0, 0.06)));
    block.years.forEach((year, yi) => {
      const level = levelIn(m.nl, year) / multiplier;
      if (!(level > 0 && level < 1)) throw new Error(`${ind.id} has no national level in ${year}`);
      const x0 = logit(level) + m.shift + gemeenteEffect;
      buurten.forEach((b, i) => {
        const p = profiles[b]!;
        const pop = at('pop', b, year);
        const old = pop > 0 ? at('old65', b, year) / pop : 0.19;
        const e = m.effects;
        const x =
          x0 +
          (e.d ?? 0) * p.d +
          (e.rural ?? 0) * (1 - p.urban) +
          (e.old ?? 0) * (old - 0.19) * 10 +
          buurtEffect[i]! +
          own[i]! +
          draw.normal(0, 0.03);
        const base =
          typeof m.base === 'string'
            ? at(m.base, b, year)
            : m.base.share === undefined
              ? depValue(m.base.numeratorOf, year, i)
              : draw.binomial(depValue(m.base.numeratorOf, year, i), m.base.share);
        const den = sliceOf(base, m.slice);
        const num = draw.binomial(den, expit(x));
        block.num[yi * n + i] = num;
        block.den[yi * n + i] = den;
      });
    });
  } else if (m.kind === 'share') {
    block.years.forEach((year, yi) => {
      buurten.forEach((b, i) => {
        block.num[yi * n + i] = at(m.num, b, year);
        block.den[yi * n + i] = at(m.den, b, year);
      });
    });
  } else if (m.kind === 'count') {
    block.years.forEach((year, yi) => {
      buurten.forEach((b, i) => {
        block.value[yi * n + i] = typeof m.of === 'string' ? at(m.of, b, year) : depValue(m.of.numeratorOf, year, i);
      });
    });
  } else {
    const rng = stream(`mean:${ind.id}:${gm}`, seed);
    const buurtEffect = buurten.map(() => rng.normal(0, 1));
    block.years.forEach((year, yi) => {
      const nl = levelIn(m.nl, year);
      buurten.forEach((b, i) => {
        const p = profiles[b]!;
        const shift = m.d * p.d + m.rural * (1 - p.urban - RURAL_MEAN) + m.sigma * buurtEffect[i]!;
        const z = rng.normal(0, 1);
        const v =
          m.form === 'log'
            ? nl * Math.exp(shift) * (1 + m.noise * z)
            : nl + shift + m.noise * Math.sqrt(100 / Math.max(4, at('vm', b, year))) * z;
        block.value[yi * n + i] = round(Math.min(m.max, Math.max(m.min, v)), m.digits);
        block.num[yi * n + i] = at(m.weight, b, year);
      });
    });
  }
}

/** Wijk and gemeente rows from the buurt rows; rates get their value (num / den × multiplier, 4 decimals). */
function aggregate(ctx: ModelContext, ind: NatIndicator, g: number, block: Block) {
  const { buurten, wijken, n } = localAreas(ctx.regions, g);
  const firstWijk = wijken[0]!;
  const wijkLocal = buurten.map((b) => buurten.length + ctx.regions.wijkOf[b]! - firstWijk);
  const gemeenteLocal = n - 1;
  const m = ind.model;
  const multiplier = unitMultiplier(ind.unit);
  for (let yi = 0; yi < block.years.length; yi++) {
    const o = yi * n;
    const sums = (arr: Float64Array) => {
      for (let j = buurten.length; j < n; j++) arr[o + j] = 0;
      buurten.forEach((_, i) => {
        arr[o + wijkLocal[i]!]! += arr[o + i]!;
        arr[o + gemeenteLocal]! += arr[o + i]!;
      });
    };
    if (m.kind === 'rate' || m.kind === 'share') {
      sums(block.num);
      sums(block.den);
      for (let j = 0; j < n; j++) {
        const den = block.den[o + j]!;
        block.value[o + j] = den > 0 ? round((block.num[o + j]! / den) * multiplier!, 4) : Number.NaN;
      }
    } else if (m.kind === 'count') sums(block.value);
    else {
      // Weighted means; the weights (kept in `num` meanwhile) are not published.
      const weighted = new Float64Array(n);
      buurten.forEach((_, i) => {
        const w = block.num[o + i]! * block.value[o + i]!;
        weighted[wijkLocal[i]!]! += w;
        weighted[gemeenteLocal]! += w;
      });
      sums(block.num);
      for (let j = buurten.length; j < n; j++) {
        const w = block.num[o + j]!;
        block.value[o + j] = w > 0 ? round(weighted[j]! / w, m.digits) : Number.NaN;
      }
      block.num.fill(Number.NaN, o, o + n);
    }
  }
}

/** Every row of one indicator in one gemeente: its buurten, wijken and itself. */
export function simulate(ctx: ModelContext, ind: NatIndicator, g: number, dep: (id: string) => Block): Block {
  const block = emptyBlock(ind.years, localAreas(ctx.regions, g).n);
  buurtRows(ctx, ind, g, dep, block);
  aggregate(ctx, ind, g, block);
  return block;
}

/** NL00: the national trend on national counts, no noise (null for an indicator without a national value). */
export function nationalBlock(ind: NatIndicator, dep: (id: string) => Block): Block | null {
  if (ind.noNL) return null;
  const block = emptyBlock(ind.years, 1);
  const m = ind.model;
  const depNum = (id: string, year: number) => dep(id).num[dep(id).years.indexOf(year)]!;
  ind.years.forEach((year, yi) => {
    const c = nationalCounts(year);
    if (m.kind === 'rate') {
      const multiplier = unitMultiplier(ind.unit)!;
      const base =
        typeof m.base === 'string' ? c[m.base] : Math.round(depNum(m.base.numeratorOf, year) * (m.base.share ?? 1));
      const den = sliceOf(base, m.slice);
      const level = expit(logit(levelIn(m.nl, year) / multiplier) + m.shift);
      block.num[yi] = Math.round(den * level);
      block.den[yi] = den;
      block.value[yi] = den > 0 ? round((block.num[yi]! / den) * multiplier, 4) : Number.NaN;
    } else if (m.kind === 'share') {
      block.num[yi] = c[m.num];
      block.den[yi] = c[m.den];
      block.value[yi] = round((c[m.num] / c[m.den]) * unitMultiplier(ind.unit)!, 4);
    } else if (m.kind === 'count')
      block.value[yi] = typeof m.of === 'string' ? c[m.of] : depNum(m.of.numeratorOf, year);
    else block.value[yi] = round(levelIn(m.nl, year), m.digits);
  });
  return block;
}
