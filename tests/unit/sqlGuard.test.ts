import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeConnector } from '../../src/db/node.ts';
import { guardSql, readSchema, tokenize } from '../../src/queries/sqlGuard.ts';

const PROTECTED = ['areas', 'members', 'indicators', 'aims', 'observations'];
const check = (sql: string) => guardSql(sql, PROTECTED);
const ok = (sql: string) => expect(check(sql), sql).toEqual({ ok: true });
const refused = (sql: string, code: string, name?: string | number) => {
  const result = check(sql);
  expect(result.ok, sql).toBe(false);
  if (!result.ok) {
    expect(result.code, sql).toBe(code);
    if (name !== undefined) expect(result.params.name, sql).toBe(name);
    expect(result.reason.length).toBeGreaterThan(0);
  }
};

describe('guardSql: reading', () => {
  it('allows queries, inspection and read-only pragmas', () => {
    ok('SELECT * FROM observations');
    ok("select area_code, avg(value) from observations where indicator_id = 'inwoners' group by all;");
    ok('WITH t AS (SELECT 1 AS x) SELECT * FROM t');
    ok('FROM observations LIMIT 5');
    ok('(SELECT 1) UNION ALL (SELECT 2)');
    ok('VALUES (1, 2)');
    ok('EXPLAIN SELECT * FROM areas');
    ok('EXPLAIN ANALYZE SELECT * FROM areas');
    ok('DESCRIBE observations');
    ok('DESCRIBE SELECT * FROM observations');
    ok('SHOW TABLES');
    ok('SUMMARIZE observations');
    ok("PRAGMA table_info('observations')");
    ok('PRAGMA show_tables');
    ok('PIVOT observations ON period USING sum(value)');
    ok('SELECT * FROM information_schema.columns');
    ok('SELECT * FROM gk1_observations');
  });

  it('does not read keywords or separators inside strings, identifiers and comments', () => {
    ok("SELECT 'drop table x'");
    ok("SELECT 'a;b' AS x; SELECT 2");
    ok('SELECT "delete" FROM (SELECT 1 AS "delete")');
    ok('SELECT 1 -- ; drop view observations');
    ok('SELECT 1 /* ; drop view observations */');
    ok('SELECT 1 /* nested /* ; */ drop view observations */');
    ok("SELECT E'it\\'s; drop view observations'");
    ok("SELECT $$it's; drop view observations$$, $tag$ ; $tag$");
    ok('SELECT * FROM "observations"');
    ok('SELECT o.update FROM observations o');
  });

  it('allows functions and keywords that look like file access but are not', () => {
    ok("SELECT extract(year FROM DATE '2024-01-01')");
    ok("SELECT substring('abc' FROM 2)");
    ok("SELECT * FROM observations WHERE area_code IN ('GM0001', 'GM0002')");
    ok("SELECT replace(area_code, 'BU', '') FROM areas");
    ok("SELECT 'x.csv' AS name, 'https://cbs.nl' AS bron");
  });
});

