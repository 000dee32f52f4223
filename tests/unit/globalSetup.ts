import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

/**
 * One empty folder per unit run for packages several files would otherwise generate again (nationalOnce.ts). Nothing
 * is generated here: a run of one unrelated file pays only for the mkdtemp; the first file that asks generates.
 */
export default function setup(project: TestProject) {
  const cache = mkdtempSync(join(tmpdir(), 'gk-unit-cache-'));
  project.provide('unitCache', cache);
  return () => rmSync(cache, { recursive: true, force: true });
}
