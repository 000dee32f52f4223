import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

/** One folder per e2e run for what several files would otherwise build again (harness.ts: importCbsOnce). */
export default function setup(project: TestProject) {
  const cache = mkdtempSync(join(tmpdir(), 'gk-e2e-cache-'));
  project.provide('packageCache', cache);
  return () => rmSync(cache, { recursive: true, force: true });
}
