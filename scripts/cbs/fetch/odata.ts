/**
 * CBS OData v3 (`opendata.cbs.nl/ODataApi/odata/<table>/…`): the TypedDataSet rows of some gemeenten and the
 * table's DataProperties. CBS answers at most 10 000 rows at a time and links the rest by `odata.nextLink`, so
 * every answer is followed to its last page and the pages are joined into one `{ "odata.metadata", "value" }`
 * document, the shape the importer reads.
 */
import { UserError } from './errors.ts';
import { getJson, type HttpOptions } from './http.ts';

/** The key of the area codes in the tables since 2014. */
export const DEFAULT_GEO_KEY = 'WijkenEnBuurten';

export interface ODataDocument {
  /** The first page's, kept: it names the table (and so the year) for the importer. */
  'odata.metadata'?: string;
  value: unknown[];
}

/**
 * The rows of the Netherlands and of each gemeente with its wijken and buurten. `startswith` on the full prefixed
 * code, because the digits alone also occur inside other codes (`substringof('1979', …)` matches WK011979), and
 * because CBS pads the keys with spaces to ten characters (`GM1979    `), which `eq` would have to repeat.
 * The Netherlands row (NL01, NL00 in older tables) comes along for the comparison the Kompas shows. `geoKey` is
 * the table's area-code key (geoKeyOf).
 */
export function gemeenteFilter(gemeenten: readonly string[], geoKey = DEFAULT_GEO_KEY): string {
  const prefixes = ['NL', ...gemeenten.flatMap((gm) => ['GM', 'WK', 'BU'].map((level) => level + gm.slice(2)))];
  return prefixes.map((p) => `startswith(${geoKey},'${p}')`).join(' or ');
}

export function typedDataSetUrl(
  cbsBase: string,
  table: string,
  gemeenten: readonly string[],
  geoKey = DEFAULT_GEO_KEY,
): string {
  // Built by hand: URLSearchParams would write `$filter` as `%24filter` and spaces as `+`, which not every OData
  // server reads back.
  const filter = encodeURIComponent(gemeenteFilter(gemeenten, geoKey));
  return `${cbsBase}/${table}/TypedDataSet?$filter=${filter}&$format=json`;
}

/**
 * The key that holds a table's area codes: its DataProperties entry of type GeoDetail. CBS named it differently
 * over the years (`RegioS` in the 2013 table 82339NED, `WijkenEnBuurten` since), so it is read, not assumed.
 */
export function geoKeyOf(properties: ODataDocument): string {
  const geo = properties.value.find(
    (p): p is { Key: string } =>
      typeof p === 'object' &&
      p !== null &&
      (p as { Type?: unknown }).Type === 'GeoDetail' &&
      typeof (p as { Key?: unknown }).Key === 'string',
  );
  return geo?.Key.trim() || DEFAULT_GEO_KEY;
}

export function dataPropertiesUrl(cbsBase: string, table: string): string {
  return `${cbsBase}/${table}/DataProperties?$format=json`;
}

/** A loop guard, far above what one gemeente needs (a few hundred rows, one page). */
const MAX_PAGES = 500;

/** Every page of an OData answer, starting at `url`, joined. */
export async function fetchODataDocument(
  url: string,
  http: HttpOptions,
): Promise<{ doc: ODataDocument; pages: number }> {
  const value: unknown[] = [];
  let metadata: string | undefined;
  const seen = new Set<string>();
  let next: string | undefined = url;
  while (next !== undefined) {
    if (seen.has(next) || seen.size >= MAX_PAGES) throw new UserError(`${url}: the pages do not end (at ${next})`);
    seen.add(next);
    const page = await getJson(next, http);
    if (typeof page !== 'object' || page === null || !Array.isArray((page as { value?: unknown }).value)) {
      throw new UserError(`${next} did not answer an OData document ({"value": [...]})`);
    }
    const p = page as { value: unknown[]; 'odata.metadata'?: unknown; 'odata.nextLink'?: unknown };
    if (metadata === undefined && typeof p['odata.metadata'] === 'string') metadata = p['odata.metadata'];
    value.push(...p.value);
    // CBS writes the link absolute; resolving it against the page also takes a relative one.
    next = typeof p['odata.nextLink'] === 'string' ? new URL(p['odata.nextLink'], next).href : undefined;
  }
  return { doc: { ...(metadata !== undefined && { 'odata.metadata': metadata }), value }, pages: seen.size };
}

/** The area codes in TypedDataSet rows, without CBS's padding. */
export function rowCodes(rows: readonly unknown[], geoKey = DEFAULT_GEO_KEY): Set<string> {
  const codes = new Set<string>();
  for (const row of rows) {
    const code = (row as Record<string, unknown> | null)?.[geoKey];
    if (typeof code === 'string') codes.add(code.trim());
  }
  return codes;
}
