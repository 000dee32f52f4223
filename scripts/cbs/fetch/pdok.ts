/**
 * The boundaries of gemeenten, wijken and buurten from PDOK's "CBS Wijken en Buurten" services, one year at a time.
 *
 * Two services carry them:
 * - OGC API Features, `api.pdok.nl/cbs/wijken-en-buurten-<year>/ogc/v1/collections/<level>/items`, paged by
 *   `links[rel=next]` (a cursor). Its coordinates are WGS84 lon/lat (CRS84), the default of OGC API Features
 *   Part 1 when no `crs` is asked for. Tried first.
 * - WFS 2.0, `service.pdok.nl/cbs/wijkenbuurten/<year>/wfs/v1_0`. Older years may only be published here, so an
 *   OGC API that answers 404 for a year sends that year to the WFS. `srsName=EPSG:4326` with GeoJSON output gives
 *   lon/lat in PDOK's answers (checked on files built from the 2019 and 2024 services); without it the WFS
 *   answers in RD New (EPSG:28992). It pages by `count`/`startIndex` and has no next link: a short page is the last.
 *
 * Both filter on `gemeentecode`, so only the gemeente's own areas travel. The pages of each level are joined into
 * one FeatureCollection whose `metadata.year` tells the importer the year (the file name carries none).
 */
import type { Feature } from 'geojson';
import { HttpStatusError, UserError } from './errors.ts';
import { getJson, type HttpOptions } from './http.ts';

export const BOUNDARY_LEVELS = ['gemeenten', 'wijken', 'buurten'] as const;
export type BoundaryLevel = (typeof BOUNDARY_LEVELS)[number];

/** The roots of the two services; `--pdok-base` puts both on one host (the paths differ). */
export interface PdokHosts {
  ogc: string;
  wfs: string;
}
export const PDOK_HOSTS: PdokHosts = { ogc: 'https://api.pdok.nl', wfs: 'https://service.pdok.nl' };

export type PdokService = 'ogc' | 'wfs';

export interface BoundaryDocument {
  type: 'FeatureCollection';
  metadata: { year: number; level: BoundaryLevel; source: string; requests: string[] };
  features: Feature[];
}

export interface BoundaryRequest {
  hosts: PdokHosts;
  year: number;
  gemeenten: readonly string[];
  pageSize: number;
  http: HttpOptions;
}

export function ogcItemsUrl(host: string, year: number, level: BoundaryLevel, gemeente: string, limit: number) {
  const query = new URLSearchParams({ f: 'json', limit: String(limit), gemeentecode: gemeente });
  return `${host}/cbs/wijken-en-buurten-${year}/ogc/v1/collections/${level}/items?${query}`;
}

export function wfsGetFeatureUrl(
  host: string,
  year: number,
  level: BoundaryLevel,
  gemeente: string,
  count: number,
  startIndex: number,
) {
  const filter =
    '<fes:Filter xmlns:fes="http://www.opengis.net/fes/2.0"><fes:PropertyIsEqualTo>' +
    `<fes:ValueReference>gemeentecode</fes:ValueReference><fes:Literal>${gemeente}</fes:Literal>` +
    '</fes:PropertyIsEqualTo></fes:Filter>';
  const query = new URLSearchParams({
    service: 'WFS',
    version: '2.0.0',
    request: 'GetFeature',
    typeNames: `wijkenbuurten:${level}`,
    outputFormat: 'json',
    srsName: 'EPSG:4326',
    count: String(count),
    startIndex: String(startIndex),
    filter,
  });
  return `${host}/cbs/wijkenbuurten/${year}/wfs/v1_0?${query}`;
}

/** A lon/lat box: west, south, east, north (WGS84). */
export type Box = readonly [number, number, number, number];

/** The gemeenten of a year whose boundary meets the box (OGC API `bbox`, in CRS84 lon/lat order). */
export function ogcBoxUrl(host: string, year: number, box: Box, limit: number) {
  const query = new URLSearchParams({ f: 'json', limit: String(limit), bbox: box.join(',') });
  return `${host}/cbs/wijken-en-buurten-${year}/ogc/v1/collections/gemeenten/items?${query}`;
}

/**
 * The same from the WFS. The box names its CRS as a URN, whose axis order for EPSG:4326 is latitude first (WFS 2.0),
 * so the corners are written lat,lon; `srsName` keeps the answer in lon/lat like every other request here.
 */
export function wfsBoxUrl(host: string, year: number, box: Box, count: number, startIndex: number) {
  const [west, south, east, north] = box;
  const query = new URLSearchParams({
    service: 'WFS',
    version: '2.0.0',
    request: 'GetFeature',
    typeNames: 'wijkenbuurten:gemeenten',
    outputFormat: 'json',
    srsName: 'EPSG:4326',
    count: String(count),
    startIndex: String(startIndex),
    bbox: `${south},${west},${north},${east},urn:ogc:def:crs:EPSG::4326`,
  });
  return `${host}/cbs/wijkenbuurten/${year}/wfs/v1_0?${query}`;
}

/** A loop guard: a large gemeente has a few hundred buurten, a page holds up to 1000. */
const MAX_PAGES = 500;

