import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeConnector } from '../../src/db/node.ts';
import { APP_FILE_DIR, appFile } from '../../src/db/settings.ts';

/**
 * DuckDB itself, not only the console's guard, refuses files, URLs and setting changes (db/settings.ts): these run
 * straight on the connector, as a statement that slipped past the guard would.
 */
describe('the database lockdown', () => {
  let db: Awaited<ReturnType<typeof createNodeConnector>>;
  let dir: string;
  let file: string;
  const fails = async (sql: string, message: RegExp) => {
    await expect(db.query(sql), sql).rejects.toThrow(message);
  };

  beforeAll(async () => {
    db = await createNodeConnector();
    dir = mkdtempSync(join(tmpdir(), 'gk-lockdown-'));
    file = join(dir, 'x.csv');
    writeFileSync(file, 'a,b\n1,2\n');
  });
  afterAll(() => {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to read a URL', async () => {
    await fails("SELECT * FROM read_csv('http://127.0.0.1:1/x.csv')", /Permission Error/);
    await fails("FROM 'http://127.0.0.1:1/x.csv'", /Permission Error/);
  });

  it('refuses to read or write a file on disk, by function, replacement scan, glob or COPY', async () => {
    await fails(`FROM '${file}'`, /Permission Error/);
    await fails(`SELECT * FROM read_csv('${file}')`, /Permission Error/);
    await fails(`SELECT * FROM read_text('${file}')`, /Permission Error/);
    await fails(`SELECT * FROM glob('${dir}/*')`, /Permission Error/);
    await fails(`COPY (SELECT 1) TO '${join(dir, 'out.csv')}'`, /Permission Error/);
    await fails(`ATTACH '${join(dir, 'x.duckdb')}'`, /Permission Error/);
    await fails(`SELECT * FROM read_csv('${APP_FILE_DIR}../${file}')`, /Permission Error/);
  });

  it('refuses to change any setting, the lockdown first', async () => {
    await fails('SET enable_external_access = true', /configuration has been locked/);
    await fails('RESET enable_external_access', /configuration has been locked/);
    await fails('SET lock_configuration = false', /configuration has been locked/);
    await fails("SET allowed_directories = ['/']", /configuration has been locked/);
    await fails('SET autoinstall_known_extensions = true', /configuration has been locked/);
    await fails('SET threads = 1', /configuration has been locked/);
    const setting = await db.query("SELECT current_setting('enable_external_access') AS on");
    expect(setting.toArray()[0]!.toJSON()).toEqual({ on: false });
  });

  it('still lets the app load: registered files, read again after a new registration, and Arrow IPC', async () => {
    await db.registerFile('gk9_x.csv', 'a,b\n1,2\n');
    const first = await db.query(`SELECT a::INT AS a FROM read_csv('${appFile('gk9_x.csv')}')`);
    expect(first.toArray().map((r) => r.toJSON())).toEqual([{ a: 1 }]);
    await db.dropFile('gk9_x.csv');
    await db.registerFile('gk9_x.csv', new TextEncoder().encode('a,b\n3,4\n'));
    const second = await db.query(`SELECT a::INT AS a FROM read_csv('${appFile('gk9_x.csv')}')`);
    expect(second.toArray().map((r) => r.toJSON())).toEqual([{ a: 3 }]);
    await db.dropFile('gk9_x.csv');

    await db.insertArrowIPC('gk9_part', tableToIPC(tableFromArrays({ v: Int32Array.from([5, 6]) }), 'stream'));
    expect((await db.query('SELECT sum(v)::INT AS s FROM gk9_part')).toArray()[0]!.toJSON()).toEqual({ s: 11 });
    // Transactions, as own data uses them, are not settings.
    await db.query('BEGIN TRANSACTION; CREATE TABLE gk9_t AS SELECT 1 AS a; ROLLBACK');
  });

  it('takes plain file names only', () => {
    expect(appFile('gk1_observations.csv')).toBe(`${APP_FILE_DIR}gk1_observations.csv`);
    expect(() => appFile('../x.csv')).toThrow();
    expect(() => appFile('a/b.csv')).toThrow();
  });
});

describe('syntaxError', () => {
  let db: Awaited<ReturnType<typeof createNodeConnector>>;
  beforeAll(async () => {
    db = await createNodeConnector();
    await db.query('CREATE TABLE t AS SELECT 1 AS a');
  });
  afterAll(() => db?.close());

  it("gives DuckDB's parser error in its words, with the user's line", async () => {
    expect(await db.syntaxError('SELEC 1')).toMatch(
      /^Parser Error: syntax error at or near "SELEC"[\s\S]*LINE 1: SELEC 1/,
    );
    expect(await db.syntaxError('\n\nSELEC 1 -- a comment at the end')).toMatch(/LINE 3: SELEC 1/);
  });

  it('parses only: a text that parses is neither bound nor run', async () => {
    expect(await db.syntaxError('DROP TABLE t')).toBeNull();
    expect(await db.syntaxError('DROP TABLE t; DROP TABLE t')).toBeNull();
    expect(await db.syntaxError('SELECT * FROM no_such_table')).toBeNull();
    expect((await db.query('SELECT a FROM t')).numRows).toBe(1);
  });
});
