import type { Connector } from './connector.ts';

/** Bytes DuckDB holds (sum over `duckdb_memory()`), for the benchmark; null when the function is not there. */
export async function duckdbMemory(db: Connector): Promise<number | null> {
  try {
    const table = await db.query('SELECT sum(memory_usage_bytes)::DOUBLE AS bytes FROM duckdb_memory()');
    const bytes = table.toArray()[0]?.bytes;
    return typeof bytes === 'number' ? bytes : null;
  } catch {
    return null;
  }
}
