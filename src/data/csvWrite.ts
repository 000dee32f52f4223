/**
 * Writes RFC 4180 CSV: comma-separated, `\n` line ends, fields quoted when they hold the separator, a quote or a
 * newline. `;` and `\r\n` give what Excel with Dutch settings writes.
 */
export function csvField(value: string | number | null | undefined, separator = ','): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return text.includes(separator) || /["\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null | undefined)[])[],
  { separator = ',', lineEnd = '\n' }: { separator?: string; lineEnd?: string } = {},
): string {
  const line = (cells: readonly (string | number | null | undefined)[]) =>
    cells.map((c) => csvField(c, separator)).join(separator);
  return `${[line(header), ...rows.map(line)].join(lineEnd)}${lineEnd}`;
}
