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

describe('secondary suppression within the wijk–buurt hierarchy', () => {
  // min_count 10 people. Wijk W1 = B1 (5, too small) + B2 (50) + B3 (150): W1 minus B2 and B3 would give B1 away.
  // W2 = B4 (6) + B5 (6) + B6 (80): the two small ones count 12 together, so W2 gives only their sum away.
  // W3 = B7 (4) + B8 (30) like W1. W6 = B11 (3) + B12 (40), but W6 itself has no row: nothing to subtract from.
  // Gemeente GM = W1 + W2 + W3 + W4, with W4 (8 people) too small: the smallest other wijk (W3, 34) protects it.
  beforeAll(async () => {
    await db.query(`CREATE TABLE src2 AS SELECT * FROM (VALUES
      ('B1', 1.0, 5.0), ('B2', 10.0, 50.0), ('B3', 30.0, 150.0), ('W1', 41.0, 205.0),
      ('B4', 1.0, 6.0), ('B5', 2.0, 6.0), ('B6', 8.0, 80.0), ('W2', 11.0, 92.0),
      ('B7', 1.0, 4.0), ('B8', 3.0, 30.0), ('W3', 4.0, 34.0), ('B11', 1.0, 3.0), ('B12', 4.0, 40.0),
      ('W4', 1.0, 8.0), ('GM', 57.0, 339.0),
      ('B9', 1.0, 5.0), ('B10', 5.0, 50.0), ('W5', 7.0, 60.0)) t(area_code, numerator, denominator)`);
    await db.query(`CREATE TABLE src2_obs AS
      SELECT area_code, 'pct' AS indicator_id, 2024 AS period, NULL::DOUBLE AS value, numerator, denominator FROM src2`);
    await db.query(`CREATE TABLE areas2 AS SELECT * FROM (VALUES
      ('GM', 'gemeente', NULL), ('W1', 'wijk', 'GM'), ('W2', 'wijk', 'GM'), ('W3', 'wijk', 'GM'), ('W4', 'wijk', 'GM'),
      ('B1', 'buurt', 'W1'), ('B2', 'buurt', 'W1'), ('B3', 'buurt', 'W1'), ('B4', 'buurt', 'W2'), ('B5', 'buurt', 'W2'),
      ('B6', 'buurt', 'W2'), ('B7', 'buurt', 'W3'), ('B8', 'buurt', 'W3'),
      ('W5', 'wijk', NULL), ('B9', 'buurt', 'W5'), ('B10', 'buurt', 'W5'),
      ('W6', 'wijk', 'GM'), ('B11', 'buurt', 'W6'), ('B12', 'buurt', 'W6')) t(code, level, parent)`);
    // S1 splits W1's hidden pair (B1, B2); S2 holds both; S3 holds only visible buurten.
    await db.query(`CREATE TABLE mem2 AS SELECT * FROM (VALUES
      ('S1', 'B1'), ('S1', 'B3'), ('S2', 'B1'), ('S2', 'B2'), ('S2', 'B3'), ('S3', 'B3'), ('S3', 'B6')) t(gebied, buurt)`);
  });

  async function shown(withAreas: boolean): Promise<Record<string, number | null>> {
    const sql = publicObservationsSql({
      source: 'src2_obs',
      indicators: 'ind',
      members: 'mem2',
      ...(withAreas && { areas: 'areas2' }),
    });
    const rows = (await db.query(`SELECT area_code, value FROM (${sql}) ORDER BY area_code`)).toArray();
    return Object.fromEntries(rows.map((r) => [String(r.area_code), r.value === null ? null : Number(r.value)]));
  }

  it('suppresses the smallest other child of a shown parent until the hidden children reach min_count', async () => {
    const v = await shown(true);
    expect(v.B1).toBeNull(); // 5 people
    expect(v.B2).toBeNull(); // the smallest sibling, to protect B1 (5 + 50 ≥ 10)
    expect(v.B3).toBeCloseTo(20, 9); // one is enough
    expect(v.W1).toBeCloseTo(20, 9); // the parent stays
  });

  it('leaves siblings alone when the small children together reach min_count, or the parent has no row', async () => {
    const v = await shown(true);
    // W5 (7/60) is not the sum of B9 (1/5) and B10 (5/50), as with CBS's rounded figures: no exact subtraction.
    expect(v.B9).toBeNull();
    expect(v.B10).toBeCloseTo(10, 9);
    expect([v.B4, v.B5]).toEqual([null, null]);
    expect(v.B6).toBeCloseTo(10, 9);
    expect(v.B11).toBeNull();
    expect(v.B12).toBeCloseTo(10, 9);
  });

  it('protects a small wijk within its gemeente the same way', async () => {
    const v = await shown(true);
    expect(v.W4).toBeNull(); // 8 people
    expect(v.W3).toBeNull(); // the smallest other wijk (34), to protect W4
    expect(v.W2).toBeCloseTo((11 / 92) * 100, 9);
    expect(v.GM).toBeCloseTo((57 / 339) * 100, 9);
    // W3's buurten: B7 (4) is too small and B8 protects it, as in W1.
    expect([v.B7, v.B8]).toEqual([null, null]);
  });

  it('suppresses a custom area that would tell a wijk’s hidden buurten apart, not one that holds them all', async () => {
    const v = await shown(true);
    expect(v.S1).toBeNull(); // B1 + B3: S1 − B3 = B1
    expect(v.S2).toBeCloseTo((41 / 205) * 100, 9); // all of W1: nothing W1 does not already say
    expect(v.S3).toBeCloseTo((38 / 230) * 100, 9); // visible buurten only: a ratio of sums
  });

  it('does nothing without the areas (a partitioned package, whose area files hold no siblings)', async () => {
    const v = await shown(false);
    expect(v.B2).toBeCloseTo(20, 9);
    expect(v.W3).toBeCloseTo((4 / 34) * 100, 9);
  });
});
