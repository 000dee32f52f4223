/**
 * What waits for the start screen's first Kompas (issue 15): DuckDB (its 34 MB wasm compiles on every core) and the
 * start screen's maplibre map (1 MB of JS and a WebGL context) both compete with the Kompas for a laptop's few cores.
 * They start once the Kompas is on screen, or once the start screen has none to draw (no precomputed first view,
 * another view, a missing file). A bound keeps a Kompas that never comes from holding DuckDB back: the precomputed
 * files can fail, and DuckDB then answers the Kompas.
 */

/** How long DuckDB and the map wait at most after the start screen began to wait for its Kompas. */
const BOUND_MS = 3000;

let open = false;
let release!: () => void;
const opened = new Promise<void>((resolve) => {
  release = resolve;
});
const listeners = new Set<() => void>();

/** Resolves once the first Kompas is drawn or will not be (see {@link openFirstKompasGate}). */
export function afterFirstKompas(): Promise<void> {
  return opened;
}

/** Whether the gate is open (the first Kompas is drawn, or none will be). */
export function firstKompasGateOpen(): boolean {
  return open;
}

/** The first Kompas is drawn, or there is none to wait for: what waits for it starts. Later calls do nothing. */
export function openFirstKompasGate(): void {
  if (open) return;
  open = true;
  release();
  for (const listener of listeners) listener();
}

let bound: ReturnType<typeof setTimeout> | undefined;

/** The start screen waits for its Kompas: the gate opens at the latest {@link BOUND_MS} from the first call. */
export function boundFirstKompasWait(): void {
  if (open || bound !== undefined) return;
  bound = setTimeout(openFirstKompasGate, BOUND_MS);
}

/** Calls `listener` when the gate opens (React: useSyncExternalStore with {@link firstKompasGateOpen}). */
export function subscribeFirstKompasGate(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
