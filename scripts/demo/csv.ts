/** CSV and number formatting for the demo package: RFC 4180, `\n` line ends, `.` decimals, no exponent. */
import { toCsv as writeCsv } from '../../src/data/csvWrite.ts';

export type Cell = string | number | null;

/** A number with at most `decimals` decimals, without trailing zeros or exponent (`12.3456`, `40`). */
export function formatNumber(value: number, decimals = 4): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  let text = value.toFixed(decimals);
  if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
  return text === '-0' ? '0' : text;
}

/** Rounds to `decimals` decimals (half away from zero), as the published value is. */
export function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return (Math.sign(value) * Math.round(Math.abs(value) * f)) / f;
}

/**
 * A whole CSV file by the project's one writer (src/data/csvWrite.ts): header row, one line per row, every line
 * ended by `\n`, numbers by {@link formatNumber}. A row of another length than the header is a generator bug.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  for (const row of rows) {
    if (row.length !== header.length) throw new Error(`row has ${row.length} fields, header ${header.length}`);
  }
  return writeCsv(header, rows, { formatNumber: (value) => formatNumber(value) });
}

/** Plain code-unit string order (not locale order), so the sort is the same everywhere. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
