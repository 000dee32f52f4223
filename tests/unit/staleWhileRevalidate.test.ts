import { describe, expect, it } from 'vitest';
import { type DataCache, sameVersion, staleWhileRevalidate } from '../../src/sw/staleWhileRevalidate.ts';

/** A cache over a map, recording each put. */
function memoryCache(seed: Record<string, Response> = {}) {
  const kept = new Map(Object.entries(seed));
  const puts: string[] = [];
  const cache: DataCache = {
    match: async (request) => kept.get(request.url)?.clone(),
    put: async (request, response) => {
      puts.push(request.url);
      kept.set(request.url, response);
    },
  };
  return { cache, kept, puts };
}

const URL_AREAS = 'http://localhost/data/demo/areas.csv';
const file = (body: string, headers: Record<string, string> = {}, status = 200) =>
  new Response(body, { status, headers });

/** Runs one request; resolves with the page's body and the background work's end. */
async function ask(cache: DataCache, network: () => Promise<Response>) {
  const background: Promise<unknown>[] = [];
  const response = await staleWhileRevalidate(cache, new Request(URL_AREAS), network, (w) => background.push(w));
  const body = await response.text();
  await Promise.all(background);
  return { body, background: background.length };
}

describe('staleWhileRevalidate', () => {
  it('answers from the network and stores the file when nothing is cached', async () => {
    const { cache, kept, puts } = memoryCache();
    const seen = await ask(cache, async () => file('v1', { ETag: '"a"' }));
    expect(seen).toEqual({ body: 'v1', background: 0 });
    expect(puts).toEqual([URL_AREAS]);
    expect(await kept.get(URL_AREAS)!.text()).toBe('v1');
  });

  it('answers from the cache at once and does not store the same version again', async () => {
    const { cache, puts } = memoryCache({ [URL_AREAS]: file('v1', { ETag: '"a"' }) });
    let asked = 0;
    const seen = await ask(cache, async () => {
      asked += 1;
      return file('v1', { ETag: '"a"' });
    });
    expect(seen).toEqual({ body: 'v1', background: 1 });
    expect(asked).toBe(1); // still revalidated
    expect(puts).toEqual([]);
  });

  it('stores a changed version for next time, and still answers with the cached one now', async () => {
    const { cache, kept, puts } = memoryCache({ [URL_AREAS]: file('v1', { ETag: '"a"' }) });
    const seen = await ask(cache, async () => file('v2', { ETag: '"b"' }));
    expect(seen.body).toBe('v1');
    expect(puts).toEqual([URL_AREAS]);
    expect(await kept.get(URL_AREAS)!.text()).toBe('v2');
  });

  it('keeps the cached copy when the network fails or answers an error', async () => {
    for (const network of [async () => Promise.reject(new TypeError('offline')), async () => file('gone', {}, 404)]) {
      const { cache, kept, puts } = memoryCache({ [URL_AREAS]: file('v1', { ETag: '"a"' }) });
      expect((await ask(cache, network)).body).toBe('v1');
      expect(puts).toEqual([]);
      expect(await kept.get(URL_AREAS)!.text()).toBe('v1');
    }
  });

  it('without a cached copy a network failure reaches the page', async () => {
    const { cache } = memoryCache();
    await expect(ask(cache, async () => Promise.reject(new TypeError('offline')))).rejects.toThrow('offline');
  });
});

describe('sameVersion', () => {
  it('compares ETags, else Last-Modified, and without either says not the same', () => {
    const lm = 'Wed, 02 Dec 2026 06:00:00 GMT';
    expect(sameVersion(file('', { ETag: '"a"' }), file('', { ETag: '"a"' }))).toBe(true);
    expect(sameVersion(file('', { ETag: '"a"' }), file('', { ETag: '"a-br"' }))).toBe(false);
    expect(sameVersion(file(''), file('', { ETag: '"a"' }))).toBe(false);
    expect(sameVersion(file('', { 'Last-Modified': lm }), file('', { 'Last-Modified': lm }))).toBe(true);
    expect(sameVersion(file('', { 'Last-Modified': lm }), file('', { 'Last-Modified': 'x' }))).toBe(false);
    expect(sameVersion(file(''), file(''))).toBe(false);
  });
});
