import { describe, expect, it } from 'vitest';
import {
  classBreaks,
  classify,
  divergingScale,
  jenksBreaks,
  levelScales,
  PALETTES,
  withinClassDeviation,
} from '../../src/views/map/classify.ts';
import { NO_DATA_COLOR, quantileColorScale, SEQUENTIAL } from '../../src/views/map/colorScale.ts';

const BLUES = PALETTES.sequential.blues5;
const PUOR = PALETTES.diverging.puor5;

/** A small deterministic generator (Park–Miller), so the brute-force comparison is the same on every run. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 48271) % 2147483647;
    return s / 2147483647;
  };
}

/** The textbook O(k·n²) Fisher recursion over all values: the least within-class deviation for k classes. */
function bruteForceOptimum(sorted: number[], k: number): number {
  const n = sorted.length;
  const ssd = (j: number, i: number) => {
    const g = sorted.slice(j, i + 1);
    const mean = g.reduce((s, v) => s + v, 0) / g.length;
    return g.reduce((s, v) => s + (v - mean) ** 2, 0);
  };
  let prev = sorted.map((_, i) => ssd(0, i));
  for (let c = 1; c < k; c++) {
    const row = sorted.map(() => Number.POSITIVE_INFINITY);
    for (let i = c; i < n; i++) for (let j = c; j <= i; j++) row[i] = Math.min(row[i]!, prev[j - 1]! + ssd(j, i));
    prev = row;
  }
  return prev[n - 1]!;
}

describe('jenks (Fisher natural breaks)', () => {
  it('finds the breaks of the simple-statistics documentation example, checked by hand', () => {
    // {1,2,4,5} {7,9,10} {20}: 10 + 4,667 + 0 = 14,667; the next best, {1,2,4} {5,7,9,10} {20}, is 19,417.
    const data = [1, 2, 4, 5, 7, 9, 10, 20];
    expect(jenksBreaks(data, 3)).toEqual([7, 20]);
    expect(withinClassDeviation(data, [7, 20])).toBeCloseTo(14 + 2 / 3, 12);
    const scale = classify(data, { method: 'jenks', classes: 3, palette: BLUES });
    expect(scale.classes).toEqual([
      { from: 1, to: 7, color: BLUES[0] },
      { from: 7, to: 20, color: BLUES[2] },
      { from: 20, to: 20, color: BLUES[4] },
    ]);
    expect([1, 6.9, 7, 19, 20].map((v) => scale.color(v))).toEqual([BLUES[0], BLUES[0], BLUES[2], BLUES[2], BLUES[4]]);
  });

  it('groups equal values together (the Ckmeans.1d.dp example)', () => {
    // Wang & Song 2011 / simple-statistics ckmeans: [-1 ×4] [2 ×3] [4, 5, 6].
    expect(jenksBreaks([-1, -1, -1, -1, 2, 2, 2, 4, 5, 6], 3)).toEqual([2, 4]);
  });

  it('reaches the optimum of the O(k·n²) recursion on random data', () => {
    const next = random(7);
    for (const [n, k] of [
      [30, 3],
      [57, 5],
      [80, 7],
      [12, 5],
    ] as const) {
      const data = Array.from({ length: n }, () => Math.round(next() * next() * 1000) / 10).sort((a, b) => a - b);
      const breaks = jenksBreaks(data, k);
      expect(breaks).toHaveLength(k - 1);
      expect(withinClassDeviation(data, breaks)).toBeCloseTo(bruteForceOptimum(data, k), 8);
    }
  });

  // Its speed at national scale is a benchmark's business (npm run bench), not a wall-clock limit in a unit test.
  it('keeps its precision for large values and handles a national buurt level', () => {
    const big = [1, 2, 4, 5, 7, 9, 10, 20].map((v) => 17_000_000 + v);
    expect(jenksBreaks(big, 3)).toEqual([17_000_007, 17_000_020]);
    const next = random(11);
    const many = Array.from({ length: 14_000 }, () => next() * 100).sort((a, b) => a - b);
    const breaks = jenksBreaks(many, 7);
    expect(breaks).toHaveLength(6);
    expect([...breaks].sort((a, b) => a - b)).toEqual(breaks);
  });
});

