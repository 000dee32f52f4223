/** The indicator table of the demo and, per indicator, the parameters of its synthetic value model. */
import type { Direction, Indicator, Theme, Unit } from '../../src/data/package.ts';
import { NATIONAL } from './national.ts';

export const PERIODS = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025] as const;
/** Years of the GGD Gezondheidsmonitor (volwassenen) and of the Veiligheidsmonitor. */
export const GGD_YEARS = [2016, 2020, 2022, 2024] as const;
export const VM_YEARS = [2015, 2017, 2019, 2021, 2023, 2025] as const;
const FROM_2019 = PERIODS.filter((y) => y >= 2019);

/** Population a rate is taken over (see `Demography`), or the numerator of an indicator listed earlier. */
export type Base =
  | 'pop'
  | 'youth'
  | 'old75'
  | 'workAge'
  | 'labourAge'
  | 'households'
  | 'pupils'
  | 'youthLabour'
  | 'ggd'
  | 'vm'
  | { numeratorOf: string; share?: number };

/** How the profile of a buurt moves the log-odds of a rate: deprivation, rurality (1 − urbanity), ageing. */
export interface Effects {
  d?: number;
  rural?: number;
  old?: number;
}

export type Model =
  /** numerator ~ Binomial(base, p), logit p = logit(national level) + effects + buurt effect (sd `sigma`). */
  | { kind: 'rate'; base: Base; nl: readonly number[]; effects: Effects; sigma: number }
  /** Exact composition shares of the population (no noise). */
  | { kind: 'share'; num: 'youth' | 'old65' | 'singles'; den: 'pop' | 'households' }
  | { kind: 'count'; of: 'pop' | 'households' | { numeratorOf: string } }
  /** A mean value (income, score, distance), computed in model.ts; wijk values are population-weighted. */
  | { kind: 'mean'; digits: number };

export interface IndicatorDef extends Indicator {
  model: Model;
  /** Years with data; default all PERIODS. */
  years?: readonly number[];
  /** No national (NL00) reference value. */
  noNL?: boolean;
}

const SOURCES = {
  cbs: 'CBS Kerncijfers wijken en buurten',
  jeugd: 'CBS Beleidsinformatie jeugd',
  wmo: 'CBS Monitor Sociaal Domein Wmo',
  ggd: 'GGD Gezondheidsmonitor',
  vm: 'CBS Veiligheidsmonitor',
  armoede: 'CBS Inkomen en armoede',
  werk: 'CBS Sociale zekerheid en arbeid',
  local: 'gemeentelijk cliëntervaringsonderzoek',
  duo: 'DUO Voortijdig schoolverlaten',
  nvvk: 'NVVK Jaarverslag schuldhulpverlening',
};

