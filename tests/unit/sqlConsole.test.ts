import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeConnector } from '../../src/db/node.ts';
import { countRows, planConsole, runConsole, statementAlone } from '../../src/queries/sqlConsole.ts';
import { statementRanges } from '../../src/queries/sqlGuard.ts';

const SHOWN = 1000;
const preview = (query: string) => `SELECT * FROM (${query}) AS q LIMIT 1001`;

describe('statementRanges', () => {
  it('places statements by their tokens, leaving out comments and separators', () => {
    const sql = "-- a\nCREATE VIEW v AS SELECT ';' AS s; /* ; */ SELECT * FROM v -- ;\n;";
    const ranges = statementRanges(sql)!;
    expect(ranges.map((r) => sql.slice(r.start, r.end))).toEqual([
      "CREATE VIEW v AS SELECT ';' AS s",
      'SELECT * FROM v',
    ]);
    expect(ranges.map((r) => r.query)).toEqual([false, true]);
  });

  it('knows queries by their first word', () => {
    const kinds = (sql: string) => statementRanges(sql)!.map((r) => r.query);
    expect(
      kinds('select 1; WITH t AS (SELECT 1) FROM t; FROM t; VALUES (1); TABLE t; (SELECT 1); PIVOT t ON a'),
    ).toEqual([true, true, true, true, true, true, true]);
    expect(kinds('DESCRIBE t; SUMMARIZE t; SHOW TABLES; EXPLAIN SELECT 1; PRAGMA show_tables; DROP VIEW v')).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('gives null for unterminated text', () => {
    expect(statementRanges("SELECT 'open")).toBeNull();
  });
});

describe('statementAlone', () => {
  it("blanks every statement but one, keeping line breaks, so that DuckDB names the user's line", () => {
    const sql = 'SELECT 1;\r\nDROP VIEW v; -- c\nSELEC 2;\nSELECT 3';
    expect(statementAlone(sql, 3)).toBe(`${' '.repeat(9)}\r\n${' '.repeat(17)}\nSELEC 2 \n        `);
    expect(statementAlone(sql, 3)).toHaveLength(sql.length);
    expect(statementAlone(sql, 5)).toBeNull();
    expect(statementAlone("SELECT 'open", 1)).toBeNull();
  });
});

describe('planConsole', () => {
  it('wraps a single query, without its trailing semicolon and comments', () => {
    expect(planConsole('SELECT * FROM observations ;  -- all of it\n', SHOWN)).toEqual({
      kind: 'preview',
      before: null,
      query: 'SELECT * FROM observations',
      preview: preview('SELECT * FROM observations'),
      count: 'SELECT count(*) AS n FROM (SELECT * FROM observations) AS q',
      describe: 'DESCRIBE SELECT * FROM observations',
      inPlace: 'SELECT * FROM observations ;  -- all of it\n',
    });
  });

  it('keeps a `;` or `--` inside strings, identifiers and comments in the middle', () => {
    const query = "SELECT ';' AS \"a;b\", '-- x' /* ; */, $$;$$ -- c ;\n  FROM t";
    const plan = planConsole(`${query}; -- ;`, SHOWN);
    expect(plan).toMatchObject({ kind: 'preview', query, preview: preview(query) });
  });

  it('runs earlier statements as written and wraps only a final query', () => {
    const plan = planConsole('CREATE VIEW v AS SELECT 1 AS x;\nSELECT * FROM v;', SHOWN);
    expect(plan).toMatchObject({
      kind: 'preview',
      before: 'CREATE VIEW v AS SELECT 1 AS x;\n',
      query: 'SELECT * FROM v',
      inPlace: `${' '.repeat(31)}\nSELECT * FROM v;`,
    });
  });

  it('runs a text as written when its last statement is not a query', () => {
    for (const sql of [
      'CREATE VIEW v AS SELECT * FROM observations',
      'SELECT 1; CREATE VIEW v AS SELECT 1;',
      'SET threads = 1',
      'PRAGMA show_tables',
      'EXPLAIN SELECT * FROM observations',
      'DESCRIBE observations',
      'SUMMARIZE observations',
      "SELECT 'open",
    ]) {
      expect(planConsole(sql, SHOWN), sql).toEqual({ kind: 'asWritten', sql });
    }
  });
});

describe('runConsole against DuckDB', () => {
  let db: Awaited<ReturnType<typeof createNodeConnector>>;
  const run = (sql: string) => db.query(sql);
  const values = (table: { toArray(): unknown[] }) =>
    table.toArray().map((r) => Number((r as { toJSON(): Record<string, unknown> }).toJSON().x));
  beforeAll(async () => {
    db = await createNodeConnector();
    await db.query('CREATE TABLE numbers AS SELECT range AS x FROM range(3000)');
  });
  afterAll(() => db?.close());

  it('keeps a query’s own ORDER BY and LIMIT', async () => {
    const result = await runConsole(run, 'SELECT x FROM numbers ORDER BY x DESC LIMIT 5', SHOWN);
    expect(values(result.table)).toEqual([2999, 2998, 2997, 2996, 2995]);
    expect(result.truncated).toBeNull();
    expect(result.names).toBeNull();
  });

  it('brings the first 1001 rows of a large result and counts them all apart', async () => {
    const sql = 'SELECT range AS x FROM range(3000) ORDER BY x DESC';
    const result = await runConsole(run, sql, SHOWN);
    expect(result.table.numRows).toBe(1001);
    expect(values(result.table).slice(0, 2)).toEqual([2999, 2998]);
    expect(result.truncated).toEqual({ query: sql, count: `SELECT count(*) AS n FROM (${sql}) AS q` });
    expect(await countRows(run, result.truncated!.count)).toBe(3000);
    // The download runs the query itself: the whole result.
    expect((await run(result.truncated!.query)).numRows).toBe(3000);
  });

  it('takes a trailing semicolon and comments', async () => {
    const result = await runConsole(run, 'FROM numbers; -- all ; of them\n/* ; */', SHOWN);
    expect(result.table.numRows).toBe(1001);
    expect(await countRows(run, result.truncated!.count)).toBe(3000);
  });

  it('leaves a string with a `;` intact', async () => {
    const result = await runConsole(run, "SELECT 'a;b -- c' AS s;", SHOWN);
    expect(result.table.toArray().map((r) => r.toJSON())).toEqual([{ s: 'a;b -- c' }]);
  });

  it('does not wrap CREATE VIEW, and wraps a query after it', async () => {
    const created = await runConsole(run, 'CREATE VIEW evens AS SELECT x FROM numbers WHERE x % 2 = 0;', SHOWN);
    expect(created.truncated).toBeNull();
    expect((await run('SELECT count(*)::INT AS n FROM evens')).toArray()[0].toJSON()).toEqual({ n: 1500 });

    const both = await runConsole(run, 'CREATE VIEW odds AS SELECT x FROM numbers WHERE x % 2 = 1; FROM odds', SHOWN);
    expect(both.table.numRows).toBe(1001);
    expect(await countRows(run, both.truncated!.count)).toBe(1500);
  });

  it('keeps duplicate column names that the wrapping subquery renames', async () => {
    const result = await runConsole(run, 'SELECT 1 AS a, 2 AS a, 3 AS a_1', SHOWN);
    expect(result.table.schema.fields.map((f) => f.name)).toEqual(['a', 'a_1', 'a_1_1']);
    expect(result.names).toEqual(['a', 'a', 'a_1']);
  });

  it('gives DuckDB’s error for the query as written, not for the wrapper', async () => {
    for (const sql of [
      'SELECT nope FROM numbers;',
      'SELECT * FORM numbers',
      'SELECT x, count(*) FROM numbers -- no GROUP BY',
      'SELECT 1 AS one;\n  SELECT nope FROM numbers',
    ]) {
      const message = await runConsole(run, sql, SHOWN).then(
        () => '',
        (e: Error) => e.message,
      );
      expect(message, sql).not.toBe('');
      expect(message, sql).not.toContain('AS q LIMIT');
      if (!sql.includes('\n')) {
        const direct = await run(sql).then(
          () => '',
          (e: Error) => e.message,
        );
        expect(message, sql).toBe(direct);
      }
    }
    const message = await runConsole(run, 'SELECT 1 AS one;\n  SELECT nope FROM numbers', SHOWN).catch(
      (e: Error) => e.message,
    );
    expect(message).toContain('LINE 2:   SELECT nope FROM numbers');
  });
});
