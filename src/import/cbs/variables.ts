/**
 * THE mapping table of the CBS importer: one entry per CBS kerncijfers-wijken-en-buurten (kwb) variable, keyed by
 * its kwb short name, with every spelling other sources use for it. The entries live per theme in `variables/`.
 *
 * Sources and their spellings:
 * - kwb download (kwb-YYYY.csv/.xlsx): the id itself (`a_inw`);
 * - Wijk- en buurtkaart attributes up to ~2016: upper case (`AANT_INW`, `WWB_UITTOT`);
 * - PDOK wijkenbuurten: camelCase (`aantalInwoners`), and the renamed short names of the PDOK-derived files in
 *   shared/data (`aantal_inwoners`, `0_15`, `pct_jeugdzorg`);
 * - CBS OData: keys with a numeric suffix (`AantalInwoners_5`), matched without it.
 *
 * Matching ignores case. An alias is listed only where the source's own documentation or data shows it is the
 * same figure in the same unit; when unsure, a column stays unmapped and is imported under its own name.
 */
import type { Direction, Theme, Unit } from '../../data/package.ts';
import { CARE_YOUTH } from './variables/careYouth.ts';
import { FACILITIES } from './variables/facilities.ts';
import { HOUSING } from './variables/housing.ts';
import { POPULATION } from './variables/population.ts';
import { WORK_INCOME } from './variables/workIncome.ts';

export interface VariableDef {
  /** The kwb short name, lower case (or, for `derived`, a name in the same style). */
  id: string;
  label_nl: string;
  label_en: string;
  theme: Theme;
  unit: Unit;
  /**
   * The unit as CBS writes it (DataProperties `Unit`: 'aantal', '%', 'per 1 000 inwoners', 'x 1 000 euro', 'km',
   * 'ha', 'kWh' …). It says what `unit` cannot (hectares, kWh) and catches an OData column of the same name in
   * another unit (older tables published some counts as percentages under the same key).
   */
  cbs_unit: string;
  direction: Direction;
  decimals: number;
  definition_nl: string;
  definition_en: string;
  /** Values based on fewer people than this (the denominator, or the count itself) are suppressed. */
  min_count: number;
  /**
   * The unit to which CBS rounds this variable's count (for a rate: its numerator count), per CBS's rules for the
   * kerncijfers; absent when CBS publishes the count exactly. Becomes the indicator's `rounding`. Each theme file
   * cites the rule it follows.
   */
  rounding?: number;
  /** Likewise for a rate's denominator count (CBS rounds wijk and buurt population to 5): `denominator_rounding`. */
  denominator_rounding?: number;
  /** For a rate: the count variables it is numerator / denominator × the unit's multiplier of. */
  numerator?: string;
  denominator?: string;
  /** Read from no source column: computed from numerator and denominator by the importer. */
  derived?: true;
  /** Every other spelling of this variable's column name. */
  aliases: readonly string[];
}

export const VARIABLES: readonly VariableDef[] = [
  ...POPULATION,
  ...HOUSING,
  ...WORK_INCOME,
  ...CARE_YOUTH,
  ...FACILITIES,
];

/** Lower-case name → variable; throws at load when one name would mean two variables. */
function buildIndex(variables: readonly VariableDef[]): Map<string, VariableDef> {
  const index = new Map<string, VariableDef>();
  for (const v of variables) {
    for (const name of [v.id, ...v.aliases]) {
      const key = name.trim().toLowerCase();
      const seen = index.get(key);
      if (seen && seen !== v) throw new Error(`CBS variable name '${name}' is used by both ${seen.id} and ${v.id}`);
      index.set(key, v);
    }
  }
  return index;
}

const INDEX = buildIndex(VARIABLES);
const BY_ID = new Map(VARIABLES.map((v) => [v.id, v]));

/**
 * An OData key: PascalCase or `k_…` with a numeric suffix (`AantalInwoners_5`, `k_0Tot15Jaar_8`). Mixed case is
 * required so that a kwb name ending in digits (`p_hh_110`) or an all-caps map attribute keeps its suffix.
 */
const ODATA_KEY = /^(?=.*[a-z])(?=.*[A-Z])([A-Za-z][A-Za-z0-9_]*?)_\d+$/;

/** The OData key without its numeric suffix, or null when the name is not an OData key. */
export function odataBaseKey(column: string): string | null {
  return ODATA_KEY.exec(column.trim())?.[1] ?? null;
}

/** The variable a source column holds, by any of its spellings (case-insensitive; OData suffix ignored). */
export function lookupVariable(columnName: string): VariableDef | undefined {
  const name = columnName.trim();
  const direct = INDEX.get(name.toLowerCase());
  if (direct) return direct;
  const base = odataBaseKey(name);
  return base === null ? undefined : INDEX.get(base.toLowerCase());
}

/** The variable with this id. */
export function variableById(id: string): VariableDef | undefined {
  return BY_ID.get(id);
}

/** CBS unit texts (DataProperties `Unit`) that name one of the package's units. */
const CBS_UNITS: Record<string, Unit> = {
  aantal: 'count',
  '%': 'percent',
  'per 1 000 inwoners': 'per_1000',
  'x 1 000 euro': 'euro_x1000',
  km: 'km',
};

/** Decimals to show per unit when the mapping table does not say: CBS publishes counts and percentages whole. */
const UNIT_DECIMALS: Partial<Record<Unit, number>> = { count: 0, percent: 0, per_1000: 0 };

/**
 * The unit of a column the mapping table does not know, from what is known of it: the kwb naming convention
 * (`a_` a count, `p_` a percentage, `g_` an average: CBS's "Toelichting variabelen kerncijfers wijken en buurten")
 * and the unit DataProperties give an OData column. An average stays a score even where CBS calls its unit
 * 'aantal' (g_hhgro: persons per household), so that it is never added up; a unit the app has no name for (kWh, m³,
 * ha) is kept as `unitText`, for the label.
 */
export function unmappedUnit(column: string, cbsUnit?: string): { unit: Unit; decimals: number; unitText?: string } {
  const name = column.trim().toLowerCase();
  const known = cbsUnit === undefined ? undefined : CBS_UNITS[cbsUnit.trim().toLowerCase()];
  let unit: Unit;
  if (name.startsWith('g_')) unit = 'score';
  else if (known) unit = known;
  else if (name.startsWith('a_')) unit = 'count';
  else if (name.startsWith('p_')) unit = 'percent';
  else unit = 'score';
  const unitText =
    unit === 'score' && cbsUnit && cbsUnit.trim().toLowerCase() !== 'aantal' ? cbsUnit.trim() : undefined;
  return { unit, decimals: UNIT_DECIMALS[unit] ?? 1, ...(unitText && { unitText }) };
}
