/**
 * The one way query results become plain rows: column by column (Arrow's row proxies cost several times more per
 * row, and a national map has ~18.000), each column through a small converter. A decoder lists its fields; the
 * field name is the result's column name.
 */
import type { Table } from 'apache-arrow';
import type { ObservationStatus } from '../data/package.ts';

export type Convert<T> = (value: unknown) => T;

export const asString: Convert<string> = (v) => String(v);
export const asNumber: Convert<number> = (v) => Number(v);
/** A number, or null for SQL NULL (DuckDB's BIGINT arrives as bigint, DOUBLE as number). */
export const asNumberOrNull: Convert<number | null> = (v) => (v === null || v === undefined ? null : Number(v));
export const asBoolean: Convert<boolean> = (v) => Boolean(v);
/** Why there is no value (publish.ts); null when there is one. */
export const asStatus: Convert<ObservationStatus | null> = (v) => (v as ObservationStatus | null) ?? null;
/** A text column holding one of a closed set of words (level, theme), as its type. */
export const asWord = <T extends string>(v: unknown): T => v as T;

/** The value columns every observation-shaped result carries (`status` needs the query to select it). */
export const VALUE_FIELDS = {
  value: asNumberOrNull,
  numerator: asNumberOrNull,
  denominator: asNumberOrNull,
  suppressed: asBoolean,
  status: asStatus,
} as const;

/** One row per result row with the given fields; throws naming a column the result does not have. */
export function decodeColumns<R extends object>(table: Table, fields: { [K in keyof R]-?: Convert<R[K]> }): R[] {
  const keys = Object.keys(fields) as (keyof R & string)[];
  const names = new Set(table.schema.fields.map((f) => f.name));
  for (const key of keys) if (!names.has(key)) throw new Error(`the query result has no column ${key}`);
  const converters = keys.map((key) => fields[key] as Convert<unknown>);
  const rows: R[] = new Array(table.numRows);
  let i = 0;
  // Batch by batch: a batch's column is one chunk and reads a value directly, where the table's column (one chunk per
  // batch) searches its chunks for every value (profiled: half the decoding of a whole package's observations).
  for (const batch of table.batches) {
    const chunk = keys.map((key) => batch.getChild(key)!);
    for (let j = 0; j < batch.numRows; j++, i++) {
      const row: Record<string, unknown> = {};
      for (let k = 0; k < keys.length; k++) row[keys[k]!] = converters[k]!(chunk[k]!.get(j));
      rows[i] = row as R;
    }
  }
  return rows;
}