describe('classify', () => {
  it('quantile classes are those of quantileColorScale', () => {
    const sets = [[3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9], [1, 1, 1, 2, 2, 3], [10, 10, 10, 10, 50], [2.5]];
    for (const values of sets) {
      expect(classify(values, { method: 'quantile', classes: 5, palette: SEQUENTIAL }).classes).toEqual(
        quantileColorScale(values).classes,
      );
    }
  });

  it('equal intervals between the lowest and highest value', () => {
    const scale = classify([0, 1, 2, 3, 10], { method: 'equal', classes: 5, palette: BLUES });
    expect(scale.classes.map((c) => [c.from, c.to])).toEqual([
      [0, 2],
      [2, 4],
      [4, 6],
      [6, 8],
      [8, 10],
    ]);
    expect(scale.classes.map((c) => c.color)).toEqual([...BLUES]);
    expect(scale.color(1.99)).toBe(BLUES[0]);
    expect(scale.color(2)).toBe(BLUES[1]);
    expect(scale.color(10)).toBe(BLUES[4]);
    expect(classBreaks([0, 10], 'equal', 4)).toEqual([2.5, 5, 7.5]);
  });

  it('ignores null and NaN, and gives no classes for no values', () => {
    const scale = classify([null, 4, Number.NaN, 1, undefined, 7, Number.POSITIVE_INFINITY], {
      method: 'equal',
      classes: 3,
      palette: BLUES,
    });
    expect(scale.classes.map((c) => [c.from, c.to])).toEqual([
      [1, 3],
      [3, 5],
      [5, 7],
    ]);
    expect(scale.color(Number.NaN)).toBe(NO_DATA_COLOR);
    const none = classify([null, Number.NaN], { method: 'jenks', classes: 5, palette: BLUES });
    expect(none.classes).toEqual([]);
    expect(none.color(3)).toBe(NO_DATA_COLOR);
  });

  it('all equal values: one class in the middle colour, whatever the method', () => {
    for (const method of ['quantile', 'equal', 'jenks'] as const) {
      const scale = classify([4, 4, 4], { method, classes: 5, palette: BLUES });
      expect(scale.classes).toEqual([{ from: 4, to: 4, color: BLUES[2] }]);
      expect(scale.color(4)).toBe(BLUES[2]);
    }
  });

  it('fewer distinct values than classes: one class per value, colours spread light to dark', () => {
    const jenks = classify([1, 5, 5], { method: 'jenks', classes: 5, palette: BLUES });
    expect(jenks.classes).toEqual([
      { from: 1, to: 5, color: BLUES[0] },
      { from: 5, to: 5, color: BLUES[4] },
    ]);
    const equal = classify([1, 5], { method: 'equal', classes: 5, palette: BLUES });
    expect(equal.classes).toEqual([
      { from: 1, to: 3, color: BLUES[0] },
      { from: 3, to: 5, color: BLUES[4] },
    ]);
  });

  it('uses at most as many classes as the palette has colours, and a 7-class palette fully', () => {
    const values = Array.from({ length: 70 }, (_, i) => i);
    expect(classify(values, { method: 'equal', classes: 9, palette: BLUES }).classes).toHaveLength(5);
    const seven = classify(values, { method: 'quantile', classes: 7, palette: PALETTES.sequential.blues7 });
    expect(seven.classes.map((c) => c.color)).toEqual([...PALETTES.sequential.blues7]);
    const three = classify(values, { method: 'jenks', classes: 3, palette: PALETTES.sequential.viridis5 });
    expect(three.classes.map((c) => c.color)).toEqual(['#fde725', '#21918c', '#440154']);
  });
});

