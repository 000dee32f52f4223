/**
 * The one store of what a user adds: IndexedDB database `gebiedskompas`, one versioned schema, nothing sent
 * anywhere. Object stores:
 * - `owndata` (since version 1): own data files, key `[packageId, name]` (ownDataStore.ts);
 * - `aims`, `notes`, `signals` (since version 2): {@link UserEntityOf} values, key `[gemeente, id]`.
 * A browser with a version-1 database is upgraded in place: its own data files stay.
 *
 * Without IndexedDB (Node, tests, a browser that blocks storage) everything is kept in memory for the page's life,
 * and every save says so (`kept: 'session'` with the reason), so the app never claims data is kept when it will be
 * gone after a reload.
 */
import {
  type Kept,
  MAX_HISTORY,
  type NewEntity,
  type SaveResult,
  USER_KINDS,
  type UserAgenda,
  type UserDataProblem,
  type UserEntity,
  type UserEntityOf,
  type UserKind,
  VALIDATORS,
} from './types.ts';

export const DATABASE = 'gebiedskompas';
export const OWN_FILES_STORE = 'owndata';
/**
 * Each migration brings the database from version i to i + 1; the schema version is their count. Never change a
 * migration that has shipped: add one.
 */
const MIGRATIONS: readonly ((db: IDBDatabase) => void)[] = [
  (db) => {
    if (!db.objectStoreNames.contains(OWN_FILES_STORE)) db.createObjectStore(OWN_FILES_STORE);
  },
  (db) => {
    for (const kind of USER_KINDS) if (!db.objectStoreNames.contains(kind)) db.createObjectStore(kind);
  },
];
export const SCHEMA_VERSION = MIGRATIONS.length;

export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/** Every key `[scope, …]` of one package or gemeente. */
export function scopeRange(scope: string): IDBKeyRange {
  return IDBKeyRange.bound([scope], [scope, []]);
}

const openers = new WeakMap<IDBFactory, () => Promise<IDBDatabase>>();

/**
 * Opens the database at {@link SCHEMA_VERSION}, running the migrations it lacks. One connection per factory, shared
 * by the own-files and the entity stores (two connections at different versions would block each other).
 */
export function openDatabase(factory: IDBFactory): () => Promise<IDBDatabase> {
  const known = openers.get(factory);
  if (known) return known;
  let opened: Promise<IDBDatabase> | null = null;
  const open = () => {
    opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open(DATABASE, SCHEMA_VERSION);
      req.onupgradeneeded = (event: IDBVersionChangeEvent) => {
        for (let v = event.oldVersion; v < SCHEMA_VERSION; v++) MIGRATIONS[v]?.(req.result);
      };
      req.onsuccess = () => {
        // Another tab opening a newer version: let it, and open again on the next call.
        req.result.onversionchange = () => {
          req.result.close();
          opened = null;
        };
        resolve(req.result);
      };
      req.onerror = () => reject(req.error);
      req.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
    }).catch((error: unknown) => {
      opened = null;
      throw error;
    });
    return opened;
  };
  openers.set(factory, open);
  return open;
}

/**
 * Storage the browser may evict under pressure: ask once to keep it (a no-op where the browser decides by itself,
 * and never an error).
 */
let persistAsked = false;
export function askToPersist(): void {
  if (persistAsked) return;
  persistAsked = true;
  const storage = (globalThis.navigator as Navigator | undefined)?.storage;
  storage?.persist?.().catch(() => undefined);
}

/** True when IndexedDB can be used here at all. */
export function hasIndexedDb(factory: IDBFactory | null | undefined): factory is IDBFactory {
  return !!factory && typeof IDBKeyRange !== 'undefined';
}

/**
 * The IndexedDB store, falling back to the memory store for good at its first failure (private windows of some
 * browsers refuse IndexedDB at open time, a full disk refuses writes): the app keeps working, in memory.
 * `reason()` says why (`quota`, or the browser's message); empty while IndexedDB works. Methods named in
 * `rethrow` (deletes) pass their errors on instead.
 */
