import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOwnDataStore } from '../../src/userdata/ownDataStore.ts';
import {
  createEntityStore,
  DATABASE,
  deleteEntity,
  loadAgenda,
  memoryEntityStore,
  SCHEMA_VERSION,
  saveEntity,
} from '../../src/userdata/store.ts';
import type { NewEntity } from '../../src/userdata/types.ts';
import { FakeKeyRange, fakeIndexedDb, newBacking } from '../fixtures/fakeIndexedDb.ts';

const g = globalThis as { IDBKeyRange?: unknown };
const had = g.IDBKeyRange;
beforeAll(() => {
  g.IDBKeyRange = FakeKeyRange;
});
afterAll(() => {
  g.IDBKeyRange = had;
});

const aim: NewEntity<'aims'> = {
  indicator_id: 'jeugdzorg',
  area_code: 'WK036301',
  baseline_period: 2022,
  target_period: 2027,
  target_value: 9,
  direction: 'down',
  label_nl: 'Minder jongeren in de jeugdzorg in Noorddorp: 9 % in 2027',
  label_en: 'Fewer young people in youth care in Noorddorp: 9% in 2027',
  agreed_with: 'wijkraad Noorddorp',
  agreed_on: '2026-03-12',
  origin: 'concept',
};
const note: NewEntity<'notes'> = {
  area_code: 'WK036301',
  indicator_id: 'jeugdzorg',
  theme: null,
  text: 'De stijging komt door de nieuwe jeugdhulplocatie aan de Dorpsstraat, die in 2024 opende.',
  author: 'Anna de Vries',
  date: '2026-03-01',
};
const signal: NewEntity<'signals'> = {
  area_code: 'WK036301',
  date: '2026-02-20',
  theme: 'armoede',
  source: 'school',
  source_other: '',
  text: 'Meer kinderen zonder ontbijt op school.',
};

/** A version-1 database as the app before the wijkagenda left it: one own data file in `owndata`. */
function v1Database(backing = newBacking()) {
  const factory = fakeIndexedDb(backing);
  return new Promise<typeof backing>((resolve, reject) => {
    const req = factory.open(DATABASE, 1);
    req.onupgradeneeded = () => {
      req.result.createObjectStore('owndata');
    };
    req.onsuccess = () => {
      const db = req.result;
      const t = db.transaction('owndata', 'readwrite');
      t.objectStore('owndata').put(
        {
          packageId: 'mini',
          name: 'scores.csv',
          bytes: new TextEncoder().encode('area_code,period,Score\n'),
          addedAt: 7,
        },
        ['mini', 'scores.csv'],
      );
      t.oncomplete = () => resolve(backing);
    };
    req.onerror = () => reject(req.error);
  });
}

