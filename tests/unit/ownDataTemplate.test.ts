import { describe, expect, it } from 'vitest';
import type { Area } from '../../src/data/package.ts';
import { parseOwnData, wideToLong } from '../../src/userdata/ownDataParse.ts';
import { ownDataTemplate } from '../../src/userdata/ownDataTemplate.ts';

const area = (code: string, name: string, level: Area['level'], extra: Partial<Area> = {}): Area => ({
  code,
  name,
  level,
  parent: null,
  gemeente: 'GM9998',
  ...extra,
});

const AREAS: Area[] = [
  area('GM9998', 'Proefdorp', 'gemeente'),
  area('WK999801', 'West', 'wijk'),
  area('BU99980102', 'Gehucht; "oud"', 'buurt'),
  area('BU99980101', '=West-Zuid', 'buurt'),
  area('BU99980103', 'Opgeheven', 'buurt', { last_period: 2020 }),
];

describe('ownDataTemplate', () => {
  it('lists the areas of one level that exist that year, by code, with Dutch headers and an empty column', () => {
    const text = ownDataTemplate(AREAS, { level: 'buurt', period: 2024, lang: 'nl' });
    expect(text.split('\r\n')).toEqual([
      'buurtcode;naam;jaar;Mijn indicator',
      "BU99980101;'=West-Zuid;2024;",
      'BU99980102;"Gehucht; ""oud""";2024;',
      '',
    ]);
    expect(ownDataTemplate(AREAS, { level: 'wijk', period: 2024, lang: 'en' }).split('\r\n')[0]).toBe(
      'area_code;name;period;My indicator',
    );
  });

  it('reads back, once filled in, as the wide layout with the area codes and the year', async () => {
    const filled = ownDataTemplate(AREAS, { level: 'buurt', period: 2024, lang: 'nl' })
      .replace('2024;\r\n', '2024;31\r\n')
      .replace('2024;\r\n', '2024;7,5\r\n');
    const table = await parseOwnData({ name: 'invul.csv', bytes: new TextEncoder().encode(filled) });
    expect(table.layout).toBe('wide');
    expect(wideToLong(table).rows.map((r) => [r.row, r.area_code, r.indicator_id, r.period, r.value])).toEqual([
      [2, 'BU99980101', 'mijn_indicator', '2024', '31'],
      [3, 'BU99980102', 'mijn_indicator', '2024', '7,5'],
    ]);
  });
});

describe('ownDataTemplate against formula injection', () => {
  it('neutralises area codes as well as names, and reads the codes back as they are', async () => {
    const hostile = [
      area('=HYPERLINK("http://ev.il")', 'Boos', 'gebied'),
      area('@SUM(1+1)', 'Som', 'gebied'),
      area('GB01', 'Gewoon', 'gebied'),
    ];
    const text = ownDataTemplate(hostile, { level: 'gebied', period: 2024, lang: 'nl' });
    const lines = text.split('\r\n');
    // Quoted as CSV (it holds quotes), with the ' inside the field.
    expect(lines).toContain(`"'=HYPERLINK(""http://ev.il"")";Boos;2024;`);
    expect(lines).toContain("'@SUM(1+1);Som;2024;");
    for (const line of lines.slice(1)) expect(line).not.toMatch(/^[=@+-]/);
    const filled = text.replaceAll('2024;\r\n', '2024;1\r\n');
    const table = await parseOwnData({ name: 'invul.csv', bytes: new TextEncoder().encode(filled) });
    expect(
      wideToLong(table)
        .rows.map((r) => r.area_code)
        .sort(),
    ).toEqual(['=HYPERLINK("http://ev.il")', '@SUM(1+1)', 'GB01'].sort());
  });
});
