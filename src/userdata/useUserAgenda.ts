import { useCallback, useEffect, useRef, useState } from 'react';
import {
  entitiesCsv,
  importBundle as mergeBundle,
  packageAimsCsv,
  exportBundle as writeStoreBundle,
} from './bundle.ts';
import { deleteEntity, type EntityStore, entityStore, loadAgenda, saveEntity } from './store.ts';
import type {
  ImportReport,
  Kept,
  NewEntity,
  SaveResult,
  UserAgenda,
  UserAgendaApi,
  UserEntityOf,
  UserKind,
} from './types.ts';

const EMPTY: UserAgenda = { aims: [], notes: [], signals: [] };

/**
 * The aims, notes and wijk signals this browser keeps for a gemeente (the package's `meta.gemeente`; null while no
 * package is loaded), with add/update/remove, bundle export and import, and where the data is kept. Every change is
 * written to the store first and the lists are read back from it, so what the UI shows is what a reload shows.
 * `store` is for tests.
 */
export function useUserAgenda(gemeente: string | null, store: EntityStore = entityStore()): UserAgendaApi {
  const [agenda, setAgenda] = useState<UserAgenda>(EMPTY);
  const [all, setAll] = useState<{ [K in UserKind]: UserEntityOf[K][] }>(EMPTY);
  const [readyFor, setReadyFor] = useState<string | null>(null);
  const [kept, setKept] = useState<Kept | null>(null);
  const [damaged, setDamaged] = useState<string[]>([]);
  // The latest stored versions, for several changes one after another from one render.
  const latest = useRef(all);
  latest.current = all;

  const reload = useCallback(
    async (g: string, isStale: () => boolean = () => false) => {
      const loaded = await loadAgenda(store, g);
      if (isStale()) return;
      latest.current = loaded.all;
      setAgenda(loaded.agenda);
      setAll(loaded.all);
      setDamaged(loaded.damaged);
      setReadyFor(g);
    },
    [store],
  );

  useEffect(() => {
    setAgenda(EMPTY);
    setAll(EMPTY);
    setDamaged([]);
    setReadyFor(null);
    if (!gemeente) return;
    let stale = false;
    reload(gemeente, () => stale).catch(() => {
      // The store falls back to memory by itself; a failure here leaves the lists empty but usable.
      if (!stale) setReadyFor(gemeente);
    });
    return () => {
      stale = true;
    };
  }, [gemeente, reload]);

  const find = <K extends UserKind>(kind: K, id: string): UserEntityOf[K] | undefined =>
    (latest.current[kind] as UserEntityOf[K][]).find((e) => e.id === id);

  const save = async <K extends UserKind>(
    kind: K,
    fields: NewEntity<K>,
    current?: UserEntityOf[K],
  ): Promise<SaveResult<K>> => {
    if (!gemeente) return { ok: false, problems: [{ code: 'required', field: 'gemeente' }] };
    const result = await saveEntity(store, kind, gemeente, fields, current);
    if (result.ok) {
      setKept(result.kept === 'browser' ? { kept: 'browser' } : { kept: 'session', reason: result.reason });
      await reload(gemeente);
    }
    return result;
  };

  return {
    ...agenda,
    ready: gemeente !== null && readyFor === gemeente,
    kept,
    damaged,
    add: (kind, entity) => save(kind, entity),
    async update(kind, id, patch) {
      const current = find(kind, id);
      if (!current || current.deleted) return { ok: false, problems: [{ code: 'required', field: 'id' }] };
      const { id: _id, updatedAt: _u, deleted: _d, conflictOf: _c, history: _h, ...fields } = current;
      return save(kind, { ...fields, ...patch } as NewEntity<typeof kind>, current);
    },
    async remove(kind, id) {
      const current = find(kind, id);
      if (!gemeente || !current || current.deleted) return;
      setKept(await deleteEntity(store, kind, gemeente, current));
      await reload(gemeente);
    },
    async exportBundle() {
      if (!gemeente) throw new Error('no gemeente loaded');
      return writeStoreBundle(store, gemeente);
    },
    exportCsv(kind) {
      const safe = (gemeente ?? '').replace(/[^A-Za-z0-9_-]/g, '_');
      const text = kind === 'aims' ? packageAimsCsv(agenda.aims) : entitiesCsv(kind, agenda[kind]);
      return { name: `${kind}-${safe}.csv`, text };
    },
    async importBundle(bytes): Promise<ImportReport> {
      if (!gemeente) throw new Error('no gemeente loaded');
      const report = await mergeBundle(store, gemeente, bytes);
      await reload(gemeente);
      return report;
    },
  };
}
