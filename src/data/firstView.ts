/**
 * The precomputed first view (issue 15): the package build writes, per area, the public rows its Kompas and trend
 * read, per gemeente and level the rows its verdicts' ordinary variation is estimated from, and the social-domain
 * year each area opens on, as compact JSON under `first/`. The page decodes them directly, so the first Kompas and
 * its verdicts are drawn while DuckDB still starts. The rows are those DuckDB gives for the same request (the build
 * asks its own DuckDB, after the package's publish step): a value the disclosure rules hide is not in any file.
 * `first/` is optional: a package without it (or a file that fails) is answered by DuckDB.
 */
import type { ChoroplethRow } from '../queries/choropleth.ts';
import type { ProfileRow } from '../queries/kompas.ts';
import { type Area, LEVELS, type Level, OBSERVATION_STATUSES, type ObservationStatus } from './package.ts';

export const FIRST_VIEW_VERSION = 1;
export const FIRST_VIEW_INDEX = 'first/index.json';

/**
 * dataset.json's `first_view` names the first view's index when the build wrote one (every build that writes `first/`
 * declares it with {@link declareFirstView}); the app asks for `first/` only then.
 */
export function declareFirstView(datasetJson: string): string {
  return `${JSON.stringify({ ...(JSON.parse(datasetJson) as object), first_view: FIRST_VIEW_INDEX }, null, 2)}\n`;
}

/** Whether a dataset.json text declares a first view (a broken text declares nothing; the validator names it). */
export function declaresFirstView(datasetJson: string): boolean {
  try {
    return (JSON.parse(datasetJson) as { first_view?: unknown }).first_view === FIRST_VIEW_INDEX;
  } catch {
    return false;
  }
}

/** `first/index.json`: the format, and per area the latest year with social-domain values (socialPeriods.ts). */
export interface FirstViewIndex {
  version: typeof FIRST_VIEW_VERSION;
  social_periods: Record<string, number>;
  /** Per indicator, the periods whose map rows the build wrote ({@link firstMapPath}). */
  maps?: Record<string, number[]>;
  /** The map files' format ({@link FIRST_MAP_VERSION}); `maps` of another format are not read (DuckDB answers). */
  map_format?: number;
}

/**
 * An area code as a file name: letters, digits and `_` as they are, every other byte as `-` and two hex digits
 * (a custom area's code may hold any printable character; the datasets server serves plain names only).
 */
