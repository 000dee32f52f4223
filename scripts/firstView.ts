/**
 * Writes a package's precomputed first view (`first/`, src/data/firstView.ts) beside its files: the package is loaded
 * as the app loads it (validation and the disclosure rules' publish step, in the Node build of the same DuckDB), and
 * the app's own queries are asked of it. Called by every package build (demo generator, CBS importer).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { buildFirstView } from '../src/data/firstViewBuild.ts';
import { buildPartitionedFirstView } from '../src/data/firstViewPartitioned.ts';
import { loadPackage, loadPartitionedPackage, type PartitionedFiles } from '../src/data/load.ts';
import type { PackageFiles } from '../src/data/package.ts';
import { createNodeConnector } from '../src/db/node.ts';

/** Replaces `outDir/first/` with the first view of the package `files`; returns the bytes written. */
export async function writeFirstView(files: PackageFiles, outDir: string): Promise<number> {
  const db = await createNodeConnector();
  try {
    const pkg = await loadPackage(db, files);
    const first = await buildFirstView(db, pkg);
    rmSync(join(outDir, 'first'), { recursive: true, force: true });
    let bytes = 0;
    for (const [path, text] of first) {
      mkdirSync(dirname(join(outDir, path)), { recursive: true });
      writeFileSync(join(outDir, path), text);
      bytes += Buffer.byteLength(text);
    }
    return bytes;
  } finally {
    db.close();
  }
}

/**
 * Replaces `dir/first/` with the first view of the partitioned package in `dir`, loaded as the page loads it (its
 * small files validated, its observation files read from disk as the page fetches them); returns the files and bytes
 * written.
 */
export async function writePartitionedFirstView(
  dir: string,
  onBatch?: (done: number, total: number) => void,
): Promise<{ files: number; bytes: number }> {
  const text = (path: string) => readFileSync(join(dir, path), 'utf8');
  const files: PartitionedFiles = {
    'dataset.json': text('dataset.json'),
    'areas.csv': text('areas.csv'),
    'indicators.csv': text('indicators.csv'),
    'aims.csv': text('aims.csv'),
    'geo/gemeente.geojson': text('geo/gemeente.geojson'),
  };
  const fetchBytes = async (path: string) => new Uint8Array(await readFile(join(dir, path)));
  const db = await createNodeConnector();
  try {
    const pkg = await loadPartitionedPackage(db, files, '', fetchBytes);
    rmSync(join(dir, 'first'), { recursive: true, force: true });
    let bytes = 0;
    let count = 0;
    const made = new Set<string>();
    await buildPartitionedFirstView(
      db,
      pkg,
      fetchBytes,
      (path, content) => {
        const folder = dirname(join(dir, path));
        if (!made.has(folder)) mkdirSync(folder, { recursive: true });
        made.add(folder);
        writeFileSync(join(dir, path), content);
        bytes += Buffer.byteLength(content);
        count++;
      },
      onBatch,
    );
    return { files: count, bytes };
  } finally {
    db.close();
  }
}
