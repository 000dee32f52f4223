/**
 * A partitioned package loads each file into a table of its own behind the view `observations` (src/data/partitions.ts):
 * the same rows as the one growing table it replaced, each file through the suppression exactly once, in flight
 * once, and a hidden figure stays hidden whichever layout loads first.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromArrays, tableFromIPC, tableToIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoadedPackage, loadPartitionedPackage, type PartitionedFiles } from '../../src/data/load.ts';
import { PackageError } from '../../src/data/package.ts';
import { indicatorPeriodPartition, linkedIndicators } from '../../src/data/partitions.ts';
import { publishObservations } from '../../src/data/publish.ts';
import { validateIndicators } from '../../src/data/validate.ts';
import type { Connector } from '../../src/db/connector.ts';
import { createNodeConnector } from '../../src/db/node.ts';
import { smallNational } from './nationalOnce.ts';

let node: Awaited<ReturnType<typeof createNodeConnector>>;
/** The publish SQL run so far (publish.ts creates one gk_combined_<n> table per run). */
let publishes = 0;
/** The connector the package is loaded through: counts every publish. */
const db: Connector = {
  query(sql) {
    if (/CREATE TABLE "gk_combined_\d+"/.test(sql)) publishes++;
    return node.query(sql);
  },
  registerFile: (name, data) => node.registerFile(name, data),
  dropFile: (name) => node.dropFile(name),
  insertArrowIPC: (table, bytes) => node.insertArrowIPC(table, bytes),
};

let national = '';
beforeAll(async () => {
  node = await createNodeConnector();
  // Raw and undeclared, as packages were before the build published them: these tests are of the per-file publish.
  // The run's shared package: read only.
  national = await smallNational(false);
}, 600_000);
afterAll(() => {
  node?.close();
});

interface Source {
  files: PartitionedFiles;
  bytes(path: string): Uint8Array | undefined;
}

/** The package loaded last: {@link rowsOf} reads its `observations`, brought up to its loaded files. */
let latest: LoadedPackage | null = null;

/** Loads the package afresh (a new generation) with a fetch that counts its calls per path. */
async function load(source: Source): Promise<{ pkg: LoadedPackage; fetched: Map<string, number> }> {
  const fetched = new Map<string, number>();
  const pkg = await loadPartitionedPackage(db, source.files, 'data/x/', async (path) => {
    fetched.set(path, (fetched.get(path) ?? 0) + 1);
    const bytes = source.bytes(path);
    if (!bytes) throw new PackageError([{ file: path, code: 'missingFile' }]);
    return bytes;
  });
  publishes = 0;
  latest = pkg;
  return { pkg, fetched };
}

type Row = Record<string, unknown>;
const ORDER = 'ORDER BY area_code, indicator_id, period';
const rowsOf = async (sql: string): Promise<Row[]> => {
  await latest?.partitions?.syncView();
  return (await node.query(sql)).toArray().map((r) => {
    const o = r.toJSON() as Row;
    return 'period' in o ? { ...o, period: Number(o.period) } : o;
  });
};

/**
 * What the loader did before (the reference): every file published on its own and inserted into one table, leaving
 * out the rows already there.
 */
async function oneTable(pkg: LoadedPackage, source: Source, paths: readonly string[]): Promise<Row[]> {
  const { indicators, members } = pkg.tables;
  await node.query(`CREATE OR REPLACE TABLE ref_one (area_code VARCHAR, indicator_id VARCHAR, period SMALLINT,
    value DOUBLE, numerator DOUBLE, denominator DOUBLE, suppressed BOOLEAN, status VARCHAR)`);
  for (const path of paths) {
    await node.insertArrowIPC('ref_raw', source.bytes(path)!);
    await publishObservations(node, { source: 'ref_raw', indicators, members }, 'ref_pub');
    await node.query(`INSERT INTO ref_one SELECT * FROM ref_pub p WHERE NOT EXISTS (SELECT 1 FROM ref_one o
      WHERE o.area_code = p.area_code AND o.indicator_id = p.indicator_id AND o.period = p.period)`);
    await node.query('DROP TABLE ref_raw');
    await node.query('DROP TABLE ref_pub');
  }
  const rows = await rowsOf(`SELECT * FROM ref_one ${ORDER}`);
  await node.query('DROP TABLE ref_one');
  return rows;
}

