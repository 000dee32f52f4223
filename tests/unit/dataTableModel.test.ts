import { describe, expect, it } from 'vitest';
import { createI18n } from '../../src/app/i18n/index.tsx';
import type { Area, Indicator } from '../../src/data/package.ts';
import { exportWords, toExportCsv } from '../../src/export/csv.ts';
import { toXlsx } from '../../src/export/xlsx.ts';
import { readXlsxRows } from '../../src/import/cbs/xlsx.ts';
import type { DataTableRow } from '../../src/queries/dataTable.ts';
import { dataTableModel } from '../../src/views/data/dataTableModel.ts';

/** Uithoorn's wijk 85, which CBS renamed in 2024 and kept the code of, and a wijk never renamed. */
const renamed: Area = {
  code: 'WK045185',
  name: 'Wijk 85 De Kwakel',
  level: 'wijk',
  parent: 'GM0451',
  gemeente: 'GM0451',
  names: [
    { from: 2015, name: 'Wijk 85 Meerwijk' },
    { from: 2024, name: 'Wijk 85 De Kwakel' },
  ],
};
const plain: Area = { code: 'WK045100', name: 'Wijk 00 Uithoorn', level: 'wijk', parent: 'GM0451', gemeente: 'GM0451' };
const buurt: Area = { code: 'BU04510000', name: 'Oude Dorp', level: 'buurt', parent: 'WK045100', gemeente: 'GM0451' };
const areas = new Map([renamed, plain, buurt].map((a) => [a.code, a]));

const inwoners = {
  id: 'a_inw',
  label_nl: 'Inwoners',
  label_en: 'Inhabitants',
  decimals: 0,
} as Indicator;
const indicators = new Map([[inwoners.id, inwoners]]);

/** As the query returns them: `name` is the areas table's (the current) name. */
const row = (
  area: Area,
  period: number,
  value: number | null,
  status: DataTableRow['status'] = null,
): DataTableRow => ({
  code: area.code,
  name: area.name,
  level: area.level,
  indicator: 'a_inw',
  period,
  value,
  numerator: null,
  denominator: null,
  suppressed: status === 'secret',
  status,
});
const rows = [
  row(renamed, 2015, 5120),
  row(renamed, 2024, 5435),
  row(plain, 2015, 12040),
  row(plain, 2024, null, 'secret'),
];

describe('the Data table names areas per year', () => {
  const nl = dataTableModel(rows, { indicators, areas, decimals: 0, i18n: createI18n('nl') });

  it("keeps the current name in 'Gebied' and gives the name of the row's year beside it", () => {
    expect(nl.columns.map((c) => c.label)).toEqual([
      'Code',
      'Gebied',
      'Naam in dat jaar',
      'Indicator',
      'Jaar',
      'Waarde',
      'Teller',
      'Noemer',
    ]);
    expect(nl.rows.map((r) => [r.code, r.period, r.name, r.name_then])).toEqual([
      ['WK045185', 2015, 'Wijk 85 De Kwakel', 'Wijk 85 Meerwijk'],
      ['WK045185', 2024, 'Wijk 85 De Kwakel', 'Wijk 85 De Kwakel'],
      ['WK045100', 2015, 'Wijk 00 Uithoorn', 'Wijk 00 Uithoorn'],
      ['WK045100', 2024, 'Wijk 00 Uithoorn', 'Wijk 00 Uithoorn'],
    ]);
  });

  it('writes those names in the CSV download, row by row, with the secret value empty and its reason', () => {
    const csv = toExportCsv(nl, { numberFormat: 'nl', attribution: 'Bron: CBS' }).replace(/^\uFEFF/, '');
    expect(csv.split('\r\n')).toEqual([
      'Code;Gebied;Naam in dat jaar;Indicator;Jaar;Waarde;Waarde (status);Teller;Noemer;bron',
      'WK045185;Wijk 85 De Kwakel;Wijk 85 Meerwijk;Inwoners;2015;5120;;;;Bron: CBS',
      'WK045185;Wijk 85 De Kwakel;Wijk 85 De Kwakel;Inwoners;2024;5435;;;;Bron: CBS',
      'WK045100;Wijk 00 Uithoorn;Wijk 00 Uithoorn;Inwoners;2015;12040;;;;Bron: CBS',
      'WK045100;Wijk 00 Uithoorn;Wijk 00 Uithoorn;Inwoners;2024;;geheim;;;Bron: CBS',
      '',
    ]);
  });

  it('writes them in the Excel download, in English too', async () => {
    const en = dataTableModel(rows, { indicators, areas, decimals: 0, i18n: createI18n('en') });
    const sheet = await readXlsxRows(
      await toXlsx(en, { sheetName: 'a_inw', attribution: 'Source: CBS', words: exportWords('en') }),
    );
    expect(sheet[0]!.slice(0, 5)).toEqual(['Code', 'Area', 'Name that year', 'Indicator', 'Year']);
    expect(sheet.slice(1, 3).map((r) => r.slice(0, 6))).toEqual([
      ['WK045185', 'Wijk 85 De Kwakel', 'Wijk 85 Meerwijk', 'Inhabitants', '2015', '5120'],
      ['WK045185', 'Wijk 85 De Kwakel', 'Wijk 85 De Kwakel', 'Inhabitants', '2024', '5435'],
    ]);
  });

  it('has no name-per-year column for a level without a renamed area', () => {
    const buurten = dataTableModel([row(buurt, 2015, 830)], { indicators, areas, decimals: 0, i18n: createI18n('nl') });
    expect(buurten.columns.map((c) => c.key)).toEqual([
      'code',
      'name',
      'indicator',
      'period',
      'value',
      'numerator',
      'denominator',
    ]);
    expect(buurten.rows[0]).not.toHaveProperty('name_then');
  });
});
