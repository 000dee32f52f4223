import { describe, expect, it } from 'vitest';
import {
  chiSquareQuantile,
  countModel,
  gammaP,
  garwoodInterval,
  tQuantile,
  valueInterval,
  wilsonInterval,
} from '../../src/compass/intervals.ts';

describe('wilsonInterval', () => {
  it('matches the published 81 of 263 example (Newcombe 1998; Agresti & Coull 1998)', () => {
    // p = 81/263 = 0,307985; z² = 3,8416; z²/n = 0,014607
    // centre = (0,307985 + 3,8416/526) / 1,014607 = 0,315288 / 1,014607 = 0,310749
    // half = 1,96/1,014607 · √(0,307985·0,692015/263 + 3,8416/(4·263²)) = 1,931783 · √0,00082428 = 0,055461
    // → [0,2553; 0,3662]
    const i = wilsonInterval(81, 263)!;
    expect(i.low).toBeCloseTo(0.2553, 4);
    expect(i.high).toBeCloseTo(0.3662, 4);
  });

  it('is [0, z²/(n+z²)] for 0 of n and [n/(n+z²), 1] for n of n', () => {
    // 0/10: high = 3,8416 / 13,8416 = 0,27754; 10/10: low = 10 / 13,8416 = 0,72246
    expect(wilsonInterval(0, 10)).toEqual({ low: 0, high: expect.closeTo(0.2775, 4) });
    expect(wilsonInterval(10, 10)).toEqual({ low: expect.closeTo(0.7225, 4), high: 1 });
    expect(wilsonInterval(0, 10)!.high).toBeCloseTo(3.8416 / 13.8416, 12);
  });

  it('gives null without people, and for impossible counts', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(wilsonInterval(1, -5)).toBeNull();
    expect(wilsonInterval(11, 10)).toBeNull();
    expect(wilsonInterval(-1, 10)).toBeNull();
  });

  it('takes another z', () => {
    // z = 1: 0/4 → high = 1/(4+1) = 0,2
    expect(wilsonInterval(0, 4, 1)!.high).toBeCloseTo(0.2, 12);
  });
});

describe('garwoodInterval (exact Poisson)', () => {
  it('matches the chi-square tables: [χ²(0,025; 2x)/2, χ²(0,975; 2x+2)/2]', () => {
    // 0 events: upper = −ln(0,025) = 3,68888 (Gamma(1) is the exponential distribution)
    expect(garwoodInterval(0)).toEqual({ low: 0, high: expect.closeTo(-Math.log(0.025), 10) });
    expect(garwoodInterval(0)!.high).toBeCloseTo(3.6889, 4);
    // 5 events: χ²(0,025; 10) = 3,2470 → 1,6235; χ²(0,975; 12) = 23,3367 → 11,6683
    expect(garwoodInterval(5)!.low).toBeCloseTo(1.6235, 4);
    expect(garwoodInterval(5)!.high).toBeCloseTo(11.6683, 4);
    // 10 events: χ²(0,025; 20) = 9,5908 → 4,7954; χ²(0,975; 22) = 36,7807 → 18,3904
    expect(garwoodInterval(10)!.low).toBeCloseTo(4.7954, 4);
    expect(garwoodInterval(10)!.high).toBeCloseTo(18.3904, 4);
  });

  it('has the closed form −ln(0,975) as the lower end for 1 event', () => {
    expect(garwoodInterval(1)!.low).toBeCloseTo(-Math.log(0.975), 12);
    expect(garwoodInterval(1)!.high).toBeCloseTo(5.5716, 4);
  });

  it("stays exact for a gemeente's large counts (reference: SciPy gamma.ppf)", () => {
    // The series and continued fraction need ~√a terms there; a fixed cap of 1.000 put 10⁶ off by 28.
    expect(garwoodInterval(100_000)!.low).toBeCloseTo(99381.15266, 4);
    expect(garwoodInterval(1_000_000)!.low).toBeCloseTo(998040.98334, 3);
    expect(garwoodInterval(1_000_000)!.high).toBeCloseTo(1001961.91195, 3);
  });

  it('gives null for a negative or non-finite count', () => {
    expect(garwoodInterval(-1)).toBeNull();
    expect(garwoodInterval(Number.NaN)).toBeNull();
  });
});

