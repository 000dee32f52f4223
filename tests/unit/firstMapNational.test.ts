/**
 * The first map of a partitioned package (issue 15): the small national package's first/map files give, for the
 * default indicator in every year and at each level the map draws, the rows the page's DuckDB gives for the map's own
 * query (a Coordinator over the package's PartitionStore, loading the indicator-period file), and no hidden figure.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_VIEW_INDEX, fetchFirstView, firstMapRows } from '../../src/data/firstView.ts';
import { loadPartitionedPackage, type PartitionedFiles } from '../../src/data/load.ts';
import { LEVELS, type Level } from '../../src/data/package.ts';
import { Coordinator } from '../../src/db/coordinator.ts';
import { createNodeConnector } from '../../src/db/node.ts';
import { choroplethQuery, decodeChoropleth } from '../../src/queries/choropleth.ts';
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
  it('gives, in every year and at each level, the page’s DuckDB answer to the map’s query', async () => {
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
    const indicator = pkg.meta.default_indicator;
    expect(JSON.parse(text(FIRST_VIEW_INDEX)).maps).toEqual({ [indicator]: pkg.meta.periods });

    // The page's map: one coordinator for the loaded package, each year's query naming its indicator-period file.
    const coordinator = new Coordinator(db);
    coordinator.setPartitions(pkg.partitions);
    const drawn: Level[][] = [['gemeente'], ['wijk'], ['buurt'], ['gemeente', 'wijk'], [...LEVELS]];
    const counts: Record<string, number> = { gemeente: 0, wijk: 0, buurt: 0, secret: 0 };
    for (const period of pkg.meta.periods) {
      const path = first.mapPath(indicator, period);
      expect(path, String(period)).not.toBeNull();
      const rows = await first.mapRows(path!);
      const partition = pkg.partitions!.indicatorPeriod(indicator, period);
      expect(partition, String(period)).not.toBeNull();
      for (const levels of drawn) {
        const duck = decodeChoropleth(
          await coordinator.query(choroplethQuery({ indicator, period, levels }), [partition!]),
        );
        expect(firstMapRows(rows, levels), `${period} ${levels.join(',')}`).toEqual(duck);
      }
      for (const r of rows) {
        counts[r.level] = (counts[r.level] ?? 0) + 1;
        if (r.status === 'secret') {
          // A hidden figure keeps its place on the map without a value.
          expect(r).toMatchObject({ value: null, suppressed: true });
          counts.secret = (counts.secret ?? 0) + 1;
        }
      }
    }
    coordinator.retire();
    // Real rows at every level, and hidden ones among them.
    const years = pkg.meta.periods.length;
    expect(counts.gemeente).toBe(years * pkg.areas.filter((a) => a.level === 'gemeente').length);
    expect(counts.wijk).toBeGreaterThan(years * 10);
    expect(counts.buurt).toBeGreaterThan(years * 100);
    expect(counts.secret).toBeGreaterThan(0);
  }, 600_000);
});
