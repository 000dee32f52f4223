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
import { UserError } from './errors.ts';
import type { HttpOptions } from './http.ts';
import { dataPropertiesUrl, fetchODataDocument, rowCodes, typedDataSetUrl } from './odata.ts';
import { fetchBoundaries, PDOK_HOSTS, type PdokHosts } from './pdok.ts';
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

/** Downloads everything, year by year, and returns the paths written (in the order written). */
export async function downloadCbs(options: DownloadOptions): Promise<string[]> {
  const gemeenten = checkGemeenten(options.gemeente);
  if (options.years.length === 0) throw new UserError('No years given, e.g. --years 2015-2024');
  const tables = kwbTables([...new Set(options.years)]);
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

  for (const { year, table } of tables) {
    const dir = join(options.outDir, '.sources', String(year));

    const rows = await fetchODataDocument(typedDataSetUrl(cbsBase, table, gemeenten), http);
    const rowsPath = join(dir, `${table}_TypedDataSet.json`);
    await put(rowsPath, rows.doc);
    log(`${year} · CBS ${table}: ${rows.doc.value.length} rows (${rows.pages} page(s)) → ${rowsPath}`);
    const codes = rowCodes(rows.doc.value);
    const missing = gemeenten.filter((gm) => !codes.has(gm));
    if (missing.length > 0) {
      // Typical for the years before a merger (Eemsdelta, GM1979, exists from 2021): the code is simply not there.
      log(
        `${year} · warning: ${table} has no row for ${missing.join(', ')}; the gemeente may not exist in ${year} ` +
          '(after a merger, also give the former gemeenten, e.g. --gemeente GM1979,GM0003,GM0010,GM0024)',
      );
    }

    const properties = await fetchODataDocument(dataPropertiesUrl(cbsBase, table), http);
    const propertiesPath = join(dir, `${table}_DataProperties.json`);
    await put(propertiesPath, properties.doc);
    log(`${year} · CBS ${table}: ${properties.doc.value.length} data properties → ${propertiesPath}`);

    await fetchBoundaries(
      { hosts, year, gemeenten, pageSize, http },
      async (doc, service) => {
        const path = join(dir, `${doc.metadata.level}_${year}.geojson`);
        await put(path, doc);
        log(
          `${year} · PDOK ${service === 'ogc' ? 'OGC API' : 'WFS'}: ${doc.features.length} ${doc.metadata.level} → ${path}`,
        );
      },
      log,
    );
  }
  return written;
}