export function withMemoryFallback<S extends object>(
  idb: S,
  memory: S,
  rethrow: readonly (keyof S)[] = [],
): { store: S; reason: () => string } {
  let fallback = false;
  let lastError = '';
  const store = {} as S;
  for (const name of Object.keys(idb) as (keyof S)[]) {
    const run = (s: S, args: unknown[]) => (s[name] as (...a: unknown[]) => Promise<unknown>)(...args);
    (store as Record<keyof S, unknown>)[name] = async (...args: unknown[]) => {
      if (!fallback) {
        try {
          return await run(idb, args);
        } catch (error) {
          if (!(error instanceof Error) || rethrow.includes(name)) throw error;
          lastError = error.name === 'QuotaExceededError' ? 'quota' : error.message;
          fallback = true;
        }
      }
      return run(memory, args);
    };
  }
  return { store, reason: () => lastError };
}

/** What `list` found: every readable entity (tombstones included), and the ids of entries that could not be read. */
export interface ListedEntities<K extends UserKind> {
  items: UserEntityOf[K][];
  damaged: string[];
}

export interface EntityStore {
  /** Every entity of a kind kept for a gemeente, tombstones included, oldest change first. */
  list<K extends UserKind>(kind: K, gemeente: string): Promise<ListedEntities<K>>;
  /** Writes the entities (replacing those with the same id) in one transaction; says where they are kept. */
  put<K extends UserKind>(kind: K, gemeente: string, entities: readonly UserEntityOf[K][]): Promise<Kept>;
}

const byUpdatedAt = (a: { updatedAt: number; id: string }, b: { updatedAt: number; id: string }) =>
  a.updatedAt - b.updatedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A store in memory: for tests and when the browser has no IndexedDB. */
export function memoryEntityStore(): EntityStore {
  const kept = new Map<string, unknown>();
  const key = (kind: string, gemeente: string, id: string) => JSON.stringify([kind, gemeente, id]);
  return {
    async list<K extends UserKind>(kind: K, gemeente: string) {
      const prefix = JSON.stringify([kind, gemeente]).slice(0, -1);
      const items = [...kept.entries()]
        .filter(([k]) => k.startsWith(`${prefix},`))
        .map(([, v]) => structuredClone(v) as UserEntityOf[K]);
      return { items: items.sort(byUpdatedAt), damaged: [] };
    },
    async put(kind, gemeente, entities) {
      for (const e of entities) kept.set(key(kind, gemeente, e.id), structuredClone(e));
      return { kept: 'session', reason: 'memory' };
    },
  };
}

const STRING_FIELDS: { [K in UserKind]: readonly string[] } = {
  aims: ['indicator_id', 'direction', 'label_nl', 'label_en', 'agreed_with', 'agreed_on', 'origin'],
  notes: ['area_code', 'text', 'author', 'date'],
  signals: ['area_code', 'date', 'theme', 'source', 'source_other', 'text'],
};

/** An entry read back is used only when it has the fields of its kind with the right types; else it is damaged. */
function readable(kind: UserKind, value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  if (typeof v.id !== 'string' || typeof v.updatedAt !== 'number') return false;
  if (!STRING_FIELDS[kind].every((f) => typeof v[f] === 'string')) return false;
  if (kind === 'aims') {
    return (
      typeof v.baseline_period === 'number' &&
      typeof v.target_period === 'number' &&
      (v.target_value === null || typeof v.target_value === 'number')
    );
  }
  return true;
}

/** A store over IndexedDB (`factory` is `indexedDB`, or a fake in tests). */
export function indexedDbEntityStore(factory: IDBFactory): EntityStore {
  const open = openDatabase(factory);
  return {
    async list<K extends UserKind>(kind: K, gemeente: string) {
      const db = await open();
      const store = db.transaction(kind, 'readonly').objectStore(kind);
      const values = (await request(store.getAll(scopeRange(gemeente)))) as unknown[];
      const items: UserEntityOf[K][] = [];
      const damaged: string[] = [];
      for (const value of values) {
        if (readable(kind, value)) {
          const { gemeente: _scope, ...entity } = value as UserEntityOf[K] & { gemeente?: string };
          items.push(entity as unknown as UserEntityOf[K]);
        } else {
          const id = (value as { id?: unknown } | null)?.id;
          damaged.push(typeof id === 'string' ? id : '?');
        }
      }
      return { items: items.sort(byUpdatedAt), damaged };
    },
    async put(kind, gemeente, entities) {
      const db = await open();
      const tx = db.transaction(kind, 'readwrite');
      const store = tx.objectStore(kind);
      for (const e of entities) store.put({ ...e, gemeente }, [gemeente, e.id]);
      await done(tx);
      return { kept: 'browser' };
    },
  };
}