/** id | label_nl | label_en | definition_nl | definition_en */
const TEXTS = `
jeugdhulp_pct | Jongeren met jeugdhulp | Young people receiving youth care | Aandeel jongeren van 0 tot en met 17 jaar met jeugdhulp, in procenten. | Share of young people aged 0 to 17 receiving youth care, in percent.
jeugdhulp_verblijf_pct | Jongeren met jeugdhulp met verblijf | Young people in residential youth care | Aandeel jongeren (0-17) met jeugdhulp met verblijf, zoals pleegzorg of een leefgroep. | Share of young people (0-17) in residential youth care, such as foster care or a group home.
jeugdbescherming_pct | Jongeren met jeugdbescherming | Young people under child protection | Aandeel jongeren (0-17) met een maatregel voor jeugdbescherming. | Share of young people (0-17) under a child protection order.
jeugdhulp_ambulant_pct | Jeugdhulp zonder verblijf | Youth care without residence | Aandeel van de jongeren met jeugdhulp dat die hulp thuis of ambulant krijgt, zonder verblijf. | Share of the young people in youth care who receive it at home or as outpatients, without residence.
vsv_pct | Voortijdig schoolverlaters | Early school leavers | Aandeel leerlingen van 12 tot 23 jaar dat zonder startkwalificatie het onderwijs verlaat. | Share of pupils aged 12 to 23 who leave education without a basic qualification.
wmo_per_1000 | Wmo-cliënten | Social support (Wmo) clients | Inwoners met een maatwerkvoorziening uit de Wmo, per 1.000 inwoners. | Inhabitants with a tailored provision under the Social Support Act (Wmo), per 1,000 inhabitants.
huishoudelijke_hulp_per_1000 | Huishoudelijke hulp | Domestic help | Inwoners met huishoudelijke hulp uit de Wmo, per 1.000 inwoners. | Inhabitants receiving domestic help under the Wmo, per 1,000 inhabitants.
zelfstandig_75plus_pct | 75-plussers zelfstandig wonend | People aged 75+ living independently | Aandeel 75-plussers dat zelfstandig woont, dus niet in een verpleeg- of verzorgingshuis. | Share of people aged 75 and over who live independently, not in a nursing or care home.
mantelzorg_overbelast_pct | Zwaar belaste mantelzorgers | Overburdened informal carers | Aandeel volwassenen dat mantelzorg geeft en zich daardoor zwaar belast voelt (enquête). | Share of adults who give informal care and feel heavily burdened by it (survey).
wmo_tevreden_pct | Tevreden Wmo-cliënten | Satisfied Wmo clients | Aandeel Wmo-cliënten dat tevreden is over de ondersteuning, van wie de vragenlijst invulde. | Share of Wmo clients, among those who answered the questionnaire, who are satisfied with the support.
bijstand_per_1000 | Bijstand | Social assistance | Personen met een bijstandsuitkering, per 1.000 inwoners van 18 jaar tot de AOW-leeftijd. | People receiving social assistance, per 1,000 inhabitants from 18 to state pension age.
bijstand_aantal | Personen met bijstand | People on social assistance | Aantal personen met een bijstandsuitkering. | Number of people receiving social assistance.
arbeidsparticipatie_pct | Netto arbeidsparticipatie | Net labour participation | Werkzame beroepsbevolking als aandeel van de bevolking van 15 tot 75 jaar. | Employed labour force as a share of the population aged 15 to 74.
ww_per_1000 | WW-uitkeringen | Unemployment benefits (WW) | Personen met een WW-uitkering, per 1.000 inwoners van 18 jaar tot de AOW-leeftijd. | People receiving unemployment insurance benefits (WW), per 1,000 inhabitants from 18 to state pension age.
ao_per_1000 | Arbeidsongeschiktheidsuitkeringen | Disability benefits | Personen met een arbeidsongeschiktheidsuitkering (WIA, WAO, Wajong), per 1.000 inwoners van 18 jaar tot de AOW-leeftijd. | People receiving a disability benefit (WIA, WAO, Wajong), per 1,000 inhabitants from 18 to state pension age.
jeugdwerkloosheid_pct | Jeugdwerkloosheid | Youth unemployment | Werkloze jongeren van 15 tot 27 jaar als aandeel van de jongeren in de beroepsbevolking. | Unemployed young people aged 15 to 26 as a share of the young labour force.
laag_inkomen_pct | Huishoudens met een laag inkomen | Households with a low income | Aandeel particuliere huishoudens met een inkomen onder de lage-inkomensgrens. | Share of private households with an income below the low-income threshold.
sociaal_minimum_pct | Huishoudens rond het sociaal minimum | Households around the social minimum | Aandeel huishoudens met een inkomen tot 110% van het sociaal minimum. | Share of households with an income up to 110% of the social minimum.
kinderen_armoede_pct | Kinderen in armoede | Children in poverty | Aandeel minderjarige kinderen in een huishouden met een laag inkomen. | Share of children under 18 living in a low-income household.
schuldhulp_per_1000_hh | Aanvragen schuldhulp | Debt counselling requests | Aanmeldingen voor gemeentelijke schuldhulpverlening, per 1.000 huishoudens. | Requests for municipal debt counselling, per 1,000 households.
gem_inkomen | Gemiddeld inkomen per inwoner | Average income per inhabitant | Gemiddeld persoonlijk inkomen per inwoner, in duizenden euro per jaar. | Average personal income per inhabitant, in thousands of euros a year.
gezondheid_goed_pct | Ervaren gezondheid goed | Good self-rated health | Aandeel volwassenen dat de eigen gezondheid als goed of zeer goed ervaart (enquête). | Share of adults who rate their own health as good or very good (survey).
eenzaam_pct | Eenzaamheid | Loneliness | Aandeel volwassenen dat zich matig of ernstig eenzaam voelt (enquête). | Share of adults who feel moderately or severely lonely (survey).
overgewicht_pct | Overgewicht | Overweight | Aandeel volwassenen met overgewicht (BMI 25 of hoger), naar eigen opgave. | Share of adults who are overweight (BMI 25 or higher), self-reported.
psychisch_ongezond_pct | Psychisch ongezond | Poor mental health | Aandeel volwassenen met een lage score op de MHI-5, een maat voor psychische gezondheid (enquête). | Share of adults with a low score on the MHI-5, a measure of mental health (survey).
vrijwilligerswerk_pct | Vrijwilligerswerk | Volunteering | Aandeel volwassenen dat vrijwilligerswerk doet (enquête). | Share of adults who do voluntary work (survey).
sociale_cohesie | Sociale cohesie | Social cohesion | Score van 0 tot 10 voor de onderlinge band in de buurt, uit vragen over contact, vertrouwen en betrokkenheid (enquête). | Score from 0 to 10 for the ties between neighbours, from questions on contact, trust and involvement (survey).
onveilig_pct | Voelt zich weleens onveilig | Sometimes feels unsafe | Aandeel inwoners van 15 jaar en ouder dat zich weleens onveilig voelt in de eigen buurt (enquête). | Share of inhabitants aged 15 and over who sometimes feel unsafe in their own neighbourhood (survey).
afstand_huisarts | Afstand tot huisartsenpraktijk | Distance to a GP practice | Gemiddelde afstand over de weg van alle inwoners tot de dichtstbijzijnde huisartsenpraktijk, in km. | Average road distance of all inhabitants to the nearest GP practice, in km.
inwoners | Inwoners | Inhabitants | Aantal inwoners op 1 januari. | Number of inhabitants on 1 January.
jongeren_pct | Jongeren (0-17 jaar) | Young people (0-17) | Aandeel inwoners van 0 tot en met 17 jaar. | Share of inhabitants aged 0 to 17.
ouderen_pct | 65-plussers | People aged 65+ | Aandeel inwoners van 65 jaar en ouder. | Share of inhabitants aged 65 and over.
huishoudens | Huishoudens | Households | Aantal particuliere huishoudens op 1 januari. | Number of private households on 1 January.
eenpersoonshuishoudens_pct | Eenpersoonshuishoudens | Single-person households | Aandeel eenpersoonshuishoudens, van alle particuliere huishoudens. | Share of single-person households among all private households.
`;

