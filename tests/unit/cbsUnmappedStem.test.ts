/**
 * An OData column the mapping table does not know, over several years: CBS numbers its key per table
 * (`NietWoningvoorraad_37` in one year, `_38` in the next), and the importer makes it one indicator with a series
 * under the key's stem. Two columns of one table with the same stem, or a year with another unit, keep their full
 * key. Small written OData answers for two years of one gemeente and one wijk.
 */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/data/csv.ts';
import { buildPackage } from '../../src/import/cbs/buildPackage.ts';
import { readSource } from '../../src/import/cbs/readSource.ts';
import { lookupVariable } from '../../src/import/cbs/variables.ts';

type Row = Record<string, string | number | null>;

/** One year's OData table: rows plus the DataProperties of its topics (unit 'aantal' unless given). */
function odata(period: number, rows: Row[], titles: Record<string, string | [string, string]>) {
  const dataProperties = [
    { Key: 'Gemeentenaam_1', Type: 'Topic', Title: 'Gemeentenaam', Unit: 'naam' },
    { Key: 'AantalInwoners_5', Type: 'Topic', Title: 'Aantal inwoners', Unit: 'aantal' },
    ...Object.entries(titles).map(([Key, t]) => {
      const [Title, Unit] = typeof t === 'string' ? [t, 'aantal'] : t;
      return { Key, Type: 'Topic', Title, Unit };
    }),
  ];
  return readSource({
    fileName: `odata-${period}.json`,
    period,
    text: JSON.stringify({ value: rows }),
    dataProperties,
  });
}

function tableOf(csv: string, name: string) {
  const { header, rows } = parseCsv(csv, name);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]!])));
}

const gm = (extra: Row): Row => ({ WijkenEnBuurten: 'GM0014    ', Gemeentenaam_1: 'Groningen', ...extra });
const wk = (extra: Row): Row => ({ WijkenEnBuurten: 'WK001400  ', Gemeentenaam_1: 'Groningen', ...extra });

describe('unmapped OData columns over several years', () => {
  it('the made-up keys are not in the mapping table', () => {
    for (const key of ['NietWoningvoorraad_37', 'Zonnepanelen_40', 'Laadpalen_80'])
      expect(lookupVariable(key), key).toBeUndefined();
  });

  it('the same column under another suffix in another year is one indicator with both years, titled by the latest', () => {
    const built = buildPackage(
      [
        // 2024 first: the latest year names the indicator whatever the order of the files.
        odata(
          2024,
          [
            gm({ AantalInwoners_5: 243768, NietWoningvoorraad_38: 12050 }),
            wk({ AantalInwoners_5: 10015, NietWoningvoorraad_38: '.' }),
          ],
          { NietWoningvoorraad_38: 'Niet-woningvoorraad' },
        ),
        odata(
          2023,
          [
            gm({ AantalInwoners_5: 238147, NietWoningvoorraad_37: 11890 }),
            wk({ AantalInwoners_5: 9870, NietWoningvoorraad_37: 310 }),
          ],
          { NietWoningvoorraad_37: 'Niet-woningen' },
        ),
      ],
      { id: 'stem' },
    );
    const indicators = tableOf(built.files['indicators.csv'], 'indicators.csv');
    expect(indicators.map((i) => i.id).sort()).toEqual(['a_inw', 'nietwoningvoorraad']);
    expect(indicators.find((i) => i.id === 'nietwoningvoorraad')).toMatchObject({
      label_nl: 'Niet-woningvoorraad',
      label_en: 'Niet-woningvoorraad',
      unit: 'count',
      decimals: '0',
    });
    expect(built.summary.unmapped).toEqual(['nietwoningvoorraad']);
    const series = tableOf(built.files['observations.csv'], 'observations.csv')
      .filter((o) => o.indicator_id === 'nietwoningvoorraad')
      .map((o) => `${o.area_code} ${o.period} ${o.value || o.status}`)
      .sort();
    expect(series).toEqual(['GM0014 2023 11890', 'GM0014 2024 12050', 'WK001400 2023 310', 'WK001400 2024 secret']);
    expect(built.warnings.map((w) => w.code)).not.toContain('stemShared');
  });

  it('two columns of one table with the same stem keep their suffixes, with a warning; the other year joins neither', () => {
    const y2023 = odata(2023, [gm({ AantalInwoners_5: 238147, Zonnepanelen_40: 5, Zonnepanelen_41: 7 })], {
      Zonnepanelen_40: 'Zonnepanelen op woningen',
      Zonnepanelen_41: 'Zonnepanelen op bedrijven',
    });
    expect(y2023.warnings.map((w) => w.code)).toEqual(['stemShared']);
    expect(y2023.warnings[0]!.text).toContain('Zonnepanelen_40 / Zonnepanelen_41');
    expect(y2023.unknownColumns.map((u) => u.variable)).toEqual(['zonnepanelen_40', 'zonnepanelen_41']);

    const y2024 = odata(2024, [gm({ AantalInwoners_5: 243768, Zonnepanelen_42: 9 })], {
      Zonnepanelen_42: 'Zonnepanelen op woningen',
    });
    const built = buildPackage([y2023, y2024], { id: 'collision' });
    const values = Object.fromEntries(
      tableOf(built.files['observations.csv'], 'observations.csv')
        .filter((o) => o.area_code === 'GM0014' && o.indicator_id?.startsWith('zonnepanelen'))
        .map((o) => [`${o.indicator_id} ${o.period}`, o.value]),
    );
    expect(values).toEqual({ 'zonnepanelen_40 2023': '5', 'zonnepanelen_41 2023': '7', 'zonnepanelen 2024': '9' });
    const labels = Object.fromEntries(
      tableOf(built.files['indicators.csv'], 'indicators.csv').map((i) => [i.id, i.label_nl]),
    );
    expect(labels).toMatchObject({
      zonnepanelen_40: 'Zonnepanelen op woningen',
      zonnepanelen_41: 'Zonnepanelen op bedrijven',
      zonnepanelen: 'Zonnepanelen op woningen',
    });
    expect(built.warnings.filter((w) => w.code === 'stemShared').map((w) => w.file)).toEqual(['odata-2023.json']);
  });

  it('a year in which the column has another unit keeps its full key, so the series never mixes % and counts', () => {
    const built = buildPackage(
      [
        odata(2016, [gm({ AantalInwoners_5: 200000, Laadpalen_80: 12 })], { Laadpalen_80: ['Laadpalen', '%'] }),
        odata(2024, [gm({ AantalInwoners_5: 243768, Laadpalen_81: 950 })], { Laadpalen_81: 'Laadpalen' }),
      ],
      { id: 'units' },
    );
    const indicators = Object.fromEntries(
      tableOf(built.files['indicators.csv'], 'indicators.csv').map((i) => [i.id, i.unit]),
    );
    expect(indicators).toMatchObject({ laadpalen: 'count', laadpalen_80: 'percent' });
    const values = tableOf(built.files['observations.csv'], 'observations.csv')
      .filter((o) => o.indicator_id?.startsWith('laadpalen'))
      .map((o) => `${o.indicator_id} ${o.period} ${o.value}`)
      .sort();
    expect(values).toEqual(['laadpalen 2024 950', 'laadpalen_80 2016 12']);
    const changed = built.warnings.find((w) => w.code === 'unmappedUnitChanged');
    expect(changed?.file).toBe('odata-2016.json');
    expect(changed?.params).toMatchObject({
      variable: 'laadpalen',
      unit: 'percent',
      latestUnit: 'count',
      kept: 'laadpalen_80',
    });
  });
});
