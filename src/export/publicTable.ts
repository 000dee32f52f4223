/**
 * The public table (`npm run compass -- --public`): every observation exactly as the app publishes it after
 * disclosure control — a hidden figure has no value, numerator or denominator, and `status` says why
 * (`secret`: hidden by the package's disclosure rules; `not_published`: the source has no value).
 */
import { toCsv } from '../data/csvWrite.ts';
import type { Connector } from '../db/connector.ts';
import { neutraliseFormula } from './neutralise.ts';

export const PUBLIC_TABLE_COLUMNS = [
  'area_code',
  'indicator_id',
  'period',
  'value',
  'numerator',
  'denominator',
  'status',
] as const;

export async function publicTableCsv(
  db: Connector,
  period?: number,
): Promise<{ csv: string; rows: number; secret: number; notPublished: number }> {
  const where = period === undefined ? '' : `WHERE period = ${Number(period)}`;
  const table = await db.query(
    `SELECT area_code, indicator_id, period, value, numerator, denominator, status FROM observations ${where}
     ORDER BY area_code, indicator_id, period`,
  );
  const rows: (string | number | null)[][] = [];
  let secret = 0;
  let notPublished = 0;
  for (const r of table.toArray()) {
    const o = r.toJSON() as Record<string, unknown>;
    const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
    const status = (o.status as string | null) ?? null;
    if (status === 'secret') secret++;
    if (status === 'not_published') notPublished++;
    rows.push([
      // A custom area's own code may start like a formula: neutralised as in every export.
      neutraliseFormula(String(o.area_code)),
      String(o.indicator_id),
      Number(o.period),
      num(o.value),
      num(o.numerator),
      num(o.denominator),
      status,
    ]);
  }
  return { csv: toCsv(PUBLIC_TABLE_COLUMNS, rows), rows: rows.length, secret, notPublished };
}
