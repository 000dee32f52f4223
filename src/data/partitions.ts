import type { Connector } from '../db/connector.ts';
import type { DisclosureRow } from '../disclosure/model.ts';
import { sqlIdentifier, sqlString, sqlStringList } from '../queries/sql.ts';
import { type Area, type Indicator, OBSERVATION_STATUSES, PackageError } from './package.ts';
import { primaryRuleBreach, publishObservations } from './publish.ts';

/**
 * A partitioned package keeps its observations in Arrow IPC files, two ways: per indicator and period (what one map
 * needs) and per area (what one area's Kompas and trend need). The browser fetches only the files a view asks for;
 * both layouts hold the same rows, so a row already loaded is not loaded twice.
 */
export function indicatorPeriodPartition(indicator: string, period: number): string {
  return `obs/ip/${encodeURIComponent(indicator)}/${period}.arrow`;
}

/** The partitions that hold every observation of these areas: one file per area. */
export function areaPartitions(codes: readonly string[], areas: ReadonlyMap<string, Area>): string[] {
  return [...new Set(codes.filter((code) => areas.has(code)))]
    .sort()
    .map((code) => `obs/area/${encodeURIComponent(code)}.arrow`);
}

type PartitionContent = { kind: 'area'; area: string } | { kind: 'ip'; indicator: string; period: number };

/** What a partition file holds, read from its path (null for a path of neither layout). */
export function partitionContent(path: string): PartitionContent | null {
  const area = /^obs\/area\/([^/]+)\.arrow$/.exec(path);
  if (area) return { kind: 'area', area: decodeURIComponent(area[1]!) };
  const ip = /^obs\/ip\/([^/]+)\/(\d+)\.arrow$/.exec(path);
  if (ip) return { kind: 'ip', indicator: decodeURIComponent(ip[1]!), period: Number(ip[2]) };
  return null;
}

export interface PartitionTables {
  observations: string;
  areas: string;
  indicators: string;
  members: string;
}

/**
 * The indicators whose rows decide, with an indicator's own, which of its rows may be published: those sharing a
 * declared quantity with it (numerator_id, denominator_id; src/disclosure/model.ts). A count is hidden where a rate
 * with the same numerator stands on a small base, so a map file of that count is published together with the rate's
 * map file of the same year. Only direct neighbours matter: without the sums over the hierarchy (see below) a row is
 * hidden exactly when one of its own cells is sensitive, and a cell's sensitivity depends only on the rows that
 * expose it.
 */
export function linkedIndicators(indicators: readonly Indicator[]): Map<string, string[]> {
  const exposing = new Map<string, Set<string>>();
  const quantities = (i: Indicator) => [i.numerator_id, i.denominator_id].filter((q): q is string => !!q);
  for (const i of indicators) for (const q of quantities(i)) exposing.set(q, (exposing.get(q) ?? new Set()).add(i.id));
  const out = new Map<string, string[]>();
  for (const i of indicators) {
    const linked = new Set(quantities(i).flatMap((q) => [...exposing.get(q)!]));
    linked.delete(i.id);
    if (linked.size > 0) out.set(i.id, [...linked].sort());
  }
  return out;
}

/**
 * Loads partitions on demand, each into a small table of its own (`gk<g>_part_<n>`). A query that names its files
 * reads only their tables ({@link PartitionStore.route}); the view `observations` (for every other query, the SQL
 * console included) is the package's own table (own data lands there) and every loaded file, each row once. A file
 * passes the suppression once (src/data/publish.ts), when it is loaded: as a whole package would, but without the sums
 * over the hierarchy (a file holds one area, or one indicator-year), so the primary rules and the linked indicators
 * protect it. The two layouts overlap; where their verdicts on a row differ, the hidden one wins in both copies, in
 * whichever order they loaded: a row is `secret` as soon as any loaded file hides it.
 *
 * A package the build published (`"published": "build"` in dataset.json; scripts/national/publish.ts applied the full
 * rules, sums over the hierarchy included, and wrote both layouts from one public table) is inserted as it is: no
 * publish, no linked files, no reconciling. Its files are only checked: a file without a `status` column, with an
 * unknown status, or with a shown row the primary rules hide is refused, naming the file. Refused rather than
 * published again here: such a file is already served with the figure in it, so hiding it on screen would protect
 * nothing and keep the broken build from being noticed.
 */
