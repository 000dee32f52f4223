import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stream } from '../../scripts/demo/rng.ts';
import { areaRanks, type RankRow, type RankUnit, rankIntervals } from '../../src/compass/rankInterval.ts';
import { stabilise } from '../../src/compass/stabilise.ts';
import { loadPackage } from '../../src/data/load.ts';
import { validateAreas } from '../../src/data/validate.ts';
import { createNodeConnector } from '../../src/db/node.ts';
import { decodeProfile } from '../../src/queries/kompas.ts';
import { rankQuery } from '../../src/queries/rank.ts';
import { DEMO, readPackage } from '../fixtures/readPackage.ts';

/** Areas of n people each whose observed count is drawn from the true share p (seeded). */
function simulatedUnits(shares: readonly number[], n: number, seed: string): RankUnit[] {
  const rng = stream(seed, 7);
  return shares.map((p, i) => {
    const x = rng.binomial(n, p);
    const s = stabilise({ value: null, numerator: x, denominator: n }, 'proportion')!;
    return { id: `A${i}`, value: (100 * x) / n, g: s.g, variance: s.v };
  });
}

describe('rankIntervals (Goldstein & Spiegelhalter 1996, by simulation)', () => {
  it('with no true differences the intervals are wide: most cover most of the table', () => {
    let wide = 0;
    let total = 0;
    // Several tables of 40 areas of equal true share: whatever order chance gives them is not a position.
    for (const seed of ['a', 'b', 'c', 'd', 'e']) {
      const units = simulatedUnits(new Array(40).fill(0.12), 400, seed);
      const ranks = rankIntervals(units, { direction: 'down' });
      expect(ranks.size).toBe(40);
      for (const r of ranks.values()) {
        expect(r.of).toBe(40);
        expect(r.low).toBeLessThanOrEqual(r.rank);
        expect(r.high).toBeGreaterThanOrEqual(r.rank);
        total++;
        if (r.high - r.low + 1 >= 0.5 * 40) wide++;
      }
    }
    expect(wide / total).toBeGreaterThan(0.8);
  });

  it('with large true differences the intervals are narrow and hold the true rank', () => {
    // True shares 5 %, 7 %, …, 43 % among areas of 5.000 people; lower is better, so area i is truly rank i + 1.
    const shares = Array.from({ length: 20 }, (_, i) => 0.05 + 0.02 * i);
    const units = simulatedUnits(shares, 5000, 'large');
    const ranks = rankIntervals(units, { direction: 'down' });
    units.forEach((u, i) => {
      const r = ranks.get(u.id)!;
      expect(r.rank).toBe(i + 1);
      expect(r.low).toBeLessThanOrEqual(i + 1);
      expect(r.high).toBeGreaterThanOrEqual(i + 1);
      expect(r.high - r.low).toBeLessThanOrEqual(2);
    });
    // Higher is better: the same table read the other way round.
    const up = rankIntervals(units, { direction: 'up' });
    expect(up.get('A19')!.rank).toBe(1);
    expect(up.get('A0')!.rank).toBe(20);
  });

  it('is deterministic (seeded) and gives tied values the same rank', () => {
    const units = simulatedUnits(new Array(12).fill(0.3), 200, 'ties');
    expect([...rankIntervals(units, { direction: 'up' })]).toEqual([...rankIntervals(units, { direction: 'up' })]);
    const tied: RankUnit[] = [
      { id: 'a', value: 10, g: 0.3, variance: 0.0001 },
      { id: 'b', value: 10, g: 0.3, variance: 0.0001 },
      { id: 'c', value: 20, g: 0.5, variance: 0.0001 },
    ];
    const r = rankIntervals(tied, { direction: 'up' });
    expect([r.get('c')!.rank, r.get('a')!.rank, r.get('b')!.rank]).toEqual([1, 2, 2]);
    expect(r.get('c')).toEqual({ rank: 1, of: 3, low: 1, high: 1 });
  });

  it("counting one unit's rank per draw gives the same interval as ranking the whole table", () => {
    const units = simulatedUnits(new Array(30).fill(0.2), 300, 'only');
    const all = rankIntervals(units, { direction: 'down' });
    for (const id of ['A0', 'A7', 'A29']) {
      expect(rankIntervals(units, { direction: 'down', only: id })).toEqual(new Map([[id, all.get(id)]]));
    }
    expect(rankIntervals(units, { direction: 'down', only: 'nobody' }).size).toBe(0);
  });
});

