import { describe, expect, it } from 'vitest';
import { compareValues } from '../../src/compass/compare.ts';
import {
  DETECTABLE_AREAS,
  DETECTABLE_RATE,
  detectableTable,
  isClearChange,
  smallestDetectableChange,
} from '../../src/compass/detectable.ts';

const percent = (x: number, n: number) => ({ value: (x / n) * 100, numerator: x, denominator: n, suppressed: false });

describe('smallestDetectableChange', () => {
  const sizes = [100, 500, 1000, 5000, 20000, 100000];

  for (const side of ['rise', 'fall'] as const) {
    describe(side, () => {
      it('finds a change the compass calls clear, while one person less is not', () => {
        for (const n of sizes) {
          const found = smallestDetectableChange(n, 0.1, side);
          expect(found, String(n)).not.toBeNull();
          const { from, to } = found!;
          expect(from).toBe(Math.round(0.1 * n));
          expect(side === 'rise' ? to > from : to < from).toBe(true);
          expect(isClearChange(n, from, to)).toBe(true);
          expect(isClearChange(n, from, side === 'rise' ? to - 1 : to + 1)).toBe(false);
          // The same verdict from compareValues itself, read along an 'up' indicator.
          const verdict = compareValues(percent(to, n), percent(from, n), { unit: 'percent' }, 'up').verdict;
          expect(verdict).toBe(side === 'rise' ? 'better' : 'worse');
        }
      });

      it('calls no smaller change clear (the search is exhaustive for a small area)', () => {
        const n = 500;
        const { from, to } = smallestDetectableChange(n, 0.1, side)!;
        const step = side === 'rise' ? 1 : -1;
        for (let x = from; x !== to; x += step) expect(isClearChange(n, from, x), `${from} → ${x}`).toBe(false);
      });

      it('is monotone: larger areas detect smaller changes', () => {
        const changes = sizes.map((n) => Math.abs(smallestDetectableChange(n, 0.1, side)!.change));
        for (let i = 1; i < changes.length; i++) expect(changes[i]).toBeLessThan(changes[i - 1]!);
      });

      it('needs a larger change for a larger share (more binomial noise between 0 and 50 %)', () => {
        const at = (rate: number) => Math.abs(smallestDetectableChange(1000, rate, side)!.change);
        expect(at(0.05)).toBeLessThan(at(0.1));
        expect(at(0.1)).toBeLessThan(at(0.3));
      });
    });
  }

  it('gives the change as a proportion of the denominator', () => {
    const found = smallestDetectableChange(1000, 0.1)!;
    expect(found.denominator).toBe(1000);
    expect(found.change).toBeCloseTo((found.to - found.from) / 1000, 12);
    // A plausible size: between 1 and 5 percentage points for 1.000 people at 10 %.
    expect(found.change).toBeGreaterThan(0.01);
    expect(found.change).toBeLessThan(0.05);
  });

  it('is null when no change can be clear, and for impossible input', () => {
    expect(smallestDetectableChange(2, 0.5, 'rise')).toBeNull();
    expect(smallestDetectableChange(2, 0.5, 'fall')).toBeNull();
    expect(smallestDetectableChange(100, 1, 'rise')).toBeNull();
    expect(smallestDetectableChange(100, 0, 'fall')).toBeNull();
    expect(smallestDetectableChange(0, 0.1)).toBeNull();
    expect(smallestDetectableChange(10.5, 0.1)).toBeNull();
    expect(smallestDetectableChange(100, -0.1)).toBeNull();
    expect(smallestDetectableChange(100, 1.1)).toBeNull();
    expect(smallestDetectableChange(100, Number.NaN)).toBeNull();
  });
});

describe('detectableTable', () => {
  it('has a row per area size of the Over page, rise and fall at the page’s share', () => {
    const rows = detectableTable();
    expect(rows.map((r) => r.inhabitants)).toEqual([...DETECTABLE_AREAS]);
    for (const row of rows) {
      expect(row.rise).toEqual(smallestDetectableChange(row.inhabitants, DETECTABLE_RATE, 'rise'));
      expect(row.fall).toEqual(smallestDetectableChange(row.inhabitants, DETECTABLE_RATE, 'fall'));
    }
  });
});
