import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LoadedPackage } from '../data/load.ts';
import type { Coordinator } from '../db/coordinator.ts';
import type { LoadedOwnData, OwnProgress } from '../userdata/ownDataClient.ts';
import { OwnDataError, type OwnDataIssue } from '../userdata/ownDataError.ts';
import { deleteOwnData, listOwnData, saveOwnData } from '../userdata/ownDataStore.ts';

/** A file of own data as the page holds it: a Blob, read in pieces by the parsing worker, never whole here. */
type OwnFile = { name: string; blob: Blob };

const EMPTY_OWN_DATA: LoadedOwnData = { indicators: [], files: [], extraPeriods: [] };
/** The worker's client (and the loading SQL) load only when there is own data to read. */
const ownDataModule = () => import('../userdata/ownDataClient.ts');

/** How an upload is followed: progress of its reading, and a signal that cancels it. */
export interface OwnAddOptions {
  onProgress?: OwnProgress;
  signal?: AbortSignal;
}

export interface OwnDataState {
  /** The package as every view sees it: its own indicators plus the user's. */
  pkg: LoadedPackage | null;
  /** False until the files this browser keeps for the package are loaded (a link may name their indicators). */
  ready: boolean;
  files: LoadedOwnData['files'];
  issues: OwnDataIssue[] | null;
  /** Reads, checks and loads a file (in the parsing worker); rejects when refused (see `issues`) or cancelled. */
  add(file: File, options?: OwnAddOptions): Promise<void>;
  remove(name: string): void;
}

/**
 * The policy officer's own registry files: validated, added to the loaded package's tables (all or nothing), kept in
 * the browser (IndexedDB) per package and loaded again after a reload. Nothing is sent anywhere.
 */
export function useOwnData(pkg: LoadedPackage | null, coordinator: Coordinator | null): OwnDataState {
  const [own, setOwn] = useState<LoadedOwnData>(EMPTY_OWN_DATA);
  const [files, setFiles] = useState<OwnFile[]>([]);
  const [issues, setIssues] = useState<OwnDataIssue[] | null>(null);
  const [readyFor, setReadyFor] = useState<LoadedPackage | null>(null);
  // The latest files and data, for several files added one after another from one choice: each add must build on
  // the one before, not on the state of the render the handler came from (which listed only the last file).
  const latest = useRef({ own, files });
  latest.current = { own, files };

  // A new package replaces the tables, own data included: load what this browser keeps for it.
  useEffect(() => {
    setOwn(EMPTY_OWN_DATA);
    setFiles([]);
    setIssues(null);
    if (!pkg || !coordinator) return;
    let stale = false;
    listOwnData(pkg.meta.id)
      .then(async ({ files: kept, damaged }) => {
        if (!stale && damaged.length > 0)
          setIssues(damaged.map((name) => ({ file: name, code: 'keptFileDamaged', params: { name } })));
        if (kept.length === 0 || stale) return;
        const { applyOwnFilesInWorker, ownPackageOf } = await ownDataModule();
        const files = kept.map((f) => ({ name: f.name, blob: new Blob([f.bytes as Uint8Array<ArrayBuffer>]) }));
        // Into this package's own tables: by now the views may already point at a package loaded after it.
        const data = await applyOwnFilesInWorker(coordinator.connector, files, ownPackageOf(pkg), null, {
          tables: pkg.tables,
        }).catch((error) => {
          if (!stale && error instanceof OwnDataError) setIssues(error.issues);
          throw error;
        });
        if (stale) return;
        coordinator.clear();
        setOwn(data);
        setFiles(files);
      })
      .catch(() => undefined)
      .finally(() => {
        if (!stale) setReadyFor(pkg);
      });
    return () => {
      stale = true;
    };
  }, [pkg, coordinator]);

  /** Loads `next` into DuckDB (the user's files replace what was there); the state follows in {@link commit}. */
  const load = useCallback(
    async (next: OwnFile[], options: OwnAddOptions = {}) => {
      if (!pkg || !coordinator) return null;
      const { applyOwnFilesInWorker, ownPackageOf } = await ownDataModule();
      try {
        const data = await applyOwnFilesInWorker(coordinator.connector, next, ownPackageOf(pkg), latest.current.own, {
          tables: pkg.tables,
          ...options,
        });
        coordinator.clear(); // cached results predate the new indicators
        return data;
      } catch (error) {
        if (error instanceof OwnDataError) setIssues(error.issues);
        throw error;
      }
    },
    [pkg, coordinator],
  );

  const commit = useCallback((data: LoadedOwnData, next: OwnFile[], issues: OwnDataIssue[] | null = null) => {
    latest.current = { own: data, files: next };
    setOwn(data);
    setFiles(next);
    setIssues(issues);
  }, []);

  const apply = useCallback(
    async (next: OwnFile[]) => {
      const data = await load(next);
      if (data) commit(data, next);
    },
    [load, commit],
  );

  const add = useCallback(
    async (file: File, options: OwnAddOptions = {}) => {
      if (!pkg) return;
      const next = [...latest.current.files.filter((f) => f.name !== file.name), { name: file.name, blob: file }];
      const data = await load(next, options);
      if (!data) return;
      // Read whole only now that it is added: a refused file of 200 MB never is. It is listed once the browser keeps
      // it, so a reload right after it shows finds it again.
      const entry = { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
      const saved = await saveOwnData(pkg.meta.id, entry).catch((error: unknown) => ({
        kept: 'session' as const,
        reason: error instanceof Error ? error.message : String(error),
      }));
      // Never "added" without a word when the browser would not keep it.
      commit(
        data,
        next,
        saved.kept === 'session' ? [{ file: file.name, code: 'notKept', params: { reason: saved.reason } }] : null,
      );
    },
    [pkg, load, commit],
  );

  const remove = useCallback(
    (name: string) => {
      if (!pkg) return;
      void apply(latest.current.files.filter((f) => f.name !== name))
        .then(() => deleteOwnData(pkg.meta.id, name))
        .catch(() => undefined);
    },
    [pkg, apply],
  );

  const merged = useMemo((): LoadedPackage | null => {
    if (!pkg || own.indicators.length === 0) return pkg;
    const periods = [...new Set([...pkg.meta.periods, ...own.extraPeriods])].sort((a, b) => a - b);
    return { ...pkg, indicators: [...pkg.indicators, ...own.indicators], meta: { ...pkg.meta, periods } };
  }, [pkg, own]);

  return { pkg: merged, ready: pkg !== null && readyFor === pkg, files: own.files, issues, add, remove };
}
