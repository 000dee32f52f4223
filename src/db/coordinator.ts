import type { Table } from 'apache-arrow';
import type { Connector } from './connector.ts';

/**
 * Sends the views' queries to DuckDB. Results are cached by SQL text (an LRU, as Mosaic's coordinator does), and a
 * query already under way is shared rather than sent twice. `clear()` forgets everything when a package is loaded.
 */
/** What the coordinator needs of a partitioned package's loader (see PartitionStore). */
export interface PartitionLoader {
  ensure(paths: readonly string[]): Promise<void>;
  prefetch(paths: readonly string[], onLoaded?: (path: string) => void): void;
  /** `sql` made to read only the tables of these (loaded) files. */
  route?(sql: string, paths: readonly string[]): string;
  /** Brings the `observations` view up to the files loaded so far (it is rebuilt only when a query reads it). */
  syncView?(): Promise<void>;
}

/**
 * The answer of a coordinator whose package has been replaced: its tables are gone or about to be, so no result of it
 * reaches a view (which would otherwise draw one package's numbers beside another's names).
 */
export class SupersededError extends Error {
  constructor() {
    super('the package this query was for has been replaced');
    this.name = 'SupersededError';
  }
}

export class Coordinator {
  readonly #db: Connector;
  readonly #max: number;
  readonly #cache = new Map<string, Promise<Table>>();
  readonly #connector: Connector;
  #partitions: PartitionLoader | null = null;
  #retired = false;

  constructor(db: Connector, max = 500) {
    this.#db = db;
    this.#max = max;
    // What reads the connector directly (SQL console, own data, exports) reads `observations` with every file loaded.
    const synced = () => this.#partitions?.syncView?.() ?? Promise.resolve();
    const { consoleQuery } = db;
    this.#connector = {
      query: (sql) => synced().then(() => db.query(sql)),
      registerFile: (name, data) => db.registerFile(name, data),
      dropFile: (name) => db.dropFile(name),
      insertArrowIPC: (table, bytes) => db.insertArrowIPC(table, bytes),
      ...(db.syntaxError ? { syntaxError: (sql: string) => db.syntaxError!(sql) } : {}),
      ...(consoleQuery
        ? {
            consoleQuery: (sql: string, signal: AbortSignal) => synced().then(() => consoleQuery.call(db, sql, signal)),
          }
        : {}),
    };
  }

  /** The connector, with the `observations` view brought up to the loaded files before each query. */
  get connector(): Connector {
    return this.#connector;
  }

  /** The loader of the current package's data files, or null when everything is loaded up front. */
  setPartitions(partitions: PartitionLoader | null): void {
    this.#partitions = partitions;
  }

  /**
   * Ends this coordinator's package: from now on every query, including those under way, fails with a
   * SupersededError. One coordinator serves one loaded package; the app retires it before the views switch.
   */
  retire(): void {
    this.#retired = true;
    this.#partitions = null;
    this.#cache.clear();
  }

  get retired(): boolean {
    return this.#retired;
  }

  /** Runs `sql` (cached by its text) after the data files it needs are loaded. */
  query(sql: string, partitions?: readonly string[]): Promise<Table> {
    if (this.#retired) return Promise.reject(new SupersededError());
    const hit = this.#cache.get(sql);
    if (hit) {
      // Re-insert to mark as most recently used.
      this.#cache.delete(sql);
      this.#cache.set(sql, hit);
      return hit;
    }
    const store = this.#partitions;
    const run = (routed = sql): Promise<Table> => {
      if (this.#retired) return Promise.reject(new SupersededError());
      // Unrouted, the query reads the `observations` view; a query with nothing to wait for is sent at once.
      const view = routed === sql ? store?.syncView?.() : undefined;
      if (!view) return this.#db.query(routed);
      return view.then(() => {
        if (this.#retired) throw new SupersededError();
        return this.#db.query(routed);
      });
    };
    const pending = (
      store && partitions && partitions.length > 0
        ? store.ensure(partitions).then(() => run(store.route?.(sql, partitions)))
        : run()
    ).then(
      (table) => {
        if (this.#retired) throw new SupersededError();
        return table;
      },
      // A query that failed because its package went (a restarted engine, db/engine.ts) is superseded, not an error.
      (error: unknown) => {
        throw this.#retired ? new SupersededError() : error;
      },
    );
    this.#cache.set(sql, pending);
    pending.catch(() => this.#cache.delete(sql));
    while (this.#cache.size > this.#max) {
      const oldest = this.#cache.keys().next().value;
      if (oldest === undefined) break;
      this.#cache.delete(oldest);
    }
    return pending;
  }

  /**
   * Runs queries the user will likely ask for next, so that the switch finds its result in the cache. With a
   * partitioned package their files load first, while nothing else is loading; a new call replaces the old guesses.
   */
  prefetch(requests: readonly { sql: string; partitions: readonly string[] }[]): void {
    if (this.#retired) return;
    const store = this.#partitions;
    const pending = requests.filter((r) => !this.#cache.has(r.sql));
    if (store) {
      const byPath = new Map(pending.flatMap((r) => r.partitions.map((p) => [p, r] as const)));
      store.prefetch([...byPath.keys()], (path) => {
        const request = byPath.get(path);
        if (request) this.query(request.sql, request.partitions).catch(() => undefined);
      });
    } else {
      void pending.reduce<Promise<unknown>>(
        (chain, r) => chain.then(() => this.query(r.sql).catch(() => undefined)),
        Promise.resolve(),
      );
    }
  }

  clear(): void {
    this.#cache.clear();
  }
}
