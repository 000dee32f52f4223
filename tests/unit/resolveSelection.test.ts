import { describe, expect, it } from 'vitest';
import { resolveSelection } from '../../src/app/resolveSelection.ts';
import { parseUrlState } from '../../src/app/urlState.ts';
import type { LoadedPackage } from '../../src/data/load.ts';

const pkg = {
  meta: { default_area: 'WK1', default_indicator: 'a', default_period: 2025, periods: [2024, 2025] },
  areas: [
    { code: 'NL00', level: 'land' },
    { code: 'WK1', level: 'wijk' },
    { code: 'BU11', level: 'buurt' },
  ],
  indicators: [{ id: 'a' }, { id: 'b' }],
} as unknown as LoadedPackage;

describe('resolveSelection', () => {
  it('takes the URL where the package has it', () => {
    expect(resolveSelection(parseUrlState('?area=BU11&indicator=b&period=2024'), pkg)).toEqual({
      area: 'BU11',
      indicator: 'b',
      period: 2024,
      notices: [],
    });
  });

  it('uses defaults where the URL is silent', () => {
    expect(resolveSelection(parseUrlState(''), pkg)).toEqual({
      area: 'WK1',
      indicator: 'a',
      period: 2025,
      notices: [],
    });
  });

  it('falls back with a notice for what the package does not have (NL00 is not an area to pick)', () => {
    const s = resolveSelection(parseUrlState('?area=NL00&indicator=zz&period=1999'), pkg);
    expect(s).toEqual({
      area: 'WK1',
      indicator: 'a',
      period: 2025,
      notices: [
        { key: 'app.areaNotFound', params: { code: 'NL00' } },
        { key: 'app.indicatorNotFound', params: { id: 'zz' } },
        { key: 'app.periodNotFound', params: { period: 1999 } },
      ],
    });
  });
});
