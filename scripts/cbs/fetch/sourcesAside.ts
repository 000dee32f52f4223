/**
 * The downloads live inside the package folder (`<out>/.sources/`), but the importer builds a new package beside
 * the old one and swaps the whole folder in, which would take the downloads with it. So they are moved out of the
 * folder for the import and back in afterwards, whether the import succeeds or not.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';

export async function withSourcesAside<T>(
  out: string,
  files: readonly string[],
  run: (files: string[]) => Promise<T>,
): Promise<T> {
  const folder = resolve(out);
  const sources = join(folder, '.sources');
  if (!existsSync(sources)) return run([...files]);
  // A sibling, so the rename stays on one file system; the pid keeps two runs from colliding.
  const aside = join(dirname(folder), `.${basename(folder)}.sources-${process.pid}`);
  rmSync(aside, { recursive: true, force: true });
  renameSync(sources, aside);
  const moved = files.map((file) => {
    const inside = relative(sources, resolve(file));
    return inside.startsWith('..') || isAbsolute(inside) ? file : join(aside, inside);
  });
  try {
    return await run(moved);
  } finally {
    mkdirSync(folder, { recursive: true });
    renameSync(aside, sources);
  }
}
