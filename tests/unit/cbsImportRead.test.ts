import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText, firstInvalidUtf8 } from '../../src/import/cbs/decode.ts';
import { ImportError, type ImportMessage } from '../../src/import/cbs/messages.ts';
import { readSource, type SourceTable } from '../../src/import/cbs/readSource.ts';

const FIXTURES = new URL('../fixtures/cbs/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES));

/** The messages of the ImportError `run` throws. */
function messagesOf(run: () => unknown): ImportMessage[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return error.messages;
    throw error;
  }
  throw new Error('expected an ImportError');
}

function valueAt(table: SourceTable, code: string, variable: string): number | null | undefined {
  return table.values.find((v) => v.code === code && v.variable === variable)?.value;
}

describe('readSource: a kwb download with ; and decimal commas', () => {
  const text = decodeText(fixture('kwb-2024.csv'), 'kwb-2024.csv');
  const table = readSource({ fileName: 'kwb-2024.csv', text });

  it('recognises the layout and the year', () => {
    expect(table.kind).toBe('kwb');
    expect(table.period).toBe(2024);
    expect(table.warnings).toEqual([]);
  });

  it('reads land, gemeente, wijk and buurt rows with their parents and spreadsheet rows', () => {
    expect(table.areas).toEqual([
      { code: 'NL00', name: 'Nederland', level: 'land', gemeente: null, parent: null, row: 2 },
      { code: 'GM9999', name: 'Testgemeente', level: 'gemeente', gemeente: 'GM9999', parent: 'NL00', row: 3 },
      { code: 'WK999901', name: 'Wijk 01 Dorp', level: 'wijk', gemeente: 'GM9999', parent: 'GM9999', row: 4 },
      { code: 'BU99990101', name: 'Dorp-Centrum', level: 'buurt', gemeente: 'GM9999', parent: 'WK999901', row: 5 },
      { code: 'BU99990102', name: 'Dorp-Noord; De Es', level: 'buurt', gemeente: 'GM9999', parent: 'WK999901', row: 6 },
    ]);
  });

  it('reads decimal commas, and every CBS secret as null (never 0), keeping the row', () => {
    expect(valueAt(table, 'GM9999', 'p_jz_tn')).toBe(10.4);
    expect(valueAt(table, 'NL00', 'g_hhgro')).toBe(2.11);
    expect(valueAt(table, 'GM9999', 'g_ink_pi')).toBe(29.5);
    expect(valueAt(table, 'WK999901', 'a_soz_wb')).toBeNull(); // .
    expect(valueAt(table, 'BU99990101', 'p_jz_tn')).toBeNull(); // "       ."
    expect(valueAt(table, 'BU99990101', 'p_wmo_t')).toBeNull(); // -99999997
    expect(valueAt(table, 'BU99990102', 'a_soz_wb')).toBeNull(); // -99999999
    expect(valueAt(table, 'BU99990102', 'p_jz_tn')).toBeNull(); // empty
    expect(valueAt(table, 'BU99990102', 'a_nb_won')).toBe(0); // a real 0 stays 0
    expect(valueAt(table, 'BU99990102', 'a_inw')).toBe(85);
  });

  it('maps kwb names (a_opl_bvm is a_opl_lg) and keeps codes, names and flags out of the values', () => {
    const variables = [...new Set(table.values.map((v) => v.variable))];
    expect(variables).toEqual([
      'a_inw',
      'a_00_14',
      'a_soz_wb',
      'p_jz_tn',
      'p_wmo_t',
      'g_ink_pi',
      'g_hhgro',
      'a_opl_lg',
      'a_nb_won',
    ]);
    expect(table.values).toHaveLength(5 * 9);
    expect(table.values.find((v) => v.variable === 'a_opl_lg')).toMatchObject({ column: 'a_opl_bvm', row: 2 });
  });

  it('keeps an unknown numeric column under its trimmed, lower-case name and lists it', () => {
    expect(table.unknownColumns).toEqual([{ column: 'a_nb_won', variable: 'a_nb_won' }]);
  });
});

