/**
 * Proximity of facilities, cars and businesses. Distances are CBS's average road distance of all inhabitants to
 * the nearest facility (closer is better); cars and businesses are context.
 *
 * Rounding: business establishments to fives (85984NED, "Bedrijfsvestigingen": "Het aantal vestigingen is afgerond
 * op een veelvoud van vijf"). Vehicle counts to fives as well: the 85984NED metadata do not state it, but every car
 * and motorcycle count in shared/data is a multiple of 5 (2015 Wijk- en buurtkaart at buurt, wijk and gemeente level;
 * every gemeente in the PDOK files of 2012–2024), which exact counts would not be. Averages per household or km² are
 * not counts: none.
 */
import type { VariableDef } from '../variables.ts';

const DISTANCE = { unit: 'km', cbs_unit: 'km', direction: 'down', decimals: 1, min_count: 0 } as const;
const CONTEXT = { theme: 'bevolking', direction: 'neutral', min_count: 0 } as const;
/** A count CBS publishes rounded to fives (see above). */
const COUNT5 = { ...CONTEXT, unit: 'count', cbs_unit: 'aantal', decimals: 0, rounding: 5 } as const;

/** Average distance to the nearest facility of one kind. */
function distance(
  id: string,
  theme: VariableDef['theme'],
  nl: string,
  en: string,
  aliases: readonly string[],
): VariableDef {
  return {
    ...DISTANCE,
    id,
    theme,
    label_nl: `Afstand tot ${nl} (km)`,
    label_en: `Distance to ${en} (km)`,
    definition_nl: `Gemiddelde afstand over de weg van alle inwoners tot ${nl === 'school' ? 'de dichtstbijzijnde basisschool' : `de dichtstbijzijnde ${nl}`}.`,
    definition_en: `Average road distance of all inhabitants to the nearest ${en === 'school' ? 'primary school' : en}.`,
    aliases,
  };
}

