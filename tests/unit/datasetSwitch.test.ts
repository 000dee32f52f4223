import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLock,
  DatasetSwitcher,
  isSwitching,
  type LoadFailure,
  type SwitchDeps,
  type SwitchState,
} from '../../src/app/datasetSwitch.ts';
import type { DatasetListEntry } from '../../src/data/fetchPackage.ts';
import { stagePackage } from '../../src/data/load.ts';
import { PackageError } from '../../src/data/package.ts';
import { Coordinator, SupersededError } from '../../src/db/coordinator.ts';
import { createNodeConnector } from '../../src/db/node.ts';
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

const LIST: DatasetListEntry[] = ['demo', 'b', 'c', 'broken'].map((id) => ({ id, title: { nl: id, en: id } }));

interface Pkg {
  id: string;
}

/**
 * A fake database with one set of "views": `tables` is the package they point at. Every state the switcher reports
 * is checked against it, so a screen that shows another package than the loaded one fails the test.
 */
function harness(options: {
  fetchGates?: Record<string, Promise<void>>;
  stageGates?: Record<string, Promise<void>>;
  commitGates?: Record<string, Promise<void>>;
}) {
  const db = { tables: null as string | null, staged: new Set<string>(), log: [] as string[] };
  const states: SwitchState<Pkg>[] = [];
  const failures: { failure: LoadFailure; shownId: string | null }[] = [];
  const retired: string[] = [];
  const deps: SwitchDeps<string, Pkg> = {
    list: async () => LIST,
    async fetch(id) {
      db.log.push(`fetch ${id}`);
      await options.fetchGates?.[id];
      return id;
    },
    async stage(id) {
      db.log.push(`staging ${id}`);
      await options.stageGates?.[id];
      if (id === 'broken')
        throw new PackageError([{ file: 'observations.csv', row: 3, column: 'value', code: 'notNumeric' }]);
      db.staged.add(id);
      db.log.push(`stage ${id}`);
      return {
        async commit() {
          db.log.push(`committing ${id}`);
          await options.commitGates?.[id];
          db.staged.delete(id);
          db.tables = id;
          db.log.push(`commit ${id}`);
          return { id };
        },
        async discard() {
          db.staged.delete(id);
          db.log.push(`discard ${id}`);
        },
      };
    },
    retire: (pkg) => retired.push(pkg.id),
  };
  const switcher = new DatasetSwitcher<string, Pkg>(
    deps,
    (state) => {
      // The invariant: what the state says is shown is what the database has loaded.
      expect(state.shown?.pkg.id ?? null).toBe(db.tables);
      states.push(state);
    },
    (failure, shownId) => failures.push({ failure, shownId }),
  );
  return { db, switcher, states, failures, retired };
}

