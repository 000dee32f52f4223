/**
 * Jeugdwet and Wmo 2015: use of youth care and of Wmo support (themes `jeugd` and `zorg`, lower = less need).
 *
 * `p_jz_tn` is kept as CBS publishes it: its denominator is everyone under 23, which no kwb column holds
 * (a_00_14 + a_15_24 is 0–24), so it is not recomputed. Youths whose address is unknown count for the gemeente
 * but for none of its wijken, so wijken need not add up to the gemeente. Wmo figures exist only for gemeenten
 * that delivered them to the Gemeentelijke Monitor Sociaal Domein and allowed publication.
 */
import type { VariableDef } from '../variables.ts';

export const CARE_YOUTH: readonly VariableDef[] = [
  {
    id: 'a_jz_tn',
    label_nl: 'Jongeren met jeugdzorg in natura',
    label_en: 'Young people in youth care (in kind)',
    theme: 'jeugd',
    unit: 'count',
    cbs_unit: 'aantal',
    direction: 'down',
    decimals: 0,
    definition_nl:
      'Personen tot 23 jaar die in het jaar jeugdhulp in natura, jeugdbescherming of jeugdreclassering kregen.',
    definition_en:
      'Persons under 23 who received youth care in kind, child protection or youth probation during the year.',
    min_count: 10,
    aliases: ['aantalJongerenMetJeugdzorgInNatura', 'JongerenMetJeugdzorgInNatura'],
  },
  {
    id: 'p_jz_tn',
    label_nl: 'Jongeren met jeugdzorg (%)',
    label_en: 'Young people in youth care (%)',
    theme: 'jeugd',
    unit: 'percent',
    cbs_unit: '%',
    direction: 'down',
    decimals: 1,
    definition_nl:
      'Personen tot 23 jaar met jeugdhulp, jeugdbescherming of jeugdreclassering, in procenten van alle inwoners tot 23 jaar.',
    definition_en:
      'Persons under 23 with youth care, child protection or youth probation, as a percentage of all inhabitants under 23.',
    min_count: 10,
    aliases: ['percentageJongerenMetJeugdzorgInNatura', 'PercentageJongerenMetJeugdzorg', 'pct_jeugdzorg'],
  },
  {
    id: 'a_wmo_t',
    label_nl: 'Wmo-cliënten',
    label_en: 'Wmo clients',
    theme: 'zorg',
    unit: 'count',
    cbs_unit: 'aantal',
    direction: 'down',
    decimals: 0,
    definition_nl: 'Personen met ten minste één maatwerkarrangement in het kader van de Wmo 2015.',
    definition_en: 'Persons with at least one tailored support arrangement under the Social Support Act (Wmo 2015).',
    min_count: 10,
    aliases: ['aantalWmoClienten', 'WmoClienten'],
  },
  {
    id: 'p_wmo_t',
    label_nl: 'Wmo-cliënten per 1 000 inwoners',
    label_en: 'Wmo clients per 1,000 inhabitants',
    theme: 'zorg',
    unit: 'per_1000',
    cbs_unit: 'per 1 000 inwoners',
    direction: 'down',
    decimals: 0,
    definition_nl: 'Personen met een Wmo-maatwerkarrangement per 1 000 inwoners (ondanks de p_-naam geen percentage).',
    definition_en:
      'Persons with a tailored Wmo arrangement per 1,000 inhabitants (not a percentage, despite the p_ name).',
    min_count: 10,
    numerator: 'a_wmo_t',
    denominator: 'a_inw',
    aliases: ['aantalWmoClientenPer1000Inwoners', 'WmoClientenRelatief', 'wmo_per_1000'],
  },
];
