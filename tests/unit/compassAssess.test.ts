import { describe, expect, it } from 'vitest';
import type { AimWithBand } from '../../src/compass/aims.ts';
import { applicableAim, assessArea } from '../../src/compass/assess.ts';
import { signals } from '../../src/compass/signals.ts';
import { summariseThemes } from '../../src/compass/themeSummary.ts';
import type { Direction, Indicator, Theme, Unit } from '../../src/data/package.ts';
import type { ProfileRow } from '../../src/queries/kompas.ts';

const indicator = (id: string, theme: Theme, unit: Unit, direction: Direction): Indicator => ({
  id,
  label_nl: id,
  label_en: id,
  theme,
  unit,
  direction,
  decimals: 1,
  definition_nl: '',
  definition_en: '',
  source: 'test',
  min_count: 10,
  rounding: null,
  denominator_rounding: null,
});

const INDICATORS: Indicator[] = [
  indicator('jeugd_pct', 'jeugd', 'percent', 'down'),
  indicator('jeugd2', 'jeugd', 'percent', 'down'),
  indicator('zorg_small', 'zorg', 'percent', 'down'),
  indicator('werk', 'werk', 'percent', 'up'),
  indicator('hidden', 'armoede', 'percent', 'down'),
  indicator('survey', 'gezondheid', 'percent', 'up'),
  indicator('meedoen_b', 'meedoen', 'percent', 'up'),
  indicator('no_rows', 'meedoen', 'percent', 'up'),
  indicator('bev', 'bevolking', 'count', 'neutral'),
];

const pct = (area_code: string, indicator_id: string, period: number, x: number, n: number): ProfileRow => ({
  area_code,
  indicator_id,
  period,
  value: (x / n) * 100,
  numerator: x,
  denominator: n,
  suppressed: false,
});
const hidden = (area_code: string, indicator_id: string, period: number): ProfileRow => ({
  area_code,
  indicator_id,
  period,
  value: null,
  numerator: null,
  denominator: null,
  suppressed: true,
});
const plain = (area_code: string, indicator_id: string, period: number, value: number): ProfileRow => ({
  area_code,
  indicator_id,
  period,
  value,
  numerator: null,
  denominator: null,
  suppressed: false,
});

const ROWS: ProfileRow[] = [
  // 7,5 % → 7,5 % → 11,905 %: clearly worse since 2021 (strength 3,452); the rest of the gemeente is 300 of 4.000.
  pct('WK01', 'jeugd_pct', 2020, 300, 4000),
  pct('WK01', 'jeugd_pct', 2021, 300, 4000),
  pct('WK01', 'jeugd_pct', 2022, 500, 4200),
  pct('GM01', 'jeugd_pct', 2022, 800, 8200),
  // 10 % → 5 %: clearly better, −5 pp with [−7,339; −2,705], strength 5 / 2,295 = 2,179.
  pct('WK01', 'jeugd2', 2021, 100, 1000),
  pct('WK01', 'jeugd2', 2022, 50, 1000),
  // The small village: 3 of 40 → 5 of 42, unclear.
  pct('WK01', 'zorg_small', 2021, 3, 40),
  pct('WK01', 'zorg_small', 2022, 5, 42),
  // 50 % → 60 %: clearly better, +10 pp with [5,643; 14,304], strength 10 / 4,357 = 2,295.
  pct('WK01', 'werk', 2021, 500, 1000),
  pct('WK01', 'werk', 2022, 600, 1000),
  // Suppressed in the period looked at.
  pct('WK01', 'hidden', 2021, 20, 200),
  hidden('WK01', 'hidden', 2022),
  // A survey of 2020 only: shown in 2022 as the latest value.
  pct('WK01', 'survey', 2020, 60, 100),
  pct('GM01', 'survey', 2020, 600, 1000),
  // 40 % → 48 % → 49 %: unclear since 2021 (+1 pp, strength 0,229), clear since the 2019 baseline (+9 pp, 2,067).
  pct('WK01', 'meedoen_b', 2019, 400, 1000),
  pct('WK01', 'meedoen_b', 2021, 480, 1000),
  pct('WK01', 'meedoen_b', 2022, 490, 1000),
  // A registry count: neutral, no interval.
  plain('WK01', 'bev', 2021, 1000),
  plain('WK01', 'bev', 2022, 1010),
  plain('GM01', 'bev', 2022, 20000),
];

