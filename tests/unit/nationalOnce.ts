/**
 * The small national package (seed 7), generated once per unit run and shared by the files that only read it. The
 * run's folder comes from globalSetup.ts; the files run in two workers, so the first to take the lock (an atomic
 * mkdir) generates while the other waits for the finished folder. Read-only: a test that changes files copies first.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import { generateNational } from '../../scripts/generate-national.ts';
import { SCALES } from '../../scripts/national/options.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The unit run's folder of shared generated packages (tests/unit/globalSetup.ts). */
    unitCache: string;
  }
}

/** The folder's name is the package id. */
const ID = 'national-small';

/**
 * The package's folder: `published` as the build writes it (disclosure published, first view), otherwise the model's
 * raw counts (`publish: false`).
 */
export async function smallNational(published: boolean): Promise<string> {
  const cache = inject('unitCache');
  if (!cache) throw new Error('tests/unit/globalSetup.ts did not run: the unit config registers it');
  const key = published ? 'small-7-published' : 'small-7-raw';
  const done = join(cache, key);
  const failed = join(cache, `${key}.failed`);
  try {
    mkdirSync(join(cache, `${key}.lock`));
  } catch {
    // Another worker generates: wait for its folder (or its failure; the hook's timeout bounds the wait).
    while (!existsSync(done)) {
      if (existsSync(failed)) throw new Error(`generating ${key} failed: ${readFileSync(failed, 'utf8')}`);
      await sleep(250);
    }
    return join(done, ID);
  }
  // Generated beside the final folder and renamed when complete, so a waiter never reads a half package.
  const partial = join(cache, `${key}.partial`);
  try {
    mkdirSync(join(partial, ID), { recursive: true });
    await generateNational({ out: join(partial, ID), scale: SCALES.small, seed: 7, log: () => {}, publish: published });
    renameSync(partial, done);
  } catch (error) {
    writeFileSync(failed, String(error));
    throw error;
  }
  return join(done, ID);
}
