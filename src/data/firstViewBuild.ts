/**
 * Builds a package's `first/` files (firstView.ts) from the package as DuckDB holds it after loading: the very
 * queries the app runs (Kompas, dispersion, social periods), over the public table, so a precomputed answer is
 * DuckDB's answer and no value the disclosure rules hide is written. Used by the package builds (scripts/firstView.ts).
 */
import type { Connector } from '../db/connector.ts';
import { Coordinator } from '../db/coordinator.ts';
import { choroplethQuery, decodeChoropleth } from '../queries/choropleth.ts';
import { dispersionRequest } from '../queries/dispersion.ts';
import { decodeProfile, kompasQuery, type ProfileRow } from '../queries/kompas.ts';
import { decodeSocialPeriods, socialPeriodsQuery } from '../queries/socialPeriods.ts';
import {
  encodeMapRows,
  encodeRows,
  FIRST_MAP_LEVELS,
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

  const firstMaps = await buildFirstMaps(db, pkg);
  for (const [path, text] of firstMaps.files) files.set(path, text);

  const index: FirstViewIndex = {
    version: FIRST_VIEW_VERSION,
    social_periods: Object.fromEntries(
      [...decodeSocialPeriods(await db.query(socialPeriodsQuery())).entries()].sort(([a], [b]) => (a < b ? -1 : 1)),
    ),
    maps: firstMaps.maps,
  };
  files.set(FIRST_VIEW_INDEX, `${JSON.stringify(index)}\n`);
  return files;
}

/**
 * The map the app opens on: the package's default indicator in every period (a year switch before DuckDB is ready
 * finds its map too), each the choropleth query's answer for every level, asked as the map asks it (through a
 * coordinator, which for a partitioned package loads the indicator-period file first). Returns the files and the
 * index's `maps` entry.
 */
export async function buildFirstMaps(
  db: Connector,
  pkg: LoadedPackage,
): Promise<{ files: Map<string, string>; maps: Record<string, number[]> }> {
  const coordinator = new Coordinator(db);
  coordinator.setPartitions(pkg.partitions);
  const indicator = pkg.meta.default_indicator;
  const files = new Map<string, string>();
  for (const period of pkg.meta.periods) {
    const partition = pkg.partitions?.indicatorPeriod(indicator, period) ?? null;
    const sql = choroplethQuery({ indicator, period, levels: FIRST_MAP_LEVELS });
    const rows = decodeChoropleth(await coordinator.query(sql, partition ? [partition] : []));
    files.set(firstMapPath(indicator, period), encodeMapRows(rows));
  }
  coordinator.retire();
  return { files, maps: { [indicator]: [...pkg.meta.periods] } };
}
