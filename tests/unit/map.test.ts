import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { type MapGeometry, scopeBounds } from '../../src/data/mapGeometry.ts';
import { NO_DATA_COLOR, quantileColorScale, SEQUENTIAL } from '../../src/views/map/colorScale.ts';
import { type AreaPaint, applyPaint } from '../../src/views/map/featureState.ts';

describe('quantileColorScale', () => {
  it('puts about as many areas in each of five classes', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    const scale = quantileColorScale(values);
    expect(scale.classes.map((c) => [c.from, c.to])).toEqual([
      [1, 20.8],
      [20.8, 40.6],
      [40.6, 60.4],
      [60.4, 80.2],
      [80.2, 100],
    ]);
    expect(scale.color(1)).toBe(SEQUENTIAL[0]);
    expect(scale.color(20.8)).toBe(SEQUENTIAL[1]);
    expect(scale.color(100)).toBe(SEQUENTIAL[4]);
  });

  it('merges equal breaks instead of making empty classes', () => {
    const scale = quantileColorScale([5, 5, 5, 5, 5, 9]);
    expect(scale.classes).toEqual([{ from: 5, to: 9, color: SEQUENTIAL[2] }]);
    const two = quantileColorScale([1, 1, 1, 2, 3, 3, 3, 3]);
    expect(two.classes.map((c) => c.color)).toEqual([SEQUENTIAL[0], SEQUENTIAL[4]]);
  });

  it('has no classes without values', () => {
    const scale = quantileColorScale([]);
    expect(scale.classes).toEqual([]);
    expect(scale.color(3)).toBe(NO_DATA_COLOR);
  });
});

describe('applyPaint', () => {
  it('touches only changed areas and resets areas no longer painted', () => {
    const calls: [string, Record<string, unknown>][] = [];
    const map = {
      setFeatureState: (f: { source: string; id: string }, s: Record<string, unknown>) =>
        calls.push([`${f.source}/${f.id}`, s]),
    };
    const before = new Map<string, AreaPaint>([
      ['A', { source: 's', color: '#111', suppressed: false }],
      ['B', { source: 's', color: '#222', suppressed: false }],
      ['C', { source: 't', color: null, suppressed: true }],
    ]);
    const after = new Map<string, AreaPaint>([
      ['A', { source: 's', color: '#111', suppressed: false }],
      ['B', { source: 's', color: '#333', suppressed: false }],
      ['D', { source: 's', color: '#444', suppressed: false }],
    ]);
    expect(applyPaint(map, before, after)).toBe(3);
    expect(calls).toEqual([
      ['s/B', { color: '#333', suppressed: false, missing: null }],
      ['s/D', { color: '#444', suppressed: false, missing: null }],
      ['t/C', { color: null, suppressed: false, missing: null }],
    ]);
  });
});

describe('scopeBounds', () => {
  const square = (code: string, level: string, x: number, y: number, size: number) => ({
    type: 'Feature' as const,
    properties: { code, level },
    geometry: {
      type: 'Polygon' as const,
      coordinates: [
        [
          [x, y],
          [x + size, y],
          [x + size, y + size],
          [x, y + size],
          [x, y],
        ],
      ],
    },
  });
  const collection = (features: ReturnType<typeof square>[]): FeatureCollection => ({
    type: 'FeatureCollection',
    features,
  });
  const gemeenten = collection([square('GM0001', 'gemeente', 4, 52, 1), square('GM0002', 'gemeente', 6, 51, 0.5)]);
  const wijken = collection([square('WK000101', 'wijk', 4, 52, 0.4), square('WK000102', 'wijk', 4.5, 52.5, 0.5)]);

  it('fits one gemeente by its own outline when the gemeenten are held in JS (a partitioned package)', () => {
    const geometry: MapGeometry = {
      sources: [
        { id: 'areas-gemeente', data: gemeenten, levels: ['gemeente'] },
        { id: 'areas-wijk', data: 'geo/wijk.geojson', levels: ['wijk'] },
      ],
      bounds: [4, 51, 6.5, 53],
      gemeenten: 2,
    };
    expect(scopeBounds(geometry, 'GM0002', new Set())).toEqual([6, 51, 6.5, 51.5]);
  });

  it('falls back to the bounds of the scoped areas, and to null when none is held', () => {
    const geometry: MapGeometry = {
      sources: [{ id: 'areas', data: wijken, levels: ['wijk'] }],
      bounds: [4, 52, 5, 53],
      gemeenten: 1,
    };
    expect(scopeBounds(geometry, 'GM0001', new Set(['WK000101', 'WK000102']))).toEqual([4, 52, 5, 53]);
    expect(scopeBounds(geometry, 'GM0001', new Set(['WK000101']))).toEqual([4, 52, 4.4, 52.4]);
    expect(scopeBounds(geometry, 'GM0003', new Set(['WK000301']))).toBeNull();
  });
});
