/**
 * The value model: for every buurt and year, numerators drawn binomially from the buurt's denominators and a rate
 * that follows the national trend, shifted by the buurt's profile; means (income, cohesion, distance) likewise.
 */
import { unitMultiplier } from '../../src/data/package.ts';
import { round } from './csv.ts';
import { buildProfiles, type Demography, demographyOf, type Profile, sharesIn } from './demography.ts';
import type { Point } from './geometry.ts';
import { type Base, GGD_YEARS, INDICATORS, type IndicatorDef, PERIODS, VM_YEARS, yearsOf } from './indicators.ts';
import { type Layout, VILLAGES } from './layout.ts';
import { NL_COHESION, NL_INCOME } from './national.ts';
import { stream } from './rng.ts';

export interface Obs {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}
/** indicator id → year → area code → observation. */
export type ObsTable = Map<string, Map<number, Map<string, Obs>>>;

/** The built-in stories the app's tests look for. */
export const STORIES = {
  /** Bijstand in Voorstad drops by about a fifth from 2024 to 2025 (an outflow programme): a real change. */
  realChange: { wijk: 'WK999902', indicator: 'bijstand_per_1000', factor: 0.78, year: 2025 },
  /** Jeugdhulp in Wiekeloo has the same underlying rate in 2024 and 2025: any change is noise. */
  noiseOnly: { wijk: 'WK999908', indicator: 'jeugdhulp_pct', year: 2025 },
};

const logit = (p: number) => Math.log(p / (1 - p));
const expit = (x: number) => 1 / (1 + Math.exp(-x));
const yearIndex = (year: number) => year - PERIODS[0];

export function setObs(table: ObsTable, id: string, year: number, code: string, obs: Obs) {
  const byYear = table.get(id) ?? new Map<number, Map<string, Obs>>();
  table.set(id, byYear);
  const byArea = byYear.get(year) ?? new Map<string, Obs>();
  byYear.set(year, byArea);
  byArea.set(code, obs);
}

export function rateObs(numerator: number, denominator: number, multiplier: number): Obs {
  if (numerator > denominator) throw new Error(`numerator ${numerator} above denominator ${denominator}`);
  const value = denominator > 0 ? round((numerator / denominator) * multiplier, 4) : null;
  return { value, numerator, denominator };
}

/** GP practices (km): in every third town buurt and in every village; Wiekeloo's closes at the end of 2020. */
function practices(layout: Layout, year: number): Point[] {
  const town = layout.buurten.filter((b) => b.kind === 'town' && !b.special).filter((_, i) => i % 3 === 1);
  const villages = VILLAGES.filter((v) => v.name !== 'Wiekeloo' || year <= 2020).map((v) => v.center);
  return [...town.map((b) => b.seed), ...villages];
}

interface Context {
  layout: Layout;
  profiles: Profile[];
  /** [buurt][year index] */
  demography: Demography[][];
  /** Survey respondents per buurt and year index (0 outside survey years). */
  respondents: { ggd: number[][]; vm: number[][] };
  buurt: ObsTable;
}

function denominatorOf(ctx: Context, base: Base, b: number, year: number, draw: (n: number, p: number) => number) {
  const yi = yearIndex(year);
  if (typeof base === 'object') {
    const n = ctx.buurt.get(base.numeratorOf)?.get(year)?.get(ctx.layout.buurten[b]!.code)?.numerator;
    if (n === undefined || n === null) throw new Error(`${base.numeratorOf} has no numerator in ${year}`);
    return base.share === undefined ? n : draw(n, base.share);
  }
  if (base === 'ggd' || base === 'vm') return ctx.respondents[base][b]![yi]!;
  return ctx.demography[b]![yi]![base];
}

function simulateRate(ctx: Context, ind: IndicatorDef) {
  if (ind.model.kind !== 'rate') return;
  const { base, nl, effects, sigma } = ind.model;
  const multiplier = unitMultiplier(ind.unit)!;
  const effectRng = stream(`effect:${ind.id}`);
  const drawRng = stream(`draw:${ind.id}`);
  const buurtEffect = ctx.profiles.map(() => effectRng.normal(0, sigma));
  const yearNoise = ctx.profiles.map(() => PERIODS.map(() => effectRng.normal(0, 0.03)));
  const { realChange, noiseOnly } = STORIES;
  for (const year of yearsOf(ind)) {
    ctx.layout.buurten.forEach((buurt, b) => {
      const p = ctx.profiles[b]!;
      const pinned = ind.id === noiseOnly.indicator && buurt.wijk === noiseOnly.wijk && year === noiseOnly.year;
      const modelYear = pinned ? year - 1 : year;
      const level = nl[yearIndex(modelYear)]!;
      if (!(level > 0)) throw new Error(`${ind.id} has no national level in ${modelYear}`);
      const shares = sharesIn(p, modelYear - 2025);
      let x =
        logit(level / multiplier) +
        (effects.d ?? 0) * p.d +
        (effects.rural ?? 0) * (1 - p.urban) +
        (effects.old ?? 0) * (shares.old - 0.19) * 10 +
        buurtEffect[b]! +
        yearNoise[b]![yearIndex(modelYear)]!;
      if (ind.id === realChange.indicator && buurt.wijk === realChange.wijk && year === realChange.year) {
        x = logit(expit(x) * realChange.factor);
      }
      const den = denominatorOf(ctx, base, b, year, drawRng.binomial);
      const num = drawRng.binomial(den, expit(x));
      setObs(ctx.buurt, ind.id, year, buurt.code, rateObs(num, den, multiplier));
    });
  }
}

