import type { Map as MaplibreMap } from 'maplibre-gl';

/** What the page exposes for the e2e tests and the benchmark (never used by the app itself). */
export interface DebugHandle {
  map?: MaplibreMap;
  /** Bytes DuckDB holds in memory (sum of duckdb_memory()), or null when it cannot tell. */
  dbMemory?: () => Promise<number | null>;
}

declare global {
  interface Window {
    __gebiedskompas?: DebugHandle;
  }
}

export function exposeDebug(part: DebugHandle): void {
  window.__gebiedskompas = { ...window.__gebiedskompas, ...part };
}
