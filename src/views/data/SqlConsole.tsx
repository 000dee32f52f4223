import * as Plot from '@observablehq/plot';
import { DataType, type Table, util } from 'apache-arrow';
import { type KeyboardEvent, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { formatNumber } from '../../app/format.ts';
import { useI18n } from '../../app/i18n/index.tsx';
import { toCsv } from '../../data/csvWrite.ts';
import { EngineRestartedError, QueryCancelledError } from '../../db/engine.ts';
import { MEMORY_LIMIT } from '../../db/settings.ts';
import { downloadBlob } from '../../export/download.ts';
import { neutraliseFormula } from '../../export/neutralise.ts';
import { countRows, runConsole, statementAlone } from '../../queries/sqlConsole.ts';
import { type GuardResult, guardSql, type SchemaTable } from '../../queries/sqlGuard.ts';
import { SvgHost } from '../charts/SvgHost.tsx';
import { type ConsoleColumn, type ConsoleColumnKind, formatConsoleCell } from './consoleCell.ts';

/** Rows shown in the result table: only these (and one more) come into the browser; a count says how many in all. */
export const SHOWN_ROWS = 1000;
/** Bars in the quick chart. */
const CHART_ROWS = 50;

export interface SqlConsoleProps {
  /**
   * Runs one text (may hold several statements) on the app's DuckDB; never through the cached coordinator. `signal`
   * cancels it (rejecting with a QueryCancelledError).
   */
  run(sql: string, signal: AbortSignal): Promise<Table>;
  /** The tables and views with their columns (see `readSchema` in queries/sqlGuard.ts). */
  schema(): Promise<SchemaTable[]>;
  /** The app's objects, which the console may read but not change (the views; `gk*` tables always). */
  protectedNames: string[];
  /** DuckDB's parser error for a text, or null when it parses; parses only, never runs (Connector.syntaxError). */
  syntaxError?(sql: string): Promise<string | null>;
}

type Column = ConsoleColumn;

function kindOf(type: DataType): ConsoleColumnKind {
  if (DataType.isUtf8(type) || DataType.isLargeUtf8(type)) return 'text';
  if (DataType.isDictionary(type)) return DataType.isUtf8(type.dictionary) ? 'text' : 'other';
  if (DataType.isFloat(type)) return 'float';
  if (DataType.isInt(type)) return 'integer';
  if (DataType.isDecimal(type)) return 'decimal';
  if (DataType.isDate(type)) return 'date';
  if (DataType.isTimestamp(type)) return 'timestamp';
  return 'other';
}

/** The table's columns; `names` (when given) replace the field names, which a wrapping subquery may have renamed. */
function columnsOf(table: Table, names?: readonly string[] | null): Column[] {
  return table.schema.fields.map((f, i) => ({
    name: names?.[i] ?? f.name,
    kind: kindOf(f.type),
    scale: DataType.isDecimal(f.type) ? f.type.scale : 0,
  }));
}

/** A cell as a plain JS value: string, number, bigint or null (dates as ISO text, nested values as JSON). */
function cellOf(value: unknown, column: Column): string | number | bigint | null {
  if (value === null || value === undefined) return null;
  switch (column.kind) {
    case 'text':
      return String(value);
    case 'float':
      return Number(value);
    case 'integer':
      return typeof value === 'bigint' ? value : Number(value);
    case 'decimal':
      return typeof value === 'number'
        ? value
        : util.bigNumToNumber(value as Parameters<typeof util.bigNumToNumber>[0], column.scale);
    case 'date':
      return new Date(Number(value)).toISOString().slice(0, 10);
    case 'timestamp':
      return new Date(Number(value)).toISOString();
    default:
      return JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? v.toString() : v)) ?? String(value);
  }
}

/** The first `limit` rows of a result, as plain values by column index (duplicate column names stay apart). */
function rowsOf(table: Table, columns: readonly Column[], limit: number): (string | number | bigint | null)[][] {
  const n = Math.min(table.numRows, limit);
  const vectors = columns.map((_, i) => table.getChildAt(i));
  const rows: (string | number | bigint | null)[][] = [];
  for (let r = 0; r < n; r++) rows.push(columns.map((c, i) => cellOf(vectors[i]?.get(r), c)));
  return rows;
}

/**
 * A cell for the CSV download: text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage
 * return first) gets a leading `'` (the app's `neutraliseFormula`, OWASP "CSV injection"); numbers stay numbers.
 */
export function neutralizeCell(value: string | number | bigint | null): string | number | null {
  if (value === null) return null;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return value;
  return neutraliseFormula(value);
}

