/**
 * The precomputed first view (firstView.ts) of a partitioned package. In the browser such a package is published per
 * file as it loads (src/data/partitions.ts), so its first view is asked the way the page asks it: each area's Kompas
 * request through a Coordinator over a PartitionStore, on the same DuckDB. Its dispersion rows are the area's own share
 * of those rows (`ownDispersionRows`), so it has no dispersion files. Used by the national generator
 * (scripts/firstView.ts).
 */
import type { Connector } from '../db/connector.ts';
import { Coordinator } from '../db/coordinator.ts';
import { decodeProfile, kompasQuery, type ProfileRow } from '../queries/kompas.ts';
import { sqlIdentifier, sqlString } from '../queries/sql.ts';
import {
  encodeRows,
  FIRST_MAP_VERSION,
  FIRST_VIEW_INDEX,
  FIRST_VIEW_VERSION,
  type FirstViewIndex,
  firstAreaPath,
} from './firstView.ts';
import { buildFirstMaps } from './firstViewBuild.ts';
import type { LoadedPackage } from './load.ts';
import { areaPartitions, PartitionStore } from './partitions.ts';

/** Rows by area, each area's in the order they came. */
function byArea(rows: readonly ProfileRow[]): Map<string, ProfileRow[]> {
  const out = new Map<string, ProfileRow[]>();
  for (const row of rows) {
    const list = out.get(row.area_code);
    if (list) list.push(row);
    else out.set(row.area_code, [row]);
  }
  return out;
}

/** Areas per batch: the store rebuilds its view over all its tables at every load (10: a fifth less time than 50). */
const BATCH = 10;

/**
 * Runs `run` on a coordinator over a fresh store of the package's files (as the page's store, load.ts), whose tables
 * are dropped after: the build loads far more files than a page ever holds, and one store's view over all of them
 * would be rebuilt at every load.
 */
async function inScratchStore(
  db: Connector,
  pkg: LoadedPackage,
  fetchBytes: (path: string) => Promise<Uint8Array>,
  prefix: string,
  run: (coordinator: Coordinator) => Promise<void>,
): Promise<void> {
  // The map files' periods (`available`) are not needed: the build names each file it loads.
  const store = new PartitionStore(db, fetchBytes, pkg.tables, {
    prefix,
    indicators: pkg.indicators,
    areas: pkg.areas,
    published: pkg.meta.published === 'build',
  });
  const coordinator = new Coordinator(db);
  coordinator.setPartitions(store);
  try {
    await run(coordinator);
  } finally {
    store.close();
    coordinator.retire();
    const tables = await db.query(
      `SELECT table_name FROM duckdb_tables() WHERE starts_with(table_name, ${sqlString(`${prefix}_part_`)})`,
    );
    for (const row of tables.toArray())
      await db.query(`DROP TABLE IF EXISTS ${sqlIdentifier(String(row.toJSON().table_name))}`);
  }
}

/**
 * Hands each `first/` file of a partitioned package to `emit` as soon as it is made (at national scale they do not fit
 * in memory together). A batch is some areas of one gemeente, with a fresh store whose tables are dropped after: an
 * area file's public rows depend on that file alone (published by the build, or on load without sums over the
 * hierarchy), so the batches change no answer (tests/unit/firstViewNational.test.ts asks the page's own requests of
 * one store over the whole package). `fetchBytes` reads a file of the package.
 */
export async function buildPartitionedFirstView(
  db: Connector,
  pkg: LoadedPackage,
  fetchBytes: (path: string) => Promise<Uint8Array>,
  emit: (path: string, text: string) => Promise<void> | void,
  onBatch?: (done: number, total: number) => void,
): Promise<void> {
  if (pkg.partitions === null) throw new Error('not a partitioned package');
  const areas = new Map(pkg.areas.map((a) => [a.code, a]));
  const byGemeente = new Map<string, string[]>();
  for (const a of pkg.areas) {
    const key = a.gemeente ?? a.code;
    byGemeente.set(key, [...(byGemeente.get(key) ?? []), a.code]);
  }
  const batches = [...byGemeente.values()].flatMap((codes) =>
    Array.from({ length: Math.ceil(codes.length / BATCH) }, (_, k) => codes.slice(k * BATCH, (k + 1) * BATCH)),
  );
  let done = 0;
  for (const codes of batches) {
    await inScratchStore(db, pkg, fetchBytes, `gkfirst${done}`, async (coordinator) => {
      // The batch's areas in one Kompas query (the page asks it an area at a time): every area's rows come from its
      // own file's table alone, in the query's order, so each area's share is its answer.
      const partitions = areaPartitions(codes, areas);
      const profile = byArea(decodeProfile(await coordinator.query(kompasQuery({ codes }), partitions)));
      for (const code of codes) await emit(firstAreaPath(code), encodeRows(profile.get(code) ?? []));
    });
    onBatch?.(++done, batches.length);
  }
  // The maps, asked as the map asks them: the choropleth query over each indicator-period file (its rows public: the
  // build published the partitions), one indicator's files at a time in a store of their own.
  let scopes = 0;
  const maps = await buildFirstMaps(db, pkg, emit, (run) =>
    inScratchStore(db, pkg, fetchBytes, `gkfirstmap${scopes++}`, run),
  );
  // The page asks a partitioned package for no social-domain years (nothing is loaded when it opens): it opens on the
  // package's default year, and so must the start screen.
  const index: FirstViewIndex = {
    version: FIRST_VIEW_VERSION,
    social_periods: {},
    maps,
    map_format: FIRST_MAP_VERSION,
  };
  await emit(FIRST_VIEW_INDEX, `${JSON.stringify(index)}\n`);
}
