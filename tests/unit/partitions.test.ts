import { join } from 'node:path';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPartitionedPackage, type PartitionedFiles } from '../../src/data/load.ts';
import { PackageError } from '../../src/data/package.ts';
import { areaPartitions, indicatorPeriodPartition } from '../../src/data/partitions.ts';
import { validateAreas } from '../../src/data/validate.ts';
import type { Connector } from '../../src/db/connector.ts';
import { Coordinator } from '../../src/db/coordinator.ts';
import { createNodeConnector } from '../../src/db/node.ts';
import { choroplethQuery, decodeChoropleth } from '../../src/queries/choropleth.ts';
import { decodeProfile, kompasQuery } from '../../src/queries/kompas.ts';
import { FIXTURES, readCsvObjects, readPackage } from '../fixtures/readPackage.ts';

const mini = readPackage(join(FIXTURES, 'mini'));
const areas = validateAreas(mini['areas.geojson']).filter((a) => a.level !== 'gebied');
const rows = readCsvObjects(mini['observations.csv']);

/** Arrow IPC stream bytes of some observation rows, as the national generator writes them. */
function ipc(part: Record<string, string>[]): Uint8Array {
  const num = (v: string | undefined) => (v === undefined || v === '' ? null : Number(v));
  const table = tableFromArrays({
    area_code: part.map((r) => r.area_code!),
    indicator_id: part.map((r) => r.indicator_id!),
    period: Int16Array.from(part.map((r) => Number(r.period))),
    value: part.map((r) => num(r.value)) as (number | null)[] as unknown as Float64Array,
    numerator: part.map((r) => num(r.numerator)) as unknown as Float64Array,
    denominator: part.map((r) => num(r.denominator)) as unknown as Float64Array,
  });
  return tableToIPC(table, 'stream');
}

function partitionFiles(): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const groups = new Map<string, Record<string, string>[]>();
  const add = (path: string, row: Record<string, string>) => groups.set(path, [...(groups.get(path) ?? []), row]);
  for (const row of rows) {
    add(indicatorPeriodPartition(row.indicator_id!, Number(row.period)), row);
    add(`obs/area/${row.area_code}.arrow`, row);
  }
  for (const [path, part] of groups) files.set(path, ipc(part));
  return files;
}

const partitioned: PartitionedFiles = {
  'dataset.json': mini['dataset.json'].replace('"format_version": 1,', '"format_version": 1, "layout": "partitioned",'),
  'areas.csv': `code,name,level,parent\n${areas.map((a) => [a.code, a.name, a.level, a.parent ?? ''].join(',')).join('\n')}\n`,
  'indicators.csv': mini['indicators.csv'],
  'aims.csv': mini['aims.csv'],
  'geo/gemeente.geojson': JSON.stringify({
    type: 'FeatureCollection',
    features: JSON.parse(mini['areas.geojson']).features.filter(
      (f: { properties: { level: string } }) => f.properties.level === 'gemeente',
    ),
  }),
};

let db: Awaited<ReturnType<typeof createNodeConnector>>;
beforeAll(async () => {
  db = await createNodeConnector();
});
afterAll(() => db?.close());

