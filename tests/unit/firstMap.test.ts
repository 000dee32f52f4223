import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profileSource } from '../../src/app/useKompasModel.ts';
import {
  decodeMapAreas,
  decodeMapRows,
  encodeMapAreas,
  encodeMapRows,
  FIRST_MAP_AREAS,
  FIRST_MAP_VERSION,
  FIRST_VIEW_INDEX,
  type FirstView,
  type FirstViewIndex,
  fetchFirstView,
  firstMapPath,
  firstMapRows,
  MAP_FILES_KEPT,
} from '../../src/data/firstView.ts';
import { buildFirstMaps, buildFirstView } from '../../src/data/firstViewBuild.ts';
import { type LoadedPackage, loadPackage } from '../../src/data/load.ts';
import type { Level } from '../../src/data/package.ts';
import { createNodeConnector } from '../../src/db/node.ts';
import { type ChoroplethRow, choroplethQuery, decodeChoropleth } from '../../src/queries/choropleth.ts';
import { expectEqual } from '../fixtures/expectEqual.ts';
import { DEMO, readDemoFile, readPackage } from '../fixtures/readPackage.ts';

const files = readPackage(DEMO);

/**
 * Every level choice of the map (MapPanel's drawnLevels: `auto` is wijk and buurt for one gemeente, with the
 * gemeenten for many; a fixed level is that level alone).
 */
const LEVEL_CHOICES: Level[][] = [
  ['wijk', 'buurt'],
  ['gemeente', 'wijk', 'buurt'],
  ['gemeente'],
  ['wijk'],
  ['buurt'],
  ['gebied'],
];

let db: Awaited<ReturnType<typeof createNodeConnector>>;
let pkg: LoadedPackage;
let first: FirstView;

beforeAll(async () => {
  db = await createNodeConnector();
  pkg = await loadPackage(db, files);
  first = (await fetchFirstView('', readDemoFile))!;
}, 120_000);
afterAll(() => db?.close());

describe('the precomputed map of the demo', () => {
  it('is committed as the build writes it, one file per indicator and year, listed in the index', async () => {
    const built = await buildFirstView(db, pkg);
    const maps = [...built.keys()].filter((p) => p.startsWith('first/map/'));
    const expected = pkg.indicators.flatMap((i) => pkg.meta.periods.map((p) => firstMapPath(i.id, p)));
    expect(maps.sort()).toEqual([FIRST_MAP_AREAS, ...expected].sort());
    for (const path of maps) expect(await readDemoFile(path), path).toBe(built.get(path));
    const index = JSON.parse((await readDemoFile(FIRST_VIEW_INDEX))!) as FirstViewIndex;
    expect(index.maps).toEqual(Object.fromEntries(pkg.indicators.map((i) => [i.id, pkg.meta.periods])));
    expect(index.map_format).toBe(FIRST_MAP_VERSION);
  });

  it('gives, for every indicator, year and level the map draws, the rows DuckDB gives', async () => {
    let valued = 0;
    let missing = 0;
    let suppressed = 0;
    for (const { id: indicator } of pkg.indicators)
      for (const period of pkg.meta.periods) {
        const path = first.mapPath(indicator, period);
        expect(path, `${indicator} ${period}`).toBe(firstMapPath(indicator, period));
        expect(profileSource(first, false, [path!])).toBe('first');
        const all = await first.mapRows(path!);
        expect(first.cachedMap(path!)).toBe(all);
        for (const levels of LEVEL_CHOICES) {
          const duck = decodeChoropleth(await db.query(choroplethQuery({ indicator, period, levels })));
          expectEqual(firstMapRows(all, levels), duck, `${indicator} ${period} ${levels.join('+')}`);
        }
        valued += all.filter((r) => r.value !== null).length;
        missing += all.filter((r) => r.value === null).length;
        suppressed += all.filter((r) => r.suppressed).length;
      }
    // The comparison covered coloured areas, areas without a value and suppressed ones alike.
    expect(valued).toBeGreaterThan(10_000);
    expect(missing).toBeGreaterThan(0);
    expect(suppressed).toBeGreaterThan(0);
  }, 300_000);

  it('holds no value the disclosure rules hide', async () => {
    const built = new Map<string, string>();
    await buildFirstMaps(db, pkg, (path, text) => {
      built.set(path, text);
    });
    const hidden = decodeChoropleth(
      await db.query(`SELECT o.area_code AS code, a.level, o.value, o.suppressed, o.status
        FROM observations o JOIN areas a ON a.code = o.area_code
        WHERE o.status = 'secret'`),
    );
    expect(hidden.length).toBeGreaterThan(0);
    const order = decodeMapAreas(built.get(FIRST_MAP_AREAS)!);
    let seen = 0;
    for (const [path, text] of built) {
      if (path === FIRST_MAP_AREAS) continue;
      for (const row of decodeMapRows(text, order)) {
        if (row.status !== 'secret') continue;
        seen++;
        expect(row, path).toMatchObject({ value: null, suppressed: true });
      }
    }
    expect(seen).toBe(hidden.length);
  });

  it('keeps a few decoded files, the most recently asked', async () => {
    const fresh = (await fetchFirstView('', readDemoFile))!;
    const paths = pkg.indicators.slice(0, MAP_FILES_KEPT + 2).map((i) => firstMapPath(i.id, 2025));
    const firstRows = await fresh.mapRows(paths[0]!);
    for (const path of paths.slice(1, MAP_FILES_KEPT)) await fresh.mapRows(path);
    // Asked again, the first file is the most recent: the next two files let go of the second and third instead.
    expect(await fresh.mapRows(paths[0]!)).toBe(firstRows);
    await fresh.mapRows(paths[MAP_FILES_KEPT]!);
    await fresh.mapRows(paths[MAP_FILES_KEPT + 1]!);
    expect(fresh.cachedMap(paths[0]!)).toBe(firstRows);
    expect(fresh.cachedMap(paths[1]!)).toBeUndefined();
    expect(fresh.cachedMap(paths[2]!)).toBeUndefined();
    expect(fresh.cachedMap(paths[3]!)).toBeDefined();
    // A file let go is fetched again when asked, with the same rows.
    expect(await fresh.mapRows(paths[1]!)).toEqual(await first.mapRows(paths[1]!));
  });

  it('leaves to DuckDB an unknown indicator or year, own data, another format and a broken or missing file', async () => {
    expect(first.mapPath('geen_indicator', 2025)).toBeNull();
    expect(first.mapPath('jeugdhulp_pct', 2010)).toBeNull();
    const path = firstMapPath('jeugdhulp_pct', 2025);
    expect(profileSource(first, true, [path])).toBe('duckdb');
    // An index of the first map format (one row array per file) lists no map this page reads.
    const index = JSON.parse((await readDemoFile(FIRST_VIEW_INDEX))!) as FirstViewIndex;
    const old = await fetchFirstView('', async (url) =>
      url === FIRST_VIEW_INDEX ? JSON.stringify({ ...index, map_format: undefined }) : readDemoFile(url),
    );
    expect(old!.mapPath('jeugdhulp_pct', 2025)).toBeNull();
    const broken = await fetchFirstView('', async (url) =>
      url === FIRST_VIEW_INDEX || url === FIRST_MAP_AREAS
        ? readDemoFile(url)
        : url.endsWith('2025.json')
          ? '{"version":2,"areas":89,"runs":[0,90],"values":[]}'
          : null,
    );
    await expect(broken!.mapRows(path)).rejects.toThrow('not a first-view map file');
    await expect(broken!.mapRows(firstMapPath('jeugdhulp_pct', 2024))).rejects.toThrow('missing');
    expect(broken!.cachedMap(path)).toBeUndefined();
    const noOrder = await fetchFirstView('', async (url) => (url === FIRST_MAP_AREAS ? null : readDemoFile(url)));
    await expect(noOrder!.mapRows(path)).rejects.toThrow('missing');
  });
});

