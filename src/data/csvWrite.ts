/**
 * The project's one CSV writer: RFC 4180, comma-separated, `\n` line ends, fields quoted when they hold the
 * separator, a quote or a line break. `;` and `\r\n` give what Excel with Dutch settings writes. Numbers are
 * written by `String` unless the caller formats them (the demo generator fixes its decimals, the downloads format
 * their cells before). Used by the package builders, the downloads, the bundle and the scripts alike.
 */
export type CsvCell = string | number | null | undefined;

export interface CsvWriteOptions {
  separator?: string;
  lineEnd?: string;
  /** How a number cell is written; `String` by default. */
  formatNumber?: (value: number) => string;
}

function csvField(value: CsvCell, separator = ',', formatNumber: (value: number) => string = String): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? formatNumber(value) : value;
  return text.includes(separator) || /["\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV text: the header row, then one line per row, every line ended by `lineEnd`. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  { separator = ',', lineEnd = '\n', formatNumber = String }: CsvWriteOptions = {},
): string {
  const line = (cells: readonly CsvCell[]) => cells.map((c) => csvField(c, separator, formatNumber)).join(separator);
  return `${[line(header), ...rows.map(line)].join(lineEnd)}${lineEnd}`;
}
