/**
 * What the SQL console lets a user run. The console shares the app's DuckDB: a user may read everything and make
 * tables and views of their own, but must not change what the app's views show (the package's views and its `gk*`
 * tables) and must not reach files or the network (nothing leaves the browser, DESIGN.md).
 *
 * Allowed: SELECT / WITH / FROM-first / VALUES / TABLE / PIVOT / UNPIVOT queries, EXPLAIN [ANALYZE] of an allowed
 * statement, DESCRIBE, SHOW, SUMMARIZE, a few read-only PRAGMAs (table_info, show_tables, …); CREATE [OR REPLACE]
 * [TEMP] VIEW/TABLE, DROP VIEW/TABLE, ALTER, INSERT, UPDATE, DELETE and TRUNCATE of the user's own objects (any name
 * that is not protected and does not start with `gk`). Refused: every other statement (COPY, ATTACH, DETACH,
 * INSTALL, LOAD, EXPORT, IMPORT, SET, RESET, CALL, transactions, PREPARE/EXECUTE, …), writes to protected names,
 * data-modifying words inside a query, functions that read files, URLs or SQL text (`read_csv`, `*_scan`, `glob`,
 * `query`, …) and a table written as a string or a quoted path (`FROM 'x.csv'`, DuckDB's replacement scan).
 *
 * The text is split into tokens the way DuckDB's parser does — `--` comments (to a line feed or carriage return) and
 * nested `/* *\/` comments, '…' strings ('' inside), E'…' strings (backslash escapes), $tag$…$tag$ strings, "…"
 * identifiers, and the Unicode spaces DuckDB reads as whitespace (SQL_SPACE) — so a `;` or a keyword inside a string
 * or comment is neither a separator nor a keyword, and `FROM<U+200B>gk1_observations` is two words, as for DuckDB.
 * When in doubt it refuses: this guards a console, a false refusal costs a rewrite, a false pass could change what a
 * council member sees. It is not the only wall: DuckDB itself runs with external access off and its configuration
 * locked (db/settings.ts), so a statement that slipped through could still not read a file or URL.
 */

export type GuardCode =
  | 'empty'
  | 'unterminated'
  | 'statement'
  | 'protected'
  | 'fileAccess'
  | 'keyword'
  | 'pragma'
  | 'objectKind';

export type GuardResult =
  | { ok: true }
  | {
      ok: false;
      /** Why, in English (the console words it from `code` and `params`). */
      reason: string;
      code: GuardCode;
      /** `name` (object, function or keyword) and `statement` (its number, from 1) where they apply. */
      params: Record<string, string | number>;
    };

type TokenKind = 'word' | 'quoted' | 'string' | 'number' | 'punct' | 'param' | 'semicolon';
interface Token {
  kind: TokenKind;
  /** Words: as written; quoted identifiers and strings: their content. */
  value: string;
}

class Unterminated extends Error {
  constructor(readonly what: string) {
    super(what);
  }
}

/**
 * What DuckDB 1.4.3 (duckdb-wasm 1.32) reads as whitespace between tokens, measured code point by code point over the
 * whole BMP (`SELECT<c>1 AS x`, `SELECT 1<c>AS x`, `SELECT 1 AS<c>x`; tests/unit/sqlGuard.test.ts checks it again):
 * tab, line feed, form feed, carriage return, space, and the Unicode spaces its parser replaces before lexing —
 * U+00A0, U+2000–U+200B, U+202F, U+205F, U+2060, U+3000, U+FEFF. Not whitespace for DuckDB, and so not here:
 * U+000B (a syntax error), U+0085, U+1680, U+180E, U+200C, U+200D, U+2028, U+2029 (letters of a name, like any other
 * non-ASCII character). JavaScript's `\s` differs both ways, hence this list.
 */
const SQL_SPACE = /[\t\n\f\r \u00a0\u2000-\u200b\u202f\u205f\u2060\u3000\ufeff]/;
/** Name characters: ASCII letters, digits, `_`, `$`, and every non-ASCII character that is not a space above. */
const isWordStart = (c: string) => /[A-Za-z_\u0080-\uffff]/.test(c) && !SQL_SPACE.test(c);
const isWordPart = (c: string) => /[A-Za-z0-9_$\u0080-\uffff]/.test(c) && !SQL_SPACE.test(c);
const DIGIT = /[0-9]/;

/** Splits SQL into tokens; comments are dropped. Throws Unterminated for an open string, identifier or comment. */
export function tokenize(sql: string): Token[] {
  return lex(sql).tokens;
}

