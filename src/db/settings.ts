/**
 * Offline, DuckDB-WASM hangs without an error when a query makes it download an extension
 * (duckdb-wasm 1.32, measured; see shared/DESIGN.md). Turning auto-install off makes such a query fail at once.
 */
export const SAFE_SETTINGS = ['SET autoinstall_known_extensions = false', 'SET autoload_known_extensions = false'];
