/**
 * Keeps the user's own data files in the browser (IndexedDB), per package, so that they are there again after a
 * reload. Nothing is sent anywhere. Database `gebiedskompas`, object store `owndata`, key `[packageId, name]`
 * (one entry per package and file name: saving a file again replaces it), value {@link StoredOwnFile}.
 *
 * Without IndexedDB (Node, tests, a browser that blocks storage) the files are kept in memory for the page's life.
 */

export interface StoredOwnFile {
  packageId: string;
  name: string;
  bytes: Uint8Array;
  /** When the file was added (ms since 1970). */
  addedAt: number;
}

export interface OwnDataStore {
  /** The files kept for a package, oldest first. */
  list(packageId: string): Promise<StoredOwnFile[]>;
  save(packageId: string, file: { name: string; bytes: Uint8Array }): Promise<StoredOwnFile>;
  delete(packageId: string, name: string): Promise<void>;
}

export const DATABASE = 'gebiedskompas';
export const STORE = 'owndata';
const VERSION = 1;

const byAddedAt = (a: StoredOwnFile, b: StoredOwnFile) => a.addedAt - b.addedAt || (a.name < b.name ? -1 : 1);

/** A store in memory: for tests and when the browser has no IndexedDB. */
export function memoryOwnDataStore(): OwnDataStore {
  const files = new Map<string, StoredOwnFile>();
  const key = (packageId: string, name: string) => JSON.stringify([packageId, name]);
  return {
    async list(packageId) {
      return [...files.values()].filter((f) => f.packageId === packageId).sort(byAddedAt);
    },
    async save(packageId, file) {
      const stored = { packageId, name: file.name, bytes: file.bytes, addedAt: Date.now() };
      files.set(key(packageId, file.name), stored);
      return stored;
    },
    async delete(packageId, name) {
      files.delete(key(packageId, name));
    },
  };
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/** A store over IndexedDB (`factory` is `indexedDB`, or a fake in tests). */
export function indexedDbOwnDataStore(factory: IDBFactory): OwnDataStore {
  let opened: Promise<IDBDatabase> | null = null;
  const open = () => {
    opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open(DATABASE, VERSION);
      req.onupgradeneeded = () => {
        if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE);
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
      req.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
    }).catch((error: unknown) => {
      opened = null;
      throw error;
    });
    return opened;
  };
  const range = (packageId: string) => IDBKeyRange.bound([packageId], [packageId, []]);
  return {
    async list(packageId) {
      const db = await open();
      const store = db.transaction(STORE, 'readonly').objectStore(STORE);
      const values = await request(store.getAll(range(packageId)));
      return (values as StoredOwnFile[])
        .map((v) => ({ ...v, bytes: v.bytes instanceof Uint8Array ? v.bytes : new Uint8Array(v.bytes) }))
        .sort(byAddedAt);
    },
    async save(packageId, file) {
      const db = await open();
      const stored: StoredOwnFile = { packageId, name: file.name, bytes: file.bytes, addedAt: Date.now() };
      const tx = db.transaction(STORE, 'readwrite');
      tx.objectStore(STORE).put(stored, [packageId, file.name]);
      await done(tx);
      return stored;
    },
    async delete(packageId, name) {
      const db = await open();
      const tx = db.transaction(STORE, 'readwrite');
      tx.objectStore(STORE).delete([packageId, name]);
      await done(tx);
    },
  };
}

/** IndexedDB when the browser has it (and lets this page use it), else memory. */
export function createOwnDataStore(factory: IDBFactory | null | undefined = globalThis.indexedDB): OwnDataStore {
  if (!factory || typeof IDBKeyRange === 'undefined') return memoryOwnDataStore();
  const idb = indexedDbOwnDataStore(factory);
  const memory = memoryOwnDataStore();
  let fallback = false;
  // Private windows of some browsers refuse IndexedDB at open time: keep working, in memory.
  const guard =
    <A extends unknown[], R>(name: keyof OwnDataStore, run: (store: OwnDataStore, ...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (!fallback) {
        try {
          return await run(idb, ...args);
        } catch (error) {
          if (!(error instanceof Error) || name === 'delete') throw error;
          fallback = true;
        }
      }
      return run(memory, ...args);
    };
  return {
    list: guard('list', (s, packageId: string) => s.list(packageId)),
    save: guard('save', (s, packageId: string, file: { name: string; bytes: Uint8Array }) => s.save(packageId, file)),
    delete: guard('delete', (s, packageId: string, name: string) => s.delete(packageId, name)),
  };
}

let shared: OwnDataStore | null = null;
function store(): OwnDataStore {
  shared ??= createOwnDataStore();
  return shared;
}

/** The own files kept for a package, oldest first. */
export function listOwnData(packageId: string): Promise<StoredOwnFile[]> {
  return store().list(packageId);
}

/** Keeps a file for a package (replacing one with the same name). */
export function saveOwnData(packageId: string, file: { name: string; bytes: Uint8Array }): Promise<StoredOwnFile> {
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
