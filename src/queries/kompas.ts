import type { Table } from 'apache-arrow';
import type { Area, Observation, ObservationStatus } from '../data/package.ts';
import { areaPartitions } from '../data/partitions.ts';
import { asNumber, asString, decodeColumns, VALUE_FIELDS } from './decode.ts';
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

/** The Kompas rows; the query must select `status` (the first view's files carry it too). */
export function decodeProfile(table: Table): ProfileRow[] {
  return decodeColumns<ProfileRow>(table, {
    area_code: asString,
    indicator_id: asString,
    period: asNumber,
    ...VALUE_FIELDS,
  });
}