/** Where a token stands in the text: `sql.slice(start, end)` is the token as written. */
interface Span {
  start: number;
  end: number;
}

/** The tokens of `sql` and, at the same index, where each stands in the text. */
function lex(sql: string): { tokens: Token[]; spans: Span[] } {
  const tokens: Token[] = [];
  const spans: Span[] = [];
  const n = sql.length;
  let i = 0;
  const quoted = (quote: string, backslash: boolean): string => {
    let out = '';
    let j = i + 1;
    for (;;) {
      if (j >= n) throw new Unterminated(quote === '"' ? 'identifier' : 'string');
      const c = sql[j]!;
      if (backslash && c === '\\') {
        out += sql[j + 1] ?? '';
        j += 2;
        continue;
      }
      if (c === quote) {
        if (sql[j + 1] === quote) {
          out += quote;
          j += 2;
          continue;
        }
        i = j + 1;
        return out;
      }
      out += c;
      j++;
    }
  };
  while (i < n) {
    const start = i;
    const count = tokens.length;
    const c = sql[i]!;
    if (SQL_SPACE.test(c)) {
      i++;
    } else if (c === '-' && sql[i + 1] === '-') {
      // DuckDB ends a line comment at a carriage return too: `-- x\r; DROP …` runs the DROP.
      let end = i + 2;
      while (end < n && sql[end] !== '\n' && sql[end] !== '\r') end++;
      i = end;
    } else if (c === '/' && sql[i + 1] === '*') {
      // DuckDB nests block comments: /* a /* b */ c */ is one comment.
      let depth = 1;
      let j = i + 2;
      while (depth > 0) {
        if (j >= n) throw new Unterminated('comment');
        if (sql[j] === '/' && sql[j + 1] === '*') {
          depth++;
          j += 2;
        } else if (sql[j] === '*' && sql[j + 1] === '/') {
          depth--;
          j += 2;
        } else j++;
      }
      i = j;
    } else if (c === "'") {
      tokens.push({ kind: 'string', value: quoted("'", false) });
    } else if (c === '"') {
      tokens.push({ kind: 'quoted', value: quoted('"', false) });
    } else if (c === '$') {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i, i + 200));
      if (tag) {
        const close = sql.indexOf(tag[0], i + tag[0].length);
        if (close < 0) throw new Unterminated('string');
        tokens.push({ kind: 'string', value: sql.slice(i + tag[0].length, close) });
        i = close + tag[0].length;
      } else {
        const param = /^\$[A-Za-z0-9_]*/.exec(sql.slice(i, i + 200))![0];
        tokens.push({ kind: 'param', value: param });
        i += param.length;
      }
    } else if (isWordStart(c)) {
      let j = i + 1;
      while (j < n && isWordPart(sql[j]!)) j++;
      const word = sql.slice(i, j);
      i = j;
      if ((word === 'E' || word === 'e') && sql[i] === "'") {
        tokens.push({ kind: 'string', value: quoted("'", true) });
      } else tokens.push({ kind: 'word', value: word });
    } else if (DIGIT.test(c) || (c === '.' && DIGIT.test(sql[i + 1] ?? ''))) {
      const m = /^(?:0[xX][0-9a-fA-F_]+|[0-9_]*\.?[0-9_]*(?:[eE][+-]?[0-9]+)?)/.exec(sql.slice(i, i + 400))!;
      const length = Math.max(m[0].length, 1);
      tokens.push({ kind: 'number', value: sql.slice(i, i + length) });
      i += length;
    } else if (c === ';') {
      tokens.push({ kind: 'semicolon', value: ';' });
      i++;
    } else {
      tokens.push({ kind: 'punct', value: c });
      i++;
    }
    if (tokens.length > count) spans.push({ start, end: i });
  }
  return { tokens, spans };
}

/** The statements of a token list (split at `;`, empty ones dropped). */
function statements(tokens: readonly Token[]): Token[][] {
  const out: Token[][] = [[]];
  for (const t of tokens) {
    if (t.kind === 'semicolon') out.push([]);
    else out[out.length - 1]!.push(t);
  }
  return out.filter((s) => s.length > 0);
}

