import type { Table } from 'apache-arrow';
import type { ObservationStatus } from '../data/package.ts';
import { asNumber, asString, decodeColumns, VALUE_FIELDS } from './decode.ts';
import type { ProfileRow } from './kompas.ts';
import { sqlString, sqlStringList } from './sql.ts';

export interface TrendRequest {
  indicator: string;
  codes: readonly string[];
}

export interface TrendRow {
  area_code: string;
  period: number;
  value: number | null;
  /** Kept so the chart can draw the value's 95 % interval. */
  numerator: number | null;
  denominator: number | null;
  suppressed: boolean;
  /** Why there is no value (publish.ts); null when there is one. */
  status?: ObservationStatus | null;
}

/** One indicator over all periods for a few areas (the selected area and its references). */
export function trendQuery({ indicator, codes }: TrendRequest): string {
  return `SELECT area_code, period, value, numerator, denominator, suppressed, status
FROM observations
WHERE indicator_id = ${sqlString(indicator)} AND area_code IN ${sqlStringList(codes)}
ORDER BY area_code, period`;
}

export function decodeTrend(table: Table): TrendRow[] {
  return decodeColumns<TrendRow>(table, {
    area_code: asString,
    period: asNumber,
    ...VALUE_FIELDS,
  });
}

/**
 * The trend query's answer taken from the Kompas rows of the same codes (kompasQuery: every indicator, in the order
 * indicator, area, period, so one indicator's rows are in the trend's order): the Kompas has them in hand, so a
 * switch draws its trend without a query.
 */
export function trendFromProfile(rows: readonly ProfileRow[], indicator: string): TrendRow[] {
  const out: TrendRow[] = [];
  for (const r of rows)
    if (r.indicator_id === indicator)
      out.push({
        area_code: r.area_code,
        period: r.period,
        value: r.value,
        numerator: r.numerator,
        denominator: r.denominator,
        suppressed: r.suppressed,
        status: r.status ?? null,
      });
  return out;
}