const aim = (over: Partial<AimWithBand>): AimWithBand => ({
  indicator_id: 'x',
  area_code: null,
  baseline_period: 2020,
  target_period: 2026,
  target_value: null,
  direction: 'down',
  label_nl: '',
  label_en: '',
  ...over,
});

const AIMS: AimWithBand[] = [
  // 7,5, 7,5, 11,905 (2020–2022): ȳ = 8,968, slope 4,405/2 = 2,202 → ŷ(2026) = 8,968 + 2,202·5 = 19,98 > 5 → misses.
  aim({ indicator_id: 'jeugd_pct', target_value: 5 }),
  // The general werk aim (80 %) is replaced by the area's own (55 %), which 60 % already meets.
  aim({ indicator_id: 'werk', target_value: 80, direction: 'up', baseline_period: 2021 }),
  aim({ indicator_id: 'werk', area_code: 'WK01', target_value: 55, direction: 'up', baseline_period: 2021 }),
  // An aim for another area does not apply.
  aim({ indicator_id: 'zorg_small', area_code: 'WK02', target_value: 1 }),
  aim({ indicator_id: 'hidden' }),
  aim({ indicator_id: 'meedoen_b', direction: 'up', baseline_period: 2019 }),
];

const assessed = assessArea({
  rows: ROWS,
  indicators: INDICATORS,
  aims: AIMS,
  area: 'WK01',
  gemeente: 'GM01',
  period: 2022,
});
const get = (id: string) => assessed.find((a) => a.indicator.id === id)!;

describe('assessArea', () => {
  it('assesses every indicator the area has rows for, in package order', () => {
    expect(assessed.map((a) => a.indicator.id)).toEqual([
      'jeugd_pct',
      'jeugd2',
      'zorg_small',
      'werk',
      'hidden',
      'survey',
      'meedoen_b',
      'bev',
    ]);
  });

  it('gives value, interval and the clear change since the previous measurement', () => {
    const a = get('jeugd_pct');
    expect(a.value).toBeCloseTo(11.9048, 4);
    expect(a.shownPeriod).toBe(2022);
    // Wilson 500/4.200 = [10,960; 12,919] %.
    expect(a.interval!.low).toBeCloseTo(10.96, 2);
    expect(a.interval!.high).toBeCloseTo(12.919, 3);
    expect(a.vsPrevious).toMatchObject({ verdict: 'worse', against: 2021, strength: expect.closeTo(3.452, 3) });
  });

  it('compares with the rest of the gemeente and reports area − gemeente', () => {
    // Area 11,905 % vs rest 300/4.000 = 7,5 %: +4,405 [3,129; 5,682]; × (1 − 4.200/8.200 = 0,4878) → +2,1487.
    expect(get('jeugd_pct').vsGemeente).toMatchObject({
      verdict: 'worse',
      against: 'GM01',
      difference: expect.closeTo(2.1487, 4),
      interval: { low: expect.closeTo(1.5262, 4), high: expect.closeTo(2.7717, 4) },
    });
    // No gemeente row for that indicator: unknown.
    expect(get('werk').vsGemeente.verdict).toBe('unknown');
  });

  it('keeps a small village’s change unclear', () => {
    expect(get('zorg_small').vsPrevious.verdict).toBe('unclear');
    expect(get('zorg_small').aim).toBeNull();
  });

  it('shows a suppressed value as null, without interval or comparison', () => {
    const a = get('hidden');
    expect(a).toMatchObject({ value: null, shownPeriod: 2022, interval: null });
    expect(a.vsPrevious.verdict).toBe('unknown');
    expect(a.aim).toMatchObject({ status: 'onbekend', reason: 'suppressed' });
  });

  it('shows the latest earlier survey and compares it with the gemeente of the same year', () => {
    const a = get('survey');
    expect(a.shownPeriod).toBe(2020);
    expect(a.value).toBe(60);
    expect(a.vsPrevious).toMatchObject({ verdict: 'unknown', against: null });
    // 60 of 100 vs the rest 540 of 900 = 60 %: difference 0.
    expect(a.vsGemeente).toMatchObject({ verdict: 'unclear', difference: 0 });
  });

  it('a neutral registry count: neutral change, no interval, no verdict against the gemeente', () => {
    const a = get('bev');
    expect(a.interval).toBeNull();
    expect(a.vsPrevious).toMatchObject({ verdict: 'neutral', difference: 10, interval: null });
    // A wijk's count against the gemeente's total is no comparison: no difference either (not 1010 − 20000).
    expect(a.vsGemeente).toMatchObject({ verdict: 'unknown', difference: null });
  });

  it('applies the area’s own aim over the general one', () => {
    const werk = get('werk');
    expect(werk.aim).toMatchObject({ status: 'behaald', reason: 'met', target: { kind: 'value', value: 55 } });
    // 7,5 %, 7,5 %, 11,9 % against a target of 5 % in 2026: three jumpy points cannot tell (t with 1 df).
    const jeugd = get('jeugd_pct').aim!;
    expect(jeugd).toMatchObject({ status: 'onzeker', reason: 'projectionUncertain' });
    expect(jeugd.pMet).toBeGreaterThan(0);
    expect(jeugd.pMet).toBeLessThan(0.5);
    const meedoen = get('meedoen_b');
    expect(meedoen.aim).toMatchObject({ status: 'op_koers', reason: 'clearProgress' });
    expect(meedoen.vsPrevious.verdict).toBe('unclear');
  });

  it('for the gemeente itself, the gemeente comparison is unknown', () => {
    const own = assessArea({
      rows: ROWS,
      indicators: INDICATORS,
      aims: [],
      area: 'GM01',
      gemeente: 'GM01',
      period: 2022,
    });
    expect(own.map((a) => a.indicator.id)).toEqual(['jeugd_pct', 'survey', 'bev']);
    expect(own[0]!.vsGemeente).toMatchObject({ verdict: 'unknown', against: 'GM01', difference: null });
  });
});

