import { describe, expect, it } from 'vitest';
import type { PeriodMeasurement } from '../../src/compass/compare.ts';
import { estimateDispersion } from '../../src/compass/dispersion.ts';
import { benjaminiHochberg, bhAdjusted } from '../../src/compass/fdr.ts';
import { normalCdf, twoSidedP } from '../../src/compass/intervals.ts';
import { levelShift, signalFamily } from '../../src/compass/signals.ts';
import { stabilise, stabilisedValue, stabilisedVariance } from '../../src/compass/stabilise.ts';

describe('Benjamini–Hochberg', () => {
  it('matches R: p.adjust(c(.001,.008,.039,.041,.042,.06,.074,.205), "BH")', () => {
    const p = [0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205];
    const expected = [0.008, 0.032, 0.0672, 0.0672, 0.0672, 0.08, 0.0845714, 0.205];
    bhAdjusted(p).forEach((q, i) => {
      expect(q).toBeCloseTo(expected[i]!, 6);
    });
    expect(benjaminiHochberg(p)).toEqual([true, true, false, false, false, false, false, false]);
    // Order does not matter, NaN is not counted.
    expect(bhAdjusted([0.05, Number.NaN, 0.01])).toEqual([0.05, Number.NaN, 0.02]);
  });
});

describe('normal distribution', () => {
  it('Φ and two-sided p-values match printed tables', () => {
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1.644854)).toBeCloseTo(0.05, 6);
    expect(twoSidedP(1.959964)).toBeCloseTo(0.05, 6);
    expect(twoSidedP(-3.290527)).toBeCloseTo(0.001, 6);
    expect(twoSidedP(2.776445, 4)).toBeCloseTo(0.05, 5); // t(0,975; 4) = 2,776445
  });
});

describe('variance-stabilised scale (Anscombe)', () => {
  it('is asin √((x + 3/8)/(n + 3/4)) with variance 1/(4n + 2) for a share, √((x + 3/8)/n) with 1/(4n) for a rate', () => {
    expect(stabilisedValue(10, 100, 'proportion')).toBeCloseTo(Math.asin(Math.sqrt(10.375 / 100.75)), 12);
    expect(stabilisedVariance(100, 'proportion')).toBeCloseTo(1 / 402, 12);
    expect(stabilisedValue(150, 100, 'poisson')).toBeCloseTo(Math.sqrt(150.375 / 100), 12);
    expect(stabilisedVariance(100, 'poisson')).toBeCloseTo(1 / 400, 12);
  });

  it('gives rounded counts a slack: the furthest the value moves within the rounding range', () => {
    const exact = stabilise({ value: null, numerator: 40, denominator: 1000 }, 'proportion');
    expect(exact!.slack).toBe(0);
    const rounded = stabilise({ value: null, numerator: 40, denominator: 1000 }, 'proportion', { rounding: 10 })!;
    const low = stabilisedValue(35, 1000, 'proportion');
    expect(rounded.slack).toBeCloseTo(rounded.g - low, 12);
  });
});