export class PartitionStore {
  readonly #db: Connector;
  readonly #fetchBytes: (path: string) => Promise<Uint8Array>;
  readonly #tables: PartitionTables;
  /** The prefix of this package's tables (`gk3`), for the partition tables' names. */
  readonly #prefix: string;
  readonly #linked: ReadonlyMap<string, readonly string[]>;
  /** Set for a package the build published: its files are public tables already. */
  readonly #published: boolean;
  readonly #indicators: readonly Indicator[];
  /** The package's area and indicator codes, which a published file's rows must name (see #checkPublished). */
  readonly #areaCodes: ReadonlySet<string>;
  readonly #indicatorIds: ReadonlySet<string>;
  /** One promise per partition, from the first ask until it failed: a partition in flight is never loaded twice. */
  readonly #loaded = new Map<string, Promise<void>>();
  /** Raw bytes per file, shared by a file's own load and the loads that read it as linked context. */
  readonly #bytes = new Map<string, Promise<Uint8Array>>();
  #insertQueue: Promise<void> = Promise.resolve();
  #pendingInserts = 0;
  #prefetchList: string[] = [];
  #prefetching = false;
  #onPrefetched: ((path: string) => void) | null = null;
  #counter = 0;
  #closed = false;
  /** The table of each loaded area and indicator-period (inserts run one at a time, so this is exact). */
  readonly #areaTables = new Map<string, string>();
  readonly #ipTables = new Map<string, string>();
  /** Tables of files of neither layout, by path. */
  readonly #otherTables = new Map<string, string>();
  /** The rows (area|indicator|period) some loaded file hides: both copies of such a row are hidden. */
  readonly #secret = new Set<string>();
  /** Files whose codes passed {@link #checkCodes}: a linked file read again as context is not checked again. */
  readonly #checkedCodes = new Set<string>();
  /**
   * `observations` lacks a loaded table: it is rebuilt when a query reads it ({@link PartitionStore.syncView}), not
   * on every load (a routed query never reads it, and its union grows with every file).
   */
  #viewStale = false;
  /** A rebuild is in the insert queue and has not started: a load registered before it starts is in it. */
  #viewQueued = false;
  #viewSync: Promise<void> | null = null;
  /** Bytes fetched so far (for the benchmark: how much of the package the views needed). */
  bytesFetched = 0;

  readonly #available: Readonly<Record<string, readonly number[]>> | null;

  /**
   * @param prefix this package's table prefix (`gk3`): the partition tables are `gk3_part_<n>`, dropped with it.
   * @param available the periods each indicator has a map file for (`indicator_periods` in dataset.json; survey
   *   indicators skip years); null when every indicator has every period.
   * @param indicators the package's indicators: their declared quantities link map files (see linkedIndicators).
   * @param areas the package's areas: a published file naming another area is refused.
   * @param published the build published the files (dataset.json `"published": "build"`): each is inserted as it is.
   */
  constructor(
    db: Connector,
    fetchBytes: (path: string) => Promise<Uint8Array>,
    tables: PartitionTables,
    options: {
      prefix: string;
      available?: Readonly<Record<string, readonly number[]>> | null;
      indicators?: readonly Indicator[];
      areas: readonly Area[];
      published?: boolean;
    },
  ) {
    this.#db = db;
    this.#fetchBytes = fetchBytes;
    this.#tables = tables;
    this.#prefix = options.prefix;
    this.#available = options.available ?? null;
    this.#indicators = options.indicators ?? [];
    this.#areaCodes = new Set(options.areas.map((a) => a.code));
    this.#indicatorIds = new Set(this.#indicators.map((i) => i.id));
    this.#published = options.published ?? false;
    this.#linked = this.#published ? new Map() : linkedIndicators(this.#indicators);
  }

  /** The map file of an indicator in a period, or null when the package has none (not measured that year). */
  indicatorPeriod(indicator: string, period: number): string | null {
    const periods = this.#available?.[indicator];
    return !this.#available || periods?.includes(period) ? indicatorPeriodPartition(indicator, period) : null;
  }

