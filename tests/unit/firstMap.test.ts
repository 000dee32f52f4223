import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DIR } from '../../scripts/generate-demo.ts';
import { profileSource } from '../../src/app/useKompasModel.ts';
import {
  decodeMapRows,
  FIRST_VIEW_INDEX,
  type FirstView,
  fetchFirstView,
  firstMapPath,
  firstMapRows,
} from '../../src/data/firstView.ts';
import { buildFirstMaps, buildFirstView } from '../../src/data/firstViewBuild.ts';
import { type LoadedPackage, loadPackage } from '../../src/data/load.ts';
import { type Level, PACKAGE_FILES, type PackageFiles } from '../../src/data/package.ts';
import { createNodeConnector } from '../../src/db/node.ts';
import { choroplethQuery, decodeChoropleth } from '../../src/queries/choropleth.ts';

const files = Object.fromEntries(
  PACKAGE_FILES.map((name) => [name, readFileSync(join(DEMO_DIR, name), 'utf8')]),
) as unknown as PackageFiles;
/** The committed first view, read as the page reads it (a missing file answers null, as a 404). */
const readCommitted = async (url: string) => {
  try {
    return readFileSync(join(DEMO_DIR, url), 'utf8');
  } catch {
    return null;
  }
};

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
  first = (await fetchFirstView('', readCommitted))!;
}, 120_000);
afterAll(() => db?.close());

describe('the precomputed map of the demo', () => {
  it('is committed as the build writes it, one file per year of the default indicator, listed in the index', async () => {
    const built = await buildFirstView(db, pkg);
    const maps = [...built.keys()].filter((p) => p.startsWith('first/map/'));
    expect(maps.sort()).toEqual(pkg.meta.periods.map((p) => firstMapPath('jeugdhulp_pct', p)).sort());
    for (const path of maps) expect(await readCommitted(path), path).toBe(built.get(path));
    const index = JSON.parse((await readCommitted(FIRST_VIEW_INDEX))!) as { maps: Record<string, number[]> };
    expect(index.maps).toEqual({ jeugdhulp_pct: pkg.meta.periods });
  });

  it('gives, for every year and every level the map draws, the rows DuckDB gives', async () => {
    const indicator = pkg.meta.default_indicator;
    let valued = 0;
    let missing = 0;
    for (const period of pkg.meta.periods) {
      const path = first.mapPath(indicator, period);
      expect(path, String(period)).toBe(firstMapPath(indicator, period));
      expect(profileSource(first, false, [path!])).toBe('first');
      const all = await first.mapRows(path!);
      expect(first.cachedMap(path!)).toBe(all);
      for (const levels of LEVEL_CHOICES) {
        const duck = decodeChoropleth(await db.query(choroplethQuery({ indicator, period, levels })));
        expect(firstMapRows(all, levels), `${period} ${levels.join('+')}`).toEqual(duck);
      }
      valued += all.filter((r) => r.value !== null).length;
      missing += all.filter((r) => r.value === null).length;
    }
    // The comparison covered coloured areas and areas without a value alike.
    expect(valued).toBeGreaterThan(500);
    expect(missing).toBeGreaterThan(0);
  }, 120_000);

  it('holds no value the disclosure rules hide', async () => {
    const built = await buildFirstMaps(db, pkg);
    const hidden = decodeChoropleth(
      await db.query(`SELECT o.area_code AS code, a.level, o.value, o.suppressed, o.status
        FROM observations o JOIN areas a ON a.code = o.area_code
        WHERE o.indicator_id = 'jeugdhulp_pct' AND o.status = 'secret'`),
    );
    expect(hidden.length).toBeGreaterThan(0);
    const secret = new Set(hidden.map((r) => r.code));
    let seen = 0;
    for (const [path, text] of built.files)
      for (const row of decodeMapRows(text)) {
        if (row.status !== 'secret') continue;
        seen++;
        expect(secret.has(row.code), path).toBe(true);
        expect(row, path).toMatchObject({ value: null, suppressed: true });
      }
    expect(seen).toBe(hidden.length);
  });

  it('leaves to DuckDB another indicator, own data, and a file that is missing or broken', async () => {
    expect(first.mapPath('wmo_per_1000', 2025)).toBeNull();
    expect(first.mapPath('jeugdhulp_pct', 2010)).toBeNull();
    const path = firstMapPath('jeugdhulp_pct', 2025);
    expect(profileSource(first, true, [path])).toBe('duckdb');
    const broken = await fetchFirstView('', async (url) =>
      url === FIRST_VIEW_INDEX
        ? readCommitted(url)
        : url.endsWith('2025.json')
          ? '{"version":1,"rows":[["WK999901","dorp",1,0,null]]}'
          : null,
    );
    await expect(broken!.mapRows(path)).rejects.toThrow('not a first-view map row');
    await expect(broken!.mapRows(firstMapPath('jeugdhulp_pct', 2024))).rejects.toThrow('missing');
    expect(broken!.cachedMap(path)).toBeUndefined();
  });
});
