import type { Table } from 'apache-arrow';
import type { Level, ObservationStatus } from '../data/package.ts';
import { asBoolean, asNumberOrNull, asStatus, asString, asWord, decodeColumns } from './decode.ts';
import { sqlInteger, sqlString, sqlStringList } from './sql.ts';

export interface ChoroplethRequest {
  indicator: string;
  period: number;
  levels: readonly Level[];
  /** Only the areas of this gemeente (Verkennen in a package of many): the map classifies what the charts show. */
  gemeente?: string | null;
}

export interface ChoroplethRow {
  code: string;
  level: Level;
  value: number | null;
  suppressed: boolean;
  /** Why there is no value (publish.ts); null when there is one. */
  status?: ObservationStatus | null;
}

/** One row per drawn area: the value of one indicator in one period, for the map's levels. */
export function choroplethQuery({ indicator, period, levels, gemeente }: ChoroplethRequest): string {
  const inGemeente = gemeente ? `\n  AND a.gemeente = ${sqlString(gemeente)}` : '';
  return `SELECT o.area_code AS code, a.level, o.value, o.suppressed, o.status
FROM observations o JOIN areas a ON a.code = o.area_code
WHERE o.indicator_id = ${sqlString(indicator)} AND o.period = ${sqlInteger(period)}
  AND a.level IN ${sqlStringList(levels)}${inGemeente}
ORDER BY o.area_code`;
}

export function decodeChoropleth(table: Table): ChoroplethRow[] {
  return decodeColumns<ChoroplethRow>(table, {
    code: asString,
    level: asWord<Level>,
    value: asNumberOrNull,
    suppressed: asBoolean,
    status: asStatus,
  });
}

/** Every area with its level in the choropleth query's order (by code): the order the build's map files point into. */
export function choroplethAreasQuery(): string {
  return 'SELECT code, level FROM areas ORDER BY code';
}

export function decodeChoroplethAreas(table: Table): { code: string; level: Level }[] {
  return decodeColumns<{ code: string; level: Level }>(table, { code: asString, level: asWord<Level> });
}
