import type { DatasetListEntry } from '../data/fetchPackage.ts';
import { PackageError, type PackageIssue } from '../data/package.ts';

/** A package whose tables exist beside the loaded one's until `commit` switches to them (see stagePackage). */
export interface Staged<P> {
  commit(): Promise<P>;
  discard(): Promise<void>;
}

/** What the switcher needs of the outside world; the app gives it fetch and DuckDB, the unit tests fakes. */
export interface SwitchDeps<F, P> {
  list(): Promise<DatasetListEntry[]>;
  fetch(id: string): Promise<F>;
  /** Validates the files and creates their tables without switching to them; throws (creating nothing) when invalid. */
  stage(files: F): Promise<Staged<P>>;
  /** Called just before the tables of `shown` are replaced: whatever still reads them must stop now. */
  retire(shown: P): void;
}

export interface LoadFailure {
  /** The package that could not be loaded. */
  id: string;
  /** Its validation issues (file, row, column), or empty when something else went wrong … */
  issues: PackageIssue[];
  /** … and then that error's message. */
  error: string | null;
}

export interface SwitchState<P> {
  status: 'starting' | 'loading' | 'ready' | 'failed';
  datasets: DatasetListEntry[];
  /** The package whose tables are loaded, and so the one on screen; a failed switch leaves it in place. */
  shown: { id: string; pkg: P; generation: number } | null;
  /** The package being loaded for the latest request, if it is not the one shown. */
  loading: string | null;
  /** The latest request's failure, until a later load succeeds or it is dismissed. */
  failure: LoadFailure | null;
  /** The dataset id that was asked for but is not in the list (the first listed one is loaded instead). */
  unknownDataset: string | null;
  /**
   * The request (the URL's dataset, null when it names none) that `shown` answers. Anything else in the URL means a
   * switch is under way: the screen then keeps its selection and does not write the URL. Undefined: none yet.
   */
  settledRequest: string | null | undefined;
}

export const INITIAL_SWITCH_STATE: SwitchState<never> = {
  status: 'starting',
  datasets: [],
  shown: null,
  loading: null,
  failure: null,
  unknownDataset: null,
  settledRequest: undefined,
};

/** True while the URL asks for something other than what the shown package answers. */
export function isSwitching(
  requested: string | null,
  state: { shown: object | null; settledRequest: string | null | undefined },
): boolean {
  return state.shown !== null && requested !== state.settledRequest;
}

/** Runs async jobs one at a time, in the order they were queued: loads must never interleave on one database. */
export function createLock(): <T>(job: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (job) => {
    const run = tail.then(job, job);
    tail = run.catch(() => undefined);
    return run;
  };
}

export function failureOf(id: string, error: unknown): LoadFailure {
  if (error instanceof PackageError) return { id, issues: error.issues, error: null };
  return { id, issues: [], error: String(error instanceof Error ? error.message : error) };
}

/**
 * Loads the dataset the URL asks for and keeps the screen's package and the database's tables one and the same.
 *
 * - The latest request wins: an earlier load that is still fetching or validating stops before it touches the
 *   database, and one whose tables are made but not switched to drops them.
 * - Database work runs one load at a time (a lock), so two packages never replace tables at once; a load commits
 *   (views switch to its tables) and its package becomes `shown` in one step, with a new generation number that the
 *   UI keys its views on.
 * - A failed load changes nothing but `failure`: the package before it stays loaded and shown.
 */
export class DatasetSwitcher<F, P> {
  readonly #deps: SwitchDeps<F, P>;
  readonly #onChange: (state: SwitchState<P>) => void;
  readonly #onFailed: (failure: LoadFailure, shownId: string | null) => void;
  readonly #lock = createLock();
  #state: SwitchState<P> = INITIAL_SWITCH_STATE;
  #latest = 0;
  #generation = 0;
  /** The shown package's tables are gone (see reload): a request for it must load it again. */
  #shownLost = false;

  constructor(
    deps: SwitchDeps<F, P>,
    onChange: (state: SwitchState<P>) => void,
    onFailed: (failure: LoadFailure, shownId: string | null) => void = () => undefined,
  ) {
    this.#deps = deps;
    this.#onChange = onChange;
    this.#onFailed = onFailed;
  }

  get state(): SwitchState<P> {
    return this.#state;
  }

