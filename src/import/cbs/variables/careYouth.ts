/**
 * Jeugdwet and Wmo 2015: use of youth care and of Wmo support (themes `jeugd` and `zorg`).
 *
 * Direction: all four are `neutral`. Use of care or support is not good or bad in itself: more Wmo clients or more
 * young people in jeugdhulp can mean that help is easier to reach (a stated aim of the 2015 decentralisation: early
 * and light help) as well as that the need is greater, and the kerncijfers cannot tell the two apart. A gemeente
 * that does want one direction states it in its aims (aims.csv), which are judged as they say.
 * The youth-care figures also count jeugdbescherming and jeugdreclassering. On their own, those court-ordered
 * measures would reasonably be `down` (fewer children whose safety or conduct calls for a judge), but kwb publishes
 * only the total, which is mostly voluntary jeugdhulp, so the total stays neutral. A package with separate
 * jeugdbescherming or jeugdreclassering figures may well say `down` for those.
 *
 * Rounding (CBS, Kerncijfers wijken en buurten, theme "Zorg", e.g. table 85984NED): "De cijfers zijn afgerond op
 * vijftallen. Om het risico op onthulling van individuen te voorkomen zijn de waarden 0 tot en met 7 weergegeven
 * als geheim." So both counts have `rounding` 5. For `p_wmo_t` CBS adds "De relatieve cijfers zijn berekend na het
 * afronden van de absolute cijfers": its numerator is the rounded count (5), and its base is the inhabitants, whose
 * wijk and buurt figures CBS rounds to 5 as well (see population.ts; CBS does not name the base it divided by).
 * `p_jz_tn` gets no rounding: CBS does not say whether it is computed from the rounded count, and its base (everyone
 * under 23) is not published.
 *
 * `p_jz_tn` is kept as CBS publishes it: its denominator is everyone under 23, which no kwb column holds
 * (a_00_14 + a_15_24 is 0–24), so it is not recomputed. Youths whose address is unknown count for the gemeente
 * but for none of its wijken, so wijken need not add up to the gemeente. Wmo figures exist only for gemeenten
 * that delivered them to the Gemeentelijke Monitor Sociaal Domein and allowed publication.
 */
import type { VariableDef } from '../variables.ts';
import { POPULATION_ROUNDING } from './population.ts';

/** CBS rounds the youth-care and Wmo counts to fives (the rule quoted above). */
const CARE_ROUNDING = 5;

export const CARE_YOUTH: readonly VariableDef[] = [
  {
    id: 'a_jz_tn',
    label_nl: 'Jongeren met jeugdzorg in natura',
    label_en: 'Young people in youth care (in kind)',
    theme: 'jeugd',
    unit: 'count',
    cbs_unit: 'aantal',
    direction: 'neutral',
    decimals: 0,
    definition_nl:
      'Personen tot 23 jaar die in het jaar jeugdhulp in natura, jeugdbescherming of jeugdreclassering kregen.',
    definition_en:
      'Persons under 23 who received youth care in kind, child protection or youth probation during the year.',
    min_count: 10,
    rounding: CARE_ROUNDING,
    aliases: ['aantalJongerenMetJeugdzorgInNatura', 'JongerenMetJeugdzorgInNatura'],
  },
  {
    id: 'p_jz_tn',
    label_nl: 'Jongeren met jeugdzorg (%)',
    label_en: 'Young people in youth care (%)',
    theme: 'jeugd',
    unit: 'percent',
    cbs_unit: '%',
    direction: 'neutral',
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
    direction: 'neutral',
    decimals: 0,
    definition_nl: 'Personen met ten minste één maatwerkarrangement in het kader van de Wmo 2015.',
    definition_en: 'Persons with at least one tailored support arrangement under the Social Support Act (Wmo 2015).',
    min_count: 10,
    rounding: CARE_ROUNDING,
    aliases: ['aantalWmoClienten', 'WmoClienten'],
  },
  {
    id: 'p_wmo_t',
    label_nl: 'Wmo-cliënten per 1 000 inwoners',
    label_en: 'Wmo clients per 1,000 inhabitants',
    theme: 'zorg',
    unit: 'per_1000',
    cbs_unit: 'per 1 000 inwoners',
    direction: 'neutral',
    decimals: 0,
    definition_nl: 'Personen met een Wmo-maatwerkarrangement per 1 000 inwoners (ondanks de p_-naam geen percentage).',
    definition_en:
      'Persons with a tailored Wmo arrangement per 1,000 inhabitants (not a percentage, despite the p_ name).',
    min_count: 10,
    rounding: CARE_ROUNDING,
    denominator_rounding: POPULATION_ROUNDING,
    numerator: 'a_wmo_t',
    denominator: 'a_inw',
    aliases: ['aantalWmoClientenPer1000Inwoners', 'WmoClientenRelatief', 'wmo_per_1000'],
  },
];