describe('readSource: CBS OData JSON', () => {
  const dataProperties = [
    { ID: 1, Key: '', Type: 'TopicGroup', Title: 'Herkomstland' },
    { ID: 2, ParentID: 1, Key: 'Nederland_17', Type: 'Topic', Title: 'Nederland', Unit: 'aantal' },
    { ID: 3, Key: '', Type: 'TopicGroup', Title: 'Geboren in Nederland' },
    { ID: 4, ParentID: 3, Key: 'Nederland_20', Type: 'Topic', Title: 'Nederland', Unit: 'aantal' },
    { ID: 5, Key: 'AantalInwoners_5', Type: 'Topic', Title: 'Aantal inwoners', Unit: 'aantal' },
    { ID: 6, Key: 'MeestVoorkomendePostcode_125', Type: 'Topic', Title: 'Meest voorkomende postcode', Unit: 'code' },
    { ID: 7, Key: 'Dekkingspercentage_126', Type: 'Topic', Title: 'Dekkingspercentage', Unit: 'code' },
  ];
  const text = fixture('odata-85984NED.json').toString('utf-8');
  const table = readSource({ fileName: 'odata.json', text, dataProperties: { value: dataProperties } });

  it('trims the padded codes, writes NL01 as NL00, and takes the year from the table id in odata.metadata', () => {
    expect(table.kind).toBe('odata');
    expect(table.period).toBe(2024);
    expect(table.areas.map((a) => [a.code, a.name, a.level, a.parent, a.row])).toEqual([
      ['NL00', 'NL00', 'land', null, 1],
      ['GM9999', 'Testgemeente', 'gemeente', 'NL00', 2],
      ['WK999901', 'WK999901', 'wijk', 'GM9999', 3],
    ]);
    // Nederland_17 and Nederland_20 share their stem: said once, and both keep their full key (below).
    expect(table.warnings.map((w) => w.code)).toEqual(['stemShared', 'noAreaNames']);
    expect(table.warnings[0]?.text).toContain('(Nederland_17 / Nederland_20)');
  });

  it('maps known keys without their suffix and skips codes, names and postcode classes', () => {
    expect(valueAt(table, 'GM9999', 'a_inw')).toBe(25000);
    expect(valueAt(table, 'GM9999', 'a_soz_wb')).toBe(610);
    expect(valueAt(table, 'WK999901', 'a_soz_wb')).toBeNull();
    expect(valueAt(table, 'WK999901', 'p_jz_tn')).toBe(11.2);
    const columns = new Set(table.values.map((v) => v.column));
    for (const skipped of ['ID', 'Gemeentenaam_1', 'SoortRegio_2', 'Codering_3', 'MeestVoorkomendePostcode_125']) {
      expect(columns.has(skipped), skipped).toBe(false);
    }
    expect(columns.has('IndelingswijzigingGemeenteWijkBuurt_4')).toBe(false);
  });

  it('keeps keys that repeat under different groups as unknown, labelled with their group from DataProperties', () => {
    expect(table.unknownColumns).toEqual([
      { column: 'Nederland_17', variable: 'nederland_17', label: 'Herkomstland: Nederland', unit: 'aantal' },
      { column: 'Nederland_20', variable: 'nederland_20', label: 'Geboren in Nederland: Nederland', unit: 'aantal' },
    ]);
    expect(valueAt(table, 'GM9999', 'nederland_20')).toBe(19800);
  });

  it('warns that units were not checked when DataProperties are missing', () => {
    const bare = readSource({ fileName: 'odata.json', text });
    expect(bare.warnings.map((w) => w.code)).toEqual(['noDataProperties', 'stemShared', 'noAreaNames']);
    // Without DataProperties the postcode columns are recognised by name and still skipped.
    expect(bare.values.some((v) => v.column.startsWith('MeestVoorkomendePostcode'))).toBe(false);
  });

  it('reads a same-named OData column published as a percentage (older tables) as the percentage variable', () => {
    const old = readSource({
      fileName: '83220NED.json',
      text: JSON.stringify({ value: [{ WijkenEnBuurten: 'GM0014', k_0Tot15Jaar_8: 14, Ongehuwd_12: 47 }] }),
      dataProperties: [
        { Key: 'k_0Tot15Jaar_8', Type: 'Topic', Title: '0 tot 15 jaar', Unit: '%' },
        { Key: 'Ongehuwd_12', Type: 'Topic', Title: 'Ongehuwd', Unit: '%' },
      ],
    });
    expect(old.period).toBe(2015);
    expect(old.values).toEqual([
      { code: 'GM0014', variable: 'p_00_14', value: 14, row: 1, column: 'k_0Tot15Jaar_8' },
      { code: 'GM0014', variable: 'p_ongeh', value: 47, row: 1, column: 'Ongehuwd_12' },
    ]);
    expect(old.warnings.map((w) => w.code)).not.toContain('unitMismatch');
  });

  it('does not map a same-named OData column in another unit that no kwb variable has: it is unmapped, by its stem', () => {
    const odd = readSource({
      fileName: '83220NED.json',
      text: JSON.stringify({ value: [{ WijkenEnBuurten: 'GM0014', AantalInwoners_5: 14 }] }),
      dataProperties: [{ Key: 'AantalInwoners_5', Type: 'Topic', Title: 'Aantal inwoners', Unit: '%' }],
    });
    expect(odd.values).toEqual([
      { code: 'GM0014', variable: 'aantalinwoners', value: 14, row: 1, column: 'AantalInwoners_5' },
    ]);
    expect(odd.warnings.map((w) => w.code)).toContain('unitMismatch');
    expect(odd.warnings.find((w) => w.code === 'unitMismatch')?.params.kept).toBe('aantalinwoners');
  });

  it('reads the 2013 table: area codes under RegioS, its own key names, padded codes', () => {
    const t2013 = readSource({
      fileName: '82339NED_TypedDataSet.json',
      text: JSON.stringify({
        value: [
          {
            ID: 0,
            RegioS: 'GM0003    ',
            Gemeentenaam_1: 'Appingedam                              ',
            SoortRegio_2: 'Gemeente  ',
            Codering_3: 'GM0003    ',
            AantalInwoners_4: 12000,
            PersonenMetEenWWBUitkeringTotaal_73: 410,
            PersonenMetEenAOWUitkeringTotaal_76: 2600,
            IndelingswijzigingWijkenEnBuurten_122: '1',
          },
        ],
      }),
    });
    expect(t2013.period).toBe(2013);
    expect(t2013.areas.map((a) => [a.code, a.name])).toEqual([['GM0003', 'Appingedam']]);
    expect(t2013.values.map((v) => [v.variable, v.value])).toEqual([
      ['a_inw', 12000],
      ['a_soz_wb', 410],
      ['a_soz_ow', 2600],
    ]);
  });

  it('reads a plain array of rows and an object keyed by area code', () => {
    const rows = readSource({
      fileName: 'rows.json',
      period: 2024,
      text: JSON.stringify([{ WijkenEnBuurten: 'GM0014  ', AantalInwoners_5: 243768 }]),
    });
    expect(valueAt(rows, 'GM0014', 'a_inw')).toBe(243768);
    const keyed = readSource({
      fileName: 'dump_2024.json',
      text: JSON.stringify({ GM0014: { AantalInwoners_5: 243768 }, WK001400: { AantalInwoners_5: 24920 } }),
    });
    expect(keyed.areas.map((a) => a.code)).toEqual(['GM0014', 'WK001400']);
    expect(valueAt(keyed, 'WK001400', 'a_inw')).toBe(24920);
  });
});

