import type { Table } from 'apache-arrow';
import type { Connector } from './connector.ts';

/**
 * One running DuckDB: what a {@link RestartingConnector} needs of it. The browser backs it with AsyncDuckDB in a
 * worker (db/browser.ts), the unit tests with a fake.
 */
export interface Engine {
  query(sql: string): Promise<Table>;
  /** Runs a console text on a connection of its own, so that it can be cancelled (see Connector.consoleQuery). */
  consoleQuery(sql: string, signal: AbortSignal): Promise<Table>;
  registerFile(name: string, data: Uint8Array | string): Promise<void>;
  dropFile(name: string): Promise<void>;
  insertArrowIPC(table: string, bytes: Uint8Array): Promise<void>;
  syntaxError(sql: string): Promise<string | null>;
  /** Never resolves; rejects when the engine dies (the worker's `error` event, or `terminate`). */
  readonly died: Promise<never>;
  /** Ends the engine at once; `died` rejects, so that calls still under way on it end too. */
  terminate(): void;
}

/** What a console query that was cancelled rejects with. */
export class QueryCancelledError extends Error {
  constructor() {
    super('the query was cancelled');
    this.name = 'QueryCancelledError';
  }
}

/**
 * What a call rejects with when the engine broke under it (or broke before it was answered): the database is being
 * started again and the package reloaded; the call is not retried (it may have been the query that broke it).
 */
export class EngineRestartedError extends Error {
  override readonly cause: unknown;
  constructor(cause: unknown) {
    super(`the database stopped and is started again (${messageOf(cause)})`);
    this.name = 'EngineRestartedError';
    this.cause = cause;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Errors after which the engine answers nothing any more. A wasm trap ("memory access out of bounds", "unreachable",
 * …; DuckDB-WASM 1.32 gives it as the query's error and then fails every later query with it, measured with
 * `SELECT length(repeat('ab', 1500000000))`), an Emscripten abort, and DuckDB's own FATAL/INTERNAL errors, after which
 * DuckDB invalidates the database. DuckDB's "Out of Memory Error" (the memory limit) is not among them: it ends one
 * query and the database goes on.
 */
const BROKEN =
  /memory access out of bounds|RuntimeError|\bunreachable\b|table index is out of bounds|null function|Aborted\(|FATAL Error|INTERNAL Error|database has been invalidated|worker (?:died|terminated)/i;

/** DuckDB's own error texts ("Binder Error: …", "Invalid Input Error: …"); `error('…')` in SQL makes one of any text. */
const DUCKDB_ERROR = /^(?!FATAL Error|INTERNAL Error)[A-Za-z]+(?: [A-Za-z]+)* Error: /;

export function isEngineBroken(error: unknown): boolean {
  if (error instanceof QueryCancelledError) return false;
  if (error instanceof Error && error.name === 'RuntimeError') return true;
  const message = messageOf(error);
  return !DUCKDB_ERROR.test(message) && BROKEN.test(message);
}

export type EngineEvent =
  /** The engine broke: the old one is ended and a new one is starting (settings applied, no tables yet). */
  | { kind: 'broken'; cause: string }
  /** The new engine is up; the app loads its package and the user's own data into it again. */
  | { kind: 'restarted' }
  /** The new engine did not start either. */
  | { kind: 'failed'; cause: string };

/**
 * A Connector that outlives its engine: when a call finds the engine broken ({@link isEngineBroken}) or the worker
 * dies, it ends that engine, starts a new one (the factory applies SAFE_SETTINGS before anything else runs) and tells
 * its listeners, who reload the package. Calls made meanwhile wait for the new engine; calls that were under way on
 * the broken one reject with an {@link EngineRestartedError}. One object for the whole page, so that the coordinator,
 * the loaders and the console keep their reference across restarts.
 */
export class RestartingConnector implements Connector {
  readonly #start: () => Promise<Engine>;
  #engine: Promise<Engine>;
  readonly #listeners = new Set<(event: EngineEvent) => void>();
  #restarts = 0;

  constructor(start: () => Promise<Engine>) {
    this.#start = start;
    this.#engine = this.#watch(start());
  }

  /** A worker that dies on its own, with no call under way, is replaced as well. */
  #watch(engine: Promise<Engine>): Promise<Engine> {
    engine.then(
      (e) => e.died.catch((error: unknown) => this.#restart(engine, error)),
      () => undefined,
    );
    return engine;
  }

  /** Resolves when the first engine is up (rejects when it cannot start). */
  async ready(): Promise<void> {
    await this.#engine;
  }

  /** Engines started after the first. */
  get restarts(): number {
    return this.#restarts;
  }

  /** Calls `listener` on each restart; returns the unsubscribe. */
  onEngineEvent(listener: (event: EngineEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async #call<T>(work: (engine: Engine) => Promise<T>): Promise<T> {
    const current = this.#engine;
    const engine = await current;
    try {
      return await Promise.race([work(engine), engine.died]);
    } catch (error) {
      if (!isEngineBroken(error)) throw error;
      this.#restart(current, error);
      throw new EngineRestartedError(error);
    }
  }

  /** Starts a new engine in place of `broken`, once: later failures of the same engine find it replaced already. */
  #restart(broken: Promise<Engine>, cause: unknown): void {
    if (this.#engine !== broken) return;
    void broken.then((engine) => engine.terminate());
    this.#restarts++;
    const next = this.#watch(this.#start());
    this.#engine = next;
    this.#emit({ kind: 'broken', cause: messageOf(cause) });
    next.then(
      () => this.#emit({ kind: 'restarted' }),
      (error: unknown) => this.#emit({ kind: 'failed', cause: messageOf(error) }),
    );
  }

  #emit(event: EngineEvent): void {
    for (const listener of this.#listeners) listener(event);
  }

  query(sql: string): Promise<Table> {
    return this.#call((e) => e.query(sql));
  }

  consoleQuery(sql: string, signal: AbortSignal): Promise<Table> {
    return this.#call((e) => e.consoleQuery(sql, signal));
  }

  registerFile(name: string, data: Uint8Array | string): Promise<void> {
    return this.#call((e) => e.registerFile(name, data));
  }

  dropFile(name: string): Promise<void> {
    return this.#call((e) => e.dropFile(name));
  }

  insertArrowIPC(table: string, bytes: Uint8Array): Promise<void> {
    return this.#call((e) => e.insertArrowIPC(table, bytes));
  }

  syntaxError(sql: string): Promise<string | null> {
    return this.#call((e) => e.syntaxError(sql));
  }
}
