import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validationMessages as en } from '../../src/app/i18n/validation.en.ts';
import { validationMessages as nl } from '../../src/app/i18n/validation.nl.ts';
import { formatIssue } from '../../src/data/issueText.ts';
import { validateAims, validateAreas, validateDatasetMeta, validateIndicators } from '../../src/data/validate.ts';
import { issuesOf } from '../fixtures/issuesOf.ts';

const MINI = join(import.meta.dirname, '..', 'fixtures', 'packages', 'mini');
const read = (file: string) => readFileSync(join(MINI, file), 'utf8');

const IND_HEADER = 'id,label_nl,label_en,theme,unit,direction,decimals,definition_nl,definition_en,source,min_count';
const I = 'indicators.csv';
const M = 'dataset.json';

const indicators = () => validateIndicators(read('indicators.csv'));
const areas = () => validateAreas(read('areas.geojson'));
const aims = (text: string) => validateAims(text, indicators(), areas(), [2021, 2022, 2023]);

describe('the valid mini package', () => {
  it('returns exact values for every file', () => {
    const meta = validateDatasetMeta(read('dataset.json'));
    expect(meta).toEqual({
      id: 'mini',
      format_version: 1,
      title: { nl: 'Mini-gemeente', en: 'Mini municipality' },
      publisher: 'Gemeente Voorbeeld',
      licence: 'CC BY 4.0',
      attribution: 'Bron: CBS, CC BY 4.0',
      gemeente: 'GM9999',
      default_area: 'GM9999',
      default_indicator: 'jeugdwerkloosheid',
      periods: [2021, 2022, 2023],
      default_period: 2023,
    });
    expect(areas()).toEqual([
      { code: 'NL00', name: 'Nederland', level: 'land', parent: null, gemeente: null },
      { code: 'GM9999', name: 'Voorbeeld', level: 'gemeente', parent: 'NL00', gemeente: 'GM9999' },
      { code: 'WK999901', name: 'Wijk 01', level: 'wijk', parent: 'GM9999', gemeente: 'GM9999' },
      { code: 'BU99990101', name: 'Oud-West', level: 'buurt', parent: 'WK999901', gemeente: 'GM9999' },
      { code: 'BU99990102', name: 'Nieuw-Oost', level: 'buurt', parent: 'WK999901', gemeente: 'GM9999' },
      {
        code: 'centrum',
        name: 'Centrum',
        level: 'gebied',
        parent: 'GM9999',
        members: ['BU99990101', 'BU99990102'],
        gemeente: 'GM9999',
      },
    ]);
    expect(indicators()).toEqual([
      {
        id: 'jeugdwerkloosheid',
        label_nl: 'Jeugdwerkloosheid',
        label_en: 'Youth unemployment',
        theme: 'werk',
        unit: 'percent',
        direction: 'down',
        decimals: 1,
        definition_nl: 'Aandeel werkloze jongeren, 15 tot 27 jaar',
        definition_en: '',
        source: 'CBS',
        min_count: 10,
        // The mini package has no rounding or disclosure columns (a package from before them): exact counts, the
        // default count threshold, quantities linked from the data only.
        rounding: null,
        denominator_rounding: null,
        count_threshold: null,
        numerator_id: null,
        denominator_id: null,
        publish_rounding: null,
      },
      {
        id: 'inwoners',
        label_nl: 'Inwoners',
        label_en: 'Inwoners',
        theme: 'bevolking',
        unit: 'count',
        direction: 'neutral',
        decimals: 0,
        definition_nl: '',
        definition_en: '',
        source: 'CBS',
        min_count: 0,
        rounding: null,
        denominator_rounding: null,
        count_threshold: null,
        numerator_id: null,
        denominator_id: null,
        publish_rounding: null,
      },
    ]);
    expect(aims(read('aims.csv'))).toEqual([
      {
        indicator_id: 'jeugdwerkloosheid',
        area_code: null,
        baseline_period: 2022,
        target_period: 2026,
        target_value: 5.5,
        direction: 'down',
        label_nl: 'Jeugdwerkloosheid omlaag',
        label_en: 'Reduce youth unemployment',
      },
      {
        indicator_id: 'jeugdwerkloosheid',
        area_code: 'BU99990101',
        baseline_period: 2023,
        target_period: 2030,
        target_value: null,
        direction: 'down',
        label_nl: 'Daalt in Oud-West',
        label_en: 'Daalt in Oud-West',
      },
    ]);
  });
});