describe('applicableAim', () => {
  const aims = [
    aim({ indicator_id: 'a', target_period: 2024 }),
    aim({ indicator_id: 'a', target_period: 2030 }),
    aim({ indicator_id: 'a', area_code: 'WK02', target_period: 2026 }),
  ];
  it('picks the first target period not yet passed, else the last one', () => {
    expect(applicableAim(aims, 'a', 'WK01', 2022)?.target_period).toBe(2024);
    expect(applicableAim(aims, 'a', 'WK01', 2025)?.target_period).toBe(2030);
    expect(applicableAim(aims, 'a', 'WK01', 2031)?.target_period).toBe(2030);
  });
  it("prefers the area's own aim, and finds none for another indicator", () => {
    expect(applicableAim(aims, 'a', 'WK02', 2022)?.target_period).toBe(2026);
    expect(applicableAim(aims, 'b', 'WK01', 2022)).toBeNull();
  });
});

describe('signals', () => {
  it('lists lasting changes only: meedoen_b rose from 40 % to 48 % and 49 %, two points on the same side', () => {
    const { better, worse } = signals(assessed);
    expect(better.map((s) => [s.indicatorId, s.status, s.recent, s.reference])).toEqual([
      ['meedoen_b', 'nieuw', [2021, 2022], [2019]],
    ]);
    expect(better[0]!.difference).toBeCloseTo(48.5 - 40, 6);
    // werk and jeugd2 changed clearly since last year but have two points only: no signal yet. jeugd_pct jumped in
    // 2022 alone (2021 equals 2020): one extreme year is not a lasting change.
    expect(worse).toEqual([]);
  });

  it('cuts at the limit', () => {
    expect(signals(assessed, 1).better.map((s) => s.indicatorId)).toEqual(['meedoen_b']);
    expect(signals(assessed, 0).better).toEqual([]);
  });
});

describe('summariseThemes', () => {
  it('counts verdicts against the previous measurement and aims by status, per theme in THEMES order', () => {
    const zero = {
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
    };
    expect(summariseThemes(assessed)).toEqual([
      { ...zero, theme: 'jeugd', better: 1, worse: 1, uncertain: 1 },
      { ...zero, theme: 'zorg', unclear: 1 },
      { ...zero, theme: 'werk', better: 1, achieved: 1 },
      { ...zero, theme: 'armoede', unknown: 1, aimsUnknown: 1 },
      { ...zero, theme: 'gezondheid', unknown: 1 },
      { ...zero, theme: 'meedoen', unclear: 1, onCourse: 1 },
      { ...zero, theme: 'bevolking', neutral: 1 },
    ]);
    expect(summariseThemes([])).toEqual([]);
  });
});
