import { describe, expect, it } from 'vitest';
import { parseUrlState, serializeUrlState } from '../../src/app/urlState.ts';

describe('url state', () => {
  it('round-trips every choice', () => {
    const search = '?dataset=demo&area=WK999901&indicator=jeugdhulp_pct&period=2024&view=kompas&lang=en&level=buurt';
    const state = parseUrlState(search);
    expect(state).toEqual({
      dataset: 'demo',
      area: 'WK999901',
      indicator: 'jeugdhulp_pct',
      period: 2024,
      view: 'kompas',
      lang: 'en',
      level: 'buurt',
      stabilised: false,
    });
    expect(serializeUrlState(state)).toBe(search);
  });

  it('falls back to defaults for missing or malformed values', () => {
    expect(parseUrlState('?period=20x4&lang=fr&view=<script>&level=x')).toEqual({
      dataset: null,
      area: null,
      indicator: null,
      period: null,
      view: 'kompas',
      lang: 'nl',
      level: 'auto',
      stabilised: false,
    });
  });

  it('leaves defaults out and caps long values', () => {
    const state = parseUrlState(`?area=${'A'.repeat(500)}`);
    expect(state.area).toHaveLength(64);
    expect(serializeUrlState({ ...state, area: 'BU1' })).toBe('?area=BU1&view=kompas');
  });

  it("keeps Verkennen's stabilised values in the URL, only when chosen", () => {
    const search = '?dataset=demo&indicator=jeugdhulp_pct&period=2025&view=verkennen&level=buurt&stabilised=1';
    const state = parseUrlState(search);
    expect(state.stabilised).toBe(true);
    expect(serializeUrlState(state)).toBe(search);
    expect(serializeUrlState({ ...state, stabilised: false })).not.toContain('stabilised');
    // Anything but 1 is the default (raw values).
    expect(parseUrlState('?stabilised=yes').stabilised).toBe(false);
    expect(parseUrlState('?stabilised=0').stabilised).toBe(false);
  });
});
