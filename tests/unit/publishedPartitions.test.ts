/**
 * A partitioned package published at build time (scripts/national/publish.ts, `"published": "build"`): the files the
 * server hands out give no secret figure away, even to someone who fetches every file and works the sums over the
 * hierarchy; the app shows exactly the public rows of a publish of the whole package; and a file that shows what the
 * primary rules hide is refused, naming the file.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_STATUS, ObservationColumns, observationsIpc } from '../../scripts/national/arrow.ts';
import { loadPartitionedPackage, type PartitionedFiles } from '../../src/data/load.ts';
import { OBSERVATION_STATUSES, PackageError } from '../../src/data/package.ts';
import { publishObservations } from '../../src/data/publish.ts';
import { validateAreaTable, validateDatasetMeta, validateIndicators } from '../../src/data/validate.ts';
import type { Connector } from '../../src/db/connector.ts';
import { createNodeConnector } from '../../src/db/node.ts';
import type { DisclosureRow } from '../../src/disclosure/model.ts';
import { PUBLIC_TABLE_COLUMNS } from '../../src/export/publicTable.ts';
import { auditShown } from '../fixtures/disclosureAudit.ts';
import { expectEqual } from '../fixtures/expectEqual.ts';
import { smallNational } from './nationalOnce.ts';

interface FileRow extends DisclosureRow {
  status: string | null;
}

let raw = '';
let pub = '';
let node: Awaited<ReturnType<typeof createNodeConnector>>;
/** Publish runs (publish.ts makes one gk_combined_<n> table per run) through `db`. */
let publishes = 0;
/** Every statement run through `db`. */
let statements: string[] = [];
const db: Connector = {
  query(sql) {
    if (/CREATE TABLE "gk_combined_\d+"/.test(sql)) publishes++;
    statements.push(sql);
    return node.query(sql);
  },
  registerFile: (name, data) => node.registerFile(name, data),
  dropFile: (name) => node.dropFile(name),
  insertArrowIPC: (table, bytes) => node.insertArrowIPC(table, bytes),
};

beforeAll(async () => {
  node = await createNodeConnector();
  // The run's shared packages (read only). Raw first: firstViewNational.test.ts asks for the published one first, so
  // when both start together each worker generates one.
  raw = await smallNational(false);
  pub = await smallNational(true);
}, 900_000);
afterAll(() => {
  node?.close();
});

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

const key = (r: { area_code: string; indicator_id: string; period: number }) =>
  `${r.area_code}|${r.indicator_id}|${r.period}`;

function fileRows(bytes: Uint8Array): FileRow[] {
  const table = tableFromIPC(bytes);
  const column = (name: string) => table.getChild(name);
  const [area, indicator, period, value, numerator, denominator, status] = PUBLIC_TABLE_COLUMNS.map(column);
  return Array.from({ length: table.numRows }, (_, i) => ({
    area_code: area!.get(i) as string,
    indicator_id: indicator!.get(i) as string,
    period: Number(period!.get(i)),
    value: value!.get(i) as number | null,
    numerator: numerator!.get(i) as number | null,
    denominator: denominator!.get(i) as number | null,
    status: status ? (status.get(i) as string | null) : null,
  }));
}

/** Every observation file of a package, by path relative to the package. */
const observationFiles = (dir: string) =>
  listFiles(join(dir, 'obs')).map((f) => [relative(dir, f), new Uint8Array(readFileSync(f))] as const);

/** Every row the served files hold, once (both layouts must agree on it). */
function servedRows(dir: string): Map<string, FileRow> {
  const rows = new Map<string, FileRow>();
  for (const [path, bytes] of observationFiles(dir))
    for (const r of fileRows(bytes)) {
      const before = rows.get(key(r));
      if (before) expectEqual(r, before, `${path} ${key(r)}`);
      else rows.set(key(r), r);
    }
  return rows;
}

const packageText = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

function audit(served: Map<string, FileRow>) {
  const indicators = validateIndicators(packageText(raw, 'indicators.csv'));
  const areas = validateAreaTable(packageText(raw, 'areas.csv'));
  const truth = [...servedRows(raw).values()].map(({ status: _, ...r }) => r);
  const shown = new Set([...served.values()].filter((r) => r.status === null).map(key));
  return auditShown(truth, indicators, areas, shown);
}

