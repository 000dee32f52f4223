import { csvParse } from 'd3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profileSource } from '../../src/app/useKompasModel.ts';
import { assessArea } from '../../src/compass/assess.ts';
import { estimateDispersion } from '../../src/compass/dispersion.ts';
import { kompasRows } from '../../src/compass/kompasRows.ts';
import { signals } from '../../src/compass/signals.ts';
import {
  decodeRows,
  FIRST_VIEW_INDEX,
  type FirstView,
  fetchFirstView,
  fileKey,
  firstAreaPath,
  firstAreaPaths,
  firstDispersionPath,
} from '../../src/data/firstView.ts';
import { buildFirstView } from '../../src/data/firstViewBuild.ts';
import { type LoadedPackage, loadPackage } from '../../src/data/load.ts';
import { createNodeConnector } from '../../src/db/node.ts';
import { dispersionRequest } from '../../src/queries/dispersion.ts';
import { decodeProfile, kompasRequest } from '../../src/queries/kompas.ts';
import { decodeSocialPeriods, socialPeriodsQuery } from '../../src/queries/socialPeriods.ts';
import { effectiveAims } from '../../src/userdata/effectiveAims.ts';
import { expectEqual } from '../fixtures/expectEqual.ts';
import { DEMO, readDemoFile, readPackage } from '../fixtures/readPackage.ts';

const files = readPackage(DEMO);

let db: Awaited<ReturnType<typeof createNodeConnector>>;
let pkg: LoadedPackage;
let first: FirstView;
let built: Map<string, string>;
const query = async (sql: string) => decodeProfile(await db.query(sql));

beforeAll(async () => {
  db = await createNodeConnector();
  pkg = await loadPackage(db, files);
  built = await buildFirstView(db, pkg);
  first = (await fetchFirstView('', readDemoFile))!;
}, 120_000);
afterAll(() => db?.close());

