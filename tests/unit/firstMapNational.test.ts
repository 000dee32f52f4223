/**
 * The first map of a partitioned package (issue 15): the small national package's first/map files give, for a sample
 * of its indicators in every year and at each level the map draws, the rows the page's DuckDB gives for the map's own
 * query (a Coordinator over the package's PartitionStore, loading the indicator-period file), and no hidden figure.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FIRST_MAP_VERSION,
  FIRST_VIEW_INDEX,
  type FirstViewIndex,
  fetchFirstView,
  firstMapRows,
} from '../../src/data/firstView.ts';
import { loadPartitionedPackage, type PartitionedFiles } from '../../src/data/load.ts';
import { LEVELS, type Level } from '../../src/data/package.ts';
import { Coordinator } from '../../src/db/coordinator.ts';
import { createNodeConnector } from '../../src/db/node.ts';
import { choroplethQuery, decodeChoropleth } from '../../src/queries/choropleth.ts';
import { expectEqual } from '../fixtures/expectEqual.ts';
import { smallNational } from './nationalOnce.ts';

let dir = '';
let db: Awaited<ReturnType<typeof createNodeConnector>>;

const text = (path: string) => readFileSync(join(dir, path), 'utf8');

beforeAll(async () => {
  // The run's shared package as the build writes it (read only).
  dir = await smallNational(true);
  db = await createNodeConnector();
}, 900_000);
afterAll(() => {
  db?.close();
});

describe('the first map of the small national package', () => {
  it('gives, for a sample of indicators in every year and at each level, the page’s DuckDB answer', async () => {
    const files: PartitionedFiles = {
      'dataset.json': text('dataset.json'),
      'areas.csv': text('areas.csv'),
      'indicators.csv': text('indicators.csv'),
      'aims.csv': text('aims.csv'),
      'geo/gemeente.geojson': text('geo/gemeente.geojson'),
    };
    const pkg = await loadPartitionedPackage(
      db,
      files,
      '',
      async (path) => new Uint8Array(readFileSync(join(dir, path))),
    );
    const first = (await fetchFirstView('', async (url) => text(url)))!;
    // Every indicator in every year it has a file for (survey indicators skip years), and those only.
    const index = JSON.parse(text(FIRST_VIEW_INDEX)) as FirstViewIndex;
    expect(index.map_format).toBe(FIRST_MAP_VERSION);
    const declared = (JSON.parse(text('dataset.json')) as { indicator_periods: Record<string, number[]> })
      .indicator_periods;
    expect(index.maps).toEqual(declared);
    expect(Object.keys(index.maps!).sort()).toEqual(pkg.indicators.map((i) => i.id).sort());

    // The sample: the default indicator, every fifth, the last, and each indicator kind's first (counts, shares,
    // rates, a survey indicator that skips years) — secret rows among them.
    const ids = pkg.indicators.map((i) => i.id);
    const sample = new Set([
      pkg.meta.default_indicator,
      ...ids.filter((_, k) => k % 5 === 0),
      ids.at(-1)!,
      ...[...new Set(pkg.indicators.map((i) => i.unit))].map((unit) => pkg.indicators.find((i) => i.unit === unit)!.id),
      ids.find((id) => declared[id]!.length < pkg.meta.periods.length)!,
    ]);
    // The page's map: one coordinator for the loaded package, each year's query naming its indicator-period file.
    const coordinator = new Coordinator(db);
    coordinator.setPartitions(pkg.partitions);
    const drawn: Level[][] = [['gemeente'], ['wijk'], ['buurt'], ['gemeente', 'wijk'], [...LEVELS]];
    const counts: Record<string, number> = { gemeente: 0, wijk: 0, buurt: 0, secret: 0, files: 0 };
    const secretIn = new Set<string>();
    for (const indicator of sample)
      for (const period of pkg.meta.periods) {
        const path = first.mapPath(indicator, period);
        const partition = pkg.partitions!.indicatorPeriod(indicator, period);
        // A map file exactly where the package has the indicator-period file.
        expect(path === null, `${indicator} ${period}`).toBe(partition === null);
        if (path === null || partition === null) continue;
        counts.files = (counts.files ?? 0) + 1;
        const rows = await first.mapRows(path);
        for (const levels of drawn) {
          const duck = decodeChoropleth(
            await coordinator.query(choroplethQuery({ indicator, period, levels }), [partition]),
          );
          expectEqual(firstMapRows(rows, levels), duck, `${indicator} ${period} ${levels.join(',')}`);
        }
        for (const r of rows) {
          counts[r.level] = (counts[r.level] ?? 0) + 1;
          if (r.status === 'secret') {
            // A hidden figure keeps its place on the map without a value.
            expect(r).toMatchObject({ value: null, suppressed: true });
            counts.secret = (counts.secret ?? 0) + 1;
            secretIn.add(indicator);
          }
        }
      }
    coordinator.retire();
    // Real rows at every level, hidden ones among them in several indicators, and a survey indicator's gaps.
    expect(sample.size).toBeGreaterThanOrEqual(10);
    expect(counts.files).toBeGreaterThan(sample.size * 5);
    expect(counts.gemeente).toBeGreaterThan(0);
    expect(counts.wijk).toBeGreaterThan(counts.files! * 10);
    expect(counts.buurt).toBeGreaterThan(counts.files! * 100);
    expect(counts.secret).toBeGreaterThan(0);
    expect(secretIn.size).toBeGreaterThan(1);
  }, 900_000);
});