/** A rate model without its national series (that is in NATIONAL). */
type RateSpec = { kind: 'rate'; base: Base; effects: Effects; sigma: number };
const rate = (base: Base, effects: Effects, sigma = 0.12): RateSpec => ({ kind: 'rate', base, effects, sigma });

type Spec = [
  id: string,
  theme: Theme,
  unit: Unit,
  direction: Direction,
  decimals: number,
  min_count: number,
  source: keyof typeof SOURCES,
  model: RateSpec | Exclude<Model, { kind: 'rate' }>,
  extra?: { years?: readonly number[]; noNL?: boolean },
];

/** In the order of THEMES; a rate whose base is another indicator's numerator comes after that indicator. */
const SPECS: Spec[] = [
  ['jeugdhulp_pct', 'jeugd', 'percent', 'down', 1, 50, 'jeugd', rate('youth', { d: 0.25, rural: -0.1 })],
  ['jeugdhulp_verblijf_pct', 'jeugd', 'percent', 'down', 2, 50, 'jeugd', rate('youth', { d: 0.35 }, 0.15)],
  ['jeugdbescherming_pct', 'jeugd', 'percent', 'down', 2, 50, 'jeugd', rate('youth', { d: 0.45 }, 0.15)],
  [
    'jeugdhulp_ambulant_pct',
    'jeugd',
    'percent',
    'up',
    1,
    20,
    'jeugd',
    rate({ numeratorOf: 'jeugdhulp_pct' }, { d: -0.15 }, 0.1),
  ],
  ['vsv_pct', 'jeugd', 'percent', 'down', 1, 50, 'duo', rate('pupils', { d: 0.35 }, 0.15)],
  ['wmo_per_1000', 'zorg', 'per_1000', 'neutral', 1, 100, 'wmo', rate('pop', { d: 0.2, old: 0.3 })],
  ['huishoudelijke_hulp_per_1000', 'zorg', 'per_1000', 'neutral', 1, 100, 'wmo', rate('pop', { d: 0.1, old: 0.45 })],
  ['zelfstandig_75plus_pct', 'zorg', 'percent', 'up', 1, 25, 'cbs', rate('old75', { d: -0.15, rural: 0.1 }, 0.15)],
  [
    'mantelzorg_overbelast_pct',
    'zorg',
    'percent',
    'down',
    1,
    30,
    'ggd',
    rate('ggd', { d: 0.15, old: 0.15 }),
    { years: GGD_YEARS, noNL: true },
  ],
  [
    'wmo_tevreden_pct',
    'zorg',
    'percent',
    'up',
    1,
    20,
    'local',
    rate({ numeratorOf: 'wmo_per_1000', share: 0.4 }, { d: -0.1 }, 0.1),
    { years: FROM_2019, noNL: true },
  ],
  ['bijstand_per_1000', 'werk', 'per_1000', 'down', 1, 100, 'werk', rate('workAge', { d: 0.5, rural: -0.2 }, 0.15)],
  [
    'bijstand_aantal',
    'werk',
    'count',
    'down',
    0,
    10,
    'werk',
    { kind: 'count', of: { numeratorOf: 'bijstand_per_1000' } },
  ],
  ['arbeidsparticipatie_pct', 'werk', 'percent', 'up', 1, 100, 'werk', rate('labourAge', { d: -0.2, old: -0.1 }, 0.08)],
  ['ww_per_1000', 'werk', 'per_1000', 'down', 1, 100, 'werk', rate('workAge', { d: 0.2 })],
  ['ao_per_1000', 'werk', 'per_1000', 'down', 1, 100, 'werk', rate('workAge', { d: 0.3 })],
  ['jeugdwerkloosheid_pct', 'werk', 'percent', 'down', 1, 50, 'werk', rate('youthLabour', { d: 0.3 })],
  ['laag_inkomen_pct', 'armoede', 'percent', 'down', 1, 100, 'armoede', rate('households', { d: 0.5, rural: -0.1 })],
  ['sociaal_minimum_pct', 'armoede', 'percent', 'down', 1, 100, 'armoede', rate('households', { d: 0.5 })],
  ['kinderen_armoede_pct', 'armoede', 'percent', 'down', 1, 50, 'armoede', rate('youth', { d: 0.6 }, 0.15)],
  ['schuldhulp_per_1000_hh', 'armoede', 'per_1000', 'neutral', 1, 100, 'nvvk', rate('households', { d: 0.45 })],
  ['gem_inkomen', 'armoede', 'euro_x1000', 'up', 1, 0, 'cbs', { kind: 'mean', digits: 2 }],
  [
    'gezondheid_goed_pct',
    'gezondheid',
    'percent',
    'up',
    1,
    30,
    'ggd',
    rate('ggd', { d: -0.3, old: -0.2 }),
    { years: GGD_YEARS },
  ],
  [
    'eenzaam_pct',
    'gezondheid',
    'percent',
    'down',
    1,
    30,
    'ggd',
    rate('ggd', { d: 0.2, old: 0.1, rural: -0.1 }),
    { years: GGD_YEARS },
  ],
  [
    'overgewicht_pct',
    'gezondheid',
    'percent',
    'down',
    1,
    30,
    'ggd',
    rate('ggd', { d: 0.2, rural: 0.1 }),
    { years: GGD_YEARS },
  ],
  [
    'psychisch_ongezond_pct',
    'gezondheid',
    'percent',
    'down',
    1,
    30,
    'ggd',
    rate('ggd', { d: 0.3, rural: -0.1 }),
    { years: GGD_YEARS, noNL: true },
  ],
  [
    'vrijwilligerswerk_pct',
    'meedoen',
    'percent',
    'up',
    1,
    30,
    'ggd',
    rate('ggd', { d: -0.2, rural: 0.45 }),
    { years: GGD_YEARS },
  ],
  ['sociale_cohesie', 'meedoen', 'score', 'up', 1, 0, 'vm', { kind: 'mean', digits: 2 }, { years: VM_YEARS }],
  [
    'onveilig_pct',
    'meedoen',
    'percent',
    'down',
    1,
    30,
    'vm',
    rate('vm', { d: 0.35, rural: -0.4 }),
    { years: VM_YEARS },
  ],
  ['afstand_huisarts', 'meedoen', 'km', 'neutral', 1, 0, 'cbs', { kind: 'mean', digits: 2 }],
  ['inwoners', 'bevolking', 'count', 'neutral', 0, 0, 'cbs', { kind: 'count', of: 'pop' }],
  ['jongeren_pct', 'bevolking', 'percent', 'neutral', 1, 0, 'cbs', { kind: 'share', num: 'youth', den: 'pop' }],
  ['ouderen_pct', 'bevolking', 'percent', 'neutral', 1, 0, 'cbs', { kind: 'share', num: 'old65', den: 'pop' }],
  ['huishoudens', 'bevolking', 'count', 'neutral', 0, 0, 'cbs', { kind: 'count', of: 'households' }],
  [
    'eenpersoonshuishoudens_pct',
    'bevolking',
    'percent',
    'neutral',
    1,
    0,
    'cbs',
    { kind: 'share', num: 'singles', den: 'households' },
  ],
];

