/**
 * Literal quoting for the SQL builders. Builders inline literals (rather than binding parameters) so that the SQL
 * text is the cache key; every value that came from a user, a URL or a file passes through these functions.
 */

/** A SQL string literal: single quotes doubled, NUL removed (DuckDB rejects it inside literals). */
export function sqlString(value: string): string {
  return `'${value.replaceAll('\u0000', '').replaceAll("'", "''")}'`;
}

/** A finite number literal; throws on NaN/Infinity so a bad value never reaches the engine as text. */
export function sqlNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return String(value);
}

/** An integer literal (periods, limits). */
export function sqlInteger(value: number): string {
  if (!Number.isInteger(value)) throw new Error(`not an integer: ${value}`);
  return String(value);
}

/** `('a', 'b')` for IN lists; an empty list becomes `(NULL)` so `x IN (NULL)` matches nothing. */
export function sqlStringList(values: readonly string[]): string {
  return values.length === 0 ? '(NULL)' : `(${values.map(sqlString).join(', ')})`;
}

/** A quoted identifier (table or column name). */
export function sqlIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