export function fileKey(code: string): string {
  let out = '';
  for (const ch of code) {
    if (/[A-Za-z0-9_]/.test(ch)) out += ch;
    else for (const byte of new TextEncoder().encode(ch)) out += `-${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** The file with every public row of one area (all indicators, all periods). */
export function firstAreaPath(code: string): string {
  return `first/area/${fileKey(code)}.json`;
}

/** The files that together hold the rows of a Kompas request's codes (each code once). */
export function firstAreaPaths(codes: readonly string[]): string[] {
  return [...new Set(codes)].map(firstAreaPath);
}

/**
 * The file answering the dispersion request of an area of a package in one piece (queries/dispersion.ts): the areas
 * of its level in its gemeente share one; a gemeente or the Netherlands has its own. Null where the build writes none.
 * A partitioned package has none: its request reads the area's own series, a share of the area's own file
 * (`ownDispersionRows`).
 */
export function firstDispersionPath(code: string, areas: ReadonlyMap<string, Area>): string | null {
  const area = areas.get(code);
  if (!area) return null;
  if (area.level === 'land' || area.level === 'gemeente') return `first/dispersion/${fileKey(code)}.${area.level}.json`;
  return area.gemeente ? `first/dispersion/${fileKey(area.gemeente)}.${area.level}.json` : null;
}

/**
 * The file with the map's rows of one indicator in one period: the choropleth query's answer for every level, so
 * whichever levels the map draws are a filter of it (queries/choropleth.ts orders by code, a filter keeps that order).
 */
export function firstMapPath(indicator: string, period: number): string {
  return `first/map/${fileKey(indicator)}/${period}.json`;
}

/** The levels a map file holds: all of them. */
export const FIRST_MAP_LEVELS: readonly Level[] = LEVELS;

/** A map file's rows of the levels a map draws: the choropleth query's answer for those levels. */
export function firstMapRows(rows: readonly ChoroplethRow[], levels: readonly Level[]): ChoroplethRow[] {
  return rows.filter((r) => levels.includes(r.level));
}

type EncodedRow = [string, string, number, number | null, number | null, number | null, 0 | 1, string | null];

/** Rows as compact JSON: one array per row, columns in the order of the Kompas query. */
export function encodeRows(rows: readonly ProfileRow[]): string {
  const encoded: EncodedRow[] = rows.map((r) => [
    r.area_code,
    r.indicator_id,
    r.period,
    r.value,
    r.numerator,
    r.denominator,
    r.suppressed ? 1 : 0,
    r.status ?? null,
  ]);
  return `${JSON.stringify({ version: FIRST_VIEW_VERSION, rows: encoded })}\n`;
}

const STATUSES = new Set<string>(OBSERVATION_STATUSES);
const isCount = (v: unknown): v is number | null => v === null || (typeof v === 'number' && Number.isFinite(v));

/** The rows of one file; throws on anything but the format {@link encodeRows} writes (the caller asks DuckDB). */
export function decodeRows(text: string): ProfileRow[] {
  const parsed = JSON.parse(text) as { version?: unknown; rows?: unknown };
  if (parsed.version !== FIRST_VIEW_VERSION || !Array.isArray(parsed.rows)) throw new Error('not a first-view file');
  return parsed.rows.map((row: unknown) => {
    if (!Array.isArray(row) || row.length !== 8) throw new Error('not a first-view row');
    const [area, indicator, period, value, numerator, denominator, suppressed, status] = row as unknown[];
    if (typeof area !== 'string' || typeof indicator !== 'string' || !Number.isInteger(period))
      throw new Error('not a first-view row');
    if (!isCount(value) || !isCount(numerator) || !isCount(denominator) || (suppressed !== 0 && suppressed !== 1))
      throw new Error('not a first-view row');
    if (status !== null && (typeof status !== 'string' || !STATUSES.has(status)))
      throw new Error('not a first-view row');
    return {
      area_code: area,
      indicator_id: indicator,
      period: period as number,
      value,
      numerator,
      denominator,
      suppressed: suppressed === 1,
      status: status as ObservationStatus | null,
    };
  });
}

const LEVEL_SET = new Set<string>(LEVELS);

/** The map files' format: columnar, keyed to one area order written once ({@link FIRST_MAP_AREAS}). */
export const FIRST_MAP_VERSION = 2;

/**
 * The area order every map file is keyed to: the codes of every area in the choropleth query's order (ORDER BY code),
 * with their levels. Written once, so a map file (~1.950 of them at national scale) carries no code or level.
 */
export const FIRST_MAP_AREAS = 'first/map/areas.json';

/** The areas a map file's rows point into, in the choropleth query's order. */
export interface MapAreaOrder {
  codes: readonly string[];
  levels: readonly Level[];
}

/** The area order as a file: the codes, and the levels as runs (codes in order mostly group by level). */
export function encodeMapAreas(order: MapAreaOrder): string {
  const runs: [Level, number][] = [];
  for (const level of order.levels) {
    const last = runs.at(-1);
    if (last && last[0] === level) last[1]++;
    else runs.push([level, 1]);
  }
  return `${JSON.stringify({ version: FIRST_MAP_VERSION, codes: order.codes, levels: runs })}\n`;
}

/** The area order of a file {@link encodeMapAreas} wrote; throws on anything else. */
export function decodeMapAreas(text: string): MapAreaOrder {
  const parsed = JSON.parse(text) as { version?: unknown; codes?: unknown; levels?: unknown };
  if (parsed.version !== FIRST_MAP_VERSION || !Array.isArray(parsed.codes) || !Array.isArray(parsed.levels))
    throw new Error('not a first-view map area file');
  const codes = parsed.codes as unknown[];
  if (!codes.every((c) => typeof c === 'string')) throw new Error('not a first-view map area file');
  const levels: Level[] = [];
  for (const run of parsed.levels as unknown[]) {
    if (!Array.isArray(run) || !LEVEL_SET.has(run[0]) || !Number.isInteger(run[1]) || run[1] < 1)
      throw new Error('not a first-view map area file');
    for (let k = 0; k < run[1]; k++) levels.push(run[0] as Level);
  }
  if (levels.length !== codes.length) throw new Error('not a first-view map area file');
  return { codes: codes as string[], levels };
}

/**
 * A row's flags as one base-36 digit: 1 = no value, 2 = suppressed, 4 × (1 + the status's place in
 * OBSERVATION_STATUSES) = its status. 0 (a plain value) is by far the most common.
 */
function mapFlag(row: ChoroplethRow): number {
  const status = row.status ? OBSERVATION_STATUSES.indexOf(row.status) + 1 : 0;
  return (row.value === null ? 1 : 0) + (row.suppressed ? 2 : 0) + 4 * status;
}

/**
 * Map rows (the choropleth query's answer, every level) as columnar JSON keyed to `order`: `runs` are the rows' places
 * in the order as pairs (areas skipped since the previous run, areas in this run), `values` the values that are there,
 * `flags` one digit per row ({@link mapFlag}), left out when every row is a plain value. Throws when a row's area is
 * not in the order or the rows are not in its order (the file would not give the query's answer back).
 */
export function encodeMapRows(rows: readonly ChoroplethRow[], order: MapAreaOrder): string {
  const place = new Map(order.codes.map((code, k) => [code, k]));
  const runs: number[] = [];
  const values: number[] = [];
  let flags = '';
  let next = 0; // the place after the previous row
  for (const row of rows) {
    const at = place.get(row.code);
    if (at === undefined || at < next || order.levels[at] !== row.level)
      throw new Error(`map row ${row.code} is not in the map's area order`);
    if (at === next && runs.length > 0) runs[runs.length - 1]!++;
    else runs.push(at - next, 1);
    next = at + 1;
    if (row.value !== null) values.push(row.value);
    flags += mapFlag(row).toString(36);
  }
  const body: Record<string, unknown> = { version: FIRST_MAP_VERSION, areas: order.codes.length, runs, values };
  if (/[^0]/.test(flags)) body.flags = flags;
  return `${JSON.stringify(body)}\n`;
}