describe('guardSql: writing', () => {
  it('allows the user to create, fill, change and drop objects of their own', () => {
    ok('CREATE TABLE mine AS SELECT * FROM observations');
    ok('CREATE TEMP VIEW v AS SELECT 1');
    ok('CREATE OR REPLACE VIEW mine AS SELECT 2');
    ok('CREATE TABLE IF NOT EXISTS main.mine2 (a INTEGER, b VARCHAR)');
    ok("INSERT INTO mine2 VALUES (1, 'a')");
    ok('UPDATE mine2 SET a = 2 WHERE b = 1');
    ok('DELETE FROM mine2 WHERE a = 2');
    ok('ALTER TABLE mine2 ADD COLUMN c DOUBLE');
    ok('ALTER TABLE mine2 RENAME COLUMN c TO areas');
    ok('TRUNCATE mine2');
    ok('DROP TABLE mine2');
    ok('DROP VIEW IF EXISTS v, mine CASCADE');
    ok('EXPLAIN ANALYZE CREATE TABLE t2 AS SELECT 1');
  });

  it('refuses to change the app’s objects, whatever the spelling', () => {
    refused('DROP VIEW observations', 'protected', 'observations');
    refused('drop table gk1_observations', 'protected', 'gk1_observations');
    refused('select 1; drop table gk1_observations', 'protected', 'gk1_observations');
    refused('/* ; */ drop view observations', 'protected', 'observations');
    refused('DROP VIEW "observations"', 'protected', 'observations');
    refused('DROP VIEW "Observations"', 'protected', 'Observations');
    refused('DROP VIEW main.observations', 'protected', 'observations');
    refused('DROP VIEW mine, areas', 'protected', 'areas');
    refused('CREATE OR REPLACE VIEW observations AS SELECT 1', 'protected', 'observations');
    refused('CREATE TEMP VIEW indicators AS SELECT 1', 'protected', 'indicators');
    refused('CREATE TABLE gk_mine AS SELECT 1', 'protected', 'gk_mine');
    refused("INSERT INTO observations VALUES ('x')", 'protected', 'observations');
    refused('UPDATE observations SET value = 0', 'protected', 'observations');
    refused('DELETE FROM gk1_indicators', 'protected', 'gk1_indicators');
    refused('TRUNCATE TABLE aims', 'protected', 'aims');
    refused('ALTER VIEW areas RENAME TO a2', 'protected', 'areas');
    refused('ALTER TABLE mine RENAME TO observations', 'protected', 'observations');
    refused('EXPLAIN ANALYZE DELETE FROM observations', 'protected', 'observations');
  });

  it('refuses modifying words inside a query', () => {
    refused('WITH x AS (SELECT 1) DELETE FROM observations', 'keyword', 'DELETE');
    refused('SELECT 1; WITH x AS (SELECT 1) INSERT INTO mine SELECT * FROM x', 'keyword', 'INSERT');
    refused('CREATE VIEW v AS SELECT 1; SET threads = 1', 'statement', 'SET');
  });

  it('says which statement is refused', () => {
    const result = check('SELECT 1; SELECT 2; DROP VIEW areas');
    expect(result).toMatchObject({ ok: false, code: 'protected', params: { name: 'areas', statement: 3 } });
  });
});

describe('guardSql: files, network and settings', () => {
  it('refuses statements that reach files or the network, or change settings', () => {
    refused("COPY observations TO 'x.csv'", 'statement', 'COPY');
    refused("ATTACH 'https://example.org/x.duckdb'", 'statement', 'ATTACH');
    refused('DETACH x', 'statement', 'DETACH');
    refused('INSTALL httpfs', 'statement', 'INSTALL');
    refused('LOAD httpfs', 'statement', 'LOAD');
    refused("EXPORT DATABASE 'x'", 'statement', 'EXPORT');
    refused("IMPORT DATABASE 'x'", 'statement', 'IMPORT');
    refused('SET autoinstall_known_extensions = true', 'statement', 'SET');
    refused('RESET threads', 'statement', 'RESET');
    refused('CALL pragma_version()', 'statement', 'CALL');
    refused('BEGIN TRANSACTION', 'statement', 'BEGIN');
    refused('PRAGMA enable_profiling', 'pragma', 'enable_profiling');
    refused('PRAGMA threads = 1', 'pragma', 'threads');
    refused('CREATE MACRO m(x) AS x', 'objectKind', 'MACRO');
    refused('DROP SCHEMA main', 'objectKind', 'SCHEMA');
  });

  it('refuses functions that read files, URLs or SQL text', () => {
    refused("SELECT * FROM read_csv('https://example.org/x.csv')", 'fileAccess', 'read_csv');
    refused("SELECT * FROM main.read_parquet('x.parquet')", 'fileAccess', 'read_parquet');
    refused('SELECT * FROM "read_json"(\'x\')', 'fileAccess', 'read_json');
    refused("SELECT * FROM parquet_scan('x')", 'fileAccess', 'parquet_scan');
    refused("SELECT * FROM glob('*')", 'fileAccess', 'glob');
    refused("SELECT * FROM query('DROP VIEW observations')", 'fileAccess', 'query');
    refused("SELECT * FROM query_table('observations')", 'fileAccess', 'query_table');
    refused("CREATE TABLE mine AS SELECT * FROM read_text('x')", 'fileAccess', 'read_text');
    refused("SELECT count(*) FROM observations WHERE EXISTS (SELECT * FROM sniff_csv('x'))", 'fileAccess', 'sniff_csv');
  });

  it('refuses a table written as a string or a quoted path (replacement scans)', () => {
    refused("SELECT * FROM 'x.csv'", 'fileAccess', "'x.csv'");
    refused('SELECT * FROM "https://example.org/x.parquet"', 'fileAccess', '"https://example.org/x.parquet"');
    refused("FROM 'x.csv'", 'fileAccess');
    refused("SELECT * FROM observations o JOIN 'x.csv' USING (area_code)", 'fileAccess');
    refused("SELECT * FROM observations, 'x.csv'", 'fileAccess');
    refused("SELECT * FROM areas a JOIN observations o ON a.code = o.area_code, 'x.csv'", 'fileAccess');
    refused("SELECT * FROM ('x.csv')", 'fileAccess');
    refused("SELECT EXISTS (FROM 'x.csv')", 'fileAccess');
    refused("SELECT 1 WHERE 1 IN (SELECT 1 FROM 'x.csv')", 'fileAccess');
    refused("SUMMARIZE 'x.csv'", 'fileAccess');
    refused("DESCRIBE 'x.csv'", 'fileAccess');
    refused("CREATE VIEW v AS FROM 'x.csv'", 'fileAccess');
  });

  it('refuses empty and unterminated text', () => {
    refused('', 'empty');
    refused(' ; -- nothing\n;', 'empty');
    refused("SELECT 'open", 'unterminated', 'string');
    refused('SELECT "open', 'unterminated', 'identifier');
    refused('SELECT 1 /* open /* */', 'unterminated', 'comment');
    refused('SELECT $a$ open', 'unterminated', 'string');
  });
});

