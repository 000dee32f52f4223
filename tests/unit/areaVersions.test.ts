import { describe, expect, it } from 'vitest';
import { breakAtUnmeasured, withBreaks } from '../../src/compass/seriesBreaks.ts';
import { areasOfPeriod, existsIn } from '../../src/data/areaPeriods.ts';
import { PackageError, type PackageIssue } from '../../src/data/package.ts';
import { validateAreas } from '../../src/data/validate.ts';

const square = (x: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, 52],
      [x + 0.1, 52],
      [x + 0.1, 52.1],
      [x, 52.1],
      [x, 52],
    ],
  ],
});
const feature = (props: Record<string, unknown>, x = 5) => ({
  type: 'Feature',
  properties: props,
  geometry: square(x),
});
const gemeente = (code: string, name: string, extra: Record<string, unknown> = {}) =>
  feature({ code, name, level: 'gemeente', parent: 'NL00', ...extra });
const wijk = (code: string, name: string, extra: Record<string, unknown> = {}, x = 5) =>
  feature({ code, name, level: 'wijk', parent: code.replace(/^WK(\d{4})\d\d$/, 'GM$1'), ...extra }, x);
const text = (features: unknown[]) =>
  JSON.stringify({
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { code: 'NL00', name: 'Nederland', level: 'land' }, geometry: square(4) },
      ...features,
    ],
  });

function issuesOf(run: () => unknown): PackageIssue[] {
  try {
    run();
  } catch (e) {
    if (e instanceof PackageError) return e.issues;
    throw e;
  }
  return [];
}

describe('areas that exist in some periods (each year’s CBS indeling)', () => {
  it('keeps one area per code, with the union of its periods and a break where the boundary changed', () => {
    const areas = validateAreas(
      text([
        gemeente('GM0014', 'Groningen'),
        wijk('WK001401', 'Centrum (oud)', { first_period: 2015, last_period: 2018 }, 5),
        wijk('WK001401', 'Centrum', { first_period: 2019 }, 5.2),
        wijk('WK001402', 'Oosterpoort', { first_period: 2024, last_period: 2024 }),
      ]),
    );
    expect(areas.map((a) => a.code)).toEqual(['NL00', 'GM0014', 'WK001401', 'WK001402']);
    const centrum = areas.find((a) => a.code === 'WK001401')!;
    expect(centrum).toMatchObject({ name: 'Centrum', first_period: 2015, breaks: [2019], gemeente: 'GM0014' });
    expect(centrum.last_period).toBeUndefined();
    expect(areas.find((a) => a.code === 'WK001402')).toMatchObject({ first_period: 2024, last_period: 2024 });
    expect(areas.find((a) => a.code === 'GM0014')!.breaks).toBeUndefined();
  });

  it('names both rows when versions of a code overlap, and a period range that runs backwards', () => {
    const issues = issuesOf(() =>
      validateAreas(
        text([
          gemeente('GM0014', 'Groningen'),
          wijk('WK001401', 'A', { first_period: 2015, last_period: 2020 }),
          wijk('WK001401', 'B', { first_period: 2019 }),
          wijk('WK001402', 'C', { first_period: 2024, last_period: 2020 }),
          wijk('WK001403', 'D', { first_period: '2019x' }),
        ]),
      ),
    );
    expect(issues).toEqual([
      {
        file: 'areas.geojson',
        row: 5,
        column: 'first_period',
        code: 'periodOrder',
        params: { first: 2024, last: 2020 },
      },
      { file: 'areas.geojson', row: 6, column: 'first_period', code: 'notInteger', params: { value: '2019x' } },
      {
        file: 'areas.geojson',
        row: 4,
        column: 'code',
        code: 'overlappingPeriods',
        params: { value: 'WK001401', firstRow: 3 },
      },
    ]);
  });

  it('still calls a plain repeated code a duplicate', () => {
    const issues = issuesOf(() =>
      validateAreas(text([gemeente('GM0014', 'Groningen'), gemeente('GM0014', 'Groningen')])),
    );
    expect(issues.map((i) => [i.row, i.code])).toEqual([[3, 'duplicateKey']]);
  });

  it('lists the areas of a period, keeping the selected one', () => {
    const areas = validateAreas(
      text([
        gemeente('GM0010', 'Delfzijl', { last_period: 2020 }),
        gemeente('GM1979', 'Eemsdelta', { first_period: 2021 }),
      ]),
    );
    expect(existsIn(areas[1]!, 2020)).toBe(true);
    expect(existsIn(areas[1]!, 2021)).toBe(false);
    expect(areasOfPeriod(areas, 2024, null).map((a) => a.code)).toEqual(['NL00', 'GM1979']);
    expect(areasOfPeriod(areas, 2015, null).map((a) => a.code)).toEqual(['NL00', 'GM0010']);
    expect(areasOfPeriod(areas, 2024, 'GM0010').map((a) => a.code)).toEqual(['NL00', 'GM0010', 'GM1979']);
    const timeless = validateAreas(text([gemeente('GM0014', 'Groningen')]));
    expect(areasOfPeriod(timeless, 2024, null)).toBe(timeless);
  });
});

describe('withBreaks', () => {
  it('breaks a line where the boundary changed, only with values on both sides', () => {
    const points = [
      { period: 2015, value: 10 },
      { period: 2016, value: 11 },
      { period: 2024, value: 14 },
    ];
    expect(withBreaks(points, [2019])).toEqual([
      { period: 2015, value: 10 },
      { period: 2016, value: 11 },
      { period: 2018.5, value: null },
      { period: 2024, value: 14 },
    ]);
    expect(withBreaks(points, [2030])).toEqual(points);
    expect(withBreaks(points, undefined)).toEqual(points);
  });
});

describe('breakAtUnmeasured', () => {
  it('breaks a series at years the others were measured in, and joins years nobody was measured', () => {
    const wijk = {
      key: 'WK',
      points: [
        { period: 2015, value: 3000 },
        { period: 2024, value: 3555 },
      ],
    };
    const gemeente = {
      key: 'GM',
      points: [2015, 2017, 2024].map((period) => ({ period, value: 45000 })),
    };
    const [w, g] = breakAtUnmeasured([wijk, gemeente]);
    expect(w!.points).toEqual([
      { period: 2015, value: 3000 },
      { period: 2017, value: null },
      { period: 2024, value: 3555 },
    ]);
    expect(g).toBe(gemeente);
    const survey = [
      {
        key: 'A',
        points: [
          { period: 2016, value: 1 },
          { period: 2020, value: 2 },
        ],
      },
    ];
    expect(breakAtUnmeasured(survey)[0]).toBe(survey[0]);
  });
});