function simulateExact(ctx: Context, ind: IndicatorDef) {
  const { model } = ind;
  if (model.kind !== 'share' && model.kind !== 'count') return;
  for (const year of yearsOf(ind)) {
    ctx.layout.buurten.forEach((buurt, b) => {
      const demo = ctx.demography[b]![yearIndex(year)]!;
      let obs: Obs;
      if (model.kind === 'share') obs = rateObs(demo[model.num], demo[model.den], unitMultiplier(ind.unit)!);
      else if (typeof model.of === 'string') obs = { value: demo[model.of], numerator: null, denominator: null };
      else {
        const n = ctx.buurt.get(model.of.numeratorOf)?.get(year)?.get(buurt.code)?.numerator ?? null;
        obs = { value: n, numerator: null, denominator: null };
      }
      setObs(ctx.buurt, ind.id, year, buurt.code, obs);
    });
  }
}

function simulateMean(ctx: Context, ind: IndicatorDef) {
  if (ind.model.kind !== 'mean') return;
  const digits = ind.model.digits;
  const rng = stream(`mean:${ind.id}`);
  const buurtEffect = ctx.profiles.map(() => rng.normal(0, 1));
  for (const year of yearsOf(ind)) {
    const yi = yearIndex(year);
    ctx.layout.buurten.forEach((buurt, b) => {
      const p = ctx.profiles[b]!;
      const noise = rng.normal(0, 1);
      let value: number;
      if (ind.id === 'gem_inkomen') {
        value =
          NL_INCOME[yi]! * Math.exp(-0.13 * p.d + 0.05 * (1 - p.urban) + 0.05 * buurtEffect[b]!) * (1 + 0.008 * noise);
      } else if (ind.id === 'sociale_cohesie') {
        const n = Math.max(ctx.respondents.vm[b]![yi]!, 4);
        value =
          NL_COHESION[yi]! - 0.3 * p.d + 0.5 * (1 - p.urban) + 0.2 * buurtEffect[b]! + (1.5 / Math.sqrt(n)) * noise;
        value = Math.min(9, Math.max(3, value));
      } else if (ind.id === 'afstand_huisarts') {
        const seed = buurt.seed;
        const nearest = Math.min(...practices(ctx.layout, year).map((q) => Math.hypot(q[0] - seed[0], q[1] - seed[1])));
        value = 1.15 * Math.max(nearest, 0.3) + 0.1 + 0.05 * Math.abs(buurtEffect[b]!);
      } else throw new Error(`no mean model for ${ind.id}`);
      setObs(ctx.buurt, ind.id, year, buurt.code, { value: round(value, digits), numerator: null, denominator: null });
    });
  }
}

/** Every buurt's observations, plus the population per buurt and year (the weights of the means). */
export function simulateBuurten(layout: Layout): { table: ObsTable; demography: Demography[][]; profiles: Profile[] } {
  const profiles = buildProfiles(layout);
  const demography = profiles.map((p) => PERIODS.map((year) => demographyOf(p, year)));
  const rng = stream('respondents');
  const survey = (years: readonly number[], fraction: number) =>
    demography.map((byYear) =>
      PERIODS.map((year, yi) =>
        years.includes(year) ? rng.binomial(byYear[yi]!.pop - byYear[yi]!.youth, fraction) : 0,
      ),
    );
  const ctx: Context = {
    layout,
    profiles,
    demography,
    respondents: { ggd: survey(GGD_YEARS, 0.085), vm: survey(VM_YEARS, 0.05) },
    buurt: new Map(),
  };
  for (const ind of INDICATORS) {
    simulateRate(ctx, ind);
    simulateExact(ctx, ind);
    simulateMean(ctx, ind);
  }
  return { table: ctx.buurt, demography, profiles };
}
