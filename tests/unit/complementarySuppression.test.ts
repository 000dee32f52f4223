import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicObservationsSql } from '../../src/data/observationsSql.ts';
import type { Connector } from '../../src/db/connector.ts';
import { createNodeConnector } from '../../src/db/node.ts';

let db: Connector & { close(): void };

beforeAll(async () => {
  db = await createNodeConnector();
  await db.query(`CREATE TABLE ind AS SELECT * FROM (VALUES
    ('pct', 'percent', 10, 100.0), ('n', 'count', 10, NULL::DOUBLE)) t(id, unit, min_count, multiplier)`);
  // B1 (5 people) and B3 (4) are too small to show; B4 and B5 (6 each) too; B2 (100) is not.
  await db.query(`CREATE TABLE src AS SELECT * FROM (VALUES
    ('B1', 'pct', 2024, NULL::DOUBLE, 1.0, 5.0), ('B2', 'pct', 2024, NULL, 20.0, 100.0),
    ('B3', 'pct', 2024, NULL, 2.0, 4.0), ('B4', 'pct', 2024, NULL, 3.0, 6.0), ('B5', 'pct', 2024, NULL, 1.0, 6.0),
    ('B1', 'n', 2024, 5.0, NULL, NULL), ('B2', 'n', 2024, 100.0, NULL, NULL))
    t(area_code, indicator_id, period, value, numerator, denominator)`);
  await db.query(`CREATE TABLE mem AS SELECT * FROM (VALUES
    ('G1', 'B1'), ('G1', 'B2'), ('G2', 'B2'), ('G2', 'B4'), ('G2', 'B5'), ('G3', 'B1'), ('G3', 'B3'), ('G3', 'B2'))
    t(gebied, buurt)`);
});
afterAll(() => db?.close());

async function row(area: string, indicator: string) {
  const sql = `SELECT value, suppressed FROM (${publicObservationsSql({ source: 'src', indicators: 'ind', members: 'mem' })})
    WHERE area_code = '${area}' AND indicator_id = '${indicator}'`;
  return (await db.query(sql)).toArray()[0]!.toJSON() as { value: number | null; suppressed: boolean };
}

describe('complementary suppression of custom areas', () => {
  it('hides a custom area whose hidden members together are fewer than min_count people', async () => {
    // G1 = B1 (5, hidden) + B2 (100, shown): G1 − B2 would give B1 away.
    expect(await row('G1', 'pct')).toEqual({ value: null, suppressed: true });
    expect(await row('G1', 'n')).toEqual({ value: null, suppressed: true });
    // G3 = B1 (5) + B3 (4) hidden, 9 < 10 people together: still given away as a pair.
    expect(await row('G3', 'pct')).toEqual({ value: null, suppressed: true });
  });

  it('shows a custom area whose hidden members together reach min_count (their sum could be published)', async () => {
    // G2 = B2 (20/100) + B4 (3/6) + B5 (1/6): hidden base 12 ≥ 10; value (20+3+1)/(100+6+6) × 100.
    const g2 = await row('G2', 'pct');
    expect(g2.suppressed).toBe(false);
    expect(g2.value).toBeCloseTo((24 / 112) * 100, 9);
    expect(await row('B2', 'pct')).toEqual({ value: 20, suppressed: false });
    expect(await row('B4', 'pct')).toEqual({ value: null, suppressed: true });
  });
});