export const FACILITIES: readonly VariableDef[] = [
  distance('g_afs_hp', 'gezondheid', 'huisartsenpraktijk', 'GP practice', [
    'huisartsenpraktijkGemiddeldeAfstandInKm',
    'AfstandTotHuisartsenpraktijk',
    'afstand_huisarts',
  ]),
  distance('g_afs_gs', 'meedoen', 'grote supermarkt', 'large supermarket', [
    'groteSupermarktGemiddeldeAfstandInKm',
    'AfstandTotGroteSupermarkt',
    'afstand_supermarkt',
  ]),
  distance('g_afs_kv', 'jeugd', 'kinderdagverblijf', 'day nursery', [
    'kinderdagverblijfGemiddeldeAfstandInKm',
    'AfstandTotKinderdagverblijf',
    'afstand_kdv',
  ]),
  distance('g_afs_sc', 'jeugd', 'school', 'school', [
    'basisonderwijsGemiddeldeAfstandInKm',
    'AfstandTotSchool',
    'afstand_basisonderwijs',
  ]),
  {
    id: 'g_3km_sc',
    label_nl: 'Basisscholen binnen 3 km',
    label_en: 'Primary schools within 3 km',
    theme: 'jeugd',
    unit: 'count',
    cbs_unit: 'aantal',
    direction: 'up',
    decimals: 1,
    definition_nl: 'Gemiddeld aantal basisscholen binnen 3 km over de weg, voor alle inwoners van het gebied.',
    definition_en: 'Average number of primary schools within 3 km by road, over all inhabitants of the area.',
    min_count: 0,
    aliases: ['ScholenBinnen3Km'],
  },
  {
    ...COUNT5,
    id: 'a_bedv',
    label_nl: 'Bedrijfsvestigingen',
    label_en: 'Business establishments',
    definition_nl: 'Aantal vestigingen van bedrijven op 1 januari.',
    definition_en: 'Number of business establishments on 1 January.',
    aliases: ['aantalBedrijfsvestigingen', 'BedrijfsvestigingenTotaal', 'bedrijfsvestigingen'],
  },
  {
    ...COUNT5,
    id: 'a_pau',
    label_nl: "Personenauto's",
    label_en: 'Passenger cars',
    definition_nl: "Aantal personenauto's op 1 januari, ingedeeld naar het adres van de kentekenhouder.",
    definition_en: 'Number of passenger cars on 1 January, by the address of the registered keeper.',
    aliases: ['AUTO_TOT', 'personenautosTotaal', 'personenautos'],
  },
  {
    ...CONTEXT,
    id: 'g_pau_hh',
    label_nl: "Personenauto's per huishouden",
    label_en: 'Passenger cars per household',
    unit: 'count',
    cbs_unit: 'per huishouden',
    decimals: 1,
    definition_nl: "Aantal personenauto's per particulier huishouden op 1 januari.",
    definition_en: 'Number of passenger cars per private household on 1 January.',
    aliases: ['AUTO_HH', 'personenautosPerHuishouden', 'auto_per_huishouden'],
  },
  {
    ...CONTEXT,
    id: 'g_pau_km',
    label_nl: "Personenauto's per km² land",
    label_en: 'Passenger cars per km² of land',
    unit: 'count',
    cbs_unit: 'per km²',
    decimals: 0,
    definition_nl: "Aantal personenauto's per km² land op 1 januari.",
    definition_en: 'Number of passenger cars per km² of land on 1 January.',
    aliases: ['AUTO_LAND', 'personenautosPerKm2', 'PersonenautoSNaarOppervlakte', 'auto_per_km2'],
  },
  {
    ...COUNT5,
    id: 'a_bst_b',
    label_nl: "Personenauto's op benzine",
    label_en: 'Petrol cars',
    definition_nl: "Aantal personenauto's met brandstof benzine.",
    definition_en: 'Number of passenger cars running on petrol.',
    aliases: ['A_BST_B', 'aantalPersonenautosMetBrandstofBenzine', 'PersonenautoSBrandstofBenzine'],
  },
  {
    ...COUNT5,
    id: 'a_bst_nb',
    label_nl: "Personenauto's op overige brandstof",
    label_en: 'Cars on other fuels',
    definition_nl: "Aantal personenauto's met een andere brandstof dan benzine (diesel, lpg, elektriciteit, …).",
    definition_en: 'Number of passenger cars on fuels other than petrol (diesel, LPG, electricity, …).',
    aliases: ['A_BST_NB', 'aantalPersonenautosMetOverigeBrandstof', 'PersonenautoSOverigeBrandstof'],
  },
  {
    ...COUNT5,
    id: 'a_lftj6j',
    label_nl: "Personenauto's jonger dan 6 jaar",
    label_en: 'Cars younger than 6 years',
    definition_nl: "Aantal personenauto's jonger dan 6 jaar (naar bouwjaar).",
    definition_en: 'Number of passenger cars younger than 6 years (by year of manufacture).',
    aliases: ['A_LFTJ6J', 'PersonenautoSJongerDan6Jaar'],
  },
  {
    ...COUNT5,
    id: 'a_lfto6j',
    label_nl: "Personenauto's van 6 jaar en ouder",
    label_en: 'Cars 6 years or older',
    definition_nl: "Aantal personenauto's van 6 jaar en ouder (naar bouwjaar).",
    definition_en: 'Number of passenger cars aged 6 years or more (by year of manufacture).',
    aliases: ['A_LFTO6J', 'PersonenautoS6JaarEnOuder'],
  },
  {
    ...COUNT5,
    id: 'a_m2w',
    label_nl: 'Motorfietsen',
    label_en: 'Motorcycles',
    definition_nl: 'Aantal motortweewielers (motorfietsen) op 1 januari.',
    definition_en: 'Number of motorcycles on 1 January.',
    aliases: ['MOTOR_2W', 'motortweewielersTotaal', 'Motorfietsen', 'Motortweewielers'],
  },
];
