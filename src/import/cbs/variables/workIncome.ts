/**
 * Work, income, poverty and benefits (Participatiewet, WW, AO): themes `werk` and `armoede`.
 *
 * Amounts are in thousands of euro as CBS publishes them (`gem_inkomen_inwoner` 28 = € 28 000). Income shares
 * refer to the national distribution: "40 % laagste inkomens" is the share of an area's households (or persons)
 * that belong to the 40 % of the Netherlands with the lowest income, so the national value is about 40.
 * Benefit counts are "standcijfers" at the end of December and are rounded by CBS.
 *
 * Rounding, per CBS's rules for the kerncijfers wijken en buurten (`rounding` on the counts, and on the rates the
 * importer computes from them):
 * - benefit counts (bijstand, AO, WW, AOW; theme "Sociale zekerheid"): to tens. The 85984NED metadata do not repeat
 *   the rule, but CBS publishes these counts rounded to tens at every level, Nederland included (StatLine 84286NED
 *   and 85984NED; in shared/data every AO_UIT_TOT, WW_UIT_TOT, WWB_UITTOT and A_SOZ_OW of the 2015 Wijk- en
 *   buurtkaart, buurt, wijk and gemeente, is a multiple of 10);
 * - education level (theme "Hoogst behaald onderwijsniveau", 85984NED): "Cijfers worden afgerond op tientallen";
 * - income recipients (`a_inkont`, 85984NED AantalInkomensontvangers): "De cijfers zijn afgerond op honderdtallen".
 * The rates per 1 000 inhabitants divide a benefit count (10) by the inhabitants (5 at wijk and buurt level, see
 * population.ts). Income shares and averages are published as computed by CBS, not from rounded counts: none.
 */
import type { VariableDef } from '../variables.ts';
import { POPULATION_ROUNDING } from './population.ts';

/** CBS rounds the benefit counts and the education-level counts to tens. */
const TENS = 10;

const PERSONS = { unit: 'count', cbs_unit: 'aantal', decimals: 0 } as const;
const PERCENT1 = { unit: 'percent', cbs_unit: '%', decimals: 1 } as const;
const EURO1000 = { unit: 'euro_x1000', cbs_unit: 'x 1 000 euro', decimals: 1 } as const;

/** Education level (15–75 years): counts, kwb names lg/md/hg (2023–2024 downloads: bvm/hvm/hw). */
function educationLevels(): VariableDef[] {
  const levels = [
    [
      'lg',
      'laag',
      'low',
      'basisonderwijs, vmbo of mbo 1',
      'primary education, vmbo or mbo 1',
      ['a_opl_bvm', 'opleidingsniveauLaag', 'BasisonderwijsVmboMbo1', 'opl_laag'],
    ],
    [
      'md',
      'middelbaar',
      'middle',
      'havo, vwo of mbo 2–4',
      'havo, vwo or mbo 2–4',
      ['a_opl_hvm', 'opleidingsniveauMiddelbaar', 'HavoVwoMbo24', 'opl_midden'],
    ],
    [
      'hg',
      'hoog',
      'high',
      'hbo of wo',
      'higher professional or university education',
      ['a_opl_hw', 'opleidingsniveauHoog', 'HboWo', 'opl_hoog'],
    ],
  ] as const;
  return levels.map(
    ([key, nl, en, whatNl, whatEn, aliases]): VariableDef => ({
      ...PERSONS,
      id: `a_opl_${key}`,
      label_nl: `Onderwijsniveau ${nl} (15–75 jaar)`,
      label_en: `Education level ${en} (15–75 years)`,
      theme: 'werk',
      direction: 'neutral',
      definition_nl: `Aantal personen van 15 tot 75 jaar met als hoogst behaald onderwijsniveau ${whatNl}.`,
      definition_en: `Number of persons aged 15 to 75 whose highest completed education is ${whatEn}.`,
      min_count: 10,
      rounding: TENS,
      aliases,
    }),
  );
}