/** IndexedDB when the browser has it (and lets this page use it), else memory; a save says where it landed. */
export function createEntityStore(factory: IDBFactory | null | undefined = globalThis.indexedDB): EntityStore {
  if (!hasIndexedDb(factory)) return memoryEntityStore();
  const { store, reason } = withMemoryFallback(indexedDbEntityStore(factory), memoryEntityStore());
  return {
    list: store.list,
    async put(kind, gemeente, entities) {
      askToPersist();
      const kept = await store.put(kind, gemeente, entities);
      return kept.kept === 'session' ? { kept: 'session', reason: reason() || kept.reason } : kept;
    },
  };
}

let shared: EntityStore | null = null;
/** The store the app uses. */
export function entityStore(): EntityStore {
  shared ??= createEntityStore();
  return shared;
}
/** Replaces the store behind {@link entityStore} (tests). */
export function setEntityStore(next: EntityStore | null): void {
  shared = next;
}

/** A new id: random, so two browsers never make the same one. */
export function newId(): string {
  return globalThis.crypto.randomUUID();
}

/** Everything kept for a gemeente, without tombstones, and the ids of damaged entries. */
export async function loadAgenda(
  store: EntityStore,
  gemeente: string,
): Promise<{ agenda: UserAgenda; all: { [K in UserKind]: UserEntityOf[K][] }; damaged: string[] }> {
  const [aims, notes, signals] = await Promise.all(USER_KINDS.map((kind) => store.list(kind, gemeente)));
  const all = { aims: aims!.items, notes: notes!.items, signals: signals!.items } as {
    [K in UserKind]: UserEntityOf[K][];
  };
  const live = <T extends { deleted?: boolean }>(items: T[]) => items.filter((e) => !e.deleted);
  return {
    agenda: { aims: live(all.aims), notes: live(all.notes), signals: live(all.signals) },
    all,
    damaged: [...aims!.damaged, ...notes!.damaged, ...signals!.damaged],
  };
}

/**
 * Validates and saves an entity: a new one (no `current`) gets a new id; a change keeps the id of `current`.
 * `updatedAt` is `now`, at least one more than the version it replaces, so the change always counts as newer.
 */
export async function saveEntity<K extends UserKind>(
  store: EntityStore,
  kind: K,
  gemeente: string,
  fields: NewEntity<K>,
  current?: UserEntityOf[K],
  now = Date.now(),
): Promise<SaveResult<K>> {
  const entity = {
    ...current,
    ...fields,
    id: current?.id ?? newId(),
    updatedAt: Math.max(now, (current?.updatedAt ?? 0) + 1),
    ...(current && { history: nextHistory(current) }),
  } as UserEntityOf[K];
  const problems = (VALIDATORS[kind] as unknown as (e: UserEntityOf[K]) => UserDataProblem[])(entity);
  if (problems.length > 0) return { ok: false, problems };
  const kept = await store.put(kind, gemeente, [entity]);
  return { ok: true, entity, ...kept };
}

/** The history of a version made from `current`. */
export function nextHistory(current: UserEntity): number[] {
  return [...(current.history ?? []), current.updatedAt].slice(-MAX_HISTORY);
}

/** Deletes an entity by keeping a tombstone, so that a later import of an older copy does not bring it back. */
export async function deleteEntity<K extends UserKind>(
  store: EntityStore,
  kind: K,
  gemeente: string,
  current: UserEntityOf[K],
  now = Date.now(),
): Promise<Kept> {
  const tombstone = {
    ...current,
    deleted: true,
    updatedAt: Math.max(now, current.updatedAt + 1),
    history: nextHistory(current),
  };
  return store.put(kind, gemeente, [tombstone]);
}
