/**
 * Keeps the user's own data files in the browser (IndexedDB), per package, so that they are there again after a
 * reload. Nothing is sent anywhere. The one user database (store.ts), object store `owndata`, key `[packageId, name]`
 * (one entry per package and file name: saving a file again replaces it), value {@link StoredOwnFile}.
 *
 * Without IndexedDB (Node, tests, a browser that blocks storage) the files are kept in memory for the page's life.
 */
import {
  askToPersist,
  done,
  hasIndexedDb,
  OWN_FILES_STORE,
  openDatabase,
  request,
  scopeRange,
  withMemoryFallback,
} from './store.ts';

export interface StoredOwnFile {
  packageId: string;
  name: string;
  bytes: Uint8Array;
  /** When the file was added (ms since 1970). */
  addedAt: number;
}

/** A saved file and where it is kept: in the browser across reloads, or only for this page's life (and why). */
export type SavedOwnFile =
  | (StoredOwnFile & { kept: 'browser' })
  | (StoredOwnFile & { kept: 'session'; reason: string });

/** What `list` found: the readable files, and the names of entries that could not be read back. */
export interface ListedOwnFiles {
  files: StoredOwnFile[];
  damaged: string[];
}

export interface OwnDataStore {
  /** The files kept for a package, oldest first; damaged entries are skipped and named. */
  list(packageId: string): Promise<ListedOwnFiles>;
  save(packageId: string, file: { name: string; bytes: Uint8Array }): Promise<SavedOwnFile>;
  delete(packageId: string, name: string): Promise<void>;
}

/** The object store of own files, in the one user database (store.ts). */
export const STORE = OWN_FILES_STORE;

const byAddedAt = (a: StoredOwnFile, b: StoredOwnFile) => a.addedAt - b.addedAt || (a.name < b.name ? -1 : 1);

/** A store in memory: for tests and when the browser has no IndexedDB. */
export function memoryOwnDataStore(): OwnDataStore {
  const files = new Map<string, StoredOwnFile>();
  const key = (packageId: string, name: string) => JSON.stringify([packageId, name]);
  return {
    async list(packageId) {
      return { files: [...files.values()].filter((f) => f.packageId === packageId).sort(byAddedAt), damaged: [] };
    },
    async save(packageId, file) {
      const stored = { packageId, name: file.name, bytes: file.bytes, addedAt: Date.now() };
      files.set(key(packageId, file.name), stored);
      return { ...stored, kept: 'session', reason: 'memory' };
    },
    async delete(packageId, name) {
      files.delete(key(packageId, name));
    },
  };
}

/** A store over IndexedDB (`factory` is `indexedDB`, or a fake in tests). */
export function indexedDbOwnDataStore(factory: IDBFactory): OwnDataStore {
  const open = openDatabase(factory);
  return {
    async list(packageId) {
      const db = await open();
      const store = db.transaction(STORE, 'readonly').objectStore(STORE);
      const values = (await request(store.getAll(scopeRange(packageId)))) as unknown[];
      const files: StoredOwnFile[] = [];
      const damaged: string[] = [];
      for (const v of values) {
        const entry = v as Partial<StoredOwnFile> | null;
        const bytes = entry?.bytes as unknown;
        const readable =
          entry !== null &&
          typeof entry === 'object' &&
          typeof entry.name === 'string' &&
          typeof entry.addedAt === 'number' &&
          (bytes instanceof Uint8Array || bytes instanceof ArrayBuffer);
        if (!readable) {
          damaged.push(typeof entry?.name === 'string' ? entry.name : '?');
          continue;
        }
        files.push({
          ...(entry as StoredOwnFile),
          bytes: bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes as ArrayBuffer),
        });
      }
      return { files: files.sort(byAddedAt), damaged };
    },
    async save(packageId, file) {
      const db = await open();
      const stored: StoredOwnFile = { packageId, name: file.name, bytes: file.bytes, addedAt: Date.now() };
      const tx = db.transaction(STORE, 'readwrite');
      tx.objectStore(STORE).put(stored, [packageId, file.name]);
      await done(tx);
      return { ...stored, kept: 'browser' };
    },
    async delete(packageId, name) {
      const db = await open();
      const tx = db.transaction(STORE, 'readwrite');
      tx.objectStore(STORE).delete([packageId, name]);
      await done(tx);
    },
  };
}

/**
 * IndexedDB when the browser has it (and lets this page use it), else memory — and a save that lands in memory says
 * so (`kept: 'session'` with the reason), so the app never claims a file is kept when it will be gone after a reload.
 */
export function createOwnDataStore(factory: IDBFactory | null | undefined = globalThis.indexedDB): OwnDataStore {
  if (!hasIndexedDb(factory)) return memoryOwnDataStore();
  const { store, reason } = withMemoryFallback(indexedDbOwnDataStore(factory), memoryOwnDataStore(), ['delete']);
  return {
    list: store.list,
    delete: store.delete,
    async save(packageId, file) {
      // Files of up to 200 MB, in storage the browser may evict under pressure.
      askToPersist();
      const saved = await store.save(packageId, file);
      return saved.kept === 'session' ? { ...saved, reason: reason() || saved.reason } : saved;
    },
  };
}

let shared: OwnDataStore | null = null;
function store(): OwnDataStore {
  shared ??= createOwnDataStore();
  return shared;
}

/** The own files kept for a package, oldest first, and the names of damaged entries that were skipped. */
export function listOwnData(packageId: string): Promise<ListedOwnFiles> {
  return store().list(packageId);
}

/** Keeps a file for a package (replacing one with the same name); says whether it survives a reload. */
export function saveOwnData(packageId: string, file: { name: string; bytes: Uint8Array }): Promise<SavedOwnFile> {
  return store().save(packageId, file);
}

/** Forgets a kept file. */
export function deleteOwnData(packageId: string, name: string): Promise<void> {
  return store().delete(packageId, name);
}

/** Replaces the store behind listOwnData/saveOwnData/deleteOwnData (tests). */
export function setOwnDataStore(next: OwnDataStore | null): void {
  shared = next;
}
