/**
 * Reading the package's CSV files into rows for the validators, and the checks of typed cells they share.
 */
import { checkColumns } from './columns.ts';
import { parseCsv } from './csv.ts';
import { cellValue, IssueCollector, parseIntegerCell } from './issues.ts';
import type { PackageIssue } from './package.ts';

export interface Table {
  rows: { row: number; cell: (column: string) => string }[];
  issues: IssueCollector;
}

/** Parses a CSV file and checks its columns; throws right away when a required column is missing. */
export function readTable(text: string, file: string, required: readonly string[], optional: readonly string[]): Table {
  const csv = parseCsv(text, file);
  const issues = new IssueCollector(file);
  const columnIssues: PackageIssue[] = checkColumns(csv.header, required, file, optional);
  issues.addAll(columnIssues);
  if (columnIssues.some((issue) => issue.code === 'missingColumn')) issues.throwIfAny();
  const index = new Map<string, number>();
  csv.header.forEach((name, i) => {
    if (!index.has(name)) index.set(name, i);
  });
  const rows = csv.rows.map((cells, i) => ({
    row: csv.rowNumbers[i]!,
    cell: (column: string) => {
      const at = index.get(column);
      return at === undefined ? '' : (cells[at] ?? '');
    },
  }));
  return { rows, issues };
}

/** Checks `value` against `allowed`: `required` when empty, `invalidEnum` (params `allowed`) when not listed. */
export function enumCell<T extends string>(
  value: string,
  allowed: readonly T[],
  at: { row: number; column: string },
  issues: IssueCollector,
): T | null {
  if (value === '') issues.add({ ...at, code: 'required' });
  else if ((allowed as readonly string[]).includes(value)) return value as T;
  else issues.add({ ...at, code: 'invalidEnum', params: { value: cellValue(value), allowed: allowed.join(', ') } });
  return null;
}

/** An integer cell in [min, max]: `required`, `notInteger`, `negative` (when min is 0) or `outOfRange`. */
export function integerCell(
  value: string,
  min: number,
  max: number,
  at: { row: number; column: string },
  issues: IssueCollector,
) {
  if (value === '') {
    issues.add({ ...at, code: 'required' });
    return null;
  }
  const parsed = parseIntegerCell(value);
  if (!parsed.ok) issues.add({ ...at, code: 'notInteger', params: parsed.params });
  else if (parsed.value < 0 && min === 0) issues.add({ ...at, code: 'negative', params: { value: cellValue(value) } });
  else if (parsed.value < min || parsed.value > max) {
    issues.add({ ...at, code: 'outOfRange', params: { value: cellValue(value), min, max } });
  } else return parsed.value;
  return null;
}
