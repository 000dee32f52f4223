import { describe, expect, it } from 'vitest';
import { estimateDispersion } from '../../src/compass/dispersion.ts';
import { funnel, stabilisedValues } from '../../src/compass/funnel.ts';
import {
  betweenAreaVariance,
  type LevelCounts,
  levelFunnel,
  rankByValues,
  stabilisedByPeriod,
} from '../../src/compass/levelFunnel.ts';

const indicator = { id: 'jeugdhulp_pct', unit: 'percent' as const };

/** A deterministic generator (mulberry32), so the simulated level is the same on every run. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * 60 buurten of 40 to 4.000 young people over three years: a true rate of 11 % with a real spread between buurten
 * (±1,5 %-point), counts drawn binomially; two suppressed.
 */
function simulatedLevel(): LevelCounts[] {
  const rand = random(7);
  const rows: LevelCounts[] = [];
  const truth = Array.from({ length: 60 }, () => 0.11 + (rand() - 0.5) * 0.05);
  const sizes = Array.from({ length: 60 }, () => Math.round(40 * 100 ** rand()));
  for (const period of [2023, 2024, 2025]) {
    for (let i = 0; i < 60; i++) {
      const n = sizes[i]!;
      let x = 0;
      for (let k = 0; k < n; k++) if (rand() < truth[i]!) x++;
      const suppressed = i < 2;
      rows.push({
        code: `BU${String(i).padStart(2, '0')}`,
        period,
        numerator: suppressed ? null : x,
        denominator: suppressed ? null : n,
        suppressed,
      });
    }
  }
  return rows;
}

const rows = simulatedLevel();
const areasIn = (period: number) =>
  rows
    .filter((r) => r.period === period && !r.suppressed)
    .map((r) => ({ area_code: r.code, numerator: r.numerator, denominator: r.denominator }));

describe('levelFunnel: the Verkennen view on funnel.ts and dispersion.ts', () => {
  it('takes τ² per period from estimateDispersion over every period of the level', () => {
    const between = betweenAreaVariance(rows, indicator);
    const expected = estimateDispersion(
      rows.map((r) => ({ ...r, area_code: r.code, indicator_id: indicator.id })),
      [indicator],
    ).get(indicator.id)!.between;
    expect([...between.entries()]).toEqual([...expected.entries()]);
    expect(between.get(2025)).toBeGreaterThan(0);
  });

  it("draws the year's funnel with that year's τ², from the shown areas only", () => {
    const between = betweenAreaVariance(rows, indicator);
    const f = levelFunnel(rows, indicator, 2025)!;
    expect(f).toEqual(funnel(areasIn(2025), indicator, between.get(2025)!));
    expect(f.tau2).toBe(between.get(2025));
    // A year without rows has no areas and so no funnel; an indicator without counts neither.
    expect(levelFunnel(rows, indicator, 2019)).toBeNull();
    expect(levelFunnel(rows, { id: 'x', unit: 'count' }, 2025)).toBeNull();
  });

  it('stabilises every year with its own τ², and leaves suppressed areas without a value', () => {
    const between = betweenAreaVariance(rows, indicator);
    const all = stabilisedByPeriod(rows, indicator);
    expect([...all.keys()]).toEqual([2023, 2024, 2025]);
    for (const period of [2023, 2024, 2025]) {
      expect(all.get(period)).toEqual(stabilisedValues(areasIn(period), indicator, between.get(period)!));
    }
    expect(all.get(2025)!.has('BU00')).toBe(false);
    expect(all.get(2025)!.size).toBe(58);
  });

  it('puts larger areas at the top and bottom than the raw values do', () => {
    const period = 2025;
    const ranking = rows
      .filter((r) => r.period === period)
      .map((r) => ({
        ...r,
        name: r.code,
        value: r.suppressed ? null : (r.numerator! / r.denominator!) * 100,
      }));
    const raw = rankByValues(
      ranking,
      new Map(ranking.flatMap((r) => (r.value === null ? [] : [[r.code, r.value] as const]))),
    );
    const stabilised = rankByValues(ranking, stabilisedByPeriod(rows, indicator).get(period)!);
    const median = (list: number[]) => {
      const s = [...list].sort((a, b) => a - b);
      return (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2;
    };
    const ends = (list: typeof raw) => [...list.slice(0, 12), ...list.filter((r) => r.value !== null).slice(-12)];
    const rawMedian = median(ends(raw).map((r) => r.denominator!));
    const stabilisedMedian = median(ends(stabilised).map((r) => r.denominator!));
    expect(stabilisedMedian).toBeGreaterThan(rawMedian);
  });
});

describe('rankByValues', () => {
  const base = [
    { code: 'A', name: 'Anna', value: 20, suppressed: false },
    { code: 'B', name: 'Bert', value: 12, suppressed: false },
    { code: 'C', name: 'Cees', value: null, suppressed: true },
    { code: 'D', name: 'Dirk', value: 9, suppressed: false },
    { code: 'E', name: 'Eva', value: null, suppressed: false },
  ];

  it('orders by the given values, highest first, keeps the measured value, and puts areas without one last', () => {
    const ranked = rankByValues(
      base,
      new Map([
        ['A', 11],
        ['B', 11.5],
      ]),
    );
    expect(ranked.map((r) => [r.code, r.value, r.raw])).toEqual([
      ['B', 11.5, 12],
      ['A', 11, 20],
      // Suppressed before missing (as rankingQuery), then by name: D has a measured value but no counts.
      ['C', null, null],
      ['D', null, 9],
      ['E', null, null],
    ]);
  });

  it('never gives a suppressed area a value', () => {
    expect(rankByValues(base, new Map([['C', 5]])).find((r) => r.code === 'C')!.value).toBeNull();
  });
});