describe('readSource: GeoJSON', () => {
  const geojson = {
    type: 'FeatureCollection',
    metadata: { type: 'wijken', year: 2024 },
    features: [
      {
        type: 'Feature',
        properties: {
          wijkcode: 'WK001400',
          wijknaam: 'Centrum',
          gemeentecode: 'GM0014',
          aantal_inwoners: 24920,
          '0_15': 3,
        },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [6.5, 53.2],
              [6.6, 53.2],
              [6.6, 53.3],
              [6.5, 53.2],
            ],
          ],
        },
      },
      {
        type: 'Feature',
        properties: { wijkcode: 'WK197999', wijknaam: 'Groot water', gemeentecode: 'GM1979' },
        geometry: null,
      },
    ],
  };
  const table = readSource({ fileName: 'wijken.geojson', text: JSON.stringify(geojson) });

  it('uses properties as columns, keeps the geometry and reads a missing property as not published', () => {
    expect(table.kind).toBe('pdok');
    expect(table.period).toBe(2024);
    expect(table.areas[0]).toEqual({
      code: 'WK001400',
      name: 'Centrum',
      level: 'wijk',
      gemeente: 'GM0014',
      parent: 'GM0014',
      geometry: geojson.features[0]!.geometry,
      row: 1,
    });
    expect(table.areas[1]).not.toHaveProperty('geometry');
    expect(table.values).toEqual([
      { code: 'WK001400', variable: 'a_inw', value: 24920, row: 1, column: 'aantal_inwoners' },
      { code: 'WK001400', variable: 'p_00_14', value: 3, row: 1, column: '0_15' },
      { code: 'WK197999', variable: 'a_inw', value: null, marker: 'empty', row: 2, column: 'aantal_inwoners' },
      { code: 'WK197999', variable: 'p_00_14', value: null, marker: 'empty', row: 2, column: '0_15' },
    ]);
  });

  it('warns when the file name and the content disagree on the year, and uses the content', () => {
    const t = readSource({ fileName: 'wijken_2023.geojson', text: JSON.stringify(geojson) });
    expect(t.period).toBe(2024);
    expect(t.warnings.map((w) => w.text)).toEqual([
      'wijken_2023.geojson: the file content says 2024 but the file name says 2023; using 2024',
    ]);
  });
});