function nationalSource(): Source {
  const text = (path: string) => readFileSync(join(national, path), 'utf8');
  return {
    files: {
      'dataset.json': text('dataset.json'),
      'areas.csv': text('areas.csv'),
      'indicators.csv': text('indicators.csv'),
      'aims.csv': text('aims.csv'),
      'geo/gemeente.geojson': text('geo/gemeente.geojson'),
    },
    bytes: (path) => {
      try {
        return new Uint8Array(readFileSync(join(national, path)));
      } catch {
        return undefined;
      }
    },
  };
}

describe('partition tables of the small national package', () => {
  /** Two map files of two indicators, and the area files of a buurt, its wijk and gemeente: they overlap. */
  function chosenPaths(source: Source): string[] {
    const areas = source.files['areas.csv'].trim().split('\n').slice(1);
    const buurt = areas.map((l) => l.split(',')).find((c) => c[2] === 'buurt')!;
    const wijk = buurt[3]!;
    const gemeente = areas.map((l) => l.split(',')).find((c) => c[0] === wijk)![3]!;
    const ids = source.files['indicators.csv']
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[0]!);
    return [
      indicatorPeriodPartition(ids[0]!, 2025),
      `obs/area/${buurt[0]}.arrow`,
      indicatorPeriodPartition(ids[0]!, 2024),
      `obs/area/${wijk}.arrow`,
      indicatorPeriodPartition(ids.at(-1)!, 2025),
      `obs/area/${gemeente}.arrow`,
    ];
  }

  it('give the rows of the one growing table, in any load order, each file published once', async () => {
    const source = nationalSource();
    const paths = chosenPaths(source);
    const orders = [paths, [...paths].reverse(), [paths[1]!, paths[3]!, paths[5]!, paths[0]!, paths[2]!, paths[4]!]];
    let first: Row[] | null = null;
    for (const order of orders) {
      const { pkg, fetched } = await load(source);
      for (const path of order) await pkg.partitions!.ensure([path]);
      expect(publishes).toBe(paths.length);
      // Asked again, all at once: nothing is fetched or published a second time.
      await pkg.partitions!.ensure(paths);
      expect(publishes).toBe(paths.length);
      expect([...fetched.values()]).toEqual(paths.map(() => 1));

      const rows = await rowsOf(`SELECT * FROM observations ${ORDER}`);
      // The view holds each row once, though the two layouts overlap.
      expect(new Set(rows.map((r) => `${r.area_code}|${r.indicator_id}|${r.period}`)).size).toBe(rows.length);
      expect(rows).toEqual(await oneTable(pkg, source, order));
      if (first === null) {
        first = rows;
        // The comparison covers hidden figures and shown ones.
        expect(rows.filter((r) => r.status === 'secret').length).toBeGreaterThan(0);
        expect(rows.filter((r) => r.value !== null).length).toBeGreaterThan(1000);
      } else expect(rows).toEqual(first);
      // A query that names its files reads only their tables, with the same answer as the view.
      for (const path of paths) {
        const where = path.startsWith('obs/area/')
          ? `area_code = '${path.slice(9, -6)}'`
          : `indicator_id = '${path.split('/')[2]}' AND period = ${path.split('/')[3]!.slice(0, 4)}`;
        const sql = `SELECT * FROM observations WHERE ${where} ${ORDER}`;
        const routed = pkg.partitions!.route(sql, [path]);
        expect(routed).not.toBe(sql);
        const answer = await rowsOf(routed);
        expect(answer.length).toBeGreaterThan(0);
        expect(answer).toEqual(await rowsOf(sql));
      }
      // Every loaded file is a table of its own, all behind the view.
      const tables = await rowsOf(
        `SELECT table_name FROM duckdb_tables() WHERE starts_with(table_name, '${pkg.tables.observations.slice(1, -14)}_part_')`,
      );
      expect(tables).toHaveLength(paths.length);
    }
  });

  it('loads a file asked for several times at once (a query, a prefetch) once', async () => {
    const source = nationalSource();
    const [path] = chosenPaths(source);
    const { pkg, fetched } = await load(source);
    const store = pkg.partitions!;
    store.prefetch([path!]);
    await Promise.all([store.ensure([path!]), store.ensure([path!, path!])]);
    expect(fetched.get(path!)).toBe(1);
    expect(publishes).toBe(1);
    const n = await rowsOf('SELECT count(*)::INT AS n FROM observations');
    expect(n).toEqual([{ n: tableFromIPC(source.bytes(path!)!).numRows }]);
  });
});

