import { join } from 'node:path';
import type { Table } from 'apache-arrow';
import { tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { DatasetSwitcher, type SwitchState } from '../../src/app/datasetSwitch.ts';
import { type LoadedPackage, stagePackage } from '../../src/data/load.ts';
import type { PackageFiles } from '../../src/data/package.ts';
import { Coordinator, SupersededError } from '../../src/db/coordinator.ts';
import {
  type Engine,
  type EngineEvent,
  EngineRestartedError,
  isEngineBroken,
  QueryCancelledError,
  RestartingConnector,
} from '../../src/db/engine.ts';
import { createNodeConnector } from '../../src/db/node.ts';
import { runConsole } from '../../src/queries/sqlConsole.ts';
import { FIXTURES, readPackage } from '../fixtures/readPackage.ts';

/** A promise the test settles when it wants to. */
function gate<T = void>() {
  let open!: (value: T) => void;
  let fail!: (error: unknown) => void;
  const promise = new Promise<T>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

/**
 * A fake engine: `SELECT n` answers n (the engine's number), `BREAK` fails as a wasm trap does and leaves the engine
 * failing every later call, `HANG` waits until the test opens `hang`, `OOM` fails as DuckDB's memory limit does.
 */
function fakeEngines(options: { failStart?: number[] } = {}) {
  const started: { n: number; terminated: boolean; die(error: Error): void }[] = [];
  const hang = gate<void>();
  const start = async (): Promise<Engine> => {
    const n = started.length + 1;
    if (options.failStart?.includes(n)) {
      started.push({ n, terminated: false, die: () => undefined });
      throw new Error(`engine ${n} did not start`);
    }
    const death = gate<never>();
    death.promise.catch(() => undefined);
    let broken = false;
    const record = { n, terminated: false, die: (error: Error) => death.fail(error) };
    started.push(record);
    const query = async (sql: string): Promise<Table> => {
      if (broken || record.terminated) throw new Error('RuntimeError: memory access out of bounds');
      if (sql === 'BREAK') {
        broken = true;
        throw new Error('RuntimeError: memory access out of bounds');
      }
      if (sql === 'OOM') throw new Error('Out of Memory Error: failed to allocate data of size 2.0 GiB');
      if (sql === 'HANG') await hang.promise;
      return tableFromArrays({ engine: Int32Array.of(n) });
    };
    return {
      query,
      consoleQuery: async (sql, signal) => {
        if (signal.aborted) throw new QueryCancelledError();
        return query(sql);
      },
      registerFile: async () => undefined,
      dropFile: async () => undefined,
      insertArrowIPC: async () => undefined,
      syntaxError: async () => null,
      died: death.promise,
      terminate: () => {
        record.terminated = true;
        death.fail(new Error('worker terminated'));
      },
    };
  };
  return { start, started, hang };
}

const engineOf = (table: Table) => Number(table.getChild('engine')?.get(0));

describe('RestartingConnector', () => {
  it('replaces a broken engine with a new one, once, and tells its listeners', async () => {
    const fake = fakeEngines();
    const db = new RestartingConnector(fake.start);
    const events: EngineEvent[] = [];
    db.onEngineEvent((e) => events.push(e));
    expect(engineOf(await db.query('SELECT'))).toBe(1);

    // The query that breaks it, one after it and one waiting on the engine: all end, one new engine is started.
    const results = await Promise.allSettled([db.query('HANG'), db.query('BREAK'), db.query('SELECT')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    for (const r of results) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(EngineRestartedError);
    expect(((results[1] as PromiseRejectedResult).reason as Error).message).toContain('memory access out of bounds');

    expect(engineOf(await db.query('SELECT'))).toBe(2);
    expect(fake.started.map((e) => [e.n, e.terminated])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(db.restarts).toBe(1);
    expect(events).toEqual([
      { kind: 'broken', cause: 'RuntimeError: memory access out of bounds' },
      { kind: 'restarted' },
    ]);
  });

  it("lets a view's query under way end as superseded, not as an error, when its package is retired", async () => {
    const fake = fakeEngines();
    const db = new RestartingConnector(fake.start);
    const coordinator = new Coordinator(db);
    db.onEngineEvent((e) => {
      if (e.kind === 'broken') coordinator.retire();
    });
    const underWay = coordinator.query('HANG');
    await expect(db.query('BREAK')).rejects.toBeInstanceOf(EngineRestartedError);
    await expect(underWay).rejects.toBeInstanceOf(SupersededError);
  });

  it('keeps the engine on an ordinary error, the memory limit and a cancel', async () => {
    const fake = fakeEngines();
    const db = new RestartingConnector(fake.start);
    await expect(db.query('OOM')).rejects.toThrow(/^Out of Memory Error/);
    const aborted = new AbortController();
    aborted.abort();
    await expect(db.consoleQuery('SELECT', aborted.signal)).rejects.toBeInstanceOf(QueryCancelledError);
    expect(engineOf(await db.query('SELECT'))).toBe(1);
    expect(db.restarts).toBe(0);
  });

  it('ends the calls under way when the worker dies, and restarts without a call', async () => {
    const fake = fakeEngines();
    const db = new RestartingConnector(fake.start);
    const events: EngineEvent[] = [];
    db.onEngineEvent((e) => events.push(e));
    await db.ready();
    const hanging = db.query('HANG');
    fake.started[0]!.die(new Error('worker died: out of memory'));
    await expect(hanging).rejects.toBeInstanceOf(EngineRestartedError);
    expect(engineOf(await db.query('SELECT'))).toBe(2);
    expect(events.map((e) => e.kind)).toEqual(['broken', 'restarted']);

    // The second engine dies while idle: noticed all the same.
    fake.started[1]!.die(new Error('worker died'));
    await Promise.resolve();
    expect(engineOf(await db.query('SELECT'))).toBe(3);
    expect(events.map((e) => e.kind)).toEqual(['broken', 'restarted', 'broken', 'restarted']);
  });

  it('says so when the new engine does not start', async () => {
    const fake = fakeEngines({ failStart: [2] });
    const db = new RestartingConnector(fake.start);
    const events: EngineEvent[] = [];
    db.onEngineEvent((e) => events.push(e));
    await expect(db.query('BREAK')).rejects.toBeInstanceOf(EngineRestartedError);
    await expect(db.query('SELECT')).rejects.toThrow('engine 2 did not start');
    expect(events).toEqual([
      { kind: 'broken', cause: 'RuntimeError: memory access out of bounds' },
      { kind: 'failed', cause: 'engine 2 did not start' },
    ]);
  });
});

describe('the console after a cancel or a broken engine', () => {
  it('does not run the query again (the retry in place would break the new engine too)', async () => {
    for (const error of [
      new QueryCancelledError(),
      new EngineRestartedError(new Error('memory access out of bounds')),
    ]) {
      const ran: string[] = [];
      const run = async (sql: string): Promise<Table> => {
        ran.push(sql);
        throw error;
      };
      await expect(runConsole(run, 'SELECT len(range(600000000::BIGINT))', 1000)).rejects.toBe(error);
      expect(ran).toHaveLength(1);
    }
    // An ordinary error is still run again in place, for DuckDB's message on the user's own line.
    const ran: string[] = [];
    const run = async (sql: string): Promise<Table> => {
      ran.push(sql);
      throw new Error('Binder Error: x');
    };
    await expect(runConsole(run, 'SELECT x', 1000)).rejects.toThrow('Binder Error');
    expect(ran).toHaveLength(2);
  });
});

describe('isEngineBroken on the real engine', () => {
  it('runs under the memory limit, and tells an engine-breaking error from the limit, a cancel and a user text', async () => {
    const db = await createNodeConnector();
    try {
      const limit = await db.query("SELECT current_setting('memory_limit') AS m");
      expect(String(limit.getChild('m')?.get(0))).toBe('2.0 GiB');
      // The real out-of-bounds crash is not run here: in Node's blocking build it may spin inside the wasm, on the test's
      // own thread, where no timeout can end it (seen in CI). The browser test (e2e sqlConsole) runs it for real.
      const over = await db.query('SELECT count(*) FROM range(10) GROUP BY 1').catch((e: unknown) => e);
      expect(isEngineBroken(over)).toBe(false);
    } finally {
      try {
        db.close();
      } catch {
        // A broken engine may not close cleanly.
      }
    }
    expect(isEngineBroken(new Error('RuntimeError: memory access out of bounds'))).toBe(true);
    expect(isEngineBroken(new Error('Out of Memory Error: failed to allocate data of size 2.0 GiB'))).toBe(false);
    expect(isEngineBroken(new Error('Catalog Error: Table with name x does not exist!'))).toBe(false);
    expect(isEngineBroken(new QueryCancelledError())).toBe(false);
    // A user's own error text (`SELECT error('…')`) does not restart anything; DuckDB's fatal errors do.
    const other = await createNodeConnector();
    const own = await other.query("SELECT error('memory access out of bounds; worker died')").catch((e: unknown) => e);
    other.close();
    expect(String(own)).toContain('memory access out of bounds');
    expect(isEngineBroken(own)).toBe(false);
    expect(isEngineBroken(new Error('FATAL Error: database has been invalidated'))).toBe(true);
    expect(isEngineBroken(new Error('INTERNAL Error: Attempted to access index 3 within vector of size 3'))).toBe(true);
  }, 300_000);
});

/** A Node engine (the blocking build, as in every unit test) as an Engine: it cannot be cancelled nor die by itself. */
async function nodeEngine(): Promise<Engine> {
  const db = await createNodeConnector();
  const death = gate<never>();
  death.promise.catch(() => undefined);
  // `BREAK` fails as the wasm trap does and leaves the engine failing (the real trap may spin in Node's blocking build).
  let broken = false;
  const query = (sql: string) => {
    if (sql === 'BREAK') broken = true;
    return broken ? Promise.reject(new Error('RuntimeError: memory access out of bounds')) : db.query(sql);
  };
  return {
    query,
    consoleQuery: query,
    registerFile: (name, data) => db.registerFile(name, data),
    dropFile: (name) => db.dropFile(name),
    insertArrowIPC: (table, bytes) => db.insertArrowIPC(table, bytes),
    syntaxError: (sql) => db.syntaxError(sql),
    died: death.promise,
    terminate: () => {
      death.fail(new Error('worker terminated'));
      try {
        db.close();
      } catch {
        // A broken engine may not close cleanly.
      }
    },
  };
}

describe('a package after a restart', () => {
  it('is loaded again into the new engine under a new generation, with the old views retired', async () => {
    const db = new RestartingConnector(nodeEngine);
    const mini = readPackage(join(FIXTURES, 'mini'));
    const states: SwitchState<{ pkg: LoadedPackage; coordinator: Coordinator }>[] = [];
    const switcher = new DatasetSwitcher<PackageFiles, { pkg: LoadedPackage; coordinator: Coordinator }>(
      {
        list: async () => [{ id: 'mini', title: { nl: 'mini', en: 'mini' } }],
        fetch: async () => mini,
        async stage(files) {
          const staged = await stagePackage(db, files);
          return {
            commit: async () => ({ pkg: await staged.commit(), coordinator: new Coordinator(db) }),
            discard: () => staged.discard(),
          };
        },
        retire: (shown) => shown.coordinator.retire(),
      },
      (s) => states.push(s),
    );
    const reloaded = gate();
    db.onEngineEvent((e) => {
      if (e.kind === 'broken') void switcher.reload().then(reloaded.open);
    });
    await switcher.request(null);
    const first = switcher.state.shown!;
    const count = 'SELECT count(*)::INTEGER AS n FROM observations';
    const rows = Number((await first.pkg.coordinator.query(count)).getChild('n')?.get(0));
    expect(rows).toBeGreaterThan(0);

    await expect(db.query('BREAK')).rejects.toBeInstanceOf(EngineRestartedError);
    // Retired at once: no view reads the empty new database.
    await expect(first.pkg.coordinator.query(count)).rejects.toBeInstanceOf(SupersededError);
    await reloaded.promise;

    const second = switcher.state.shown!;
    expect(second.generation).toBe(first.generation + 1);
    expect(second.id).toBe('mini');
    expect(switcher.state.status).toBe('ready');
    expect(switcher.state.failure).toBeNull();
    expect(switcher.state.settledRequest).toBe(null);
    expect(Number((await second.pkg.coordinator.query(count)).getChild('n')?.get(0))).toBe(rows);
    expect(states.some((s) => s.status === 'loading' && s.loading === 'mini')).toBe(true);
    expect(db.restarts).toBe(1);

    // A request for the same dataset afterwards changes nothing.
    await switcher.request(null);
    expect(switcher.state.shown!.generation).toBe(second.generation);
    // Two engines of the Node build and a package load each: no speed is asserted, the bound only ends a hang.
  }, 300_000);
});