describe('readSource: the Wijk- en buurtkaart layout', () => {
  it('takes the most detailed code column, its name, and -99999999 as secret', () => {
    const text =
      'BU_CODE,BU_NAAM,WK_CODE,GM_CODE,GM_NAAM,IND_WBI,AANT_INW,WWB_UITTOT,P_65_EO_JR\n' +
      'BU00030000,Appingedam-Centrum,WK000300,GM0003,Appingedam,1,2330,80,31\n' +
      'BU00030009,Verspreide huizen,WK000300,GM0003,Appingedam,1,45,-99999999,-99999999\n';
    const table = readSource({ fileName: 'buurt_2015.csv', text });
    expect(table.kind).toBe('wijkbuurtkaart');
    expect(table.areas.map((a) => [a.code, a.name, a.parent])).toEqual([
      ['BU00030000', 'Appingedam-Centrum', 'WK000300'],
      ['BU00030009', 'Verspreide huizen', 'WK000300'],
    ]);
    expect(table.values.map((v) => [v.code, v.variable, v.value])).toEqual([
      ['BU00030000', 'a_inw', 2330],
      ['BU00030000', 'a_soz_wb', 80],
      ['BU00030000', 'p_65_oo', 31],
      ['BU00030009', 'a_inw', 45],
      ['BU00030009', 'a_soz_wb', null],
      ['BU00030009', 'p_65_oo', null],
    ]);
  });
});

