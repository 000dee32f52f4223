import { describe, expect, it } from 'vitest';
import { FUNNEL_Z, funnel, stabilisedValues } from '../../src/compass/funnel.ts';
import { stabilise, stabilisedValue, stabilisedVariance } from '../../src/compass/stabilise.ts';

const percent = { unit: 'percent' as const };
const area = (code: string, x: number, n: number) => ({ area_code: code, numerator: x, denominator: n });

describe('funnel', () => {
  const areas = [
    area('A', 10, 100),
    area('B', 30, 100),
    area('C', 100, 1000),
    area('D', 200, 1000),
    area('E', 40, 400),
  ];

  it('centres on the pooled value and bounds it by g₀ ± z·√(v(n) + τ²), back-transformed as sin²', () => {
    const f = funnel(areas, percent, 0)!;
    const g0 = stabilisedValue(380, 2600, 'proportion');
    expect(f.centre).toBeCloseTo(Math.sin(g0) ** 2 * 100, 10);
    for (const p of f.limits) {
      const sd = Math.sqrt(stabilisedVariance(p.denominator, 'proportion'));
      expect(p.inner.high).toBeCloseTo(Math.sin(g0 + FUNNEL_Z.inner * sd) ** 2 * 100, 10);
      expect(p.outer.low).toBeCloseTo(Math.sin(g0 - FUNNEL_Z.outer * sd) ** 2 * 100, 10);
    }
    // The funnel narrows as the denominator grows.
    const first = f.limits[0]!;
    const last = f.limits[f.limits.length - 1]!;
    expect(last.outer.high - last.outer.low).toBeLessThan(first.outer.high - first.outer.low);
  });

  it('names the areas outside the limits, and fewer once overdispersion widens them', () => {
    const f = funnel(areas, percent, 0)!;
    // D (20 % of 1.000) lies far above 14,6 %; A (10 % of 100) within the noise of a small area.
    expect(f.outside998).toContain('D');
    expect(f.outside998).not.toContain('A');
    const wide = funnel(areas, percent, 0.01)!;
    expect(wide.outside998.length).toBeLessThan(f.outside998.length);
  });

  it('is null without counts', () => {
    expect(funnel([area('A', 1, 10)], { unit: 'count' }, 0)).toBeNull();
  });
});

describe('stabilisedValues (empirical Bayes)', () => {
  it('pulls each area towards the pooled value by τ²/(τ² + v): small areas far, large areas hardly', () => {
    const areas = [area('small', 30, 100), area('large', 2000, 10000), area('mid', 100, 1000)];
    const tau2 = 0.0004;
    const shrunk = stabilisedValues(areas, percent, tau2);
    const g0 = stabilisedValue(2130, 11100, 'proportion');
    for (const a of areas) {
      const s = stabilise({ value: null, ...a }, 'proportion')!;
      const expected = Math.sin(g0 + (tau2 / (tau2 + s.v)) * (s.g - g0)) ** 2 * 100;
      expect(shrunk.get(a.area_code)).toBeCloseTo(expected, 10);
    }
    // The small buurt's 30 % is drawn most of the way to the gemeente; the large one keeps nearly its 20 %.
    expect(shrunk.get('small')!).toBeLessThan(25);
    expect(shrunk.get('large')!).toBeCloseTo(20, 0);
  });

  it('gives every area the pooled value when areas differ by no more than noise (τ² = 0)', () => {
    const shrunk = stabilisedValues([area('A', 10, 100), area('B', 12, 100)], percent, 0);
    expect(shrunk.get('A')).toBeCloseTo(shrunk.get('B')!, 12);
  });
});
