import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { type Float, type Int, Precision, type Table, Type, tableFromIPC } from 'apache-arrow';
import { csvParse } from 'd3';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { round } from '../../scripts/demo/csv.ts';
import { type Point, pointInGeometry, signedArea2 } from '../../scripts/demo/geometry.ts';
import { generateNational } from '../../scripts/generate-national.ts';
import { findConflicts, ringSegments, ringsOf } from '../../scripts/geo/conflicts.ts';
import { buildLand, EXTENT, inLand, lonLatToKm, nearestCoast } from '../../scripts/national/land.ts';
import type { NationalMeta } from '../../scripts/national/meta.ts';
import { SCALES } from '../../scripts/national/options.ts';
import { OBSERVATION_COLUMNS, type Observation, THEMES, type Unit, unitMultiplier } from '../../src/data/package.ts';
import { validateAims, validateAreaTable, validateDatasetMeta, validateIndicators } from '../../src/data/validate.ts';
import { createNodeConnector } from '../../src/db/node.ts';
import { smallNational } from './nationalOnce.ts';

type Geo = FeatureCollection<Polygon | MultiPolygon, { code: string; name: string; level: string }>;
type Row = Observation;

const dirs: string[] = [];
let out = '';
const read = (path: string) => readFileSync(join(out, path), 'utf8');
const arrow = (path: string): Table => tableFromIPC(readFileSync(join(out, path)));
const rowsOf = (path: string) =>
  arrow(path)
    .toArray()
    .map((r) => r.toJSON() as unknown as Row);

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