describe('readSource: errors name file, row and column', () => {
  it('refuses non-numeric garbage in a figure column, naming each cell', () => {
    const text = 'gwb_code_10;regio;a_inw;g_hhgro\nGM0014;Groningen;abc;1,7\nGM0451;Uithoorn;31685;1.234,5\n';
    expect(messagesOf(() => readSource({ fileName: 'kwb-2024.csv', text })).map((m) => m.text)).toEqual([
      "kwb-2024.csv row 2, column a_inw: 'abc' is not a number",
      "kwb-2024.csv row 3, column g_hhgro: '1.234,5' is not a number",
    ]);
  });

  it('refuses a file in no known layout, listing what it found and what is expected', () => {
    const [message] = messagesOf(() =>
      readSource({ fileName: 'unknown-layout.csv', text: fixture('unknown-layout.csv').toString('utf-8') }),
    );
    expect(message?.code).toBe('unknownLayout');
    expect(message?.text).toBe(
      'unknown-layout.csv: not a known CBS layout. Found columns: code, naam, waarde. Expected one of: ' +
        'WijkenEnBuurten (CBS OData TypedDataSet); gwb_code_10 (kwb-YYYY download); ' +
        'BU_CODE, WK_CODE or GM_CODE (Wijk- en buurtkaart); buurtcode, wijkcode or gemeentecode (PDOK wijkenbuurten). ' +
        'Name the column that holds the area codes to read it anyway',
    );
  });

  it('reads a file in no known layout when told its code column', () => {
    const table = readSource({
      fileName: 'eigen.csv',
      period: 2023,
      codeField: 'Gebied',
      text: 'Gebied,a_inw,eigen_telling\nGM0014,243768,12\n',
    });
    expect(table.kind).toBe('kwb');
    expect(table.values.map((v) => [v.variable, v.value])).toEqual([
      ['a_inw', 243768],
      ['eigen_telling', 12],
    ]);
    expect(table.areas[0]?.name).toBe('GM0014');
    expect(
      messagesOf(() => readSource({ fileName: 'e.csv', period: 2023, codeField: 'x', text: 'a,b\n1,2\n' }))[0]?.code,
    ).toBe('codeColumnMissing');
  });

  it('refuses missing, malformed and repeated area codes', () => {
    const text = 'gwb_code_10,a_inw\n,1\nGM14,2\nGM0014,3\ngm0014,4\n';
    expect(messagesOf(() => readSource({ fileName: 'kwb-2024.csv', text })).map((m) => m.text)).toEqual([
      'kwb-2024.csv row 2, column gwb_code_10: no area code',
      "kwb-2024.csv row 3, column gwb_code_10: 'GM14' is not a CBS area code (NL00, GM0000, WK000000 or BU00000000)",
      'kwb-2024.csv row 5, column gwb_code_10: area GM0014 is also on row 4',
    ]);
  });

  it('refuses a file without a year, and duplicate columns', () => {
    expect(
      messagesOf(() => readSource({ fileName: 'kerncijfers.csv', text: 'gwb_code_10,a_inw\nGM0014,1\n' }))[0]?.code,
    ).toBe('noPeriod');
    expect(
      messagesOf(() => readSource({ fileName: 'kwb-2024.csv', text: 'gwb_code_10,a_inw,A_INW \nGM0014,1,1\n' }))[0],
    ).toMatchObject({ code: 'duplicateColumn', column: 'A_INW' });
  });

  it('reports a row with the wrong number of fields and an unclosed quote', () => {
    expect(
      messagesOf(() => readSource({ fileName: 'kwb-2024.csv', text: 'gwb_code_10;a_inw\nGM0014\nGM0451;2;;\n' }))[0]
        ?.text,
    ).toBe('kwb-2024.csv row 2: 1 fields, but the header has 2');
    expect(
      messagesOf(() => readSource({ fileName: 'kwb-2024.csv', text: 'gwb_code_10,regio\nGM0014,"Gron\n' }))[0]?.text,
    ).toBe('kwb-2024.csv row 2, column regio: a quoted field is not closed');
  });

  it('refuses JSON that is invalid or holds no table', () => {
    expect(messagesOf(() => readSource({ fileName: 'x_2024.json', text: '{"value": [1,}' }))[0]).toMatchObject({
      code: 'invalidJson',
      row: 1,
    });
    expect(messagesOf(() => readSource({ fileName: 'x_2024.json', text: '{"a": 1}' }))[0]?.code).toBe('notATable');
    expect(messagesOf(() => readSource({ fileName: 'x_2024.csv', text: '\uFEFF \n' }))[0]?.code).toBe('emptyFile');
  });

  it('skips an unknown column of text with a warning, but not a figure column with one bad cell', () => {
    const text =
      'gwb_code_10,regio,opmerking,a_inw\nGM0014,Groningen,zie noot,1\nGM0451,Uithoorn,2,2\nGM0556,Maassluis,zie noot,3\n';
    const table = readSource({ fileName: 'kwb-2024.csv', text });
    expect(table.warnings.map((w) => w.text)).toEqual([
      "kwb-2024.csv, column opmerking: holds text, not numbers (e.g. 'zie noot'); skipped",
    ]);
    expect(table.values.map((v) => v.variable)).toEqual(['a_inw', 'a_inw', 'a_inw']);
  });
});

describe('decodeText', () => {
  it('decodes UTF-8 and drops the byte order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('regio\nSúdwest-Fryslân\n')]);
    expect(decodeText(bytes, 'a.csv')).toBe('regio\nSúdwest-Fryslân\n');
  });

  it('refuses a Windows-1252 file, saying where and how to save it as UTF-8', () => {
    const bytes = new Uint8Array(fixture('not-utf8.csv'));
    expect(firstInvalidUtf8(bytes)).toBe(bytes.indexOf(0xfa));
    const [message] = messagesOf(() => decodeText(bytes, 'not-utf8.csv'));
    expect(message).toMatchObject({ code: 'notUtf8', row: 3 });
    expect(message?.text).toBe(
      `not-utf8.csv row 3: the file is not UTF-8 text (first bad character on line 3, byte ${bytes.indexOf(0xfa)}); ` +
        'save it as UTF-8 (in Excel: "CSV UTF-8 (comma delimited)") and try again',
    );
  });

  it('finds overlong forms and surrogates, which TextDecoder also refuses', () => {
    for (const bad of [
      [0xc0, 0xaf],
      [0xe0, 0x80, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xe2, 0x82],
    ]) {
      const bytes = new Uint8Array([0x41, ...bad]);
      expect(firstInvalidUtf8(bytes), bad.join(' ')).toBe(1);
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    }
    expect(firstInvalidUtf8(new TextEncoder().encode('ë€𝄞'))).toBe(-1);
  });

  it('refuses text that a lenient decoder already damaged', () => {
    const text = new TextDecoder('utf-8').decode(new Uint8Array(fixture('not-utf8.csv')));
    expect(messagesOf(() => readSource({ fileName: 'not-utf8.csv', period: 2024, text }))[0]).toMatchObject({
      code: 'notUtf8',
      row: 3,
    });
  });
});
