import { useSyncExternalStore } from 'react';

/**
 * Registers the service worker (src/sw/sw.ts) in the built app, never in dev. Registration waits until the
 * package is loaded (DuckDB's wasm has arrived), so the worker's precache is filled from the HTTP cache instead of
 * downloading the 34 MB wasm a second time during the first visit.
 */

let waiting: ServiceWorker | null = null;
const listeners = new Set<() => void>();

function announce(worker: ServiceWorker | null) {
  waiting = worker;
  for (const listener of listeners) listener();
}

/** The package files this page fetched itself: handed to the worker, which could not see them yet. */
function reportSeen(worker: ServiceWorker) {
  const send = (entries: PerformanceEntryList) => {
    const urls = entries.map((e) => e.name).filter((name) => new URL(name).pathname.includes('/data/'));
    if (urls.length > 0) worker.postMessage({ type: 'seen', urls });
  };
  send(performance.getEntriesByType('resource'));
  new PerformanceObserver((list) => send(list.getEntries())).observe({ type: 'resource' });
}

function whenLoaded(then: () => void) {
  let done = false;
  const observer = new PerformanceObserver((list) => {
    if (done || !list.getEntries().some((e) => e.name === 'gk:package-loaded' || e.name === 'gk:db-ready')) return;
    done = true;
    observer.disconnect();
    then();
  });
  observer.observe({ type: 'mark', buffered: true });
}

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const container = navigator.serviceWorker;
  const hadController = container.controller !== null;
  whenLoaded(async () => {
    const registration = await container.register('./sw.js', { scope: './' }).catch(() => null);
    if (!registration) return;
    const watch = (worker: ServiceWorker | null) => {
      if (!worker) return;
      const check = () => {
        // A worker installed while an older one controls the page is a new version; the very first is not.
        if (worker.state === 'installed' && container.controller) announce(worker);
      };
      check();
      worker.addEventListener('statechange', check);
    };
    watch(registration.waiting);
    watch(registration.installing);
    registration.addEventListener('updatefound', () => watch(registration.installing));
    const ready = await container.ready;
    if (!hadController && ready.active) reportSeen(ready.active);
  });
  // The new worker took over at the user's request: load the page of its build.
  let reloading = false;
  container.addEventListener('controllerchange', () => {
    if (!hadController || reloading) return;
    reloading = true;
    window.location.reload();
  });
}

/** Switches to the waiting version (the page reloads when it has taken over). */
export function applyUpdate(): void {
  waiting?.postMessage({ type: 'skip-waiting' });
}

/** Whether a new version of the app waits to take over. */
export function useUpdateAvailable(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => waiting !== null,
  );
}