describe('estimateDispersion', () => {
  const row = (area: string, period: number, x: number, n: number) => ({
    area_code: area,
    indicator_id: 'a',
    period,
    numerator: x,
    denominator: n,
    suppressed: false,
  });
  const indicators = [{ id: 'a', unit: 'percent' as const }];

  it('between areas: the DerSimonian–Laird τ² of the areas around their weighted mean', () => {
    // Three areas far apart (10 %, 20 %, 30 % of 1.000): τ² = (Q − 2) / (Σw − Σw²/Σw) on the stabilised scale.
    const rows = [row('A', 2020, 100, 1000), row('B', 2020, 200, 1000), row('C', 2020, 300, 1000)];
    const g = [100, 200, 300].map((x) => stabilisedValue(x, 1000, 'proportion'));
    const w = 1 / stabilisedVariance(1000, 'proportion');
    const mean = (g[0]! + g[1]! + g[2]!) / 3;
    const q = g.reduce((s, x) => s + w * (x - mean) ** 2, 0);
    const expected = (q - 2) / (3 * w - (3 * w * w) / (3 * w));
    expect(estimateDispersion(rows, indicators).get('a')!.between.get(2020)).toBeCloseTo(expected, 12);
  });

  it('is 0 when areas differ by no more than binomial noise, and over time when nothing moves', () => {
    const rows = [];
    for (const [i, area] of ['A', 'B', 'C', 'D'].entries()) {
      for (const period of [2020, 2021, 2022]) rows.push(row(area, period, 100 + i, 1000));
    }
    const d = estimateDispersion(rows, indicators).get('a')!;
    expect(d.between.get(2021)).toBe(0);
    expect(d.time).toBe(0);
    expect(d.timeDf).toBe(Number.POSITIVE_INFINITY);
  });

  it('over time: year-to-year changes larger than sampling noise give σ² > 0 with their degrees of freedom', () => {
    const rows = [];
    for (const area of ['A', 'B', 'C']) {
      for (const [i, period] of [2019, 2020, 2021, 2022, 2023].entries())
        rows.push(row(area, period, i % 2 ? 1300 : 700, 10000));
    }
    const d = estimateDispersion(rows, indicators).get('a')!;
    expect(d.time).toBeGreaterThan(0);
    expect(d.timeDf).toBe(9); // 3 series of 5 points, each around its own line
  });

  it('leaves out suppressed figures and indicators without counts', () => {
    const d = estimateDispersion(
      [
        { ...row('A', 2020, 1, 10), suppressed: true },
        { ...row('A', 2020, 5, 10), indicator_id: 'b', numerator: null },
      ],
      [...indicators, { id: 'b', unit: 'count' as const }],
    );
    expect(d.size).toBe(0);
  });
});

describe('signals', () => {
  const indicator = {
    id: 'x',
    unit: 'percent' as const,
    direction: 'down' as const,
    rounding: null,
    denominator_rounding: null,
  };
  const series = (counts: Record<number, number>, n = 2000): PeriodMeasurement[] =>
    Object.entries(counts).map(([p, x]) => ({
      period: Number(p),
      value: (x / n) * 100,
      numerator: x,
      denominator: n,
      suppressed: false,
    }));

  it('a level shift: the latest two against up to four before, both on the same side', () => {
    const shift = levelShift(
      series({ 2018: 200, 2019: 205, 2020: 195, 2021: 200, 2022: 150, 2023: 140 }),
      2023,
      indicator,
    )!;
    expect(shift).toMatchObject({
      verdict: 'better',
      recent: [2022, 2023],
      reference: [2018, 2019, 2020, 2021],
      sameSide: true,
    });
    expect(shift.difference).toBeCloseTo((7.5 + 7) / 2 - 10, 9);
    expect(shift.pValue).toBeLessThan(1e-4);
  });

  it('one extreme year is not a lasting change: the previous measurement lies on the other side', () => {
    const shift = levelShift(series({ 2019: 200, 2020: 200, 2021: 205, 2022: 140 }), 2022, indicator)!;
    expect(shift.sameSide).toBe(false);
    expect(
      signalFamily(
        [
          {
            indicator,
            series: series({ 2019: 200, 2020: 200, 2021: 205, 2022: 140 }),
            yearNoise: { extra: 0, df: Infinity },
          },
        ],
        2022,
      ).size,
    ).toBe(0);
  });

  it('needs a measurement in the period itself and three points, and a direction', () => {
    expect(levelShift(series({ 2019: 200, 2021: 150 }), 2021, indicator)).toBeNull();
    expect(levelShift(series({ 2019: 200, 2020: 150, 2021: 150 }), 2022, indicator)).toBeNull();
    expect(
      levelShift(series({ 2019: 200, 2020: 150, 2021: 150 }), 2021, { ...indicator, direction: 'neutral' }),
    ).toBeNull();
  });
});
