/**
 * Builds a package's `first/` files (firstView.ts) from the package as DuckDB holds it after loading: the very
 * queries the app runs (Kompas, dispersion, social periods), over the public table, so a precomputed answer is
 * DuckDB's answer and no value the disclosure rules hide is written. Used by the package builds (scripts/firstView.ts).
 */
import type { Connector } from '../db/connector.ts';
import { Coordinator } from '../db/coordinator.ts';
import {
  choroplethAreasQuery,
  choroplethQuery,
  decodeChoropleth,
  decodeChoroplethAreas,
} from '../queries/choropleth.ts';
import { dispersionRequest } from '../queries/dispersion.ts';
import { decodeProfile, kompasQuery, type ProfileRow } from '../queries/kompas.ts';
import { decodeSocialPeriods, socialPeriodsQuery } from '../queries/socialPeriods.ts';
import {
  encodeMapAreas,
  encodeMapRows,
  encodeRows,
  FIRST_MAP_AREAS,
  FIRST_MAP_LEVELS,
  FIRST_MAP_VERSION,
  FIRST_VIEW_INDEX,
  FIRST_VIEW_VERSION,
  type FirstViewIndex,
  firstAreaPath,
  firstDispersionPath,
  firstMapPath,
} from './firstView.ts';
import type { LoadedPackage } from './load.ts';

/** Path inside the package → file text. Only for a package whose observations are all loaded (not partitioned). */
export async function buildFirstView(db: Connector, pkg: LoadedPackage): Promise<Map<string, string>> {
  if (pkg.partitions !== null) throw new Error('a partitioned package has no precomputed first view');
  const files = new Map<string, string>();
  const areas = new Map(pkg.areas.map((a) => [a.code, a]));

  // Every area's rows in one query (the Kompas query over all codes), split by area in the query's order.
  const all = decodeProfile(await db.query(kompasQuery({ codes: [...areas.keys()] })));
  const byArea = new Map<string, ProfileRow[]>([...areas.keys()].map((code) => [code, []]));
  for (const row of all) byArea.get(row.area_code)?.push(row);
  for (const [code, rows] of byArea) files.set(firstAreaPath(code), encodeRows(rows));

  for (const code of areas.keys()) {
    const path = firstDispersionPath(code, areas);
    if (path === null || files.has(path)) continue;
    files.set(path, encodeRows(decodeProfile(await db.query(dispersionRequest(code, areas, false).sql))));
  }

  const maps = await buildFirstMaps(db, pkg, (path, text) => {
    files.set(path, text);
  });

  const index: FirstViewIndex = {
    version: FIRST_VIEW_VERSION,
    social_periods: Object.fromEntries(
      [...decodeSocialPeriods(await db.query(socialPeriodsQuery())).entries()].sort(([a], [b]) => (a < b ? -1 : 1)),
    ),
    maps,
    map_format: FIRST_MAP_VERSION,
  };
  files.set(FIRST_VIEW_INDEX, `${JSON.stringify(index)}\n`);
  return files;
}

/** Runs the map queries of one indicator on a coordinator over the package (see {@link buildFirstMaps}). */
export type MapScope = (run: (coordinator: Coordinator) => Promise<void>) => Promise<void>;

/**
 * The map of every indicator in every period it has (a switch of indicator or year, before or after DuckDB is
 * ready, finds its map in a file): each the choropleth query's answer for every level, asked as the map asks it
 * (through a coordinator, which for a partitioned package loads the indicator-period file first), keyed to one area
 * order ({@link FIRST_MAP_AREAS}). `scope` gives each indicator its coordinator (a partitioned build: a fresh store,
 * dropped after, so the tables do not pile up); by default one over `db` and the package's own store. Hands each file
 * to `emit`; returns the index's `maps` entry.
 */
export async function buildFirstMaps(
  db: Connector,
  pkg: LoadedPackage,
  emit: (path: string, text: string) => Promise<void> | void,
  scope: MapScope = async (run) => {
    const coordinator = new Coordinator(db);
    coordinator.setPartitions(pkg.partitions);
    try {
      await run(coordinator);
    } finally {
      coordinator.retire();
    }
  },
): Promise<Record<string, number[]>> {
  const areas = decodeChoroplethAreas(await db.query(choroplethAreasQuery()));
  const order = { codes: areas.map((a) => a.code), levels: areas.map((a) => a.level) };
  await emit(FIRST_MAP_AREAS, encodeMapAreas(order));
  const maps: Record<string, number[]> = {};
  for (const { id } of pkg.indicators) {
    const written: number[] = [];
    await scope(async (coordinator) => {
      for (const period of pkg.meta.periods) {
        // A partitioned package without the indicator-period file has no map there (not measured that year).
        const partition = pkg.partitions?.indicatorPeriod(id, period) ?? null;
        if (pkg.partitions && partition === null) continue;
        const sql = choroplethQuery({ indicator: id, period, levels: FIRST_MAP_LEVELS });
        const rows = decodeChoropleth(await coordinator.query(sql, partition ? [partition] : []));
        await emit(firstMapPath(id, period), encodeMapRows(rows, order));
        written.push(period);
      }
    });
    if (written.length > 0) maps[id] = written;
  }
  return maps;
}
