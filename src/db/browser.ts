import * as duckdb from '@duckdb/duckdb-wasm';
import ehWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import ehWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import { type RecordBatch, Table } from 'apache-arrow';
import { onPageDiscard } from '../app/pageDiscard.ts';
import { parseOnly, parserErrorOf } from './connector.ts';
import { type Engine, QueryCancelledError, RestartingConnector } from './engine.ts';
import { appFile, SAFE_SETTINGS } from './settings.ts';

/**
 * DuckDB-WASM in a Web Worker, its wasm and worker served by the app itself (Vite asset URLs, never a CDN), behind a
 * RestartingConnector: a query that breaks the engine gets a new worker (see db/engine.ts).
 * Only the `eh` bundle ships: every browser we support has wasm exception handling, and the `mvp` build would add
 * 39 MB to the site for nothing.
 */
export async function createBrowserConnector(): Promise<RestartingConnector> {
  const connector = new RestartingConnector(startBrowserEngine);
  await connector.ready();
  return connector;
}

async function startBrowserEngine(): Promise<Engine> {
  const worker = new Worker(ehWorkerUrl);
  // AsyncDuckDB forgets its pending requests when the worker fails (they never settle): `died` ends them instead.
  let end!: (error: Error) => void;
  const died = new Promise<never>((_, reject) => {
    end = reject;
    worker.addEventListener('error', (event) => reject(new Error(`worker died: ${event.message}`)), { once: true });
  });
  died.catch(() => undefined);
  const stopOnDiscard = onPageDiscard(() => worker.terminate());
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  try {
    await db.instantiate(ehWasmUrl);
  } catch (error) {
    stopOnDiscard();
    worker.terminate();
    throw error;
  }
  const conn = await db.connect();
  for (const setting of SAFE_SETTINGS) await conn.query(setting);
  // The console's own connection: its queries run as pending queries, polled step by step, so the app's queries on
  // `conn` are answered between two steps and `cancelSent` can stop it.
  const consoleConn = await db.connect();
  // One console query at a time on that connection: a new `send` would take over the polls of one still winding down.
  let consoleTail: Promise<unknown> = Promise.resolve();

  const consoleQuery = (sql: string, signal: AbortSignal): Promise<Table> => {
    const run = async (): Promise<Table> => {
      if (signal.aborted) throw new QueryCancelledError();
      const onAbort = () => void consoleConn.cancelSent().catch(() => undefined);
      signal.addEventListener('abort', onAbort, { once: true });
      try {
        const reader = await consoleConn.send(sql);
        const batches: RecordBatch[] = [];
        for await (const batch of reader) {
          if (signal.aborted) break;
          batches.push(batch);
        }
        if (signal.aborted) throw new QueryCancelledError();
        return new Table(reader.schema, batches);
      } catch (error) {
        // After a cancel DuckDB-WASM's poll fails with its own text; the console says "cancelled".
        throw signal.aborted ? new QueryCancelledError() : error;
      } finally {
        signal.removeEventListener('abort', onAbort);
      }
    };
    const result = consoleTail.then(run, run);
    consoleTail = result.catch(() => undefined);
    // The caller hears of a cancel at once, without waiting for DuckDB to wind the query down.
    const cancelled = new Promise<never>((_, reject) => {
      if (signal.aborted) reject(new QueryCancelledError());
      signal.addEventListener('abort', () => reject(new QueryCancelledError()), { once: true });
    });
    cancelled.catch(() => undefined);
    return Promise.race([result, cancelled]);
  };

  return {
    query: (sql) => conn.query(sql),
    consoleQuery,
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
    died,
    terminate: () => {
      stopOnDiscard();
      worker.terminate();
      end(new Error('worker terminated'));
    },
  };
}
