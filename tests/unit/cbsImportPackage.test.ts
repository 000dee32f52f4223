/**
 * `importCbs` end to end on the real CBS files in ../shared/data (see its README for sources): the package files
 * it writes are read back and compared with the source files cell by cell, areas and their year versions are
 * checked code by code, the crosswalk of merged gemeenten is recomputed from the source values, and the whole
 * five-municipality package is loaded with the app's own loader.
 */
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportError, type ImportOptions, importCbs } from '../../scripts/cbs/importCbs.ts';
import { parseCsv } from '../../src/data/csv.ts';
import { loadPackage } from '../../src/data/load.ts';
import { type PackageFiles, unitMultiplier } from '../../src/data/package.ts';
import { createNodeConnector } from '../../src/db/node.ts';
import type { ImportMessage } from '../../src/import/cbs/messages.ts';
import { lookupVariable, VARIABLES, variableById } from '../../src/import/cbs/variables.ts';
import { readPackage } from '../fixtures/readPackage.ts';

const DATA = join(import.meta.dirname, '../../../shared/data');
const exists = existsSync(DATA);
if (!exists) console.warn(`CBS import tests skipped because ../shared/data is missing (looked in ${DATA})`);

const FIVE = ['GM0014', 'GM1979', 'GM0610', 'GM0556', 'GM0451'];
const NL_YEARS = [2012, 2017, 2018, 2019, 2022, 2023, 2024];
const boundary = (name: string) => join(DATA, 'boundaries', name);
const ODATA_SUBSET = () => join(DATA, 'indicators', 'cbs_85984NED_kwb_2024_gemeente_wijk_subset.csv');
const DATA_PROPERTIES = () => join(DATA, 'metadata', '85984NED_DataProperties.json');
const WIJKEN_2024 = 'pdok_cbs_wijken_2024.geojson';
const KAART_2015 = ['buurt', 'wijk', 'gemeente'].map((l) => `cbs_wijkbuurtkaart_2015_${l}.geojson`);
const gemeentenFile = (year: number) => `pdok_cbs_gemeenten_${year}_nl.geojson`;

/** The Wijk- en buurtkaart's "geheim / niet beschikbaar". */
const SECRET = -99999999;

// ---------------------------------------------------------------------------------------------------------------
// Reading back

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gk-cbs-'));
  temps.push(dir);
  return dir;
}

