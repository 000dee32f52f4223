import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchPackage } from '../../src/data/fetchPackage.ts';
import { declareFirstView, declaresFirstView, FIRST_VIEW_INDEX } from '../../src/data/firstView.ts';
import { PACKAGE_FILES } from '../../src/data/package.ts';

const META = JSON.stringify({ id: 'x', format_version: 1 });

/** A fetch over a package folder of `files`; every URL asked is recorded. */
function fakeFetch(files: Record<string, string>, asked: string[]) {
  return vi.fn(async (url: string) => {
    asked.push(url);
    const name = url.replace(/^data\/x\//, '');
    // The other package files only have to be there; their content is the loader's business, not fetchPackage's.
    const text = files[name] ?? (PACKAGE_FILES.includes(name as never) ? 'x' : undefined);
    return text === undefined ? new Response('', { status: 404 }) : new Response(text, { status: 200 });
  });
}

describe('the first view is asked for only when dataset.json declares it', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('declareFirstView adds the index path and keeps the rest; a broken text declares nothing', () => {
    const declared = declareFirstView(META);
    expect(JSON.parse(declared)).toEqual({ id: 'x', format_version: 1, first_view: FIRST_VIEW_INDEX });
    expect(declaresFirstView(declared)).toBe(true);
    expect(declaresFirstView(META)).toBe(false);
    expect(declaresFirstView('{broken')).toBe(false);
  });

  it('a package without the declaration costs no request for first/ (no 404 in the console)', async () => {
    const asked: string[] = [];
    vi.stubGlobal('fetch', fakeFetch({ 'dataset.json': META }, asked));
    const fetched = await fetchPackage('x');
    expect(fetched.firstView).toBeNull();
    expect(asked.some((u) => u.includes('first/'))).toBe(false);
  });

  it('a package that declares it has its index fetched', async () => {
    const asked: string[] = [];
    const index = JSON.stringify({ version: 1, social_periods: { WK1: 2020 } });
    vi.stubGlobal('fetch', fakeFetch({ 'dataset.json': declareFirstView(META), [FIRST_VIEW_INDEX]: index }, asked));
    const fetched = await fetchPackage('x');
    expect(asked).toContain(`data/x/${FIRST_VIEW_INDEX}`);
    expect(fetched.firstView?.socialPeriods.get('WK1')).toBe(2020);
  });
});