function hashes(dir: string): Record<string, string> {
  return Object.fromEntries(
    listFiles(dir)
      .map((f) => [relative(dir, f), createHash('sha256').update(readFileSync(f)).digest('hex')] as const)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

const generate = async () => {
  const parent = mkdtempSync(join(tmpdir(), 'gk-national-'));
  dirs.push(parent);
  // The folder's name is the package id, so both runs use the same one.
  const dir = join(parent, 'national-small');
  mkdirSync(dir);
  // The model's raw counts (the sums over the hierarchy are checked on them); the published files are tested in
  // publishedPartitions.test.ts.
  await generateNational({ out: dir, scale: SCALES.small, seed: 7, log: () => {}, publish: false });
  return dir;
};

beforeAll(async () => {
  // The run's shared raw package (read only); the determinism test below generates its own to compare with it.
  out = await smallNational(false);
}, 600_000);
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('the national generator (small scale)', () => {
  it('writes the same bytes every time', async () => {
    const first = hashes(out);
    expect(Object.keys(first).length).toBeGreaterThan(200);
    expect(hashes(await generate())).toEqual(first);
  });

  it('writes small files the app accepts, with counts that match the files', () => {
    const meta = JSON.parse(read('dataset.json')) as NationalMeta;
    validateDatasetMeta(read('dataset.json'));
    const areas = validateAreaTable(read('areas.csv'));
    const indicators = validateIndicators(read('indicators.csv'));
    const aims = validateAims(read('aims.csv'), indicators, areas, meta.periods);
    expect(aims.length).toBe(12);
    expect(meta.layout).toBe('partitioned');
    expect(meta.scale).toBe('small');
    expect(meta.id).toBe('national-small');
    expect(meta.periods).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    const level = (l: string) => areas.filter((a) => a.level === l).length;
    expect(meta.counts.gemeenten).toBe(level('gemeente'));
    expect(meta.counts.wijken).toBe(level('wijk'));
    expect(meta.counts.buurten).toBe(level('buurt'));
    expect(meta.counts.indicators).toBe(indicators.length);
    expect(meta.counts.periods).toBe(meta.periods.length);
    expect(meta.counts.gemeenten).toBe(12);
    expect(meta.counts.buurten).toBe(500);
    expect(Math.abs(meta.counts.wijken - 110)).toBeLessThan(10);
    expect(indicators.length).toBe(40);
    expect(new Set(indicators.map((i) => i.theme))).toEqual(new Set(THEMES));
    const ipFiles = Object.entries(meta.indicator_periods).flatMap(([id, ys]) =>
      ys.map((y) => `obs/ip/${id}/${y}.arrow`),
    );
    expect(
      listFiles(join(out, 'obs', 'ip'))
        .map((f) => relative(out, f))
        .sort(),
    ).toEqual(ipFiles.sort());
    const rows = ipFiles.reduce((s, f) => s + arrow(f).numRows, 0);
    expect(meta.counts.observations).toBe(rows);
    expect(areas.some((a) => a.code === meta.default_area)).toBe(true);
  });

  it('gives every area but NL00 a feature in its level’s GeoJSON, and parents whose codes fit', () => {
    const areas = csvParse(read('areas.csv'));
    expect(areas.map((a) => a.code)).toEqual([...areas.map((a) => a.code!)].sort());
    const byCode = new Map(areas.map((a) => [a.code!, a]));
    expect(byCode.get('NL00')).toMatchObject({ level: 'land', parent: '', gemeente: '' });
    for (const level of ['gemeente', 'wijk', 'buurt']) {
      const geo = JSON.parse(read(`geo/${level}.geojson`)) as Geo;
      const codes = geo.features.map((f) => f.properties.code);
      expect(codes).toEqual(areas.filter((a) => a.level === level).map((a) => a.code));
      for (const f of geo.features) {
        expect(f.properties.level).toBe(level);
        expect(f.properties.name).toBe(byCode.get(f.properties.code)!.name);
      }
    }
    const pattern = { gemeente: /^GM\d{4}$/, wijk: /^WK\d{6}$/, buurt: /^BU\d{8}$/ } as Record<string, RegExp>;
    for (const a of areas) {
      if (a.level === 'land') continue;
      expect(a.code).toMatch(pattern[a.level!]!);
      const parent = byCode.get(a.parent!)!;
      const expected = { gemeente: 'land', wijk: 'gemeente', buurt: 'wijk' }[a.level as 'wijk'];
      expect(parent.level, a.code).toBe(expected);
      if (a.level !== 'gemeente') expect(a.code!.slice(2, a.code!.length - 2)).toBe(parent.code!.slice(2));
      expect(a.gemeente).toBe(`GM${a.code!.slice(2, 6)}`);
    }
  });

  it('holds the same rows in both partitionings, sorted, with the contract’s columns and types', () => {
    const key = (r: Row) => `${r.area_code}|${r.indicator_id}|${r.period}|${r.value}|${r.numerator}|${r.denominator}`;
    const collect = (paths: string[]) => {
      const keys: string[] = [];
      for (const path of paths) {
        const rows = rowsOf(path);
        for (let i = 1; i < rows.length; i++) {
          const [a, b] = [rows[i - 1]!, rows[i]!];
          const order =
            a.indicator_id < b.indicator_id ||
            (a.indicator_id === b.indicator_id &&
              (a.period < b.period || (a.period === b.period && a.area_code < b.area_code)));
          expect(order, `${path} row ${i}`).toBe(true);
        }
        for (const r of rows) keys.push(key(r));
      }
      return keys.sort();
    };
    const files = (sub: string) => listFiles(join(out, 'obs', sub)).map((f) => relative(out, f));
    const byIndicator = collect(files('ip'));
    const byArea = collect(files('area'));
    expect(byArea.length).toBe(byIndicator.length);
    expect(byArea).toEqual(byIndicator);
    expect(byIndicator.some((k) => k.includes('NaN'))).toBe(false);

    const table = arrow('obs/ip/jeugdhulp_pct/2025.arrow');
    expect(table.schema.fields.map((f) => f.name)).toEqual([...OBSERVATION_COLUMNS]);
    const [area, indicator, period, ...floats] = table.schema.fields;
    for (const f of [area!, indicator!]) {
      expect(f.typeId).toBe(Type.Dictionary);
      expect(f.type.dictionary.typeId).toBe(Type.Utf8);
    }
    expect(period!.typeId).toBe(Type.Int);
    expect((period!.type as Int).bitWidth).toBe(16);
    for (const f of floats) expect((f.type as Float).precision).toBe(Precision.DOUBLE);
    const areas = csvParse(read('areas.csv'));
    expect(table.numRows).toBe(areas.length);
    expect(rowsOf('obs/ip/jeugdhulp_pct/2025.arrow').map((r) => r.area_code)).toEqual(areas.map((a) => a.code));
  });

  it('writes files that DuckDB-WASM reads as the observations table', async () => {
    const db = await createNodeConnector();
    try {
      const gemeente = csvParse(read('areas.csv')).find((a) => a.level === 'gemeente')!.code!;
      await db.insertArrowIPC('ip', readFileSync(join(out, 'obs/ip/jeugdhulp_pct/2025.arrow')));
      await db.insertArrowIPC('area', readFileSync(join(out, `obs/area/${gemeente}.arrow`)));
      const types = (await db.query('DESCRIBE ip')).toArray().map((r) => `${r.column_name} ${r.column_type}`);
      expect(types).toEqual([
        'area_code VARCHAR',
        'indicator_id VARCHAR',
        'period SMALLINT',
        'value DOUBLE',
        'numerator DOUBLE',
        'denominator DOUBLE',
      ]);
      // The gemeente's own file and the map file agree on the gemeente's row.
      const same = await db.query(`SELECT count(*) AS n FROM area JOIN ip USING (area_code, indicator_id, period)
        WHERE area.value IS NOT DISTINCT FROM ip.value AND area.numerator = ip.numerator`);
      expect(Number(same.toArray()[0]!.n)).toBe(1);
    } finally {
      db.close();
    }
  });

  it('computes rates as numerator / denominator and wijken as the sum of their buurten', () => {
    const indicators = new Map(csvParse(read('indicators.csv')).map((i) => [i.id!, i]));
    const areas = csvParse(read('areas.csv'));
    for (const id of ['jeugdhulp_pct', 'bijstand_per_1000', 'eenzaam_pct', 'jeugdhulp_pct_vrouw', 'jongeren_pct']) {
      const multiplier = unitMultiplier(indicators.get(id)!.unit as Unit)!;
      const period = id === 'eenzaam_pct' ? 2024 : 2023;
      const rows = new Map(rowsOf(`obs/ip/${id}/${period}.arrow`).map((r) => [r.area_code, r]));
      for (const r of rows.values()) {
        expect(r.numerator! <= r.denominator!, `${id} ${r.area_code}`).toBe(true);
        expect(r.value).toBe(r.denominator! > 0 ? round((r.numerator! / r.denominator!) * multiplier, 4) : null);
      }
      for (const parent of areas.filter((a) => a.level === 'wijk' || a.level === 'gemeente')) {
        const children = areas.filter((a) =>
          parent.level === 'wijk' ? a.parent === parent.code : a.gemeente === parent.code && a.level === 'buurt',
        );
        const sum = (f: 'numerator' | 'denominator') => children.reduce((s, c) => s + rows.get(c.code!)![f]!, 0);
        expect(rows.get(parent.code!)!.numerator, `${id} ${parent.code}`).toBe(sum('numerator'));
        expect(rows.get(parent.code!)!.denominator).toBe(sum('denominator'));
      }
    }
    const population = rowsOf('obs/ip/inwoners/2025.arrow');
    const buurten = population.filter((r) => r.area_code.startsWith('BU')).map((r) => r.value!);
    expect(Math.min(...buurten)).toBeGreaterThanOrEqual(20);
    expect(Math.max(...buurten)).toBeLessThanOrEqual(6000);
    expect(buurten.some((p) => p < 100)).toBe(true);
  });

  it('tiles the land with buurten, wijken and gemeenten: no gaps, no overlaps, valid rings', () => {
    const levels = Object.fromEntries(
      (['gemeente', 'wijk', 'buurt'] as const).map((l) => [l, (JSON.parse(read(`geo/${l}.geojson`)) as Geo).features]),
    );
    for (const features of Object.values(levels)) {
      const rings = features.flatMap((f) => ringsOf(f.geometry));
      expect(findConflicts(ringSegments(rings))).toEqual([]);
      for (const f of features)
        for (const polygon of f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates)
          polygon.forEach((ring, i) => {
            expect(ring[0]).toEqual(ring[ring.length - 1]);
            expect(signedArea2(ring as Point[]) > 0, f.properties.code).toBe(i === 0);
            for (const [lon, lat] of ring) {
              expect(Math.round(lon! * 1e4) / 1e4).toBe(lon);
              expect(
                lon! >= EXTENT.minLon && lon! <= EXTENT.maxLon && lat! >= EXTENT.minLat && lat! <= EXTENT.maxLat,
              ).toBe(true);
            }
          });
    }
    const land = buildLand(false);
    const gemeenteOf = new Map(csvParse(read('areas.csv')).map((a) => [a.code!, a.gemeente!]));
    let seed = 12345;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    let deepInside = 0;
    let mismatched = 0;
    for (let i = 0; i < 3000; i++) {
      const p: Point = [
        EXTENT.minLon + random() * (EXTENT.maxLon - EXTENT.minLon),
        EXTENT.minLat + random() * (EXTENT.maxLat - EXTENT.minLat),
      ];
      const hits = (l: string) =>
        levels[l]!.filter((f) => pointInGeometry(p, f.geometry)).map((f) => f.properties.code);
      const [buurt, wijk, gemeente] = [hits('buurt'), hits('wijk'), hits('gemeente')];
      expect(buurt.length, `${p}`).toBeLessThanOrEqual(1);
      expect(wijk.length, `${p}`).toBe(buurt.length);
      expect(gemeente.length, `${p}`).toBe(buurt.length);
      const km = lonLatToKm(p);
      if (inLand(land, km) && nearestCoast(land, km).d > 3) {
        deepInside++;
        expect(buurt.length, `${p}`).toBe(1);
      }
      if (buurt.length === 1 && gemeenteOf.get(buurt[0]!) !== gemeente[0]) mismatched++;
    }
    expect(deepInside).toBeGreaterThan(800);
    // All levels are simplified with one set of shared arcs: a gemeente border is exactly its buurten's.
    expect(mismatched).toBe(0);
  });
});
