import { useCallback, useId, useMemo, useState } from 'react';
import { fillTemplate, formatNumber, type Lang } from '../../app/format.ts';
import { dataEN } from '../../app/i18n/data.en.ts';
import { dataNL } from '../../app/i18n/data.nl.ts';
import { useI18n } from '../../app/i18n/index.tsx';
import { missingTitleKey, missingWordKey } from '../../app/missingReason.ts';
import { type ExportColumn, type ExportTable, isSuppressed, missingOf } from '../../export/csv.ts';
import './data.css';

export type DataKey = keyof typeof dataNL;

/** This feature's texts in the active language (works before and after data.*.ts are merged into nl.ts/en.ts). */
export function useDataText(): (key: DataKey, params?: Record<string, string | number>) => string {
  const { lang } = useI18n();
  return useCallback((key, params) => fillTemplate((lang === 'en' ? dataEN : dataNL)[key], params), [lang]);
}

export interface DataTableProps {
  /** Exactly what the downloads of the same view write. */
  table: ExportTable;
  caption: string;
  /** Rows per page at first (default 100); the reader can choose another size. */
  pageSize?: number;
}

export const PAGE_SIZES = [25, 100, 500] as const;
const LOCALE: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };

export interface SortState {
  key: string;
  direction: 'ascending' | 'descending';
}

/** Lower case without diacritics, so that "cliënt" is found by "client" and "Één" by "een". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Indices of the rows whose text cells hold every word of the query (diacritics and case ignored). */
export function filterRows(table: ExportTable, query: string): number[] {
  const all = table.rows.map((_, i) => i);
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return all;
  const textKeys = table.columns.filter((c) => c.kind === 'text').map((c) => c.key);
  return all.filter((i) => {
    const cells = textKeys.flatMap((key) => {
      const value = table.rows[i]![key];
      return typeof value === 'string' && !isSuppressed(table, i, key) ? [foldText(value)] : [];
    });
    return words.every((word) => cells.some((cell) => cell.includes(word)));
  });
}

/** The row indices sorted by one column; empty and secret cells last in both directions, ties in table order. */
export function sortRows(table: ExportTable, indices: readonly number[], sort: SortState | null, lang: Lang): number[] {
  if (!sort) return [...indices];
  const { key } = sort;
  const collator = new Intl.Collator(LOCALE[lang], { numeric: true, sensitivity: 'base' });
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const cellOf = (i: number) => (isSuppressed(table, i, key) ? null : (table.rows[i]![key] ?? null));
  return [...indices].sort((a, b) => {
    const x = cellOf(a);
    const y = cellOf(b);
    if (x === null || y === null) return x === y ? a - b : x === null ? 1 : -1;
    let order: number;
    if (typeof x === 'number' && typeof y === 'number') order = x - y;
    else if (typeof x === 'number') order = -1;
    else if (typeof y === 'number') order = 1;
    else order = collator.compare(x, y);
    return order * sign || a - b;
  });
}

/** A number as the view shows it: the column's decimals in the language's notation (a year without "2.023"). */
export function displayNumber(value: number, column: ExportColumn, lang: Lang): string {
  const decimals = column.kind === 'integer' ? 0 : column.decimals;
  if (decimals === undefined) {
    return new Intl.NumberFormat(LOCALE[lang], {
      maximumFractionDigits: 10,
      useGrouping: column.grouping !== false,
    }).format(value || 0);
  }
  const text = formatNumber(value, decimals, lang);
  return column.grouping === false ? text.replace(lang === 'nl' ? /\./g : /,/g, '') : text;
}

function Cell({ table, row, column }: { table: ExportTable; row: number; column: ExportColumn }) {
  const { lang, t } = useI18n();
  const reason = missingOf(table, row, column.key);
  if (reason !== null) {
    return (
      <span className="suppressed missing" data-missing={reason} title={t(missingTitleKey(reason))}>
        {t(missingWordKey(reason))}
      </span>
    );
  }
  const value = table.rows[row]![column.key];
  if (value === null || value === undefined) return null;
  return <>{typeof value === 'number' ? displayNumber(value, column, lang) : value}</>;
}

