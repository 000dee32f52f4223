/**
 * The service worker (issue 15): the app opens and works offline after the first visit.
 *
 * - The app shell, its chunks and DuckDB's wasm are precached at install from the build's own file list (the
 *   build writes it over the placeholder below, see scripts/vite-plugin-production.ts). One cache per build: an
 *   open page keeps being served the chunks of its own build until the new worker takes over, so a redeploy never
 *   leaves it asking for chunk names that no longer exist.
 * - Package files under data/ are cached as they are seen, stale-while-revalidate: the page gets what it saw
 *   last at once, the network refreshes it for next time (stored again only when it changed).
 * - A new build waits; the page announces it and sends `skip-waiting` when the user chooses to reload.
 *
 * Only the DOM lib is in the project's types, so the few worker types used here are declared locally.
 */

import { staleWhileRevalidate } from './staleWhileRevalidate.ts';

interface ExtendableEvent extends Event {
  waitUntil(work: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface MessageEvt extends ExtendableEvent {
  readonly data: unknown;
}
interface WorkerScope {
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEvt) => void): void;
  skipWaiting(): Promise<void>;
  readonly registration: { readonly scope: string };
}

const sw = self as unknown as WorkerScope;
/** `{ version, files }`, written by the build; files are relative to the scope. */
const MANIFEST = JSON.parse('__GK_PRECACHE_MANIFEST__') as { version: string; files: string[] };
const APP_CACHE = `gk-app-${MANIFEST.version}`;
const DATA_CACHE = 'gk-data';
const scope = new URL(sw.registration.scope);
const url = (file: string) => new URL(file, scope).href;
const SHELL = url('index.html');
const PRECACHED = new Set(MANIFEST.files.map(url));

sw.addEventListener('install', (event) => {
  // The page registers the worker once its own loads are done, so these come from the HTTP cache (hashed files
  // are immutable there) rather than over the network a second time.
  event.waitUntil(caches.open(APP_CACHE).then((cache) => cache.addAll([...PRECACHED])));
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith('gk-app-') && k !== APP_CACHE).map((k) => caches.delete(k))),
      ),
  );
});

function isData(request: Request): boolean {
  return request.url.startsWith(url('data/'));
}

/** A navigation to the app itself (the benchmark's baseline page next to it is not the app). */
function isAppPage(request: Request): boolean {
  const path = new URL(request.url).pathname;
  return request.mode === 'navigate' && (path === scope.pathname || `${scope.origin}${path}` === SHELL);
}

async function appResponse(request: Request): Promise<Response> {
  const cache = await caches.open(APP_CACHE);
  return (await cache.match(isAppPage(request) ? SHELL : request.url)) ?? fetch(request);
}

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(scope.href)) return;
  if (isData(request)) {
    event.respondWith(
      caches.open(DATA_CACHE).then((cache) =>
        staleWhileRevalidate(
          cache,
          request,
          (r) => fetch(r),
          (work) => event.waitUntil(work),
        ),
      ),
    );
  } else if (isAppPage(request) || PRECACHED.has(request.url.split(/[?#]/)[0]!))
    event.respondWith(appResponse(request));
});

sw.addEventListener('message', (event) => {
  const message = event.data as { type?: string; urls?: unknown } | null;
  if (message?.type === 'skip-waiting') event.waitUntil(sw.skipWaiting());
  else if (message?.type === 'seen' && Array.isArray(message.urls)) {
    // Package files the page fetched before this worker controlled it: taken from the HTTP cache where possible.
    const urls = message.urls.filter((u): u is string => typeof u === 'string' && u.startsWith(url('data/')));
    event.waitUntil(
      caches.open(DATA_CACHE).then((cache) =>
        Promise.all(
          urls.map(async (u) => {
            if (await cache.match(u)) return;
            const response = await fetch(u, { cache: 'force-cache' }).catch(() => null);
            if (response?.ok) await cache.put(u, response);
          }),
        ),
      ),
    );
  }
});
