import { describe, expect, it } from 'vitest';
import {
  KWB_TABLE_YEARS,
  periodFromContent,
  periodFromFileName,
  periodFromTableId,
  periodFromTableInfos,
  recogniseSource,
} from '../../src/import/cbs/recognise.ts';

describe('recogniseSource', () => {
  it('tells the four layouts apart by their code column', () => {
    expect(recogniseSource('kwb-2024.csv', ['gwb_code_10', 'gwb_code_8', 'regio', 'recs', 'a_inw'])).toBe('kwb');
    expect(recogniseSource('x.csv', ['BU_CODE', 'BU_NAAM', 'WK_CODE', 'GM_CODE', 'AANT_INW'])).toBe('wijkbuurtkaart');
    expect(recogniseSource('x.csv', ['GM_CODE', 'GM_NAAM', 'AANT_INW'])).toBe('wijkbuurtkaart');
    expect(recogniseSource('x.csv', ['bu_code', 'aant_inw'])).toBe('wijkbuurtkaart');
    expect(recogniseSource('x.json', ['buurtcode', 'buurtnaam', 'aantalInwoners'])).toBe('pdok');
    expect(recogniseSource('x.csv', ['wijkcode', 'wijknaam', 'gemeentecode', 'aantal_inwoners', '0_15'])).toBe('pdok');
    expect(recogniseSource('x.csv', ['WijkenEnBuurten', 'AantalInwoners_5'])).toBe('odata');
    expect(recogniseSource('x.json', ['ID', 'WijkenEnBuurten', 'Gemeentenaam_1', 'Codering_3'])).toBe('odata');
  });

  it('says, for an unknown layout, which columns it found and what each layout needs', () => {
    const result = recogniseSource('eigen.csv', [' code', 'naam', 'waarde']);
    expect(result).toEqual({
      kind: 'unknown',
      file: 'eigen.csv',
      found: ['code', 'naam', 'waarde'],
      expected: {
        odata: 'WijkenEnBuurten (CBS OData TypedDataSet)',
        kwb: 'gwb_code_10 (kwb-YYYY download)',
        wijkbuurtkaart: 'BU_CODE, WK_CODE or GM_CODE (Wijk- en buurtkaart)',
        pdok: 'buurtcode, wijkcode or gemeentecode (PDOK wijkenbuurten)',
      },
    });
  });
});

describe('periodFromFileName', () => {
  it.each([
    ['kwb-2024.csv', 2024],
    ['kwb-2024.xlsx', 2024],
    ['kwb2023.xlsx', 2023],
    ['cbs_kwb_2015_wijk_from_wijkbuurtkaart.csv', 2015],
    ['pdok_cbs_wijken_2024.geojson', 2024],
    ['cbs_85984NED_kwb_2024_gemeente_wijk_subset.csv', 2024],
    ['85618NED_TypedDataSet.json', 2023],
    ['kwb-2003-versie-2011-08-16.xls', 2003],
    ['downloads/kwb-2019.xlsx', 2019],
    ['kwb_GM1979_2022.csv', 2022],
  ])('%s → %i', (name, year) => {
    expect(periodFromFileName(name)).toBe(year);
  });

  it('gives null when the name holds no year', () => {
    expect(periodFromFileName('kerncijfers.csv')).toBeNull();
    expect(periodFromFileName('GM1979.csv')).toBeNull();
    expect(periodFromFileName('99999NED.json')).toBeNull();
  });
});

describe('period from content', () => {
  it('knows the kwb OData tables 2013–2024', () => {
    expect(KWB_TABLE_YEARS['85984NED']).toBe(2024);
    expect(KWB_TABLE_YEARS['83220NED']).toBe(2015);
    expect(Object.keys(KWB_TABLE_YEARS)).toHaveLength(12);
    expect(new Set(Object.values(KWB_TABLE_YEARS)).size).toBe(12);
    expect(periodFromTableId('https://opendata.cbs.nl/ODataApi/OData/84583ned/TypedDataSet')).toBe(2019);
  });

  it('reads a GeoJSON metadata.year and an OData odata.metadata URL', () => {
    expect(periodFromContent({ type: 'FeatureCollection', metadata: { year: 2022 }, features: [] })).toBe(2022);
    expect(
      periodFromContent({ 'odata.metadata': 'https://opendata.cbs.nl/ODataApi/OData/85318NED/$metadata', value: [] }),
    ).toBe(2022);
    expect(periodFromContent({ type: 'FeatureCollection', features: [] })).toBeNull();
    expect(periodFromContent([])).toBeNull();
  });

  it('reads TableInfos by identifier, period or title', () => {
    expect(periodFromTableInfos([{ Identifier: '85984NED', Period: '2024' }])).toBe(2024);
    expect(periodFromTableInfos({ value: [{ Identifier: '99999NED', Period: '2021' }] })).toBe(2021);
    expect(periodFromTableInfos({ Title: 'Kerncijfers wijken en buurten 2017' })).toBe(2017);
    expect(periodFromTableInfos(null)).toBeNull();
  });
});