describe('the user data store over IndexedDB', () => {
  it('migrates a version-1 database in place: the own data file stays, the aims, notes and signals stores appear', async () => {
    const backing = await v1Database();
    expect(backing.databases.get(DATABASE)?.version).toBe(1);

    // A page load with the new code: both stores share the one database at the new version.
    const factory = fakeIndexedDb(backing);
    const files = await createOwnDataStore(factory).list('mini');
    expect(files.damaged).toEqual([]);
    expect(files.files.map((f) => [f.name, new TextDecoder().decode(f.bytes), f.addedAt])).toEqual([
      ['scores.csv', 'area_code,period,Score\n', 7],
    ]);
    const saved = await saveEntity(createEntityStore(factory), 'aims', 'GM0363', aim);
    expect(saved).toMatchObject({ ok: true, kept: 'browser' });

    const db = backing.databases.get(DATABASE)!;
    expect(SCHEMA_VERSION).toBe(2);
    expect(db.version).toBe(2);
    expect([...db.stores.keys()].sort()).toEqual(['aims', 'notes', 'owndata', 'signals']);
    // The own data store still writes and deletes after the upgrade.
    const own = createOwnDataStore(factory);
    await own.save('mini', { name: 'b.csv', bytes: new Uint8Array([1]) });
    await own.delete('mini', 'scores.csv');
    expect((await own.list('mini')).files.map((f) => f.name)).toEqual(['b.csv']);
  });

  it('keeps aims, notes and signals per gemeente across a reload', async () => {
    const backing = newBacking();
    const store = createEntityStore(fakeIndexedDb(backing));
    const a = await saveEntity(store, 'aims', 'GM0363', aim, undefined, 1000);
    const n = await saveEntity(store, 'notes', 'GM0363', note, undefined, 2000);
    const s = await saveEntity(store, 'signals', 'GM0363', signal, undefined, 3000);
    await saveEntity(store, 'notes', 'GM0599', { ...note, area_code: 'WK059901' }, undefined, 4000);
    for (const r of [a, n, s]) expect(r).toMatchObject({ ok: true, kept: 'browser' });

    const reloaded = createEntityStore(fakeIndexedDb(backing));
    const { agenda, damaged } = await loadAgenda(reloaded, 'GM0363');
    expect(damaged).toEqual([]);
    expect(agenda.aims).toEqual([{ ...aim, id: a.ok ? a.entity.id : '', updatedAt: 1000 }]);
    expect(agenda.notes).toEqual([{ ...note, id: n.ok ? n.entity.id : '', updatedAt: 2000 }]);
    expect(agenda.signals.map((x) => x.text)).toEqual([signal.text]);
    expect((await loadAgenda(reloaded, 'GM0599')).agenda.notes.map((x) => x.area_code)).toEqual(['WK059901']);
  });

  it('keeps the id on a change, remembers the version it came from, and deletes as a tombstone', async () => {
    const store = createEntityStore(fakeIndexedDb());
    const first = await saveEntity(store, 'notes', 'GM0363', note, undefined, 1000);
    if (!first.ok) throw new Error('not saved');
    const changed = await saveEntity(store, 'notes', 'GM0363', { ...note, text: 'Anders.' }, first.entity, 500);
    if (!changed.ok) throw new Error('not saved');
    // A clock behind the stored version still makes the change the newer one.
    expect(changed.entity).toMatchObject({ id: first.entity.id, text: 'Anders.', updatedAt: 1001, history: [1000] });
    await deleteEntity(store, 'notes', 'GM0363', changed.entity, 3000);
    const { agenda, all } = await loadAgenda(store, 'GM0363');
    expect(agenda.notes).toEqual([]);
    expect(all.notes).toEqual([
      expect.objectContaining({ id: first.entity.id, deleted: true, updatedAt: 3000, history: [1000, 1001] }),
    ]);
  });

  it('refuses a too long or empty text with the field, the length and the limit, and stores nothing', async () => {
    const store = memoryEntityStore();
    const long = await saveEntity(store, 'notes', 'GM0363', { ...note, text: 'x'.repeat(1001) });
    expect(long).toEqual({
      ok: false,
      problems: [{ code: 'tooLong', field: 'text', params: { length: 1001, limit: 1000 } }],
    });
    const emoji = await saveEntity(store, 'signals', 'GM0363', { ...signal, text: '🙂'.repeat(1000) });
    expect(emoji.ok).toBe(true);
    const empty = await saveEntity(store, 'signals', 'GM0363', { ...signal, text: '  ', source: 'anders' });
    expect(empty).toEqual({
      ok: false,
      problems: [
        { code: 'required', field: 'text' },
        { code: 'required', field: 'source_other' },
      ],
    });
    const label = await saveEntity(store, 'aims', 'GM0363', {
      ...aim,
      label_nl: 'l'.repeat(201),
      agreed_on: '12 maart',
    });
    expect(label).toEqual({
      ok: false,
      problems: [
        { code: 'tooLong', field: 'label_nl', params: { length: 201, limit: 200 } },
        { code: 'notDate', field: 'agreed_on', params: { value: '12 maart' } },
      ],
    });
    const level = await saveEntity(store, 'aims', 'GM0363', { ...aim, area_code: null, level: 'dorp' as 'wijk' });
    expect(level).toEqual({
      ok: false,
      problems: [{ code: 'unknownValue', field: 'level', params: { value: 'dorp' } }],
    });
    expect((await loadAgenda(store, 'GM0363')).agenda.aims).toEqual([]);
    expect((await loadAgenda(store, 'GM0363')).agenda.signals).toHaveLength(1);
  });

  it('skips a damaged entry and names it', async () => {
    const backing = newBacking();
    const factory = fakeIndexedDb(backing);
    const store = createEntityStore(factory);
    await saveEntity(store, 'signals', 'GM0363', signal);
    const raw = backing.databases.get(DATABASE)!.stores.get('signals')!;
    raw.set('x', { key: ['GM0363', 'kapot'], value: { id: 'kapot', updatedAt: 'gisteren' } });
    const { agenda, damaged } = await loadAgenda(store, 'GM0363');
    expect(damaged).toEqual(['kapot']);
    expect(agenda.signals.map((s) => s.text)).toEqual([signal.text]);
  });

  it('says data is kept for this session only when there is no IndexedDB, or it refuses writes', async () => {
    const saved = await saveEntity(createEntityStore(null), 'signals', 'GM0363', signal);
    expect(saved).toMatchObject({ ok: true, kept: 'session', reason: 'memory' });

    const refusing = {
      open: () => {
        const req = {} as { onerror?: () => void; error: DOMException };
        req.error = new DOMException('The user denied permission', 'SecurityError');
        queueMicrotask(() => req.onerror?.());
        return req;
      },
    } as unknown as IDBFactory;
    const store = createEntityStore(refusing);
    const fallback = await saveEntity(store, 'signals', 'GM0363', signal);
    expect(fallback).toMatchObject({ ok: true, kept: 'session', reason: 'The user denied permission' });
    // Kept in memory for the session all the same.
    expect((await loadAgenda(store, 'GM0363')).agenda.signals).toHaveLength(1);
  });
});
