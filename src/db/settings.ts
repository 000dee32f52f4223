/**
 * The one directory DuckDB may still read once external access is off (see SAFE_SETTINGS): the files the app
 * registers (`registerFile`) land here. In the browser a path without `http(s)://` only ever finds a registered
 * in-memory file, so nothing under it reaches the disk or the network; in Node (tests) it is a directory that does not
 * exist.
 */
export const APP_FILE_DIR = '/gk-app-files/';

/** The path SQL reads a file registered under `name` by (`read_csv(appFile(name))`). */
export function appFile(name: string): string {
  if (name.includes('/') || name.includes('\\') || name.includes('..'))
    throw new Error(`not a plain file name: ${name}`);
  return APP_FILE_DIR + name;
}

/** DuckDB's memory limit (see SAFE_SETTINGS). */
export const MEMORY_LIMIT = '2GiB';

/**
 * Run once, in this order, on every new database, before anything else (the SQL console included) can send a query.
 *
 * - Offline, DuckDB-WASM hangs without an error when a query makes it download an extension (duckdb-wasm 1.32,
 *   measured; see shared/DESIGN.md). Turning auto-install off makes such a query fail at once.
 * - The SQL console shares this database, and its guard (queries/sqlGuard.ts) is a tokenizer, not DuckDB's parser:
 *   should it ever let a statement through, DuckDB itself must still refuse to read a file or URL or to change a
 *   setting. So external access is off and the configuration locked, for the whole database (both are global
 *   settings: a connection of the console's own would not be any safer).
 * - The app still loads its packages and own data: partitions through Arrow IPC insertion (not a file access), and
 *   CSV text through registered files under APP_FILE_DIR, the one allowed directory (measured in DuckDB 1.4.3, the
 *   engine of duckdb-wasm 1.32: with external access off a registered file is refused like any other unless it lies in
 *   `allowed_directories`, and that list can only be set while external access is still on, hence this order).
 *   A console reading there finds at most a file the app is loading at that moment, never anything outside the tab.
 * - A memory limit below the wasm heap's 4 GiB (DuckDB-WASM 1.32 defaults to 3,1 GiB): what DuckDB's buffer manager
 *   tracks (hash tables, sorts, aggregate states) then fails as an "Out of Memory Error" for that one query, leaving
 *   room in the heap for what it does not track (strings and lists being built), which would otherwise run the wasm
 *   out of bounds and break the engine for the session (db/engine.ts restarts it then). The app's own loads stay far
 *   below it (national-scale package: see tests/e2e/national.test.ts).
 * - `lock_configuration` last: after it no `SET`/`RESET` works, for the app neither, so every setting goes here.
 */
export const SAFE_SETTINGS = [
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
  `SET allowed_directories = ['${APP_FILE_DIR}']`,
  'SET enable_external_access = false',
  `SET memory_limit = '${MEMORY_LIMIT}'`,
  'SET lock_configuration = true',
];
