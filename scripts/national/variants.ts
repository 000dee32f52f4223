/**
 * Systematic variants of the demo's indicators: breakdowns by sex, age and household type (a slice of the base's
 * denominator, or a demographic group of its own, with the national level shifted on the logit scale), counts of
 * numerators, and a few demographic indicators and means the demo does not have.
 */
import type { Theme, Unit } from '../../src/data/package.ts';
import { NL_INCOME } from '../demo/national.ts';
import { extend, mean, type NatIndicator, type NatModel, trend } from './indicator-model.ts';
import type { Field } from './profiles.ts';

/** [id suffix, label nl, label en, slice of the base or a group of its own, logit shift] */
type Part = [suffix: string, nl: string, en: string, base: readonly [number, number] | Field, shift: number];

const SEX = (share: number, shift: number, child = false): Part[] => [
  ['man', child ? 'jongens' : 'mannen', child ? 'boys' : 'men', [0, share], shift],
  ['vrouw', child ? 'meisjes' : 'vrouwen', child ? 'girls' : 'women', [share, 1], -shift],
];
const AGE_YOUTH = (a: number, b: number): Part[] => [
  ['0_11', '0-11 jaar', 'aged 0-11', [0, 0.66], a],
  ['12_17', '12-17 jaar', 'aged 12-17', [0.66, 1], b],
];
const AGE_POP = (a: number, b: number, c: number): Part[] => [
  ['18_64', '18-64 jaar', 'aged 18-64', 'adults1864', a],
  ['65_74', '65-74 jaar', 'aged 65-74', 'old6574', b],
  ['75plus', '75 jaar en ouder', 'aged 75 and over', 'old75', c],
];
const AGE_WORK = (a: number, b: number, c: number): Part[] => [
  ['18_26', '18-26 jaar', 'aged 18-26', [0, 0.17], a],
  ['27_49', '27-49 jaar', 'aged 27-49', [0.17, 0.6], b],
  ['50_aow', '50 jaar tot AOW-leeftijd', 'aged 50 to state pension age', [0.6, 1], c],
];
const AGE_ADULT = (a: number, b: number, c: number, young = '18'): Part[] => [
  [`${young}_34`, `${young}-34 jaar`, `aged ${young}-34`, [0, 0.27], a],
  ['35_64', '35-64 jaar', 'aged 35-64', [0.27, 0.73], b],
  ['65plus', '65 jaar en ouder', 'aged 65 and over', [0.73, 1], c],
];
const AGE = (suffix: string, nl: string, slice: [number, number], shift: number): Part => [
  suffix,
  `${nl} jaar`,
  `aged ${nl.replace(' en ouder', ' and over')}`,
  slice,
  shift,
];
const HOUSEHOLD: Part[] = [
  ['eenpersoons', 'eenpersoonshuishoudens', 'single-person households', 'singles', 0.55],
  ['meerpersoons', 'meerpersoonshuishoudens', 'multi-person households', 'multi', -0.3],
];