describe('divergingScale', () => {
  it('classes of equal width, symmetric around the gemeente value', () => {
    const scale = divergingScale([2, 4, 6, 10, null], 6, PUOR);
    // d = 4 (10 − 6), width 8/5 = 1,6; the middle class 5,2–6,8 is centred on 6.
    const bounds = scale.classes.map((c) => [c.from, c.to]);
    const expected = [
      [2, 3.6],
      [3.6, 5.2],
      [5.2, 6.8],
      [6.8, 8.4],
      [8.4, 10],
    ];
    bounds.forEach((b, i) => {
      expect(b[0]).toBeCloseTo(expected[i]![0]!, 12);
      expect(b[1]).toBeCloseTo(expected[i]![1]!, 12);
    });
    expect(scale.classes.map((c) => c.color)).toEqual([...PUOR]);
    expect(scale.color(6)).toBe(PUOR[2]);
    expect(scale.color(2)).toBe(PUOR[0]);
    expect(scale.color(10)).toBe(PUOR[4]);
    expect(scale.color(4)).toBe(PUOR[1]);
  });

  it('seven classes, and values all on one side still get a symmetric legend', () => {
    const scale = divergingScale([10, 11, 17], 10, PALETTES.diverging.brbg7);
    expect(scale.classes).toHaveLength(7);
    expect(scale.classes[0]!.from).toBe(3);
    expect(scale.classes[6]!.to).toBe(17);
    expect(scale.classes[3]!.from).toBeCloseTo(9, 12);
    expect(scale.classes[3]!.to).toBeCloseTo(11, 12);
    expect(scale.color(10)).toBe(PALETTES.diverging.brbg7[3]);
  });

  it('every value equal to the centre: one neutral class; no centre: no classes', () => {
    expect(divergingScale([5, 5], 5, PUOR).classes).toEqual([{ from: 5, to: 5, color: PUOR[2] }]);
    expect(divergingScale([1, 2], Number.NaN, PUOR).classes).toEqual([]);
    expect(divergingScale([], 3, PUOR).classes).toEqual([]);
  });
});

describe('levelScales (classes per drawn level)', () => {
  // A count at wijk scale is the sum of its buurten: one scale over both would put every wijk in the top class.
  const buurten = Array.from({ length: 30 }, (_, i) => ({ level: 'buurt' as const, value: 10 + i * 20 }));
  const wijken = [900, 1400, 2100, 3300, 4800].map((value) => ({ level: 'wijk' as const, value }));

  it('gives the wijken of a count map more than one colour', () => {
    const scales = levelScales([...buurten, ...wijken], { method: 'quantile' });
    const wijk = scales.get('wijk')!;
    expect(new Set(wijken.map((w) => wijk.color(w.value))).size).toBe(5);
    expect(wijk.classes[0]!.from).toBe(900);
    expect(scales.get('buurt')!.classes.at(-1)!.to).toBe(590);
    // Together, as before, the wijken shared one colour.
    const together = quantileColorScale([...buurten, ...wijken].map((r) => r.value));
    expect(new Set(wijken.map((w) => together.color(w.value))).size).toBe(1);
  });

  it('classifies rates per level as well, by every method, and leaves out levels without values', () => {
    const rows = [
      { level: 'wijk', value: 2 },
      { level: 'wijk', value: 4 },
      { level: 'wijk', value: 6 },
      { level: 'buurt', value: 20 },
      { level: 'buurt', value: 40 },
      { level: 'gemeente', value: null },
    ];
    for (const method of ['quantile', 'equal', 'jenks'] as const) {
      const scales = levelScales(rows, { method });
      expect([...scales.keys()].sort()).toEqual(['buurt', 'wijk']);
      expect(scales.get('wijk')!.classes.at(-1)!.to).toBe(6);
      expect(scales.get('buurt')!.classes[0]!.from).toBe(20);
    }
    const diverging = levelScales(rows, { method: 'diverging', center: 4 });
    expect(diverging.get('wijk')!.classes[0]!.from).toBe(2);
  });
});
