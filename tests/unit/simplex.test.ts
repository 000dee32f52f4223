import { describe, expect, it } from 'vitest';
import { maximise, range } from '../../src/disclosure/simplex.ts';

describe('simplex', () => {
  it('solves a textbook LP: max 3x + 5y, x ≤ 4, 2y ≤ 12, 3x + 2y ≤ 18 → 36 at (2, 6)', () => {
    // With slacks as variables: x + s1 = 4, 2y + s2 = 12, 3x + 2y + s3 = 18.
    const value = maximise({
      a: [
        [1, 0, 1, 0, 0],
        [0, 2, 0, 1, 0],
        [3, 2, 0, 0, 1],
      ],
      b: [4, 12, 18],
      upper: [Infinity, Infinity, Infinity, Infinity, Infinity],
      c: [3, 5, 0, 0, 0],
    });
    expect(value).toBeCloseTo(36, 9);
  });

  it('gives the range of a hidden cell: a + b = 5, a, b ≥ 0 → a in [0, 5]; with b ≤ 2 → [3, 5]', () => {
    expect(range({ a: [[1, 1]], b: [5], upper: [Infinity, Infinity] }, 0)).toEqual({ low: 0, high: 5 });
    const r = range({ a: [[1, 1]], b: [5], upper: [Infinity, 2] }, 0)!;
    expect(r.low).toBeCloseTo(3, 9);
    expect(r.high).toBeCloseTo(5, 9);
  });

  it('a cell alone in its equation is determined; infeasible and unbounded systems are told apart', () => {
    const r = range(
      {
        a: [
          [1, 0],
          [0, 1],
        ],
        b: [3, 4],
        upper: [Infinity, Infinity],
      },
      1,
    )!;
    expect(r.low).toBeCloseTo(4, 9);
    expect(r.high).toBeCloseTo(4, 9);
    expect(maximise({ a: [[1, 1]], b: [-1], upper: [Infinity, Infinity], c: [1, 0] })).toBeNull();
    expect(maximise({ a: [[1, -1]], b: [0], upper: [Infinity, Infinity], c: [1, 0] })).toBe(Infinity);
  });
});
