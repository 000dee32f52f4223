/**
 * Downloads, for one gemeente and some years, what the importer needs into `<outDir>/.sources/<year>/`:
 * - `<table>_TypedDataSet.json`: the kerncijfers rows from CBS OData (all pages joined),
 * - `<table>_DataProperties.json`: what each column of that table is (title, unit), as CBS serves it,
 * - `gemeenten_<year>.geojson`, `wijken_<year>.geojson`, `buurten_<year>.geojson`: the boundaries from PDOK, WGS84.
 *   The year is in the name because the importer names files by their base name alone in its messages.
 *
 * Everything is checked before the first request (gemeente code, years, base URLs), so a typo costs no waiting.
 * Files are written whole or not at all (written aside, then renamed): a run cut off by a lost connection leaves
 * no half file that a later import would read as complete.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Feature } from 'geojson';
import { UserError } from './errors.ts';
import type { HttpOptions } from './http.ts';
import { dataPropertiesUrl, fetchODataDocument, geoKeyOf, rowCodes, typedDataSetUrl } from './odata.ts';
import { fetchBoundaries, fetchGemeentenInBox, PDOK_HOSTS, type PdokHosts } from './pdok.ts';
import { boxOf, gemeenteCodeOf, gemeenteNameOf, type Predecessor, predecessorsIn } from './predecessors.ts';
import { kwbTables } from './tables.ts';

export const CBS_BASE = 'https://opendata.cbs.nl/ODataApi/odata';

export interface DownloadOptions {
  /** A CBS gemeente code (GM1979); several for a gemeente together with the gemeenten it was merged from. */
  gemeente: string | readonly string[];
  years: readonly number[];
  /** The package folder; the downloads go to its `.sources/<year>/`. */
  outDir: string;
  /** CBS OData root, default {@link CBS_BASE}. */
  cbsBase?: string;
  /** One root for both PDOK services (tests, a mirror); default api.pdok.nl and service.pdok.nl. */
  pdokBase?: string;
  fetch?: typeof fetch;
  log?: (line: string) => void;
  /** Per request, default 60 s. */
  timeoutMs?: number;
  /** Pause before retrying a 5xx, default 1 s. */
  retryDelayMs?: number;
  /** Features per PDOK page, default 1000 (the most PDOK gives). */
  pageSize?: number;
}

export const DEFAULT_TIMEOUT_MS = 60_000;

const GEMEENTE_CODE = /^GM\d{4}$/;

/** The gemeente codes, upper-cased and without repeats; an error says the format if one is wrong. */
export function checkGemeenten(gemeente: string | readonly string[]): string[] {
  const given = (typeof gemeente === 'string' ? [gemeente] : [...gemeente]).map((g) => g.trim().toUpperCase());
  if (given.length === 0) throw new UserError('No gemeente given: use a CBS gemeente code such as GM1979');
  const bad = given.filter((g) => !GEMEENTE_CODE.test(g));
  if (bad.length > 0) {
    throw new UserError(
      `'${bad.join("', '")}' is not a CBS gemeente code: GM followed by four digits, e.g. GM1979 (Eemsdelta)`,
    );
  }
  return [...new Set(given)];
}

function checkBase(flag: string, base: string): string {
  let url: URL | undefined;
  try {
    url = new URL(base);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new UserError(`${flag} must be an http(s) URL, e.g. http://127.0.0.1:8080 (got '${base}')`);
  }
  return base.replace(/\/+$/, '');
}

/** Writes JSON beside the target and renames it into place. */
async function writeJson(path: string, doc: unknown): Promise<void> {
  const part = `${path}.part`;
  await writeFile(part, `${JSON.stringify(doc)}\n`);
  await rename(part, path);
}

/**
 * Downloads everything, the latest year first (its boundaries say where to look for former gemeenten), then the
 * others in order, and returns the paths written (in the order written). For each earlier year the gemeenten
 * around the ones asked for are fetched and those that lie inside one of them (predecessors.ts) are downloaded
 * with it: their rows, wijken and buurten, so that the importer can add them up across the merger.
 */
