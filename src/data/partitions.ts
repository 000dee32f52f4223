import type { Connector } from '../db/connector.ts';
import { sqlIdentifier, sqlString, sqlStringList } from '../queries/sql.ts';
import { type Area, type Indicator, PackageError } from './package.ts';
import { publishObservations } from './publish.ts';

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
 * Loads partitions on demand, each into a small table of its own (`gk<g>_part_<n>`); the view `observations` is
 * the package's own table (own data lands there) and every loaded partition, UNION ALL, so the SQL builders read one
 * name. A file passes the suppression once (src/data/publish.ts), when it is loaded: as a whole package would, but
 * without the sums over the hierarchy (a partition holds one area, or one indicator-year), so the primary rules and
 * the linked indicators protect it. The two layouts overlap; the tables stay disjoint (a row already loaded through
 * the other layout is left out of the new table), and where the two publications of a row disagree the hidden one
 * wins, in whichever order they loaded: a row is `secret` as soon as any loaded file hides it.
 */
export class PartitionStore {
  readonly #db: Connector;
  readonly #fetchBytes: (path: string) => Promise<Uint8Array>;
  readonly #tables: PartitionTables;
  /** The prefix of this package's tables (`gk3`), for the partition tables' names. */
  readonly #prefix: string;
  readonly #linked: ReadonlyMap<string, readonly string[]>;
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
  /** Tables of files of neither layout. */
  readonly #otherTables: string[] = [];
  /** Bytes fetched so far (for the benchmark: how much of the package the views needed). */
  bytesFetched = 0;

  readonly #available: Readonly<Record<string, readonly number[]>> | null;

  /**
   * @param prefix this package's table prefix (`gk3`): the partition tables are `gk3_part_<n>`, dropped with it.
   * @param available the periods each indicator has a map file for (`indicator_periods` in dataset.json; survey
   *   indicators skip years); null when every indicator has every period.
   * @param indicators the package's indicators: their declared quantities link map files (see linkedIndicators).
   */
  constructor(
    db: Connector,
    fetchBytes: (path: string) => Promise<Uint8Array>,
    tables: PartitionTables,
    options: {
      prefix: string;
      available?: Readonly<Record<string, readonly number[]>> | null;
      indicators?: readonly Indicator[];
    },
  ) {
    this.#db = db;
    this.#fetchBytes = fetchBytes;
    this.#tables = tables;
    this.#prefix = options.prefix;
    this.#available = options.available ?? null;
    this.#linked = linkedIndicators(options.indicators ?? []);
  }

  /** The map file of an indicator in a period, or null when the package has none (not measured that year). */
  indicatorPeriod(indicator: string, period: number): string | null {
    const periods = this.#available?.[indicator];
    return !this.#available || periods?.includes(period) ? indicatorPeriodPartition(indicator, period) : null;
  }

  /** Resolves when every path is readable through `observations` (loading the ones that are not). */
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
    const n = ++this.#counter;
    const raw = [bytes, ...context].map((_, k) => `gk_part_raw_${this.#prefix}_${n}_${k}`);
    const table = sqlIdentifier(`${this.#prefix}_part_${n}`);
    const { indicators, members } = this.#tables;
    try {
      for (const [k, b] of [bytes, ...context].entries()) await this.#db.insertArrowIPC(raw[k]!, b);
      for (const [k, name] of raw.entries()) await this.#checkCodes(sqlIdentifier(name), [path, ...contextPaths][k]!);
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
      await this.#merge(table, content);
      if (this.#closed) throw new Error('closed');
      if (content?.kind === 'area') this.#areaTables.set(content.area, table);
      else if (content?.kind === 'ip') this.#ipTables.set(ipKey(content.indicator, content.period), table);
      else this.#otherTables.push(table);
      await this.#db.query(`CREATE OR REPLACE VIEW observations AS ${this.#unionSql()}`);
    } catch (error) {
      await this.#db.query(`DROP TABLE IF EXISTS ${table}`);
      if (this.#closed) return;
      throw error;
    }
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
   * Makes the new table disjoint from the loaded ones, keeping the stricter verdict: a row the new file hides is hidden
   * in the table that already holds it, then the rows loaded before are left out of the new table. Both layouts hold
   * the same rows, so a row of an area file is loaded exactly when its indicator-period file is, and the reverse: a
   * filter on a short list of loaded files, instead of an anti-join against everything loaded.
   */
  async #merge(table: string, content: PartitionContent | null): Promise<void> {
    const hide = `value = NULL, numerator = NULL, denominator = NULL, suppressed = true, status = 'secret'`;
    if (content?.kind === 'ip') {
      const loaded = [...this.#areaTables.keys()];
      if (loaded.length === 0) return;
      const where = `area_code IN ${sqlStringList(loaded)}`;
      const secret = await this.#db.query(`SELECT area_code FROM ${table} WHERE status = 'secret' AND ${where}`);
      for (const r of secret.toArray()) {
        const area = String((r.toJSON() as { area_code: string }).area_code);
        await this.#db.query(`UPDATE ${this.#areaTables.get(area)!} SET ${hide} WHERE area_code = ${sqlString(area)}
          AND indicator_id = ${sqlString(content.indicator)} AND period = ${content.period}`);
      }
      await this.#db.query(`DELETE FROM ${table} WHERE ${where}`);
    } else if (content?.kind === 'area') {
      const loaded = [...this.#ipTables.keys()];
      if (loaded.length === 0) return;
      const where = `(indicator_id || '|' || CAST(period AS VARCHAR)) IN ${sqlStringList(loaded)}`;
      const secret = await this.#db.query(
        `SELECT indicator_id, period FROM ${table} WHERE status = 'secret' AND ${where}`,
      );
      for (const r of secret.toArray()) {
        const { indicator_id, period } = r.toJSON() as { indicator_id: string; period: number };
        await this.#db.query(`UPDATE ${this.#ipTables.get(ipKey(indicator_id, Number(period)))!} SET ${hide}
          WHERE area_code = ${sqlString(content.area)}`);
      }
      await this.#db.query(`DELETE FROM ${table} WHERE ${where}`);
    } else {
      await this.#db.query(`DELETE FROM ${table} p WHERE EXISTS (SELECT 1 FROM (${this.#unionSql()}) o
        WHERE o.area_code = p.area_code AND o.indicator_id = p.indicator_id AND o.period = p.period)`);
    }
  }

  #unionSql(): string {
    return [this.#tables.observations, ...this.#areaTables.values(), ...this.#ipTables.values(), ...this.#otherTables]
      .map((t) => `SELECT * FROM ${t}`)
      .join('\nUNION ALL ');
  }
}

const ipKey = (indicator: string, period: number) => `${indicator}|${period}`;
