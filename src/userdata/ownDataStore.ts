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
  const range = (packageId: string) => IDBKeyRange.bound([packageId], [packageId, []]);
  return {
    async list(packageId) {
      const db = await open();
      const store = db.transaction(STORE, 'readonly').objectStore(STORE);
      const values = (await request(store.getAll(range(packageId)))) as unknown[];
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
 * Files of up to 200 MB in storage the browser may evict under pressure: ask once to keep it (a no-op where the
 * browser decides by itself, and never an error).
 */
let persistAsked = false;
function askToPersist(): void {
  if (persistAsked) return;
  persistAsked = true;
  const storage = (globalThis.navigator as Navigator | undefined)?.storage;
  storage?.persist?.().catch(() => undefined);
}

/**
 * IndexedDB when the browser has it (and lets this page use it), else memory — and a save that lands in memory says
 * so (`kept: 'session'` with the reason), so the app never claims a file is kept when it will be gone after a reload.
 */
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
          lastError = error.name === 'QuotaExceededError' ? 'quota' : error.message;
          fallback = true;
        }
      }
      return run(memory, ...args);
    };
  let lastError = '';
  return {
    list: guard('list', (s, packageId: string) => s.list(packageId)),
    save: async (packageId: string, file: { name: string; bytes: Uint8Array }) => {
      askToPersist();
      const saved = await guard('save', (s, p: string, f: { name: string; bytes: Uint8Array }) => s.save(p, f))(
        packageId,
        file,
      );
      return saved.kept === 'session' ? { ...saved, reason: lastError || saved.reason } : saved;
    },
    delete: guard('delete', (s, packageId: string, name: string) => s.delete(packageId, name)),
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
