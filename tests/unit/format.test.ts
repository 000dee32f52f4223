import { describe, expect, it } from 'vitest';
import { fillTemplate, formatIndicatorNumber, formatNumber } from '../../src/app/format.ts';
import { createI18n } from '../../src/app/i18n/index.tsx';
import type { Indicator } from '../../src/data/package.ts';

const indicator = (unit: Indicator['unit'], decimals: number): Indicator => ({
  id: 'x',
  label_nl: 'Iets',
  label_en: 'Something',
  theme: 'jeugd',
  unit,
  direction: 'down',
  decimals,
  definition_nl: '',
  definition_en: '',
  source: '',
  min_count: 0,
  rounding: null,
  denominator_rounding: null,
});

describe('number formatting', () => {
  it('uses Dutch notation by default', () => {
    expect(formatNumber(29710, 0, 'nl')).toBe('29.710');
    expect(formatNumber(12.44, 1, 'nl')).toBe('12,4');
    expect(formatNumber(1234.5, 1, 'en')).toBe('1,234.5');
  });

  it('shows signs for changes and never -0', () => {
    expect(formatNumber(1.25, 1, 'nl', true)).toBe('+1,3');
    expect(formatNumber(-0.04, 1, 'nl', true)).toBe('0,0');
    expect(formatNumber(-2.2, 1, 'nl', true)).toBe('-2,2');
  });

  it('formats indicator values with their unit', () => {
    const nl = createI18n('nl');
    const en = createI18n('en');
    expect(nl.value(12.4, indicator('percent', 1))).toBe('12,4%');
    expect(nl.value(45.21, indicator('per_1000', 1))).toBe('45,2 per 1.000');
    expect(en.value(45.21, indicator('per_1000', 1))).toBe('45.2 per 1,000');
    expect(nl.value(29710, indicator('count', 0))).toBe('29.710');
    expect(nl.value(32.4, indicator('euro_x1000', 1))).toBe('€ 32.400');
    expect(formatIndicatorNumber(32.4, indicator('euro_x1000', 1), 'en')).toBe('32,400');
  });

  it('writes a difference of percentages in percentage points, other differences in their unit', () => {
    const nl = createI18n('nl');
    const en = createI18n('en');
    expect(nl.difference(1.64, indicator('percent', 1))).toBe('+1,6\u00a0%\u2011punt');
    expect(en.difference(-0.35, indicator('percent', 1))).toBe('-0.4\u00a0pp');
    expect(nl.compactDifference(1.64, indicator('percent', 1))).toBe('+1,6\u00a0%\u2011punt');
    expect(nl.compactDifference(1.64, indicator('percent', 1), false)).toBe('1,6\u00a0%\u2011punt');
    expect(nl.difference(-4.8, indicator('per_1000', 1))).toBe('-4,8 per 1.000');
    expect(nl.compactDifference(-4.8, indicator('per_1000', 1))).toBe('-4,8');
    expect(nl.compactDifference(1170, indicator('euro', 0))).toBe('€ +1.170');
  });

  it('fills templates and leaves unknown placeholders', () => {
    expect(fillTemplate('{a} en {b}', { a: 1 })).toBe('1 en {b}');
  });
});
