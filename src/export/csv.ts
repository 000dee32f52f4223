/**
 * The table a view shows, as a download. `ExportTable` is what the app hands to the data table on screen and to
 * every download alike, so a file holds exactly the rows, columns, rounding and secret cells that were shown.
 *
 * CSV layout (chosen for people who double-click the file and get Excel):
 * - UTF-8 with a byte order mark, CRLF line ends, one header row. Without the BOM Excel reads UTF-8 as Windows-1252
 *   ("CliÃ«nten"). No `sep=` line: with it, Excel ignores the BOM.
 * - Two number formats. `nl`: `;` between fields and a decimal comma (what Excel expects with Dutch regional
 *   settings). `intl`: `,` and a decimal point (Excel in other languages, R, Python, DuckDB). Never thousands
 *   separators; numbers keep the decimals shown on screen ("12,0").
 * - A missing value is an EMPTY cell, so the column stays numeric (sums, averages and pivot tables work), with the
 *   reason in a status column right after it: "<label> (status)" holding the same words as the screen ("geheim",
 *   "niet gepubliceerd", "geen inwoners", "nog niet beschikbaar"; src/app/missingReason.ts).
 *   A column marked `suppressible` always has its status column, so the layout does not change with the data.
 * - The attribution (e.g. "Bron: CBS, CC BY 4.0") is a last column `bron` / `source` repeated on every row. CSV
 *   has no comments or metadata; a trailing "source" line becomes a data row for every program that reads the file
 *   as a table (Power Query, pandas, R, DuckDB) and is cut off by sorting and filtering, while a column travels
 *   with every row that is copied out, as the CC BY licence asks. The .xlsx puts it in a row under the table.
 */

import { fillTemplate, type Lang } from '../app/format.ts';
import { dataEN } from '../app/i18n/data.en.ts';
import { dataNL } from '../app/i18n/data.nl.ts';
import { missingEN } from '../app/i18n/missing.en.ts';
import { missingNL } from '../app/i18n/missing.nl.ts';
import { type MissingReason, missingWordKey } from '../app/missingReason.ts';
import { toCsv } from '../data/csvWrite.ts';
import { neutraliseFormula } from './neutralise.ts';

export type ExportColumnKind = 'text' | 'number' | 'integer';

export interface ExportColumn {
  /** The key of the column's value in every row. */
  key: string;
  /** The header as shown on screen, in the interface language. */
  label: string;
  kind: ExportColumnKind;
  /** A `number` column's decimals as shown on screen (the indicator's `decimals`); values are rounded to it. */
  decimals?: number;
  /** Thousands separators on screen and in Excel's number format (default true); false for years. */
  grouping?: boolean;
  /** The column can hold secret values: it gets a status column in every download, also when none is secret. */
  suppressible?: boolean;
}

export type ExportCell = string | number | null;
export type ExportRow = Readonly<Record<string, ExportCell>>;

export interface ExportTable {
  columns: readonly ExportColumn[];
  rows: readonly ExportRow[];
  /**
   * `suppressed[i]` lists the keys of row i's secret cells (privacy: too few people). Their value in `rows` should
   * be null; a value that is there anyway is never shown nor written.
   */
  suppressed?: readonly (readonly string[] | undefined)[];
  /**
   * `reasons[i]` gives, per key, why row i's value is missing (a secret cell without one is `secret`). The word is
   * written in the status column.
   */
  reasons?: readonly (Readonly<Record<string, MissingReason>> | undefined)[];
}

/** The words an export writes itself, in the interface language. */
export interface ExportWords {
  /** The status of a secret cell: "geheim". */
  secret: string;
  /** The status of a missing value, per reason ("niet gepubliceerd" …). */
  reasons: Record<MissingReason, string>;
  /** The header of a status column; `{column}` is the value column's label. */
  status: string;
  /** The header of the attribution column: "bron". */
  source: string;
}

export function exportWords(lang: Lang): ExportWords {
  const text = lang === 'en' ? dataEN : dataNL;
  const missing = lang === 'en' ? missingEN : missingNL;
  const word = (reason: MissingReason) => missing[missingWordKey(reason) as keyof typeof missingNL];
  return {
    secret: word('secret'),
    reasons: {
      secret: word('secret'),
      not_published: word('not_published'),
      no_inhabitants: word('no_inhabitants'),
      not_yet_available: word('not_yet_available'),
      no_data: word('no_data'),
    },
    status: text['data.export.status'],
    source: text['data.export.source'],
  };
}