/** Statements that only read, by their first word. */
const QUERY_STARTS = new Set([
  'SELECT',
  'WITH',
  'VALUES',
  'FROM',
  'TABLE',
  'PIVOT',
  'UNPIVOT',
  'PIVOT_WIDER',
  'PIVOT_LONGER',
]);
const INSPECT_STARTS = new Set(['DESCRIBE', 'DESC', 'SHOW', 'SUMMARIZE']);
const READ_ONLY_PRAGMAS = new Set([
  'table_info',
  'show_tables',
  'show_tables_expanded',
  'show',
  'database_size',
  'storage_info',
  'version',
  'platform',
  'functions',
  'collations',
]);

/** Words that change data or the database, refused inside a query (outside strings, not as part of `a.b`). */
const MODIFYING_WORDS = new Set([
  'INSERT',
  'UPDATE',
  'DELETE',
  'DROP',
  'ALTER',
  'TRUNCATE',
  'CREATE',
  'COPY',
  'ATTACH',
  'DETACH',
  'INSTALL',
  'LOAD',
  'EXPORT',
  'IMPORT',
  'PRAGMA',
  'CALL',
  'SET',
  'RESET',
  'CHECKPOINT',
  'VACUUM',
  'MERGE',
  'GRANT',
  'PREPARE',
  'EXECUTE',
]);

/** Functions that read files, URLs or SQL text, or change the database. */
const FILE_FUNCTION = [
  /^read_/,
  /_scan$/,
  /^parquet_/,
  /^sniff_csv$/,
  /^glob$/,
  /^query$/,
  /^query_table$/,
  /^iceberg_/,
  /^delta_/,
  /^sqlite_/,
  /^postgres_/,
  /^mysql_/,
  /^load_/,
  /^getenv$/,
  /^http/,
  /execute/,
  /^duckdb_secrets$/,
  /^which_secret$/,
  /checkpoint$/,
  /logging$/,
  /^truncate_duckdb_logs$/,
];

/** Words after which a table (or a replacement-scanned file path) follows. */
const TABLE_BEFORE = new Set([
  'LATERAL',
  'TABLE',
  'PIVOT',
  'UNPIVOT',
  'DESCRIBE',
  'SUMMARIZE',
  'SHOW',
  'INTO',
  'UPDATE',
]);
/** Words that end a FROM clause at their paren level. */
const CLAUSE_WORDS = new Set([
  'SELECT',
  'WHERE',
  'GROUP',
  'HAVING',
  'ORDER',
  'LIMIT',
  'OFFSET',
  'QUALIFY',
  'WINDOW',
  'UNION',
  'EXCEPT',
  'INTERSECT',
  'SET',
  'VALUES',
  'RETURNING',
]);

type Refusal = Extract<GuardResult, { ok: false }>;

const REASONS: Record<GuardCode, (p: Record<string, string | number>) => string> = {
  empty: () => 'there is no statement to run',
  unterminated: (p) => `an unterminated ${p.name}`,
  statement: (p) => `${p.name} statements are not allowed in the console`,
  protected: (p) => `'${p.name}' belongs to the app; create a table or view with another name`,
  fileAccess: (p) => `'${p.name}' reads files or the network, which the console does not allow`,
  keyword: (p) => `${p.name} is not allowed inside a query`,
  pragma: (p) => `PRAGMA ${p.name} is not allowed; PRAGMA table_info and show_tables are`,
  objectKind: (p) => `only tables and views can be created, changed or dropped here, not ${p.name}`,
};

function refuse(code: GuardCode, params: Record<string, string | number> = {}): Refusal {
  return { ok: false, code, params, reason: REASONS[code](params) };
}

const upper = (t: Token | undefined) => (t?.kind === 'word' ? t.value.toUpperCase() : '');
const isName = (t: Token | undefined) => t?.kind === 'word' || t?.kind === 'quoted';

/** Reads a possibly qualified name (`a`, `"a"`, `main.a`) at `i`; returns its last part and the index after it. */
function readName(tokens: readonly Token[], i: number): { name: string; next: number } | null {
  if (!isName(tokens[i])) return null;
  let name = tokens[i]!.value;
  let j = i + 1;
  while (tokens[j]?.kind === 'punct' && tokens[j]!.value === '.' && isName(tokens[j + 1])) {
    name = tokens[j + 1]!.value;
    j += 2;
  }
  return { name, next: j };
}

/**
 * Functions whose arguments use FROM as a keyword, not for a table: `extract(year FROM d)`, `substring(s FROM 2)`,
 * `trim(BOTH 'x' FROM s)`, `overlay(s PLACING t FROM 2)` — the special forms of DuckDB's (PostgreSQL's) grammar. They
 * are keywords, unquoted and unqualified (`main.extract(year FROM d)` is a syntax error), so only then is a FROM in
 * their parentheses let be.
 */
