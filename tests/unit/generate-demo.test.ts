import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParse } from 'd3';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { type Point, pointInGeometry, signedArea2 } from '../../scripts/demo/geometry.ts';
import { DEMO_DIR, generateDemo } from '../../scripts/generate-demo.ts';
import {
  AIM_COLUMNS,
  type AreaProperties,
  type DatasetMeta,
  INDICATOR_COLUMNS,
  OBSERVATION_COLUMNS,
  PACKAGE_FILES,
  THEMES,
  UNITS,
  type Unit,
  unitMultiplier,
} from '../../src/data/package.ts';

const files = generateDemo();
const meta = JSON.parse(files['dataset.json']) as DatasetMeta;
const areas = (JSON.parse(files['areas.geojson']) as FeatureCollection<Geometry | null, AreaProperties>).features;
const indicators = csvParse(files['indicators.csv']);
const observations = csvParse(files['observations.csv']);
const aims = csvParse(files['aims.csv']);

const ofLevel = (level: AreaProperties['level']) => areas.filter((f) => f.properties.level === level);
const geometryOf = (code: string) => areas.find((f) => f.properties.code === code)!.geometry as Polygon | MultiPolygon;
const unitOf = new Map(indicators.map((i) => [i.id!, i.unit as Unit]));
const minCountOf = new Map(indicators.map((i) => [i.id!, Number(i.min_count)]));
const obsByKey = new Map(observations.map((o) => [`${o.area_code}|${o.indicator_id}|${o.period}`, o]));
const obs = (area: string, indicator: string, period: number) => obsByKey.get(`${area}|${indicator}|${period}`);

/** A few points inside a (convex) Voronoi cell: the vertex mean, and halfway from it to three vertices. */
function interiorPoints(feature: Feature<Geometry | null, AreaProperties>): Point[] {
  const ring = (feature.geometry as Polygon).coordinates[0]!.slice(0, -1);
  const c: Point = [
    ring.reduce((s, p) => s + p[0]!, 0) / ring.length,
    ring.reduce((s, p) => s + p[1]!, 0) / ring.length,
  ];
  const half = (p: Position): Point => [(c[0] + p[0]!) / 2, (c[1] + p[1]!) / 2];
  return [c, half(ring[0]!), half(ring[Math.floor(ring.length / 3)]!), half(ring[Math.floor((2 * ring.length) / 3)]!)];
}

