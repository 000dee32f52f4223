import type { Table } from 'apache-arrow';

/**
 * The one interface the app and the tests talk to DuckDB through (Mosaic's Connector idea): the browser backs it
 * with AsyncDuckDB in a worker, the unit tests with the blocking Node build of the same engine.
 */
export interface Connector {
  /** Runs one statement and returns its result as an Arrow table. */
  query(sql: string): Promise<Table>;
  /** Makes bytes or text readable by SQL under `name` (e.g. `read_csv('name')`). */
  registerFile(name: string, data: Uint8Array | string): Promise<void>;
  /** Forgets a registered file. */
  dropFile(name: string): Promise<void>;
  /**
   * Creates `table` from Arrow IPC stream bytes. Bytes, not an Arrow Table object: a Table made by another
   * apache-arrow version than DuckDB-WASM's own is silently ignored (see DESIGN.md).
   */
  insertArrowIPC(table: string, bytes: Uint8Array): Promise<void>;
}
