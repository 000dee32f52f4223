import { describe, expect, it } from 'vitest';
import { applicableAim } from '../../src/compass/assess.ts';
import type { Aim } from '../../src/data/package.ts';
import { effectiveAims } from '../../src/userdata/effectiveAims.ts';
import type { UserAim } from '../../src/userdata/types.ts';

const pkgAim = (over: Partial<Aim> = {}): Aim => ({
  indicator_id: 'jeugdhulp_pct',
  area_code: null,
  baseline_period: 2019,
  target_period: 2026,
  target_value: 9,
  direction: 'down',
  label_nl: 'Jeugdhulp daalt tot 9%',
  label_en: '',
  ...over,
});

const userAim = (over: Partial<UserAim> = {}): UserAim => ({
  ...pkgAim(),
  id: 'u1',
  updatedAt: 1,
  agreed_with: 'wijkraad Noorddorp',
  agreed_on: '2026-03-12',
  origin: 'concept',
  ...over,
});

const AREAS = [
  { code: 'WK1', level: 'wijk' as const },
  { code: 'WK2', level: 'wijk' as const },
  { code: 'BU1', level: 'buurt' as const },
];

describe('effectiveAims', () => {
  it('shows package aims as vastgesteld with their stable id, and the user’s as concept', () => {
    const aims = effectiveAims([pkgAim()], [userAim({ indicator_id: 'vsv_pct' })], AREAS);
    expect(aims.map((a) => [a.indicator_id, a.origin, a.id])).toEqual([
      ['jeugdhulp_pct', 'vastgesteld', 'pkg:jeugdhulp_pct:*:2026'],
      ['vsv_pct', 'concept', 'u1'],
    ]);
  });

  it('a user aim for the same indicator, area and target year replaces the package aim, as concept', () => {
    const aims = effectiveAims([pkgAim()], [userAim({ target_value: 8 })], AREAS);
    expect(aims).toHaveLength(1);
    expect(aims[0]).toMatchObject({ origin: 'concept', target_value: 8 });
    expect(applicableAim(aims, 'jeugdhulp_pct', 'WK1', 2025)?.target_value).toBe(8);
  });

  it('a deleted user aim gives the package aim back', () => {
    const aims = effectiveAims([pkgAim()], [userAim({ target_value: 8, deleted: true })], AREAS);
    expect(aims.map((a) => a.origin)).toEqual(['vastgesteld']);
  });

  it('an aim for all wijken holds for each wijk without an aim of its own, and for no buurt', () => {
    const own = pkgAim({ area_code: 'WK2', target_value: 7, target_period: 2027 });
    const all = userAim({ level: 'wijk', target_value: 8 });
    const aims = effectiveAims([own], [all], AREAS);
    expect(applicableAim(aims, 'jeugdhulp_pct', 'WK1', 2025)).toMatchObject({ id: 'u1', target_value: 8 });
    expect(applicableAim(aims, 'jeugdhulp_pct', 'WK2', 2025)).toMatchObject({ origin: 'vastgesteld', target_value: 7 });
    expect(applicableAim(aims, 'jeugdhulp_pct', 'BU1', 2025)).toBeNull();
  });
});