/**
 * What DuckDB 1.4.3 reads as whitespace between tokens (measured over the whole BMP; 'agrees with DuckDB on which
 * characters separate tokens' below checks the list against the engine).
 */
const DUCKDB_SPACES = [
  0x09, 0x0a, 0x0c, 0x0d, 0x20, 0xa0, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009,
  0x200a, 0x200b, 0x202f, 0x205f, 0x2060, 0x3000, 0xfeff,
];
/** Space-like characters DuckDB does not read as whitespace (a syntax error, or letters of a name). */
const NOT_DUCKDB_SPACES = [0x0b, 0x85, 0x1680, 0x180e, 0x200c, 0x200d, 0x2028, 0x2029];
const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

describe('guardSql: Unicode spaces', () => {
  it.each(DUCKDB_SPACES.map((cp) => [hex(cp), String.fromCodePoint(cp)]))(
    'reads %s as DuckDB does, a space, and so refuses what it hides',
    (_name, sp) => {
      refused(`DELETE FROM ${sp}gk1_observations`, 'protected', 'gk1_observations');
      refused(`DELETE FROM${sp}gk1_observations`, 'protected', 'gk1_observations');
      refused(`DELETE FROM observations${sp}WHERE true`, 'protected', 'observations');
      refused(`UPDATE ${sp}gk1_observations SET value = value * 2`, 'protected', 'gk1_observations');
      refused(`UPDATE${sp}observations${sp}SET value = 0`, 'protected', 'observations');
      refused(`CREATE TEMP VIEW observations${sp}AS SELECT 1`, 'protected', 'observations');
      refused(`CREATE OR REPLACE VIEW${sp}observations AS SELECT 1`, 'protected', 'observations');
      refused(`DROP VIEW ${sp}observations`, 'protected', 'observations');
      refused(`DROP VIEW observations${sp}`, 'protected', 'observations');
      refused(`DROP${sp}TABLE${sp}gk1_observations`, 'protected', 'gk1_observations');
      refused(`SELECT * FROM read_csv${sp}('http://127.0.0.1:4929/x.csv')`, 'fileAccess', 'read_csv');
      refused(`SELECT * FROM ${sp}read_csv('http://127.0.0.1:4929/x.csv')`, 'fileAccess', 'read_csv');
      refused(`SELECT * FROM glob${sp}('*')`, 'fileAccess', 'glob');
      refused(`SELECT * FROM query${sp}('DROP VIEW observations')`, 'fileAccess', 'query');
      refused(`SELECT * FROM${sp}'http://127.0.0.1:4929/x.csv'`, 'fileAccess');
      refused(`SELECT 1;${sp}DROP VIEW observations`, 'protected', 'observations');
    },
  );

  it('reads space-like characters that DuckDB takes as letters as part of a name', () => {
    for (const cp of NOT_DUCKDB_SPACES.filter((c) => c >= 0x80)) {
      const c = String.fromCodePoint(cp);
      expect(tokenize(`a${c}b`), hex(cp)).toEqual([{ kind: 'word', value: `a${c}b` }]);
      ok(`CREATE VIEW observations${c} AS SELECT 1`);
    }
    expect(tokenize('a\vb').map((t) => t.kind)).toEqual(['word', 'punct', 'word']);
  });

  it('ends a line comment at a carriage return, as DuckDB does', () => {
    refused('SELECT 1 -- c\r; DROP VIEW observations', 'protected', 'observations');
    refused("SELECT 1 -- c\rUNION ALL SELECT * FROM read_csv('x')", 'fileAccess', 'read_csv');
    ok('SELECT 1 -- c\u2028 DROP VIEW observations');
  });
});

