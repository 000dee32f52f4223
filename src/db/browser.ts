import * as duckdb from '@duckdb/duckdb-wasm';
import ehWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import ehWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import { type Connector, parseOnly, parserErrorOf } from './connector.ts';
import { appFile, SAFE_SETTINGS } from './settings.ts';

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
      if (typeof data === 'string') await db.registerFileText(appFile(name), data);
      else await db.registerFileBuffer(appFile(name), data);
    },
    async dropFile(name) {
      await db.dropFile(appFile(name));
    },
    async insertArrowIPC(table, bytes) {
      await conn.insertArrowFromIPCStream(bytes, { name: table, create: true });
    },
    async syntaxError(sql) {
      try {
        await (await conn.prepare(parseOnly(sql))).close();
        return null;
      } catch (error) {
        return parserErrorOf(error);
      }
    },
  };
}
