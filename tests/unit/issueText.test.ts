import { describe, expect, it } from 'vitest';
import { validationMessages as en } from '../../src/app/i18n/validation.en.ts';
import { validationMessages as nl } from '../../src/app/i18n/validation.nl.ts';
import { fillTemplate, formatIssue } from '../../src/data/issueText.ts';
import { PACKAGE_ISSUE_CODES } from '../../src/data/package.ts';

describe('fillTemplate', () => {
  it('fills placeholders and drops optional parts whose params are missing or empty', () => {
    const t = 'Kolom ‘{column}’ ontbreekt.[[ Bedoelt u ‘{suggestion}’?]]';
    expect(fillTemplate(t, { column: 'unit' })).toBe('Kolom ‘unit’ ontbreekt.');
    expect(fillTemplate(t, { column: 'unit', suggestion: '' })).toBe('Kolom ‘unit’ ontbreekt.');
    expect(fillTemplate(t, { column: 'unit', suggestion: 'Unit' })).toBe('Kolom ‘unit’ ontbreekt. Bedoelt u ‘Unit’?');
  });

  it('uses {?name} as a condition only, and renders a missing param as nothing', () => {
    expect(fillTemplate('a[[{?hint} b]]c', { hint: 'decimalComma' })).toBe('a bc');
    expect(fillTemplate('a[[{?hint} b]]c', {})).toBe('ac');
    expect(fillTemplate('x{missing}y', {})).toBe('xy');
  });

  it('never reads param values as template syntax', () => {
    expect(fillTemplate('‘{value}’[[ {more}]]', { value: '{file} [[{x}]]', more: '{value}' })).toBe(
      '‘{file} [[{x}]]’ {value}',
    );
  });
});

describe('formatIssue', () => {
  it('renders the prefix for row and column, row only, and file only', () => {
    expect(
      formatIssue(
        {
          file: 'indicators.csv',
          row: 7,
          column: 'unit',
          code: 'invalidEnum',
          params: { value: 'procent', allowed: 'percent, count' },
        },
        nl,
      ),
    ).toBe('indicators.csv, rij 7, kolom ‘unit’: ‘procent’ is hier geen geldige waarde. Kies uit: percent, count.');
    expect(
      formatIssue({ file: 'aims.csv', row: 3, code: 'wrongFieldCount', params: { expected: 8, found: 7 } }, en),
    ).toBe(
      'aims.csv, row 3: This row has 7 values, but the file has 8 columns. Is there a comma in a text? Then put that text in quotes.',
    );
    expect(
      formatIssue(
        {
          file: 'observations.csv',
          column: 'area_code',
          code: 'missingColumn',
          params: { column: 'area_code', suggestion: 'Area_Code' },
        },
        nl,
      ),
    ).toBe('observations.csv: Kolom ‘area_code’ ontbreekt. Er is wel een kolom ‘Area_Code’: is die misschien bedoeld?');
  });

  it('renders the decimal-comma hint and the RD New hint', () => {
    const comma = { file: 'aims.csv', row: 2, column: 'target_value', code: 'notNumeric' as const };
    expect(formatIssue({ ...comma, params: { value: '5,5', hint: 'decimalComma', suggestion: '5.5' } }, nl)).toBe(
      'aims.csv, rij 2, kolom ‘target_value’: ‘5,5’ is geen getal. Gebruik een punt als decimaalteken, geen komma. Schrijf ‘5.5’.',
    );
    expect(formatIssue({ ...comma, params: { value: 'abc' } }, en)).toBe(
      'aims.csv, row 2, column ‘target_value’: ‘abc’ is not a number.',
    );
    const rd = { file: 'areas.geojson', row: 4, column: 'geometry', code: 'coordinatesOutOfRange' as const };
    expect(formatIssue({ ...rd, params: { value: '155000, 463000', crs: 'EPSG:28992' } }, nl)).toContain(
      'Dit lijken RD-coördinaten in meters (EPSG:28992)',
    );
  });

  it('has a non-empty template for every issue code in both languages, with the same placeholders', () => {
    for (const code of PACKAGE_ISSUE_CODES) {
      expect(nl[code], code).toMatch(/\S/);
      expect(en[code], code).toMatch(/\S/);
      const names = (t: string) => [...t.matchAll(/\{\??(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(en[code]), code).toEqual(names(nl[code]));
    }
  });
});