/** The rows of one map file keyed to `order`; throws on anything but what {@link encodeMapRows} writes for it. */
export function decodeMapRows(text: string, order: MapAreaOrder): ChoroplethRow[] {
  const parsed = JSON.parse(text) as {
    version?: unknown;
    areas?: unknown;
    runs?: unknown;
    values?: unknown;
    flags?: unknown;
  };
  const { runs, values, flags } = parsed;
  if (
    parsed.version !== FIRST_MAP_VERSION ||
    parsed.areas !== order.codes.length ||
    !Array.isArray(runs) ||
    runs.length % 2 !== 0 ||
    !Array.isArray(values) ||
    (flags !== undefined && typeof flags !== 'string')
  )
    throw new Error('not a first-view map file');
  const rows: ChoroplethRow[] = [];
  const statuses = [null, ...OBSERVATION_STATUSES] as const;
  let at = 0;
  let v = 0;
  for (let k = 0; k < runs.length; k += 2) {
    const skip = runs[k] as unknown;
    const length = runs[k + 1] as unknown;
    if (!Number.isInteger(skip) || !Number.isInteger(length) || (skip as number) < 0 || (length as number) < 1)
      throw new Error('not a first-view map file');
    at += skip as number;
    const end = at + (length as number);
    if (end > order.codes.length) throw new Error('not a first-view map file');
    for (; at < end; at++) {
      const flag = flags === undefined ? 0 : base36(flags.charCodeAt(rows.length));
      const status = flag >> 2;
      if (!(flag >= 0 && status < statuses.length)) throw new Error('not a first-view map row');
      let value: number | null = null;
      if ((flag & 1) === 0) {
        value = values[v++] as number | null;
        if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error('not a first-view map row');
      }
      rows.push({
        code: order.codes[at]!,
        level: order.levels[at]!,
        value,
        suppressed: (flag & 2) !== 0,
        status: statuses[status]!,
      });
    }
  }
  if (v !== values.length || (flags !== undefined && flags.length !== rows.length))
    throw new Error('not a first-view map file');
  return rows;
}

