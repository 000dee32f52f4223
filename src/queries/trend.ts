import type { Table } from 'apache-arrow';
import type { ObservationStatus } from '../data/package.ts';
import { asNumber, asString, decodeColumns, VALUE_FIELDS } from './decode.ts';
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
