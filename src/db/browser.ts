import * as duckdb from '@duckdb/duckdb-wasm';
import ehWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import ehWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import type { Connector } from './connector.ts';
import { SAFE_SETTINGS } from './settings.ts';

/**
 * DuckDB-WASM in a Web Worker, its wasm and worker served by the app itself (Vite asset URLs, never a CDN).
 * Only the `eh` bundle ships: every browser we support has wasm exception handling, and the `mvp` build would add
 * 39 MB to the site for nothing.
 */
export async function createBrowserConnector(): Promise<Connector> {
  const worker = new Worker(ehWorkerUrl);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(ehWasmUrl);
  const conn = await db.connect();
  for (const setting of SAFE_SETTINGS) await conn.query(setting);
  return {
    query: (sql) => conn.query(sql),
    async registerFile(name, data) {
      if (typeof data === 'string') await db.registerFileText(name, data);
      else await db.registerFileBuffer(name, data);
    },
    async dropFile(name) {
      await db.dropFile(name);
    },
    async insertArrowIPC(table, bytes) {
      await conn.insertArrowFromIPCStream(bytes, { name: table, create: true });
    },
  };
}
