/**
 * The real CBS files (CC BY 4.0) in ../shared/data and the packages the e2e tests import from them. CI has the files
 * (.ci/run fails when they are missing), so a test that needs them never skips silently there.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { inject } from 'vitest';
import { type ImportOptions, importCbs } from '../../scripts/cbs/importCbs.ts';

export const SHARED = join(import.meta.dirname, '..', '..', '..', 'shared', 'data');

/** Whether the real files are there; when not, says which test is skipped. */
export function realDataPresent(test: string): boolean {
  const present = existsSync(SHARED);
  if (!present) console.warn(`${test} skipped: ${SHARED} is missing (real CBS data)`);
  return present;
}

/** A file of shared/data/boundaries. */
export const boundary = (name: string) => join(SHARED, 'boundaries', name);
/** Every file of shared/data/boundaries. */
export const allBoundaries = () => readdirSync(join(SHARED, 'boundaries')).map(boundary);

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's folder of imported packages (tests/e2e/globalSetup.ts). */
    packageCache: string;
  }
}

/**
 * `importCbs` once per test run: several files import the same real CBS files, so the package is kept in the run's
 * cache, keyed by what the importer reads (options and the files' contents), and copied to `options.out`.
 */
export async function importCbsOnce(options: ImportOptions): Promise<void> {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ ...options, out: basename(options.out), files: options.files.map((f) => basename(f)) }));
  for (const file of options.files) hash.update(readFileSync(file));
  const cached = join(inject('packageCache'), hash.digest('hex').slice(0, 16), basename(options.out));
  // The importer writes beside the folder and renames it when done: a run stopped half-way leaves no half package.
  if (!existsSync(cached)) await importCbs({ ...options, out: cached });
  cpSync(cached, options.out, { recursive: true });
}

/** Groningen (GM0014): every boundary file, the kwb-2024 subset of its gemeente and wijken, and its DataProperties. */
export const importGroningen = (dataDir: string) =>
  importCbsOnce({
    out: join(dataDir, 'groningen'),
    gemeenten: ['GM0014'],
    files: [
      ...allBoundaries(),
      join(SHARED, 'indicators', 'cbs_85984NED_kwb_2024_gemeente_wijk_subset.csv'),
      join(SHARED, 'metadata', '85984NED_DataProperties.json'),
    ],
  });

/** Uithoorn (GM0451): the 2015 Wijk- en buurtkaart and the 2024 wijken and gemeenten. */
export const importUithoorn = (dataDir: string) =>
  importCbsOnce({
    out: join(dataDir, 'uithoorn'),
    gemeenten: ['GM0451'],
    files: [
      ...['buurt', 'wijk', 'gemeente'].map((l) => boundary(`cbs_wijkbuurtkaart_2015_${l}.geojson`)),
      boundary('pdok_cbs_wijken_2024.geojson'),
      boundary('pdok_cbs_gemeenten_2024_nl.geojson'),
    ],
  });