/** The whole result as CSV (RFC 4180), formula-like text cells neutralised; `names` as for the table's columns. */
export function resultCsv(table: Table, names?: readonly string[] | null): string {
  const columns = columnsOf(table, names);
  const rows = rowsOf(table, columns, table.numRows).map((row) => row.map(neutralizeCell));
  return toCsv(
    columns.map((c) => neutraliseFormula(c.name)),
    rows,
  );
}

function download(csv: string, name: string) {
  // A byte order mark, so that Excel reads the file as UTF-8.
  downloadBlob(new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' }), name);
}

/** A bar chart for a result of one text and one numeric column (the first rows, in result order). */
function quickChart(
  columns: readonly Column[],
  rows: readonly (string | number | bigint | null)[][],
  ariaLabel: string,
): Element | null {
  if (columns.length !== 2) return null;
  const labelAt = columns.findIndex((c) => c.kind === 'text');
  const valueAt = columns.findIndex((c) => c.kind === 'integer' || c.kind === 'float' || c.kind === 'decimal');
  if (labelAt < 0 || valueAt < 0) return null;
  const data = rows
    .slice(0, CHART_ROWS)
    .map((r) => ({ label: String(r[labelAt] ?? ''), value: r[valueAt] === null ? null : Number(r[valueAt]) }))
    .filter((d): d is { label: string; value: number } => d.value !== null && Number.isFinite(d.value));
  if (data.length === 0) return null;
  const longest = Math.min(40, Math.max(...data.map((d) => d.label.length)));
  return Plot.plot({
    width: 640,
    height: 30 + data.length * 18,
    marginLeft: Math.max(60, longest * 7),
    ariaLabel,
    x: { grid: true, label: columns[valueAt]!.name },
    y: {
      label: null,
      domain: data.map((d) => d.label),
      tickFormat: (l: string) => (l.length > 40 ? `${l.slice(0, 39)}…` : l),
    },
    marks: [Plot.barX(data, { x: 'value', y: 'label', fill: '#1f5fa8' }), Plot.ruleX([0])],
  });
}

/**
 * DuckDB's message without its "Parser Error: " prefix when the text did not parse (a typo), else null. DuckDB-WASM
 * repeats the "LINE 1: …" block that points at the error; it is shown once.
 */
export function syntaxMessage(error: string): string | null {
  const prefix = /^Parser Error:\s*/.exec(error);
  if (!prefix) return null;
  return [...new Set(error.slice(prefix[0].length).split(/\n\s*\n/))].join('\n\n');
}

/** How the console names a failure that is not DuckDB's plain error text. */
export type FailureKind = 'cancelled' | 'outOfMemory' | 'restarted' | null;

export function failureKind(error: unknown): FailureKind {
  if (error instanceof QueryCancelledError) return 'cancelled';
  if (error instanceof EngineRestartedError) return 'restarted';
  const message = error instanceof Error ? error.message : String(error);
  return /^Out of Memory Error/.test(message) ? 'outOfMemory' : null;
}

interface Outcome {
  /** The whole result, or its first rows when `rerun` is set. */
  table: Table;
  columns: Column[];
  rows: (string | number | bigint | null)[][];
  ms: number;
  /** Rows in the whole result; null while they are counted (`counting`) or when counting failed. */
  total: number | null;
  counting: boolean;
  /** The count was cancelled. */
  countCancelled: boolean;
  /** The query that gives the whole result, for the download, when `table` holds only the first rows. */
  rerun: string | null;
}

/**
 * A SQL console over the app's DuckDB: an editor (Ctrl+Enter runs), the result (first 1000 rows and the count),
 * DuckDB's error text as it gives it, a sidebar with the tables and views and their columns, a quick bar chart for
 * a result of one text and one number column, and a CSV download of the whole result. Every text passes `guardSql`
 * first. A final query brings only its first rows into the browser and is counted apart (`runConsole`); the
 * download runs it again, whole.
 */
export function SqlConsole({ run, schema, protectedNames, syntaxError }: SqlConsoleProps) {
  const { lang, t: text, plural } = useI18n();
  const id = useId();
  const [sql, setSql] = useState('SELECT * FROM indicators');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<FailureKind>(null);
  const [refusal, setRefusal] = useState<Extract<GuardResult, { ok: false }> | null>(null);
  const [tables, setTables] = useState<SchemaTable[] | null>(null);
  const [downloading, setDownloading] = useState(false);
  // The latest run: a slower earlier run (or its count) must not overwrite what a later one shows.
  const latest = useRef(0);
  // Cancels what the console has under way (a run, its count, a download): a new run, the Cancel button, leaving.
  const pending = useRef<AbortController | null>(null);
  const abortable = () => {
    pending.current?.abort();
    pending.current = new AbortController();
    return pending.current.signal;
  };
  useEffect(() => () => pending.current?.abort(), []);
  const cancel = () => pending.current?.abort();

  const refreshSchema = useCallback(() => {
    schema().then(setTables, () => setTables([]));
  }, [schema]);
  useEffect(refreshSchema, [refreshSchema]);

  const execute = async (statement: string) => {
    const ticket = ++latest.current;
    const signal = abortable();
    const guard = guardSql(statement, protectedNames);
    setError(null);
    setFailure(null);
    if (!guard.ok) {
      // A typo (`SELEC 1`) is refused as an unknown statement; DuckDB's own syntax error says better what is wrong.
      const alone = guard.code === 'statement' ? statementAlone(statement, Number(guard.params.statement ?? 1)) : null;
      const parserError = alone !== null && syntaxError ? await syntaxError(alone).catch(() => null) : null;
      if (ticket !== latest.current) return;
      setOutcome(null);
      if (parserError !== null) {
        setRefusal(null);
        setError(parserError);
      } else setRefusal(guard);
      return;
    }
    setRefusal(null);
    setBusy(true);
    const started = performance.now();
    try {
      const runHere = (text: string) => run(text, signal);
      const { table, names, truncated } = await runConsole(runHere, statement, SHOWN_ROWS);
      if (ticket !== latest.current) return;
      const columns = columnsOf(table, names);
      setOutcome({
        table,
        columns,
        rows: rowsOf(table, columns, SHOWN_ROWS),
        ms: performance.now() - started,
        total: truncated ? null : table.numRows,
        counting: truncated !== null,
        countCancelled: false,
        rerun: truncated?.query ?? null,
      });
      if (truncated) {
        const settle = (total: number | null, countCancelled = false) => {
          if (ticket === latest.current) setOutcome((o) => o && { ...o, total, counting: false, countCancelled });
        };
        countRows(runHere, truncated.count).then(
          (total) => settle(total),
          (e: unknown) => settle(null, e instanceof QueryCancelledError),
        );
      }
    } catch (e) {
      if (ticket !== latest.current) return;
      setOutcome(null);
      setFailure(failureKind(e));
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      if (ticket === latest.current) setBusy(false);
      refreshSchema();
    }
  };

  /** The CSV holds the whole result: a result shown in part is read again, whole (through the guard, as any text). */
  const downloadCsv = async (shown: Outcome) => {
    if (shown.rerun === null) {
      const names = shown.columns.map((c) => c.name);
      download(resultCsv(shown.table, names), 'gebiedskompas-sql.csv');
      return;
    }
    const guard = guardSql(shown.rerun, protectedNames);
    if (!guard.ok) {
      setRefusal(guard);
      return;
    }
    setDownloading(true);
    setError(null);
    setFailure(null);
    try {
      download(resultCsv(await run(shown.rerun, abortable())), 'gebiedskompas-sql.csv');
    } catch (e) {
      setFailure(failureKind(e));
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setDownloading(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (!busy) void execute(sql);
    }
  };

  const chart = useMemo(() => {
    if (!outcome) return null;
    const [a, b] = outcome.columns;
    const label = a?.kind === 'text' ? a.name : (b?.name ?? '');
    const value = a?.kind === 'text' ? (b?.name ?? '') : (a?.name ?? '');
    return quickChart(outcome.columns, outcome.rows, text('sql.chartAria', { value, label }));
  }, [outcome, text]);

  const refusalText = refusal
    ? (refusal.params.statement !== undefined
        ? text('sql.guard.statementPrefix', { statement: refusal.params.statement })
        : '') + text(`sql.guard.${refusal.code}`, { name: refusal.params.name ?? '' })
    : null;
  const syntax = error === null || failure !== null ? null : syntaxMessage(error);
  const count = outcome?.total ?? outcome?.table.numRows ?? 0;
  const shownCount = formatNumber(SHOWN_ROWS, 0, lang);
  const countText =
    outcome?.total === null
      ? text('sql.rowsMore', { shown: shownCount }) +
        (outcome.counting
          ? ` · ${text('sql.counting')}`
          : outcome.countCancelled
            ? ` · ${text('sql.countCancelled')}`
            : '')
      : count > SHOWN_ROWS
        ? text('sql.rowsShown', { count: formatNumber(count, 0, lang), shown: shownCount })
        : plural('sql.rows', count);

  return (
    <section className="sql-console" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{text('sql.title')}</h2>
      <p>{text('sql.intro')}</p>
      <div className="sql-console-body">
        <nav className="sql-schema" aria-labelledby={`${id}-schema`}>
          <h3 id={`${id}-schema`}>{text('sql.schema')}</h3>
          {tables !== null && tables.length === 0 && <p>{text('sql.schemaEmpty')}</p>}
          <ul>
            {(tables ?? []).map((t) => (
              <li key={t.table}>
                <details>
                  <summary>{t.table}</summary>
                  <button
                    type="button"
                    className="link-button sql-schema-show"
                    onClick={() => {
                      const statement = `SELECT * FROM "${t.table.replaceAll('"', '""')}" LIMIT 100`;
                      setSql(statement);
                      void execute(statement);
                    }}
                  >
                    {text('sql.showRows', { table: t.table })}
                  </button>
                  <ul className="sql-schema-columns">
                    {t.columns.map((c) => (
                      <li key={c.name}>
                        <code>{c.name}</code> <span className="sql-schema-type">{c.type}</span>
                      </li>
                    ))}
                  </ul>
                </details>
              </li>
            ))}
          </ul>
        </nav>

        <div className="sql-main">
          <label htmlFor={`${id}-sql`}>{text('sql.editorLabel')}</label>
          <textarea
            id={`${id}-sql`}
            className="sql-editor"
            value={sql}
            rows={8}
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
            aria-describedby={`${id}-hint`}
            onChange={(event) => setSql(event.currentTarget.value)}
            onKeyDown={onKeyDown}
            style={{ width: '100%', fontFamily: 'ui-monospace, monospace' }}
          />
          <p id={`${id}-hint`} className="sql-hint">
            {text('sql.runHint')}
          </p>
          <button type="button" className="sql-run" onClick={() => void execute(sql)} disabled={busy}>
            {busy ? text('sql.running') : text('sql.run')}
          </button>{' '}
          {(busy || downloading || outcome?.counting) && (
            <button type="button" className="sql-cancel" onClick={cancel}>
              {text('sql.cancel')}
            </button>
          )}
          <div role="status" className="sql-status">
            {outcome &&
              `${count === 0 ? text('sql.noRows') : countText} · ${text('sql.time', { ms: Math.round(outcome.ms) })}`}
          </div>
          {refusalText && (
            <div role="alert" className="sql-refused">
              <p>{text('sql.refused')}</p>
              <p>{refusalText}</p>
            </div>
          )}
          {failure === 'cancelled' && (
            <p role="status" className="sql-cancelled">
              {text('sql.cancelled')}
            </p>
          )}
          {error !== null && failure !== 'cancelled' && (
            <div
              role="alert"
              className="sql-error"
              data-syntax={syntax !== null || undefined}
              data-failure={failure ?? undefined}
            >
              {failure === 'outOfMemory' && (
                <p>{text('sql.outOfMemory', { limit: MEMORY_LIMIT.replace('GiB', ' GiB') })}</p>
              )}
              {failure === 'restarted' && <p>{text('sql.engineRestarted')}</p>}
              <p>{text(syntax === null ? 'sql.error' : 'sql.syntaxError')}</p>
              <pre style={{ whiteSpace: 'pre-wrap' }}>
                {
                  // DuckDB's advice after its first line (SET memory_limit, temp_directory) is locked away here.
                  failure === 'outOfMemory' ? error.split('\n')[0] : (syntax ?? error)
                }
              </pre>
            </div>
          )}
          {outcome && outcome.columns.length > 0 && (
            <>
              <button
                type="button"
                className="sql-download"
                disabled={downloading}
                onClick={() => void downloadCsv(outcome)}
              >
                {downloading ? text('sql.downloading') : text('sql.download')}
              </button>
              {chart && (
                <figure className="sql-chart">
                  <figcaption>
                    {text('sql.chart')}
                    {outcome.rows.length > CHART_ROWS && ` · ${text('sql.chartNote', { count: CHART_ROWS })}`}
                  </figcaption>
                  <SvgHost element={chart} />
                </figure>
              )}
              <div className="sql-result" style={{ overflow: 'auto', maxHeight: '32rem' }}>
                <table>
                  <caption className="visually-hidden">{text('sql.result')}</caption>
                  <thead>
                    <tr>
                      {outcome.columns.map((c, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: columns may share a name
                        <th key={i} scope="col">
                          {c.name}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {outcome.rows.map((row, r) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: result rows have no key
                      <tr key={r}>
                        {row.map((cell, i) => (
                          <td
                            // biome-ignore lint/suspicious/noArrayIndexKey: columns may share a name
                            key={i}
                            className={typeof cell === 'string' || cell === null ? undefined : 'num'}
                          >
                            {formatConsoleCell(cell, outcome.columns[i]!, lang)}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </div>
      </div>
    </section>
  );
}
