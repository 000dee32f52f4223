/**
 * The service worker's answer for package files: stale-while-revalidate, storing a refreshed copy only when it is
 * another version of the file. Every page load revalidates each file it reads (the national `areas.csv` is ~800 KB):
 * re-storing an unchanged body cost the first view CPU and disk for nothing.
 */

/** The part of the Cache API this needs (a fake in the unit tests). */
export interface DataCache {
  match(request: Request): Promise<Response | undefined>;
  put(request: Request, response: Response): Promise<void>;
}

/**
 * True when both responses name the same version of the file: the same ETag, or without ETags the same
 * Last-Modified. Without either, nothing says they are the same, so the fresh copy is stored.
 */
export function sameVersion(cached: Response, fresh: Response): boolean {
  const tag = fresh.headers.get('ETag');
  if (tag !== null) return cached.headers.get('ETag') === tag;
  const modified = fresh.headers.get('Last-Modified');
  return modified !== null && cached.headers.get('Last-Modified') === modified;
}

/** The cached copy at once if there is one, refreshed from the network behind it (`background` keeps that alive). */
export async function staleWhileRevalidate(
  cache: DataCache,
  request: Request,
  network: (request: Request) => Promise<Response>,
  background: (work: Promise<unknown>) => void,
): Promise<Response> {
  const cached = await cache.match(request);
  // The cached copy's headers are read before the page consumes its body (headers stay readable after that anyway).
  const fresh = network(request).then(async (response) => {
    if (response.ok && !(cached && sameVersion(cached, response))) await cache.put(request, response.clone());
    return response;
  });
  if (cached) {
    background(fresh.catch(() => undefined));
    return cached;
  }
  return fresh;
}