describe('the files of a package published at build time', () => {
  it('give no secret figure away: every row of every file, with the sums over the hierarchy, audited', () => {
    const served = servedRows(pub);
    expect(served.size).toBe(JSON.parse(packageText(pub, 'dataset.json')).counts.observations);
    const secret = [...served.values()].filter((r) => r.status === 'secret');
    expect(secret.length).toBeGreaterThan(1000);
    // A hidden row keeps its place and holds nothing.
    for (const r of secret) expect([r.value, r.numerator, r.denominator]).toEqual([null, null, null]);
    for (const r of served.values())
      expect(r.status === null || OBSERVATION_STATUSES.includes(r.status as never)).toBe(true);

    const result = audit(served);
    console.log(
      `published national-small: ${result.rows} rows, ${secret.length} secret; ${result.checked} hidden sensitive ` +
        `counts checked, ${result.published.length} published, ${result.determined.length} determined, ` +
        `${result.narrow.length} narrow, ${result.recoverableRows} secret rows recoverable`,
    );
    expect(result.checked).toBeGreaterThan(1000);
    expect(result.published).toEqual([]);
    expect(result.determined).toEqual([]);
    expect(result.narrow).toEqual([]);
    expect(result.recoverableRows).toBe(0);
  }, 600_000);

  it('the same audit finds the leaks in the raw files the build wrote before', () => {
    const result = audit(servedRows(raw));
    console.log(
      `raw national-small: ${result.published.length} sensitive counts published, ${result.narrow.length} narrow`,
    );
    expect(result.published.length).toBeGreaterThan(1000);
  }, 600_000);

  it('are declared in dataset.json, which the validator accepts (and refuses another word)', () => {
    expect(validateDatasetMeta(packageText(pub, 'dataset.json')).published).toBe('build');
    expect(validateDatasetMeta(packageText(raw, 'dataset.json')).published).toBeUndefined();
    const other = packageText(pub, 'dataset.json').replace('"published": "build"', '"published": "yes"');
    expect(() => validateDatasetMeta(other)).toThrow(PackageError);
  });
});

function source(dir: string, replace: Map<string, Uint8Array> = new Map()) {
  const files: PartitionedFiles = {
    'dataset.json': packageText(dir, 'dataset.json'),
    'areas.csv': packageText(dir, 'areas.csv'),
    'indicators.csv': packageText(dir, 'indicators.csv'),
    'aims.csv': packageText(dir, 'aims.csv'),
    'geo/gemeente.geojson': packageText(dir, 'geo/gemeente.geojson'),
  };
  const fetchBytes = async (path: string) => {
    const bytes = replace.get(path);
    if (bytes) return bytes;
    try {
      return new Uint8Array(readFileSync(join(dir, path)));
    } catch {
      throw new PackageError([{ file: path, code: 'missingFile' }]);
    }
  };
  return loadPartitionedPackage(db, files, 'data/national-small/', fetchBytes).then((pkg) => {
    latest = pkg;
    return pkg;
  });
}

/** The package loaded last: {@link count} reads its `observations`, brought up to its loaded files. */
let latest: Awaited<ReturnType<typeof loadPartitionedPackage>> | null = null;

const count = async (sql: string) => {
  await latest?.partitions?.syncView();
  return Number((await node.query(sql)).toArray()[0]!.toJSON().n);
};

