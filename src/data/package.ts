/**
 * The dataset package: the contract between the scripts that build packages and the app that reads them.
 * See README.md ("Dataset format") for the file-level description.
 */

export const FORMAT_VERSION = 1;

export const LEVELS = ['land', 'gemeente', 'wijk', 'buurt', 'gebied'] as const;
export type Level = (typeof LEVELS)[number];

export const DIRECTIONS = ['up', 'down', 'neutral'] as const;
/** Which way is good: `up` higher is better, `down` lower is better, `neutral` neither. */
export type Direction = (typeof DIRECTIONS)[number];

/** The social-domain themes, in the order the Kompas shows them. */
export const THEMES = ['jeugd', 'zorg', 'werk', 'armoede', 'gezondheid', 'meedoen', 'bevolking'] as const;
export type Theme = (typeof THEMES)[number];

/**
 * Units. A rate's value is numerator / denominator × multiplier (see `unitMultiplier`),
 * so that aggregates can be recomputed as a ratio of sums.
 */
export const UNITS = [
  'percent',
  'per_1000',
  'per_10000',
  'count',
  'euro',
  'euro_x1000',
  'years',
  'score',
  'km',
] as const;
export type Unit = (typeof UNITS)[number];

/** The factor between numerator / denominator and the published value, for units that are rates. */
export function unitMultiplier(unit: Unit): number | null {
  switch (unit) {
    case 'percent':
      return 100;
    case 'per_1000':
      return 1000;
    case 'per_10000':
      return 10000;
    default:
      return null;
  }
}

export interface LocalizedText {
  nl: string;
  en: string;
}

/** `dataset.json` */
export interface DatasetMeta {
  id: string;
  format_version: number;
  title: LocalizedText;
  description?: LocalizedText;
  publisher: string;
  licence: string;
  /** Shown on the map and in every export, e.g. "Bron: CBS, CC BY 4.0". */
  attribution: string;
  /** The municipality the package is about (e.g. `GM9999`). */
  gemeente: string;
  default_area: string;
  default_indicator: string;
  /** All periods (years) present in observations, ascending. */
  periods: number[];
  default_period: number;
  /**
   * `build`: a partitioned package whose files the build already published with the full disclosure rules (a hidden
   * row `secret` with no figures; scripts/national/publish.ts): the browser inserts them as they are, after a check of
   * the primary rules. Absent: each file is published as it loads (src/data/partitions.ts).
   */
  published?: 'build';
}

/** One feature's properties in `areas.geojson`. */
export interface AreaProperties {
  code: string;
  name: string;
  level: Level;
  /** Code of the enclosing area (buurt → wijk → gemeente → land). Empty for `land`. */
  parent: string | null;
  /** For a custom area (`gebied`): the codes of the buurten it is made of. */
  members?: string[];
  /**
   * The first and last period this area exists in (inclusive), for packages that keep each year's indeling (CBS
   * redraws wijken and buurten, gemeenten merge). Absent: the area exists in every period.
   */
  first_period?: number;
  last_period?: number;
}

export interface Area extends AreaProperties {
  /** The gemeente the area belongs to (itself for a gemeente, null for `land`). */
  gemeente: string | null;
  /**
   * Periods where a code's boundary changed: the first period of each later version (a code listed more than once
   * in areas.geojson, with periods that do not overlap). A trend line breaks there rather than join two areas.
   */
  breaks?: number[];
  /**
   * The area's names through the years, when it had more than one (CBS renames a buurt and keeps its code): each
   * name from its first period on, ascending. From the versions' names and their optional `names` property
   * (`{"2015": "Meerwijk", "2024": "De Kwakel"}`). `name` is the latest.
   */
  names?: AreaName[];
}

export interface AreaName {
  /** The first period with this name. */
  from: number;
  name: string;
}

/** One row of `indicators.csv`. */
export interface Indicator {
  id: string;
  label_nl: string;
  label_en: string;
  theme: Theme;
  unit: Unit;
  direction: Direction;
  decimals: number;
  definition_nl: string;
  definition_en: string;
  source: string;
  /** Values based on fewer people than this (the denominator, or the count itself) are suppressed. */
  min_count: number;
  /**
   * The unit to which the source rounds the numerator count (for a count: the count itself), e.g. 5 or 10 for CBS's
   * benefit and care counts; null when the count is exact. Optional column `rounding` (empty or absent = exact).
   */
  rounding: number | null;
  /** Likewise for the denominator (CBS rounds wijk and buurt population to 5); optional `denominator_rounding`. */
  denominator_rounding: number | null;
  /**
   * Counts from 1 to count_threshold − 1 (numerators, denominators, count values) are never published, in this or
   * any linked indicator (src/disclosure). Optional column; empty or absent = 5, as CBS does; 0 turns it off.
   */
  count_threshold?: number | null;
  /**
   * What the numerator (for a count: the value) and the denominator count, as a name shared by every indicator that
   * counts the same people (`jongeren_0_17`): hiding a count in one indicator then hides it in all. Optional; equal
   * columns are also linked from the data.
   */
  numerator_id?: string | null;
  denominator_id?: string | null;
  /**
   * Counts (numerators, denominators, count values) are published rounded to a multiple of this, as CBS does with
   * care counts (5) and benefits (10); a rate is then computed from the rounded counts, so no shown figure tells the
   * exact count. Optional column `publish_rounding`; empty or absent = counts shown as they are. On loading it is
   * folded into `rounding` / `denominator_rounding`: the statistics see the counts as rounded as they are shown.
   */
  publish_rounding?: number | null;
}

