/**
 * The CBS reader against the real CBS files in shared/data (next to the repository; see its README for sources).
 * Values are checked cell by cell against an independent parse of the same file (the package's strict CSV reader),
 * and every GeoJSON against its CSV twin.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/data/csv.ts';
import { readSource, type SourceTable } from '../../src/import/cbs/readSource.ts';
import { lookupVariable } from '../../src/import/cbs/variables.ts';

const DATA = new URL('../../../shared/data/', import.meta.url);
const present = existsSync(fileURLToPath(DATA));
if (!present) console.log(`CBS real-file tests skipped: ${fileURLToPath(DATA)} not found`);

const text = (path: string) => readFileSync(new URL(path, DATA), 'utf-8');
const json = (path: string): unknown => JSON.parse(text(path));
const dataProperties = () => json('metadata/85984NED_DataProperties.json');

function read(path: string): SourceTable {
  const fileName = path.split('/').pop()!;
  return readSource({
    fileName,
    text: text(path),
    ...(fileName.includes('85984NED') && { dataProperties: dataProperties() }),
  });
}

/** value by "code|column" */
function byCell(table: SourceTable): Map<string, number | null> {
  return new Map(table.values.map((v) => [`${v.code}|${v.column}`, v.value]));
}

interface CsvCase {
  file: string;
  kind: SourceTable['kind'];
  period: number;
  rows: number;
  /** Columns that are codes, names or metadata, not figures. */
  notValues: string[];
}

const PDOK_GEMEENTE = ['gemeentecode', 'gemeentenaam', 'bbg_peiljaar'];
const CSVS: CsvCase[] = [
  {
    file: 'cbs_85984NED_kwb_2024_gemeente_wijk_subset.csv',
    kind: 'odata',
    period: 2024,
    rows: 67,
    notValues: ['WijkenEnBuurten'],
  },
  {
    file: 'cbs_kwb_2015_buurt_from_wijkbuurtkaart.csv',
    kind: 'wijkbuurtkaart',
    period: 2015,
    rows: 249,
    notValues: ['BU_CODE', 'BU_NAAM', 'WK_CODE', 'GM_CODE', 'GM_NAAM', 'IND_WBI'],
  },
  {
    file: 'cbs_kwb_2015_wijk_from_wijkbuurtkaart.csv',
    kind: 'wijkbuurtkaart',
    period: 2015,
    rows: 49,
    notValues: ['WK_CODE', 'WK_NAAM', 'GM_CODE', 'GM_NAAM', 'IND_WBI'],
  },
  {
    file: 'cbs_kwb_2015_gemeente_from_wijkbuurtkaart.csv',
    kind: 'wijkbuurtkaart',
    period: 2015,
    rows: 9,
    notValues: ['GM_CODE', 'GM_NAAM'],
  },
  ...(
    [
      [2012, 416],
      [2017, 389],
      [2018, 381],
      [2019, 356],
      [2022, 346],
      [2023, 343],
      [2024, 343],
    ] as const
  ).map(
    ([year, rows]): CsvCase => ({
      file: `cbs_kwb_${year}_gemeente_nl_from_pdok_gemeenten.csv`,
      kind: 'pdok',
      period: year,
      rows,
      notValues: PDOK_GEMEENTE,
    }),
  ),
  {
    file: 'cbs_kwb_2024_wijk_from_pdok_wijken.csv',
    kind: 'pdok',
    period: 2024,
    rows: 63,
    notValues: ['wijkcode', 'wijknaam', 'gemeentecode', 'gemeentenaam'],
  },
];