export const VARIANTS: [id: string, parts: Part[]][] = [
  ['jeugdhulp_pct', [...SEX(0.512, 0.12, true), ...AGE_YOUTH(-0.15, 0.25)]],
  ['jeugdhulp_verblijf_pct', [...SEX(0.512, 0.05, true), ...AGE_YOUTH(-0.3, 0.4)]],
  ['jeugdbescherming_pct', [...SEX(0.512, 0.03, true), ...AGE_YOUTH(-0.1, 0.15)]],
  ['vsv_pct', [...SEX(0.51, 0.2), AGE('12_17', '12-17', [0, 0.55], -0.6), AGE('18_22', '18-22', [0.55, 1], 0.45)]],
  ['wmo_per_1000', [...SEX(0.495, -0.15), ...AGE_POP(-1.2, 0.3, 1.4)]],
  ['huishoudelijke_hulp_per_1000', [...SEX(0.495, -0.3), ...AGE_POP(-1.8, 0.2, 1.7)]],
  [
    'zelfstandig_75plus_pct',
    [...SEX(0.42, 0.2), AGE('75_84', '75-84', [0, 0.7], 0.6), AGE('85plus', '85 en ouder', [0.7, 1], -0.9)],
  ],
  ['mantelzorg_overbelast_pct', [...SEX(0.47, -0.25), ...AGE_ADULT(-0.4, 0.3, -0.1)]],
  ['bijstand_per_1000', [...SEX(0.5, -0.1), ...AGE_WORK(-0.2, 0.1, 0)]],
  [
    'arbeidsparticipatie_pct',
    [
      ...SEX(0.5, 0.25),
      AGE('15_24', '15-24', [0, 0.18], -0.4),
      AGE('25_44', '25-44', [0.18, 0.5], 0.8),
      AGE('45_74', '45-74', [0.5, 1], -0.3),
    ],
  ],
  ['ww_per_1000', [...SEX(0.5, 0.05), ...AGE_WORK(-0.4, -0.05, 0.3)]],
  ['ao_per_1000', [...SEX(0.5, -0.1), ...AGE_WORK(-0.6, -0.3, 0.6)]],
  [
    'jeugdwerkloosheid_pct',
    [...SEX(0.51, 0.08), AGE('15_19', '15-19', [0, 0.3], 0.35), AGE('20_26', '20-26', [0.3, 1], -0.1)],
  ],
  ['laag_inkomen_pct', HOUSEHOLD],
  ['sociaal_minimum_pct', HOUSEHOLD],
  ['kinderen_armoede_pct', AGE_YOUTH(0.05, -0.08)],
  ['gezondheid_goed_pct', [...SEX(0.47, 0.1), ...AGE_ADULT(0.5, 0, -0.5)]],
  ['eenzaam_pct', [...SEX(0.47, -0.05), ...AGE_ADULT(0.05, -0.1, 0.15)]],
  ['overgewicht_pct', [...SEX(0.47, 0.3), ...AGE_ADULT(-0.6, 0.2, 0.3)]],
  ['psychisch_ongezond_pct', [...SEX(0.47, -0.2), ...AGE_ADULT(0.4, -0.1, -0.3)]],
  ['vrijwilligerswerk_pct', [...SEX(0.47, -0.1), ...AGE_ADULT(-0.3, 0.05, 0.3)]],
  ['onveilig_pct', [...SEX(0.49, -0.3), ...AGE_ADULT(0.1, 0, -0.15, '15')]],
];

/** Rates whose numerator is also published as a count (`…_aantal`). */
export const COUNTS = (
  'jeugdhulp_pct jeugdhulp_verblijf_pct jeugdbescherming_pct vsv_pct wmo_per_1000 huishoudelijke_hulp_per_1000 ' +
  'ww_per_1000 ao_per_1000 laag_inkomen_pct sociaal_minimum_pct kinderen_armoede_pct'
).split(' ');

export function variant(base: NatIndicator, [suffix, nl, en, slice, shift]: Part): NatIndicator {
  if (base.model.kind !== 'rate') throw new Error(`${base.id} is not a rate`);
  const own = typeof slice === 'string';
  return {
    ...base,
    id: `${base.id}_${suffix}`,
    label_nl: `${base.label_nl} (${nl})`,
    label_en: `${base.label_en} (${en})`,
    definition_nl: `${base.definition_nl} Uitsplitsing: ${nl}.`,
    definition_en: `${base.definition_en} Breakdown: ${en}.`,
    model: { ...base.model, base: own ? slice : base.model.base, slice: own ? undefined : slice, shift },
  };
}

export function countOf(base: NatIndicator): NatIndicator {
  return {
    ...base,
    id: `${base.id.replace(/_(pct|per_1000)$/, '')}_aantal`,
    label_nl: `${base.label_nl} (aantal)`,
    label_en: `${base.label_en} (number)`,
    unit: 'count',
    decimals: 0,
    min_count: 10,
    definition_nl: `Aantal: de teller van ‘${base.label_nl}’.`,
    definition_en: `Number: the numerator of ‘${base.label_en}’.`,
    model: { kind: 'count', of: { numeratorOf: base.id } },
  };
}

