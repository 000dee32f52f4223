import { describe, expect, it } from 'vitest';
import { type AimWithBand, aimDirection, aimTarget, assessAim, linearFit, predict } from '../../src/compass/aims.ts';
import type { PeriodMeasurement } from '../../src/compass/compare.ts';
import { tCdf } from '../../src/compass/intervals.ts';

const down = { unit: 'percent' as const, direction: 'down' as const };
const neutral = { unit: 'percent' as const, direction: 'neutral' as const };

const aim = (over: Partial<AimWithBand> = {}): AimWithBand => ({
  indicator_id: 'jeugdhulp',
  area_code: null,
  baseline_period: 2020,
  target_period: 2026,
  target_value: 10,
  direction: 'down',
  label_nl: '',
  label_en: '',
  ...over,
});

/** A series of values without counts; 'x' is a suppressed year. */
const series = (values: Record<number, number | 'x'>): PeriodMeasurement[] =>
  Object.entries(values).map(([p, v]) => ({
    period: Number(p),
    value: v === 'x' ? null : v,
    numerator: null,
    denominator: null,
    suppressed: v === 'x',
  }));

/** A series of x-of-n counts as percentages. */
const counted = (values: Record<number, [number, number]>): PeriodMeasurement[] =>
  Object.entries(values).map(([p, [x, n]]) => ({
    period: Number(p),
    value: (x / n) * 100,
    numerator: x,
    denominator: n,
    suppressed: false,
  }));

describe('linearFit and predict', () => {
  it('fits by least squares and gives the 95 % prediction interval with n − 2 df', () => {
    // x = 2020..2023 (x̄ = 2021,5, Sxx = 2,25 + 0,25 + 0,25 + 2,25 = 5); y = 16, 15, 13,5, 13 (ȳ = 14,375)
    // Sxy = −1,5·1,625 − 0,5·0,625 + 0,5·(−0,875) + 1,5·(−1,375) = −5,25 → slope = −1,05
    // intercept = 14,375 + 1,05 · 2021,5 = 2136,95; ŷ(2026) = 14,375 − 1,05 · 4,5 = 9,65
    // residuals 0,05, 0,1, −0,35, 0,2 → SSE = 0,175, s = √(0,175/2) = 0,295804
    // half = t(0,975; 2) · s · √(1 + 1/4 + 4,5²/5) = 4,302653 · 0,295804 · √5,3 = 2,930072
    const fit = linearFit(
      series({ 2020: 16, 2021: 15, 2022: 13.5, 2023: 13 }).map((r) => ({ ...r, value: r.value! })),
    )!;
    expect(fit.slope).toBeCloseTo(-1.05, 12);
    expect(fit.intercept).toBeCloseTo(2136.95, 9);
    expect(Math.sqrt(fit.scale)).toBeCloseTo(0.295804, 6);
    expect(fit.df).toBe(2);
    const p = predict(fit, 2026);
    expect(p.value).toBeCloseTo(9.65, 9);
    expect(p.interval.low).toBeCloseTo(6.71993, 5);
    expect(p.interval.high).toBeCloseTo(12.58007, 5);
  });

  it('needs 3 points with different periods', () => {
    expect(
      linearFit([
        { period: 2020, value: 1 },
        { period: 2021, value: 2 },
      ]),
    ).toBeNull();
    expect(linearFit([1, 2, 3].map((value) => ({ period: 2020, value })))).toBeNull();
  });
});