describe.skipIf(!present)('real CBS CSV files in shared/data/indicators', () => {
  it.each(CSVS)('$file: layout $kind, year $period, every figure cell as published', (c) => {
    const source = text(`indicators/${c.file}`);
    const table = read(`indicators/${c.file}`);
    expect(table.kind).toBe(c.kind);
    expect(table.period).toBe(c.period);
    expect(table.areas).toHaveLength(c.rows);

    const csv = parseCsv(source, c.file);
    const codeColumn = csv.header.indexOf(c.notValues[0]!);
    const valueColumns = csv.header.filter((h) => !c.notValues.includes(h));
    const actual = byCell(table);
    let checked = 0;
    for (const row of csv.rows) {
      const code = row[codeColumn]!;
      csv.header.forEach((column, i) => {
        if (c.notValues.includes(column)) return;
        const cell = row[i]!;
        // -99999999 is the Wijk- en buurtkaart's "geheim"; empty is "not published" in the PDOK-derived files.
        const expected = cell === '' || cell === '-99999999' ? null : Number(cell);
        expect(actual.get(`${code}|${column}`), `${c.file} ${code} ${column}`).toBe(expected);
        checked++;
      });
    }
    expect(checked).toBe(csv.rows.length * valueColumns.length);
    expect(table.values).toHaveLength(checked);
  });

  it('2015 Wijk- en buurtkaart: parents from the code agree with the file; buurt parents are wijken of that year', () => {
    const buurten = read('indicators/cbs_kwb_2015_buurt_from_wijkbuurtkaart.csv');
    const wijken = read('indicators/cbs_kwb_2015_wijk_from_wijkbuurtkaart.csv');
    const gemeenten = read('indicators/cbs_kwb_2015_gemeente_from_wijkbuurtkaart.csv');
    const csv = parseCsv(text('indicators/cbs_kwb_2015_buurt_from_wijkbuurtkaart.csv'), 'buurt.csv');
    const wkColumn = csv.header.indexOf('WK_CODE');
    const gmColumn = csv.header.indexOf('GM_CODE');
    expect(buurten.areas.map((a) => [a.parent, a.gemeente])).toEqual(csv.rows.map((r) => [r[wkColumn], r[gmColumn]]));
    const wijkCodes = new Set(wijken.areas.map((a) => a.code));
    const gemeenteCodes = new Set(gemeenten.areas.map((a) => a.code));
    // The wijk file of the source lacks WK001002 (Delfzijl, 7 buurten); every other buurt has its wijk.
    expect([...new Set(buurten.areas.map((b) => b.parent!).filter((p) => !wijkCodes.has(p)))]).toEqual(['WK001002']);
    for (const w of wijken.areas) expect(gemeenteCodes.has(w.parent!), w.code).toBe(true);
    const perGemeente: Record<string, number> = {};
    for (const b of buurten.areas) perGemeente[b.gemeente!] = (perGemeente[b.gemeente!] ?? 0) + 1;
    expect(perGemeente).toEqual({
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
  });

  it('2015 Wijk- en buurtkaart: benefit counts map to the kwb ids; the old origin shares stay unmapped', () => {
    const wijken = read('indicators/cbs_kwb_2015_wijk_from_wijkbuurtkaart.csv');
    const first = wijken.values.filter((v) => v.code === 'WK000300');
    const get = (variable: string) => first.find((v) => v.variable === variable)?.value;
    // WK000300,…,AO_UIT_TOT 770, WW_UIT_TOT 380, WWB_UITTOT 470, A_SOZ_OW 2710 (row 2 of the file)
    expect([get('a_inw'), get('a_soz_ao'), get('a_soz_ww'), get('a_soz_wb'), get('a_soz_ow')]).toEqual([
      12010, 770, 380, 470, 2710,
    ]);
    expect([get('p_00_14'), get('p_65_oo'), get('ste_oad'), get('ste_mvs'), get('g_hhgro')]).toEqual([
      15, 23, 1020, 3, 2.1,
    ]);
    expect(wijken.unknownColumns.map((u) => u.column)).toEqual([
      'P_WEST_AL',
      'P_N_W_AL',
      'P_MAROKKO',
      'P_ANT_ARU',
      'P_SURINAM',
      'P_TURKIJE',
      'P_OVER_NW',
      'BEDR_AUTO',
    ]);
    const secret = wijken.values.filter((v) => v.value === null);
    expect(secret).toHaveLength(12);
  });

  it('PDOK gemeenten 2022: the social-domain columns map, with Groningen as published', () => {
    const table = read('indicators/cbs_kwb_2022_gemeente_nl_from_pdok_gemeenten.csv');
    const groningen = new Map(table.values.filter((v) => v.code === 'GM0014').map((v) => [v.variable, v.value]));
    expect({
      p_jz_tn: groningen.get('p_jz_tn'),
      p_wmo_t: groningen.get('p_wmo_t'),
      p_hh_li: groningen.get('p_hh_li'),
      p_hh_hi: groningen.get('p_hh_hi'),
      p_hh_osm: groningen.get('p_hh_osm'),
      g_ink_pi: groningen.get('g_ink_pi'),
      g_hh_sti: groningen.get('g_hh_sti'),
      p_arb_pp: groningen.get('p_arb_pp'),
      a_opl_lg: groningen.get('a_opl_lg'),
      p_00_14: groningen.get('p_00_14'),
      p_geb: groningen.get('p_geb'),
      ste_mvs: groningen.get('ste_mvs'),
    }).toEqual({
      p_jz_tn: 8.7,
      p_wmo_t: 67,
      p_hh_li: 59,
      p_hh_hi: 11,
      p_hh_osm: 10,
      g_ink_pi: 28,
      g_hh_sti: 28.7,
      p_arb_pp: 61,
      a_opl_lg: 31580,
      p_00_14: 12,
      p_geb: 8,
      ste_mvs: 1,
    });
    expect(table.unknownColumns.map((u) => u.column)).toEqual([
      'afstand_apotheek',
      'afstand_ziekenhuis',
      'afstand_cafe',
      'afstand_restaurant',
      'afstand_treinstation',
      'afstand_bibliotheek',
      'afstand_oprit',
      'pct_bebouwd',
      'pct_agrarisch',
      'pct_natuur',
      'pct_recreatie',
      'opp_woonterrein_ha',
      'opp_bedrijventerrein_ha',
      'lbt_totaal_cultuurgrond_ha',
      'lbt_totaal_rundvee',
      'lbt_totaal_varkens',
      'lbt_totaal_kippen',
      'lbt_aantal_bedrijven',
    ]);
    // pct_hh_laag_inkomen is the share in the national lowest 40 %: weighted by households it averages ≈ 40.
    const households = new Map(table.values.filter((v) => v.variable === 'a_hh').map((v) => [v.code, v.value]));
    let sum = 0;
    let weight = 0;
    for (const v of table.values) {
      const w = households.get(v.code);
      if (v.variable === 'p_hh_li' && v.value !== null && w) {
        sum += v.value * w;
        weight += w;
      }
    }
    expect(sum / weight).toBeGreaterThan(38);
    expect(sum / weight).toBeLessThan(42);
  });

  it('85984NED subset: OData keys map to kwb ids, wijken get their code as name', () => {
    const table = read('indicators/cbs_85984NED_kwb_2024_gemeente_wijk_subset.csv');
    expect([...new Set(table.values.map((v) => `${v.column} → ${v.variable}`))]).toEqual([
      'Bevolkingsdichtheid_34 → bev_dich',
      'OppervlakteTotaal_122 → a_opp_ha',
      'Woningvoorraad_35 → a_woning',
      'OppervlakteLand_123 → a_lan_ha',
      'Vrouwen_7 → a_vrouw',
      'AantalInwoners_5 → a_inw',
      'Mannen_6 → a_man',
      'OppervlakteWater_124 → a_wat_ha',
    ]);
    expect(table.unknownColumns).toEqual([]);
    expect(table.areas.filter((a) => a.level === 'gemeente').map((a) => a.code)).toEqual([
      'GM0014',
      'GM0451',
      'GM0556',
      'GM0610',
      'GM1979',
    ]);
    expect(table.areas.filter((a) => a.level === 'wijk')).toHaveLength(62);
    expect(table.warnings.map((w) => w.text)).toEqual([
      'cbs_85984NED_kwb_2024_gemeente_wijk_subset.csv: the rows carry no names for 67 areas; their codes are used as names',
    ]);
    // Groningen: 243768 inhabitants in the OData subset and in the PDOK 2024 gemeente file alike.
    expect(table.values.find((v) => v.code === 'GM0014' && v.variable === 'a_inw')?.value).toBe(243768);
  });
});

describe.skipIf(!present)('real CBS OData metadata (85984NED)', () => {
  const properties = (dataProperties() as { Key: string; Type: string; Title: string; Unit?: string }[]).filter(
    (p) => p.Type === 'Topic' && p.Key,
  );

  it('every key the table maps has the unit CBS gives it, so no 2024 column is demoted', () => {
    const mismatches = properties
      .map((p) => ({ key: p.Key, unit: p.Unit, def: lookupVariable(p.Key) }))
      .filter((m) => m.def && m.def.cbs_unit !== m.unit)
      .map((m) => `${m.key}: ${m.unit} vs ${m.def?.id} ${m.def?.cbs_unit}`);
    expect(mismatches).toEqual([]);
  });

  it('reads a TypedDataSet row with all 2024 keys: labels of unknown columns come from DataProperties', () => {
    const row: Record<string, unknown> = { ID: 0, WijkenEnBuurten: 'GM0014    ' };
    for (const p of properties)
      row[p.Key] = p.Unit === 'naam' || p.Unit === 'omschrijving' || p.Unit === 'code' ? 'x' : 1;
    const table = readSource({
      fileName: 'typeddataset.json',
      text: JSON.stringify({ value: [row] }),
      dataProperties: dataProperties(),
      tableInfos: json('metadata/85984NED_TableInfos.json'),
    });
    expect(table.period).toBe(2024);
    // Ten keys repeat under different groups (Nederland_17 by origin, _20 by birthplace): one warning names them.
    expect(table.warnings.map((w) => w.code)).toEqual(['stemShared']);
    expect(table.warnings[0]?.params.count).toBe(10);
    expect(table.areas[0]?.name).toBe('x');
    const unknown = new Map(table.unknownColumns.map((u) => [u.column, u]));
    expect(unknown.get('Nederland_17')).toEqual({
      column: 'Nederland_17',
      variable: 'nederland_17',
      label: 'Herkomstland: Nederland',
      unit: 'aantal',
    });
    expect(unknown.get('Nederland_20')?.label).toBe('Geboren in Nederland: Nederland');
    expect(unknown.get('NietWoningvoorraad_37')).toEqual({
      column: 'NietWoningvoorraad_37',
      variable: 'nietwoningvoorraad',
      label: 'Niet-woningvoorraad',
      unit: 'aantal',
    });
    // Codes and names are no values; every Topic with a quantity is one.
    const columns = new Set(table.values.map((v) => v.column));
    for (const skipped of ['Gemeentenaam_1', 'SoortRegio_2', 'Codering_3', 'MeestVoorkomendePostcode_125']) {
      expect(columns.has(skipped), skipped).toBe(false);
    }
    expect(columns.has('MateVanStedelijkheid_127')).toBe(true);
    const mapped = new Set(table.values.filter((v) => lookupVariable(v.column)).map((v) => v.variable));
    for (const id of [
      'a_inw',
      'a_00_14',
      'a_soz_wb',
      'a_jz_tn',
      'p_jz_tn',
      'a_wmo_t',
      'p_wmo_t',
      'p_hh_li',
      'p_hh_osm',
    ]) {
      expect(mapped.has(id), id).toBe(true);
    }
  });
});

/** GeoJSON boundary files and their CSV twins. */
const GEOJSONS: { file: string; twin: string; kind: SourceTable['kind']; period: number; rows: number }[] = [
  ...(['buurt', 'wijk', 'gemeente'] as const).map((level) => ({
    file: `cbs_wijkbuurtkaart_2015_${level}.geojson`,
    twin: `cbs_kwb_2015_${level}_from_wijkbuurtkaart.csv`,
    kind: 'wijkbuurtkaart' as const,
    period: 2015,
    rows: { buurt: 249, wijk: 49, gemeente: 9 }[level],
  })),
  ...(
    [
      [2012, 416],
      [2017, 389],
      [2018, 381],
      [2019, 356],
      [2022, 346],
      [2023, 343],
      [2024, 343],
    ] as const
  ).map(([year, rows]) => ({
    file: `pdok_cbs_gemeenten_${year}_nl.geojson`,
    twin: `cbs_kwb_${year}_gemeente_nl_from_pdok_gemeenten.csv`,
    kind: 'pdok' as const,
    period: year,
    rows,
  })),
  {
    file: 'pdok_cbs_wijken_2024.geojson',
    twin: 'cbs_kwb_2024_wijk_from_pdok_wijken.csv',
    kind: 'pdok',
    period: 2024,
    rows: 63,
  },
];

describe.skipIf(!present)('real CBS GeoJSON files in shared/data/boundaries', () => {
  it.each(GEOJSONS)('$file: layout $kind, year $period, the same values as $twin', (g) => {
    const table = read(`boundaries/${g.file}`);
    expect(table.kind).toBe(g.kind);
    expect(table.period).toBe(g.period);
    expect(table.areas).toHaveLength(g.rows);
    expect(table.areas.every((a) => a.geometry !== undefined)).toBe(true);
    const twin = read(`indicators/${g.twin}`);
    // The same warnings as the twin: only the 2012 file's GM9999, whose name is blank, gets one.
    expect(table.warnings.map((w) => w.text.replace(g.file, 'FILE'))).toEqual(
      twin.warnings.map((w) => w.text.replace(g.twin, 'FILE')),
    );
    expect(twin.warnings.map((w) => w.code)).toEqual(g.period === 2012 && g.kind === 'pdok' ? ['noAreaNames'] : []);
    expect(table.areas.map((a) => [a.code, a.name, a.level, a.parent])).toEqual(
      twin.areas.map((a) => [a.code, a.name, a.level, a.parent]),
    );
    const mine = byCell(table);
    for (const v of twin.values)
      expect(mine.get(`${v.code}|${v.column}`) ?? null, `${v.code} ${v.column}`).toBe(v.value);
    // A property missing from every feature is a column only in the CSV; all others are in both.
    expect(table.values.length).toBeLessThanOrEqual(twin.values.length);
  });

  it('pdok_cbs_wijken_2024.geojson: all 63 wijken with aantal_inwoners as in the file', () => {
    const source = json('boundaries/pdok_cbs_wijken_2024.geojson') as {
      features: { properties: Record<string, unknown> }[];
    };
    const table = read('boundaries/pdok_cbs_wijken_2024.geojson');
    const inhabitants = table.values.filter((v) => v.variable === 'a_inw');
    expect(inhabitants.map((v) => [v.code, v.value])).toEqual(
      source.features.map((f) => [f.properties.wijkcode, f.properties.aantal_inwoners ?? null]),
    );
    expect(inhabitants).toHaveLength(63);
    expect(inhabitants.filter((v) => v.value === null).map((v) => v.code)).toEqual(['WK197999']);
    expect(inhabitants.find((v) => v.code === 'WK001400')?.value).toBe(24920);
    const perGemeente: Record<string, number> = {};
    for (const a of table.areas) perGemeente[a.parent!] = (perGemeente[a.parent!] ?? 0) + 1;
    expect(perGemeente).toEqual({ GM0014: 20, GM1979: 20, GM0451: 11, GM0556: 8, GM0610: 4 });
  });
});