  /**
   * Resolves when every path is loaded (loading the ones that are not): readable through {@link route}, and through
   * `observations` after {@link syncView}.
   */
  ensure(paths: readonly string[]): Promise<void> {
    return Promise.all(paths.map((path) => this.#ensureOne(path))).then(() => undefined);
  }

  /**
   * Loads files a user is likely to ask for next (the indicator's other years, the theme's other indicators), one at
   * a time and only while nothing else is being inserted, so it never delays a real request by more than one insert.
   * A new list replaces the old one (the guesses made for the previous view are stale). Failures are ignored.
   */
  prefetch(paths: readonly string[], onLoaded?: (path: string) => void): void {
    this.#onPrefetched = onLoaded ?? null;
    this.#prefetchList = [...paths];
    void this.#drainPrefetch();
  }

  async #drainPrefetch(): Promise<void> {
    if (this.#prefetching) return;
    this.#prefetching = true;
    try {
      while (this.#prefetchList.length > 0 && !this.#closed) {
        if (this.#pendingInserts > 0) {
          await new Promise((resolve) => setTimeout(resolve, 25));
          continue;
        }
        const next = this.#prefetchList.shift()!;
        const done = this.#onPrefetched;
        await this.#ensureOne(next).then(
          () => done?.(next),
          () => undefined,
        );
      }
    } finally {
      this.#prefetching = false;
    }
  }

  /**
   * Brings `observations` up to every file loaded so far; what runs a query that reads the view rather than routed
   * tables (the Coordinator) calls this first. Runs in the insert queue, so a load under way finishes first.
   */
  syncView(): Promise<void> {
    if (this.#closed) return Promise.resolve();
    // Up to date, or its rebuild under way: that one answers.
    if (!this.#viewStale) return this.#viewSync ?? Promise.resolve();
    if (!this.#viewQueued) {
      this.#viewQueued = true;
      const sync = this.#insertQueue.then(async () => {
        this.#viewQueued = false;
        if (!this.#viewStale || this.#closed) return;
        this.#viewStale = false;
        try {
          await this.#db.query(`CREATE OR REPLACE VIEW observations AS ${this.#unionSql(null)}`);
        } catch (error) {
          this.#viewStale = true;
          throw error;
        }
      });
      this.#insertQueue = sync.catch(() => undefined);
      this.#viewSync = sync;
    }
    return this.#viewSync!;
  }

  /** Stops loading: the package is being replaced (its tables are dropped with its generation). */
  close(): void {
    this.#closed = true;
  }

  #fetch(path: string): Promise<Uint8Array> {
    let bytes = this.#bytes.get(path);
    if (!bytes) {
      bytes = this.#fetchBytes(path).then((b) => {
        this.bytesFetched += b.byteLength;
        return b;
      });
      bytes.catch(() => this.#bytes.delete(path));
      this.#bytes.set(path, bytes);
    }
    return bytes;
  }

  /** The map files of the linked indicators in the same year: read with an indicator-period file, not loaded. */
  #context(path: string): string[] {
    const content = partitionContent(path);
    if (content?.kind !== 'ip') return [];
    return (this.#linked.get(content.indicator) ?? [])
      .map((id) => this.indicatorPeriod(id, content.period))
      .filter((p): p is string => p !== null);
  }

