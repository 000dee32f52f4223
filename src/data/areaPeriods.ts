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

/**
 * The area's name in a period: the name it had then (CBS renames areas and keeps their code); its current name
 * when it had only one, or when it does not exist in that period.
 */
export function nameIn(area: Pick<Area, 'name' | 'names' | 'first_period' | 'last_period'>, period: number): string {
  if (!area.names || !existsIn(area, period)) return area.name;
  let name = area.names[0]!.name;
  for (const n of area.names) if (n.from <= period) name = n.name;
  return name;
}

/** The area's other names (earlier ones, or the current one for a period with an older name), latest first. */
export function otherNames(area: Pick<Area, 'name' | 'names'>, shown: string = area.name): string[] {
  if (!area.names) return [];
  return [...new Set(area.names.map((n) => n.name))].filter((n) => n !== shown).reverse();
}

/** The areas with the names they had in a period (the same array when no area was ever renamed). */
export function namedIn(areas: readonly Area[], period: number): readonly Area[] {
  if (!areas.some((a) => a.names)) return areas;
  return areas.map((a) => {
    const name = nameIn(a, period);
    return name === a.name ? a : { ...a, name };
  });
}

/**
 * What to say beside an area's shown name about its other names: the earlier ones beside the current name
 * ("voorheen …"), the current one beside an earlier name ("nu …"); null for an area never renamed.
 */
export function nameNote(area: Pick<Area, 'name' | 'names'>): { kind: 'formerly' | 'now'; names: string } | null {
  if (!area.names) return null;
  const latest = area.names.at(-1)!.name;
  if (area.name !== latest) return { kind: 'now', names: latest };
  const others = otherNames(area);
  return others.length > 0 ? { kind: 'formerly', names: others.join(', ') } : null;
}
