import type { Table } from 'apache-arrow';

/**
 * The one interface the app and the tests talk to DuckDB through (Mosaic's Connector idea): the browser backs it
 * with AsyncDuckDB in a worker, the unit tests with the blocking Node build of the same engine.
 */
export interface Connector {
  /** Runs one statement and returns its result as an Arrow table. */
  query(sql: string): Promise<Table>;
  /**
   * Makes bytes or text readable by SQL as `appFile(name)` (db/settings.ts; e.g. `read_csv(appFile(name))`): the one
   * directory DuckDB may read with external access off. `name` is a plain file name.
   */
  registerFile(name: string, data: Uint8Array | string): Promise<void>;
  /** Forgets a registered file. */
  dropFile(name: string): Promise<void>;
  /**
   * Creates `table` from Arrow IPC stream bytes. Bytes, not an Arrow Table object: a Table made by another
   * apache-arrow version than DuckDB-WASM's own is silently ignored (see DESIGN.md).
   */
  insertArrowIPC(table: string, bytes: Uint8Array): Promise<void>;
  /**
   * DuckDB's parser error for `sql` (`syntax error at or near …` with its LINE and caret), or null when it parses.
   * Parses only: nothing is bound or run (see parseOnly). Optional: test doubles of a Connector need not parse.
   */
  syntaxError?(sql: string): Promise<string | null>;
  /**
   * Runs a SQL console text on a connection of its own, in steps, so that the app's queries are answered in between
   * and `signal` can cancel it (rejecting with a QueryCancelledError, db/engine.ts). Optional: without it the console
   * uses `query` and cannot cancel.
   */
  consoleQuery?(sql: string, signal: AbortSignal): Promise<Table>;
}

/**
 * DuckDB's prepare parses the whole text first and then refuses more than one statement, before binding anything
 * (DuckDB 1.4.3, measured). With a second statement added, a text that parses is refused as "multiple statements"
 * and a text that does not gives the parser's error: the text is never bound, let alone run. (PRAGMAs are the
 * exception, DuckDB expands them while parsing: pass none.) The line break ends a trailing `--` comment; line numbers
 * in the error stay the user's.
 */
export function parseOnly(sql: string): string {
  return `${sql}\n;SELECT 1`;
}

/** The parser's message from what prepare threw for {@link parseOnly} text, or null when the text parsed. */
export function parserErrorOf(error: unknown): string | null {
  const message = error instanceof Error ? error.message : String(error);
  return message.startsWith('Parser Error') ? message : null;
}
