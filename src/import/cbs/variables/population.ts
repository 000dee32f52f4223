/**
 * Population, households, origin and area: the context figures of the kerncijfers (theme `bevolking`, neutral).
 *
 * Age bands: CBS's "0 tot 15 jaar" is 0–14 years ("tot" excludes 15: the bands 0–15, 15–25, … 65+ do not
 * overlap), so PDOK's `percentagePersonen0Tot15Jaar` and the renamed `0_15` are the same as kwb `p_00_14`.
 * Until kwb 2016 the age, marital-status and household-type figures were published as percentages (`p_`);
 * since 2017 as counts (`a_`). Both are kept as separate variables; the percentage names its counts.
 */
import type { VariableDef } from '../variables.ts';

/**
 * CBS rounds the population counts of wijken and buurten to fives (Kerncijfers wijken en buurten, theme
 * "Bevolking", e.g. table 85984NED: "Om redenen van statistische geheimhouding zijn de aantallen op wijk- en
 * buurtniveau aselect afgerond op veelvouden van 5."). The rule covers the whole theme: inhabitants, sex, age,
 * marital status, origin, births and deaths, and private households. Gemeente figures are exact in recent years
 * (85984NED: Groningen 243 768 inhabitants) but were rounded too in older releases (every gemeente's 2012 figure is a
 * multiple of 5); the indicator holds one unit for all levels, so it says 5, what a wijk or buurt figure is
 * rounded to. The `p_` shares are kept as CBS published them (not computed from these counts), so they get none.
 */
export const POPULATION_ROUNDING = 5;

const COUNT = { theme: 'bevolking', unit: 'count', cbs_unit: 'aantal', direction: 'neutral', decimals: 0 } as const;
const PERCENT = { theme: 'bevolking', unit: 'percent', cbs_unit: '%', direction: 'neutral', decimals: 0 } as const;

/** The five age bands as counts (kwb 2017+, OData) and as percentages of the inhabitants (kwb ≤ 2016, PDOK). */
function ageBands(): VariableDef[] {
  const bands = [
    ['00_14', '0 tot 15 jaar', '0 to 14 years', 'k_0Tot15Jaar', ['P_00_14_JR', 'percentagePersonen0Tot15Jaar', '0_15']],
    [
      '15_24',
      '15 tot 25 jaar',
      '15 to 24 years',
      'k_15Tot25Jaar',
      ['P_15_24_JR', 'percentagePersonen15Tot25Jaar', '15_25'],
    ],
    [
      '25_44',
      '25 tot 45 jaar',
      '25 to 44 years',
      'k_25Tot45Jaar',
      ['P_25_44_JR', 'percentagePersonen25Tot45Jaar', '25_45'],
    ],
    [
      '45_64',
      '45 tot 65 jaar',
      '45 to 64 years',
      'k_45Tot65Jaar',
      ['P_45_64_JR', 'percentagePersonen45Tot65Jaar', '45_65'],
    ],
    [
      '65_oo',
      '65 jaar of ouder',
      '65 years or older',
      'k_65JaarOfOuder',
      ['P_65_EO_JR', 'percentagePersonen65JaarEnOuder', '65plus'],
    ],
  ] as const;
  return bands.flatMap(([band, nl, en, odata, percentAliases]): VariableDef[] => [
    {
      ...COUNT,
      id: `a_${band}`,
      label_nl: `Inwoners ${nl}`,
      label_en: `Inhabitants ${en}`,
      definition_nl: `Aantal inwoners dat op 1 januari ${nl} oud is.`,
      definition_en: `Number of inhabitants aged ${en} on 1 January.`,
      min_count: 0,
      rounding: POPULATION_ROUNDING,
      aliases: [odata],
    },
    {
      ...PERCENT,
      id: `p_${band}`,
      label_nl: `Inwoners ${nl} (%)`,
      label_en: `Inhabitants ${en} (%)`,
      definition_nl: `Inwoners van ${nl} op 1 januari, in procenten van alle inwoners.`,
      definition_en: `Inhabitants aged ${en} on 1 January, as a percentage of all inhabitants.`,
      min_count: 0,
      numerator: `a_${band}`,
      denominator: 'a_inw',
      aliases: percentAliases,
    },
  ]);
}

