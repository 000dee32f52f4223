/**
 * The precomputed first view of a partitioned package (issue 15): for every area of the small national package, the
 * first/ files give what the page's DuckDB gives — asked the page's way, through a Coordinator over the package's
 * PartitionStore on the Node build of the same engine, which loads the files each request names — the Kompas rows,
 * the dispersion, and from them the verdicts, aim statuses, signals and Kompas rows; and no first/ file holds a value
 * the disclosure rules hide.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPeriod } from '../../src/app/resolveSelection.ts';
import { profileSource } from '../../src/app/useKompasModel.ts';
import { assessArea } from '../../src/compass/assess.ts';
import { estimateDispersion } from '../../src/compass/dispersion.ts';
import { kompasRows } from '../../src/compass/kompasRows.ts';
import { signals } from '../../src/compass/signals.ts';
import {
  declaresFirstView,
  decodeRows,
  FIRST_VIEW_INDEX,
  type FirstView,
  fetchFirstView,
  firstAreaPaths,
} from '../../src/data/firstView.ts';
import { type LoadedPackage, loadPartitionedPackage, type PartitionedFiles } from '../../src/data/load.ts';
import type { Area } from '../../src/data/package.ts';
import { Coordinator } from '../../src/db/coordinator.ts';
import { createNodeConnector } from '../../src/db/node.ts';
import { dispersionRequest, ownDispersionRows } from '../../src/queries/dispersion.ts';
import { decodeProfile, kompasRequest, type ProfileRow } from '../../src/queries/kompas.ts';
import { effectiveAims } from '../../src/userdata/effectiveAims.ts';
import { expectEqual } from '../fixtures/expectEqual.ts';
import { smallNational } from './nationalOnce.ts';

let dir = '';
let rawDir = '';
let db: Awaited<ReturnType<typeof createNodeConnector>>;
let pkg: LoadedPackage;
let areas: Map<string, Area>;
let first: FirstView;

const text = (root: string, path: string) => readFileSync(join(root, path), 'utf8');
/** A first/ file as the page fetches it (a missing file answers null, as a 404). */
const fetchText = async (url: string) => {
  try {
    return text(dir, url);
  } catch {
    return null;
  }
};
const key = (r: { area_code: string; indicator_id: string; period: number }) =>
  `${r.area_code}|${r.indicator_id}|${r.period}`;

let files: PartitionedFiles;
const load = () => loadPartitionedPackage(db, files, '', async (path) => new Uint8Array(readFileSync(join(dir, path))));
/** A coordinator as the page makes one for a loaded package (a fresh one has an empty result cache). */
function coordinator(loaded: LoadedPackage): Coordinator {
  const c = new Coordinator(db);
  c.setPartitions(loaded.partitions);
  return c;
}
const ask = async (c: Coordinator, request: { sql: string; partitions: string[] | undefined }) =>
  decodeProfile(await c.query(request.sql, request.partitions));

beforeAll(async () => {
  // The run's shared packages (read only). Published first: publishedPartitions.test.ts asks for the raw one first,
  // so when both start together each worker generates one.
  dir = await smallNational(true);
  // The same package with the model's raw counts: the figures the published files must not hold.
  rawDir = await smallNational(false);

  db = await createNodeConnector();
  files = {
    'dataset.json': text(dir, 'dataset.json'),
    'areas.csv': text(dir, 'areas.csv'),
    'indicators.csv': text(dir, 'indicators.csv'),
    'aims.csv': text(dir, 'aims.csv'),
    'geo/gemeente.geojson': text(dir, 'geo/gemeente.geojson'),
  };
  pkg = await load();
  areas = new Map(pkg.areas.map((a) => [a.code, a]));
  first = (await fetchFirstView('', fetchText))!;
}, 900_000);
afterAll(() => {
  db?.close();
});

/**
 * Every area's Kompas and dispersion rows as the page's DuckDB answers its own requests: the package loaded afresh for
 * each gemeente (the page holds a few files, not the whole country), the files loading as the requests name them;
 * with `map`, after the map loaded the default indicator's file of every year, as a visitor's map does.
 */
async function duckDbAnswers(map: boolean) {
  const out = new Map<string, { profile: ProfileRow[]; spread: ProfileRow[] }>();
  const gemeenten = new Map<string, string[]>();
  for (const a of pkg.areas)
    gemeenten.set(a.gemeente ?? a.code, [...(gemeenten.get(a.gemeente ?? a.code) ?? []), a.code]);
  for (const codes of gemeenten.values()) {
    const loaded = await load();
    if (map) {
      const indicator = loaded.meta.default_indicator;
      const files = loaded.meta.periods.map((p) => loaded.partitions!.indicatorPeriod(indicator, p));
      expect(files.every((f) => f !== null)).toBe(true);
      await loaded.partitions!.ensure(files as string[]);
    }
    const c = coordinator(loaded);
    for (const code of codes)
      out.set(code, {
        profile: await ask(c, kompasRequest(code, areas, true)),
        spread: await ask(c, dispersionRequest(code, areas, true)),
      });
  }
  return out;
}