/** One row of `observations.csv` (long format). */
export interface Observation {
  area_code: string;
  indicator_id: string;
  period: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

/** One row of `aims.csv`. */
export interface Aim {
  indicator_id: string;
  /** Null: the aim holds for every area. */
  area_code: string | null;
  baseline_period: number;
  target_period: number;
  /** Null: the aim states a direction only ("daalt", "stijgt"). */
  target_value: number | null;
  /** A target band instead of one value ("tussen 8 en 10%"), from the optional target_low/target_high columns. */
  target_band?: { low: number; high: number };
  direction: Direction;
  label_nl: string;
  label_en: string;
  /** With whom the aim was agreed ("wijkraad Noorddorp"), from the optional agreed_with column; empty when not stated. */
  agreed_with?: string;
  /** When it was agreed (ISO date YYYY-MM-DD), from the optional agreed_on column; empty when not stated. */
  agreed_on?: string;
}

/** The files of a package, as text, before validation. */
export interface PackageFiles {
  'dataset.json': string;
  'areas.geojson': string;
  'indicators.csv': string;
  'observations.csv': string;
  'aims.csv': string;
}

export const PACKAGE_FILES = [
  'dataset.json',
  'areas.geojson',
  'indicators.csv',
  'observations.csv',
  'aims.csv',
] as const satisfies readonly (keyof PackageFiles)[];

export const INDICATOR_COLUMNS = [
  'id',
  'label_nl',
  'label_en',
  'theme',
  'unit',
  'direction',
  'decimals',
  'definition_nl',
  'definition_en',
  'source',
  'min_count',
  'rounding',
  'denominator_rounding',
  'count_threshold',
  'numerator_id',
  'denominator_id',
  'publish_rounding',
] as const;

export const OBSERVATION_COLUMNS = [
  'area_code',
  'indicator_id',
  'period',
  'value',
  'numerator',
  'denominator',
] as const;

/**
 * Why a row has no value. `secret`: hidden for privacy (by the package's disclosure rules, or by the source for an
 * area small enough to need it); `not_published`: the source has no value for this area (or for none of the
 * gemeente's areas that year); `no_inhabitants`: nobody lives there; `not_yet_available`: the source will publish it
 * later.
 */
export const OBSERVATION_STATUSES = ['secret', 'not_published', 'no_inhabitants', 'not_yet_available'] as const;
export type ObservationStatus = (typeof OBSERVATION_STATUSES)[number];

/**
 * Columns observations.csv may have besides OBSERVATION_COLUMNS: `status`, the reason the source gives for an empty
 * value (one of OBSERVATION_STATUSES; ignored where the row has a value).
 */
export const OBSERVATION_OPTIONAL_COLUMNS = ['status'] as const;

export const AIM_COLUMNS = [
  'indicator_id',
  'area_code',
  'baseline_period',
  'target_period',
  'target_value',
  'direction',
  'label_nl',
  'label_en',
] as const;

/**
 * One problem found in a package. `row` is the line number as a spreadsheet shows it (header = 1, first data
 * row = 2; for GeoJSON the feature index + 1). `code` selects the message template in the i18n files; `params`
 * fill it. Every issue names its file, and its row and column where it has one.
 */
export interface PackageIssue {
  file: string;
  row?: number;
  column?: string;
  code: PackageIssueCode;
  params?: Record<string, string | number>;
}

export const PACKAGE_ISSUE_CODES = [
  'missingFile',
  'emptyFile',
  'notUtf8',
  'wrongDelimiter',
  'unterminatedQuote',
  'wrongFieldCount',
  'missingColumn',
  'unknownColumn',
  'duplicateColumn',
  'notNumeric',
  'notInteger',
  'required',
  'invalidEnum',
  'negative',
  'duplicateKey',
  'unknownArea',
  'unknownIndicator',
  'unknownParent',
  'numeratorAboveDenominator',
  'valueMismatch',
  'invalidJson',
  'notFeatureCollection',
  'geometryMissing',
  'geometryNotPolygon',
  'coordinatesOutOfRange',
  'unknownMember',
  'invalidMeta',
  'periodOutOfRange',
  'tooManyIssues',
  'strayQuote',
  'noRows',
  'invalidId',
  'invalidAreaCode',
  'invalidCustomCode',
  'wrongParentLevel',
  'membersNotAllowed',
  'notFeature',
  'invalidCoordinates',
  'ringTooShort',
  'ringNotClosed',
  'outOfRange',
  'csvError',
  'overlappingPeriods',
  'periodOrder',
  'bandOrder',
  'notDate',
  'invalidRounding',
  'invalidQuantityId',
  'noObservations',
  'selfIntersection',
  'geometryTooLarge',
  'outsideNetherlands',
  'fileTooLarge',
  'outOfMemory',
  'unprotectedRow',
] as const;
export type PackageIssueCode = (typeof PACKAGE_ISSUE_CODES)[number];

/** Thrown when a package (or one of its files) does not validate; carries every issue found (capped). */
export class PackageError extends Error {
  readonly issues: PackageIssue[];
  constructor(issues: PackageIssue[]) {
    super(
      issues.map((i) => `${i.file}${i.row ? `:${i.row}` : ''}${i.column ? ` [${i.column}]` : ''} ${i.code}`).join('; '),
    );
    this.name = 'PackageError';
    this.issues = issues;
  }
}