/**
 * A package of two buurten where a count (jeugdhulp_aantal) is the numerator of a rate (jeugdhulp_pct): in 2025 the
 * rate of BU99900102 stands on 30 young people (min_count 50), so its numerator — 6, the count's value — is secret
 * in both indicators. `declared`: indicators.csv names the shared quantity; else only the data show it (equal over
 * 21 years), which one area's file can see and one map file cannot.
 */
function linkedSource(declared: boolean): Source {
  const periods = Array.from({ length: 21 }, (_, i) => 2005 + i);
  const buurten = ['BU99900101', 'BU99900102'];
  const rows: {
    area_code: string;
    indicator_id: string;
    period: number;
    v: number | null;
    n: number | null;
    d: number | null;
  }[] = [];
  for (const [b, code] of buurten.entries())
    for (const p of periods) {
      const small = code === 'BU99900102' && p === 2025;
      const n = small ? 6 : 20 + ((p * 7 + b * 3) % 11);
      const d = small ? 30 : 200 + b * 40;
      rows.push({ area_code: code, indicator_id: 'jeugdhulp_pct', period: p, v: null, n, d });
      rows.push({ area_code: code, indicator_id: 'jeugdhulp_aantal', period: p, v: n, n: null, d: null });
    }
  const ipc = (part: typeof rows) =>
    tableToIPC(
      tableFromArrays({
        area_code: part.map((r) => r.area_code),
        indicator_id: part.map((r) => r.indicator_id),
        period: Int16Array.from(part.map((r) => r.period)),
        value: part.map((r) => r.v) as unknown as Float64Array,
        numerator: part.map((r) => r.n) as unknown as Float64Array,
        denominator: part.map((r) => r.d) as unknown as Float64Array,
      }),
      'stream',
    );
  const files = new Map<string, Uint8Array>();
  const group = (key: (r: (typeof rows)[number]) => string) => {
    const by = new Map<string, typeof rows>();
    for (const r of rows) by.set(key(r), [...(by.get(key(r)) ?? []), r]);
    for (const [path, part] of by) files.set(path, ipc(part));
  };
  group((r) => indicatorPeriodPartition(r.indicator_id, r.period));
  group((r) => `obs/area/${r.area_code}.arrow`);
  const quantity = (num: string, den: string) => (declared ? `,${num},${den}` : ',,');
  return {
    files: {
      'dataset.json': JSON.stringify({
        id: 'linked',
        format_version: 1,
        layout: 'partitioned',
        title: { nl: 'Gekoppeld', en: 'Linked' },
        publisher: 'tests',
        licence: 'CC0 1.0',
        attribution: 'Testdata',
        gemeente: 'GM9990',
        default_area: 'WK999001',
        default_indicator: 'jeugdhulp_pct',
        periods,
        default_period: 2025,
      }),
      'areas.csv':
        'code,name,level,parent\nNL00,Nederland,land,\nGM9990,Gekoppeld,gemeente,NL00\nWK999001,Wijk,wijk,GM9990\n' +
        'BU99900101,Noord,buurt,WK999001\nBU99900102,Zuid,buurt,WK999001\n',
      'indicators.csv':
        'id,label_nl,label_en,theme,unit,direction,decimals,definition_nl,definition_en,source,min_count,numerator_id,denominator_id\n' +
        `jeugdhulp_pct,Jeugdhulp,Youth care,jeugd,percent,down,1,Aandeel.,Share.,Testdata,50${quantity('jeugdhulp', 'jongeren')}\n` +
        `jeugdhulp_aantal,Jeugdhulp (aantal),Youth care (count),jeugd,count,down,0,Aantal.,Count.,Testdata,0${quantity('jeugdhulp', '')}\n`,
      'aims.csv': 'indicator_id,area_code,baseline_period,target_period,target_value,direction,label_nl,label_en\n',
      'geo/gemeente.geojson': JSON.stringify({ type: 'FeatureCollection', features: [] }),
    },
    bytes: (path) => files.get(path),
  };
}