describe('the precomputed first view of the small national package', () => {
  it('is declared, and opens on the year the page opens on', () => {
    expect(declaresFirstView(text(dir, 'dataset.json'))).toBe(true);
    expect(first).not.toBeNull();
    expect(JSON.parse(text(dir, FIRST_VIEW_INDEX))).toMatchObject({ version: 1, social_periods: {} });
    // The page asks a partitioned package for no social-domain years: both open on the package's default year.
    expect(first.socialPeriods.size).toBe(0);
    expect(defaultPeriod({ meta: pkg.meta, socialPeriods: first.socialPeriods })).toBe(
      defaultPeriod({ meta: pkg.meta, socialPeriods: undefined }),
    );
  });

  it('gives, for every area, the rows, dispersion and verdicts the page’s DuckDB gives', async () => {
    expect(pkg.areas.length).toBeGreaterThan(600);
    const aims = effectiveAims(pkg.aims, [], pkg.areas);
    const duck = await duckDbAnswers(false);
    let rows = 0;
    let verdicts = 0;
    let aimStatuses = 0;
    for (const area of pkg.areas) {
      const answer = duck.get(area.code)!;
      const paths = firstAreaPaths(kompasRequest(area.code, areas, true).codes);
      expect(profileSource(first, false, paths)).toBe('first');
      const precomputed = await first.rows(paths);
      expectEqual(precomputed, answer.profile, area.code);
      expect(answer.profile.length).toBeGreaterThan(0);
      rows += precomputed.length;

      // What the page uses: the area's share of its Kompas rows (one file per click; the package has no dispersion
      // files).
      const spread = ownDispersionRows(precomputed, area.code);
      expectEqual(spread, answer.spread, `own dispersion of ${area.code}`);
      const dispersion = estimateDispersion(spread, pkg.indicators);
      expectEqual(dispersion, estimateDispersion(answer.spread, pkg.indicators));

      const gemeente = area.gemeente ?? null;
      for (const period of pkg.meta.periods) {
        const input = { indicators: pkg.indicators, aims, area: area.code, gemeente, period, dispersion };
        const fromFiles = assessArea({ ...input, rows: precomputed });
        const fromDuck = assessArea({ ...input, rows: answer.profile });
        expectEqual(fromFiles, fromDuck, `${area.code} ${period}`);
        expectEqual(signals(fromFiles), signals(fromDuck));
        const rowsInput = { indicators: pkg.indicators, area: area.code, gemeente, period, periods: pkg.meta.periods };
        expectEqual(
          kompasRows({ ...rowsInput, rows: precomputed }),
          kompasRows({ ...rowsInput, rows: answer.profile }),
        );
        verdicts += fromFiles.filter(
          (a) => a.vsGemeente.verdict === 'better' || a.vsGemeente.verdict === 'worse',
        ).length;
        aimStatuses += fromFiles.filter((a) => a.aim !== null).length;
      }
    }
    // The comparison covered real rows, verdicts and aims, not only empty assessments.
    expect(rows).toBeGreaterThan(pkg.areas.length * pkg.indicators.length);
    expect(verdicts).toBeGreaterThan(50);
    expect(aimStatuses).toBeGreaterThan(10);
  }, 600_000);

  it('still gives the page’s answers once the map has loaded its files too', async () => {
    // The map loads the default indicator's file of each year; a row either layout hides is hidden in both.
    const duck = await duckDbAnswers(true);
    for (const area of pkg.areas) {
      const answer = duck.get(area.code)!;
      const precomputed = await first.rows(firstAreaPaths(kompasRequest(area.code, areas, true).codes));
      expectEqual(precomputed, answer.profile, area.code);
      expectEqual(ownDispersionRows(precomputed, area.code), answer.spread);
    }
  }, 600_000);

  it('holds no value the disclosure rules hide', () => {
    // The model's raw counts, from the unpublished package's area files.
    const raw = new Map<string, { numerator: number | null; value: number | null }>();
    for (const name of readdirSync(join(rawDir, 'obs', 'area'))) {
      const table = tableFromIPC(readFileSync(join(rawDir, 'obs', 'area', name)));
      for (const row of table.toArray()) {
        const r = row.toJSON() as Record<string, unknown>;
        const n = (v: unknown) => (v === null || v === undefined || Number.isNaN(Number(v)) ? null : Number(v));
        raw.set(
          key({ area_code: String(r.area_code), indicator_id: String(r.indicator_id), period: Number(r.period) }),
          {
            numerator: n(r.numerator),
            value: n(r.value),
          },
        );
      }
    }
    const firstFiles = (sub: string) => readdirSync(join(dir, 'first', sub)).map((f) => `first/${sub}/${f}`);
    const areaFiles = firstFiles('area');
    expect(areaFiles.length).toBe(pkg.areas.length);
    // The dispersion rows are a share of the area files: no files of their own.
    expect(existsSync(join(dir, 'first', 'dispersion'))).toBe(false);
    let secret = 0;
    let hiddenCounts = 0;
    for (const path of areaFiles) {
      for (const row of decodeRows(text(dir, path))) {
        if (row.status !== 'secret') continue;
        // A hidden row keeps its place with no figure.
        expect(row, path).toMatchObject({ value: null, numerator: null, denominator: null, suppressed: true });
        secret++;
        if ((raw.get(key(row))?.numerator ?? 0) > 0) hiddenCounts++;
      }
    }
    // Many rows are hidden, hundreds of them behind a real count the model made (in the raw files, in no first/ file).
    expect(secret).toBeGreaterThan(1000);
    expect(hiddenCounts).toBeGreaterThan(100);
  });
});
