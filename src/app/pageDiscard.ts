/**
 * Calls `release` when the page is being thrown away (a reload, a navigation to another page), not when the browser
 * keeps it in its back/forward cache (`persisted`). A reload otherwise waits for the old page's DuckDB worker and
 * WebGL context to be torn down before the new page's scripts run; released here, the new page starts at once.
 * Returns the unsubscribe.
 */
export function onPageDiscard(release: () => void): () => void {
  if (typeof window === 'undefined') return () => {};
  const listener = (event: PageTransitionEvent) => {
    if (!event.persisted) release();
  };
  window.addEventListener('pagehide', listener);
  return () => window.removeEventListener('pagehide', listener);
}