describe('validateDatasetMeta', () => {
  const meta = JSON.parse(read('dataset.json')) as Record<string, unknown>;
  const metaWith = (patch: Record<string, unknown>) => JSON.stringify({ ...meta, ...patch });

  it('reports invalid JSON with line and column', () => {
    expect(issuesOf(() => validateDatasetMeta('{\n  "id": "x",\n  "title" {}\n}'))).toEqual([
      { file: M, code: 'invalidJson', params: { line: 3, column: 11 } },
    ]);
  });

  it('reports missing fields, a wrong format version and bad periods', () => {
    const text = metaWith({ publisher: undefined, format_version: 2, title: { en: 'x' }, periods: [2021, 2021] });
    expect(issuesOf(() => validateDatasetMeta(text))).toEqual([
      {
        file: M,
        column: 'format_version',
        code: 'invalidMeta',
        params: { field: 'format_version', value: '2', expected: 1 },
      },
      { file: M, column: 'title.nl', code: 'invalidMeta', params: { field: 'title.nl', value: '' } },
      { file: M, column: 'publisher', code: 'invalidMeta', params: { field: 'publisher', value: '' } },
      {
        file: M,
        column: 'periods',
        code: 'invalidMeta',
        params: { field: 'periods', value: '2021' },
      },
      {
        file: M,
        column: 'default_period',
        code: 'invalidMeta',
        params: { field: 'default_period', value: '2023', expected: '2021' },
      },
    ]);
  });

  it('reports a period that is not a year', () => {
    expect(issuesOf(() => validateDatasetMeta(metaWith({ periods: [2021, '2022'], default_period: 2021 })))).toEqual([
      {
        file: M,
        column: 'periods',
        code: 'invalidMeta',
        params: { field: 'periods', value: '2022', expected: '1900–2100' },
      },
    ]);
  });

  it('reports a default period outside the periods and a root that is not an object', () => {
    expect(issuesOf(() => validateDatasetMeta(metaWith({ default_period: 2030 })))).toEqual([
      {
        file: M,
        column: 'default_period',
        code: 'invalidMeta',
        params: { field: 'default_period', value: '2030', expected: '2021, 2022, 2023' },
      },
    ]);
    expect(issuesOf(() => validateDatasetMeta('[1]'))).toEqual([
      { file: M, code: 'invalidMeta', params: { field: '', value: '[1]' } },
    ]);
  });
});