export async function downloadCbs(options: DownloadOptions): Promise<string[]> {
  const gemeenten = checkGemeenten(options.gemeente);
  if (options.years.length === 0) throw new UserError('No years given, e.g. --years 2015-2024');
  const tables = kwbTables([...new Set(options.years)].sort((a, b) => a - b));
  const cbsBase = checkBase('--cbs-base', options.cbsBase ?? CBS_BASE);
  const hosts: PdokHosts =
    options.pdokBase === undefined
      ? PDOK_HOSTS
      : { ogc: checkBase('--pdok-base', options.pdokBase), wfs: checkBase('--pdok-base', options.pdokBase) };
  const http: HttpOptions = {
    fetch: options.fetch ?? globalThis.fetch,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    retryDelayMs: options.retryDelayMs ?? 1000,
  };
  const log = options.log ?? (() => {});
  const pageSize = options.pageSize ?? 1000;
  const written: string[] = [];
  const put = async (path: string, doc: unknown) => {
    await mkdir(dirname(path), { recursive: true });
    await writeJson(path, doc);
    written.push(path);
  };

  /** One year's rows, data properties and boundaries for these gemeenten; returns the gemeente boundaries. */
  const downloadYear = async (
    year: number,
    table: string,
    codes: readonly string[],
    former: readonly Predecessor[] = [],
  ): Promise<Feature[]> => {
    const dir = join(options.outDir, '.sources', String(year));
    // The properties first: they name the key that holds the area codes, which the row filter needs.
    const properties = await fetchODataDocument(dataPropertiesUrl(cbsBase, table), http);
    const geoKey = geoKeyOf(properties.doc);
    const rows = await fetchODataDocument(typedDataSetUrl(cbsBase, table, codes, geoKey), http);
    const rowsPath = join(dir, `${table}_TypedDataSet.json`);
    await put(rowsPath, rows.doc);
    log(`${year} · CBS ${table}: ${rows.doc.value.length} rows (${rows.pages} page(s)) → ${rowsPath}`);
    const found = rowCodes(rows.doc.value, geoKey);
    // A gemeente that does not exist yet is expected to have no row where its former gemeenten stand in for it.
    const missing = codes.filter((gm) => !found.has(gm) && !former.some((p) => p.into === gm));
    if (missing.length > 0) {
      // Typical for the years before a merger whose former gemeenten could not be found (no boundary to go by).
      log(
        `${year} · warning: ${table} has no row for ${missing.join(', ')}; the gemeente may not exist in ${year} ` +
          '(after a merger, also give the former gemeenten, e.g. --gemeente GM1979,GM0003,GM0010,GM0024)',
      );
    }
    const propertiesPath = join(dir, `${table}_DataProperties.json`);
    await put(propertiesPath, properties.doc);
    log(`${year} · CBS ${table}: ${properties.doc.value.length} data properties → ${propertiesPath}`);

    let gemeenteFeatures: Feature[] = [];
    await fetchBoundaries(
      { hosts, year, gemeenten: codes, pageSize, http },
      async (doc, service) => {
        const path = join(dir, `${doc.metadata.level}_${year}.geojson`);
        await put(path, doc);
        if (doc.metadata.level === 'gemeenten') gemeenteFeatures = doc.features;
        log(
          `${year} · PDOK ${service === 'ogc' ? 'OGC API' : 'WFS'}: ${doc.features.length} ${doc.metadata.level} → ${path}`,
        );
      },
      log,
    );
    return gemeenteFeatures;
  };

  const latest = tables[tables.length - 1]!;
  const latestGemeenten = await downloadYear(latest.year, latest.table, gemeenten);
  const box = boxOf(latestGemeenten.filter((f) => gemeenten.includes(gemeenteCodeOf(f) ?? '')));
  const earlier = tables.slice(0, -1);
  if (earlier.length === 0) return written;
  if (box === null) {
    log(
      `${latest.year} · warning: PDOK has no boundary for ${gemeenten.join(', ')} in ${latest.year}, so former ` +
        'gemeenten cannot be looked for; list them with --gemeente if the gemeente came from a merger',
    );
  }
  const around =
    box === null ? [] : (await fetchGemeentenInBox({ hosts, year: latest.year, pageSize, http }, box)).features;
  const names = new Map(latestGemeenten.map((f) => [gemeenteCodeOf(f) ?? '', gemeenteNameOf(f)]));
  for (const { year, table } of earlier) {
    let former: Predecessor[] = [];
    if (box !== null) {
      const nearby = await fetchGemeentenInBox({ hosts, year, pageSize, http }, box);
      former = predecessorsIn(gemeenten, latest.year, around, year, nearby.features).filter(
        (p) => !gemeenten.includes(p.code),
      );
      for (const into of new Set(former.map((p) => p.into))) {
        const list = former.filter((p) => p.into === into).map((p) => `${p.code} ${p.name}`);
        log(
          `${year} · former gemeenten of ${into} ${names.get(into) ?? ''}: ${list.join(', ')} — they lie inside its ` +
            `${latest.year} boundary, so their figures, wijken and buurten are downloaded with it`,
        );
      }
    }
    await downloadYear(year, table, [...gemeenten, ...former.map((p) => p.code)], former);
  }
  return written;
}
