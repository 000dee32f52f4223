/**
 * Writes a package's precomputed first view (`first/`, src/data/firstView.ts) beside its files: the package is loaded
 * as the app loads it (validation and the disclosure rules' publish step, in the Node build of the same DuckDB), and
 * the app's own queries are asked of it. Called by every package build (demo generator, CBS importer).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildFirstView } from '../src/data/firstViewBuild.ts';
import { loadPackage } from '../src/data/load.ts';
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