describe('validateIndicators', () => {
  const row = 'werk_x,Werk,Work,werk,percent,up,1,,,CBS,10';

  it('reports a missing column', () => {
    const header = IND_HEADER.replace(',unit', '');
    expect(issuesOf(() => validateIndicators(`${header}\nwerk_x,Werk,Work,werk,up,1,,,CBS,10\n`))).toEqual([
      { file: I, column: 'unit', code: 'missingColumn', params: { column: 'unit' } },
    ]);
  });

  it('reports a misspelt column with a suggestion', () => {
    const header = IND_HEADER.replace('min_count', 'Min Count');
    expect(issuesOf(() => validateIndicators(`${header}\n${row}\n`))).toEqual([
      { file: I, column: 'min_count', code: 'missingColumn', params: { column: 'min_count', suggestion: 'Min Count' } },
      { file: I, column: 'Min Count', code: 'unknownColumn', params: { column: 'Min Count', value: 'Min Count' } },
    ]);
  });

  it('reports bad cells with row and column', () => {
    const rows = [
      'Werk-X,,,sport,procent,omhoog,1.5,,,,-1',
      'werk_y,Werk,,werk,percent,up,7,,,,abc',
      'werk_z,Werk,,werk,percent,up,"1,5",,,,',
    ];
    expect(issuesOf(() => validateIndicators(`${IND_HEADER}\n${rows.join('\n')}\n`))).toEqual([
      { file: I, row: 2, column: 'id', code: 'invalidId', params: { value: 'Werk-X' } },
      { file: I, row: 2, column: 'label_nl', code: 'required' },
      {
        file: I,
        row: 2,
        column: 'theme',
        code: 'invalidEnum',
        params: { value: 'sport', allowed: 'jeugd, zorg, werk, armoede, gezondheid, meedoen, bevolking' },
      },
      {
        file: I,
        row: 2,
        column: 'unit',
        code: 'invalidEnum',
        params: {
          value: 'procent',
          allowed: 'percent, per_1000, per_10000, count, euro, euro_x1000, years, score, km',
        },
      },
      {
        file: I,
        row: 2,
        column: 'direction',
        code: 'invalidEnum',
        params: { value: 'omhoog', allowed: 'up, down, neutral' },
      },
      { file: I, row: 2, column: 'decimals', code: 'notInteger', params: { value: '1.5' } },
      { file: I, row: 2, column: 'min_count', code: 'negative', params: { value: '-1' } },
      { file: I, row: 3, column: 'decimals', code: 'outOfRange', params: { value: '7', min: 0, max: 6 } },
      { file: I, row: 3, column: 'min_count', code: 'notInteger', params: { value: 'abc' } },
      { file: I, row: 4, column: 'decimals', code: 'notInteger', params: { value: '1,5' } },
      { file: I, row: 4, column: 'min_count', code: 'required' },
    ]);
  });

  it('reports a duplicate id with the first row', () => {
    expect(
      issuesOf(() => validateIndicators(`${IND_HEADER}\n${row}\n"multi\nline",x,,werk,count,up,0,,,,0\n${row}\n`)),
    ).toEqual([
      { file: I, row: 3, column: 'id', code: 'invalidId', params: { value: 'multi␊line' } },
      { file: I, row: 5, column: 'id', code: 'duplicateKey', params: { value: 'werk_x', firstRow: 2 } },
    ]);
  });

  it('reads the optional rounding columns: a whole number, or null when empty or absent', () => {
    const header = `${IND_HEADER},rounding,denominator_rounding`;
    const text = [
      header,
      'bijstand_per_1000,Bijstand,,werk,per_1000,down,1,,,CBS,10,10,5',
      'wmo_aantal,Wmo-cliënten,,zorg,count,neutral,0,,,CBS,10,5,',
      'inwoners,Inwoners,,bevolking,count,neutral,0,,,CBS,0,,',
      '',
    ].join('\n');
    const rounding = (list: ReturnType<typeof validateIndicators>) =>
      list.map(({ id, rounding, denominator_rounding }) => ({ id, rounding, denominator_rounding }));
    expect(rounding(validateIndicators(text))).toEqual([
      { id: 'bijstand_per_1000', rounding: 10, denominator_rounding: 5 },
      { id: 'wmo_aantal', rounding: 5, denominator_rounding: null },
      { id: 'inwoners', rounding: null, denominator_rounding: null },
    ]);
    // One of the two columns alone is fine too, in any place.
    const onlyRounding = `id,rounding,label_nl,theme,unit,direction,decimals,min_count\nn,100,N,werk,count,neutral,0,0\n`;
    expect(rounding(validateIndicators(onlyRounding))).toEqual([
      { id: 'n', rounding: 100, denominator_rounding: null },
    ]);
  });

  it('refuses a rounding that is not a whole number of 1 or more, naming file, row and column', () => {
    const header = `${IND_HEADER},rounding,denominator_rounding`;
    const rows = [
      'a,A,,werk,count,down,0,,,CBS,10,0,',
      'b,B,,werk,per_1000,down,1,,,CBS,10,10,-5',
      'c,C,,werk,count,down,0,,,CBS,10,2.5,',
      'd,D,,werk,per_1000,down,1,,,CBS,10,5,tien',
      'e,E,,werk,count,down,0,,,CBS,10,"5,0",1e1',
    ];
    expect(issuesOf(() => validateIndicators(`${header}\n${rows.join('\n')}\n`))).toEqual([
      { file: I, row: 2, column: 'rounding', code: 'invalidRounding', params: { value: '0' } },
      { file: I, row: 3, column: 'denominator_rounding', code: 'invalidRounding', params: { value: '-5' } },
      { file: I, row: 4, column: 'rounding', code: 'invalidRounding', params: { value: '2.5' } },
      { file: I, row: 5, column: 'denominator_rounding', code: 'invalidRounding', params: { value: 'tien' } },
      { file: I, row: 6, column: 'rounding', code: 'invalidRounding', params: { value: '5,0' } },
      { file: I, row: 6, column: 'denominator_rounding', code: 'invalidRounding', params: { value: '1e1' } },
    ]);
  });

  it('reads the disclosure columns and refuses bad ones, naming file, row and column', () => {
    const header = `${IND_HEADER},count_threshold,numerator_id,denominator_id,publish_rounding`;
    const good = 'a,A,,jeugd,percent,down,1,,,CBS,10,0,jeugdhulp_jongeren,jongeren_0_17,5';
    const [a] = validateIndicators(`${header}\n${good}\n`);
    expect(a).toMatchObject({
      count_threshold: 0,
      numerator_id: 'jeugdhulp_jongeren',
      denominator_id: 'jongeren_0_17',
      publish_rounding: 5,
      // Shown rounded to 5, so the statistics treat the counts as rounded to 5.
      rounding: 5,
      denominator_rounding: 5,
    });
    const rows = ['b,B,,werk,count,down,0,,,CBS,10,-1,,,', 'c,C,,werk,count,down,0,,,CBS,10,,jongeren 0-17,,0'];
    expect(issuesOf(() => validateIndicators(`${header}\n${rows.join('\n')}\n`))).toEqual([
      { file: I, row: 2, column: 'count_threshold', code: expect.any(String), params: expect.anything() },
      { file: I, row: 3, column: 'publish_rounding', code: 'invalidRounding', params: { value: '0' } },
      { file: I, row: 3, column: 'numerator_id', code: 'invalidQuantityId', params: { value: 'jongeren 0-17' } },
    ]);
  });

  it('says in both languages what a rounding should be, with file, row and column', () => {
    const issue = { file: I, row: 5, column: 'rounding', code: 'invalidRounding' as const, params: { value: 'tien' } };
    expect(formatIssue(issue, nl)).toBe(
      'indicators.csv, rij 5, kolom ‘rounding’: ‘tien’ is geen geldige afronding: vul de eenheid in waarop de bron de aantallen afrondt, een geheel getal van 1 of meer (bijvoorbeeld 5 of 10), of laat de cel leeg als de aantallen exact zijn.',
    );
    expect(formatIssue(issue, en)).toBe(
      'indicators.csv, row 5, column ‘rounding’: ‘tien’ is not a valid rounding: give the unit to which the source rounds the counts, a whole number of 1 or more (for example 5 or 10), or leave the cell empty if the counts are exact.',
    );
  });

  it('reports a misspelt rounding column as unknown instead of ignoring it', () => {
    const text = `${IND_HEADER},afronding\nwerk_x,Werk,Work,werk,percent,up,1,,,CBS,10,5\n`;
    expect(issuesOf(() => validateIndicators(text))).toEqual([
      { file: I, column: 'afronding', code: 'unknownColumn', params: { column: 'afronding', value: 'afronding' } },
    ]);
  });

  it('reports a file without indicators', () => {
    expect(issuesOf(() => validateIndicators(`${IND_HEADER}\n`))).toEqual([{ file: I, code: 'noRows' }]);
  });

  it('survives hostile cells and quotes them safely', () => {
    const big = `<b>${'x'.repeat(1_000_000)}`;
    const text = `${IND_HEADER}\n"=cmd|' /C calc'!A0",<img src=x onerror=alert(1)>,,werk,percent,up,1,,,,0\nx2,"a\u0007b",,${big},percent,up,1,,,,"\u202e0"\n`;
    const issues = issuesOf(() => validateIndicators(text));
    expect(issues.map(({ row, column, code }) => ({ row, column, code }))).toEqual([
      { row: 2, column: 'id', code: 'invalidId' },
      { row: 3, column: 'theme', code: 'invalidEnum' },
      { row: 3, column: 'min_count', code: 'notInteger' },
    ]);
    expect(issues[0]?.params?.value).toBe("=cmd|' /C calc'!A0");
    const value = String(issues[1]?.params?.value);
    expect(Array.from(value)).toHaveLength(60);
    expect(value).toBe(`<b>${'x'.repeat(56)}…`);
    expect(issues[2]?.params?.value).toBe('␦0');
  });

  it('caps the issues at 50 and adds one tooManyIssues', () => {
    const rows = Array.from({ length: 60 }, (_, i) => `id_${i},Label,,sport,percent,up,1,,,,0`);
    const issues = issuesOf(() => validateIndicators(`${IND_HEADER}\n${rows.join('\n')}\n`));
    expect(issues).toHaveLength(51);
    expect(issues[0]).toMatchObject({ file: I, row: 2, column: 'theme', code: 'invalidEnum' });
    expect(issues[49]).toMatchObject({ file: I, row: 51, column: 'theme', code: 'invalidEnum' });
    expect(issues[50]).toEqual({ file: I, code: 'tooManyIssues', params: { shown: 50, more: 10 } });
  });
});