/** A base-36 digit's value from its character code (as Number.parseInt(digit, 36)); -1 for anything else. */
function base36(code: number): number {
  if (code >= 48 && code <= 57) return code - 48; // 0-9
  if (code >= 97 && code <= 122) return code - 87; // a-z
  if (code >= 65 && code <= 90) return code - 55; // A-Z
  return -1;
}

/** The order of the Kompas query (indicator, area, period), so both sources give the same array. */
export function sortProfile(rows: ProfileRow[]): ProfileRow[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return rows.sort(
    (a, b) => cmp(a.indicator_id, b.indicator_id) || cmp(a.area_code, b.area_code) || a.period - b.period,
  );
}

/** How many decoded map files a first view keeps (the shown one, the ones prefetched for the next switches). */
export const MAP_FILES_KEPT = 16;

/** A package's precomputed first view, as the page reads it: files fetched once, answers kept. */
export interface FirstView {
  readonly socialPeriods: ReadonlyMap<string, number>;
  /** The rows of these files together, in the Kompas query's order; rejects when a file is missing or broken. */
  rows(paths: readonly string[]): Promise<ProfileRow[]>;
  /** The same answer when it is already here (the same array every time), else undefined. */
  cached(paths: readonly string[]): ProfileRow[] | undefined;
  /** The map file of an indicator in a period when the build wrote one (listed in the index), else null. */
  mapPath(indicator: string, period: number): string | null;
  /** The rows of a map file (every level); rejects when the file (or the map's area order) is missing or broken. */
  mapRows(path: string): Promise<ChoroplethRow[]>;
  /**
   * The same rows when they are already here (the same array while the file is kept), else undefined. A file fetched
   * ahead ({@link warmMap}) whose bytes are in is decoded now: a switch finds its rows without waiting for a task.
   */
  cachedMap(path: string): ChoroplethRow[] | undefined;
  /**
   * Starts fetching a map file's bytes (off the main thread) without decoding them: {@link mapRows} then decodes
   * what came. Nothing when the file is kept or on its way.
   */
  warmMap(path: string): void;
}

/**
 * The first view of the package at `root` (its URL, ending in `/`), or null when it has none (or another version):
 * then DuckDB answers everything.
 */
