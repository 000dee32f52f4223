import { useEffect, useRef, useState } from 'react';
import { type DatasetListEntry, type FetchedPackage, fetchDatasetList, fetchPackage } from '../data/fetchPackage.ts';
import { type LoadedPackage, stagePackage, stagePartitionedPackage } from '../data/load.ts';
import type { PackageIssue } from '../data/package.ts';
import { Coordinator } from '../db/coordinator.ts';
import type { EngineEvent, RestartingConnector } from '../db/engine.ts';
import { duckdbMemory } from '../db/memory.ts';
import { decodeSocialPeriods, socialPeriodsQuery } from '../queries/socialPeriods.ts';
import { DatasetSwitcher, INITIAL_SWITCH_STATE, type LoadFailure, type SwitchState } from './datasetSwitch.ts';
import { exposeDebug } from './debugHandle.ts';
import { afterFirstKompas, boundFirstKompasWait, openFirstKompasGate } from './firstKompasGate.ts';

export type SessionStatus = 'starting' | 'loading' | 'ready' | 'failed';

export type LoadStep = 'waiting' | 'busy' | 'done';

/** What the first load is doing: DuckDB starts while the files download, then the observations go into it. */
export interface LoadProgress {
  database: LoadStep;
  files: LoadStep;
  tables: LoadStep;
}

const INITIAL_PROGRESS: LoadProgress = { database: 'busy', files: 'busy', tables: 'waiting' };

export interface Session {
  status: SessionStatus;
  /** The shown package's coordinator: a new one per load, so no cached or late result crosses packages. */
  coordinator: Coordinator | null;
  datasets: DatasetListEntry[];
  /** The package on screen, whose tables are loaded; stays in place when loading another one fails. */
  pkg: LoadedPackage | null;
  /** The id (folder name) of the package on screen, as the URL and the dataset list name it. */
  datasetId: string | null;
  /** Counts loads; views are keyed on it so that nothing of one package's views survives into the next's. */
  generation: number;
  /** The dataset being loaded to replace the one on screen. */
  loadingId: string | null;
  /** The dataset whose last load failed, and why: validation issues of the package, or another error. */
  failedId: string | null;
  issues: PackageIssue[];
  error: string | null;
  /** The dataset id that was asked for but does not exist. */
  unknownDataset: string | null;
  /** The URL dataset the shown package answers (see SwitchState.settledRequest). */
  settledRequest: string | null | undefined;
  /** Closes the failure message. */
  dismiss(): void;
  /** The steps of the latest load, for the start screen. */
  progress: LoadProgress;
  /** The files of the latest package fetched, before they are in DuckDB: the Over page reads its metadata. */
  fetched: FetchedPackage | null;
  /** DuckDB broke and was started again (db/engine.ts), until the message is closed. */
  restart: EngineRestart | null;
  /** Closes the restart message. */
  dismissRestart(): void;
}

/** A restart of the database: under way (the package reloads), done, or the new database did not start. */
export interface EngineRestart {
  state: 'restarting' | 'restarted' | 'failed';
  /** The error that broke the engine (or that the new one failed with). */
  cause: string;
}

interface Shown {
  pkg: LoadedPackage;
  coordinator: Coordinator;
}

let connectorPromise: Promise<RestartingConnector> | null = null;

/**
 * DuckDB starts once per page, in the background, after the start screen's first Kompas (firstKompasGate.ts): its
 * code (with apache-arrow) is a chunk of its own, not parsed before the Kompas is drawn.
 */
function startDatabase(): Promise<RestartingConnector> {
  connectorPromise ??= afterFirstKompas()
    .then(() => import('../db/browser.ts'))
    .then((m) => m.createBrowserConnector())
    .then((db) => {
      performance.mark('gk:db-ready');
      exposeDebug({ dbMemory: () => duckdbMemory(db) });
      return db;
    });
  return connectorPromise;
}

interface Progress {
  step(change: Partial<LoadProgress>): void;
  /** The files just fetched; null once they are loaded (they hold the observations' text: not kept beyond that). */
  fetched(files: FetchedPackage | null): void;
  restart(restart: EngineRestart | null): void;
}

