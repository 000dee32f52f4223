import { describe, expect, it } from 'vitest';
import type { IndicatorAssessment } from '../../src/compass/assess.ts';
import { areaOverview, hasSignals, overviewThemes } from '../../src/compass/overview.ts';
import { signals } from '../../src/compass/signals.ts';
import type { AimAssessment, AimStatus, Comparison, Signal } from '../../src/compass/types.ts';
import type { Indicator, Theme } from '../../src/data/package.ts';

const indicator = (id: string, theme: Theme): Indicator => ({
  id,
  label_nl: id,
  label_en: id,
  theme,
  unit: 'percent',
  direction: 'down',
  decimals: 1,
  definition_nl: '',
  definition_en: '',
  source: 'test',
  min_count: 10,
  rounding: null,
  denominator_rounding: null,
});

const NONE: Comparison = {
  verdict: 'unclear',
  difference: null,
  interval: null,
  strength: null,
  against: null,
  pValue: null,
  family: null,
};

const signal = (
  id: string,
  verdict: 'better' | 'worse',
  pValue: number,
  status: Signal['status'] = 'nieuw',
): Signal => ({
  indicatorId: id,
  verdict,
  status,
  recent: [2024, 2025],
  reference: [2020, 2021, 2022, 2023],
  difference: verdict === 'better' ? -1 : 1,
  pValue,
  qValue: pValue * 2,
  family: 6,
});

const aim = (status: AimStatus): AimAssessment => ({
  status,
  reason: 'test',
  target: { kind: 'direction' },
  direction: 'down',
  baselinePeriod: 2019,
  targetPeriod: 2026,
  baselineValue: null,
  projected: null,
  projectedInterval: null,
  pMet: null,
  fit: null,
});

const assessment = (ind: Indicator, s: Signal | null, a: AimStatus | null): IndicatorAssessment => ({
  indicator: ind,
  value: 1,
  shownPeriod: 2025,
  interval: null,
  vsPrevious: NONE,
  vsGemeente: NONE,
  signal: s,
  aim: a ? aim(a) : null,
});

const J1 = indicator('j1', 'jeugd');
const J2 = indicator('j2', 'jeugd');
const J3 = indicator('j3', 'jeugd');
const W1 = indicator('w1', 'werk');
const W2 = indicator('w2', 'werk');
const B1 = indicator('b1', 'bevolking');

describe('overview of all areas: signals and aims per theme', () => {
  it('lists the themes that can have a signal or an aim, in the Kompas order', () => {
    const neutral: Indicator = { ...B1, direction: 'neutral' };
    expect(overviewThemes([W1, B1, J1], [])).toEqual(['jeugd', 'werk', 'bevolking']);
    // Context figures only: never a signal, so no column, unless the council set an aim for one.
    expect(overviewThemes([W1, neutral, J1], [])).toEqual(['jeugd', 'werk']);
    expect(overviewThemes([W1, neutral, J1], [{ indicator_id: 'b1' }])).toEqual(['jeugd', 'werk', 'bevolking']);
  });

  it('puts each signal in its indicator’s theme, clearest first, and counts better and worse', () => {
    const list = [
      assessment(J1, signal('j1', 'worse', 0.01, 'aanhoudend'), 'niet_op_koers'),
      assessment(J2, signal('j2', 'better', 0.001), 'behaald'),
      assessment(J3, null, 'niet_op_koers'),
      assessment(W1, signal('w1', 'better', 0.02), null),
      assessment(W2, null, 'onbekend'),
    ];
    const row = areaOverview(list, ['jeugd', 'werk', 'bevolking']);
    expect(row.better).toBe(2);
    expect(row.worse).toBe(1);
    expect(hasSignals(row)).toBe(true);
    const [jeugd, werk, bevolking] = row.cells;
    expect(jeugd!.theme).toBe('jeugd');
    expect(jeugd!.signals.map((s) => [s.indicator.id, s.signal.verdict, s.signal.status])).toEqual([
      ['j2', 'better', 'nieuw'],
      ['j1', 'worse', 'aanhoudend'],
    ]);
    expect(jeugd!.aims.map((g) => [g.status, g.indicators.map((i) => i.id)])).toEqual([
      ['behaald', ['j2']],
      ['niet_op_koers', ['j1', 'j3']],
    ]);
    expect(werk!.signals.map((s) => s.indicator.id)).toEqual(['w1']);
    expect(werk!.aims).toEqual([{ status: 'onbekend', indicators: [W2] }]);
    expect(bevolking).toEqual({ theme: 'bevolking', signals: [], aims: [] });
  });

  it('shows every signal the Kompas has, not only its first five of each kind', () => {
    const many = Array.from({ length: 7 }, (_, i) => indicator(`m${i}`, 'meedoen'));
    const list = many.map((ind, i) => assessment(ind, signal(ind.id, 'worse', 0.001 * (7 - i)), null));
    const row = areaOverview(list, ['meedoen']);
    expect(row.worse).toBe(7);
    expect(row.cells[0]!.signals.map((s) => s.indicator.id)).toEqual(['m6', 'm5', 'm4', 'm3', 'm2', 'm1', 'm0']);
    // The Kompas's own list holds the same signals in the same order, cut at five.
    expect(signals(list).worse.map((s) => s.indicatorId)).toEqual(['m6', 'm5', 'm4', 'm3', 'm2']);
  });

  it('an area without signals says so', () => {
    const row = areaOverview([assessment(J1, null, 'onzeker')], ['jeugd']);
    expect(hasSignals(row)).toBe(false);
    expect(row.cells[0]!.signals).toEqual([]);
    expect(row.cells[0]!.aims.map((g) => g.status)).toEqual(['onzeker']);
  });
});