export async function fetchFirstView(
  root: string,
  fetchText: (url: string) => Promise<string | null> = defaultFetchText,
): Promise<FirstView | null> {
  const text = await fetchText(`${root}${FIRST_VIEW_INDEX}`).catch(() => null);
  if (text === null) return null;
  let index: FirstViewIndex;
  try {
    index = JSON.parse(text) as FirstViewIndex;
  } catch {
    return null;
  }
  if (index?.version !== FIRST_VIEW_VERSION || typeof index.social_periods !== 'object') return null;
  const socialPeriods = new Map<string, number>();
  for (const [code, period] of Object.entries(index.social_periods ?? {}))
    if (Number.isInteger(period)) socialPeriods.set(code, period);
  const maps = new Set<string>();
  if (typeof index.maps === 'object' && index.maps !== null && index.map_format === FIRST_MAP_VERSION)
    for (const [indicator, periods] of Object.entries(index.maps))
      if (Array.isArray(periods))
        for (const period of periods) if (Number.isInteger(period)) maps.add(firstMapPath(indicator, period));

  const file = fileLoader(root, fetchText, decodeRows);
  const answers = new Map<string, ProfileRow[]>();
  const mapAreas = fileLoader(root, fetchText, decodeMapAreas);
  // The map files asked for last, most recent last (an LRU): at national scale a decoded file is ~18.100 rows, and
  // prefetching adds a few per switch, so older ones are let go.
  const mapFiles = new Map<string, Promise<ChoroplethRow[]>>();
  const mapAnswers = new Map<string, ChoroplethRow[]>();
  // Map files fetched ahead and not decoded yet (warmMap), as many as are kept decoded; mapRows takes them.
  const mapTexts = new Map<string, Promise<string | null>>();
  // Of those, the bytes that have come, and the map's area order once it has: what cachedMap decodes at once.
  const arrived = new Map<string, string>();
  let areaOrder: MapAreaOrder | null = null;
  const fetchMap = (path: string) => {
    const warmed = mapTexts.get(path);
    mapTexts.delete(path);
    arrived.delete(path);
    return warmed ?? fetchText(`${root}${path}`);
  };
  const keep = (path: string, pending: Promise<ChoroplethRow[]>) =>
    keepBounded(mapFiles, path, pending, (dropped) => mapAnswers.delete(dropped));
  return {
    socialPeriods,
    cached: (paths) => answers.get(paths.join('|')),
    mapPath(indicator, period) {
      const path = firstMapPath(indicator, period);
      return maps.has(path) ? path : null;
    },
    cachedMap(path) {
      const known = mapAnswers.get(path);
      const text = arrived.get(path);
      if (known || text === undefined || areaOrder === null) return known;
      let rows: ChoroplethRow[];
      try {
        rows = decodeMapRows(text, areaOrder);
      } catch {
        return undefined; // mapRows reports it (and DuckDB answers)
      }
      mapTexts.delete(path);
      arrived.delete(path);
      keep(path, Promise.resolve(rows));
      mapAnswers.set(path, rows);
      return rows;
    },
    warmMap(path) {
      if (mapFiles.has(path) || mapTexts.has(path)) return;
      const pending = fetchText(`${root}${path}`);
      pending.then(
        (text) => {
          if (text !== null && mapTexts.get(path) === pending) arrived.set(path, text);
        },
        () => undefined,
      );
      // A failed fetch is forgotten: mapRows asks again.
      keepBounded(mapTexts, path, pending, (dropped) => arrived.delete(dropped));
    },
    mapRows(path) {
      const known = mapFiles.get(path);
      if (known) {
        mapFiles.delete(path);
        mapFiles.set(path, known);
        return known;
      }
      // One decoded array per file while it is kept, so the map's memos see the same rows on every ask.
      const pending: Promise<ChoroplethRow[]> = Promise.all([mapAreas(FIRST_MAP_AREAS), fetchMap(path)]).then(
        ([order, text]) => {
          areaOrder = order;
          if (text === null) throw new Error(`${path} is missing`);
          const rows = decodeMapRows(text, order);
          if (mapFiles.get(path) === pending) mapAnswers.set(path, rows);
          return rows;
        },
      );
      // A failed fetch may be retried later (a network hiccup); meanwhile DuckDB answers.
      keep(path, pending);
      return pending;
    },
    async rows(paths) {
      const key = paths.join('|');
      const known = answers.get(key);
      if (known) return known;
      const parts = await Promise.all(paths.map(file));
      const combined = answers.get(key) ?? sortProfile(parts.flat());
      answers.set(key, combined);
      return combined;
    },
  };
}

/**
 * Keeps `pending` under `key` in a map of at most MAP_FILES_KEPT entries, the oldest dropped first (`dropped` is told
 * which); a failed one is forgotten, so the next ask tries again.
 */
function keepBounded<T>(
  kept: Map<string, Promise<T>>,
  key: string,
  pending: Promise<T>,
  dropped?: (key: string) => void,
): void {
  pending.catch(() => {
    if (kept.get(key) === pending) kept.delete(key);
  });
  kept.set(key, pending);
  for (const oldest of kept.keys()) {
    if (kept.size <= MAP_FILES_KEPT) break;
    kept.delete(oldest);
    dropped?.(oldest);
  }
}

/** Fetches and decodes each file once; a failed one is forgotten, so a later request may try again. */
function fileLoader<T>(
  root: string,
  fetchText: (url: string) => Promise<string | null>,
  decode: (text: string) => T,
): (path: string) => Promise<T> {
  const files = new Map<string, Promise<T>>();
  return (path) => {
    let pending = files.get(path);
    if (!pending) {
      pending = fetchText(`${root}${path}`).then((t) => {
        if (t === null) throw new Error(`${path} is missing`);
        return decode(t);
      });
      // A failed fetch may be retried later (a network hiccup); meanwhile DuckDB answers.
      pending.catch(() => files.delete(path));
      files.set(path, pending);
    }
    return pending;
  };
}

async function defaultFetchText(url: string): Promise<string | null> {
  const res = await fetch(url);
  return res.ok ? res.text() : null;
}
