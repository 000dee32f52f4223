import type { Area } from './package.ts';

/** Whether an area exists in a period (areas without `first_period`/`last_period` exist in every period). */
export function existsIn(area: Pick<Area, 'first_period' | 'last_period'>, period: number): boolean {
  return (area.first_period ?? -Infinity) <= period && period <= (area.last_period ?? Infinity);
}

/** The areas of one period's indeling, plus `keep` (the selected area stays listed in a year it did not exist). */
export function areasOfPeriod(areas: readonly Area[], period: number, keep: string | null): readonly Area[] {
  if (!areas.some((a) => a.first_period !== undefined || a.last_period !== undefined)) return areas;
  return areas.filter((a) => a.code === keep || existsIn(a, period));
}