const FROM_ARGUMENT_CALLS = new Set(['EXTRACT', 'SUBSTRING', 'TRIM', 'OVERLAY']);

interface Level {
  /** In a FROM clause, where `,` lists tables. */
  from: boolean;
  /** The parentheses of a FROM_ARGUMENT_CALLS call, where a FROM of this level is a keyword argument. */
  fromArguments: boolean;
}

const isPunct = (t: Token | undefined, value: string) => t?.kind === 'punct' && t.value === value;

/** True when the FROM at `k` is the comparison `IS [NOT] DISTINCT FROM`. */
function isDistinctFrom(tokens: readonly Token[], k: number): boolean {
  if (upper(tokens[k - 1]) !== 'DISTINCT') return false;
  return upper(tokens[k - 2]) === 'IS' || (upper(tokens[k - 2]) === 'NOT' && upper(tokens[k - 3]) === 'IS');
}

/**
 * Checks the tokens of (part of) a statement for modifying words, file functions and string tables.
 *
 * A string (or a quoted name that looks like a path) where a table goes is a file or URL to DuckDB (a replacement
 * scan), at any depth: `exists(WITH a AS (…) FROM 'http://…')`, `x IN (FROM '…')`, `TABLE a UNION ALL (FROM '…')`. So
 * every FROM is taken to start a table list — in a subquery, a CTE body, a set operation or a call's parentheses
 * alike — except the comparison `IS [NOT] DISTINCT FROM` and the keyword argument of the four FROM_ARGUMENT_CALLS. It
 * errs towards refusing: a string after any other FROM is refused, whatever DuckDB would make of it.
 */
function scan(
  tokens: readonly Token[],
  options: { allow?: ReadonlySet<string>; tableFirst?: boolean } = {},
): Refusal | null {
  const allow = options.allow ?? new Set<string>();
  const levels: Level[] = [{ from: false, fromArguments: false }];
  let tablePosition = options.tableFirst ?? false;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    const prev = tokens[k - 1];
    const next = tokens[k + 1];
    const level = levels[levels.length - 1]!;
    const dotted = isPunct(prev, '.') || isPunct(next, '.');
    const wasTable = tablePosition;
    tablePosition = false;
    if (t.kind === 'word' && !dotted) {
      const w = t.value.toUpperCase();
      if (MODIFYING_WORDS.has(w) && !allow.has(w)) return refuse('keyword', { name: w });
      if (w === 'FROM') {
        if (!level.fromArguments && !isDistinctFrom(tokens, k)) {
          level.from = true;
          tablePosition = true;
        }
      } else if (w === 'JOIN') {
        level.from = true;
        tablePosition = true;
      } else if (TABLE_BEFORE.has(w)) tablePosition = true;
      else if (CLAUSE_WORDS.has(w)) level.from = false;
    }
    if ((t.kind === 'word' || t.kind === 'quoted') && isPunct(next, '(')) {
      const fn = t.value.toLowerCase();
      if (FILE_FUNCTION.some((re) => re.test(fn))) return refuse('fileAccess', { name: t.value });
    }
    if (wasTable && t.kind === 'string') return refuse('fileAccess', { name: `'${t.value}'` });
    if (wasTable && t.kind === 'quoted' && /[./\\:*]/.test(t.value)) {
      return refuse('fileAccess', { name: `"${t.value}"` });
    }
    if (isPunct(t, '(')) {
      const fromArguments =
        !wasTable &&
        prev?.kind === 'word' &&
        !isPunct(tokens[k - 2], '.') &&
        FROM_ARGUMENT_CALLS.has(prev.value.toUpperCase());
      levels.push({ from: false, fromArguments });
      // `FROM (('x.csv'))` and `FROM (FROM …)`: a table may still follow.
      tablePosition = wasTable;
    } else if (isPunct(t, ')')) {
      if (levels.length > 1) levels.pop();
    } else if (isPunct(t, ',') && level.from) {
      tablePosition = true;
    }
  }
  return null;
}

export interface GuardContext {
  /** Lower-cased names of the app's objects. */
  protectedNames: ReadonlySet<string>;
}

/** True when `name` is the app's: a protected name, or any name starting with `gk`. */
function isAppName(name: string, context: GuardContext): boolean {
  const lower = name.toLowerCase();
  return context.protectedNames.has(lower) || lower.startsWith('gk');
}