describe('the precomputed first view of the demo', () => {
  it('is committed as the build writes it (npm run generate:demo)', async () => {
    // One file per area, 5 level dispersions, the index, and the map's area order and every indicator's map per year
    // (firstMap.test.ts).
    expect(built.size).toBe(pkg.areas.length + 5 + 1 + 1 + pkg.indicators.length * pkg.meta.periods.length);
    for (const [path, text] of built) expect(await readDemoFile(path), path).toBe(text);
  });

  it('gives, for every area, the rows, dispersion and verdicts DuckDB gives', async () => {
    const areas = new Map(pkg.areas.map((a) => [a.code, a]));
    const aims = effectiveAims(pkg.aims, [], pkg.areas);
    let verdicts = 0;
    let aimStatuses = 0;
    for (const area of pkg.areas) {
      const request = kompasRequest(area.code, areas, false);
      const paths = firstAreaPaths(request.codes);
      expect(profileSource(first, false, paths)).toBe('first');
      const precomputed = await first.rows(paths);
      const duck = await query(request.sql);
      expectEqual(precomputed, duck, area.code);
      expect(duck.length).toBeGreaterThan(0);

      const spreadPath = firstDispersionPath(area.code, areas);
      expect(spreadPath, area.code).not.toBeNull();
      const spread = await first.rows([spreadPath!]);
      expectEqual(spread, await query(dispersionRequest(area.code, areas, false).sql), `dispersion of ${area.code}`);
      const dispersion = estimateDispersion(spread, pkg.indicators);
      expectEqual(
        dispersion,
        estimateDispersion(await query(dispersionRequest(area.code, areas, false).sql), pkg.indicators),
      );

      const gemeente = area.gemeente ?? null;
      for (const period of pkg.meta.periods) {
        const input = { indicators: pkg.indicators, aims, area: area.code, gemeente, period, dispersion };
        const fromFiles = assessArea({ ...input, rows: precomputed });
        const fromDuck = assessArea({ ...input, rows: duck });
        expectEqual(fromFiles, fromDuck, `${area.code} ${period}`);
        expectEqual(signals(fromFiles), signals(fromDuck));
        const rowsInput = { indicators: pkg.indicators, area: area.code, gemeente, period, periods: pkg.meta.periods };
        expectEqual(kompasRows({ ...rowsInput, rows: precomputed }), kompasRows({ ...rowsInput, rows: duck }));
        verdicts += fromFiles.filter(
          (a) => a.vsGemeente.verdict === 'better' || a.vsGemeente.verdict === 'worse',
        ).length;
        aimStatuses += fromFiles.filter((a) => a.aim !== null).length;
      }
    }
    // The comparison covered real verdicts and aims, not only empty assessments.
    expect(verdicts).toBeGreaterThan(50);
    expect(aimStatuses).toBeGreaterThan(50);
  }, 300_000);

  it('opens on the year DuckDB opens on', async () => {
    expect(first.socialPeriods).toEqual(decodeSocialPeriods(await db.query(socialPeriodsQuery())));
  });

  it('holds no value the disclosure rules hide', async () => {
    const raw = csvParse(files['observations.csv']);
    const rawOf = new Map(raw.map((r) => [`${r.area_code}|${r.indicator_id}|${r.period}`, r]));
    const secret = (
      await query(`SELECT * FROM observations WHERE status = 'secret' ORDER BY indicator_id, area_code, period`)
    ).filter((r) => rawOf.get(`${r.area_code}|${r.indicator_id}|${r.period}`)?.numerator);
    expect(secret.length).toBeGreaterThan(100);
    const key = (r: { area_code: string; indicator_id: string; period: number }) =>
      `${r.area_code}|${r.indicator_id}|${r.period}`;
    const secretKeys = new Set(secret.map(key));
    let seen = 0;
    for (const [path, text] of built) {
      if (path === FIRST_VIEW_INDEX || path.startsWith('first/map/')) continue; // maps: firstMap.test.ts
      for (const row of decodeRows(text)) {
        if (!secretKeys.has(key(row))) continue;
        seen++;
        expect(row, path).toMatchObject({ value: null, numerator: null, denominator: null, status: 'secret' });
      }
    }
    expect(seen).toBeGreaterThanOrEqual(secret.length);
    // A known hidden cell: its raw count is in observations.csv, and in no first/ file.
    const cell = secret[0]!;
    const rawCell = rawOf.get(key(cell))!;
    const own = decodeRows(built.get(firstAreaPath(cell.area_code))!).find((r) => key(r) === key(cell))!;
    expect(Number(rawCell.numerator)).toBeGreaterThan(0);
    expect(own.numerator).toBeNull();
  });

  it('is not used where the user has own data, or without files: DuckDB answers', () => {
    const paths = firstAreaPaths(['WK999901', 'GM9999', 'NL00']);
    expect(profileSource(first, true, paths)).toBe('duckdb');
    expect(profileSource(null, false, paths)).toBe('duckdb');
    expect(profileSource(first, false, null)).toBe('duckdb');
  });

  it('asks DuckDB when a file is missing or broken, and names files safely', async () => {
    const broken = await fetchFirstView('', async (url) =>
      url === FIRST_VIEW_INDEX ? readDemoFile(url) : url.endsWith('GM9999.json') ? '{"version":1,"rows":[[1]]}' : null,
    );
    await expect(broken!.rows([firstAreaPath('WK999901')])).rejects.toThrow('missing');
    await expect(broken!.rows([firstAreaPath('GM9999')])).rejects.toThrow('not a first-view row');
    expect(await fetchFirstView('', async () => null)).toBeNull();
    expect(fileKey('WK999901')).toBe('WK999901');
    expect(fileKey('Dorp-Oost é')).toBe('Dorp-2DOost-20-C3-A9');
    // The national code is asked twice for the Netherlands itself: one file, once.
    expect(firstAreaPaths(['NL00', 'NL00'])).toEqual([firstAreaPath('NL00')]);
  });
});
