/**
 * The national indicator set: the demo's 34 indicators (texts, units, national trends, effects) plus systematic
 * variants (variants.ts) — breakdowns by sex, age and household type, counts of numerators, a few more demographic
 * indicators and means — 150 in all, over the seven themes.
 */
import { INDICATORS as DEMO, PERIODS as DEMO_PERIODS, type IndicatorDef } from '../demo/indicators.ts';
import { NL_COHESION, NL_GP_DISTANCE, NL_INCOME } from '../demo/national.ts';
import { ALL_PERIODS, extend, type MeanModel, mean, type NatIndicator, type NatModel } from './indicator-model.ts';
import { GGD_YEARS, VM_YEARS } from './profiles.ts';
import { COUNTS, countOf, extras, VARIANTS, variant } from './variants.ts';

/** The demo's means, as national models (the demo computes them in code). */
const MEANS: Record<string, MeanModel> = {
  gem_inkomen: mean(extend(NL_INCOME), 'log', [-0.13, 0.05, 0.05, 0.008], [2, 5, 150]),
  sociale_cohesie: mean(extend(NL_COHESION), 'add', [-0.3, 0.5, 0.2, 0.15], [2, 3, 9]),
  afstand_huisarts: mean(extend(NL_GP_DISTANCE), 'log', [0, 0.9, 0.15, 0.01], [2, 0.2, 15]),
};

function yearsOf(d: IndicatorDef, model: NatModel): readonly number[] {
  if (model.kind === 'rate' && model.base === 'ggd') return GGD_YEARS;
  if ((model.kind === 'rate' && model.base === 'vm') || d.id === 'sociale_cohesie') return VM_YEARS;
  // Other gaps (e.g. a local survey from 2019): the demo's years.
  return d.years && d.years.length < DEMO_PERIODS.length ? d.years : ALL_PERIODS;
}

/** The demo's indicators, with their models restated for the national generator. */
function baseIndicators(): NatIndicator[] {
  return DEMO.map((d) => {
    const { model: m, years: _years, noNL, ...text } = d;
    const model: NatModel =
      m.kind === 'rate'
        ? { kind: 'rate', base: m.base, nl: extend(m.nl), shift: 0, effects: m.effects, sigma: m.sigma, family: d.id }
        : m.kind === 'mean'
          ? MEANS[d.id]!
          : m.kind === 'share'
            ? { kind: 'share', num: m.num, den: m.den }
            : { kind: 'count', of: m.of };
    return { ...text, model, years: yearsOf(d, model), noNL: noNL ?? false };
  });
}

function allIndicators(): NatIndicator[] {
  const base = baseIndicators();
  const byId = new Map(base.map((i) => [i.id, i]));
  const all = [
    ...base,
    ...VARIANTS.flatMap(([id, parts]) => parts.map((p) => variant(byId.get(id)!, p))),
    ...COUNTS.map((id) => countOf(byId.get(id)!)),
    ...extras('Synthetisch (model: CBS Kerncijfers wijken en buurten)', ALL_PERIODS),
  ];
  if (new Set(all.map((i) => i.id)).size !== all.length) throw new Error('duplicate indicator ids');
  if (all.length !== 150) throw new Error(`${all.length} indicators, expected 150`);
  return all;
}

/** The 150 indicators, in dependency order (an indicator comes after the one whose numerator it uses). */
export const NATIONAL_INDICATORS: readonly NatIndicator[] = allIndicators();

/** The small scale: the demo's 34 and six variants. */
const SMALL_EXTRA =
  'jeugdhulp_pct_man jeugdhulp_pct_vrouw wmo_per_1000_75plus eenzaam_pct_18_34 eenzaam_pct_65plus jeugdhulp_aantal'.split(
    ' ',
  );

/** The indicators of a scale, restricted to its periods (an indicator without any period there is dropped). */
export function indicatorsFor(count: number, periods: readonly number[]): NatIndicator[] {
  const chosen =
    count >= NATIONAL_INDICATORS.length
      ? NATIONAL_INDICATORS
      : NATIONAL_INDICATORS.filter((i, k) => k < DEMO.length || SMALL_EXTRA.includes(i.id)).slice(0, count);
  return chosen
    .map((i) => ({ ...i, years: i.years.filter((y) => periods.includes(y)) }))
    .filter((i) => i.years.length > 0);
}