const ARROW = { ascending: '▲', descending: '▼' } as const;

export function DataTable({ table, caption, pageSize = 100 }: DataTableProps) {
  const { lang, plural } = useI18n();
  const text = useDataText();
  const id = useId();
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortState | null>(null);
  const [size, setSize] = useState(pageSize);
  const [page, setPage] = useState(0);

  const filtered = useMemo(() => filterRows(table, query), [table, query]);
  const sorted = useMemo(() => sortRows(table, filtered, sort, lang), [table, filtered, sort, lang]);
  const pages = Math.max(1, Math.ceil(sorted.length / size));
  const current = Math.min(page, pages - 1);
  const visible = sorted.slice(current * size, (current + 1) * size);
  const sizes = [...new Set([...PAGE_SIZES, pageSize])].sort((a, b) => a - b);
  const total = table.rows.length;

  const count =
    sorted.length === total
      ? plural('data.table.rows', total)
      : plural('data.table.rowsFiltered', total, { shown: formatNumber(sorted.length, 0, lang) });

  const sortBy = (key: string) => {
    setSort((s) => ({
      key,
      direction: s?.key === key && s.direction === 'ascending' ? 'descending' : 'ascending',
    }));
    setPage(0);
  };
  const isNumber = (column: ExportColumn) => column.kind !== 'text';

  return (
    <div className="data-table">
      <div className="data-table-tools">
        <label htmlFor={`${id}-filter`}>{text('data.table.filter')}</label>
        <input
          id={`${id}-filter`}
          type="search"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setPage(0);
          }}
        />
        <p className="data-table-count" role="status">
          {count}
        </p>
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled by keyboard (WCAG 2.1.1) */}
      <section className="data-table-scroll" aria-labelledby={`${id}-caption`} tabIndex={0}>
        <table>
          <caption id={`${id}-caption`}>{caption}</caption>
          <thead>
            <tr>
              {table.columns.map((column) => {
                const direction = sort?.key === column.key ? sort.direction : undefined;
                return (
                  <th
                    key={column.key}
                    scope="col"
                    aria-sort={direction ?? 'none'}
                    className={isNumber(column) ? 'num' : undefined}
                  >
                    <button type="button" onClick={() => sortBy(column.key)}>
                      {column.label}
                      <span aria-hidden="true" className="data-table-arrow">
                        {direction ? ARROW[direction] : '↕'}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {visible.length === 0 && (
              <tr>
                <td colSpan={table.columns.length}>{text('data.table.empty')}</td>
              </tr>
            )}
            {visible.map((row) => (
              <tr key={row}>
                {table.columns.map((column, c) => {
                  const className = isNumber(column) ? 'num' : undefined;
                  return c === 0 ? (
                    <th key={column.key} scope="row" className={className}>
                      <Cell table={table} row={row} column={column} />
                    </th>
                  ) : (
                    <td key={column.key} className={className}>
                      <Cell table={table} row={row} column={column} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {total > sizes[0]! && (
        <div className="data-table-paging">
          <label htmlFor={`${id}-size`}>{text('data.table.pageSize')}</label>
          <select
            id={`${id}-size`}
            value={size}
            onChange={(e) => {
              setSize(Number(e.target.value));
              setPage(0);
            }}
          >
            {sizes.map((n) => (
              <option key={n} value={n}>
                {formatNumber(n, 0, lang)}
              </option>
            ))}
          </select>
          {pages > 1 && (
            <nav aria-label={text('data.table.pagination')}>
              <button type="button" disabled={current === 0} onClick={() => setPage(current - 1)}>
                {text('data.table.previous')}
              </button>
              <span>{text('data.table.page', { page: current + 1, pages })}</span>
              <button type="button" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
                {text('data.table.next')}
              </button>
            </nav>
          )}
        </div>
      )}
    </div>
  );
}