const textOf = new Map(
  TEXTS.trim()
    .split('\n')
    .map((line) => line.split(' | '))
    .map(([id, ...texts]) => [id!, texts] as const),
);

export const INDICATORS: IndicatorDef[] = SPECS.map(
  ([id, theme, unit, direction, decimals, min_count, source, spec, extra]) => {
    const [label_nl, label_en, definition_nl, definition_en] = textOf.get(id) ?? [];
    if (!label_nl || !label_en || !definition_nl || !definition_en) throw new Error(`no texts for ${id}`);
    const model: Model = spec.kind === 'rate' ? { ...spec, nl: NATIONAL[id]! } : spec;
    if (model.kind === 'rate' && model.nl?.length !== PERIODS.length) throw new Error(`no national series for ${id}`);
    return {
      id,
      label_nl,
      label_en,
      theme,
      unit,
      direction,
      decimals,
      definition_nl,
      definition_en,
      source: `Synthetisch (model: ${SOURCES[source]})`,
      min_count,
      // Synthetic counts are exact: nothing is rounded, unlike CBS's published counts.
      rounding: null,
      denominator_rounding: null,
      model,
      ...extra,
    };
  },
);

export function yearsOf(indicator: IndicatorDef): readonly number[] {
  return indicator.years ?? PERIODS;
}