describe('guardSql: files and URLs in subqueries', () => {
  const URL = "'http://127.0.0.1:4929/x.csv?gemeente=GM9999'";
  it.each([
    `SELECT exists(WITH a AS (SELECT 1) FROM ${URL})`,
    `TABLE areas UNION ALL FROM ${URL}`,
    `TABLE areas UNION ALL (FROM ${URL})`,
    `TABLE areas UNION ALL (WITH a AS (SELECT 1) FROM ${URL})`,
    `SELECT * FROM areas WHERE code IN (WITH a AS (SELECT 1) FROM ${URL})`,
    `SELECT * FROM areas WHERE code IN (FROM ${URL})`,
    `VALUES (exists(WITH a AS (SELECT 1) FROM ${URL}))`,
    `VALUES (exists(FROM ${URL}))`,
    `SELECT (WITH a AS (SELECT 1) FROM ${URL} LIMIT 1)`,
    `SELECT array(WITH a AS (SELECT 1) FROM ${URL})`,
    `SELECT count(*) FILTER (WHERE exists(WITH a AS (SELECT 1) FROM ${URL})) FROM areas`,
    `SELECT coalesce((WITH a AS (SELECT 1) FROM ${URL} SELECT 1), 0)`,
    `SELECT * FROM areas EXCEPT (WITH a AS (SELECT 1) SELECT * FROM ${URL})`,
    `SELECT * FROM areas UNION ALL BY NAME FROM ${URL}`,
    `WITH a AS (FROM ${URL}) SELECT 1`,
    `WITH a AS (SELECT 1) SELECT exists(FROM a, ${URL})`,
    `SELECT exists(FROM areas JOIN ${URL} USING (code))`,
    `SELECT trim(BOTH FROM (FROM ${URL}))`,
    `SELECT extract(year FROM (SELECT d FROM ${URL}))`,
    `SELECT 'a' IS DISTINCT FROM (FROM ${URL})`,
    `CREATE VIEW v AS SELECT exists(WITH a AS (SELECT 1) FROM ${URL})`,
    `CREATE TABLE t AS SELECT * FROM areas WHERE code IN (WITH a AS (SELECT 1) FROM ${URL})`,
    `CREATE VIEW v AS TABLE areas UNION ALL (WITH a AS (SELECT 1) FROM ${URL})`,
    `INSERT INTO mine SELECT * FROM areas WHERE exists(WITH a AS (SELECT 1) FROM ${URL})`,
    `EXPLAIN SELECT exists(WITH a AS (SELECT 1) FROM ${URL})`,
    `SELECT exists(WITH a AS (SELECT 1) FROM "http://127.0.0.1:4929/x.csv")`,
  ])('refuses %s', (sql) => refused(sql, 'fileAccess'));

  it('still allows FROM as a keyword argument and in IS DISTINCT FROM', () => {
    ok("SELECT trim(BOTH 'x' FROM 'xax'), trim(LEADING FROM '  a'), trim('x' FROM 'xax')");
    ok("SELECT substring('abc' FROM 2 FOR 1), substring('abc' FROM '2'::INT)");
    ok("SELECT extract(year FROM '2024-01-01'::DATE)");
    ok("SELECT overlay('abc' PLACING 'x' FROM 2 FOR 1)");
    ok("SELECT 'a' IS DISTINCT FROM 'b', 'a' IS NOT DISTINCT FROM 'b' FROM areas");
    ok("SELECT exists(WITH a AS (SELECT 1) FROM a) FROM observations WHERE area_code IN ('GM0001', 'x.csv')");
    ok("TABLE areas UNION ALL (WITH a AS (SELECT 'x.csv' AS code) FROM a)");
  });
});