/** The benefit counts and their derived rate per 1 000 inhabitants (the rate is computed, not read). */
function benefits(): VariableDef[] {
  const kinds = [
    [
      'wb',
      'bijstand',
      'social assistance',
      'een bijstandsuitkering (Participatiewet)',
      'social assistance (Participation Act)',
      [
        'WWB_UITTOT',
        'aantalPersonenMetEenAlgBijstandsuitkeringTot',
        'PersonenPerSoortUitkeringBijstand',
        // OData 2013 (82339NED), when bijstand was the WWB.
        'PersonenMetEenWWBUitkeringTotaal',
      ],
    ],
    [
      'ao',
      'een AO-uitkering',
      'a disability benefit',
      'een arbeidsongeschiktheidsuitkering (WAO, WIA, WAZ, Wajong)',
      'a disability benefit (WAO, WIA, WAZ, Wajong)',
      [
        'AO_UIT_TOT',
        'aantalPersonenMetEenAoUitkeringTotaal',
        'PersonenPerSoortUitkeringAO',
        'PersonenMetEenAOUitkeringTotaal',
      ],
    ],
    [
      'ww',
      'een WW-uitkering',
      'unemployment benefit',
      'een werkloosheidsuitkering (WW)',
      'unemployment benefit (WW)',
      [
        'WW_UIT_TOT',
        'aantalPersonenMetEenWwUitkeringTotaal',
        'PersonenPerSoortUitkeringWW',
        'PersonenMetEenWWUitkeringTotaal',
      ],
    ],
  ] as const;
  return kinds.flatMap(([key, shortNl, shortEn, nl, en, aliases]): VariableDef[] => [
    {
      ...PERSONS,
      id: `a_soz_${key}`,
      label_nl: `Personen met ${shortNl}`,
      label_en: `People on ${shortEn}`,
      theme: 'werk',
      direction: 'down',
      definition_nl: `Aantal personen met ${nl}, stand op de laatste dag van december.`,
      definition_en: `Number of people receiving ${en}, on the last day of December.`,
      min_count: 10,
      rounding: TENS,
      aliases,
    },
    {
      id: `soz_${key}_per_1000`,
      label_nl: `Personen met ${shortNl} per 1 000 inwoners`,
      label_en: `People on ${shortEn} per 1,000 inhabitants`,
      theme: 'werk',
      unit: 'per_1000',
      cbs_unit: 'per 1 000 inwoners',
      direction: 'down',
      decimals: 1,
      definition_nl: `Personen met ${nl} per 1 000 inwoners (alle leeftijden); berekend uit a_soz_${key} en a_inw.`,
      definition_en: `People receiving ${en} per 1,000 inhabitants (all ages); computed from a_soz_${key} and a_inw.`,
      min_count: 10,
      rounding: TENS,
      denominator_rounding: POPULATION_ROUNDING,
      numerator: `a_soz_${key}`,
      denominator: 'a_inw',
      derived: true,
      aliases: [],
    },
  ]);
}

