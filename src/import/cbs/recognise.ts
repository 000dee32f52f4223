/**
 * Which CBS source a file is, from its columns, and which year its figures are for, from its name or content.
 *
 * The four layouts differ in the column that holds the area code:
 * - `kwb`: the yearly download kwb-YYYY.csv/.xlsx, `gwb_code_10` (`GM0344`, `WK034401`, `BU03440111`, `NL00`);
 * - `wijkbuurtkaart`: attributes of the Wijk- en buurtkaart (shapefile/GeoJSON), `BU_CODE` / `WK_CODE` / `GM_CODE`;
 * - `pdok`: the PDOK wijkenbuurten service, camelCase (`buurtcode`, `wijkcode`, `gemeentecode`), also the
 *   PDOK-derived files with renamed short variables (`aantal_inwoners`, `0_15`);
 * - `odata`: a CBS OData TypedDataSet, `WijkenEnBuurten` (`RegioS` in the 2013 table).
 */
import { isObject } from '../../data/issues.ts';

export const SOURCE_KINDS = ['kwb', 'wijkbuurtkaart', 'pdok', 'odata'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export interface Layout {
  kind: SourceKind;
  /** Columns that can hold the area code, most detailed level first; matched ignoring case. */
  codeColumns: readonly string[];
  /** The name column belonging to each code column (same position), if the layout has one. */
  nameColumns: readonly (string | null)[];
  /** Columns (lower case) that describe the area rather than measure it: codes, names, flags, metadata. */
  nonValueColumns: ReadonlySet<string>;
  /** What the layout looks like, for the message about a file that matches none. */
  expected: string;
}

export const LAYOUTS: readonly Layout[] = [
  {
    kind: 'odata',
    // `RegioS` in the 2013 table (82339NED), `WijkenEnBuurten` since 2014.
    codeColumns: ['WijkenEnBuurten', 'RegioS'],
    nameColumns: [null, null],
    // OData keys are compared without their numeric suffix (Gemeentenaam_1 → gemeentenaam).
    nonValueColumns: new Set([
      'id',
      'wijkenenbuurten',
      'regios',
      'gemeentenaam',
      'soortregio',
      'codering',
      'indelingswijzigingGemeenteWijkBuurt'.toLowerCase(),
      'indelingswijzigingWijkenEnBuurten'.toLowerCase(),
      'meestvoorkomendepostcode',
      'dekkingspercentage',
    ]),
    expected: 'WijkenEnBuurten (CBS OData TypedDataSet)',
  },
  {
    kind: 'kwb',
    codeColumns: ['gwb_code_10', 'gwb_code'],
    nameColumns: ['regio', 'regio'],
    // ind_wbi flags a changed boundary; pst_mvp / pst_dekp are a postcode and its coverage class.
    nonValueColumns: new Set([
      'gwb_code_10',
      'gwb_code_8',
      'gwb_code',
      'regio',
      'gm_naam',
      'recs',
      'ind_wbi',
      'pst_mvp',
      'pst_dekp',
    ]),
    expected: 'gwb_code_10 (kwb-YYYY download)',
  },
  {
    kind: 'wijkbuurtkaart',
    codeColumns: ['BU_CODE', 'WK_CODE', 'GM_CODE'],
    nameColumns: ['BU_NAAM', 'WK_NAAM', 'GM_NAAM'],
    // WATER/H2O is JA/NEE, POSTCODE and DEK_PERC a postcode and its class, the rest GIS bookkeeping.
    nonValueColumns: new Set([
      'bu_code',
      'bu_naam',
      'wk_code',
      'wk_naam',
      'gm_code',
      'gm_naam',
      'ind_wbi',
      'water',
      'h2o',
      'postcode',
      'dek_perc',
      'jrstatcode',
      'jaar',
      'indeling',
      'objectid',
      'fid',
      'shape_leng',
      'shape_area',
    ]),
    expected: 'BU_CODE, WK_CODE or GM_CODE (Wijk- en buurtkaart)',
  },
  {
    kind: 'pdok',
    codeColumns: ['buurtcode', 'wijkcode', 'gemeentecode'],
    nameColumns: ['buurtnaam', 'wijknaam', 'gemeentenaam'],
    // bbg_peiljaar is the year of the land-use source the PDOK-derived files add, not a figure about the area.
    nonValueColumns: new Set([
      'buurtcode',
      'buurtnaam',
      'wijkcode',
      'wijknaam',
      'gemeentecode',
      'gemeentenaam',
      'jrstatcode',
      'jaarstatcode',
      'statcode',
      'statnaam',
      'jaar',
      'water',
      'indelingswijzigingwijkenenbuurten',
      'meestvoorkomendepostcode',
      'dekkingspercentage',
      'id',
      'fid',
      'gml_id',
      'objectid',
      'bbg_peiljaar',
    ]),
    expected: 'buurtcode, wijkcode or gemeentecode (PDOK wijkenbuurten)',
  },
];

export function layoutOf(kind: SourceKind): Layout {
  return LAYOUTS.find((l) => l.kind === kind)!;
}

export interface UnknownLayout {
  kind: 'unknown';
  file: string;
  /** The file's columns, as found. */
  found: string[];
  /** Per layout, the column(s) it would need. */
  expected: Record<SourceKind, string>;
}

/** The index of the first code column of `layout` present in `columns` (case-insensitive), or -1. */
export function findCodeColumn(layout: Layout, columns: readonly string[]): { column: number; position: number } {
  const lower = columns.map((c) => c.trim().toLowerCase());
  for (let position = 0; position < layout.codeColumns.length; position++) {
    const column = lower.indexOf(layout.codeColumns[position]!.toLowerCase());
    if (column >= 0) return { column, position };
  }
  return { column: -1, position: -1 };
}

/** Which layout a file with these columns has. `fileName` only names the file in the unknown result. */
export function recogniseSource(fileName: string, columns: readonly string[]): SourceKind | UnknownLayout {
  for (const layout of LAYOUTS) if (findCodeColumn(layout, columns).column >= 0) return layout.kind;
  return {
    kind: 'unknown',
    file: fileName,
    found: columns.map((c) => c.trim()),
    expected: Object.fromEntries(LAYOUTS.map((l) => [l.kind, l.expected])) as Record<SourceKind, string>,
  };
}

/**
 * CBS OData table ids of the Kerncijfers wijken en buurten, per year. Each year is its own table; the ids are
 * the ones on StatLine (cbs.nl/…/cijfers/detail/<id>), cross-checked in several public projects that use them.
 */
export const KWB_TABLE_YEARS: Readonly<Record<string, number>> = {
  '82339NED': 2013,
  '82931NED': 2014,
  '83220NED': 2015,
  '83487NED': 2016,
  '83765NED': 2017,
  '84286NED': 2018,
  '84583NED': 2019,
  '84799NED': 2020,
  '85039NED': 2021,
  '85318NED': 2022,
  '85618NED': 2023,
  '85984NED': 2024,
};

const TABLE_ID = /(\d{5}NED)/i;

/** The year of a kwb OData table id mentioned in a text (a name, a URL), if known. */
export function periodFromTableId(text: string): number | null {
  const id = TABLE_ID.exec(text)?.[1]?.toUpperCase();
  return id === undefined ? null : (KWB_TABLE_YEARS[id] ?? null);
}

/**
 * A year in a file name: after a separator or right after "kwb" (`kwb-2024.csv`, `kwb2024.xlsx`,
 * `cbs_kwb_2015_wijk…`, `pdok_cbs_wijken_2024.geojson`), not inside a code such as GM1979. A known OData table id
 * wins; otherwise the first such year (kwb-2003-versie-2011-08-16.xls is 2003).
 */
export function periodFromFileName(name: string): number | null {
  const fromTable = periodFromTableId(name);
  if (fromTable !== null) return fromTable;
  const match = /(?:^|[^0-9A-Za-z]|kwb)((?:19|20)\d{2})(?![0-9])/i.exec(name.split(/[\\/]/).pop() ?? name);
  return match ? Number(match[1]) : null;
}

function year(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : Number.NaN;
  return Number.isInteger(n) && n >= 1900 && n <= 2199 ? n : null;
}

/**
 * The year stated inside a parsed JSON source: a GeoJSON's top-level `metadata.year` (PDOK-derived files), or the
 * table id in an OData answer's `odata.metadata` URL.
 */
export function periodFromContent(json: unknown): number | null {
  if (!isObject(json)) return null;
  if (isObject(json.metadata)) {
    const y = year(json.metadata.year);
    if (y !== null) return y;
  }
  const odata = json['odata.metadata'];
  return typeof odata === 'string' ? periodFromTableId(odata) : null;
}

/** The year of an OData table from its TableInfos (`Identifier` 85984NED, `Period` "2024", or the title). */
export function periodFromTableInfos(raw: unknown): number | null {
  const list = Array.isArray(raw) ? raw : isObject(raw) && Array.isArray(raw.value) ? raw.value : [raw];
  const info = list.find(isObject);
  if (!info) return null;
  if (typeof info.Identifier === 'string') {
    const y = periodFromTableId(info.Identifier);
    if (y !== null) return y;
  }
  const fromPeriod = year(info.Period);
  if (fromPeriod !== null) return fromPeriod;
  const title = typeof info.Title === 'string' ? /wijken en buurten (\d{4})/i.exec(info.Title) : null;
  return title ? Number(title[1]) : null;
}