function createSwitcher(
  onChange: (state: SwitchState<Shown>) => void,
  onFailed: (failure: LoadFailure, shownId: string | null) => void,
  progress: Progress,
) {
  // DuckDB waits for the start screen's first Kompas, never longer than the gate's bound.
  boundFirstKompasWait();
  const db = startDatabase();
  void db.then(
    (connector) => {
      progress.step({ database: 'done' });
      // A restarted engine has no tables: the shown package (and with it the user's own data, see useOwnData) loads
      // again under a new generation, so the Kompas, Verkennen and Data come back without a page reload.
      connector.onEngineEvent((event: EngineEvent) => {
        if (event.kind === 'broken') {
          progress.restart({ state: 'restarting', cause: event.cause });
          void switcher
            .reload()
            .then(() => progress.restart(switcher.state.failure ? null : { state: 'restarted', cause: event.cause }));
        } else if (event.kind === 'failed') progress.restart({ state: 'failed', cause: event.cause });
      });
    },
    () => undefined,
  );
  const switcher = new DatasetSwitcher<FetchedPackage, Shown>(
    {
      list: () => fetchDatasetList(),
      fetch: (id) => {
        progress.step({ files: 'busy', tables: 'waiting' });
        return fetchPackage(id).then((f) => {
          performance.mark('gk:files-fetched');
          progress.fetched(f);
          progress.step({ files: 'done' });
          return f;
        });
      },
      async stage(files) {
        // Without a precomputed first view the start screen has no Kompas to draw: DuckDB draws it.
        if (!files.firstView) openFirstKompasGate();
        const connector = await db;
        progress.step({ tables: 'busy' });
        const staged =
          files.layout === 'single'
            ? await stagePackage(connector, files.files)
            : await stagePartitionedPackage(connector, files.files, files.base, files.fetchBytes);
        return {
          async commit() {
            const pkg = await staged.commit();
            // The year to open on: where the social domain has values (a partitioned package has none loaded yet).
            if (pkg.partitions === null)
              pkg.socialPeriods = decodeSocialPeriods(await connector.query(socialPeriodsQuery()));
            const coordinator = new Coordinator(connector);
            coordinator.setPartitions(pkg.partitions);
            performance.mark('gk:package-loaded');
            progress.step({ tables: 'done' });
            progress.fetched(null);
            return { pkg, coordinator };
          },
          discard: () => staged.discard(),
        };
      },
      retire: (shown) => shown.coordinator.retire(),
    },
    onChange,
    onFailed,
  );
  return switcher;
}

/**
 * Lists the datasets and loads the one the URL asks for (see DatasetSwitcher): the session always describes the
 * package whose tables are loaded, and a failed load keeps the package loaded before and reports why.
 * `onFailed` runs the moment a load fails, with the id of the package still shown (to put it back in the URL).
 */
export function useSession(
  requested: string | null,
  onFailed: (failure: LoadFailure, shownId: string | null) => void = () => undefined,
): Session {
  const [state, setState] = useState<SwitchState<Shown>>(INITIAL_SWITCH_STATE);
  const [progress, setProgress] = useState<LoadProgress>(INITIAL_PROGRESS);
  const [fetched, setFetched] = useState<FetchedPackage | null>(null);
  const [restart, setRestart] = useState<EngineRestart | null>(null);
  const failedRef = useRef(onFailed);
  failedRef.current = onFailed;
  const switcher = useRef<DatasetSwitcher<FetchedPackage, Shown> | null>(null);
  switcher.current ??= createSwitcher(setState, (failure, shownId) => failedRef.current(failure, shownId), {
    step: (change) => setProgress((p) => ({ ...p, ...change })),
    fetched: setFetched,
    restart: setRestart,
  });

  useEffect(() => {
    void switcher.current?.request(requested);
  }, [requested]);

  return {
    status: state.status,
    coordinator: state.shown?.pkg.coordinator ?? null,
    datasets: state.datasets,
    pkg: state.shown?.pkg.pkg ?? null,
    datasetId: state.shown?.id ?? null,
    generation: state.shown?.generation ?? 0,
    loadingId: state.loading,
    failedId: state.failure?.id ?? null,
    issues: state.failure?.issues ?? [],
    error: state.failure?.error ?? null,
    unknownDataset: state.unknownDataset,
    settledRequest: state.settledRequest,
    dismiss: () => switcher.current?.dismiss(),
    progress,
    fetched,
    restart,
    dismissRestart: () => setRestart(null),
  };
}