describe('the app on a package published at build time', () => {
  it('shows the same public rows as a publish of the whole package, inserting each file as it is', async () => {
    // The reference: the whole raw package published at once with the sums over the hierarchy.
    const pkg = await source(pub);
    const paths = observationFiles(raw).map(([path]) => path);
    const ipPaths = paths.filter((p) => p.startsWith('obs/ip/'));
    for (const [k, path] of ipPaths.entries()) {
      await node.insertArrowIPC(k === 0 ? 'ref_raw' : 'ref_part', readFileSync(join(raw, path)));
      if (k > 0) {
        await node.query('INSERT INTO ref_raw SELECT * FROM ref_part');
        await node.query('DROP TABLE ref_part');
      }
    }
    const { indicators, members, areas } = pkg.tables;
    await publishObservations(node, { source: 'ref_raw', indicators, members, areas }, 'ref_public');

    publishes = 0;
    // One gemeente's area files (its buurten, wijken and itself), NL00's, and two map files: both layouts overlap.
    const gemeente = pkg.areas.find((a) => a.level === 'gemeente')!.code;
    const areaPaths = pkg.areas
      .filter((a) => a.gemeente === gemeente || a.level === 'land')
      .map((a) => `obs/area/${a.code}.arrow`);
    statements = [];
    const start = performance.now();
    await pkg.partitions!.ensure(areaPaths);
    const perFile = (performance.now() - start) / areaPaths.length;
    await pkg.partitions!.ensure(ipPaths.slice(0, 2));
    console.log(`published package: ${areaPaths.length} area files loaded, ${perFile.toFixed(1)} ms per file`);
    expect(publishes).toBe(0);
    // Per file three statements: one check (codes, statuses and the rows the primary rules judge), its table, the
    // raw copy dropped. The view is not rebuilt per file, and a file asked for again runs nothing.
    const loaded = areaPaths.length + 2;
    expect(statements.filter((sql) => /^SELECT\b[\s\S]*\bFROM "gk_part_raw_/.test(sql))).toHaveLength(loaded);
    expect(statements.filter((sql) => sql.includes('VIEW observations'))).toHaveLength(0);
    expect(statements).toHaveLength(3 * loaded);
    await pkg.partitions!.ensure([...areaPaths, ...ipPaths.slice(0, 2)]);
    expect(statements).toHaveLength(3 * loaded);

    const columns = 'area_code, indicator_id, period, value, numerator, denominator, suppressed, status';
    await pkg.partitions!.syncView();
    await node.query(`CREATE TABLE shown AS SELECT ${columns} FROM observations`);
    await node.query(`CREATE TABLE ref_shown AS SELECT ${columns} FROM ref_public
      SEMI JOIN shown USING (area_code, indicator_id, period)`);
    const n = await count('SELECT count(*) AS n FROM shown');
    expect(n).toBe(await count('SELECT count(*) AS n FROM ref_shown'));
    // Each row once, and at least every row of the area files.
    expect(n).toBe(await count('SELECT count(DISTINCT (area_code, indicator_id, period)) AS n FROM shown'));
    const areaRows = areaPaths.reduce((sum, p) => sum + tableFromIPC(readFileSync(join(pub, p))).numRows, 0);
    expect(n).toBeGreaterThan(areaRows);
    for (const [a, b] of [
      ['shown', 'ref_shown'],
      ['ref_shown', 'shown'],
    ])
      expect(await count(`SELECT count(*) AS n FROM (FROM ${a} EXCEPT ALL FROM ${b})`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM shown WHERE status = 'secret'`)).toBeGreaterThan(1000);
    expect(await count(`SELECT count(*) AS n FROM shown WHERE status IS NULL`)).toBeGreaterThan(1000);
    await node.query('DROP TABLE shown');
    await node.query('DROP TABLE ref_shown');
    for (const t of ['ref_raw', 'ref_public']) await node.query(`DROP TABLE ${t}`);
  }, 600_000);

  /** A published area file with its first secret row shown as a small count (as a broken or altered build would). */
  function tampered(): { path: string; bytes: Uint8Array; row: FileRow } {
    const buurt = readdirSync(join(pub, 'obs', 'area')).find((f) => {
      if (!f.startsWith('BU')) return false;
      return fileRows(readFileSync(join(pub, 'obs', 'area', f))).some(
        (r) => r.status === 'secret' && r.indicator_id === 'jeugdhulp_pct',
      );
    })!;
    const path = `obs/area/${buurt}`;
    const rows = fileRows(readFileSync(join(pub, path)));
    const ids = [...new Set(rows.map((r) => r.indicator_id))].sort();
    const columns = new ObservationColumns(rows.length, [rows[0]!.area_code], ids, true);
    const at = rows.findIndex((r) => r.status === 'secret' && r.indicator_id === 'jeugdhulp_pct');
    for (const [i, r] of rows.entries()) {
      const shown = i === at ? { ...r, value: 1, numerator: 3, denominator: 300, status: null } : r;
      const nan = (v: number | null) => v ?? Number.NaN;
      columns.push(
        0,
        ids.indexOf(r.indicator_id),
        r.period,
        nan(shown.value),
        nan(shown.numerator),
        nan(shown.denominator),
        shown.status === null ? NO_STATUS : OBSERVATION_STATUSES.indexOf(shown.status as never),
      );
    }
    return { path, bytes: observationsIpc(columns), row: rows[at]! };
  }

  it('refuses a file that shows a small count, naming the file, and loads nothing of it', async () => {
    const { path, bytes, row } = tampered();
    const pkg = await source(pub, new Map([[path, bytes]]));
    const error = await pkg.partitions!.ensure([path]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PackageError);
    expect((error as PackageError).issues).toEqual([
      {
        file: path,
        code: 'unprotectedRow',
        params: { area: row.area_code, indicator: 'jeugdhulp_pct', period: row.period },
      },
    ]);
    expect(await count('SELECT count(*) AS n FROM observations')).toBe(0);
    // The untouched file of the same area loads.
    const clean = await source(pub);
    await clean.partitions!.ensure([path]);
    expect(await count('SELECT count(*) AS n FROM observations')).toBe(fileRows(readFileSync(join(pub, path))).length);
  });

  it('refuses a raw file (no status column) in a package declared published', async () => {
    const path = readdirSync(join(raw, 'obs', 'area')).map((f) => `obs/area/${f}`)[1]!;
    const pkg = await source(pub, new Map([[path, new Uint8Array(readFileSync(join(raw, path)))]]));
    await expect(pkg.partitions!.ensure([path])).rejects.toMatchObject({
      issues: [{ file: path, column: 'status', code: 'missingColumn' }],
    });
    expect(await count('SELECT count(*) AS n FROM observations')).toBe(0);
  });
});