  #ensureOne(path: string): Promise<void> {
    let pending = this.#loaded.get(path);
    if (!pending) {
      const context = this.#context(path);
      this.#pendingInserts++;
      pending = Promise.all([this.#fetch(path), ...context.map((p) => this.#fetch(p))]).then((bytes) => {
        const insert = this.#insertQueue.then(() => this.#insert(path, bytes[0]!, context, bytes.slice(1)));
        this.#insertQueue = insert.catch(() => undefined);
        return insert;
      });
      // A failed load may be retried later (e.g. after a network hiccup).
      pending
        .then(() => this.#bytes.delete(path))
        .catch(() => this.#loaded.delete(path))
        .finally(() => this.#pendingInserts--);
      this.#loaded.set(path, pending);
    }
    return pending;
  }

  async #insert(path: string, bytes: Uint8Array, contextPaths: string[], context: Uint8Array[]): Promise<void> {
    if (this.#closed) return;
    if (this.#published) return this.#insertPublished(path, bytes);
    const n = ++this.#counter;
    const raw = [bytes, ...context].map((_, k) => `gk_part_raw_${this.#prefix}_${n}_${k}`);
    const table = sqlIdentifier(`${this.#prefix}_part_${n}`);
    const { indicators, members } = this.#tables;
    try {
      for (const [k, b] of [bytes, ...context].entries()) await this.#db.insertArrowIPC(raw[k]!, b);
      for (const [k, name] of raw.entries()) {
        const file = [path, ...contextPaths][k]!;
        if (this.#checkedCodes.has(file)) continue;
        await this.#checkCodes(sqlIdentifier(name), file);
        this.#checkedCodes.add(file);
      }
      const source =
        raw.length === 1
          ? sqlIdentifier(raw[0]!)
          : `(${raw.map((name) => `SELECT * FROM ${sqlIdentifier(name)}`).join(' UNION ALL ')})`;
      await publishObservations(this.#db, { source, indicators, members }, table);
    } finally {
      for (const name of raw) await this.#db.query(`DROP TABLE IF EXISTS ${sqlIdentifier(name)}`);
    }
    try {
      const content = partitionContent(path);
      // The linked files were read for their verdicts on this file's rows; their own rows load with them.
      if (content?.kind === 'ip' && contextPaths.length > 0)
        await this.#db.query(`DELETE FROM ${table} WHERE indicator_id <> ${sqlString(content.indicator)}`);
      await this.#reconcile(table, content);
      this.#register(path, table, content);
    } catch (error) {
      await this.#db.query(`DROP TABLE IF EXISTS ${table}`);
      if (this.#closed) return;
      throw error;
    }
  }

  /**
   * Makes a loaded file's table read: routed to by what it holds ({@link PartitionStore.route}), and in
   * `observations` from the next {@link syncView}.
   */
  #register(path: string, table: string, content: PartitionContent | null): void {
    if (this.#closed) throw new Error('closed');
    if (content?.kind === 'area') this.#areaTables.set(content.area, table);
    else if (content?.kind === 'ip') this.#ipTables.set(ipKey(content.indicator, content.period), table);
    else this.#otherTables.set(path, table);
    this.#viewStale = true;
  }

  /** A file the build published: checked (see the class comment), then inserted into a table of its own. */
  async #insertPublished(path: string, bytes: Uint8Array): Promise<void> {
    const n = ++this.#counter;
    const raw = sqlIdentifier(`gk_part_raw_${this.#prefix}_${n}`);
    const table = sqlIdentifier(`${this.#prefix}_part_${n}`);
    try {
      await this.#db.insertArrowIPC(`gk_part_raw_${this.#prefix}_${n}`, bytes);
      await this.#checkPublished(raw, path);
      // A row with a status carries no figure, whatever the file holds.
      await this.#db.query(`CREATE TABLE ${table} AS SELECT area_code, indicator_id, CAST(period AS SMALLINT) AS period,
        CASE WHEN status IS NULL THEN CAST(value AS DOUBLE) END AS value,
        CASE WHEN status IS NULL THEN CAST(numerator AS DOUBLE) END AS numerator,
        CASE WHEN status IS NULL THEN CAST(denominator AS DOUBLE) END AS denominator,
        status IS NOT NULL AS suppressed, CAST(status AS VARCHAR) AS status
        FROM ${raw}`);
    } finally {
      await this.#db.query(`DROP TABLE IF EXISTS ${raw}`);
    }
    try {
      this.#register(path, table, partitionContent(path));
    } catch (error) {
      await this.#db.query(`DROP TABLE IF EXISTS ${table}`);
      if (this.#closed) return;
      throw error;
    }
  }

  /**
   * A published file's area and indicator codes must be the package's, it must say why each empty row is empty (a
   * `status` of OBSERVATION_STATUSES), and no row it shows may break the primary rules (publish.ts
   * primaryRuleBreach): a PackageError naming the file otherwise, in that order, each naming its first row in the
   * file. One query reads the file's rows and the codes are looked up here: `NOT IN (SELECT …)` over the package's
   * tables in that query made it several times slower than reading the rows (profiled: most of a published file's
   * load).
   */
  async #checkPublished(tmp: string, path: string): Promise<void> {
    let rows: Awaited<ReturnType<Connector['query']>>;
    try {
      rows = await this.#db.query(`SELECT area_code, indicator_id, period, value, numerator, denominator,
          CAST(status AS VARCHAR) AS status FROM ${tmp}`);
    } catch (error) {
      const columns = await this.#db.query(`SELECT column_name FROM (DESCRIBE ${tmp})`);
      if (columns.toArray().some((r) => (r.toJSON() as { column_name: string }).column_name === 'status')) throw error;
      await this.#checkCodes(tmp, path);
      throw new PackageError([{ file: path, column: 'status', code: 'missingColumn', params: { value: 'status' } }]);
    }
    const [area, indicator, period, value, numerator, denominator, status] = rows.schema.fields.map(
      (f) => rows.getChild(f.name)!,
    );
    const values = (column: typeof area) =>
      Array.from({ length: rows.numRows }, (_, i) => column!.get(i) as string | null);
    const areas = values(area);
    const indicators = values(indicator);
    // A missing code is no unknown one (as SQL's `NOT IN` has it): the row is judged by its status and figures.
    const unknownAreaCode = areas.find((code): code is string => code !== null && !this.#areaCodes.has(code));
    if (unknownAreaCode !== undefined)
      throw new PackageError([
        { file: path, column: 'area_code', code: 'unknownArea', params: { value: unknownAreaCode } },
      ]);
    const unknownIndicatorId = indicators.find((id): id is string => id !== null && !this.#indicatorIds.has(id));
    if (unknownIndicatorId !== undefined)
      throw new PackageError([
        { file: path, column: 'indicator_id', code: 'unknownIndicator', params: { value: unknownIndicatorId } },
      ]);
    const shown: DisclosureRow[] = [];
    const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
    for (let i = 0; i < rows.numRows; i++) {
      const s = status!.get(i) as string | null;
      if (s !== null) {
        if ((OBSERVATION_STATUSES as readonly string[]).includes(s)) continue;
        throw new PackageError([
          {
            file: path,
            column: 'status',
            code: 'invalidEnum',
            params: { value: s, allowed: OBSERVATION_STATUSES.join(', ') },
          },
        ]);
      }
      shown.push({
        area_code: String(areas[i]),
        indicator_id: String(indicators[i]),
        period: Number(period!.get(i)),
        value: num(value!.get(i)),
        numerator: num(numerator!.get(i)),
        denominator: num(denominator!.get(i)),
      });
    }
    const breach = primaryRuleBreach(shown, this.#indicators);
    if (breach)
      throw new PackageError([
        {
          file: path,
          code: 'unprotectedRow',
          params: { area: breach.area_code, indicator: breach.indicator_id, period: breach.period },
        },
      ]);
  }

  /** A file's area and indicator codes must be the package's (a PackageError naming the file otherwise). */
  async #checkCodes(tmp: string, path: string): Promise<void> {
    const { areas, indicators } = this.#tables;
    const unknown = await this.#db.query(`SELECT
        (SELECT any_value(area_code) FROM ${tmp} WHERE area_code NOT IN (SELECT code FROM ${areas})) AS area,
        (SELECT any_value(indicator_id) FROM ${tmp} WHERE indicator_id NOT IN (SELECT id FROM ${indicators})) AS indicator`);
    const row = unknown.toArray()[0] as { area: string | null; indicator: string | null } | undefined;
    if (row?.area)
      throw new PackageError([{ file: path, column: 'area_code', code: 'unknownArea', params: { value: row.area } }]);
    if (row?.indicator)
      throw new PackageError([
        { file: path, column: 'indicator_id', code: 'unknownIndicator', params: { value: row.indicator } },
      ]);
  }

  /**
   * Brings the two copies of a row (one per layout) to the stricter verdict: a row the new file hides is hidden in the
   * table of the other layout that holds it, and a row hidden there is hidden in the new table. Each table stays
   * whole, so a query reads only the files it asked for (see {@link route}).
   */
  async #reconcile(table: string, content: PartitionContent | null): Promise<void> {
    const secret = (
      await this.#db.query(`SELECT area_code, indicator_id, period FROM ${table} WHERE status = 'secret'`)
    )
      .toArray()
      .map((r) => {
        const o = r.toJSON() as { area_code: string; indicator_id: string; period: number };
        return { area: o.area_code, indicator: o.indicator_id, period: Number(o.period) };
      });
    const newly = new Set(secret.map((r) => rowKey(r.area, r.indicator, r.period)));
    const hide = `SET value = NULL, numerator = NULL, denominator = NULL, suppressed = true, status = 'secret'`;
    if (content?.kind === 'ip') {
      const { indicator, period } = content;
      for (const r of secret) {
        const other = this.#areaTables.get(r.area);
        if (other && !this.#secret.has(rowKey(r.area, indicator, period)))
          await this.#db.query(`UPDATE ${other} ${hide} WHERE area_code = ${sqlString(r.area)}
            AND indicator_id = ${sqlString(indicator)} AND period = ${period}`);
      }
      const elsewhere = [...this.#secret]
        .filter((k) => !newly.has(k))
        .map(splitKey)
        .filter((k) => k.indicator === indicator && k.period === period);
      if (elsewhere.length > 0)
        await this.#db.query(
          `UPDATE ${table} ${hide} WHERE area_code IN ${sqlStringList(elsewhere.map((k) => k.area))}`,
        );
    } else if (content?.kind === 'area') {
      const { area } = content;
      for (const r of secret) {
        const other = this.#ipTables.get(ipKey(r.indicator, r.period));
        if (other && !this.#secret.has(rowKey(area, r.indicator, r.period)))
          await this.#db.query(`UPDATE ${other} ${hide} WHERE area_code = ${sqlString(area)}`);
      }
      const elsewhere = [...this.#secret]
        .filter((k) => !newly.has(k))
        .map(splitKey)
        .filter((k) => k.area === area);
      if (elsewhere.length > 0)
        await this.#db.query(`UPDATE ${table} ${hide}
          WHERE (indicator_id || '|' || CAST(period AS VARCHAR)) IN ${sqlStringList(elsewhere.map((k) => ipKey(k.indicator, k.period)))}`);
    } else {
      // A file of neither layout: its rows already loaded are left out (the first verdict stands).
      await this.#db.query(`DELETE FROM ${table} p WHERE EXISTS (SELECT 1 FROM (${this.#unionSql(null)}) o
        WHERE o.area_code = p.area_code AND o.indicator_id = p.indicator_id AND o.period = p.period)`);
    }
    for (const k of newly) this.#secret.add(k);
  }

  /**
   * The SQL of `observations` over the package's own table and the tables of `paths` (every loaded file for null),
   * each row once: an area file's rows of an indicator-year whose map file is in the list are taken from the map file.
   */
  #unionSql(paths: readonly string[] | null): string {
    const wanted = paths === null ? null : new Set(paths);
    const pick = <K>(map: Map<K, string>, pathOf: (key: K) => string) =>
      [...map].filter(([key]) => wanted === null || wanted.has(pathOf(key)));
    const ip = pick(this.#ipTables, (key) => {
      const [indicator, period] = key.split('|');
      return indicatorPeriodPartition(indicator!, Number(period));
    });
    const area = pick(this.#areaTables, (code) => `obs/area/${encodeURIComponent(code)}.arrow`);
    const other = [...this.#otherTables].filter(([path]) => wanted === null || wanted.has(path));
    const overlap =
      ip.length === 0
        ? ''
        : ` WHERE (indicator_id || '|' || CAST(period AS VARCHAR)) NOT IN ${sqlStringList(ip.map(([key]) => key))}`;
    return [
      `SELECT * FROM ${this.#tables.observations}`,
      ...ip.map(([, t]) => `SELECT * FROM ${t}`),
      ...other.map(([, t]) => `SELECT * FROM ${t}`),
      ...area.map(([, t]) => `SELECT * FROM ${t}${overlap}`),
    ].join('\nUNION ALL ');
  }

  /**
   * `sql` reading only the tables of `paths` (loaded): `observations` becomes a CTE over them, which shadows the view.
   * A map reads one small table instead of a union of every file loaded so far. `sql` unchanged when a path has no
   * table (the view answers).
   */
  route(sql: string, paths: readonly string[]): string {
    if (this.#closed || paths.some((p) => !this.#hasTable(p))) return sql;
    const cte = `observations AS (${this.#unionSql(paths)})`;
    const withClause = /^\s*WITH(\s+RECURSIVE)?\s/i.exec(sql);
    return withClause ? `${withClause[0]}${cte},\n${sql.slice(withClause[0].length)}` : `WITH ${cte}\n${sql}`;
  }

  #hasTable(path: string): boolean {
    const content = partitionContent(path);
    if (content?.kind === 'area') return this.#areaTables.has(content.area);
    if (content?.kind === 'ip') return this.#ipTables.has(ipKey(content.indicator, content.period));
    return this.#otherTables.has(path);
  }
}

const ipKey = (indicator: string, period: number) => `${indicator}|${period}`;
const rowKey = (area: string, indicator: string, period: number) => `${area}|${indicator}|${period}`;
const splitKey = (key: string) => {
  const [area, indicator, period] = key.split('|');
  return { area: area!, indicator: indicator!, period: Number(period) };
};
