import { describe, expect, it } from 'vitest';
import { leastSquares, pearson } from '../../src/compass/correlation.ts';

describe('pearson', () => {
  it('matches the hand computation', () => {
    // x̄ = 3, ȳ = 4; Σdx² = 10, Σdy² = 6, Σdxdy = 6: r = 6 / √60.
    expect(pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])).toBeCloseTo(6 / Math.sqrt(60), 15);
    expect(pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])).toBeCloseTo(0.7745966692, 10);
  });

  it('is ±1 on a line and symmetric in its arguments', () => {
    expect(pearson([1, 2, 3], [10, 20, 30])).toBe(1);
    expect(pearson([1, 2, 3, 4], [8, 6, 4, 2])).toBe(-1);
    const xs = [3.1, 4.7, 2.2, 9.4, 5.5];
    const ys = [12, 15, 9, 30, 14];
    expect(pearson(xs, ys)).toBeCloseTo(pearson(ys, xs)!, 15);
  });

  it('uses only pairs where both values are numbers', () => {
    expect(pearson([1, null, 2, 3, 4, 5, Number.NaN], [2, 7, 4, 5, 4, 5, 1])).toBeCloseTo(6 / Math.sqrt(60), 15);
  });

  it('is null with fewer than 3 pairs or without variance', () => {
    expect(pearson([], [])).toBeNull();
    expect(pearson([1, 2], [3, 4])).toBeNull();
    expect(pearson([1, 2, null], [3, 4, 5])).toBeNull();
    expect(pearson([2, 2, 2], [1, 2, 3])).toBeNull();
    expect(pearson([1, 2, 3], [5, 5, 5])).toBeNull();
  });

  it('keeps its digits for large values', () => {
    const big = 1e9;
    expect(pearson([big + 1, big + 2, big + 3, big + 4, big + 5], [2, 4, 5, 4, 5])).toBeCloseTo(6 / Math.sqrt(60), 12);
  });
});

describe('leastSquares', () => {
  it('matches the hand computation', () => {
    // slope = Σdxdy / Σdx² = 6/10; intercept = ȳ − slope·x̄ = 4 − 1,8; r² = 6² / (10·6).
    const fit = leastSquares([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])!;
    expect(fit.slope).toBeCloseTo(0.6, 15);
    expect(fit.intercept).toBeCloseTo(2.2, 15);
    expect(fit.r2).toBeCloseTo(0.6, 15);
    expect(fit.n).toBe(5);
  });

  it('fits a line exactly, skipping unpaired values', () => {
    expect(leastSquares([0, 1, null, 2, 4], [1, 3, 100, 5, 9])).toEqual({ slope: 2, intercept: 1, r2: 1, n: 4 });
  });

  it('has no r² for a flat y and no line for a constant x or fewer than two pairs', () => {
    expect(leastSquares([1, 2, 3], [4, 4, 4])).toEqual({ slope: 0, intercept: 4, r2: null, n: 3 });
    expect(leastSquares([2, 2, 2], [1, 2, 3])).toBeNull();
    expect(leastSquares([1], [1])).toBeNull();
    expect(leastSquares([], [])).toBeNull();
  });
});