  #set(change: Partial<SwitchState<P>>) {
    this.#state = { ...this.#state, ...change };
    this.#onChange(this.#state);
  }

  /**
   * Under the lock: stages `files` and, unless a later request overtook this one meanwhile (then the staged tables are
   * dropped), retires the shown package (`retire`) and commits, showing the new package under a new generation.
   */
  async #commit(
    id: string,
    files: F,
    { current, requested, retire }: { current: () => boolean; requested: string | null | undefined; retire: boolean },
  ): Promise<void> {
    const staged = await this.#deps.stage(files);
    if (!current()) {
      await staged.discard();
      return;
    }
    const before = this.#state.shown;
    if (retire && before) this.#deps.retire(before.pkg);
    const pkg = await staged.commit();
    this.#shownLost = false;
    // What is shown is what is loaded, even when a newer request came in during the commit: that request then
    // replaces it in its turn, and until then the screen is not settled.
    const latest = current();
    this.#set({
      shown: { id, pkg, generation: ++this.#generation },
      failure: null,
      loading: latest ? null : this.#state.loading,
      status: latest ? 'ready' : 'loading',
      settledRequest: latest ? requested : undefined,
    });
  }

  /** Forgets the last failure (the user closed its message). */
  dismiss(): void {
    if (this.#state.failure) this.#set({ failure: null });
  }

  /**
   * Loads the shown package again into a database that lost its tables (a restarted engine, db/engine.ts). The shown
   * package is retired at once (its views show what they have, nothing of the empty database) and comes back under a
   * new generation; a request made meanwhile wins as usual. Resolves when done; a failure is reported as any load's.
   */
  async reload(): Promise<void> {
    const shown = this.#state.shown;
    if (!shown) return;
    const token = ++this.#latest;
    const current = () => token === this.#latest;
    this.#deps.retire(shown.pkg);
    this.#shownLost = true;
    const requested = this.#state.settledRequest;
    this.#set({ loading: shown.id, status: 'loading' });
    try {
      const files = await this.#deps.fetch(shown.id);
      if (!current()) return;
      await this.#lock(async () => {
        if (!current()) return;
        await this.#commit(shown.id, files, { current, requested, retire: false });
      });
    } catch (error) {
      if (!current()) return;
      const failure = failureOf(shown.id, error);
      this.#set({ failure, loading: null, status: 'ready' });
      this.#onFailed(failure, shown.id);
    }
  }

  /** Asks for `requested` (null: the first listed). Resolves when this request is done or overtaken by a later one. */
  async request(requested: string | null): Promise<void> {
    const token = ++this.#latest;
    const current = () => token === this.#latest;
    let id = requested ?? '';
    try {
      const datasets = await this.#deps.list();
      if (!current()) return;
      const unknown = requested !== null && !datasets.some((d) => d.id === requested) ? requested : null;
      id = requested === null || unknown !== null ? (datasets[0]?.id ?? 'demo') : requested;
      const needed = this.#state.shown?.id !== id || this.#shownLost;
      this.#set({
        datasets,
        unknownDataset: unknown,
        loading: needed ? id : null,
        status: !needed ? 'ready' : this.#state.shown ? 'loading' : 'starting',
      });
      // The files download outside the lock, while an earlier load may still hold the database; a download that is
      // overtaken ends here and never waits for the lock, nor makes a later request wait.
      const files = needed ? await this.#deps.fetch(id) : null;
      if (!current()) return;

      await this.#lock(async () => {
        if (!current()) return;
        // Decided under the lock: a load that committed meanwhile may have changed what is shown.
        if (this.#state.shown?.id === id && !this.#shownLost) {
          this.#set({ loading: null, status: 'ready', settledRequest: requested });
          return;
        }
        this.#set({ loading: id, status: this.#state.shown ? 'loading' : 'starting' });
        const fetched = files ?? (await this.#deps.fetch(id));
        if (!current()) return;
        await this.#commit(id, fetched, { current, requested, retire: true });
      });
    } catch (error) {
      if (!current()) return;
      const failure = failureOf(id, error);
      this.#set({ failure, loading: null, status: this.#state.shown ? 'ready' : 'failed' });
      this.#onFailed(failure, this.#state.shown?.id ?? null);
    }
  }
}
