/**
 * Dwellings and energy: context for the social domain (theme `bevolking`, neutral). Percentages of dwellings are
 * published by CBS only for areas with at least 20 dwellings; the counts they are shares of are not in every source,
 * so they carry no numerator here.
 *
 * Rounding: none declared. The housing stock is exact in current releases (85984NED, 2024: wijk WK001400 has 13 809
 * dwellings), although the 2012 gemeente figures were multiples of 5; the energy averages, which CBS rounds to tens
 * of kWh or m³, are averages, not counts of people.
 */
import type { VariableDef } from '../variables.ts';

const BASE = { theme: 'bevolking', direction: 'neutral', decimals: 0, min_count: 0 } as const;
const PERCENT = { ...BASE, unit: 'percent', cbs_unit: '%' } as const;

/** A share of the housing stock, as CBS publishes it (whole percent). */
function dwellingShare(
  id: string,
  nl: string,
  en: string,
  definitionNl: string,
  definitionEn: string,
  aliases: readonly string[],
): VariableDef {
  return {
    ...PERCENT,
    id,
    label_nl: `${nl} (% van de woningen)`,
    label_en: `${en} (% of dwellings)`,
    definition_nl: `${definitionNl} In procenten van de woningvoorraad op 1 januari.`,
    definition_en: `${definitionEn} As a percentage of the housing stock on 1 January.`,
    aliases,
  };
}

export const HOUSING: readonly VariableDef[] = [
  {
    ...BASE,
    id: 'a_woning',
    unit: 'count',
    cbs_unit: 'aantal',
    label_nl: 'Woningvoorraad',
    label_en: 'Housing stock',
    definition_nl: 'Aantal woningen op 1 januari.',
    definition_en: 'Number of dwellings on 1 January.',
    aliases: ['woningvoorraad'],
  },
  {
    ...BASE,
    id: 'g_wozbag',
    unit: 'euro_x1000',
    cbs_unit: 'x 1 000 euro',
    label_nl: 'Gemiddelde WOZ-waarde van woningen',
    label_en: 'Average WOZ value of dwellings',
    definition_nl: 'Gemiddelde WOZ-waarde van woningen met een bekende WOZ-waarde, in duizenden euro.',
    definition_en: 'Average official (WOZ) value of dwellings with a known value, in thousands of euro.',
    aliases: ['gemiddeldeWoningwaarde', 'gem_woz_waarde', 'GemiddeldeWOZWaardeVanWoningen'],
  },
  dwellingShare(
    'p_1gezw',
    'Eengezinswoningen',
    'Single-family dwellings',
    'Eengezinswoningen.',
    'Single-family dwellings.',
    ['percentageEengezinswoning', 'pct_eengezins'],
  ),
  dwellingShare(
    'p_mgezw',
    'Meergezinswoningen',
    'Multi-family dwellings',
    'Meergezinswoningen (flats, appartementen).',
    'Multi-family dwellings (flats, apartments).',
    ['percentageMeergezinswoning', 'pct_meergezins'],
  ),
  dwellingShare('p_bewndw', 'Bewoonde woningen', 'Occupied dwellings', 'Bewoonde woningen.', 'Occupied dwellings.', [
    'percentageBewoond',
  ]),
  dwellingShare(
    'p_leegsw',
    'Onbewoonde woningen',
    'Unoccupied dwellings',
    'Woningen waar op 1 januari niemand stond ingeschreven in de Basisregistratie Personen.',
    'Dwellings where nobody was registered in the Personal Records Database on 1 January.',
    ['OnbewoondeWoningen', 'PercentageOnbewoond', 'pct_leegstand'],
  ),
  dwellingShare('p_koopw', 'Koopwoningen', 'Owner-occupied dwellings', 'Koopwoningen.', 'Owner-occupied dwellings.', [
    'percentageKoopwoningen',
    'koopwoningen',
  ]),
  dwellingShare('p_huurw', 'Huurwoningen', 'Rented dwellings', 'Huurwoningen.', 'Rented dwellings.', [
    'percentageHuurwoningen',
    'huurwoningen',
    'HuurwoningenTotaal',
  ]),
  dwellingShare(
    'p_wcorpw',
    'Huurwoningen van woningcorporaties',
    'Housing-association dwellings',
    'Huurwoningen in bezit van woningcorporaties.',
    'Rented dwellings owned by housing associations.',
    ['percHuurwoningenInBezitWoningcorporaties', 'InBezitWoningcorporatie', 'pct_huurcorporatie'],
  ),
  dwellingShare(
    'p_ov_hw',
    'Huurwoningen van overige verhuurders',
    'Dwellings of other landlords',
    'Huurwoningen in bezit van overige verhuurders.',
    'Rented dwellings owned by other landlords.',
    ['percHuurwoningenInBezitOverigeVerhuurders', 'InBezitOverigeVerhuurders'],
  ),
  dwellingShare(
    'p_e_o_w',
    'Woningen met eigendom onbekend',
    'Dwellings of unknown ownership',
    'Woningen waarvan het eigendom onbekend is.',
    'Dwellings whose ownership is unknown.',
    ['percentageWoningenMetEigendomOnbekend', 'EigendomOnbekend'],
  ),
  dwellingShare(
    'p_bjj2k',
    'Bouwjaar voor 2000',
    'Built before 2000',
    'Woningen met bouwjaar voor 2000 (tot en met kwb 2023).',
    'Dwellings built before 2000 (up to kwb 2023).',
    ['percentageBouwjaarklasseTot2000', 'BouwjaarVoor2000'],
  ),
  dwellingShare(
    'p_bjo2k',
    'Bouwjaar vanaf 2000',
    'Built in 2000 or later',
    'Woningen met bouwjaar vanaf 2000 (tot en met kwb 2023; daarna een andere indeling).',
    'Dwellings built in 2000 or later (up to kwb 2023; a different split since).',
    ['percentageBouwjaarklasseVanaf2000', 'BouwjaarVanaf2000', 'pct_bouwjaar_na_2000'],
  ),
  dwellingShare(
    'p_stadsv',
    'Woningen met stadsverwarming',
    'Dwellings with district heating',
    'Woningen met stadsverwarming.',
    'Dwellings with district heating.',
    ['percentageWoningenMetStadsverwarming', 'pct_stadsverwarming'],
  ),
  {
    ...BASE,
    id: 'g_ele',
    unit: 'count',
    cbs_unit: 'kWh',
    label_nl: 'Gemiddeld elektriciteitsverbruik per woning (kWh)',
    label_en: 'Average electricity use per dwelling (kWh)',
    definition_nl: 'Gemiddelde jaarlevering van elektriciteit aan particuliere woningen, in kWh.',
    definition_en: 'Average annual electricity delivery to private dwellings, in kWh.',
    aliases: ['gemiddeldElektriciteitsverbruikTotaal', 'GemiddeldeElektriciteitsleveringTotaal', 'gem_elektriciteit'],
  },
  {
    ...BASE,
    id: 'g_gas',
    unit: 'count',
    cbs_unit: 'm³',
    label_nl: 'Gemiddeld aardgasverbruik per woning (m³)',
    label_en: 'Average natural-gas use per dwelling (m³)',
    definition_nl: 'Gemiddeld jaarverbruik van aardgas van particuliere woningen, in m³.',
    definition_en: 'Average annual natural-gas use of private dwellings, in m³.',
    aliases: ['gemiddeldGasverbruikTotaal', 'GemiddeldAardgasverbruikTotaal', 'gem_aardgas'],
  },
];