describe('areaRanks', () => {
  const indicator = {
    id: 'x_pct',
    unit: 'percent' as const,
    direction: 'down' as const,
    rounding: null,
    denominator_rounding: null,
  };
  const row = (area: string, numerator: number | null, denominator: number | null, period = 2024): RankRow => ({
    area_code: area,
    indicator_id: 'x_pct',
    period,
    value: numerator !== null && denominator ? (100 * numerator) / denominator : 5,
    numerator,
    denominator,
    suppressed: false,
  });

  it('ranks the area in the period the Kompas shows, 1 = best, leaving out suppressed areas', () => {
    const rows = [
      row('A', 100, 1000),
      row('B', 300, 1000),
      row('C', 500, 1000),
      row('D', 10, 1000, 2023),
      { ...row('E', null, null), value: null, suppressed: true },
    ];
    const ranks = areaRanks({ rows, indicators: [indicator], area: 'B', periodOf: () => 2024 });
    expect(ranks.get('x_pct')).toEqual({ rank: 2, of: 3, low: 2, high: 2 });
    const up = areaRanks({ rows, indicators: [{ ...indicator, direction: 'up' }], area: 'A', periodOf: () => 2024 });
    expect(up.get('x_pct')?.rank).toBe(3);
  });

  it('gives no rank without a direction, without counts for every area, or with fewer than three areas', () => {
    const rows = [row('A', 100, 1000), row('B', 300, 1000), row('C', 500, 1000)];
    const periodOf = () => 2024;
    expect(areaRanks({ rows, indicators: [{ ...indicator, direction: 'neutral' }], area: 'A', periodOf }).size).toBe(0);
    expect(
      areaRanks({ rows: [...rows, row('D', null, null)], indicators: [indicator], area: 'A', periodOf }).size,
    ).toBe(0);
    expect(areaRanks({ rows: rows.slice(0, 2), indicators: [indicator], area: 'A', periodOf }).size).toBe(0);
    expect(areaRanks({ rows, indicators: [indicator], area: 'Z', periodOf }).size).toBe(0);
  });

  it("widens the interval by the indicator's ordinary year-to-year variation", () => {
    const rows = ['A', 'B', 'C', 'D', 'E', 'F'].map((a, i) => row(a, 100 + 10 * i, 1000));
    const periodOf = () => 2024;
    const sampling = areaRanks({ rows, indicators: [indicator], area: 'C', periodOf }).get('x_pct')!;
    const dispersion = new Map([['x_pct', { between: new Map(), time: 0.01, timeDf: 10 }]]);
    const ordinary = areaRanks({ rows, indicators: [indicator], area: 'C', periodOf, dispersion }).get('x_pct')!;
    expect(ordinary.high - ordinary.low).toBeGreaterThan(sampling.high - sampling.low);
    expect(ordinary.rank).toBe(3);
  });
});

describe('rankQuery on the demo', () => {
  let db: Awaited<ReturnType<typeof createNodeConnector>>;
  const files = readPackage(DEMO);
  const areas = new Map(validateAreas(files['areas.geojson']).map((a) => [a.code, a]));
  beforeAll(async () => {
    db = await createNodeConnector();
    await loadPackage(db, files);
  });
  afterAll(() => db?.close());

  it("selects every wijk of the area's gemeente in the asked periods; nothing for a gemeente or a partitioned package", async () => {
    const sql = rankQuery('WK999902', areas, [2025, 2024, 2025], false)!;
    const rows = decodeProfile(await db.query(sql));
    const wijken = [...areas.values()].filter((a) => a.level === 'wijk' && a.gemeente === 'GM9999').map((a) => a.code);
    expect(new Set(rows.map((r) => r.area_code))).toEqual(new Set(wijken));
    expect(new Set(rows.map((r) => r.period))).toEqual(new Set([2024, 2025]));
    const ranks = areaRanks({
      rows,
      indicators: [
        { id: 'jeugdhulp_pct', unit: 'percent', direction: 'down', rounding: null, denominator_rounding: null },
      ],
      area: 'WK999902',
      periodOf: () => 2025,
    });
    expect(ranks.get('jeugdhulp_pct')?.of).toBe(wijken.length);
    expect(rankQuery('GM9999', areas, [2025], false)).toBeNull();
    expect(rankQuery('WK999902', areas, [2025], true)).toBeNull();
  });
});
