import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { levelFunnel, stabilisedByPeriod } from '../../src/compass/levelFunnel.ts';
import { loadPackage } from '../../src/data/load.ts';
import { createNodeConnector } from '../../src/db/node.ts';
import {
  areaTrendsQuery,
  coverageQuery,
  decodeAreaTrends,
  decodeCoverage,
  decodeRanking,
  decodeScatter,
  rankingQuery,
  scatterQuery,
} from '../../src/queries/explore.ts';
import { FIXTURES, readPackage } from '../fixtures/readPackage.ts';

let db: Awaited<ReturnType<typeof createNodeConnector>>;

beforeAll(async () => {
  db = await createNodeConnector();
  await loadPackage(db, readPackage(join(FIXTURES, 'mini')));
});
afterAll(() => db?.close());

describe('explore queries on the mini fixture (hand-computed values)', () => {
  it('rankingQuery: every buurt with a row that year, highest first, the suppressed one last without counts', async () => {
    const rows = decodeRanking(
      await db.query(rankingQuery({ indicator: 'jeugdhulp_pct', period: 2024, level: 'buurt' })),
    );
    expect(rows).toEqual([
      {
        code: 'BU99980201',
        name: 'Oost-Zuid',
        value: 12,
        numerator: 24,
        denominator: 200,
        suppressed: false,
        status: null,
      },
      {
        code: 'BU99980202',
        name: 'Oost-Noord',
        value: 11.25,
        numerator: 18,
        denominator: 160,
        suppressed: false,
        status: null,
      },
      // West-Zuid is suppressed to protect Gehucht: West minus West-Zuid would give Gehucht away.
      {
        code: 'BU99980102',
        name: 'Gehucht',
        value: null,
        numerator: null,
        denominator: null,
        suppressed: true,
        status: 'secret',
      },
      {
        code: 'BU99980101',
        name: 'West-Zuid',
        value: null,
        numerator: null,
        denominator: null,
        suppressed: true,
        status: 'secret',
      },
    ]);
  });

  it('rankingQuery: an empty value (flagged like a suppressed one) sorts last; an area without a row is left out', async () => {
    const y2023 = decodeRanking(
      await db.query(rankingQuery({ indicator: 'gem_inkomen', period: 2023, level: 'buurt' })),
    );
    expect(y2023.map((r) => [r.code, r.value, r.suppressed])).toEqual([
      ['BU99980101', 32.1, false],
      ['BU99980202', 30, false],
      ['BU99980201', 28.4, false],
      ['BU99980102', null, true],
    ]);
    const y2024 = decodeRanking(
      await db.query(rankingQuery({ indicator: 'gem_inkomen', period: 2024, level: 'buurt' })),
    );
    expect(y2024.map((r) => r.code)).toEqual(['BU99980101', 'BU99980202', 'BU99980201']);
  });

  it('rankingQuery: wijken, custom areas (a sum; suppressed where they would give a secret away), the gemeente filter', async () => {
    const wijken = decodeRanking(
      await db.query(rankingQuery({ indicator: 'jeugdhulp_pct', period: 2023, level: 'wijk', gemeente: 'GM9998' })),
    );
    expect(wijken.map((r) => [r.code, r.name, r.value, r.numerator, r.denominator])).toEqual([
      ['WK999802', 'Oost', 13.8889, 50, 360],
      ['WK999801', 'West', 10.7143, 15, 140],
    ]);
    const gebied = decodeRanking(
      await db.query(rankingQuery({ indicator: 'jeugdhulp_pct', period: 2023, level: 'gebied' })),
    );
    // Zuidkant = West-Zuid + Oost-Zuid. West-Zuid is suppressed to protect Gehucht; Zuidkant minus Oost-Zuid would
    // give West-Zuid back, and West minus West-Zuid then Gehucht. So Zuidkant is suppressed too.
    expect(gebied).toEqual([
      {
        code: 'GB999801',
        name: 'Zuidkant',
        value: null,
        numerator: null,
        denominator: null,
        suppressed: true,
        status: 'secret',
      },
    ]);
    const inwoners = decodeRanking(
      await db.query(rankingQuery({ indicator: 'inwoners', period: 2023, level: 'gebied' })),
    );
    expect(inwoners.map((r) => [r.code, r.value])).toEqual([['GB999801', 2300]]); // 800 + 1500
    const elsewhere = decodeRanking(
      await db.query(rankingQuery({ indicator: 'jeugdhulp_pct', period: 2023, level: 'wijk', gemeente: 'GM0000' })),
    );
    expect(elsewhere).toEqual([]);
  });

  it('areaTrendsQuery: every period of every wijk, by code and period, with the counts behind each rate', async () => {
    const rows = decodeAreaTrends(await db.query(areaTrendsQuery({ indicator: 'jeugdhulp_pct', level: 'wijk' })));
    expect(rows).toEqual([
      { code: 'WK999801', period: 2023, value: 10.7143, numerator: 15, denominator: 140, suppressed: false },
      { code: 'WK999801', period: 2024, value: 10, numerator: 14, denominator: 140, suppressed: false },
      { code: 'WK999802', period: 2023, value: 13.8889, numerator: 50, denominator: 360, suppressed: false },
      { code: 'WK999802', period: 2024, value: 11.6667, numerator: 42, denominator: 360, suppressed: false },
    ]);
    // A suppressed figure gives away neither its value nor its counts.
    const buurten = decodeAreaTrends(await db.query(areaTrendsQuery({ indicator: 'jeugdhulp_pct', level: 'buurt' })));
    expect(buurten.filter((r) => r.code === 'BU99980102')).toEqual([
      { code: 'BU99980102', period: 2023, value: null, numerator: null, denominator: null, suppressed: true },
      { code: 'BU99980102', period: 2024, value: null, numerator: null, denominator: null, suppressed: true },
    ]);
  });

  it('areaTrendsQuery feeds the funnel: its centre pools the shown buurten of the year, suppressed ones left out', async () => {
    const rows = decodeAreaTrends(
      await db.query(areaTrendsQuery({ indicator: 'jeugdhulp_pct', level: 'buurt', gemeente: 'GM9998' })),
    );
    const indicator = { id: 'jeugdhulp_pct', unit: 'percent' as const };
    const f = levelFunnel(rows, indicator, 2024)!;
    // Oost-Zuid 24 of 200 and Oost-Noord 18 of 160 (Gehucht and West-Zuid are suppressed): 42 of 360 pooled.
    expect(f.centre).toBeCloseTo(Math.sin(Math.asin(Math.sqrt(42.375 / 360.75))) ** 2 * 100, 10);
    expect(f.limits.length).toBeGreaterThan(2);
    // Only the shown buurten get a stabilised value.
    expect([...(stabilisedByPeriod(rows, indicator).get(2024)?.keys() ?? [])].sort()).toEqual([
      'BU99980201',
      'BU99980202',
    ]);
  });

  it('scatterQuery: both indicators, only areas where both are published', async () => {
    const rows = decodeScatter(
      await db.query(scatterQuery({ x: 'gem_inkomen', y: 'jeugdhulp_pct', period: 2024, level: 'buurt' })),
    );
    // Gehucht: income missing in 2024 and youth care suppressed; West-Zuid: youth care suppressed to protect
    // Gehucht. Neither is a point.
    expect(rows).toEqual([
      { code: 'BU99980201', name: 'Oost-Zuid', x: 29, y: 12 },
      { code: 'BU99980202', name: 'Oost-Noord', x: 30.5, y: 11.25 },
    ]);
    const wijken = decodeScatter(
      await db.query(scatterQuery({ x: 'inwoners', y: 'bijstand_aantal', period: 2023, level: 'wijk' })),
    );
    expect(wijken).toEqual([
      { code: 'WK999801', name: 'West', x: 845, y: 25 },
      { code: 'WK999802', name: 'Oost', x: 2700, y: 100 },
    ]);
  });

  it('quotes hostile input instead of executing it', async () => {
    const rows = decodeRanking(
      await db.query(
        rankingQuery({ indicator: "x' OR '1'='1", period: 2024, level: 'buurt', gemeente: "'; DROP TABLE areas; --" }),
      ),
    );
    expect(rows).toEqual([]);
    expect(() => rankingQuery({ indicator: 'x', period: 2024.5, level: 'buurt' })).toThrow();
  });
});

describe('coverageQuery', () => {
  it('counts per indicator the areas of the level with a shown value: those the ranking shows with a value', async () => {
    for (const level of ['buurt', 'wijk'] as const) {
      const coverage = decodeCoverage(await db.query(coverageQuery({ period: 2024, level })));
      for (const indicator of ['jeugdhulp_pct', 'inwoners', 'bijstand_aantal', 'gem_inkomen']) {
        const ranking = decodeRanking(await db.query(rankingQuery({ indicator, period: 2024, level })));
        const shown = ranking.filter((r) => r.value !== null && !r.suppressed).length;
        expect(coverage.get(indicator) ?? 0, `${level} ${indicator}`).toBe(shown);
      }
    }
    // gem_inkomen has no value for the smallest buurt; and one gemeente's scope counts only its areas.
    const buurt = decodeCoverage(await db.query(coverageQuery({ period: 2024, level: 'buurt' })));
    expect(buurt.get('gem_inkomen')).toBe(3);
    const elsewhere = decodeCoverage(
      await db.query(coverageQuery({ period: 2024, level: 'wijk', gemeente: 'GM0000' })),
    );
    expect(elsewhere.size).toBe(0);
  });
});