export function isSuppressed(table: ExportTable, row: number, key: string): boolean {
  return table.suppressed?.[row]?.includes(key) ?? false;
}

/** Why a cell has no value: its reason, `secret` for a suppressed cell without one, else null. */
export function missingOf(table: ExportTable, row: number, key: string): MissingReason | null {
  const reason = table.reasons?.[row]?.[key];
  if (reason && (isSuppressed(table, row, key) || table.rows[row]?.[key] == null)) return reason;
  return isSuppressed(table, row, key) ? 'secret' : null;
}

export type GridCell = { text: string } | { value: number; decimals: number | undefined; grouping: boolean } | null;

/** The table as written: status columns inserted, numbers rounded, texts neutralised, secret values gone. */
export interface ExportGrid {
  header: string[];
  rows: GridCell[][];
}

/** A number rounded as on screen; null for NaN and infinities, never -0. */
export function roundedCell(value: number, column: ExportColumn): GridCell {
  if (!Number.isFinite(value)) return null;
  const decimals = column.kind === 'integer' ? 0 : column.decimals;
  const rounded = decimals === undefined ? value : Number(value.toFixed(decimals));
  return { value: rounded === 0 ? 0 : rounded, decimals, grouping: column.grouping ?? true };
}

function cell(value: ExportCell | undefined, column: ExportColumn): GridCell {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number' && column.kind !== 'text') return roundedCell(value, column);
  return { text: neutraliseFormula(String(value)) };
}

export function exportGrid(table: ExportTable, words: ExportWords): ExportGrid {
  const withStatus = table.columns.map(
    (column) => column.suppressible === true || table.rows.some((_, i) => missingOf(table, i, column.key) !== null),
  );
  const header: string[] = [];
  table.columns.forEach((column, c) => {
    header.push(neutraliseFormula(column.label));
    if (withStatus[c]) header.push(neutraliseFormula(fillTemplate(words.status, { column: column.label })));
  });
  const rows = table.rows.map((row, i) => {
    const cells: GridCell[] = [];
    table.columns.forEach((column, c) => {
      const secret = isSuppressed(table, i, column.key);
      const reason = missingOf(table, i, column.key);
      cells.push(secret ? null : cell(row[column.key], column));
      if (withStatus[c]) cells.push(reason ? { text: words.reasons?.[reason] ?? words.secret } : null);
    });
    return cells;
  });
  return { header, rows };
}

export type CsvNumberFormat = 'nl' | 'intl';

export interface CsvOptions {
  numberFormat: CsvNumberFormat;
  /** Written in a last column on every row; left out when empty. */
  attribution: string;
  /** Defaults to Dutch. */
  words?: ExportWords;
}

/** A number without exponent or grouping: 0.0000001 rather than 1e-7. */
function plainNumber(value: number, decimals: number | undefined): string {
  if (decimals !== undefined) return value.toFixed(decimals);
  const text = String(value);
  return text.includes('e')
    ? value.toLocaleString('en-US', { useGrouping: false, maximumSignificantDigits: 17 })
    : text;
}

function csvText(cell: GridCell, format: CsvNumberFormat): string {
  if (cell === null) return '';
  if ('text' in cell) return cell.text;
  const text = plainNumber(cell.value, cell.decimals);
  return format === 'nl' ? text.replace('.', ',') : text;
}

/** The CSV text, starting with a byte order mark; `new Blob([text])` stores it as UTF-8. */
export function toExportCsv(table: ExportTable, options: CsvOptions): string {
  const words = options.words ?? exportWords('nl');
  const separator = options.numberFormat === 'nl' ? ';' : ',';
  const grid = exportGrid(table, words);
  const source = options.attribution === '' ? [] : [neutraliseFormula(options.attribution)];
  const header = [...grid.header, ...(source.length ? [words.source] : [])];
  const rows = grid.rows.map((row) => [...row.map((c) => csvText(c, options.numberFormat)), ...source]);
  return `\uFEFF${toCsv(header, rows, { separator, lineEnd: '\r\n' })}`;
}
