import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoadedPackage, loadPackage } from '../../src/data/load.ts';
import { createNodeConnector } from '../../src/db/node.ts';
import { decodeProfile, kompasRequest } from '../../src/queries/kompas.ts';
import { decodeTrend, trendFromProfile, trendQuery } from '../../src/queries/trend.ts';
import { expectEqual } from '../fixtures/expectEqual.ts';
import { DEMO, readPackage } from '../fixtures/readPackage.ts';

let db: Awaited<ReturnType<typeof createNodeConnector>>;
let pkg: LoadedPackage;

beforeAll(async () => {
  db = await createNodeConnector();
  pkg = await loadPackage(db, readPackage(DEMO));
});
afterAll(() => db?.close());

describe('the trend from the Kompas rows', () => {
  it("equals the trend query's answer for every demo area and indicator", async () => {
    const areas = new Map(pkg.areas.map((a) => [a.code, a]));
    let compared = 0;
    let withRows = 0;
    for (const area of pkg.areas) {
      const { codes, sql } = kompasRequest(area.code, areas, false);
      const profile = decodeProfile(await db.query(sql));
      for (const indicator of pkg.indicators) {
        const queried = decodeTrend(await db.query(trendQuery({ indicator: indicator.id, codes })));
        expectEqual(trendFromProfile(profile, indicator.id), queried, `${area.code} ${indicator.id}`);
        compared++;
        if (queried.some((r) => r.area_code === area.code && (r.suppressed || r.value !== null))) withRows++;
      }
    }
    // Every area with every indicator, most of them with the area's own values (and suppressed ones) among the rows.
    expect(compared).toBe(pkg.areas.length * pkg.indicators.length);
    expect(withRows).toBeGreaterThan(compared / 2);
  });

  it('has no rows for an indicator the rows do not hold', () => {
    const row = {
      area_code: 'GM9999',
      indicator_id: 'a',
      period: 2024,
      value: 1,
      numerator: null,
      denominator: null,
      suppressed: false,
      status: null,
    };
    expect(trendFromProfile([row], 'b')).toEqual([]);
    const { indicator_id: _, ...trendRow } = row;
    expect(trendFromProfile([row], 'a')).toEqual([trendRow]);
  });
});