describe('DatasetSwitcher', () => {
  it('loads the first listed dataset when none is asked for, then a chosen one', async () => {
    const { db, switcher, retired } = harness({});
    await switcher.request(null);
    expect(switcher.state).toMatchObject({ status: 'ready', loading: null, settledRequest: null });
    expect(switcher.state.shown).toMatchObject({ id: 'demo', generation: 1 });

    await switcher.request('b');
    expect(switcher.state.shown).toMatchObject({ id: 'b', generation: 2 });
    expect(switcher.state).toMatchObject({ status: 'ready', settledRequest: 'b', failure: null });
    expect(db.tables).toBe('b');
    // The old package's coordinator stops before the views switch.
    expect(retired).toEqual(['demo']);
  });

  it('says it is loading while the new package loads, and keeps showing the old one meanwhile', async () => {
    const fetchB = gate();
    const { switcher } = harness({ fetchGates: { b: fetchB.promise } });
    await switcher.request('demo');
    const done = switcher.request('b');
    while (switcher.state.loading !== 'b') await new Promise((r) => setTimeout(r, 0));
    expect(switcher.state).toMatchObject({ status: 'loading', loading: 'b', settledRequest: 'demo' });
    expect(switcher.state.shown?.id).toBe('demo');
    expect(isSwitching('b', switcher.state)).toBe(true);
    fetchB.open();
    await done;
    expect(switcher.state).toMatchObject({ status: 'ready', loading: null, settledRequest: 'b' });
    expect(isSwitching('b', switcher.state)).toBe(false);
  });

  it('keeps the previous package loaded and shown when the new one is broken, and says why', async () => {
    const { db, switcher, failures, retired } = harness({});
    await switcher.request('demo');
    await switcher.request('broken');
    expect(db.tables).toBe('demo');
    expect(db.log).not.toContain('commit broken');
    expect(retired).toEqual([]);
    expect(switcher.state.shown).toMatchObject({ id: 'demo', generation: 1 });
    expect(switcher.state.status).toBe('ready');
    expect(switcher.state.failure).toEqual({
      id: 'broken',
      issues: [{ file: 'observations.csv', row: 3, column: 'value', code: 'notNumeric' }],
      error: null,
    });
    // The app puts the URL back to the package still shown; until then the screen counts as switching.
    expect(failures).toEqual([{ failure: switcher.state.failure, shownId: 'demo' }]);
    expect(isSwitching('broken', switcher.state)).toBe(true);
    await switcher.request('demo');
    expect(isSwitching('demo', switcher.state)).toBe(false);
    // The message stays until a load succeeds or the user closes it.
    expect(switcher.state.failure?.id).toBe('broken');
    switcher.dismiss();
    expect(switcher.state.failure).toBeNull();
  });

  it('reports an error that is not a validation issue with its message', async () => {
    const { switcher } = harness({ fetchGates: { c: Promise.reject(new Error('network down')) } });
    await switcher.request('demo');
    await switcher.request('c');
    expect(switcher.state.failure).toEqual({ id: 'c', issues: [], error: 'network down' });
    expect(switcher.state.shown?.id).toBe('demo');
  });

  it('a failed first load leaves nothing shown and the status failed', async () => {
    const { switcher, failures } = harness({});
    await switcher.request('broken');
    expect(switcher.state).toMatchObject({ status: 'failed', shown: null });
    expect(failures[0]?.shownId).toBeNull();
  });

  it('names an unknown dataset and loads the first listed instead', async () => {
    const { switcher } = harness({});
    await switcher.request('nope');
    expect(switcher.state).toMatchObject({ unknownDataset: 'nope', settledRequest: 'nope' });
    expect(switcher.state.shown?.id).toBe('demo');
  });

  it('rapid switches A→B→C end on C, and B never touches the database while still fetching', async () => {
    const fetchB = gate();
    const { db, switcher, states } = harness({ fetchGates: { b: fetchB.promise } });
    await switcher.request('demo');
    const toB = switcher.request('b');
    const toC = switcher.request('c');
    await toC;
    fetchB.open();
    await toB;
    expect(db.tables).toBe('c');
    expect(db.log).not.toContain('stage b');
    expect(switcher.state.shown).toMatchObject({ id: 'c', generation: 2 });
    expect(switcher.state).toMatchObject({ status: 'ready', settledRequest: 'c', loading: null });
    expect(states.some((s) => s.shown?.id === 'b')).toBe(false);
  });

  it('a load overtaken while validating drops its tables instead of switching to them', async () => {
    const stageB = gate();
    const { db, switcher } = harness({ stageGates: { b: stageB.promise } });
    await switcher.request('demo');
    const toB = switcher.request('b');
    // Let B reach its staging, then ask for C while B holds the database.
    while (!db.log.includes('staging b')) await new Promise((r) => setTimeout(r, 0));
    const toC = switcher.request('c');
    stageB.open();
    await Promise.all([toB, toC]);
    expect(db.log.filter((l) => /^(stage|commit|discard) /.test(l))).toEqual([
      'stage demo',
      'commit demo',
      'stage b',
      'discard b',
      'stage c',
      'commit c',
    ]);
    expect(db.staged.size).toBe(0);
    expect(switcher.state.shown?.id).toBe('c');
  });

  it('A→B→A while B is already switching: shows B as loaded, then loads A again and settles on it', async () => {
    const commitB = gate();
    const { db, switcher, states } = harness({ commitGates: { b: commitB.promise } });
    await switcher.request('demo');
    const toB = switcher.request('b');
    while (!db.log.includes('committing b')) await new Promise((r) => setTimeout(r, 0));
    const back = switcher.request('demo');
    commitB.open();
    await Promise.all([toB, back]);
    // B's tables were loaded, so B was shown, but as not settled: the URL (demo) still asked for something else.
    expect(states.find((s) => s.shown?.id === 'b')?.settledRequest).toBeUndefined();
    expect(db.tables).toBe('demo');
    expect(switcher.state.shown).toMatchObject({ id: 'demo', generation: 3 });
    expect(switcher.state).toMatchObject({ settledRequest: 'demo', status: 'ready', loading: null });
  });

  it('a stale failure says nothing: the user has already asked for something else', async () => {
    const stageBroken = gate();
    const { switcher, failures } = harness({ stageGates: { broken: stageBroken.promise } });
    await switcher.request('demo');
    const toBroken = switcher.request('broken');
    const toC = switcher.request('c');
    stageBroken.open();
    await Promise.all([toBroken, toC]);
    expect(failures).toEqual([]);
    expect(switcher.state.failure).toBeNull();
    expect(switcher.state.shown?.id).toBe('c');
  });
});

