import type { Table } from 'apache-arrow';
import type { Observation } from '../data/package.ts';
import { sqlStringList } from './sql.ts';

export interface KompasRequest {
  /** The selected area, its gemeente and the Netherlands (where the package has them). */
  codes: readonly string[];
}

/** An observation as the app may see it: suppressed values are null and flagged. */
export interface ProfileRow extends Observation {
  suppressed: boolean;
}

/**
 * Every indicator in every period for the area and its references: the Kompas rows, the changes and the small
 * trend lines are all derived from this one result (a few thousand rows at most).
 */
export function kompasQuery({ codes }: KompasRequest): string {
  return `SELECT area_code, indicator_id, period, value, numerator, denominator, suppressed
FROM observations
WHERE area_code IN ${sqlStringList(codes)}
ORDER BY indicator_id, area_code, period`;
}

export function decodeProfile(table: Table): ProfileRow[] {
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return table.toArray().map((r) => ({
    area_code: String(r.area_code),
    indicator_id: String(r.indicator_id),
    period: Number(r.period),
    value: num(r.value),
    numerator: num(r.numerator),
    denominator: num(r.denominator),
    suppressed: Boolean(r.suppressed),
  }));
}