/** Marital status: counts since kwb 2017 (OData `Ongehuwd` …), percentages in older files and PDOK. */
function maritalStatus(): VariableDef[] {
  const states = [
    ['ongeh', 'Ongehuwd', 'Unmarried', 'Ongehuwd', ['P_ONGEHUWD', 'percentageOngehuwd', 'pct_ongehuwd']],
    ['gehuwd', 'Gehuwd', 'Married', 'Gehuwd', ['P_GEHUWD', 'percentageGehuwd', 'pct_gehuwd']],
    ['gesch', 'Gescheiden', 'Divorced', 'Gescheiden', ['P_GESCHEID', 'percentageGescheid']],
    ['verwed', 'Verweduwd', 'Widowed', 'Verweduwd', ['P_VERWEDUW', 'percentageVerweduwd']],
  ] as const;
  return states.flatMap(([key, nl, en, odata, percentAliases]): VariableDef[] => [
    {
      ...COUNT,
      id: `a_${key}`,
      label_nl: `Inwoners: ${nl.toLowerCase()}`,
      label_en: `${en} inhabitants`,
      definition_nl: `Aantal inwoners met burgerlijke staat ${nl.toLowerCase()} op 1 januari.`,
      definition_en: `Number of inhabitants whose marital status on 1 January is ${en.toLowerCase()}.`,
      min_count: 0,
      rounding: POPULATION_ROUNDING,
      aliases: [odata],
    },
    {
      ...PERCENT,
      id: `p_${key}`,
      label_nl: `Inwoners: ${nl.toLowerCase()} (%)`,
      label_en: `${en} inhabitants (%)`,
      definition_nl: `Inwoners met burgerlijke staat ${nl.toLowerCase()}, in procenten van alle inwoners.`,
      definition_en: `Inhabitants whose marital status is ${en.toLowerCase()}, as a percentage of all inhabitants.`,
      min_count: 0,
      numerator: `a_${key}`,
      denominator: 'a_inw',
      aliases: percentAliases,
    },
  ]);
}

/**
 * Origin (herkomst) in CBS's classification since 2023. The OData keys (`Nederland_17`, `Nederland_20`, …) repeat
 * the same name under different groups, so they are not matched by name; the percentages are PDOK's (kwb itself
 * publishes the counts only — `p_` ids follow the kwb naming, they are not kwb download columns).
 */
function origin(): VariableDef[] {
  const groups = [
    ['nl_all', 'Nederland', 'the Netherlands', ['percentageMetHerkomstlandNederland', 'pct_herkomst_nl']],
    [
      'eur_al',
      'Europa (exclusief Nederland)',
      'Europe (excluding the Netherlands)',
      ['percentageMetHerkomstlandUitEuropaExclNl', 'pct_herkomst_europa'],
    ],
    [
      'neu_al',
      'buiten Europa',
      'outside Europe',
      ['percentageMetHerkomstlandBuitenEuropa', 'pct_herkomst_buiten_europa'],
    ],
  ] as const;
  return groups.flatMap(([key, nl, en, percentAliases]): VariableDef[] => [
    {
      ...COUNT,
      id: `a_${key}`,
      label_nl: `Inwoners met herkomstland ${nl}`,
      label_en: `Inhabitants with country of origin ${en}`,
      definition_nl: `Aantal inwoners op 1 januari met herkomstland ${nl} (CBS-herkomstindeling sinds 2023).`,
      definition_en: `Number of inhabitants on 1 January whose country of origin is ${en} (CBS classification since 2023).`,
      min_count: 0,
      rounding: POPULATION_ROUNDING,
      aliases: [],
    },
    {
      ...PERCENT,
      id: `p_${key}`,
      label_nl: `Inwoners met herkomstland ${nl} (%)`,
      label_en: `Inhabitants with country of origin ${en} (%)`,
      definition_nl: `Inwoners met herkomstland ${nl}, in procenten van alle inwoners.`,
      definition_en: `Inhabitants whose country of origin is ${en}, as a percentage of all inhabitants.`,
      min_count: 0,
      numerator: `a_${key}`,
      denominator: 'a_inw',
      aliases: percentAliases,
    },
  ]);
}

