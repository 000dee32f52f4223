import { createRequire } from 'node:module';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { type Connector, parseOnly, parserErrorOf } from './connector.ts';
import { appFile, SAFE_SETTINGS } from './settings.ts';

const require = createRequire(import.meta.url);

/**
 * A Connector over the blocking Node build of DuckDB-WASM: the same engine and version as the browser's, so query
 * code is tested against what runs in production. Used by unit tests and Node scripts, never bundled into the app.
 */
export async function createNodeConnector(): Promise<
  Connector & Required<Pick<Connector, 'syntaxError'>> & { close(): void }
> {
  const bundles = {
    mvp: { mainModule: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm'), mainWorker: '' },
    eh: { mainModule: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'), mainWorker: '' },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  const conn = db.connect();
  for (const setting of SAFE_SETTINGS) conn.query(setting);
  return {
    async query(sql) {
      return conn.query(sql);
    },
    async registerFile(name, data) {
      if (typeof data === 'string') db.registerFileText(appFile(name), data);
      else db.registerFileBuffer(appFile(name), data);
    },
    async dropFile(name) {
      db.dropFile(appFile(name));
    },
    async insertArrowIPC(table, bytes) {
      conn.insertArrowFromIPCStream(bytes, { name: table, create: true });
    },
    async syntaxError(sql) {
      try {
        conn.prepare(parseOnly(sql)).close();
        return null;
      } catch (error) {
        return parserErrorOf(error);
      }
    },
    close() {
      conn.close();
      db.reset();
    },
  };
}