interface Obs {
  /** The cell as written, to tell an empty value from a 0. */
  raw: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

interface Package {
  files: PackageFiles;
  meta: {
    periods: number[];
    default_period: number;
    gemeente: string;
    default_area: string;
    default_indicator: string;
  };
  areas: Feature<Geometry | null>[];
  indicators: Record<string, string>[];
  /** `code|indicator|period` → the observation. */
  obs: Map<string, Obs>;
  rows: number;
}

const cellKey = (code: string, variable: string, period: number) => `${code}|${variable}|${period}`;
const num = (text: string) => (text === '' ? null : Number(text));

function csvObjects(text: string, file: string): Record<string, string>[] {
  const table = parseCsv(text, file);
  return table.rows.map((row) => Object.fromEntries(table.header.map((h, i) => [h, row[i]!])));
}

function readBack(dir: string): Package {
  const files = readPackage(dir);
  const obs = new Map<string, Obs>();
  const rows = csvObjects(files['observations.csv'], 'observations.csv');
  for (const r of rows) {
    const k = cellKey(r.area_code!, r.indicator_id!, Number(r.period));
    expect(obs.has(k), `observation ${k} written twice`).toBe(false);
    obs.set(k, { raw: r.value!, value: num(r.value!), numerator: num(r.numerator!), denominator: num(r.denominator!) });
  }
  return {
    files,
    meta: JSON.parse(files['dataset.json']),
    areas: (JSON.parse(files['areas.geojson']) as FeatureCollection<Geometry | null>).features,
    indicators: csvObjects(files['indicators.csv'], 'indicators.csv'),
    obs,
    rows: rows.length,
  };
}

async function run(files: string[], options: Partial<ImportOptions> = {}) {
  const out = join(freshDir(), 'pkg');
  const result = await importCbs({ out, files, ...options });
  return { out, result, pkg: readBack(out) };
}

/** The messages of an import that must fail. */
async function failure(options: ImportOptions): Promise<ImportMessage[]> {
  try {
    await importCbs(options);
  } catch (error) {
    if (error instanceof ImportError) return error.messages;
    throw error;
  }
  throw new Error('expected the import to fail');
}

const readGeo = (name: string) => JSON.parse(readFileSync(boundary(name), 'utf8')) as FeatureCollection;
const props = (f: Feature) => f.properties as Record<string, unknown>;

function areasOf(pkg: Package, code: string) {
  return pkg.areas.filter((f) => f.properties?.code === code);
}

// ---------------------------------------------------------------------------------------------------------------
// The source cells, read independently of the importer

/** value by `code|variable|period`; null = secret or not published. */
type Cells = Map<string, number | null>;

/**
 * Every cell of a GeoJSON's properties that is a figure: every feature × every property any feature has (a property
 * missing from one feature is "not published" there), except codes, names and flags. The variable is the mapping
 * table's id, or the column name in lower case for a column it does not know.
 */
function sourceCells(
  fc: FeatureCollection,
  period: number,
  codeKey: string,
  notValues: readonly string[],
  keep: (code: string) => boolean = () => true,
): Cells {
  const columns = [...new Set(fc.features.flatMap((f) => Object.keys(props(f))))].filter(
    (c) => c !== codeKey && !notValues.includes(c),
  );
  const cells: Cells = new Map();
  for (const f of fc.features) {
    const code = props(f)[codeKey] as string;
    if (!keep(code)) continue;
    for (const column of columns) {
      const raw = props(f)[column];
      if (raw !== undefined && raw !== null && typeof raw !== 'number') throw new Error(`${code} ${column}: ${raw}`);
      const variable = lookupVariable(column)?.id ?? column.toLowerCase();
      cells.set(cellKey(code, variable, period), typeof raw === 'number' && raw !== SECRET ? raw : null);
    }
  }
  return cells;
}

/** Cells that differ from the package (or are missing from it), as readable lines; [] when all are equal. */
function mismatches(expected: Cells, pkg: Package): string[] {
  const out: string[] = [];
  for (const [k, value] of expected) {
    const got = pkg.obs.get(k);
    if (!got) out.push(`${k}: missing (source ${value})`);
    else if (got.value !== value || (value === null && got.raw !== '')) out.push(`${k}: ${got.raw} ≠ source ${value}`);
  }
  return out.slice(0, 30);
}

/** The rates the importer computes from their counts (bijstand per 1 000 …) for every area-year with both counts. */
function derivedRows(cells: Cells): Map<string, Omit<Obs, 'raw'>> {
  const rows = new Map<string, Omit<Obs, 'raw'>>();
  const codePeriods = new Set([...cells.keys()].map((k) => k.split('|')).map(([c, , p]) => `${c}|${p}`));
  for (const def of VARIABLES.filter((d) => d.derived)) {
    for (const cp of codePeriods) {
      const [code, period] = cp.split('|') as [string, string];
      const n = cells.get(cellKey(code, def.numerator!, Number(period)));
      const d = cells.get(cellKey(code, def.denominator!, Number(period)));
      if (n === undefined || d === undefined) continue;
      const filled = n !== null && d !== null && d > 0 && n <= d;
      rows.set(
        cellKey(code, def.id, Number(period)),
        filled
          ? { value: (n / d) * unitMultiplier(def.unit)!, numerator: n, denominator: d }
          : { value: null, numerator: null, denominator: null },
      );
    }
  }
  return rows;
}

function derivedMismatches(expected: Map<string, Omit<Obs, 'raw'>>, pkg: Package): string[] {
  const out: string[] = [];
  for (const [k, e] of expected) {
    const got = pkg.obs.get(k);
    const same =
      got !== undefined &&
      got.numerator === e.numerator &&
      got.denominator === e.denominator &&
      (e.value === null ? got.value === null : Math.abs(got.value! - e.value) <= 1e-9 * Math.abs(e.value));
    if (!same) out.push(`${k}: ${JSON.stringify(got)} ≠ ${JSON.stringify(e)}`);
  }
  return out.slice(0, 30);
}

/** Every indicator observed is described in indicators.csv, and every indicator described is observed. */
function expectIndicatorsMatchObservations(pkg: Package) {
  const observed = new Set([...pkg.obs.keys()].map((k) => k.split('|')[1]!));
  expect(new Set(pkg.indicators.map((i) => i.id))).toEqual(observed);
}

// ---------------------------------------------------------------------------------------------------------------

describe.skipIf(!exists)('importCbs on the real CBS files in shared/data', () => {
  it('1. the 2024 wijken of the five municipalities: every wijk an area with its boundary, every figure as published', async () => {
    // Boundaries compared as the source drew them; simplification has its own test (cbsSimplify.test.ts).
    const { pkg, result } = await run([boundary(WIJKEN_2024), boundary(gemeentenFile(2024))], {
      gemeenten: FIVE,
      simplify: false,
    });
    const wijken = readGeo(WIJKEN_2024);
    const gemeenten = readGeo(gemeentenFile(2024));
    expect(wijken.features).toHaveLength(63);

    // Areas: the 63 wijken, the 5 gemeenten with their 2024 boundary, and the Netherlands; one version each.
    expect(pkg.areas.map((f) => f.properties?.code).sort()).toEqual(
      ['NL00', ...FIVE, ...wijken.features.map((f) => props(f).wijkcode as string)].sort(),
    );
    expect(result.areas).toBe(69);
    for (const f of wijken.features) {
      const p = props(f);
      const [area, ...more] = areasOf(pkg, p.wijkcode as string);
      expect(more).toEqual([]);
      expect(area!.properties).toEqual({ code: p.wijkcode, name: p.wijknaam, level: 'wijk', parent: p.gemeentecode });
      expect(area!.geometry).toEqual(f.geometry);
    }
    for (const code of FIVE) {
      const source = gemeenten.features.find((f) => props(f).gemeentecode === code)!;
      const [area, ...more] = areasOf(pkg, code);
      expect(more).toEqual([]);
      expect(area!.properties).toEqual({
        code,
        name: props(source).gemeentenaam,
        level: 'gemeente',
        parent: 'NL00',
      });
      expect(area!.geometry).toEqual(source.geometry);
    }
    expect(areasOf(pkg, 'NL00')).toEqual([
      { type: 'Feature', properties: { code: 'NL00', name: 'Nederland', level: 'land' }, geometry: null },
    ]);

    // Every figure of the wijken file is a mapped variable, and every cell is in the package as published.
    const wijkColumns = Object.keys(props(wijken.features[0]!)).filter((c) => !c.match(/code$|naam$/));
    expect(wijkColumns).toHaveLength(12);
    for (const column of wijkColumns) expect(lookupVariable(column), column).toBeDefined();
    const expected = new Map([
      ...sourceCells(wijken, 2024, 'wijkcode', ['wijknaam', 'gemeentecode', 'gemeentenaam']),
      ...sourceCells(gemeenten, 2024, 'gemeentecode', ['gemeentenaam', 'bbg_peiljaar'], (c) => FIVE.includes(c)),
    ]);
    expect(expected.size).toBe(63 * 12 + 5 * 38);
    expect(mismatches(expected, pkg)).toEqual([]);
    // Nothing else: no rate can be computed from these counts.
    expect(derivedRows(expected).size).toBe(0);
    expect(pkg.rows).toBe(expected.size);
    expect(result.observations).toBe(expected.size);

    for (const f of wijken.features) {
      const p = props(f);
      expect(pkg.obs.get(cellKey(p.wijkcode as string, 'a_inw', 2024))?.value).toBe(p.aantal_inwoners ?? null);
    }
    expectIndicatorsMatchObservations(pkg);
    expect(pkg.meta).toMatchObject({ periods: [2024], default_period: 2024, gemeente: 'GM0014' });
  });

  it('2. the Wijk- en buurtkaart 2015: every buurt, wijk and gemeente of the nine gemeenten, secrets empty, benefit counts and bijstand rate', async () => {
    const { pkg, result } = await run(KAART_2015.map(boundary), { simplify: false });
    const [buurten, wijken, gemeenten] = KAART_2015.map(readGeo) as [
      FeatureCollection,
      FeatureCollection,
      FeatureCollection,
    ];
    const NINE = ['GM0003', 'GM0009', 'GM0010', 'GM0014', 'GM0017', 'GM0024', 'GM0451', 'GM0556', 'GM0610'];

    // Areas: exactly the features of the three files, each with its boundary, name and parent.
    const check = (fc: FeatureCollection, codeKey: string, nameKey: string, parentKey: string | null) => {
      for (const f of fc.features) {
        const p = props(f);
        const code = p[codeKey] as string;
        expect(NINE).toContain(p.GM_CODE);
        const [area, ...more] = areasOf(pkg, code);
        expect(more).toEqual([]);
        expect(area!.properties).toEqual({
          code,
          name: p[nameKey],
          level: code.startsWith('BU') ? 'buurt' : code.startsWith('WK') ? 'wijk' : 'gemeente',
          parent: parentKey === null ? 'NL00' : p[parentKey],
        });
        expect(area!.geometry).toEqual(f.geometry);
      }
    };
    check(buurten, 'BU_CODE', 'BU_NAAM', 'WK_CODE');
    check(wijken, 'WK_CODE', 'WK_NAAM', 'GM_CODE');
    check(gemeenten, 'GM_CODE', 'GM_NAAM', null);
    // WK001002 (Delfzijl) is not in the wijk file but its buurten are: listed without a boundary, named by its code.
    expect(areasOf(pkg, 'WK001002').map((f) => [f.properties, f.geometry])).toEqual([
      [{ code: 'WK001002', name: 'WK001002', level: 'wijk', parent: 'GM0010' }, null],
    ]);
    expect(result.warnings.some((w) => w.includes('WK001002'))).toBe(true);
    const perLevel = (level: string) => pkg.areas.filter((f) => f.properties?.level === level);
    expect(perLevel('gemeente').map((f) => f.properties?.code)).toEqual(NINE);
    expect(perLevel('wijk')).toHaveLength(49 + 1);
    expect(perLevel('buurt')).toHaveLength(249);
    const buurtenPer = Object.fromEntries(
      NINE.map((g) => [g, perLevel('buurt').filter((f) => f.properties?.parent?.slice(2, 6) === g.slice(2)).length]),
    );
    // The counts the README gives per gemeente.
    expect(buurtenPer).toEqual({
      GM0003: 6,
      GM0009: 12,
      GM0010: 25,
      GM0014: 106,
      GM0017: 14,
      GM0024: 23,
      GM0451: 11,
      GM0556: 19,
      GM0610: 33,
    });
    expect(pkg.areas).toHaveLength(249 + 50 + 9 + 1);

    // Every figure cell of the three files.
    const notValues = ['BU_CODE', 'BU_NAAM', 'WK_CODE', 'WK_NAAM', 'GM_CODE', 'GM_NAAM', 'IND_WBI'];
    const expected = new Map([
      ...sourceCells(buurten, 2015, 'BU_CODE', notValues),
      ...sourceCells(wijken, 2015, 'WK_CODE', notValues),
      ...sourceCells(gemeenten, 2015, 'GM_CODE', notValues),
    ]);
    expect(expected.size).toBe((249 + 49 + 9) * 43);
    expect(mismatches(expected, pkg)).toEqual([]);

    // -99999999 is "geheim": a row with an empty value, never 0 and never the sentinel.
    const secrets = [buurten, wijken, gemeenten].flatMap((fc) =>
      fc.features.flatMap((f) =>
        Object.entries(props(f))
          .filter(([, v]) => v === SECRET)
          .map(([column]) => {
            const p = props(f);
            return cellKey(
              (p.BU_CODE ?? p.WK_CODE ?? p.GM_CODE) as string,
              lookupVariable(column)?.id ?? column.toLowerCase(),
              2015,
            );
          }),
      ),
    );
    expect(secrets.length).toBeGreaterThan(100);
    for (const k of secrets)
      expect(pkg.obs.get(k), k).toEqual({ raw: '', value: null, numerator: null, denominator: null });
    expect([...pkg.obs.values()].filter((o) => o.value !== null && o.value <= -99999990)).toEqual([]);

    // The benefit counts, by their 2015 names.
    const BENEFITS = { WWB_UITTOT: 'a_soz_wb', AO_UIT_TOT: 'a_soz_ao', WW_UIT_TOT: 'a_soz_ww', A_SOZ_OW: 'a_soz_ow' };
    let filled = 0;
    for (const fc of [buurten, wijken, gemeenten])
      for (const f of fc.features) {
        const p = props(f);
        const code = (p.BU_CODE ?? p.WK_CODE ?? p.GM_CODE) as string;
        for (const [column, id] of Object.entries(BENEFITS)) {
          const raw = p[column] as number;
          const got = pkg.obs.get(cellKey(code, id, 2015));
          expect(got?.value, `${code} ${column}`).toBe(raw === SECRET ? null : raw);
          if (raw !== SECRET) filled++;
        }
      }
    expect(filled).toBeGreaterThan(500);

    // The rates computed from those counts: value = numerator / denominator × 1000, both kept.
    const derived = derivedRows(expected);
    expect(derivedMismatches(derived, pkg)).toEqual([]);
    const wb = [...pkg.obs].filter(([k]) => k.split('|')[1] === 'soz_wb_per_1000');
    expect(wb).toHaveLength(307);
    for (const [k, o] of wb) {
      const [code] = k.split('|') as [string];
      const n = expected.get(cellKey(code, 'a_soz_wb', 2015));
      const d = expected.get(cellKey(code, 'a_inw', 2015));
      if (n === null || d === null || d === undefined || n === undefined) expect(o.value, k).toBeNull();
      else {
        expect(o.numerator, k).toBe(n);
        expect(o.denominator, k).toBe(d);
        expect(o.value, k).toBeCloseTo((n / d) * 1000, 9);
      }
    }
    const gm0014 = pkg.obs.get(cellKey('GM0014', 'soz_wb_per_1000', 2015))!;
    const g = props(gemeenten.features.find((f) => props(f).GM_CODE === 'GM0014')!);
    expect(gm0014.numerator).toBe(g.WWB_UITTOT);
    expect(gm0014.denominator).toBe(g.AANT_INW);
    expect(wb.filter(([, o]) => o.numerator !== null).length).toBeGreaterThan(200);

    // The rounding each indicator declares holds for what CBS published: every wijk and buurt count is a multiple of
    // it (the benefit counts at gemeente level too). Gemeente population is exact in 2015, finer than declared.
    const indicator = (id: string) => pkg.indicators.find((i) => i.id === id)!;
    expect(['a_soz_wb', 'a_soz_ao', 'a_soz_ww', 'a_soz_ow'].map((id) => indicator(id).rounding)).toEqual([
      '10',
      '10',
      '10',
      '10',
    ]);
    expect([indicator('soz_wb_per_1000').rounding, indicator('soz_wb_per_1000').denominator_rounding]).toEqual([
      '10',
      '5',
    ]);
    expect([indicator('a_inw').rounding, indicator('a_hh').rounding, indicator('a_pau').rounding]).toEqual([
      '5',
      '5',
      '5',
    ]);
    const rounded = pkg.indicators.filter((i) => i.rounding !== '' && i.unit === 'count');
    expect(rounded.length).toBeGreaterThanOrEqual(10);
    let checked = 0;
    for (const [k, o] of pkg.obs) {
      const [code, id] = k.split('|') as [string, string];
      const unit = Number(rounded.find((i) => i.id === id)?.rounding ?? 0);
      if (unit === 0 || o.value === null || (code.startsWith('GM') && !id.startsWith('a_soz_'))) continue;
      expect(o.value % unit, `${k} = ${o.value}, rounding ${unit}`).toBe(0);
      checked++;
    }
    expect(checked).toBeGreaterThan(3000);

    // Nothing else is in the package.
    expect(pkg.rows).toBe(expected.size + derived.size);
    expectIndicatorsMatchObservations(pkg);
  });

  it('3. the gemeenten of the Netherlands 2012–2024: every year its own indeling, every figure, merged series continued', async () => {
    const { pkg, result } = await run(
      NL_YEARS.map((y) => boundary(gemeentenFile(y))),
      { simplify: false },
    );
    const sources = new Map(NL_YEARS.map((y) => [y, readGeo(gemeentenFile(y))]));
    const rowsPerYear = { 2012: 416, 2017: 389, 2018: 381, 2019: 356, 2022: 346, 2023: 343, 2024: 343 };
    for (const y of NL_YEARS) expect(sources.get(y)!.features).toHaveLength(rowsPerYear[y as keyof typeof rowsPerYear]);

    // Which years every code appears in, and its feature there.
    const years = new Map<string, Map<number, Feature>>();
    for (const [y, fc] of sources)
      for (const f of fc.features) {
        const code = props(f).gemeentecode as string;
        if (!years.has(code)) years.set(code, new Map());
        years.get(code)!.set(y, f);
      }
    const gemeenteAreas = pkg.areas.filter((f) => f.properties?.level === 'gemeente');
    expect(new Set(gemeenteAreas.map((f) => f.properties?.code))).toEqual(new Set(years.keys()));
    expect(pkg.meta.periods).toEqual(NL_YEARS);

    // The versions of each code cover exactly the years it appears in, without overlap; each version has the name
    // and boundary of its last year.
    const problems: string[] = [];
    for (const [code, present] of years) {
      const versions = areasOf(pkg, code);
      const covered = NL_YEARS.filter((y) =>
        versions.some(
          (v) => (v.properties?.first_period ?? -Infinity) <= y && y <= (v.properties?.last_period ?? Infinity),
        ),
      );
      const overlap = NL_YEARS.some(
        (y) =>
          versions.filter(
            (v) => (v.properties?.first_period ?? -Infinity) <= y && y <= (v.properties?.last_period ?? Infinity),
          ).length > 1,
      );
      if (JSON.stringify(covered) !== JSON.stringify([...present.keys()]) || overlap)
        problems.push(`${code}: in ${[...present.keys()]}, areas cover ${covered}`);
      for (const v of versions) {
        const last = present.get(v.properties?.last_period ?? 2024)!;
        const name = (props(last).gemeentenaam as string).trim() || code;
        if (v.properties?.name !== name || v.properties?.parent !== 'NL00')
          problems.push(`${code}: ${JSON.stringify(v.properties)}`);
        if (JSON.stringify(v.geometry) !== JSON.stringify(last.geometry)) problems.push(`${code}: another boundary`);
      }
    }
    expect(problems).toEqual([]);
    const periodsOf = (code: string) =>
      areasOf(pkg, code).map((f) => [f.properties?.first_period, f.properties?.last_period]);
    // Eemsdelta from 2022; its predecessors up to 2019; Haren and Ten Boer up to 2018.
    expect(periodsOf('GM1979')).toEqual([[2022, 2024]]);
    for (const code of ['GM0003', 'GM0010', 'GM0024']) expect(periodsOf(code)).toEqual([[2012, 2019]]);
    for (const code of ['GM0009', 'GM0017']) expect(periodsOf(code)).toEqual([[2012, 2018]]);
    // Groningen kept its code, and its boundary changed twice: in 2017 (Meerstad, taken over from Slochteren: the
    // 2017 boundary reaches 0.05° further east and is ~20 % larger) and in 2019 (Haren and Ten Boer). Each
    // boundary is a version, so the map of a year draws that year's Groningen.
    expect(periodsOf('GM0014')).toEqual([
      [2012, 2012],
      [2017, 2018],
      [2019, 2024],
    ]);
    // A gemeente without boundary changes 2012–2024 is one area without periods.
    expect(periodsOf('GM0610')).toEqual([[undefined, undefined]]);

    // Every figure cell of every year.
    const notValues = ['gemeentenaam', 'bbg_peiljaar'];
    const expected: Cells = new Map();
    for (const [y, fc] of sources)
      for (const [k, v] of sourceCells(fc, y, 'gemeentecode', notValues)) expected.set(k, v);
    expect(expected.size).toBeGreaterThan(100_000);
    expect(mismatches(expected, pkg)).toEqual([]);

    // The crosswalk read from the boundaries.
    const mergers = result.mergers.map((m) => `${m.from}→${m.to}`);
    expect(mergers).toEqual(
      expect.arrayContaining(['GM0003→GM1979', 'GM0010→GM1979', 'GM0024→GM1979', 'GM0009→GM0014', 'GM0017→GM0014']),
    );
    for (const m of result.mergers) {
      expect(years.get(m.from)!.has(2024), m.from).toBe(false);
      expect(years.get(m.to)!.has(2024), m.to).toBe(true);
    }

    // Eemsdelta before 2021: the sum of Appingedam, Delfzijl and Loppersum of that year; from 2022 its own.
    const value = (code: string, y: number, column = 'aantal_inwoners') =>
      props(years.get(code)!.get(y)!)[column] as number;
    for (const y of [2012, 2017, 2018, 2019]) {
      const sum = value('GM0003', y) + value('GM0010', y) + value('GM0024', y);
      expect(pkg.obs.get(cellKey('GM1979', 'a_inw', y))?.value, `${y}`).toBe(sum);
    }
    for (const y of [2022, 2023, 2024])
      expect(pkg.obs.get(cellKey('GM1979', 'a_inw', y))?.value, `${y}`).toBe(value('GM1979', y));
    expect(pkg.obs.get(cellKey('GM1979', 'a_inw', 2012))?.value).toBe(48725);
    // Groningen existed all along: its own published figures, not a sum with Haren and Ten Boer.
    for (const y of [2012, 2017, 2018]) {
      expect(pkg.obs.get(cellKey('GM0014', 'a_inw', y))?.value, `${y}`).toBe(value('GM0014', y));
      const merged = value('GM0014', y) + value('GM0009', y) + value('GM0017', y);
      expect(pkg.obs.get(cellKey('GM0014', 'a_inw', y))?.value, `${y}`).not.toBe(merged);
    }
    expect(result.crosswalked.filter((c) => c.startsWith('GM1979') || c.startsWith('GM0014'))).toEqual([
      'GM1979 2012',
      'GM1979 2017',
      'GM1979 2018',
      'GM1979 2019',
    ]);
    // Averages and densities are not summed: Eemsdelta 2012 has no household size 2.1 + 2.2 + 2.3.
    for (const id of ['g_hhgro', 'bev_dich', 'g_ele', 'g_gas', 'g_wozbag', 'g_ink_pi', 'p_00_14'])
      expect(pkg.obs.has(cellKey('GM1979', id, 2012)), id).toBe(false);

    // Every crosswalked value of every successor is the sum of its predecessors' counts in that year, exactly for the
    // counts all of them have; nothing else is in the package.
    const ADDITIVE = [
      'a_inw',
      'a_man',
      'a_vrouw',
      'a_hh',
      'a_woning',
      'a_bedv',
      'a_pau',
      'a_m2w',
      'a_lan_ha',
      'a_wat_ha',
    ];
    ADDITIVE.push('a_opl_lg', 'a_opl_md', 'a_opl_hg');
    const crosswalk: Cells = new Map();
    for (const entry of result.crosswalked) {
      const [to, period] = entry.split(' ') as [string, string];
      const y = Number(period);
      expect(years.get(to)!.has(y), entry).toBe(false);
      const from = result.mergers.filter((m) => m.to === to && years.get(m.from)!.has(y)).map((m) => m.from);
      expect(from.length, entry).toBeGreaterThan(0);
      for (const id of ADDITIVE) {
        const parts = from.map((f) => expected.get(cellKey(f, id, y)));
        if (parts.some((p) => p === undefined)) continue;
        crosswalk.set(
          cellKey(to, id, y),
          parts.some((p) => p === null) ? null : (parts as number[]).reduce((s, p) => s + p, 0),
        );
      }
    }
    expect(mismatches(crosswalk, pkg)).toEqual([]);
    expect(
      [...crosswalk.keys()]
        .filter((k) => k.startsWith('GM1979|') && k.endsWith('|2012'))
        .map((k) => k.split('|')[1])
        .sort(),
    ).toEqual(['a_bedv', 'a_hh', 'a_inw', 'a_man', 'a_pau', 'a_vrouw', 'a_woning']);
    expect(derivedRows(new Map([...expected, ...crosswalk])).size).toBe(0);
    expect(pkg.rows).toBe(expected.size + crosswalk.size);
    expectIndicatorsMatchObservations(pkg);
  });

  it('4. the 85984NED OData subset with its DataProperties: our labels for known columns, CBS titles for others, values as published', async () => {
    const dataProperties = JSON.parse(readFileSync(DATA_PROPERTIES(), 'utf8')) as {
      Key?: string;
      Title?: string;
      Unit?: string;
    }[];
    const title = (key: string) => dataProperties.find((p) => p.Key === key)!.Title!.trim();
    const { pkg, result } = await run([ODATA_SUBSET(), DATA_PROPERTIES()]);
    // Paired by the table id in the file name: the units were checked, no "matched by name only".
    expect(result.warnings.filter((w) => w.includes('by name only'))).toEqual([]);
    expect(result.unmapped).toEqual([]);

    const csv = parseCsv(readFileSync(ODATA_SUBSET(), 'utf8'), 'subset');
    expect(csv.rows).toHaveLength(67);
    const expected: Cells = new Map();
    for (const row of csv.rows)
      csv.header.forEach((column, i) => {
        if (column === 'WijkenEnBuurten') return;
        const def = lookupVariable(column);
        expect(def, column).toBeDefined();
        expect(row[i]).toMatch(/^\d*$/);
        expected.set(cellKey(row[0]!.trim(), def!.id, 2024), num(row[i]!));
      });
    expect(expected.size).toBe(67 * 8);
    expect(mismatches(expected, pkg)).toEqual([]);
    expect(pkg.rows).toBe(expected.size);
    expect(pkg.areas.filter((f) => f.properties?.level !== 'land')).toHaveLength(67);

    // A mapped column keeps the mapping table's label, not the DataProperties title.
    expect(pkg.indicators.map((i) => i.id).sort()).toEqual(
      ['a_inw', 'a_man', 'a_vrouw', 'bev_dich', 'a_woning', 'a_opp_ha', 'a_lan_ha', 'a_wat_ha'].sort(),
    );
    for (const i of pkg.indicators) {
      const def = variableById(i.id!)!;
      expect([i.label_nl, i.label_en, i.unit]).toEqual([def.label_nl, def.label_en, def.unit]);
    }
    expect(pkg.indicators.find((i) => i.id === 'a_inw')!.label_nl).toBe('Inwoners');
    expect(title('AantalInwoners_5')).toBe('Aantal inwoners');

    // A column the mapping table does not know is labelled with its DataProperties title and unit. The only
    // DataProperties given applies to an OData file whose name holds no table id. (The NietWoningvoorraad_37 figures
    // here are made up for the test; the inhabitants are the subset's.)
    const dir = freshDir();
    const extract = join(dir, 'wijkdata-2024.csv');
    const inhabitants = csv.header.indexOf('AantalInwoners_5');
    writeFileSync(
      extract,
      `WijkenEnBuurten,AantalInwoners_5,NietWoningvoorraad_37\n${csv.rows
        .slice(0, 5)
        .map((r, i) => `${r[0]},${r[inhabitants]},${i === 2 ? '.' : 100 + i}`)
        .join('\n')}\n`,
    );
    const withTitles = await run([extract, DATA_PROPERTIES()]);
    expect(withTitles.result.unmapped).toEqual(['nietwoningvoorraad']);
    expect(withTitles.pkg.indicators.find((i) => i.id === 'nietwoningvoorraad')).toMatchObject({
      label_nl: title('NietWoningvoorraad_37'),
      label_en: title('NietWoningvoorraad_37'),
      unit: 'count',
    });
    expect(title('NietWoningvoorraad_37')).toBe('Niet-woningvoorraad');
    expect(withTitles.pkg.indicators.find((i) => i.id === 'a_inw')!.label_nl).toBe('Inwoners');
    const gm0014 = (id: string) => withTitles.pkg.obs.get(cellKey('GM0014', id, 2024))?.raw;
    expect([gm0014('a_inw'), gm0014('nietwoningvoorraad')]).toEqual([String(expected.get('GM0014|a_inw|2024')), '100']);
    expect(withTitles.pkg.obs.get(cellKey(csv.rows[2]![0]!, 'nietwoningvoorraad', 2024))?.raw).toBe('');
    // Its id is the key without its year-specific suffix (_37 here, _38 in another year's table): one series.
    // Without the DataProperties the same column is named by its key, and the import says so.
    const without = await run([extract]);
    expect(without.pkg.indicators.find((i) => i.id === 'nietwoningvoorraad')?.label_nl).toBe('NietWoningvoorraad_37');
    expect(
      without.result.warnings.some((w) => w.startsWith('wijkdata-2024.csv: OData columns were matched by name only')),
    ).toBe(true);
  });

  it('5. everything in shared/data for the five municipalities at once: imports, and loads into DuckDB as it is', async () => {
    const files = [
      ...readdirSync(join(DATA, 'boundaries'))
        .sort()
        .map((f) => boundary(f)),
      ODATA_SUBSET(),
      DATA_PROPERTIES(),
    ];
    expect(files).toHaveLength(11 + 2);
    const out = join(freshDir(), 'pkg');
    const started = performance.now();
    const result = await importCbs({ out, files, gemeenten: FIVE });
    const seconds = (performance.now() - started) / 1000;
    console.log(`import of all five municipalities: ${seconds.toFixed(2)} s`);
    const pkg = readBack(out);

    expect(result.periods).toEqual([2012, 2015, 2017, 2018, 2019, 2022, 2023, 2024]);
    expect(result.mergers.map((m) => `${m.from}→${m.to}`)).toEqual([
      'GM0003→GM1979',
      'GM0009→GM0014',
      'GM0010→GM1979',
      'GM0017→GM0014',
      'GM0024→GM1979',
    ]);
    expect(result.crosswalked).toEqual(['GM1979 2012', 'GM1979 2015', 'GM1979 2017', 'GM1979 2018', 'GM1979 2019']);
    // The files agree where they overlap (the 2024 gemeenten and wijken of PDOK and OData 85984NED).
    expect(result.warnings.filter((w) => w.includes('differ from'))).toEqual([]);
    // It opens where its wijk has social-domain figures (the 2015 kaart's benefits), not on 2024 (population only),
    // and on a social rate with a value for every wijk of that year, so the map is coloured.
    expect(pkg.meta).toMatchObject({ default_area: 'WK001400', default_period: 2015 });
    const opening = pkg.indicators.find((i) => i.id === pkg.meta.default_indicator)!;
    expect(opening.theme).toBe('werk');
    expect(opening.unit).not.toBe('count');
    const wijken2015 = pkg.areas.filter(
      (f) =>
        f.properties?.level === 'wijk' &&
        (f.properties.first_period ?? 2015) <= 2015 &&
        (f.properties.last_period ?? 2024) >= 2015,
    );
    const coloured = wijken2015.filter(
      (f) => pkg.obs.get(cellKey(f.properties?.code as string, opening.id!, 2015))?.value != null,
    );
    expect(coloured.length).toBeGreaterThan(wijken2015.length * 0.8);
    const kept = new Set([...FIVE, 'GM0003', 'GM0009', 'GM0010', 'GM0017', 'GM0024']);
    // The 2015 boundaries (Wijk- en buurtkaart, simplified otherwise) are compared with PDOK's of the other years:
    // Groningen 2015 is its 2012 boundary (Meerstad came in 2017), and Delfzijl is one area 2012–2019.
    const versions = (code: string) =>
      areasOf(pkg, code).map((f) => [f.properties?.first_period, f.properties?.last_period]);
    expect(versions('GM0014')).toEqual([
      [2012, 2015],
      [2017, 2018],
      [2019, 2024],
    ]);
    expect(versions('GM0010')).toEqual([[2012, 2019]]);
    expect(versions('GM1979')).toEqual([[2022, 2024]]);
    expect(new Set(pkg.areas.filter((f) => f.properties?.level === 'gemeente').map((f) => f.properties?.code))).toEqual(
      kept,
    );

    // Every source cell of the kept areas is in the package as published (where two files hold a cell, they agree).
    const expected: Cells = new Map();
    const add = (cells: Cells) => {
      for (const [k, v] of cells) {
        const seen = expected.get(k);
        if (seen !== undefined && seen !== null && v !== null) expect(v, k).toBe(seen);
        if (seen === undefined || seen === null) expected.set(k, v);
      }
    };
    const inKept = (code: string) => kept.has(`GM${code.slice(2, 6)}`);
    for (const y of NL_YEARS)
      add(sourceCells(readGeo(gemeentenFile(y)), y, 'gemeentecode', ['gemeentenaam', 'bbg_peiljaar'], inKept));
    add(sourceCells(readGeo(WIJKEN_2024), 2024, 'wijkcode', ['wijknaam', 'gemeentecode', 'gemeentenaam']));
    const notValues = ['BU_CODE', 'BU_NAAM', 'WK_CODE', 'WK_NAAM', 'GM_CODE', 'GM_NAAM', 'IND_WBI'];
    add(sourceCells(readGeo(KAART_2015[0]!), 2015, 'BU_CODE', notValues));
    add(sourceCells(readGeo(KAART_2015[1]!), 2015, 'WK_CODE', notValues));
    add(sourceCells(readGeo(KAART_2015[2]!), 2015, 'GM_CODE', notValues));
    const csv = parseCsv(readFileSync(ODATA_SUBSET(), 'utf8'), 'subset');
    const odata: Cells = new Map();
    for (const row of csv.rows)
      csv.header.forEach((column, i) => {
        if (i > 0) odata.set(cellKey(row[0]!, lookupVariable(column)!.id, 2024), num(row[i]!));
      });
    add(odata);
    expect(mismatches(expected, pkg)).toEqual([]);

    // Loaded by the app's own loader: valid end to end, every row in.
    const db = await createNodeConnector();
    try {
      const loaded = await loadPackage(db, pkg.files);
      // One area per code; a code whose boundary changed has breaks where its later versions start.
      expect(loaded.areas).toHaveLength(new Set(pkg.areas.map((f) => f.properties?.code)).size);
      const groningen = loaded.areas.find((a) => a.code === 'GM0014')!;
      expect([groningen.first_period, groningen.last_period, groningen.breaks]).toEqual([2012, 2024, [2017, 2019]]);
      const count = (await db.query('SELECT count(*)::INT AS n FROM observations')).toArray()[0]!.toJSON().n;
      expect(count).toBe(pkg.rows);
      expect(count).toBe(result.observations);
      const eemsdelta = (
        await db.query(
          "SELECT period::INT AS period, value FROM observations WHERE area_code = 'GM1979' AND indicator_id = 'a_inw' ORDER BY period",
        )
      )
        .toArray()
        .map((r) => r.toJSON());
      expect(eemsdelta.map((r) => r.period)).toEqual([2012, 2015, 2017, 2018, 2019, 2022, 2023, 2024]);
      for (const r of eemsdelta) expect(r.value).toBe(pkg.obs.get(cellKey('GM1979', 'a_inw', r.period))!.value);
    } finally {
      db.close();
    }
  }, 60_000);

  describe('6. bad input', () => {
    it('names file and columns for a CSV in no known layout, and file and row for a file that is not UTF-8', async () => {
      const dir = freshDir();
      writeFileSync(join(dir, 'gebieden-2024.csv'), 'code,naam,inwoners\nA1,Noord,1200\n');
      // "Súdwest-Fryslân" as a Dutch Excel saves plain CSV: Windows-1252.
      writeFileSync(
        join(dir, 'kwb-2021.csv'),
        Buffer.concat([
          Buffer.from('gwb_code_10,regio,a_inw\nGM1900,S'),
          Buffer.from([0xfa]),
          Buffer.from('dwest-Frysl'),
          Buffer.from([0xe2]),
          Buffer.from('n,90000\n'),
        ]),
      );
      const messages = await failure({
        out: join(dir, 'pkg'),
        files: [join(dir, 'gebieden-2024.csv'), join(dir, 'kwb-2021.csv')],
      });
      expect(messages.map((m) => [m.file, m.row, m.column, m.code])).toEqual([
        ['gebieden-2024.csv', undefined, undefined, 'unknownLayout'],
        ['kwb-2021.csv', 2, undefined, 'notUtf8'],
      ]);
      expect(messages[0]!.text).toMatch(
        /^gebieden-2024\.csv: not a known CBS layout\. Found columns: code, naam, inwoners\./,
      );
      expect(messages[1]!.text).toMatch(
        /^kwb-2021\.csv row 2: the file is not UTF-8 text \(first bad character on line 2/,
      );
      expect(existsSync(join(dir, 'pkg'))).toBe(false);
    });

    it('names file, row and column for a cell that is no number', async () => {
      const dir = freshDir();
      writeFileSync(
        join(dir, 'kwb-2022.csv'),
        'gwb_code_10,regio,a_inw\nGM1979,Eemsdelta,45000\nWK197901,Delfzijl,12 000\n',
      );
      const messages = await failure({ out: join(dir, 'pkg'), files: [join(dir, 'kwb-2022.csv')] });
      expect(messages.map((m) => m.text)).toEqual(["kwb-2022.csv row 3, column a_inw: '12 000' is not a number"]);
    });

    it('refuses the same year given twice, naming both files and an area', async () => {
      const dir = freshDir();
      const copy = join(dir, 'wijken_2024_kopie.geojson');
      copyFileSync(boundary(WIJKEN_2024), copy);
      const messages = await failure({ out: join(dir, 'pkg'), files: [boundary(WIJKEN_2024), copy] });
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatchObject({
        file: 'wijken_2024_kopie.geojson',
        code: 'yearTwice',
        params: { period: 2024, other: WIJKEN_2024, example: 'WK001400' },
      });
      expect(messages[0]!.text).toContain(`holds 2024 for the same areas as ${WIJKEN_2024} (e.g. WK001400)`);
    });

    it('refuses a gemeente that is in none of the files', async () => {
      const dir = freshDir();
      const messages = await failure({ out: join(dir, 'pkg'), files: [boundary(WIJKEN_2024)], gemeenten: ['GM0999'] });
      expect(messages.map((m) => [m.file, m.code, m.params.value])).toEqual([
        [WIJKEN_2024, 'gemeenteNotFound', 'GM0999'],
      ]);
      expect(messages[0]!.text).toBe(
        `${WIJKEN_2024}: gemeente GM0999 is in none of these files (check the code, e.g. GM1979 for Eemsdelta)`,
      );
    });

    it('names the metadata file, not the data file, when the DataProperties are broken or missing', async () => {
      const dir = freshDir();
      const broken = join(dir, '85984NED_DataProperties.json');
      writeFileSync(broken, '[\n  {"Key": "AantalInwoners_5",\n  "Title": }\n]\n');
      const messages = await failure({ out: join(dir, 'pkg'), files: [ODATA_SUBSET(), broken] });
      expect(messages.map((m) => [m.file, m.row, m.code])).toEqual([
        ['85984NED_DataProperties.json', 3, 'invalidJson'],
      ]);
      const missing = await failure({
        out: join(dir, 'pkg'),
        files: [ODATA_SUBSET(), join(dir, 'nowhere', '85984NED_DataProperties.json')],
      });
      expect(missing.map((m) => [m.file, m.code])).toEqual([['85984NED_DataProperties.json', 'fileNotFound']]);
    });

    it('reads a ;-separated kwb file with decimal commas and "." for secret values', async () => {
      const dir = freshDir();
      const file = join(dir, 'kwb-2023.csv');
      writeFileSync(
        file,
        [
          'gwb_code_10;regio;gm_naam;recs;a_inw;p_jz_tn',
          'NL00;Nederland;Nederland;Land;17942942;9,9',
          'GM1979;Eemsdelta;Eemsdelta;Gemeente;45394;12,5',
          'WK197901;Wijk 01 Delfzijl;Eemsdelta;Wijk;24000;       .',
          'BU19790101;Centrum;Eemsdelta;Buurt;       .;.',
          '',
        ].join('\r\n'),
      );
      const { pkg, result } = await run([file]);
      expect(pkg.files['observations.csv']).toBe(
        [
          'area_code,indicator_id,period,value,numerator,denominator,status',
          // "." in a wijk or buurt of a gemeente that has the figure: secret (missingReason.ts).
          'BU19790101,a_inw,2023,,,,secret',
          'GM1979,a_inw,2023,45394,,,',
          'NL00,a_inw,2023,17942942,,,',
          'WK197901,a_inw,2023,24000,,,',
          'BU19790101,p_jz_tn,2023,,,,secret',
          'GM1979,p_jz_tn,2023,12.5,,,',
          'NL00,p_jz_tn,2023,9.9,,,',
          'WK197901,p_jz_tn,2023,,,,secret',
          '',
        ].join('\n'),
      );
      expect(pkg.areas.map((f) => [f.properties?.code, f.properties?.name, f.properties?.parent ?? null])).toEqual([
        ['NL00', 'Nederland', null],
        ['GM1979', 'Eemsdelta', 'NL00'],
        ['WK197901', 'Wijk 01 Delfzijl', 'GM1979'],
        ['BU19790101', 'Centrum', 'WK197901'],
      ]);
      expect(result.periods).toEqual([2023]);
    });

    it('declares how CBS rounds benefit and Wmo counts, makes Wmo use neutral, and the app loads both', async () => {
      const dir = freshDir();
      const file = join(dir, 'kwb-2023.csv');
      // Made-up figures in kwb layout, rounded as CBS rounds them.
      writeFileSync(
        file,
        [
          'gwb_code_10,regio,gm_naam,recs,a_inw,a_soz_wb,a_wmo_t,p_wmo_t',
          'GM1979,Eemsdelta,Eemsdelta,Gemeente,45394,1200,3145,69',
          'WK197901,Wijk 01 Delfzijl,Eemsdelta,Wijk,24000,900,1900,79',
          '',
        ].join('\n'),
      );
      const { pkg } = await run([file]);
      const declared = Object.fromEntries(
        pkg.indicators.map((i) => [i.id, [i.direction, i.rounding, i.denominator_rounding]]),
      );
      expect(declared).toEqual({
        a_inw: ['neutral', '5', ''],
        a_soz_wb: ['down', '10', ''],
        soz_wb_per_1000: ['down', '10', '5'],
        a_wmo_t: ['neutral', '5', ''],
        p_wmo_t: ['neutral', '5', '5'],
      });
      expect(parseCsv(pkg.files['indicators.csv'], 'indicators.csv').header.slice(-7)).toEqual([
        'min_count',
        'rounding',
        'denominator_rounding',
        'count_threshold',
        'numerator_id',
        'denominator_id',
        'publish_rounding',
      ]);
      const db = await createNodeConnector();
      try {
        const loaded = await loadPackage(db, pkg.files);
        const wmo = loaded.indicators.find((i) => i.id === 'p_wmo_t')!;
        expect([wmo.direction, wmo.rounding, wmo.denominator_rounding]).toEqual(['neutral', 5, 5]);
        const table = (await db.query('SELECT id, rounding, denominator_rounding FROM indicators ORDER BY id'))
          .toArray()
          .map((r) => r.toJSON());
        expect(table).toEqual([
          { id: 'a_inw', rounding: 5, denominator_rounding: null },
          { id: 'a_soz_wb', rounding: 10, denominator_rounding: null },
          { id: 'a_wmo_t', rounding: 5, denominator_rounding: null },
          { id: 'p_wmo_t', rounding: 5, denominator_rounding: 5 },
          { id: 'soz_wb_per_1000', rounding: 10, denominator_rounding: 5 },
        ]);
      } finally {
        db.close();
      }
    });

    it('leaves an existing package untouched when an import fails', async () => {
      const dir = freshDir();
      const out = join(dir, 'pkg');
      await importCbs({ out, files: [boundary(WIJKEN_2024)], gemeenten: ['GM0610'] });
      const before = readPackage(out);
      const stamp = () => readdirSync(out).map((f) => [f, statSync(join(out, f)).mtimeMs, statSync(join(out, f)).ino]);
      const stamps = stamp();
      writeFileSync(join(dir, 'kwb-2020.csv'), Buffer.from([0x67, 0x77, 0x62, 0xff, 0x0a]));

      // Failing while reading, and failing while building.
      await failure({ out, files: [boundary(WIJKEN_2024), join(dir, 'kwb-2020.csv')], gemeenten: ['GM0610'] });
      await failure({ out, files: [boundary(WIJKEN_2024)], gemeenten: ['GM0999'] });

      expect(readPackage(out)).toEqual(before);
      expect(stamp()).toEqual(stamps);
      expect(readdirSync(dir).sort()).toEqual(['kwb-2020.csv', 'pkg']);
      expect(before['areas.geojson']).toContain('WK061001');
    });
  });
});
