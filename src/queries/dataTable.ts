import type { Table } from 'apache-arrow';
import type { Level, ObservationStatus } from '../data/package.ts';
import { asNumber, asString, asWord, decodeColumns, VALUE_FIELDS } from './decode.ts';
import { sqlInteger, sqlStringList } from './sql.ts';

export interface DataTableRequest {
  indicators: readonly string[];
  levels: readonly Level[];
  /** One year, or every year when null. */
  period: number | null;
}

export interface DataTableRow {
  code: string;
  name: string;
  level: Level;
  indicator: string;
  period: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  suppressed: boolean;
  /** Why there is no value (publish.ts); null when there is one. */
  status?: ObservationStatus | null;
}

/** The Data view's table: areas × indicators × years, long, as the app may see them (suppressed values are null). */
export function dataTableQuery({ indicators, levels, period }: DataTableRequest): string {
  return `SELECT o.area_code AS code, a.name, a.level, o.indicator_id AS indicator, o.period, o.value,
  o.numerator, o.denominator, o.suppressed, o.status
FROM observations o JOIN areas a ON a.code = o.area_code
WHERE o.indicator_id IN ${sqlStringList(indicators)} AND a.level IN ${sqlStringList(levels)}${
    period === null ? '' : ` AND o.period = ${sqlInteger(period)}`
  }
ORDER BY o.indicator_id, a.level, o.area_code, o.period`;
}

export function decodeDataTable(table: Table): DataTableRow[] {
  return decodeColumns<DataTableRow>(table, {
    code: asString,
    name: asString,
    level: asWord<Level>,
    indicator: asString,
    period: asNumber,
    ...VALUE_FIELDS,
  });
}
