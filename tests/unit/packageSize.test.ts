/**
 * Package files too large for the browser (issue 16): a 630 MB observations.csv was read as "empty", 250 and 460 MB
 * packages ended after minutes in DuckDB's raw out-of-memory text. Now the size is checked before (or while) a file
 * is read, and running out of memory names the file; either way the loaded package stays.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { validationMessages as nl } from '../../src/app/i18n/validation.nl.ts';
import {
  fetchPackage,
  MAX_PACKAGE_FILE_BYTES,
  packageFileTooLarge,
  readPackageText,
} from '../../src/data/fetchPackage.ts';
import { formatIssue } from '../../src/data/issueText.ts';
import { loadPackage } from '../../src/data/load.ts';
import { csvReaderIssue } from '../../src/data/observationChecks.ts';
import { PackageError, type PackageIssue } from '../../src/data/package.ts';
import type { Connector } from '../../src/db/connector.ts';
import { createNodeConnector } from '../../src/db/node.ts';
import { DEMO, readPackage } from '../fixtures/readPackage.ts';

const MB = 1024 * 1024;

/** A body that counts how many chunks were pulled from it: a file refused by its length is never read. */
function countingBody(chunks: Uint8Array[]) {
  const pulled = { count: 0 };
  let i = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled.count++;
      if (i < chunks.length) controller.enqueue(chunks[i++]!);
      else controller.close();
    },
  });
  return { stream, pulled };
}

async function issuesOf(run: () => Promise<unknown>): Promise<PackageIssue[]> {
  try {
    await run();
  } catch (error) {
    if (error instanceof PackageError) return error.issues;
    throw error;
  }
  throw new Error('expected a PackageError');
}

describe('reading a package file', () => {
  it('refuses a 630 MB observations.csv by its Content-Length, naming file and size, without reading it', async () => {
    const { stream, pulled } = countingBody([new Uint8Array(10)]);
    const res = new Response(stream, { headers: { 'content-length': String(630 * MB) } });
    const issues = await issuesOf(() => readPackageText(res, 'observations.csv'));
    expect(issues).toEqual([{ file: 'observations.csv', code: 'fileTooLarge', params: { size: 630, limit: 200 } }]);
    expect(pulled.count).toBeLessThanOrEqual(1);
    expect(formatIssue(issues[0]!, nl)).toBe(
      'observations.csv: Het bestand is te groot (630 MB) om in zijn geheel te lezen (hoogstens 200 MB). Het geladen ' +
        'pakket blijft. Maak het pakket kleiner (minder gemeenten of jaren) of lever het gepartitioneerd aan (zie ' +
        '‘Partitioned packages’ in de README).',
    );
  });

  it('stops reading a compressed file (whose length is not the file’s) once it passes the limit', async () => {
    const chunk = new Uint8Array(1000).fill(0x41);
    const { stream, pulled } = countingBody(Array.from({ length: 100 }, () => chunk));
    const res = new Response(stream, { headers: { 'content-encoding': 'br', 'content-length': '900' } });
    const issues = await issuesOf(() => readPackageText(res, 'observations.csv', 5_500));
    // The size is not known (only that it is more than the limit): the message leaves it out.
    expect(issues).toEqual([{ file: 'observations.csv', code: 'fileTooLarge', params: { limit: 0 } }]);
    expect(pulled.count).toBeLessThan(10);
  });

  it('reads a file under the limit whole, a character split across chunks included', async () => {
    const bytes = new TextEncoder().encode('area_code,naam\nGM0014,Groningen – Stad\n');
    const split = bytes.indexOf(0xe2) + 1; // inside the three bytes of the en dash
    const { stream } = countingBody([bytes.slice(0, split), bytes.slice(split)]);
    expect(await readPackageText(new Response(stream), 'observations.csv', 1000)).toBe(
      'area_code,naam\nGM0014,Groningen – Stad\n',
    );
  });

  it('the limit is under what a browser string holds (about 512 MB)', () => {
    expect(MAX_PACKAGE_FILE_BYTES).toBeLessThan(512 * MB);
    expect(packageFileTooLarge('observations.csv', 200 * MB + 1)).toEqual({
      file: 'observations.csv',
      code: 'fileTooLarge',
      params: { size: 201, limit: 200 },
    });
  });
});

describe('fetching a package with a file too large', () => {
  const demo = readPackage(DEMO);
  afterEach(() => vi.unstubAllGlobals());

  it('names the file and its size instead of reading an empty text', async () => {
    vi.stubGlobal('fetch', async (url: string) => {
      const name = url.replace('data/demo/', '') as keyof typeof demo;
      if (name === 'observations.csv')
        return new Response(new ReadableStream({ pull: (c) => c.enqueue(new Uint8Array(MB)) }), {
          headers: { 'content-length': String(630 * MB) },
        });
      return name in demo ? new Response(demo[name]) : new Response('', { status: 404 });
    });
    const issues = await issuesOf(() => fetchPackage('demo'));
    expect(issues).toEqual([{ file: 'observations.csv', code: 'fileTooLarge', params: { size: 630, limit: 200 } }]);
  });
});

describe('the database running out of memory while loading', () => {
  let db: Awaited<ReturnType<typeof createNodeConnector>>;
  beforeAll(async () => {
    db = await createNodeConnector();
  });
  afterAll(() => db?.close());

  const OOM = 'Out of Memory Error: failed to allocate data of size 256.0 MiB (3.1 GiB/3.1 GiB used)';

  it('turns DuckDB’s out-of-memory text into an issue naming the file', () => {
    expect(csvReaderIssue('observations.csv', new Error(OOM))).toEqual({
      file: 'observations.csv',
      code: 'outOfMemory',
    });
    const broken = new Error('CSV Error on Line: 3\nExpected Number of Columns: 6 Found: 5');
    expect(csvReaderIssue('observations.csv', broken).code).toBe('wrongFieldCount');
  });

  it.each([
    ['copying the file in', (sql: string) => sql === 'registerFile'],
    ['staging its rows', (sql: string) => /^CREATE TABLE "?gk\d+_stage/.test(sql)],
    ['publishing', (sql: string) => /^CREATE TABLE "?gk\d+_observations"? AS/.test(sql)],
  ])('refuses the package with a message when memory runs out %s; the loaded package stays', async (_, fails) => {
    // The demo with its first rows of observations: enough to load, fast.
    const full = readPackage(DEMO);
    const demo = { ...full, 'observations.csv': `${full['observations.csv'].split('\n').slice(0, 31).join('\n')}\n` };
    await loadPackage(db, demo);
    const before = Number((await db.query('SELECT count(*) AS n FROM observations')).toArray()[0]!.toJSON().n);
    let refused = 0;
    const starving: Connector = {
      query: async (sql) => {
        if (fails(sql) && ++refused) throw new Error(OOM);
        return db.query(sql);
      },
      registerFile: async (name, data) => {
        if (fails('registerFile') && ++refused) throw new Error(OOM);
        return db.registerFile(name, data);
      },
      dropFile: (name) => db.dropFile(name),
      insertArrowIPC: (table, bytes) => db.insertArrowIPC(table, bytes),
    };
    const issues = await issuesOf(() => loadPackage(starving, demo));
    expect(refused).toBe(1);
    expect(issues).toEqual([{ file: 'observations.csv', code: 'outOfMemory' }]);
    expect(formatIssue(issues[0]!, nl)).toMatch(/^observations\.csv: Het bestand past niet in het geheugen/);
    expect(Number((await db.query('SELECT count(*) AS n FROM observations')).toArray()[0]!.toJSON().n)).toBe(before);
  });
});
