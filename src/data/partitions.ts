import type { Connector } from '../db/connector.ts';
import { sqlIdentifier, sqlString } from '../queries/sql.ts';
import { type Area, PackageError } from './package.ts';
import { publishObservations } from './publish.ts';

/**
 * A partitioned package keeps its observations in Arrow IPC files, two ways: per indicator and period (what one map
 * needs) and per area (what one area's Kompas and trend need). The browser fetches only the files a view asks for;
 * both layouts hold the same rows, so a row already loaded is not inserted twice.
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

/** What a partition file holds, read from its path (null for a path of neither layout). */
export function partitionContent(
  path: string,
): { kind: 'area'; area: string } | { kind: 'ip'; indicator: string; period: number } | null {
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
 * Loads partitions into the package's observations table on demand. Fetches run in parallel, inserts one after
 * another; each file is checked (known areas and indicators) and passes the same suppression as a whole package.
 */
export class PartitionStore {
  readonly #db: Connector;
  readonly #fetchBytes: (path: string) => Promise<Uint8Array>;
  readonly #tables: PartitionTables;
  readonly #loaded = new Map<string, Promise<void>>();
  #insertQueue: Promise<void> = Promise.resolve();
  #pendingInserts = 0;
  #prefetchList: string[] = [];
  #prefetching = false;
  #onPrefetched: ((path: string) => void) | null = null;
  #counter = 0;
  #closed = false;
  /** Areas and indicator-periods whose files are in the table (inserts run one at a time, so this is exact). */
  readonly #insertedAreas = new Set<string>();
  readonly #insertedIp = new Set<string>();
  /** Bytes fetched so far (for the benchmark: how much of the package the views needed). */
  bytesFetched = 0;

  readonly #available: Readonly<Record<string, readonly number[]>> | null;

  /**
   * @param available the periods each indicator has a map file for (`indicator_periods` in dataset.json; survey
   *   indicators skip years); null when every indicator has every period.
   */
  constructor(
    db: Connector,
    fetchBytes: (path: string) => Promise<Uint8Array>,
    tables: PartitionTables,
    available: Readonly<Record<string, readonly number[]>> | null = null,
  ) {
    this.#db = db;
    this.#fetchBytes = fetchBytes;
    this.#tables = tables;
    this.#available = available;
  }

  /** The map file of an indicator in a period, or null when the package has none (not measured that year). */
  indicatorPeriod(indicator: string, period: number): string | null {
    const periods = this.#available?.[indicator];
    return !this.#available || periods?.includes(period) ? indicatorPeriodPartition(indicator, period) : null;
  }

  /** Resolves when every path is in the observations table (loading the ones that are not). */
  ensure(paths: readonly string[]): Promise<void> {
    return Promise.all(paths.map((path) => this.#ensureOne(path))).then(() => undefined);
  }

  /**
   * Loads files a user is likely to ask for next (the neighbouring years, the theme's other indicators), one at a
   * time and only while nothing else is being inserted, so it never delays a real request by more than one insert.
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

  /** Stops inserting: the package was replaced and its tables are gone. */
  close(): void {
    this.#closed = true;
  }

  #ensureOne(path: string): Promise<void> {
    let pending = this.#loaded.get(path);
    if (!pending) {
      const bytes = this.#fetchBytes(path).then((b) => {
        this.bytesFetched += b.byteLength;
        return b;
      });
      this.#pendingInserts++;
      pending = bytes.then((b) => {
        const insert = this.#insertQueue.then(() => this.#insert(path, b));
        this.#insertQueue = insert.catch(() => undefined);
        return insert;
      });
      // A failed load may be retried later (e.g. after a network hiccup).
      pending.catch(() => this.#loaded.delete(path)).finally(() => this.#pendingInserts--);
      this.#loaded.set(path, pending);
    }
    return pending;
  }

  async #insert(path: string, bytes: Uint8Array): Promise<void> {
    if (this.#closed) return;
    const tmp = sqlIdentifier(`gk_part_${++this.#counter}`);
    const { observations, areas, indicators, members } = this.#tables;
    await this.#db.insertArrowIPC(`gk_part_${this.#counter}`, bytes);
    try {
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
      const pub = sqlIdentifier(`gk_part_${this.#counter}_public`);
      try {
        await publishObservations(this.#db, { source: tmp, indicators, members }, pub);
        await this.#db.query(
          `INSERT INTO ${observations} SELECT p.* FROM ${pub} p WHERE ${this.#notYetInserted(path)}`,
        );
      } finally {
        await this.#db.query(`DROP TABLE IF EXISTS ${pub}`);
      }
      const content = partitionContent(path);
      if (content?.kind === 'area') this.#insertedAreas.add(content.area);
      if (content?.kind === 'ip') this.#insertedIp.add(ipKey(content.indicator, content.period));
    } finally {
      await this.#db.query(`DROP TABLE IF EXISTS ${tmp}`);
    }
  }

  /**
   * The rows of `path` that are not in the table yet. Both layouts hold the same rows, so a row of an area file is
   * already there exactly when its indicator-period file is, and the reverse: a filter on a short list of loaded
   * files, instead of an anti-join against the whole (growing) observations table on every insert.
   */
  #notYetInserted(path: string): string {
    const content = partitionContent(path);
    const { observations } = this.#tables;
    if (content === null)
      return `NOT EXISTS (SELECT 1 FROM ${observations} o
          WHERE o.area_code = p.area_code AND o.indicator_id = p.indicator_id AND o.period = p.period)`;
    if (content.kind === 'area')
      return this.#insertedIp.size === 0
        ? 'true'
        : `(p.indicator_id || '|' || CAST(p.period AS VARCHAR)) NOT IN (${[...this.#insertedIp].map(sqlString).join(', ')})`;
    return this.#insertedAreas.size === 0
      ? 'true'
      : `p.area_code NOT IN (${[...this.#insertedAreas].map(sqlString).join(', ')})`;
  }
}

const ipKey = (indicator: string, period: number) => `${indicator}|${period}`;