interface Page {
  features: Feature[];
  links: { rel?: unknown; type?: unknown; href?: unknown }[];
  numberMatched?: number;
}

async function featurePage(url: string, http: HttpOptions): Promise<Page> {
  const json = (await getJson(url, http)) as Record<string, unknown> | null;
  if (json?.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    throw new UserError(`${url} did not answer a GeoJSON FeatureCollection`);
  }
  return {
    features: json.features as Feature[],
    links: Array.isArray(json.links) ? json.links : [],
    ...(typeof json.numberMatched === 'number' && { numberMatched: json.numberMatched }),
  };
}

/** The next page of an OGC API answer; it may list a next link per format, and only GeoJSON is wanted. */
function nextLink(page: Page, current: string): string | undefined {
  const next = page.links.filter((l) => l.rel === 'next' && typeof l.href === 'string');
  const json = next.find((l) => typeof l.type === 'string' && /json/.test(l.type)) ?? next[0];
  return json ? new URL(json.href as string, current).href : undefined;
}

/** Every page of an OGC API answer from `first` on, following its next links. */
async function ogcPages(first: string, http: HttpOptions) {
  const features: Feature[] = [];
  const seen = new Set<string>();
  let url: string | undefined = first;
  while (url !== undefined) {
    if (seen.has(url) || seen.size >= MAX_PAGES) throw new UserError(`${first}: the pages do not end (at ${url})`);
    seen.add(url);
    const page = await featurePage(url, http);
    features.push(...page.features);
    // An empty page ends the answer even if the server still offers a next link.
    url = page.features.length > 0 ? nextLink(page, url) : undefined;
  }
  return { first, features };
}

/** Every page of a WFS answer: `url(startIndex)` asks for the page from there; a short page is the last. */
async function wfsPages(url: (start: number) => string, pageSize: number, http: HttpOptions) {
  const features: Feature[] = [];
  for (let pages = 0; ; pages++) {
    if (pages >= MAX_PAGES) throw new UserError(`${url(0)}: the pages do not end`);
    const page = await featurePage(url(features.length), http);
    features.push(...page.features);
    const complete = page.numberMatched !== undefined && features.length >= page.numberMatched;
    if (page.features.length < pageSize || complete) break;
  }
  return { first: url(0), features };
}

const ogcFeatures = (request: BoundaryRequest, level: BoundaryLevel, gemeente: string) =>
  ogcPages(ogcItemsUrl(request.hosts.ogc, request.year, level, gemeente, request.pageSize), request.http);

const wfsFeatures = (request: BoundaryRequest, level: BoundaryLevel, gemeente: string) =>
  wfsPages(
    (start) => wfsGetFeatureUrl(request.hosts.wfs, request.year, level, gemeente, request.pageSize, start),
    request.pageSize,
    request.http,
  );

async function levelFrom(service: PdokService, request: BoundaryRequest, level: BoundaryLevel) {
  const features: Feature[] = [];
  const requests: string[] = [];
  for (const gemeente of request.gemeenten) {
    const answer = await (service === 'ogc' ? ogcFeatures : wfsFeatures)(request, level, gemeente);
    features.push(...answer.features);
    requests.push(answer.first);
  }
  const source = service === 'ogc' ? 'PDOK OGC API Features' : 'PDOK WFS';
  const doc: BoundaryDocument = {
    type: 'FeatureCollection',
    metadata: { year: request.year, level, source, requests },
    features,
  };
  return doc;
}

/**
 * The three levels of one year. The OGC API is asked first; once it answers 404 the year's remaining levels come
 * from the WFS (a level is never half from one service and half from the other).
 */
export async function fetchBoundaries(
  request: BoundaryRequest,
  onLevel: (doc: BoundaryDocument, service: PdokService) => Promise<void>,
  log: (line: string) => void,
): Promise<void> {
  let service: PdokService = 'ogc';
  for (const level of BOUNDARY_LEVELS) {
    let doc: BoundaryDocument | undefined;
    if (service === 'ogc') {
      try {
        doc = await levelFrom('ogc', request, level);
      } catch (error) {
        if (!(error instanceof HttpStatusError && error.status === 404)) throw error;
        log(`${request.year} · the PDOK OGC API has no ${level} for ${request.year} (404); using the WFS`);
        service = 'wfs';
      }
    }
    await onLevel(doc ?? (await levelFrom('wfs', request, level)), service);
  }
}

/**
 * Every gemeente of a year whose boundary meets the box, from the OGC API or, where it has no such year (404), the
 * WFS: the neighbourhood in which the former gemeenten of a merger are looked for.
 */
export async function fetchGemeentenInBox(
  request: Omit<BoundaryRequest, 'gemeenten'>,
  box: Box,
): Promise<{ features: Feature[]; first: string; service: PdokService }> {
  try {
    const answer = await ogcPages(ogcBoxUrl(request.hosts.ogc, request.year, box, request.pageSize), request.http);
    return { ...answer, service: 'ogc' };
  } catch (error) {
    if (!(error instanceof HttpStatusError && error.status === 404)) throw error;
  }
  const url = (start: number) => wfsBoxUrl(request.hosts.wfs, request.year, box, request.pageSize, start);
  return { ...(await wfsPages(url, request.pageSize, request.http)), service: 'wfs' };
}
