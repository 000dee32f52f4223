/**
 * Builds a package's `first/` files (firstView.ts) from the package as DuckDB holds it after loading: the very
 * queries the app runs (Kompas, dispersion, social periods), over the public table, so a precomputed answer is
 * DuckDB's answer and no value the disclosure rules hide is written. Used by the package builds (scripts/firstView.ts).
 */
import type { Connector } from '../db/connector.ts';
import { dispersionRequest } from '../queries/dispersion.ts';
import { decodeProfile, kompasQuery, type ProfileRow } from '../queries/kompas.ts';
import { decodeSocialPeriods, socialPeriodsQuery } from '../queries/socialPeriods.ts';
import {
  encodeRows,
  FIRST_VIEW_INDEX,
  FIRST_VIEW_VERSION,
  type FirstViewIndex,
  firstAreaPath,
  firstDispersionPath,
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

  const index: FirstViewIndex = {
    version: FIRST_VIEW_VERSION,
    social_periods: Object.fromEntries(
      [...decodeSocialPeriods(await db.query(socialPeriodsQuery())).entries()].sort(([a], [b]) => (a < b ? -1 : 1)),
    ),
  };
  files.set(FIRST_VIEW_INDEX, `${JSON.stringify(index)}\n`);
  return files;
}
