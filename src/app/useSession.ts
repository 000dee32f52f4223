import { useEffect, useRef, useState } from 'react';
import { type DatasetListEntry, fetchDatasetList, fetchPackage } from '../data/fetchPackage.ts';
import { type LoadedPackage, loadPackage, loadPartitionedPackage } from '../data/load.ts';
import { PackageError, type PackageIssue } from '../data/package.ts';
import { createBrowserConnector } from '../db/browser.ts';
import { Coordinator } from '../db/coordinator.ts';
import { duckdbMemory } from '../db/memory.ts';
import { exposeDebug } from './debugHandle.ts';

export type SessionStatus = 'starting' | 'loading' | 'ready' | 'failed';

export interface Session {
  status: SessionStatus;
  coordinator: Coordinator | null;
  datasets: DatasetListEntry[];
  /** The package on screen; stays in place when loading another one fails. */
  pkg: LoadedPackage | null;
  /** The id (folder name) of the package on screen, as the URL and the dataset list name it. */
  datasetId: string | null;
  /** Why the last load failed: validation issues of the package, or another error. */
  issues: PackageIssue[];
  error: string | null;
  /** The dataset id that was asked for but does not exist. */
  unknownDataset: string | null;
}

let coordinatorPromise: Promise<Coordinator> | null = null;

/** DuckDB starts once per page, in the background, while the package files are fetched. */
function startCoordinator(): Promise<Coordinator> {
  coordinatorPromise ??= createBrowserConnector().then((db) => {
    performance.mark('gk:db-ready');
    exposeDebug({ dbMemory: () => duckdbMemory(db) });
    return new Coordinator(db);
  });
  return coordinatorPromise;
}

/**
 * Starts the database, lists the datasets and loads the one asked for. A failed load keeps the package that was
 * loaded before, and reports why.
 */
export function useSession(datasetId: string | null): Session {
  const [session, setSession] = useState<Session>({
    status: 'starting',
    coordinator: null,
    datasets: [],
    pkg: null,
    datasetId: null,
    issues: [],
    error: null,
    unknownDataset: null,
  });
  const loaded = useRef<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    const run = async () => {
      const coordinatorP = startCoordinator();
      const datasets = await fetchDatasetList();
      const fallback = datasets[0]?.id ?? 'demo';
      const unknown = datasetId !== null && !datasets.some((d) => d.id === datasetId) ? datasetId : null;
      const id = datasetId === null || unknown ? fallback : datasetId;
      if (loaded.current === id) {
        setSession((s) => ({ ...s, datasets, unknownDataset: unknown }));
        return;
      }
      setSession((s) => ({ ...s, datasets, status: s.pkg ? 'loading' : 'starting', unknownDataset: unknown }));
      const [files, coordinator] = await Promise.all([
        fetchPackage(id).then((f) => {
          performance.mark('gk:files-fetched');
          return f;
        }),
        coordinatorP,
      ]);
      const pkg =
        files.layout === 'single'
          ? await loadPackage(coordinator.connector, files.files)
          : await loadPartitionedPackage(coordinator.connector, files.files, files.base, files.fetchBytes);
      coordinator.setPartitions(pkg.partitions);
      performance.mark('gk:package-loaded');
      coordinator.clear();
      loaded.current = id;
      if (!cancelled)
        setSession({
          status: 'ready',
          coordinator,
          datasets,
          pkg,
          datasetId: id,
          issues: [],
          error: null,
          unknownDataset: unknown,
        });
    };
    run().catch((error: unknown) => {
      if (cancelled) return;
      const issues = error instanceof PackageError ? error.issues : [];
      const message = error instanceof PackageError ? null : String(error instanceof Error ? error.message : error);
      setSession((s) => ({ ...s, status: s.pkg ? 'ready' : 'failed', issues, error: message }));
    });
    return () => {
      cancelled = true;
    };
  }, [datasetId]);

  return session;
}
