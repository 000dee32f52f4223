/** Verkennen's defaults: a scatter partner with data for the level and year, and a year slider in calendar years. */
import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../src/data/package.ts';
import { defaultPartner } from '../../src/views/verkennen/scatterPartner.ts';
import { markLabels, snapPeriod } from '../../src/views/verkennen/YearSlider.tsx';

const ind = (id: string, theme: Indicator['theme']) => ({ id, theme }) as Indicator;
const indicators = [
  ind('a_inw', 'bevolking'),
  ind('a_man', 'bevolking'),
  ind('p_jz_tn', 'jeugd'),
  ind('a_wwb', 'werk'),
  ind('p_wmo_t', 'zorg'),
];

describe('defaultPartner', () => {
  it('skips an indicator of another theme without data for the level and year ("Te weinig gebieden (0)")', () => {
    const counts = new Map([
      ['a_inw', 11],
      ['a_man', 11],
      ['a_wwb', 9],
    ]);
    expect(defaultPartner(indicators, indicators[0]!, counts)).toBe('a_wwb');
  });
  it('takes one of the same theme when no other theme has enough areas, then the best covered', () => {
    expect(defaultPartner(indicators, indicators[0]!, new Map([['a_man', 11]]))).toBe('a_man');
    expect(defaultPartner(indicators, indicators[0]!, new Map([['p_wmo_t', 2]]))).toBe('p_wmo_t');
  });
  it('without counts (or none at all) keeps the first indicator of another theme', () => {
    expect(defaultPartner(indicators, indicators[0]!, null)).toBe('p_jz_tn');
    expect(defaultPartner(indicators, indicators[0]!, new Map())).toBe('p_jz_tn');
  });
});

describe('year slider over calendar years', () => {
  const periods = [2015, 2023, 2024];
  it('moves to the next period in the direction of the move', () => {
    expect(snapPeriod(periods, 2015, 2016)).toBe(2023);
    expect(snapPeriod(periods, 2023, 2022)).toBe(2015);
    expect(snapPeriod(periods, 2023, 2024)).toBe(2024);
    expect(snapPeriod(periods, 2024, 2030)).toBe(2024);
    expect(snapPeriod(periods, 2015, 2015)).toBe(2015);
  });
  it('labels the first and the last year, and those between with room', () => {
    expect([...markLabels(periods)]).toEqual([2015, 2024]);
    expect([...markLabels([2012, 2015, 2017, 2018, 2024])]).toEqual([2012, 2015, 2018, 2024]);
  });
});