describe('isSwitching', () => {
  it('is false before anything is shown and when the URL asks for what is shown', () => {
    expect(isSwitching('b', { shown: null, settledRequest: undefined })).toBe(false);
    expect(isSwitching('b', { shown: {}, settledRequest: 'b' })).toBe(false);
    expect(isSwitching(null, { shown: {}, settledRequest: null })).toBe(false);
  });
  it('is true when the URL asks for another dataset, or nothing is settled', () => {
    expect(isSwitching('c', { shown: {}, settledRequest: 'b' })).toBe(true);
    expect(isSwitching('b', { shown: {}, settledRequest: undefined })).toBe(true);
  });
});

describe('createLock', () => {
  it('runs jobs one at a time in order, also after a failing one', async () => {
    const lock = createLock();
    const log: string[] = [];
    const first = gate();
    const a = lock(async () => {
      log.push('a start');
      await first.promise;
      log.push('a end');
      throw new Error('a failed');
    });
    const b = lock(async () => {
      log.push('b');
      return 2;
    });
    await Promise.resolve();
    expect(log).toEqual(['a start']);
    first.open();
    await expect(a).rejects.toThrow('a failed');
    await expect(b).resolves.toBe(2);
    expect(log).toEqual(['a start', 'a end', 'b']);
  });
});

describe('Coordinator.retire', () => {
  it('fails every later query and any result still under way with SupersededError', async () => {
    const answer = gate<never>();
    let sent = 0;
    const c = new Coordinator({
      query: async () => {
        sent++;
        return answer.promise;
      },
      registerFile: async () => undefined,
      dropFile: async () => undefined,
      insertArrowIPC: async () => undefined,
    });
    const underway = c.query('SELECT 1');
    c.retire();
    answer.open({} as never);
    await expect(underway).rejects.toBeInstanceOf(SupersededError);
    await expect(c.query('SELECT 2')).rejects.toBeInstanceOf(SupersededError);
    expect(sent).toBe(1);
  });
});

describe('stagePackage', () => {
  let db: Awaited<ReturnType<typeof createNodeConnector>>;
  const mini = readPackage(join(FIXTURES, 'mini'));
  const other = {
    ...mini,
    'dataset.json': mini['dataset.json'].replace('"Minigemeente (testdata)"', '"Andere gemeente"'),
  };

  beforeAll(async () => {
    db = await createNodeConnector();
  });
  afterAll(() => db?.close());

  async function tables(): Promise<string[]> {
    const result = await db.query("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'gk%' ORDER BY 1");
    return result.toArray().map((r) => String(r.table_name));
  }
  async function viewTarget(): Promise<string> {
    const result = await db.query("SELECT sql FROM duckdb_views() WHERE view_name = 'observations' AND NOT internal");
    return /gk\d+_observations/.exec(String(result.toArray()[0]?.sql))?.[0] ?? '';
  }

  it('creates the tables beside the loaded ones; the views move only on commit, and discard drops them', async () => {
    const first = await (await stagePackage(db, mini)).commit();
    const loaded = await viewTarget();
    expect(first.tables.observations).toBe(`"${loaded}"`);
    const before = await tables();

    const second = await stagePackage(db, other);
    expect(await viewTarget()).toBe(loaded);
    expect((await tables()).length).toBeGreaterThan(before.length);
    await second.discard();
    expect(await tables()).toEqual(before);
    expect(await viewTarget()).toBe(loaded);
    await expect(second.commit()).rejects.toThrow(/discarded/);

    const third = await stagePackage(db, other);
    const pkg = await third.commit();
    expect(pkg.meta.title.nl).toBe('Andere gemeente');
    expect(await viewTarget()).not.toBe(loaded);
    // The package before is dropped with the switch.
    expect((await tables()).some((t) => t.startsWith(loaded.replace('_observations', '_')))).toBe(false);
  });
});
