import { describe, expect, it } from 'vitest';
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
      ['s/B', { color: '#333', suppressed: false }],
      ['s/D', { color: '#444', suppressed: false }],
      ['t/C', { color: null, suppressed: false }],
    ]);
  });
});
