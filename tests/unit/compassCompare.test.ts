import { describe, expect, it } from 'vitest';
import {
  compareValues,
  compareWithGemeente,
  compareWithPrevious,
  differenceInterval,
  strengthOf,
} from '../../src/compass/compare.ts';

const percent = { unit: 'percent' as const };
const perThousand = { unit: 'per_1000' as const };
/** x of n as a shown percentage. */
const pct = (x: number, n: number) => ({ value: (x / n) * 100, numerator: x, denominator: n, suppressed: false });

describe('differenceInterval (Newcombe hybrid score, method 10)', () => {
  // Newcombe RG (1998), Interval estimation for the difference between independent proportions, Stat Med 17:873–890,
  // Table II, method 10. In percentage points here (× 100).
  it.each([
    [56, 70, 48, 80, 5.24, 33.39],
    [9, 10, 3, 10, 17.05, 80.9],
    [5, 56, 0, 29, -3.81, 19.26],
    [10, 10, 0, 20, 67.91, 100],
    [10, 10, 0, 10, 60.75, 100],
    [0, 10, 0, 20, -16.11, 27.75],
  ])('%i/%i − %i/%i → [%f; %f]', (x1, n1, x2, n2, low, high) => {
    const d = differenceInterval(pct(x1, n1), pct(x2, n2), percent)!;
    expect(d.difference).toBeCloseTo((x1 / n1 - x2 / n2) * 100, 10);
    expect(d.interval.low).toBeCloseTo(low, 2);
    expect(d.interval.high).toBeCloseTo(high, 2);
  });
});

describe('compareValues', () => {
  it('small village: 3 of 40 vs 5 of 42 is no clear difference', () => {
    // 7,5 % − 11,905 % = −4,405 pp. Wilson 3/40 = [2,584; 19,865] %, 5/42 = [5,194; 25,001] %.
    // L = −4,405 − √((7,5 − 2,584)² + (25,001 − 11,905)²) = −4,405 − √(24,17 + 171,5) = −18,393
    // U = −4,405 + √((19,865 − 7,5)² + (11,905 − 5,194)²) = −4,405 + √(152,9 + 45,04) = 9,664
    // strength = 4,405 / (9,664 + 4,405) = 0,3131
    const c = compareValues(pct(3, 40), pct(5, 42), percent, 'down');
    expect(c.verdict).toBe('unclear');
    expect(c.difference).toBeCloseTo(-4.4048, 4);
    expect(c.interval!.low).toBeCloseTo(-18.3931, 4);
    expect(c.interval!.high).toBeCloseTo(9.6636, 4);
    expect(c.strength).toBeCloseTo(0.3131, 4);
  });

  it('town: 300 of 4.000 vs 500 of 4.200, the same percentages, is clear', () => {
    // Wilson 300/4000 = [6,724; 8,358] %, 500/4200 = [10,960; 12,919] %.
    // L = −4,405 − √((7,5 − 6,724)² + (12,919 − 11,905)²) = −4,405 − 1,277 = −5,682
    // U = −4,405 + √((8,358 − 7,5)² + (11,905 − 10,960)²) = −4,405 + 1,276 = −3,129
    // strength = 4,405 / (−3,129 + 4,405) = 3,452
    const lower = compareValues(pct(300, 4000), pct(500, 4200), percent, 'down');
    expect(lower).toMatchObject({
      verdict: 'better',
      difference: expect.closeTo(-4.4048, 4),
      interval: { low: expect.closeTo(-5.682, 3), high: expect.closeTo(-3.1288, 4) },
      strength: expect.closeTo(3.452, 3),
      against: null,
    });
    // The same figures where higher is better: worse.
    expect(compareValues(pct(300, 4000), pct(500, 4200), percent, 'up').verdict).toBe('worse');
    expect(compareValues(pct(500, 4200), pct(300, 4000), percent, 'up').verdict).toBe('better');
  });

  it('neutral: difference and interval, never a verdict', () => {
    const c = compareValues(pct(300, 4000), pct(500, 4200), percent, 'neutral', 2020);
    expect(c.verdict).toBe('neutral');
    expect(c.difference).toBeCloseTo(-4.4048, 4);
    expect(c.interval!.low).toBeCloseTo(-5.682, 3);
    expect(c.strength).toBeCloseTo(3.452, 3);
    expect(c.against).toBe(2020);
  });

  it('unknown when either is suppressed or missing', () => {
    const hidden = { value: null, numerator: null, denominator: null, suppressed: true };
    expect(compareValues(pct(3, 40), hidden, percent, 'down')).toMatchObject({
      verdict: 'unknown',
      difference: null,
      interval: null,
      strength: null,
      against: null,
    });
    expect(compareValues(undefined, pct(3, 40), percent, 'down').verdict).toBe('unknown');
    expect(compareValues(pct(3, 40), { ...pct(5, 42), value: null }, percent, 'neutral').verdict).toBe('unknown');
  });

  it('unknown with a denominator of 0 or without counts, but the difference of the values is given', () => {
    const zero = { value: 5, numerator: 0, denominator: 0, suppressed: false };
    expect(compareValues(zero, pct(1, 25), percent, 'down')).toMatchObject({
      verdict: 'unknown',
      difference: 1,
      interval: null,
      strength: null,
      against: null,
    });
    const count = (value: number) => ({ value, numerator: null, denominator: null, suppressed: false });
    expect(compareValues(count(410), count(380), { unit: 'count' }, 'down')).toMatchObject({
      verdict: 'unknown',
      difference: 30,
      interval: null,
    });
    // A neutral indicator needs no noise estimate to be neutral.
    expect(compareValues(count(410), count(380), { unit: 'count' }, 'neutral').verdict).toBe('neutral');
  });

  it('events per 1.000 that can outnumber the people: Garwood intervals combined by MOVER', () => {
    // a: 10 events / 5 people = 2.000 ‰, Garwood [4,7954; 18,3904] / 5 × 1.000 = [959,08; 3.678,07]
    // b: 0 events / 5 people = 0 ‰, Garwood [0; 3,6889] / 5 × 1.000 = [0; 737,78]
    // L = 2.000 − √((2.000 − 959,08)² + (737,78 − 0)²) = 2.000 − √(1.083.515 + 544.317) = 2.000 − 1.275,87 = 724,13
    // U = 2.000 + √((3.678,07 − 2.000)² + 0²) = 3.678,07; strength = 2.000 / 1.275,87 = 1,5676
    const a = { value: 2000, numerator: 10, denominator: 5, suppressed: false };
    const b = { value: 0, numerator: 0, denominator: 5, suppressed: false };
    const c = compareValues(a, b, perThousand, 'down');
    expect(c.verdict).toBe('worse');
    expect(c.difference).toBe(2000);
    expect(c.interval!.low).toBeCloseTo(724.13, 2);
    expect(c.interval!.high).toBeCloseTo(3678.07, 2);
    expect(c.strength).toBeCloseTo(1.5676, 4);
  });

  it('strength uses the half-width on the side of 0, so > 1 exactly when the interval excludes 0', () => {
    expect(strengthOf(2, { low: 1, high: 10 })).toBe(2);
    expect(strengthOf(-2, { low: -10, high: 2 })).toBe(0.5);
    expect(strengthOf(0, { low: 0, high: 0 })).toBeNull();
  });
});