describe('the demo generator', () => {
  it('is deterministic and the committed data/demo/ is its output', () => {
    expect(generateDemo()).toEqual(files);
    for (const name of PACKAGE_FILES) {
      expect(readFileSync(join(DEMO_DIR, name), 'utf8'), name).toBe(files[name]);
      expect(files[name].startsWith('\uFEFF'), name).toBe(false);
      expect(files[name].includes('\r'), name).toBe(false);
      expect(files[name].endsWith('\n'), name).toBe(true);
    }
  });

  it('writes the contract columns and a consistent dataset.json', () => {
    expect(files['indicators.csv'].split('\n')[0]).toBe(INDICATOR_COLUMNS.join(','));
    expect(files['observations.csv'].split('\n')[0]).toBe(OBSERVATION_COLUMNS.join(','));
    expect(files['aims.csv'].split('\n')[0]).toBe(AIM_COLUMNS.join(','));
    expect(meta.id).toBe('demo');
    expect(meta.periods).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(meta.default_period).toBe(2025);
    expect(ofLevel('wijk').map((a) => a.properties.code)).toContain(meta.default_area);
    expect(unitOf.get(meta.default_indicator)).toBe('percent');
    for (const o of observations) expect(meta.periods).toContain(Number(o.period));
  });

  it('has the number of areas, indicators and aims it promises', () => {
    expect(ofLevel('land').map((a) => [a.properties.code, a.geometry])).toEqual([['NL00', null]]);
    expect(ofLevel('gemeente').map((a) => a.properties.code)).toEqual(['GM9999']);
    expect(ofLevel('wijk').length).toBeGreaterThanOrEqual(8);
    expect(ofLevel('wijk').length).toBeLessThanOrEqual(12);
    expect(ofLevel('buurt').length).toBeGreaterThanOrEqual(40);
    expect(ofLevel('buurt').length).toBeLessThanOrEqual(80);
    expect(ofLevel('gebied').length).toBeGreaterThanOrEqual(2);
    expect(ofLevel('gebied').length).toBeLessThanOrEqual(3);
    expect(indicators.length).toBeGreaterThanOrEqual(25);
    expect(indicators.length).toBeLessThanOrEqual(40);
    expect(new Set(indicators.map((i) => i.theme))).toEqual(new Set(THEMES));
    for (const i of indicators) expect(UNITS).toContain(i.unit);
    expect(aims.length).toBeGreaterThanOrEqual(8);
    expect(aims.length).toBeLessThanOrEqual(12);
    for (const a of aims) {
      expect(unitOf.has(a.indicator_id!)).toBe(true);
      if (a.area_code) expect(areas.some((f) => f.properties.code === a.area_code)).toBe(true);
    }
  });

  it('links every area to an existing parent and every gebied to buurten', () => {
    const codes = new Set(areas.map((a) => a.properties.code));
    const buurten = new Set(ofLevel('buurt').map((a) => a.properties.code));
    for (const { properties: p } of areas) {
      if (p.level === 'land') expect(p.parent).toBeNull();
      else expect(codes.has(p.parent!), p.code).toBe(true);
      if (p.level === 'gebied') for (const m of p.members!) expect(buurten.has(m), m).toBe(true);
      else expect(p.members, p.code).toBeUndefined();
    }
  });

  it('writes closed rings, counter-clockwise outside and clockwise holes, with 6-decimal coordinates', () => {
    for (const area of areas) {
      if (!area.geometry) continue;
      const geometry = area.geometry as Polygon | MultiPolygon;
      const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
      for (const polygon of polygons)
        polygon.forEach((ring, i) => {
          expect(ring[0], area.properties.code).toEqual(ring[ring.length - 1]);
          expect(signedArea2(ring as Point[]) > 0, area.properties.code).toBe(i === 0);
          for (const [lon, lat] of ring) {
            expect(Math.abs(lon! - 5.9)).toBeLessThan(0.3);
            expect(Math.abs(lat! - 52.55)).toBeLessThan(0.15);
            expect(Math.round(lon! * 1e6) / 1e6).toBe(lon);
          }
        });
    }
  });

  it('tiles the gemeente with buurten: no gaps, no overlaps, nothing outside', () => {
    const gemeente = geometryOf('GM9999');
    const buurten = ofLevel('buurt').map((b) => b.geometry as Polygon);
    const all = (gemeente as Polygon).coordinates.flat();
    const [minX, maxX] = [Math.min(...all.map((p) => p[0]!)), Math.max(...all.map((p) => p[0]!))];
    const [minY, maxY] = [Math.min(...all.map((p) => p[1]!)), Math.max(...all.map((p) => p[1]!))];
    let inside = 0;
    const n = 71;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        // Irrational offsets keep the grid off the shared edges.
        const p: Point = [
          minX + ((i + 0.5 + Math.SQRT2 / 10) / n) * (maxX - minX),
          minY + ((j + 0.5 + Math.PI / 20) / n) * (maxY - minY),
        ];
        const inGemeente = pointInGeometry(p, gemeente);
        const hits = buurten.filter((b) => pointInGeometry(p, b)).length;
        expect(hits, `${p}`).toBe(inGemeente ? 1 : 0);
        if (inGemeente) inside++;
      }
    expect(inside).toBeGreaterThan(0.4 * n * n);
  });

  it('puts every buurt inside its wijk and the gemeente, and a gebied exactly over its members', () => {
    const gebieden = ofLevel('gebied');
    for (const buurt of ofLevel('buurt')) {
      for (const p of interiorPoints(buurt)) {
        expect(pointInGeometry(p, geometryOf(buurt.properties.parent!)), buurt.properties.code).toBe(true);
        expect(pointInGeometry(p, geometryOf('GM9999'))).toBe(true);
        for (const wijk of ofLevel('wijk'))
          if (wijk.properties.code !== buurt.properties.parent)
            expect(pointInGeometry(p, wijk.geometry as Polygon)).toBe(false);
        for (const gebied of gebieden) {
          const member = gebied.properties.members!.includes(buurt.properties.code);
          expect(
            pointInGeometry(p, gebied.geometry as Polygon),
            `${buurt.properties.code} ${gebied.properties.code}`,
          ).toBe(member);
        }
      }
    }
  });

  it('keeps wijk and gemeente figures consistent with their buurten', () => {
    const buurten = ofLevel('buurt').map((b) => b.properties);
    const groups = [
      ...ofLevel('wijk').map((w) => ({
        code: w.properties.code,
        members: buurten.filter((b) => b.parent === w.properties.code),
      })),
      { code: 'GM9999', members: buurten },
    ];
    for (const indicator of ['jeugdhulp_pct', 'bijstand_per_1000', 'laag_inkomen_pct', 'eenzaam_pct', 'wmo_per_1000']) {
      const multiplier = unitMultiplier(unitOf.get(indicator)!)!;
      for (const period of [2016, 2020, 2024, 2025]) {
        if (!obs('GM9999', indicator, period)) continue;
        for (const { code, members } of groups) {
          const row = obs(code, indicator, period)!;
          const sum = (column: 'numerator' | 'denominator') =>
            members.reduce((s, b) => s + Number(obs(b.code, indicator, period)![column]), 0);
          expect(Number(row.numerator), `${code} ${indicator} ${period}`).toBe(sum('numerator'));
          expect(Number(row.denominator), `${code} ${indicator} ${period}`).toBe(sum('denominator'));
          expect(Math.abs(Number(row.value) - (sum('numerator') / sum('denominator')) * multiplier)).toBeLessThan(1e-4);
        }
      }
    }
    for (const { code, members } of groups)
      for (const period of [2015, 2025])
        expect(Number(obs(code, 'inwoners', period)!.value)).toBe(
          members.reduce((s, b) => s + Number(obs(b.code, 'inwoners', period)!.value), 0),
        );
  });

  it('writes rates as integer numerator over denominator, and value = ratio × multiplier', () => {
    let rates = 0;
    for (const o of observations) {
      const multiplier = unitMultiplier(unitOf.get(o.indicator_id!)!);
      if (multiplier === null) {
        expect(o.numerator, o.indicator_id).toBe('');
        expect(o.denominator, o.indicator_id).toBe('');
        if (unitOf.get(o.indicator_id!) === 'count') expect(Number.isInteger(Number(o.value))).toBe(true);
        continue;
      }
      const [num, den] = [Number(o.numerator), Number(o.denominator)];
      expect(Number.isInteger(num) && Number.isInteger(den) && o.numerator !== '' && o.denominator !== '').toBe(true);
      expect(num).toBeLessThanOrEqual(den);
      if (den > 0) expect(Math.abs(Number(o.value) - (num / den) * multiplier)).toBeLessThan(1e-4);
      else expect(o.value).toBe('');
      rates++;
    }
    expect(rates).toBeGreaterThan(10_000);
    for (const o of observations) expect(o.value === '' || /^-?\d+(\.\d*[1-9])?$/.test(o.value!), o.value).toBe(true);
  });

  it('sorts observations by (indicator_id, period, area_code) without duplicate keys', () => {
    for (let i = 1; i < observations.length; i++) {
      const [a, b] = [observations[i - 1]!, observations[i]!];
      const order =
        a.indicator_id! < b.indicator_id!
          ? -1
          : a.indicator_id! > b.indicator_id!
            ? 1
            : Number(a.period) - Number(b.period) ||
              (a.area_code! < b.area_code! ? -1 : a.area_code! > b.area_code! ? 1 : 0);
      expect(order, `row ${i + 1}`).toBeLessThan(0);
    }
    expect(obsByKey.size).toBe(observations.length);
  });

  it('has rows only for buurten, wijken, the gemeente and NL00, and leaves some survey figures without NL00', () => {
    const levels = new Map(areas.map((a) => [a.properties.code, a.properties.level]));
    for (const o of observations) expect(['buurt', 'wijk', 'gemeente', 'land']).toContain(levels.get(o.area_code!));
    const withoutNl = indicators.filter(
      (i) => !observations.some((o) => o.indicator_id === i.id && o.area_code === 'NL00'),
    );
    expect(withoutNl.length).toBeGreaterThanOrEqual(2);
    expect(withoutNl.length).toBeLessThanOrEqual(3);
  });

  it('has buurt figures below min_count, which the app must suppress', () => {
    const buurten = new Set(ofLevel('buurt').map((b) => b.properties.code));
    const below = observations.filter((o) => {
      if (!buurten.has(o.area_code!)) return false;
      const base =
        o.denominator !== ''
          ? Number(o.denominator)
          : unitOf.get(o.indicator_id!) === 'count'
            ? Number(o.value)
            : Infinity;
      return base < minCountOf.get(o.indicator_id!)!;
    });
    expect(below.length).toBeGreaterThanOrEqual(3);
    expect(new Set(below.map((o) => o.area_code)).size).toBeGreaterThanOrEqual(3);
  });

  it('builds in a real change (Voorstad bijstand) and a change within noise (Wiekeloo jeugdhulp)', () => {
    /** Two-proportion z statistic between 2024 and 2025. */
    const z = (area: string, indicator: string) => {
      const [a, b] = [obs(area, indicator, 2024)!, obs(area, indicator, 2025)!];
      const [p1, n1, p2, n2] = [
        Number(a.numerator) / Number(a.denominator),
        Number(a.denominator),
        Number(b.numerator) / Number(b.denominator),
        Number(b.denominator),
      ];
      const p = (p1 * n1 + p2 * n2) / (n1 + n2);
      return (p2 - p1) / Math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2));
    };
    const ratio = (area: string, indicator: string) =>
      Number(obs(area, indicator, 2025)!.value) / Number(obs(area, indicator, 2024)!.value);
    expect(ratio('WK999902', 'bijstand_per_1000')).toBeLessThan(0.85);
    expect(z('WK999902', 'bijstand_per_1000')).toBeLessThan(-3);
    expect(ratio('WK999908', 'jeugdhulp_pct')).not.toBe(1);
    expect(Math.abs(z('WK999908', 'jeugdhulp_pct'))).toBeLessThan(1.5);
  });
});