describe('the map file format', () => {
  const order = decodeMapAreas(
    encodeMapAreas({
      codes: ['BU1', 'BU2', 'BU3', 'GM1', 'WK1'],
      levels: ['buurt', 'buurt', 'buurt', 'gemeente', 'wijk'],
    }),
  );
  it('gives back every kind of row, with gaps in the area order', () => {
    const rows: ChoroplethRow[] = [
      { code: 'BU1', level: 'buurt', value: 0.1 + 0.2, suppressed: false, status: null },
      { code: 'BU3', level: 'buurt', value: null, suppressed: true, status: 'secret' },
      { code: 'GM1', level: 'gemeente', value: null, suppressed: false, status: 'not_yet_available' },
      { code: 'WK1', level: 'wijk', value: -3, suppressed: false, status: 'no_inhabitants' },
    ];
    const text = encodeMapRows(rows, order);
    expect(JSON.parse(text)).toMatchObject({ runs: [0, 1, 1, 3], values: [0.1 + 0.2, -3] });
    expect(decodeMapRows(text, order)).toEqual(rows);
    expect(decodeMapRows(encodeMapRows([], order), order)).toEqual([]);
  });
  it('refuses rows out of the area order, and a file of another order', () => {
    const row = (code: string, level: Level): ChoroplethRow => ({
      code,
      level,
      value: 1,
      suppressed: false,
      status: null,
    });
    expect(() => encodeMapRows([row('BU2', 'buurt'), row('BU1', 'buurt')], order)).toThrow('not in the map');
    expect(() => encodeMapRows([row('BU9', 'buurt')], order)).toThrow('not in the map');
    expect(() => encodeMapRows([row('BU1', 'wijk')], order)).toThrow('not in the map');
    const text = encodeMapRows([row('BU1', 'buurt')], order);
    expect(() => decodeMapRows(text, { codes: ['BU1'], levels: ['buurt'] })).toThrow('not a first-view map file');
    expect(() => decodeMapRows(text.replace('"values":[1]', '"values":[1,2]'), order)).toThrow();
  });
});