/** The user's object at `i` (a qualified name), or a refusal. */
function ownObject(tokens: readonly Token[], i: number, context: GuardContext): { next: number } | Refusal {
  const read = readName(tokens, i);
  if (!read) return refuse('statement', { name: upper(tokens[0]) || 'this' });
  if (isAppName(read.name, context)) return refuse('protected', { name: read.name });
  return { next: read.next };
}

function skipWords(tokens: readonly Token[], i: number, ...words: string[]): number {
  let j = i;
  for (const w of words) {
    if (upper(tokens[j]) !== w) return i;
    j++;
  }
  return j;
}

function checkStatement(tokens: readonly Token[], context: GuardContext): Refusal | null {
  const first = upper(tokens[0]);
  if (tokens[0]?.kind === 'punct' && tokens[0].value === '(') return scan(tokens);
  if (QUERY_STARTS.has(first)) return scan(tokens);
  if (INSPECT_STARTS.has(first)) return scan(tokens.slice(1), { tableFirst: true });
  if (first === 'EXPLAIN') {
    let i = 1;
    if (tokens[i]?.kind === 'punct' && tokens[i]!.value === '(') {
      while (i < tokens.length && !(tokens[i]!.kind === 'punct' && tokens[i]!.value === ')')) i++;
      i++;
    }
    if (['ANALYZE', 'ANALYSE'].includes(upper(tokens[i]))) i++;
    const rest = tokens.slice(i);
    return rest.length === 0 ? refuse('empty') : checkStatement(rest, context);
  }
  if (first === 'PRAGMA') {
    const name = tokens[1]?.value.toLowerCase() ?? '';
    if (!READ_ONLY_PRAGMAS.has(name) || tokens.some((t) => t.kind === 'punct' && t.value === '=')) {
      return refuse('pragma', { name });
    }
    return scan(tokens.slice(2));
  }
  if (first === 'CREATE') {
    let i = skipWords(tokens, 1, 'OR', 'REPLACE');
    if (['TEMP', 'TEMPORARY'].includes(upper(tokens[i]))) i++;
    const kind = upper(tokens[i]);
    if (kind !== 'TABLE' && kind !== 'VIEW') return refuse('objectKind', { name: kind || String(tokens[i]?.value) });
    i = skipWords(tokens, i + 1, 'IF', 'NOT', 'EXISTS');
    const target = ownObject(tokens, i, context);
    if ('ok' in target) return target;
    return scan(tokens.slice(target.next));
  }
  if (first === 'DROP') {
    const kind = upper(tokens[1]);
    if (kind !== 'TABLE' && kind !== 'VIEW') return refuse('objectKind', { name: kind || String(tokens[1]?.value) });
    let i = skipWords(tokens, 2, 'IF', 'EXISTS');
    for (;;) {
      const target = ownObject(tokens, i, context);
      if ('ok' in target) return target;
      i = target.next;
      if (tokens[i]?.kind === 'punct' && tokens[i]!.value === ',') i++;
      else break;
    }
    const rest = tokens.slice(i);
    if (rest.length > 1 || (rest.length === 1 && !['CASCADE', 'RESTRICT'].includes(upper(rest[0])))) {
      return refuse('statement', { name: 'DROP' });
    }
    return null;
  }
  if (first === 'ALTER') {
    const kind = upper(tokens[1]);
    if (kind !== 'TABLE' && kind !== 'VIEW') return refuse('objectKind', { name: kind || String(tokens[1]?.value) });
    const target = ownObject(tokens, skipWords(tokens, 2, 'IF', 'EXISTS'), context);
    if ('ok' in target) return target;
    const rest = tokens.slice(target.next);
    // ALTER TABLE mine RENAME TO observations would put a user's table where the app looks.
    if (upper(rest[0]) === 'RENAME' && upper(rest[1]) === 'TO') {
      const renamed = ownObject(rest, 2, context);
      if ('ok' in renamed) return renamed;
    }
    return scan(rest, { allow: new Set(['SET', 'DROP', 'ALTER']) });
  }
  if (first === 'INSERT') {
    let i = 1;
    if (upper(tokens[i]) === 'OR' && ['REPLACE', 'IGNORE'].includes(upper(tokens[i + 1]))) i += 2;
    if (upper(tokens[i]) !== 'INTO') return refuse('statement', { name: 'INSERT' });
    const target = ownObject(tokens, i + 1, context);
    if ('ok' in target) return target;
    return scan(tokens.slice(target.next), { allow: new Set(['UPDATE', 'SET']) });
  }
  if (first === 'UPDATE') {
    const target = ownObject(tokens, 1, context);
    if ('ok' in target) return target;
    return scan(tokens.slice(target.next), { allow: new Set(['SET']) });
  }
  if (first === 'DELETE') {
    if (upper(tokens[1]) !== 'FROM') return refuse('statement', { name: 'DELETE' });
    const target = ownObject(tokens, 2, context);
    if ('ok' in target) return target;
    return scan(tokens.slice(target.next));
  }
  if (first === 'TRUNCATE') {
    const target = ownObject(tokens, skipWords(tokens, 1, 'TABLE'), context);
    if ('ok' in target) return target;
    return tokens.length > target.next ? refuse('statement', { name: 'TRUNCATE' }) : null;
  }
  return refuse('statement', { name: first || tokens[0]!.value });
}

