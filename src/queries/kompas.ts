import type { Table } from 'apache-arrow';
import type { Area, Observation, ObservationStatus } from '../data/package.ts';
import { areaPartitions } from '../data/partitions.ts';
import { sqlStringList } from './sql.ts';

export interface KompasRequest {
  /** The selected area, its gemeente and the Netherlands (where the package has them). */
  codes: readonly string[];
}

/** An observation as the app may see it: suppressed values are null and flagged. */
export interface ProfileRow extends Observation {
  suppressed: boolean;
  /** Why there is no value (publish.ts); null when there is one. */
  status?: ObservationStatus | null;
}

/**
 * Every indicator in every period for the area and its references: the Kompas rows, the changes and the small
 * trend lines are all derived from this one result (a few thousand rows at most).
 */
export function kompasQuery({ codes }: KompasRequest): string {
  return `SELECT area_code, indicator_id, period, value, numerator, denominator, suppressed, status
FROM observations
WHERE area_code IN ${sqlStringList(codes)}
ORDER BY indicator_id, area_code, period`;
}

/**
 * The one Kompas question for an area: its codes (the area, its gemeente, NL where the package has it), the SQL,
 * and, for a partitioned package, the area files it needs. Built the same way at a click and at render, so the
 * render finds the click's request in the coordinator's cache.
 */
export function kompasRequest(
  code: string,
  areas: ReadonlyMap<string, Area>,
  partitioned: boolean,
): { codes: string[]; sql: string; partitions: string[] | undefined } {
  const gemeente = areas.get(code)?.gemeente;
  const codes = [code, ...(gemeente && gemeente !== code ? [gemeente] : []), ...(areas.has('NL00') ? ['NL00'] : [])];
  return { codes, sql: kompasQuery({ codes }), partitions: partitioned ? areaPartitions(codes, areas) : undefined };
}

/** Column-wise: a few thousand rows per area switch, where Arrow's row proxies cost more than the query. */
export function decodeProfile(table: Table): ProfileRow[] {
  const column = (name: string) => table.getChild(name)!;
  const area = column('area_code');
  const indicator = column('indicator_id');
  const period = column('period');
  const value = column('value');
  const numerator = column('numerator');
  const denominator = column('denominator');
  const suppressed = column('suppressed');
  const status = column('status');
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const rows: ProfileRow[] = new Array(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    rows[i] = {
      area_code: String(area.get(i)),
      indicator_id: String(indicator.get(i)),
      period: Number(period.get(i)),
      value: num(value.get(i)),
      numerator: num(numerator.get(i)),
      denominator: num(denominator.get(i)),
      suppressed: Boolean(suppressed.get(i)),
      status: (status.get(i) as ObservationStatus | null) ?? null,
    };
  }
  return rows;
}
