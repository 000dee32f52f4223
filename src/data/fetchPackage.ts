import { declaresFirstView, type FirstView, fetchFirstView } from './firstView.ts';
import type { PartitionedFiles } from './load.ts';
import { PACKAGE_FILES, PackageError, type PackageFiles, type PackageIssue } from './package.ts';

export interface DatasetListEntry {
  id: string;
  title: { nl: string; en: string };
}

/**
 * A package as fetched: all its files, or for a partitioned one the small files and where the rest lives; with its
 * precomputed first view when it has one (src/data/firstView.ts).
 */
export type FetchedPackage = (
  | { layout: 'single'; files: PackageFiles }
  | { layout: 'partitioned'; files: PartitionedFiles; base: string; fetchBytes: (path: string) => Promise<Uint8Array> }
) & { firstView?: FirstView | null };

const PARTITIONED_FILES = ['areas.csv', 'indicators.csv', 'aims.csv', 'geo/gemeente.geojson'] as const;

/**
 * The first view of each package root as last fetched. The dashboard reads it here once the package is loaded: the
 * fetched files themselves are let go then (they hold the observations' text).
 */
const firstViews = new Map<string, FirstView | null>();

/** The precomputed first view of package `id` as its last fetch found it (null: none, or not fetched). */
export function fetchedFirstView(id: string, base = 'data/'): FirstView | null {
  return firstViews.get(`${base}${encodeURIComponent(id)}/`) ?? null;
}

/** The packages the app serves (`data/index.json`, written by the datasets plugin). */
export async function fetchDatasetList(base = 'data/'): Promise<DatasetListEntry[]> {
  const res = await fetch(`${base}index.json`);
  if (!res.ok) return [];
  return (await res.json()) as DatasetListEntry[];
}

const MB = 1024 * 1024;

/**
 * The largest file of a package read whole (a single-layout package's observations.csv above all), in bytes. A
 * browser cannot hold a string of more than about 512 MB (a 630 MB file read as "empty"), and DuckDB-WASM, whose heap
 * is at most 4 GB, ran out of memory on 250 and 460 MB files after minutes; a package that large must be partitioned.
 */
export const MAX_PACKAGE_FILE_BYTES = 200 * MB;

/** The `fileTooLarge` issue of package file `file`: `size` in whole MB (rounded up), or "more than" the limit. */
export function packageFileTooLarge(file: string, size: number | null, limit = MAX_PACKAGE_FILE_BYTES): PackageIssue {
  const params: Record<string, string | number> = { limit: Math.floor(limit / MB) };
  if (size !== null) params.size = Math.ceil(size / MB);
  return { file, code: 'fileTooLarge', params };
}

/**
 * A response's body as text, refused with `fileTooLarge` above `limit` bytes: by Content-Length before reading when
 * the server sends the file as it is, else while it streams in (a compressed response's length is not the file's).
 */
export async function readPackageText(res: Response, file: string, limit = MAX_PACKAGE_FILE_BYTES): Promise<string> {
  const length = res.headers.get('content-length');
  const plain = !res.headers.get('content-encoding');
  if (plain && length !== null && Number(length) > limit) {
    await res.body?.cancel();
    throw new PackageError([packageFileTooLarge(file, Number(length), limit)]);
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new PackageError([packageFileTooLarge(file, plain && length !== null ? Number(length) : null, limit)]);
    }
    chunks.push(value);
  }
  const decoder = new TextDecoder();
  return chunks.map((c, i) => decoder.decode(c, { stream: i < chunks.length - 1 })).join('');
}

async function fetchTexts<K extends string>(root: string, names: readonly K[]): Promise<Record<K, string>> {
  const files = {} as Record<K, string>;
  const issues: PackageIssue[] = [];
  await Promise.all(
    names.map(async (file) => {
      const res = await fetch(`${root}${file}`);
      if (!res.ok) issues.push({ file, code: 'missingFile' });
      else {
        try {
          files[file] = await readPackageText(res, file);
        } catch (error) {
          if (!(error instanceof PackageError)) throw error;
          issues.push(...error.issues);
        }
      }
    }),
  );
  if (issues.length > 0) throw new PackageError(issues);
  return files;
}

/** `dataset.json` says whether the package is one set of files or partitioned (`"layout": "partitioned"`). */
function layoutOf(meta: string): 'single' | 'partitioned' {
  try {
    return (JSON.parse(meta) as { layout?: unknown }).layout === 'partitioned' ? 'partitioned' : 'single';
  } catch {
    return 'single'; // the validator reports the broken JSON with its position
  }
}

/** Fetches a package's files as text; a file that is not there becomes a `missingFile` issue. */
export async function fetchPackage(id: string, base = 'data/'): Promise<FetchedPackage> {
  const root = `${base}${encodeURIComponent(id)}/`;
  const { 'dataset.json': meta } = await fetchTexts(root, ['dataset.json']);
  // Optional, and asked only of a package whose dataset.json declares it (an old or partitioned package has none, and
  // a 404 would be a console error for every such load); its answer never holds up or fails the package.
  const first = (declaresFirstView(meta) ? fetchFirstView(root).catch(() => null) : Promise.resolve(null)).then(
    (view) => {
      firstViews.set(root, view);
      return view;
    },
  );
  if (layoutOf(meta) === 'single') {
    const rest = await fetchTexts(
      root,
      PACKAGE_FILES.filter((f) => f !== 'dataset.json'),
    );
    return { layout: 'single', files: { 'dataset.json': meta, ...rest }, firstView: await first };
  }
  const rest = await fetchTexts(root, PARTITIONED_FILES);
  const fetchBytes = async (path: string) => {
    const res = await fetch(`${root}${path}`);
    if (!res.ok) throw new PackageError([{ file: path, code: 'missingFile' }]);
    return new Uint8Array(await res.arrayBuffer());
  };
  return {
    layout: 'partitioned',
    files: { 'dataset.json': meta, ...rest },
    base: root,
    fetchBytes,
    firstView: await first,
  };
}