describe('distribution functions', () => {
  it('chi-square with 1 df at 0,95 is 1,959964² = 3,841459', () => {
    expect(chiSquareQuantile(0.95, 1)).toBeCloseTo(1.959963984540054 ** 2, 9);
    expect(chiSquareQuantile(0.025, 10)).toBeCloseTo(3.247, 3);
  });

  it('gammaP is the exponential distribution for shape 1: 1 − e^(−x)', () => {
    expect(gammaP(1, 2)).toBeCloseTo(1 - Math.exp(-2), 13);
    expect(gammaP(1, 0.3)).toBeCloseTo(1 - Math.exp(-0.3), 13);
  });

  it('t quantiles match the table and the closed forms for 1 and 2 df', () => {
    // df 1: tan(π·0,475) = 12,7062; df 2: 0,95 / √(2·0,975·0,025) = 0,95 / 0,220794 = 4,3027
    expect(tQuantile(0.975, 1)).toBeCloseTo(Math.tan(Math.PI * 0.475), 9);
    expect(tQuantile(0.975, 2)).toBeCloseTo(0.95 / Math.sqrt(2 * 0.975 * 0.025), 9);
    expect(tQuantile(0.975, 8)).toBeCloseTo(2.306, 3);
    expect(tQuantile(0.975, 30)).toBeCloseTo(2.0423, 4);
    expect(tQuantile(0.025, 8)).toBeCloseTo(-2.306, 3);
    expect(tQuantile(0.5, 5)).toBe(0);
    expect(tQuantile(0.975, 0)).toBeNaN();
  });
});

describe('valueInterval', () => {
  const percent = { unit: 'percent' as const };
  const perThousand = { unit: 'per_1000' as const };

  it('is the Wilson interval scaled to percent', () => {
    const i = valueInterval({ value: 30.8, numerator: 81, denominator: 263 }, percent)!;
    expect(i.low).toBeCloseTo(25.53, 2);
    expect(i.high).toBeCloseTo(36.62, 2);
  });

  it('is the Wilson interval scaled to per 1.000 when the numerator counts people of the denominator', () => {
    // 5 of 2.000: Wilson [0,0010683; 0,0058392] × 1.000
    const i = valueInterval({ value: 2.5, numerator: 5, denominator: 2000 }, perThousand)!;
    expect(i.low).toBeCloseTo(1.0683, 4);
    expect(i.high).toBeCloseTo(5.8392, 4);
  });

  it('is the Garwood interval / denominator × 1.000 for events that can outnumber the people', () => {
    // 10 events among 5 people: [4,7954; 18,3904] / 5 × 1.000 = [959,08; 3678,07]
    const i = valueInterval({ value: 2000, numerator: 10, denominator: 5 }, perThousand)!;
    expect(i.low).toBeCloseTo(959.08, 2);
    expect(i.high).toBeCloseTo(3678.07, 2);
    expect(countModel({ value: 2000, numerator: 10, denominator: 5 }, perThousand)).toBe('poisson');
  });

  it('is null for counts, averages, missing counts, a denominator of 0 and a missing value', () => {
    expect(valueInterval({ value: 410, numerator: 410, denominator: 1000 }, { unit: 'count' })).toBeNull();
    expect(valueInterval({ value: 31.2, numerator: 31200, denominator: 1000 }, { unit: 'euro_x1000' })).toBeNull();
    expect(valueInterval({ value: 12, numerator: null, denominator: 100 }, percent)).toBeNull();
    expect(valueInterval({ value: 12, numerator: 0, denominator: 0 }, percent)).toBeNull();
    expect(valueInterval({ value: null, numerator: 12, denominator: 100 }, percent)).toBeNull();
  });

  it('is null for a percentage whose numerator exceeds its denominator (an error, not a rate)', () => {
    expect(valueInterval({ value: 120, numerator: 12, denominator: 10 }, percent)).toBeNull();
  });
});
