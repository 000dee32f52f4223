import { describe, expect, it } from 'vitest';
import { areaCellAt, kompasRows } from '../../src/compass/kompasRows.ts';
import { MIN_RING_AIMS, ringAims } from '../../src/compass/themeSummary.ts';
import type { ThemeSummary } from '../../src/compass/types.ts';
import type { Indicator } from '../../src/data/package.ts';
import type { ProfileRow } from '../../src/queries/kompas.ts';

const indicator: Indicator = {
  id: 'x_pct',
  label_nl: 'X',
  label_en: 'X',
  theme: 'jeugd',
  unit: 'percent',
  direction: 'down',
  decimals: 1,
  definition_nl: '',
  definition_en: '',
  source: '',
  min_count: 10,
  rounding: null,
  denominator_rounding: null,
};
const row = (period: number, value: number | null, extra: Partial<ProfileRow> = {}): ProfileRow => ({
  area_code: 'WK1',
  indicator_id: 'x_pct',
  period,
  value,
  numerator: null,
  denominator: null,
  suppressed: false,
  status: null,
  ...extra,
});

describe('areaCellAt: the comparison-year column', () => {
  const [theme] = kompasRows({
    rows: [
      row(2019, 12.5),
      row(2020, null, { suppressed: true, status: 'secret' }),
      row(2021, null, { status: 'not_published' }),
      row(2023, 10),
    ],
    indicators: [indicator],
    area: 'WK1',
    gemeente: null,
    period: 2023,
    periods: [2019, 2020, 2021, 2022, 2023],
  });
  const kompasRow = theme!.rows[0]!;

  it("gives the area's value of another year, or why it has none, and null for a year without a row", () => {
    expect(areaCellAt(kompasRow, 2019)).toEqual({ value: 12.5, suppressed: false });
    expect(areaCellAt(kompasRow, 2020)).toEqual({ value: null, suppressed: true, status: 'secret' });
    expect(areaCellAt(kompasRow, 2021)).toEqual({ value: null, suppressed: false, status: 'not_published' });
    expect(areaCellAt(kompasRow, 2022)).toBeNull();
  });
});

describe('ringAims: when a theme ring may speak for its aims', () => {
  const summary = (aims: Partial<ThemeSummary>): ThemeSummary => ({
    theme: 'jeugd',
    better: 0,
    worse: 0,
    unclear: 0,
    neutral: 0,
    unknown: 0,
    achieved: 0,
    onCourse: 0,
    uncertain: 0,
    offCourse: 0,
    aimsUnknown: 0,
    ...aims,
  });

  it(`needs ${MIN_RING_AIMS} aims with a known status; unknown ones count in the total only`, () => {
    expect(ringAims(summary({ onCourse: 1 }))).toEqual({ total: 1, judged: 1, onCourse: 1, enough: false });
    expect(ringAims(summary({ aimsUnknown: 3 }))).toEqual({ total: 3, judged: 0, onCourse: 0, enough: false });
    expect(ringAims(summary({ achieved: 1, offCourse: 1, aimsUnknown: 1 }))).toEqual({
      total: 3,
      judged: 2,
      onCourse: 1,
      enough: true,
    });
    expect(ringAims(summary({ uncertain: 2 })).enough).toBe(true);
  });
});