/** Household types: counts since 2017, percentages of all households before and in PDOK. */
function householdTypes(): VariableDef[] {
  const types = [
    [
      '1p_hh',
      'Eenpersoonshuishoudens',
      'One-person households',
      'Eenpersoonshuishoudens',
      ['P_EENP_HH', 'percentageEenpersoonshuishoudens', 'pct_eenpersoonshhd'],
    ],
    [
      'hh_z_k',
      'Huishoudens zonder kinderen',
      'Households without children',
      'HuishoudensZonderKinderen',
      ['P_HH_Z_K', 'percentageHuishoudensZonderKinderen', 'pct_hhd_zonder_kind'],
    ],
    [
      'hh_m_k',
      'Huishoudens met kinderen',
      'Households with children',
      'HuishoudensMetKinderen',
      ['P_HH_M_K', 'percentageHuishoudensMetKinderen', 'pct_hhd_met_kind'],
    ],
  ] as const;
  return types.flatMap(([key, nl, en, odata, percentAliases]): VariableDef[] => [
    {
      ...COUNT,
      id: `a_${key}`,
      label_nl: nl,
      label_en: en,
      definition_nl: `Aantal particuliere huishoudens op 1 januari: ${nl.toLowerCase()}.`,
      definition_en: `Number of private households on 1 January: ${en.toLowerCase()}.`,
      min_count: 0,
      rounding: POPULATION_ROUNDING,
      aliases: [odata],
    },
    {
      ...PERCENT,
      id: `p_${key}`,
      label_nl: `${nl} (%)`,
      label_en: `${en} (%)`,
      definition_nl: `${nl}, in procenten van alle particuliere huishoudens.`,
      definition_en: `${en}, as a percentage of all private households.`,
      min_count: 0,
      numerator: `a_${key}`,
      denominator: 'a_hh',
      aliases: percentAliases,
    },
  ]);
}