/** id | label_nl | label_en | definition_nl | definition_en */
const EXTRA_TEXTS = `
ouderen_75plus_pct | 75-plussers | People aged 75+ | Aandeel inwoners van 75 jaar en ouder. | Share of inhabitants aged 75 and over.
werkleeftijd_pct | Inwoners in de werkzame leeftijd | Inhabitants of working age | Aandeel inwoners van 18 jaar tot de AOW-leeftijd. | Share of inhabitants from 18 to state pension age.
inwoners_0_17 | Inwoners van 0-17 jaar | Inhabitants aged 0-17 | Aantal inwoners van 0 tot en met 17 jaar op 1 januari. | Number of inhabitants aged 0 to 17 on 1 January.
inwoners_65plus | Inwoners van 65 jaar en ouder | Inhabitants aged 65+ | Aantal inwoners van 65 jaar en ouder op 1 januari. | Number of inhabitants aged 65 and over on 1 January.
inwoners_75plus | Inwoners van 75 jaar en ouder | Inhabitants aged 75+ | Aantal inwoners van 75 jaar en ouder op 1 januari. | Number of inhabitants aged 75 and over on 1 January.
eenpersoonshuishoudens | Eenpersoonshuishoudens (aantal) | Single-person households (number) | Aantal eenpersoonshuishoudens op 1 januari. | Number of single-person households on 1 January.
gem_inkomen_hh | Gemiddeld inkomen per huishouden | Average income per household | Gemiddeld besteedbaar inkomen per particulier huishouden, in duizenden euro per jaar. | Average disposable income per private household, in thousands of euros a year.
afstand_basisschool | Afstand tot basisschool | Distance to a primary school | Gemiddelde afstand over de weg van alle inwoners tot de dichtstbijzijnde basisschool, in km. | Average road distance of all inhabitants to the nearest primary school, in km.
afstand_ziekenhuis | Afstand tot ziekenhuis | Distance to a hospital | Gemiddelde afstand over de weg van alle inwoners tot het dichtstbijzijnde ziekenhuis, in km. | Average road distance of all inhabitants to the nearest hospital, in km.
afstand_supermarkt | Afstand tot supermarkt | Distance to a supermarket | Gemiddelde afstand over de weg van alle inwoners tot de dichtstbijzijnde grote supermarkt, in km. | Average road distance of all inhabitants to the nearest large supermarket, in km.
`;

type ExtraSpec = [id: string, theme: Theme, unit: Unit, direction: 'up' | 'neutral', decimals: number, model: NatModel];
const km = (start: number, step: number, rural: number) =>
  mean(trend(start, step), 'log', [0, rural, 0.15, 0.01], [2, 0.1, 40]);
const EXTRA_SPECS: ExtraSpec[] = [
  ['ouderen_75plus_pct', 'bevolking', 'percent', 'neutral', 1, { kind: 'share', num: 'old75', den: 'pop' }],
  ['werkleeftijd_pct', 'bevolking', 'percent', 'neutral', 1, { kind: 'share', num: 'workAge', den: 'pop' }],
  ['inwoners_0_17', 'bevolking', 'count', 'neutral', 0, { kind: 'count', of: 'youth' }],
  ['inwoners_65plus', 'bevolking', 'count', 'neutral', 0, { kind: 'count', of: 'old65' }],
  ['inwoners_75plus', 'bevolking', 'count', 'neutral', 0, { kind: 'count', of: 'old75' }],
  ['eenpersoonshuishoudens', 'bevolking', 'count', 'neutral', 0, { kind: 'count', of: 'singles' }],
  [
    'gem_inkomen_hh',
    'armoede',
    'euro_x1000',
    'up',
    1,
    mean(
      extend(NL_INCOME).map((v) => Math.round(v * 172) / 100),
      'log',
      [-0.15, 0.12, 0.05, 0.008],
      [2, 10, 250],
      'households',
    ),
  ],
  ['afstand_basisschool', 'jeugd', 'km', 'neutral', 1, km(0.74, 0.004, 1)],
  ['afstand_ziekenhuis', 'zorg', 'km', 'neutral', 1, km(6.6, 0.05, 0.9)],
  ['afstand_supermarkt', 'meedoen', 'km', 'neutral', 1, km(0.95, 0.003, 1.1)],
];

const extraText = new Map(
  EXTRA_TEXTS.trim()
    .split('\n')
    .map((line) => line.split(' | '))
    .map(([id, ...texts]) => [id!, texts] as const),
);

export function extras(source: string, years: readonly number[]): NatIndicator[] {
  return EXTRA_SPECS.map(([id, theme, unit, direction, decimals, model]) => {
    const [label_nl, label_en, definition_nl, definition_en] = extraText.get(id)!;
    return {
      id,
      label_nl: label_nl!,
      label_en: label_en!,
      theme,
      unit,
      direction,
      decimals,
      definition_nl: definition_nl!,
      definition_en: definition_en!,
      source,
      min_count: 0,
      rounding: null,
      denominator_rounding: null,
      model,
      years,
      noNL: false,
    };
  });
}