describe('tokenize', () => {
  it('splits like DuckDB: strings, E-strings, dollar strings, quoted identifiers, comments', () => {
    expect(tokenize(`SELECT 'a''b', E'c\\'d', $$e$$, "f""g" -- h\n/* i /* j */ k */ ;`)).toEqual([
      { kind: 'word', value: 'SELECT' },
      { kind: 'string', value: "a'b" },
      { kind: 'punct', value: ',' },
      { kind: 'string', value: "c'd" },
      { kind: 'punct', value: ',' },
      { kind: 'string', value: 'e' },
      { kind: 'punct', value: ',' },
      { kind: 'quoted', value: 'f"g' },
      { kind: 'semicolon', value: ';' },
    ]);
  });
});

describe('guardSql against DuckDB', () => {
  let db: Awaited<ReturnType<typeof createNodeConnector>>;
  beforeAll(async () => {
    db = await createNodeConnector();
    await db.query('CREATE TABLE gk1_observations AS SELECT 1 AS x');
    await db.query('CREATE VIEW observations AS SELECT * FROM gk1_observations');
  });
  afterAll(() => db?.close());

  it('agrees with DuckDB on which characters separate tokens', async () => {
    // Every space-like candidate: the spaces of the audit, JavaScript's \s, and Unicode's space separators and format
    // characters (Zs, Cf) of the BMP. DuckDB separates `SELECT` and `1` exactly when the guard splits `a` and `b`.
    const candidates = new Set([...DUCKDB_SPACES, ...NOT_DUCKDB_SPACES, 0x85]);
    for (let cp = 0; cp <= 0xffff; cp++) {
      const c = String.fromCodePoint(cp);
      if (cp < 0xd800 || cp > 0xdfff) if (/[\s\p{Zs}\p{Cf}]/u.test(c)) candidates.add(cp);
    }
    const duckdbSplits: number[] = [];
    const guardSplits: number[] = [];
    for (const cp of [...candidates].sort((a, b) => a - b)) {
      const c = String.fromCodePoint(cp);
      const parses = await db.query(`SELECT${c}1 AS x`).then(
        () => true,
        () => false,
      );
      if (parses) duckdbSplits.push(cp);
      const tokens = tokenize(`a${c}b`);
      if (tokens.length === 2 && tokens.every((t) => t.kind === 'word')) guardSplits.push(cp);
    }
    expect(guardSplits.map(hex)).toEqual(duckdbSplits.map(hex));
    expect(duckdbSplits).toEqual(DUCKDB_SPACES);
  });

  it('agrees with DuckDB on where a line comment ends', async () => {
    const sql = 'SELECT 1 AS a -- c\rUNION ALL SELECT 2';
    expect((await db.query(sql)).numRows).toBe(2);
    expect(tokenize(sql).map((t) => t.value)).toEqual(['SELECT', '1', 'AS', 'a', 'UNION', 'ALL', 'SELECT', '2']);
  });

  it('agrees with DuckDB on what a nested comment hides', async () => {
    // DuckDB nests block comments: the DROP is inside the comment, so it is one harmless SELECT.
    const sql = 'SELECT 1 AS one /* a /* b */ ; DROP VIEW observations; */';
    expect(guardSql(sql, PROTECTED)).toEqual({ ok: true });
    await db.query(sql);
    expect((await db.query('SELECT count(*)::INT AS n FROM observations')).toArray()[0].toJSON()).toEqual({ n: 1 });
  });

  it('lists the views and the user’s tables, not the package tables', async () => {
    await db.query('CREATE TABLE mine AS SELECT 1 AS a, 2.5 AS b');
    expect(await readSchema((sql) => db.query(sql))).toEqual([
      {
        table: 'mine',
        columns: [
          { name: 'a', type: 'INTEGER' },
          { name: 'b', type: 'DECIMAL(2,1)' },
        ],
      },
      { table: 'observations', columns: [{ name: 'x', type: 'INTEGER' }] },
    ]);
  });
});