describe('a partitioned package', () => {
  it('loads only the partitions a query needs, with the same values and suppression as a whole package', async () => {
    const files = partitionFiles();
    const fetched: string[] = [];
    const fetchBytes = async (path: string) => {
      fetched.push(path);
      const bytes = files.get(path);
      if (!bytes) throw new PackageError([{ file: path, code: 'missingFile' }]);
      return bytes;
    };
    const pkg = await loadPartitionedPackage(db, partitioned, 'data/mini/', fetchBytes);
    expect(pkg.geometry.sources.map((s) => [s.id, typeof s.data === 'string' ? s.data : 'inline'])).toEqual([
      ['areas-gemeente', 'inline'],
      ['areas-wijk', 'data/mini/geo/wijk.geojson'],
      ['areas-buurt', 'data/mini/geo/buurt.geojson'],
    ]);
    const coordinator = new Coordinator(db);
    coordinator.setPartitions(pkg.partitions);

    const map = decodeChoropleth(
      await coordinator.query(choroplethQuery({ indicator: 'jeugdhulp_pct', period: 2024, levels: ['buurt'] }), [
        indicatorPeriodPartition('jeugdhulp_pct', 2024),
      ]),
    );
    expect(map.map((r) => [r.code, r.value, r.suppressed])).toEqual([
      ['BU99980101', 10, false],
      ['BU99980102', null, true],
      ['BU99980201', 12, false],
      ['BU99980202', 11.25, false],
    ]);
    expect(fetched).toEqual(['obs/ip/jeugdhulp_pct/2024.arrow']);

    const byCode = new Map(pkg.areas.map((a) => [a.code, a]));
    const codes = ['WK999802', 'GM9998', 'NL00'];
    expect(areaPartitions(codes, byCode)).toEqual([
      'obs/area/GM9998.arrow',
      'obs/area/NL00.arrow',
      'obs/area/WK999802.arrow',
    ]);
    const profile = decodeProfile(await coordinator.query(kompasQuery({ codes }), areaPartitions(codes, byCode)));
    expect(profile).toHaveLength(22);
    // Rows of the map partition (jeugdhulp 2024 of WK999802, GM9998, NL00) were not inserted a second time. The
    // coordinator's connector reads `observations` with every loaded file (the view is rebuilt when read).
    const counts = await coordinator.connector.query(
      'SELECT count(*)::INT AS n, count(DISTINCT (area_code, indicator_id, period))::INT AS d FROM observations',
    );
    expect(counts.toArray()[0]!.toJSON()).toEqual({ n: 27, d: 27 });
    // And the reverse: a map partition whose rows of WK999802, GM9998 and NL00 came with their area files.
    const before = await coordinator.connector.query('SELECT count(*)::INT AS n FROM observations');
    const n0 = before.toArray()[0]!.toJSON().n as number;
    await coordinator.query(choroplethQuery({ indicator: 'jeugdhulp_pct', period: 2023, levels: ['wijk'] }), [
      indicatorPeriodPartition('jeugdhulp_pct', 2023),
    ]);
    const after = await coordinator.connector.query(
      `SELECT count(*)::INT AS n, count(DISTINCT (area_code, indicator_id, period))::INT AS d,
        count(*) FILTER (WHERE indicator_id = 'jeugdhulp_pct' AND period = 2023)::INT AS ip FROM observations`,
    );
    const { n, d, ip } = after.toArray()[0]!.toJSON() as { n: number; d: number; ip: number };
    expect(n).toBe(d);
    expect(ip).toBeGreaterThan(3);
    expect(n - n0).toBe(ip - 3);
    expect(pkg.partitions!.bytesFetched).toBeGreaterThan(0);
  });

  it('runs no SQL for a file loaded before, and builds the observations view once, when a query reads it', async () => {
    const files = partitionFiles();
    const statements: string[] = [];
    const counting: Connector = {
      query(sql) {
        statements.push(sql);
        return db.query(sql);
      },
      registerFile: (name, data) => db.registerFile(name, data),
      dropFile: (name) => db.dropFile(name),
      insertArrowIPC: (table, bytes) => db.insertArrowIPC(table, bytes),
    };
    const pkg = await loadPartitionedPackage(counting, partitioned, 'data/mini/', async (path) => files.get(path)!);
    const coordinator = new Coordinator(counting);
    coordinator.setPartitions(pkg.partitions);
    const byCode = new Map(pkg.areas.map((a) => [a.code, a]));
    const codes = ['WK999802', 'GM9998', 'NL00'];
    const paths = [...areaPartitions(codes, byCode), indicatorPeriodPartition('jeugdhulp_pct', 2024)];
    const views = () => statements.filter((sql) => sql.includes('VIEW observations')).length;
    const codeChecks = () => statements.filter((sql) => sql.includes('any_value(area_code)')).length;
    statements.length = 0;

    await pkg.partitions!.ensure(paths);
    const afterLoad = statements.length;
    // Each file's codes checked once, no view yet.
    expect(codeChecks()).toBe(paths.length);
    expect(views()).toBe(0);
    // Asked again, the files run nothing; a query naming its files reads their tables, not the view.
    await pkg.partitions!.ensure(paths);
    expect(statements).toHaveLength(afterLoad);
    const routed = decodeProfile(await coordinator.query(kompasQuery({ codes }), areaPartitions(codes, byCode)));
    expect(routed).toHaveLength(22);
    expect(views()).toBe(0);

    // A query that reads the view (the SQL console, an unrouted query) finds every file, the view built once.
    const count = async (sql: string) => (await coordinator.connector.query(sql)).toArray()[0]!.toJSON().n as number;
    const n = await count('SELECT count(*)::INT AS n FROM observations');
    expect(n).toBe(await count('SELECT count(DISTINCT (area_code, indicator_id, period))::INT AS n FROM observations'));
    expect(await count("SELECT count(*)::INT AS n FROM observations WHERE area_code = 'WK999802'")).toBeGreaterThan(0);
    await coordinator.query("SELECT count(*) AS n FROM observations WHERE indicator_id = 'jeugdhulp_pct'");
    expect(views()).toBe(1);
    // A further load makes it stale: the next read rebuilds it once more, with the new file's rows.
    await pkg.partitions!.ensure([indicatorPeriodPartition('jeugdhulp_pct', 2023)]);
    expect(views()).toBe(1);
    expect(await count('SELECT count(*)::INT AS n FROM observations')).toBeGreaterThan(n);
    await count('SELECT 1 AS n');
    expect(views()).toBe(2);
  });

  it('names the partition file when it holds an unknown area, and reports a missing file', async () => {
    const files = partitionFiles();
    files.set(
      'obs/ip/inwoners/2024.arrow',
      ipc([{ area_code: 'WK000000', indicator_id: 'inwoners', period: '2024', value: '1' }]),
    );
    const pkg = await loadPartitionedPackage(db, partitioned, 'data/mini/', async (path) => {
      const bytes = files.get(path);
      if (!bytes) throw new PackageError([{ file: path, code: 'missingFile' }]);
      return bytes;
    });
    await expect(pkg.partitions!.ensure(['obs/ip/inwoners/2024.arrow'])).rejects.toMatchObject({
      issues: [
        { file: 'obs/ip/inwoners/2024.arrow', column: 'area_code', code: 'unknownArea', params: { value: 'WK000000' } },
      ],
    });
    await expect(pkg.partitions!.ensure(['obs/ip/inwoners/1999.arrow'])).rejects.toMatchObject({
      issues: [{ file: 'obs/ip/inwoners/1999.arrow', code: 'missingFile' }],
    });
    // The observations table is untouched by the rejected file.
    await pkg.partitions!.syncView();
    const n = await db.query("SELECT count(*)::INT AS n FROM observations WHERE indicator_id = 'inwoners'");
    expect(n.toArray()[0]!.toJSON()).toEqual({ n: 0 });
  });
});