describe('assessAim: value targets', () => {
  it('behaald when the latest value meets the target (down: ≤ target)', () => {
    const a = assessAim({
      aim: aim(),
      series: series({ 2020: 14, 2021: 12, 2022: 10 }),
      indicator: down,
      period: 2022,
    });
    expect(a).toMatchObject({ status: 'behaald', reason: 'met', target: { kind: 'value', value: 10 } });
    expect(a.baselineValue).toBe(14);
  });

  it('onzeker when the projection’s 95 % interval holds the target, with the probability it is met', () => {
    // The fit above: ŷ(2026) = 9,65 ≤ 10, but the interval [6,72; 12,58] holds 10: the data cannot tell yet.
    // se = 2,930072 / 4,302653 = 0,680995; P(Y ≤ 10) = F_t2((10 − 9,65) / 0,680995).
    const a = assessAim({
      aim: aim(),
      series: series({ 2020: 16, 2021: 15, 2022: 13.5, 2023: 13 }),
      indicator: down,
      period: 2023,
    });
    expect(a).toMatchObject({ status: 'onzeker', reason: 'projectionUncertain' });
    expect(a.projected).toBeCloseTo(9.65, 9);
    expect(a.projectedInterval!.low).toBeCloseTo(6.71993, 5);
    expect(a.projectedInterval!.high).toBeCloseTo(12.58007, 5);
    expect(a.pMet).toBeCloseTo(tCdf((10 - 9.65) / 0.680995, 2), 5);
    expect(a.fit).toMatchObject({ from: 2020, to: 2026 });
    expect(a.fit!.points.map((p) => p.period)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(a.fit!.points[6]!.value).toBeCloseTo(9.65, 9);
  });

  it('op_koers only when the whole interval lies on the target’s side', () => {
    // 16, 14, 12,1, 10,1: a steady fall of ~2 a year, residuals 0,05 at most → ŷ(2026) ≈ 4,2, interval well below 10.
    const a = assessAim({
      aim: aim(),
      series: series({ 2020: 16, 2021: 14, 2022: 12.1, 2023: 10.1 }),
      indicator: down,
      period: 2023,
    });
    expect(a).toMatchObject({ status: 'op_koers', reason: 'projectionMeets' });
    expect(a.projectedInterval!.high).toBeLessThan(10);
    expect(a.pMet).toBeGreaterThan(0.975);
  });

  it('niet_op_koers when the whole interval lies on the other side', () => {
    // 12, 13, 14,1 (2020–2022): rising, away from a target of at most 10.
    const a = assessAim({
      aim: aim(),
      series: series({ 2020: 12, 2021: 13, 2022: 14.1 }),
      indicator: down,
      period: 2022,
    });
    expect(a).toMatchObject({ status: 'niet_op_koers', reason: 'projectionMisses' });
    expect(a.projectedInterval!.low).toBeGreaterThan(10);
    expect(a.pMet).toBeLessThan(0.025);
  });

  it('the weighted logit fit equals weighted least squares on the empirical logits with weights 1/variance', () => {
    const counts: [number, number, number][] = [
      [2019, 120, 1000],
      [2020, 100, 900],
      [2021, 95, 1100],
      [2022, 70, 950],
    ];
    // Independent closed form: y = ln((x + ½)/(n − x + ½)), w = 1/(1/(x + ½) + 1/(n − x + ½)).
    const pts = counts.map(([t, x, n]) => ({
      t,
      y: Math.log((x + 0.5) / (n - x + 0.5)),
      w: 1 / (1 / (x + 0.5) + 1 / (n - x + 0.5)),
    }));
    const sw = pts.reduce((s, p) => s + p.w, 0);
    const tb = pts.reduce((s, p) => s + p.w * p.t, 0) / sw;
    const yb = pts.reduce((s, p) => s + p.w * p.y, 0) / sw;
    const b =
      pts.reduce((s, p) => s + p.w * (p.t - tb) * (p.y - yb), 0) / pts.reduce((s, p) => s + p.w * (p.t - tb) ** 2, 0);
    const expected = 100 / (1 + Math.exp(-(yb + b * (2026 - tb))));
    const a = assessAim({
      aim: aim({ target_value: 5, baseline_period: 2019 }),
      series: counted(Object.fromEntries(counts.map(([t, x, n]) => [t, [x, n]])) as Record<number, [number, number]>),
      indicator: down,
      period: 2022,
    });
    expect(a.projected).toBeCloseTo(expected, 9);
  });

  it('a percentage is projected on the logit scale: never below 0 %, weighted by its counts', () => {
    // 8 %, 4 %, 2 % of 1.000 young people halve each year: a straight line would go below 0 by 2026.
    const a = assessAim({
      aim: aim({ target_value: 1 }),
      series: counted({ 2020: [80, 1000], 2021: [40, 1000], 2022: [20, 1000] }),
      indicator: down,
      period: 2022,
    });
    expect(a.projected).toBeGreaterThan(0);
    expect(a.projected).toBeCloseTo(
      100 / (1 + Math.exp(-(Math.log(20 / 980) + 4 * Math.log(20 / 980 / (40 / 960))))),
      0,
    );
    expect(a.projectedInterval!.low).toBeGreaterThan(0);
    expect(a.status).toBe('op_koers');
  });

  it('fits only the last 6 years (period − 5 .. period) and not before the baseline', () => {
    // Baseline 2010; period 2022 → window 2017–2022: 14, 13, 12 at 2020–2022 → slope −1, ŷ(2026) = 8.
    // The early 30s (2010, 2011) would otherwise pull the line up.
    const a = assessAim({
      aim: aim({ baseline_period: 2010 }),
      series: series({ 2010: 30, 2011: 30, 2020: 14, 2021: 13, 2022: 12 }),
      indicator: down,
      period: 2022,
    });
    expect(a).toMatchObject({ status: 'op_koers', reason: 'projectionMeets' });
    expect(a.projected).toBeCloseTo(8, 9);
    expect(a.fit).toMatchObject({ from: 2020, to: 2026 });
  });

  it('a target met at the baseline stays behaald as long as it stays met', () => {
    const met = assessAim({
      aim: aim(),
      series: series({ 2020: 8, 2021: 9, 2022: 9.5 }),
      indicator: down,
      period: 2022,
    });
    expect(met).toMatchObject({ status: 'behaald', reason: 'met', baselineValue: 8 });
    // Rising past the target: 8, 9,5, 11 → slope 1,5, ŷ(2026) = 11 + 1,5 · 4 = 17 → no longer met, off course.
    const lost = assessAim({
      aim: aim(),
      series: series({ 2020: 8, 2021: 9.5, 2022: 11 }),
      indicator: down,
      period: 2022,
    });
    expect(lost).toMatchObject({ status: 'niet_op_koers', reason: 'projectionMisses' });
    expect(lost.projected).toBeCloseTo(17, 9);
    // A perfect line: the prediction interval has width 0.
    expect(lost.projectedInterval!.high - lost.projectedInterval!.low).toBeCloseTo(0, 9);
  });

  it('onbekend with fewer than 3 points: a single year', () => {
    const a = assessAim({ aim: aim(), series: series({ 2020: 14 }), indicator: down, period: 2020 });
    expect(a).toMatchObject({ status: 'onbekend', reason: 'tooFewPoints', fit: null, projected: null });
  });

  it('onbekend for an area whose code changed: the new series has a gap, fewer than 3 recent points', () => {
    // Old code measured 2015–2017, new code from 2022: window 2018–2023 holds only 2022 and 2023.
    const a = assessAim({
      aim: aim({ baseline_period: 2015 }),
      series: series({ 2015: 15, 2016: 14, 2017: 13, 2022: 14, 2023: 13 }),
      indicator: down,
      period: 2023,
    });
    expect(a).toMatchObject({ status: 'onbekend', reason: 'tooFewPoints' });
  });

  it('onbekend when the latest value is suppressed, even if earlier ones met the target', () => {
    const a = assessAim({ aim: aim(), series: series({ 2020: 9, 2021: 9, 2022: 'x' }), indicator: down, period: 2022 });
    expect(a).toMatchObject({ status: 'onbekend', reason: 'suppressed' });
  });

  it('onbekend when every value is suppressed, and before the baseline, and without data', () => {
    const hidden = series({ 2020: 'x', 2021: 'x', 2022: 'x' });
    expect(assessAim({ aim: aim(), series: hidden, indicator: down, period: 2022 })).toMatchObject({
      status: 'onbekend',
      reason: 'suppressed',
      baselineValue: null,
    });
    const s = series({ 2019: 12, 2020: 12 });
    expect(assessAim({ aim: aim(), series: s, indicator: down, period: 2019 }).reason).toBe('beforeBaseline');
    expect(assessAim({ aim: aim(), series: [], indicator: down, period: 2022 }).reason).toBe('noData');
  });

  it('a band target: behaald inside (ends included), op koers towards it, niet op koers overshooting it', () => {
    const band = aim({ target_value: null, direction: 'up', target_band: { low: 65, high: 70 } });
    expect(aimTarget(band)).toEqual({ kind: 'band', low: 65, high: 70 });
    const inside = assessAim({ aim: band, series: series({ 2020: 60, 2022: 70 }), indicator: down, period: 2022 });
    expect(inside).toMatchObject({ status: 'behaald', reason: 'met' });
    // 60, 62, 64 → slope 2, ŷ(2026) = 64 + 2 · 4 = 72 > 70: overshoots the band.
    const over = assessAim({
      aim: band,
      series: series({ 2020: 60, 2021: 62, 2022: 64 }),
      indicator: down,
      period: 2022,
    });
    expect(over).toMatchObject({ status: 'niet_op_koers', reason: 'projectionMisses' });
    expect(over.projected).toBeCloseTo(72, 9);
    // 60, 61, 62 → slope 1, ŷ(2026) = 66: inside.
    const toward = assessAim({
      aim: band,
      series: series({ 2020: 60, 2021: 61, 2022: 62 }),
      indicator: down,
      period: 2022,
    });
    expect(toward).toMatchObject({ status: 'op_koers', reason: 'projectionMeets' });
    // The raw columns work too, in either order.
    expect(aimTarget(aim({ target_low: 70, target_high: 65 }))).toEqual({ kind: 'band', low: 65, high: 70 });
  });

  it('from the target period on, the actual value at the target period decides', () => {
    const s = series({ 2020: 14, 2024: 12, 2026: 12, 2027: 9 });
    // 2027 is after the target period 2026: its 9 does not count; 2026's 12 misses 10.
    const missed = assessAim({ aim: aim(), series: s, indicator: down, period: 2027 });
    expect(missed).toMatchObject({ status: 'niet_op_koers', reason: 'targetPeriodPassed', projected: null });
    const reached = assessAim({
      aim: aim(),
      series: series({ 2020: 14, 2022: 12.5, 2025: 11, 2026: 9.5 }),
      indicator: down,
      period: 2026,
    });
    expect(reached).toMatchObject({ status: 'behaald', reason: 'targetPeriodPassed', projected: null });
    // The line is still drawn, through the window 2021–2026, ending at the last point (nothing to project).
    expect(reached.fit).toMatchObject({ from: 2022, to: 2026 });
  });
});

describe('assessAim: direction-only aims', () => {
  const only = (over: Partial<AimWithBand> = {}) => aim({ target_value: null, ...over });

  it('op_koers with a clear change in the aim direction', () => {
    // 500 of 4.200 (11,905 %) → 300 of 4.000 (7,5 %): −4,405 pp, 95 % [−5,682; −3,129] → clearly down.
    const a = assessAim({
      aim: only(),
      series: counted({ 2020: [500, 4200], 2023: [300, 4000] }),
      indicator: down,
      period: 2023,
    });
    expect(a).toMatchObject({ status: 'op_koers', reason: 'clearProgress', target: { kind: 'direction' } });
  });

  it('niet_op_koers with a clear change against it', () => {
    const a = assessAim({
      aim: only(),
      series: counted({ 2020: [300, 4000], 2023: [500, 4200] }),
      indicator: down,
      period: 2023,
    });
    expect(a).toMatchObject({ status: 'niet_op_koers', reason: 'clearSetback' });
  });

  it('onzeker without a clear change: a small village has not failed, the data cannot tell', () => {
    // 5 of 42 → 3 of 40: −4,405 pp but 95 % [−18,39; 9,66] around it.
    const a = assessAim({
      aim: only(),
      series: counted({ 2020: [5, 42], 2023: [3, 40] }),
      indicator: down,
      period: 2023,
    });
    expect(a).toMatchObject({ status: 'onzeker', reason: 'noClearChange' });
    expect(a.pMet).toBeGreaterThan(0.5);
    expect(a.pMet).toBeLessThan(0.975);
  });

  it('onbekend at the baseline, without a baseline value, and without counts', () => {
    const s = counted({ 2020: [5, 42] });
    expect(assessAim({ aim: only(), series: s, indicator: down, period: 2020 }).reason).toBe('atBaseline');
    const noBase = counted({ 2021: [5, 42], 2023: [3, 40] });
    expect(assessAim({ aim: only(), series: noBase, indicator: down, period: 2023 }).reason).toBe('noBaseline');
    const plain = series({ 2020: 14, 2023: 9 });
    expect(assessAim({ aim: only(), series: plain, indicator: down, period: 2023 })).toMatchObject({
      status: 'onbekend',
      reason: 'noInterval',
    });
  });

  it('behaald after the target period with a clear change in the aim direction', () => {
    const s = counted({ 2020: [500, 4200], 2026: [300, 4000] });
    expect(assessAim({ aim: only(), series: s, indicator: down, period: 2027 })).toMatchObject({
      status: 'behaald',
      reason: 'targetPeriodPassed',
    });
  });
});

describe('assessAim: a neutral indicator with an aim', () => {
  it("uses the aim's own direction", () => {
    // The indicator is neutral, the municipality wants it down to 10: 9 meets it.
    const a = assessAim({ aim: aim(), series: series({ 2020: 14, 2022: 9 }), indicator: neutral, period: 2022 });
    expect(a).toMatchObject({ status: 'behaald', reason: 'met', direction: 'down' });
    // A direction-only aim on it: 7,5 % → 11,905 % is clearly up, which the aim ('up') wants.
    const up = assessAim({
      aim: aim({ target_value: null, direction: 'up' }),
      series: counted({ 2020: [300, 4000], 2023: [500, 4200] }),
      indicator: neutral,
      period: 2023,
    });
    expect(up).toMatchObject({ status: 'op_koers', reason: 'clearProgress', direction: 'up' });
  });

  it('an aim without a direction takes the indicator’s, else the side of the target from the baseline', () => {
    expect(aimDirection({ direction: 'neutral', target_value: 10 }, { direction: 'down' }, 14)).toBe('down');
    expect(aimDirection({ direction: 'neutral', target_value: 20 }, { direction: 'neutral' }, 14)).toBe('up');
    expect(aimDirection({ direction: 'neutral', target_value: 10 }, { direction: 'neutral' }, 14)).toBe('down');
    expect(aimDirection({ direction: 'neutral', target_value: null }, { direction: 'neutral' }, 14)).toBeNull();
    const none = aim({ direction: 'neutral', target_value: null });
    expect(
      assessAim({ aim: none, series: series({ 2020: 14, 2022: 9 }), indicator: neutral, period: 2022 }),
    ).toMatchObject({ status: 'onbekend', reason: 'noDirection' });
  });
});
