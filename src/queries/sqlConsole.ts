/**
 * How the SQL console runs a text without pulling a large result into the browser. A console shows the first rows;
 * `SELECT * FROM observations` on a national dataset has 28 million, and materialising them as Arrow in the tab costs
 * gigabytes. So when the text ends in a query, that query runs wrapped as `SELECT * FROM (…) AS q LIMIT shown + 1`
 * (the extra row tells that there are more), its rows are counted apart with `count(*)`, and the whole result is
 * read again only for a download. Everything else (CREATE, DROP, PRAGMA, EXPLAIN, DESCRIBE, …) runs as written.
 *
 * The text is split with the guard's tokenizer, so a `;` or `--` inside a string or comment never cuts a statement,
 * and the trailing `;` and comments are left out of the wrapped query (a `-- …` at the end would hide its `)`).
 * Every text passes `guardSql` before it gets here; the wrapping adds only SELECT, count and DESCRIBE around a query
 * the guard allowed.
 */
import type { Table } from 'apache-arrow';
import { EngineRestartedError, QueryCancelledError } from '../db/engine.ts';
import { sqlInteger } from './sql.ts';
import { statementRanges } from './sqlGuard.ts';

export type ConsolePlan =
  /** Run the text as written: its last statement is not a query. */
  | { kind: 'asWritten'; sql: string }
  | {
      kind: 'preview';
      /** The statements before the last, as written (with their `;`), to run first; null when there are none. */
      before: string | null;
      /** The last statement, a query, as written without the `;` and comments after it. */
      query: string;
      /** The query's first `shown + 1` rows. */
      preview: string;
      /** The number of rows of the query. */
      count: string;
      /** The query's column names (the wrapper renames duplicates, `a, a` → `a, a_1`; DESCRIBE does not). */
      describe: string;
      /**
       * The text with the statements before the query blanked (line breaks kept): the query as written, at its
       * place, so that DuckDB's error for it quotes the user's line with its line number, not the wrapper.
       */
      inPlace: string;
    };

/** How to run `sql` in the console so that at most `shown + 1` rows of its final query come back. */
export function planConsole(sql: string, shown: number): ConsolePlan {
  const ranges = statementRanges(sql);
  const last = ranges?.at(-1);
  if (!ranges || !last?.query) return { kind: 'asWritten', sql };
  const query = sql.slice(last.start, last.end);
  const head = sql.slice(0, last.start);
  return {
    kind: 'preview',
    before: ranges.length > 1 ? head : null,
    query,
    preview: `SELECT * FROM (${query}) AS q LIMIT ${sqlInteger(shown + 1)}`,
    count: `SELECT count(*) AS n FROM (${query}) AS q`,
    describe: `DESCRIBE ${query}`,
    inPlace: head.replace(/[^\r\n]/g, ' ') + sql.slice(last.start),
  };
}

/**
 * The text with every statement but the `n`th (from 1, as the guard counts them) blanked, line breaks kept: to have
 * DuckDB parse that statement alone while its error still names the user's line. Null when there is no such statement.
 */
export function statementAlone(sql: string, n: number): string | null {
  const range = statementRanges(sql)?.[n - 1];
  if (!range) return null;
  const blank = (text: string) => text.replace(/[^\r\n]/g, ' ');
  return blank(sql.slice(0, range.start)) + sql.slice(range.start, range.end) + blank(sql.slice(range.end));
}

/** Runs one text on DuckDB (several statements allowed) and gives the last one's result. */
export type RunSql = (sql: string) => Promise<Table>;

export interface ConsoleResult {
  /** The whole result, or (when `truncated` is set) its first `shown + 1` rows. */
  table: Table;
  /** The column names as the query names them, when the wrapper renamed duplicates; null to keep the table's. */
  names: string[] | null;
  /** Set when `table` holds only the first rows: SQL to count them all and the query that gives them all. */
  truncated: { count: string; query: string } | null;
}

/**
 * Runs a (guarded) console text as {@link planConsole} says. On an error in the wrapped query it runs the query
 * alone, in place, and so throws DuckDB's error for what the user wrote (its `LINE n:` and caret, not the wrapper);
 * should the query alone succeed (the wrapper was the problem), its whole result is given, as before wrapping. A
 * cancelled query and one that broke the engine are not run again.
 */
export async function runConsole(run: RunSql, sql: string, shown: number): Promise<ConsoleResult> {
  const plan = planConsole(sql, shown);
  if (plan.kind === 'asWritten') return { table: await run(plan.sql), names: null, truncated: null };
  if (plan.before !== null) await run(plan.before);
  let table: Table;
  try {
    table = await run(plan.preview);
  } catch (error) {
    // Never again after a cancel, nor after the query broke the engine: run again, it would break the new one.
    if (error instanceof QueryCancelledError || error instanceof EngineRestartedError) throw error;
    return { table: await run(plan.inPlace), names: null, truncated: null };
  }
  return {
    table,
    names: await originalNames(run, plan.describe, table),
    truncated: table.numRows > shown ? { count: plan.count, query: plan.query } : null,
  };
}

/** A subquery renames duplicate columns with a `_1`, `_2` suffix; only then are the query's own names looked up. */
async function originalNames(run: RunSql, describe: string, table: Table): Promise<string[] | null> {
  const fields = table.schema.fields;
  if (!fields.some((f) => /_\d+$/.test(f.name))) return null;
  try {
    const names = (await run(describe)).getChild('column_name')?.toArray() as unknown[] | undefined;
    return names && names.length === fields.length ? names.map(String) : null;
  } catch {
    return null;
  }
}

/** The number of rows of a query, by its `count` SQL from {@link planConsole}. */
export async function countRows(run: RunSql, count: string): Promise<number> {
  return Number((await run(count)).getChildAt(0)?.get(0));
}