describe('compareWithPrevious', () => {
  const row = (period: number, x: number | null, n: number | null, suppressed = false) => ({
    period,
    value: x === null || n === null ? null : (x / n) * 100,
    numerator: x,
    denominator: n,
    suppressed,
  });

  it('skips a suppressed year and compares with the latest earlier shown one', () => {
    const series = [row(2019, 300, 4000), row(2020, null, null, true), row(2022, 500, 4200)];
    const c = compareWithPrevious(series, 2022, percent, 'down');
    expect(c.against).toBe(2019);
    expect(c.verdict).toBe('worse');
    expect(c.difference).toBeCloseTo(4.4048, 4);
  });

  it('is unknown for a single year, and without a row at the period', () => {
    expect(compareWithPrevious([row(2022, 5, 42)], 2022, percent, 'down')).toMatchObject({
      verdict: 'unknown',
      against: null,
    });
    expect(compareWithPrevious([row(2021, 5, 42)], 2022, percent, 'down')).toMatchObject({
      verdict: 'unknown',
      against: 2021,
    });
  });

  it('is unknown when every value is suppressed', () => {
    const series = [row(2020, null, null, true), row(2021, null, null, true), row(2022, null, null, true)];
    expect(compareWithPrevious(series, 2022, percent, 'down').verdict).toBe('unknown');
  });
});

describe('compareWithGemeente', () => {
  const at = (area_code: string, x: number, n: number) => ({ ...pct(x, n), area_code });

  it('tests the area against the rest of the gemeente, and reports area − gemeente', () => {
    // Gemeente 800 of 8.200 (9,756 %) includes the wijk's 300 of 4.000 (7,5 %); the rest is 500 of 4.200.
    // Area − rest = −4,4048 pp with [−5,682; −3,129] (see the town case); w = 4.000 / 8.200 = 0,4878.
    // Area − gemeente = 7,5 − 9,7561 = −2,2561 = (1 − 0,4878) · −4,4048; interval × 0,5122 = [−2,9103; −1,6025].
    const c = compareWithGemeente(at('WK01', 300, 4000), at('GM01', 800, 8200), percent, 'down');
    expect(c.verdict).toBe('better');
    expect(c.difference).toBeCloseTo(7.5 - (800 / 8200) * 100, 10);
    expect(c.difference).toBeCloseTo(-2.2561, 4);
    expect(c.interval!.low).toBeCloseTo(-2.9103, 4);
    expect(c.interval!.high).toBeCloseTo(-1.6025, 4);
    expect(c.strength).toBeCloseTo(3.452, 3);
    expect(c.against).toBe('GM01');
  });

  it('is unknown when the area is the gemeente', () => {
    expect(compareWithGemeente(at('GM01', 800, 8200), at('GM01', 800, 8200), percent, 'down')).toMatchObject({
      verdict: 'unknown',
      difference: null,
      interval: null,
      strength: null,
      against: 'GM01',
    });
  });

  it('is unknown without counts, or when rounded counts leave no rest', () => {
    const noCounts = { value: 7.5, numerator: null, denominator: null, suppressed: false, area_code: 'WK01' };
    expect(compareWithGemeente(noCounts, at('GM01', 800, 8200), percent, 'down')).toMatchObject({
      verdict: 'unknown',
      difference: expect.closeTo(7.5 - 9.7561, 4),
      interval: null,
    });
    // CBS rounds to fives: a wijk of 40 in a gemeente that publishes 35.
    expect(compareWithGemeente(at('WK01', 10, 40), at('GM01', 10, 35), percent, 'down').verdict).toBe('unknown');
    expect(compareWithGemeente(at('WK01', 10, 40), undefined, percent, 'down').verdict).toBe('unknown');
  });
});