const SECRET = `SELECT value, numerator, suppressed, status FROM observations
  WHERE area_code = 'BU99900102' AND indicator_id = 'jeugdhulp_aantal' AND period = 2025`;
const hidden = [{ value: null, numerator: null, suppressed: true, status: 'secret' }];

describe('a secret figure of linked indicators', () => {
  it('links the map files of indicators that declare a shared quantity', () => {
    const indicators = validateIndicators(linkedSource(true).files['indicators.csv']);
    expect([...linkedIndicators(indicators)]).toEqual([
      ['jeugdhulp_pct', ['jeugdhulp_aantal']],
      ['jeugdhulp_aantal', ['jeugdhulp_pct']],
    ]);
    expect(linkedIndicators(validateIndicators(linkedSource(false).files['indicators.csv'])).size).toBe(0);
  });

  it('is hidden on the count’s map: its map file is published with the rate’s of the same year', async () => {
    const source = linkedSource(true);
    const { pkg, fetched } = await load(source);
    await pkg.partitions!.ensure([indicatorPeriodPartition('jeugdhulp_aantal', 2025)]);
    expect(await rowsOf(SECRET)).toEqual(hidden);
    // The rate's file was read for its verdict, not loaded: its rows come with its own load, published once.
    expect([...fetched.keys()].sort()).toEqual([
      'obs/ip/jeugdhulp_aantal/2025.arrow',
      'obs/ip/jeugdhulp_pct/2025.arrow',
    ]);
    expect(await rowsOf('SELECT DISTINCT indicator_id FROM observations')).toEqual([
      { indicator_id: 'jeugdhulp_aantal' },
    ]);
    await pkg.partitions!.ensure([indicatorPeriodPartition('jeugdhulp_pct', 2025)]);
    expect(publishes).toBe(2);
    expect(fetched.get('obs/ip/jeugdhulp_pct/2025.arrow')).toBe(1);
  });

  for (const declared of [true, false])
    it(`stays hidden whichever file loads first (${declared ? 'declared' : 'found in the data'})`, async () => {
      const source = linkedSource(declared);
      const map = indicatorPeriodPartition('jeugdhulp_aantal', 2025);
      const area = 'obs/area/BU99900102.arrow';
      const finals: Row[][] = [];
      for (const order of [
        [map, area],
        [area, map],
      ]) {
        const { pkg } = await load(source);
        await pkg.partitions!.ensure([order[0]!]);
        // Only the area's file, with 21 years of both indicators, shows that the two count the same people; the map
        // file alone cannot see that link, and shows the 6 until the area's file is loaded.
        if (order[0] === map && !declared)
          expect(await rowsOf(SECRET)).toEqual([{ value: 6, numerator: null, suppressed: false, status: null }]);
        else expect(await rowsOf(SECRET)).toEqual(hidden);
        await pkg.partitions!.ensure([order[1]!]);
        expect(await rowsOf(SECRET)).toEqual(hidden);
        // Both copies: a map and a Kompas read their own file's table.
        for (const path of order) expect(await rowsOf(pkg.partitions!.route(SECRET, [path]))).toEqual(hidden);
        finals.push(await rowsOf(`SELECT * FROM observations ${ORDER}`));
      }
      expect(finals[1]).toEqual(finals[0]);
    });
});