/**
 * Whether the console may run `sql` (one or more statements). `protectedNames` are the app's objects (its views);
 * names starting with `gk` (the package's tables) are always protected. Comparison ignores case, as DuckDB does.
 */
export function guardSql(sql: string, protectedNames: readonly string[]): GuardResult {
  let tokens: Token[];
  try {
    tokens = tokenize(sql);
  } catch (error) {
    if (error instanceof Unterminated) return refuse('unterminated', { name: error.what });
    throw error;
  }
  const list = statements(tokens);
  if (list.length === 0) return refuse('empty');
  const context: GuardContext = { protectedNames: new Set(protectedNames.map((n) => n.toLowerCase())) };
  for (const [index, statement] of list.entries()) {
    const refusal = checkStatement(statement, context);
    if (refusal) {
      if (list.length === 1) return refusal;
      const params = { ...refusal.params, statement: index + 1 };
      return { ...refusal, params, reason: `statement ${index + 1}: ${refusal.reason}` };
    }
  }
  return { ok: true };
}

/** Where a statement stands in a text: its first token to the end of its last (comments and `;` around it outside). */
export interface StatementRange {
  start: number;
  end: number;
  /**
   * A query (SELECT, WITH, FROM-first, VALUES, TABLE, PIVOT/UNPIVOT or one in parentheses): it only reads and can
   * stand as a subquery. DESCRIBE, SHOW, SUMMARIZE, EXPLAIN and PRAGMA are not: their results are small and some
   * cannot be nested.
   */
  query: boolean;
}

/** The statements of `sql` (empty ones dropped) and where they stand; null for an unterminated string or comment. */
export function statementRanges(sql: string): StatementRange[] | null {
  let lexed: { tokens: Token[]; spans: Span[] };
  try {
    lexed = lex(sql);
  } catch (error) {
    if (error instanceof Unterminated) return null;
    throw error;
  }
  const { tokens, spans } = lexed;
  const ranges: StatementRange[] = [];
  let first = -1;
  for (let k = 0; k <= tokens.length; k++) {
    const t = tokens[k];
    if (t === undefined || t.kind === 'semicolon') {
      if (first >= 0) {
        const lead = tokens[first]!;
        const query = (lead.kind === 'punct' && lead.value === '(') || QUERY_STARTS.has(upper(lead));
        ranges.push({ start: spans[first]!.start, end: spans[k - 1]!.end, query });
      }
      first = -1;
    } else if (first < 0) first = k;
  }
  return ranges;
}

/** A table or view with its columns, for the console's sidebar. */
export interface SchemaTable {
  table: string;
  columns: { name: string; type: string }[];
}

/** The package's views and the user's own tables and views with their columns (the `gk*` tables left out). */
export const SCHEMA_SQL = `SELECT table_name, column_name, data_type FROM information_schema.columns
  WHERE table_schema IN ('main', 'temp') AND NOT starts_with(lower(table_name), 'gk')
  ORDER BY table_name, ordinal_position`;

/** Reads {@link SCHEMA_SQL}: pass the connector's `query` (`readSchema((sql) => db.query(sql))`). */
export async function readSchema(query: (sql: string) => Promise<{ toArray(): unknown[] }>): Promise<SchemaTable[]> {
  const result = await query(SCHEMA_SQL);
  const tables = new Map<string, SchemaTable>();
  for (const row of result.toArray() as { table_name: unknown; column_name: unknown; data_type: unknown }[]) {
    const table = String(row.table_name);
    let entry = tables.get(table);
    if (!entry) {
      entry = { table, columns: [] };
      tables.set(table, entry);
    }
    entry.columns.push({ name: String(row.column_name), type: String(row.data_type) });
  }
  return [...tables.values()];
}
