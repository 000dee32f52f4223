import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateAims, validateAreas, validateIndicators } from '../../src/data/validate.ts';
import { issuesOf } from '../fixtures/issuesOf.ts';

const MINI = join(import.meta.dirname, '..', 'fixtures', 'packages', 'mini');
const read = (file: string) => readFileSync(join(MINI, file), 'utf8');

const AIM_HEADER = 'indicator_id,area_code,baseline_period,target_period,target_value,direction,label_nl,label_en';
const A = 'aims.csv';

/** Aims against the mini package's indicators and areas, with periods 2021–2023. */
const aims = (text: string) =>
  validateAims(
    text,
    validateIndicators(read('indicators.csv')),
    validateAreas(read('areas.geojson')),
    [2021, 2022, 2023],
  );

describe('validateAims', () => {
  const ok = 'jeugdwerkloosheid,,2022,2026,5.5,down,,';

  it('reports an unknown indicator and an unknown area', () => {
    const text = `${AIM_HEADER}\nbijstand,,2022,2026,,down,,\njeugdwerkloosheid,BU00000000,2022,2026,,down,,\n`;
    expect(issuesOf(() => aims(text))).toEqual([
      { file: A, row: 2, column: 'indicator_id', code: 'unknownIndicator', params: { value: 'bijstand' } },
      { file: A, row: 3, column: 'area_code', code: 'unknownArea', params: { value: 'BU00000000' } },
    ]);
  });

  it('reads a target band from target_low and target_high, and names what is wrong with one', () => {
    const header = `${AIM_HEADER},target_low,target_high`;
    const [aim] = aims(`${header}\njeugdwerkloosheid,,2022,2026,,down,Tussen 8 en 10%,,8,10\n`);
    expect(aim).toMatchObject({ target_value: null, target_band: { low: 8, high: 10 } });
    const bad = `${header}\njeugdwerkloosheid,,2022,2026,,down,,,10,8\njeugdwerkloosheid,,2022,2027,,down,,,8,\n`;
    expect(issuesOf(() => aims(bad))).toEqual([
      { file: A, row: 2, column: 'target_low', code: 'bandOrder', params: { low: 10, high: 8 } },
      { file: A, row: 3, column: 'target_high', code: 'required' },
    ]);
    expect(aims(`${AIM_HEADER}\n${ok}\n`)[0]!.target_band).toBeUndefined();
  });

  it('reports non-numeric target values, with a hint for a decimal comma', () => {
    const rows = ['5,5', '1.234,5', 'abc', 'NaN', 'Infinity', '1e999', ' 5'].map(
      (v) => `jeugdwerkloosheid,,2022,2026,"${v}",down,,`,
    );
    const issues = issuesOf(() => aims(`${AIM_HEADER}\n${rows.join('\n')}\n`));
    expect(issues).toEqual([
      {
        file: A,
        row: 2,
        column: 'target_value',
        code: 'notNumeric',
        params: { value: '5,5', hint: 'decimalComma', suggestion: '5.5' },
      },
      {
        file: A,
        row: 3,
        column: 'target_value',
        code: 'notNumeric',
        params: { value: '1.234,5', hint: 'decimalComma', suggestion: '1234.5' },
      },
      { file: A, row: 4, column: 'target_value', code: 'notNumeric', params: { value: 'abc' } },
      { file: A, row: 5, column: 'target_value', code: 'notNumeric', params: { value: 'NaN' } },
      { file: A, row: 6, column: 'target_value', code: 'notNumeric', params: { value: 'Infinity' } },
      { file: A, row: 7, column: 'target_value', code: 'notNumeric', params: { value: '1e999' } },
      { file: A, row: 8, column: 'target_value', code: 'notNumeric', params: { value: ' 5' } },
    ]);
  });

  it('accepts strict numbers', () => {
    const rows = ['12.5', '-3', '1e3', '.5'].map((v, i) => `jeugdwerkloosheid,,2022,${2026 + i},${v},down,,`);
    expect(aims(`${AIM_HEADER}\n${rows.join('\n')}\n`).map((a) => a.target_value)).toEqual([12.5, -3, 1000, 0.5]);
  });

  it('reports bad periods, a bad direction and a duplicate aim', () => {
    const rows = [
      'jeugdwerkloosheid,,2022,2022,,down,,',
      'jeugdwerkloosheid,,2019,2026,,down,,',
      'jeugdwerkloosheid,,twintig,2026.0,,omlaag,,',
      ok,
      ok,
    ];
    expect(issuesOf(() => aims(`${AIM_HEADER}\n${rows.join('\n')}\n`))).toEqual([
      {
        file: A,
        row: 2,
        column: 'target_period',
        code: 'periodOutOfRange',
        params: { value: 2022, first: 2023, last: 2100 },
      },
      {
        file: A,
        row: 3,
        column: 'baseline_period',
        code: 'periodOutOfRange',
        params: { value: 2019, first: 2021, last: 2023 },
      },
      { file: A, row: 4, column: 'baseline_period', code: 'notInteger', params: { value: 'twintig' } },
      { file: A, row: 4, column: 'target_period', code: 'notInteger', params: { value: '2026.0' } },
      {
        file: A,
        row: 4,
        column: 'direction',
        code: 'invalidEnum',
        params: { value: 'omlaag', allowed: 'up, down, neutral' },
      },
      {
        file: A,
        row: 6,
        column: 'indicator_id',
        code: 'duplicateKey',
        params: { value: 'jeugdwerkloosheid  2026', firstRow: 5 },
      },
    ]);
  });

  it('accepts a header-only file and optional columns left out', () => {
    expect(aims(`${AIM_HEADER}\n`)).toEqual([]);
    const text = 'indicator_id,baseline_period,target_period,direction\njeugdwerkloosheid,2021,2025,down\n';
    expect(aims(text)).toEqual([
      {
        indicator_id: 'jeugdwerkloosheid',
        area_code: null,
        baseline_period: 2021,
        target_period: 2025,
        target_value: null,
        direction: 'down',
        label_nl: '',
        label_en: '',
      },
    ]);
  });

  it('reads with whom and when an aim was agreed from the optional agreed_with and agreed_on columns', () => {
    const header = `${AIM_HEADER},agreed_with,agreed_on`;
    const [agreed, bare] = aims(
      `${header}\njeugdwerkloosheid,WK999901,2022,2026,5,down,Minder,,wijkraad Noorddorp,2026-03-12\njeugdwerkloosheid,,2022,2026,,down,,,,\n`,
    );
    expect(agreed).toMatchObject({ agreed_with: 'wijkraad Noorddorp', agreed_on: '2026-03-12' });
    expect(bare).not.toHaveProperty('agreed_with');
    expect(bare).not.toHaveProperty('agreed_on');
    const bad = `${header}\njeugdwerkloosheid,,2022,2026,,down,,,x,12-03-2026\njeugdwerkloosheid,,2022,2027,,down,,,x,2026-02-30\n`;
    expect(issuesOf(() => aims(bad))).toEqual([
      { file: A, row: 2, column: 'agreed_on', code: 'notDate', params: { value: '12-03-2026' } },
      { file: A, row: 3, column: 'agreed_on', code: 'notDate', params: { value: '2026-02-30' } },
    ]);
  });
});