export const WORK_INCOME: readonly VariableDef[] = [
  ...educationLevels(),
  {
    id: 'p_arb_pp',
    label_nl: 'Nettoarbeidsparticipatie',
    label_en: 'Net labour participation',
    theme: 'werk',
    unit: 'percent',
    cbs_unit: '%',
    direction: 'up',
    decimals: 0,
    definition_nl: 'Werkzame beroepsbevolking in procenten van de bevolking van 15 tot 75 jaar.',
    definition_en: 'Employed labour force as a percentage of the population aged 15 to 75.',
    min_count: 10,
    aliases: ['nettoArbeidsparticipatie', 'arbeidsparticipatie'],
  },
  {
    id: 'p_arb_wn',
    label_nl: 'Werknemers (% van de werkenden)',
    label_en: 'Employees (% of the employed)',
    theme: 'werk',
    unit: 'percent',
    cbs_unit: '%',
    direction: 'neutral',
    decimals: 0,
    definition_nl: 'Werknemers in procenten van de werkzame beroepsbevolking.',
    definition_en: 'Employees as a percentage of the employed labour force.',
    min_count: 10,
    aliases: ['percentageWerknemers', 'pct_werknemers'],
  },
  {
    id: 'p_arb_zs',
    label_nl: 'Zelfstandigen (% van de werkenden)',
    label_en: 'Self-employed (% of the employed)',
    theme: 'werk',
    unit: 'percent',
    cbs_unit: '%',
    direction: 'neutral',
    decimals: 0,
    definition_nl: 'Zelfstandigen in procenten van de werkzame beroepsbevolking.',
    definition_en: 'Self-employed as a percentage of the employed labour force.',
    min_count: 10,
    aliases: ['percentageZelfstandigen', 'pct_zelfstandigen'],
  },
  {
    ...PERSONS,
    id: 'a_inkont',
    label_nl: 'Inkomensontvangers',
    label_en: 'Income recipients',
    theme: 'werk',
    direction: 'neutral',
    definition_nl: 'Personen met persoonlijk inkomen in particuliere huishoudens (afgerond op honderdtallen).',
    definition_en: 'Persons with a personal income in private households (rounded to hundreds).',
    min_count: 0,
    rounding: 100,
    aliases: ['aantalInkomensontvangers'],
  },
  {
    ...EURO1000,
    id: 'g_ink_po',
    label_nl: 'Gemiddeld inkomen per inkomensontvanger',
    label_en: 'Average income per income recipient',
    theme: 'werk',
    direction: 'up',
    definition_nl:
      'Gemiddeld persoonlijk inkomen per inkomensontvanger in particuliere huishoudens, in duizenden euro.',
    definition_en: 'Average personal income per income recipient in private households, in thousands of euro.',
    min_count: 10,
    aliases: ['gemiddeldInkomenPerInkomensontvanger', 'gem_inkomen_ontvanger'],
  },
  {
    ...EURO1000,
    id: 'g_ink_pi',
    label_nl: 'Gemiddeld inkomen per inwoner',
    label_en: 'Average income per inhabitant',
    theme: 'werk',
    direction: 'up',
    definition_nl: 'Gemiddeld persoonlijk inkomen per inwoner in particuliere huishoudens, in duizenden euro.',
    definition_en: 'Average personal income per inhabitant in private households, in thousands of euro.',
    min_count: 10,
    aliases: ['gemiddeldInkomenPerInwoner', 'gem_inkomen_inwoner'],
  },
  {
    ...PERCENT1,
    id: 'p_ink_li',
    label_nl: 'Personen in de landelijke 40 % laagste inkomens',
    label_en: 'Persons in the national lowest 40 % of incomes',
    theme: 'armoede',
    direction: 'down',
    definition_nl:
      'Aandeel personen in particuliere huishoudens dat tot de landelijke 40 % personen met het laagste persoonlijk inkomen hoort.',
    definition_en:
      'Share of persons in private households who belong to the national 40 % of persons with the lowest personal income.',
    min_count: 10,
    aliases: ['percentagePersonenMetLaagInkomen', 'k_40PersonenMetLaagsteInkomen', 'PersonenMetLaagInkomen'],
  },
  {
    ...PERCENT1,
    id: 'p_ink_hi',
    label_nl: 'Personen in de landelijke 20 % hoogste inkomens',
    label_en: 'Persons in the national highest 20 % of incomes',
    theme: 'armoede',
    direction: 'neutral',
    definition_nl:
      'Aandeel personen in particuliere huishoudens dat tot de landelijke 20 % personen met het hoogste persoonlijk inkomen hoort.',
    definition_en:
      'Share of persons in private households who belong to the national 20 % of persons with the highest personal income.',
    min_count: 10,
    aliases: ['percentagePersonenMetHoogInkomen', 'k_20PersonenMetHoogsteInkomen', 'PersonenMetHoogInkomen'],
  },
  {
    ...EURO1000,
    id: 'g_hh_sti',
    label_nl: 'Gemiddeld gestandaardiseerd huishoudensinkomen',
    label_en: 'Average standardised household income',
    theme: 'armoede',
    direction: 'up',
    definition_nl:
      'Besteedbaar huishoudensinkomen gecorrigeerd voor grootte en samenstelling van het huishouden, in duizenden euro.',
    definition_en: 'Disposable household income corrected for household size and composition, in thousands of euro.',
    min_count: 10,
    aliases: [
      'gemiddeldGestandaardiseerdInkomenVanHuishoudens',
      'GemGestandaardiseerdInkomenVanHuish',
      'gem_gestand_inkomen',
    ],
  },
  {
    ...PERCENT1,
    id: 'p_hh_li',
    label_nl: 'Huishoudens in de landelijke 40 % laagste inkomens',
    label_en: 'Households in the national lowest 40 % of incomes',
    theme: 'armoede',
    direction: 'down',
    definition_nl:
      'Aandeel particuliere huishoudens dat tot de landelijke 40 % huishoudens met het laagste besteedbaar inkomen hoort (landelijk ± 40).',
    definition_en:
      'Share of private households that belong to the national 40 % of households with the lowest disposable income (national value ± 40).',
    min_count: 10,
    aliases: [
      'percentageHuishoudensMetLaagInkomen',
      'k_40HuishoudensMetLaagsteInkomen',
      'pct_hh_laag_inkomen',
      // OData 2013: the 40 % group (the low-income line is HuishoudensMetLageKoopkracht there).
      'HuishoudensMetLaagInkomen',
    ],
  },
  {
    ...PERCENT1,
    id: 'p_hh_hi',
    label_nl: 'Huishoudens in de landelijke 20 % hoogste inkomens',
    label_en: 'Households in the national highest 20 % of incomes',
    theme: 'armoede',
    direction: 'neutral',
    definition_nl:
      'Aandeel particuliere huishoudens dat tot de landelijke 20 % huishoudens met het hoogste besteedbaar inkomen hoort.',
    definition_en:
      'Share of private households that belong to the national 20 % of households with the highest disposable income.',
    min_count: 10,
    aliases: [
      'percentageHuishoudensMetHoogInkomen',
      'k_20HuishoudensMetHoogsteInkomen',
      'pct_hh_hoog_inkomen',
      'HuishoudensMetHoogInkomen',
    ],
  },
  {
    ...PERCENT1,
    id: 'p_hh_lkk',
    label_nl: 'Huishoudens met een laag inkomen',
    label_en: 'Households with a low income',
    theme: 'armoede',
    direction: 'down',
    definition_nl:
      'Huishoudens met een inkomen onder de lage-inkomensgrens (vaste koopkrachtgrens), in procenten van de huishoudens met een volledig jaarinkomen, zonder studentenhuishoudens.',
    definition_en:
      'Households below the low-income threshold (a fixed purchasing-power line), as a percentage of households with a full-year income, excluding student households.',
    min_count: 10,
    aliases: ['HuishoudensMetEenLaagInkomen', 'HuishoudensMetLageKoopkracht', 'percentageHuishoudensMetLageKoopkracht'],
  },
  {
    ...PERCENT1,
    id: 'p_hh_osm',
    label_nl: 'Huishoudens onder of rond het sociaal minimum',
    label_en: 'Households at or below the social minimum',
    theme: 'armoede',
    direction: 'down',
    definition_nl:
      'Huishoudens met een inkomen tot 101 % van het sociaal minimum, in procenten van de huishoudens met een volledig jaarinkomen, zonder studentenhuishoudens.',
    definition_en:
      'Households with an income up to 101 % of the social minimum, as a percentage of households with a full-year income, excluding student households.',
    min_count: 10,
    aliases: [
      'percentageHuishoudensOnderOfRondSociaalMinimum',
      'HuishOnderOfRondSociaalMinimum',
      'pct_rond_sociaal_min',
    ],
  },
  {
    ...PERCENT1,
    id: 'p_hh_110',
    label_nl: 'Huishoudens tot 110 % van het sociaal minimum',
    label_en: 'Households up to 110 % of the social minimum',
    theme: 'armoede',
    direction: 'down',
    definition_nl:
      'Huishoudens met een besteedbaar inkomen (zonder gebonden uitkeringen) onder 110 % van het sociaal minimum.',
    definition_en: 'Households whose disposable income (without tied benefits) is below 110 % of the social minimum.',
    min_count: 10,
    aliases: ['huishoudensTot110PercentVanSociaalMinimum', 'HuishoudensTot110VanSociaalMinimum'],
  },
  {
    ...PERCENT1,
    id: 'p_hh_120',
    label_nl: 'Huishoudens tot 120 % van het sociaal minimum',
    label_en: 'Households up to 120 % of the social minimum',
    theme: 'armoede',
    direction: 'down',
    definition_nl:
      'Huishoudens met een besteedbaar inkomen (zonder gebonden uitkeringen) onder 120 % van het sociaal minimum.',
    definition_en: 'Households whose disposable income (without tied benefits) is below 120 % of the social minimum.',
    min_count: 10,
    aliases: ['huishoudensTot120PercentVanSociaalMinimum', 'HuishoudensTot120VanSociaalMinimum'],
  },
  {
    ...EURO1000,
    id: 'm_hh_ver',
    label_nl: 'Mediaan vermogen van huishoudens',
    label_en: 'Median wealth of households',
    theme: 'armoede',
    direction: 'up',
    definition_nl:
      'Mediaan van het vermogen (bezittingen min schulden) van particuliere huishoudens, in duizenden euro.',
    definition_en: 'Median wealth (assets minus debts) of private households, in thousands of euro.',
    min_count: 10,
    aliases: ['mediaanVermogenVanParticuliereHuish', 'mediaan_vermogen'],
  },
  ...benefits(),
  {
    ...PERSONS,
    id: 'a_soz_ow',
    label_nl: 'Personen met AOW',
    label_en: 'People on state pension (AOW)',
    theme: 'bevolking',
    direction: 'neutral',
    definition_nl: 'Aantal personen met een AOW-uitkering, stand op de laatste dag van december.',
    definition_en: 'Number of people receiving the state old-age pension (AOW), on the last day of December.',
    min_count: 0,
    rounding: TENS,
    aliases: [
      'A_SOZ_OW',
      'aantalPersonenMetEenAowUitkeringTotaal',
      'PersonenPerSoortUitkeringAOW',
      'PersonenMetEenAOWUitkeringTotaal',
    ],
  },
];