export const POPULATION: readonly VariableDef[] = [
  {
    ...COUNT,
    id: 'a_inw',
    label_nl: 'Inwoners',
    label_en: 'Inhabitants',
    definition_nl: 'Aantal inwoners op 1 januari (ingeschreven in de Basisregistratie Personen).',
    definition_en: 'Number of inhabitants on 1 January (registered in the Personal Records Database).',
    min_count: 0,
    rounding: POPULATION_ROUNDING,
    aliases: ['AANT_INW', 'aantalInwoners', 'aantal_inwoners', 'AantalInwoners'],
  },
  {
    ...COUNT,
    id: 'a_man',
    label_nl: 'Mannen',
    label_en: 'Men',
    definition_nl: 'Aantal mannelijke inwoners op 1 januari.',
    definition_en: 'Number of male inhabitants on 1 January.',
    min_count: 0,
    rounding: POPULATION_ROUNDING,
    aliases: ['AANT_MAN', 'mannen'],
  },
  {
    ...COUNT,
    id: 'a_vrouw',
    label_nl: 'Vrouwen',
    label_en: 'Women',
    definition_nl: 'Aantal vrouwelijke inwoners op 1 januari.',
    definition_en: 'Number of female inhabitants on 1 January.',
    min_count: 0,
    rounding: POPULATION_ROUNDING,
    aliases: ['AANT_VROUW', 'vrouwen'],
  },
  ...ageBands(),
  ...maritalStatus(),
  ...origin(),
  {
    ...COUNT,
    id: 'a_geb',
    label_nl: 'Geboorten',
    label_en: 'Births',
    definition_nl: 'Aantal levendgeborenen van 1 januari tot en met 31 december.',
    definition_en: 'Number of live births from 1 January to 31 December.',
    min_count: 0,
    rounding: POPULATION_ROUNDING,
    aliases: ['GeboorteTotaal'],
  },
  {
    ...COUNT,
    id: 'p_geb',
    unit: 'per_1000',
    cbs_unit: 'per 1 000 inwoners',
    label_nl: 'Geboorten per 1 000 inwoners',
    label_en: 'Births per 1,000 inhabitants',
    definition_nl: 'Levendgeborenen in het jaar per 1 000 inwoners op 1 januari (ondanks de p_-naam geen percentage).',
    definition_en:
      'Live births in the year per 1,000 inhabitants on 1 January (not a percentage, despite the p_ name).',
    min_count: 0,
    numerator: 'a_geb',
    denominator: 'a_inw',
    aliases: ['GeboorteRelatief', 'geboortesPer1000Inwoners', 'geboorte_relatief'],
  },
  {
    ...COUNT,
    id: 'a_ste',
    label_nl: 'Sterfte',
    label_en: 'Deaths',
    definition_nl: 'Aantal overledenen van 1 januari tot en met 31 december.',
    definition_en: 'Number of deaths from 1 January to 31 December.',
    min_count: 0,
    rounding: POPULATION_ROUNDING,
    aliases: ['SterfteTotaal'],
  },
  {
    ...COUNT,
    id: 'p_ste',
    unit: 'per_1000',
    cbs_unit: 'per 1 000 inwoners',
    label_nl: 'Sterfte per 1 000 inwoners',
    label_en: 'Deaths per 1,000 inhabitants',
    definition_nl: 'Overledenen in het jaar per 1 000 inwoners op 1 januari (ondanks de p_-naam geen percentage).',
    definition_en: 'Deaths in the year per 1,000 inhabitants on 1 January (not a percentage, despite the p_ name).',
    min_count: 0,
    numerator: 'a_ste',
    denominator: 'a_inw',
    aliases: ['SterfteRelatief', 'sterfte_relatief'],
  },
  {
    ...COUNT,
    id: 'a_hh',
    label_nl: 'Huishoudens',
    label_en: 'Households',
    definition_nl: 'Aantal particuliere huishoudens op 1 januari.',
    definition_en: 'Number of private households on 1 January.',
    min_count: 0,
    rounding: POPULATION_ROUNDING,
    aliases: ['AANTAL_HH', 'aantalHuishoudens', 'huishoudens', 'HuishoudensTotaal'],
  },
  ...householdTypes(),
  {
    ...COUNT,
    id: 'g_hhgro',
    decimals: 1,
    label_nl: 'Gemiddelde huishoudensgrootte',
    label_en: 'Average household size',
    definition_nl: 'Aantal personen in particuliere huishoudens gedeeld door het aantal particuliere huishoudens.',
    definition_en: 'Persons in private households divided by the number of private households.',
    min_count: 0,
    aliases: ['GEM_HH_GR', 'gemiddeldeHuishoudsgrootte', 'gem_huishouden_grootte', 'GemiddeldeHuishoudensgrootte'],
  },
  {
    ...COUNT,
    id: 'bev_dich',
    cbs_unit: 'aantal inwoners per km²',
    label_nl: 'Bevolkingsdichtheid (inwoners per km² land)',
    label_en: 'Population density (inhabitants per km² of land)',
    definition_nl: 'Inwoners op 1 januari gedeeld door de landoppervlakte in km².',
    definition_en: 'Inhabitants on 1 January divided by the land area in km².',
    min_count: 0,
    aliases: ['BEV_DICHTH', 'bevolkingsdichtheidInwonersPerKm2', 'bevolkingsdichtheid'],
  },
  {
    ...COUNT,
    id: 'ste_oad',
    cbs_unit: 'per km²',
    label_nl: 'Omgevingsadressendichtheid (adressen per km²)',
    label_en: 'Address density of the surroundings (addresses per km²)',
    definition_nl: 'Gemiddeld aantal adressen per km² binnen een cirkel van 1 km rond elk adres in het gebied.',
    definition_en: 'Average number of addresses per km² within a 1 km circle around each address in the area.',
    min_count: 0,
    aliases: ['OAD', 'omgevingsadressendichtheid'],
  },
  {
    ...COUNT,
    id: 'ste_mvs',
    unit: 'score',
    cbs_unit: 'code',
    label_nl: 'Mate van stedelijkheid (1 = zeer sterk, 5 = niet stedelijk)',
    label_en: 'Degree of urbanisation (1 = very strongly, 5 = not urban)',
    definition_nl:
      'Stedelijkheidsklasse uit de omgevingsadressendichtheid: 1 ≥ 2 500, 2: 1 500–2 500, 3: 1 000–1 500, 4: 500–1 000, 5 < 500 adressen per km².',
    definition_en:
      'Urbanisation class from the address density: 1 ≥ 2,500, 2: 1,500–2,500, 3: 1,000–1,500, 4: 500–1,000, 5 < 500 addresses per km².',
    min_count: 0,
    aliases: ['STED', 'stedelijkheidAdressenPerKm2', 'stedelijkheid', 'MateVanStedelijkheid'],
  },
  {
    ...COUNT,
    id: 'a_opp_ha',
    cbs_unit: 'ha',
    label_nl: 'Oppervlakte totaal (ha)',
    label_en: 'Total area (ha)',
    definition_nl: 'Totale oppervlakte, land en water, in hele hectaren.',
    definition_en: 'Total area, land and water, in whole hectares.',
    min_count: 0,
    aliases: ['OPP_TOT', 'oppervlakteTotaalInHa', 'OppervlakteTotaal'],
  },
  {
    ...COUNT,
    id: 'a_lan_ha',
    cbs_unit: 'ha',
    label_nl: 'Oppervlakte land (ha)',
    label_en: 'Land area (ha)',
    definition_nl: 'Oppervlakte land in hele hectaren.',
    definition_en: 'Land area in whole hectares.',
    min_count: 0,
    aliases: ['OPP_LAND', 'oppervlakteLandInHa', 'OppervlakteLand', 'opp_land'],
  },
  {
    ...COUNT,
    id: 'a_wat_ha',
    cbs_unit: 'ha',
    label_nl: 'Oppervlakte water (ha)',
    label_en: 'Water area (ha)',
    definition_nl: 'Oppervlakte binnen- en buitenwater in hele hectaren.',
    definition_en: 'Inland and outer water area in whole hectares.',
    min_count: 0,
    aliases: ['OPP_WATER', 'oppervlakteWaterInHa', 'OppervlakteWater', 'opp_water'],
  },
];
