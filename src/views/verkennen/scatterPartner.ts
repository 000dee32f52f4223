import type { Indicator } from '../../data/package.ts';

/** Fewer areas than this give no correlation worth a chart (Pearson's r of two points is always ±1). */
export const MIN_SCATTER_AREAS = 3;

/**
 * The scatter's default second indicator: one of another theme that has shown values for enough areas of the level
 * in the year (`counts`, per indicator), then one of the same theme, then the one with the most areas. Without
 * counts (not known yet, or a partitioned package where counting every indicator would fetch them all): the first
 * of another theme, as before.
 */
export function defaultPartner(
  indicators: readonly Indicator[],
  x: Indicator,
  counts: ReadonlyMap<string, number> | null,
): string {
  const others = indicators.filter((i) => i.id !== x.id);
  const fallback = others.find((i) => i.theme !== x.theme)?.id ?? others[0]?.id ?? x.id;
  if (!counts) return fallback;
  const enough = (i: Indicator) => (counts.get(i.id) ?? 0) >= MIN_SCATTER_AREAS;
  const pick =
    others.find((i) => i.theme !== x.theme && enough(i)) ??
    others.find(enough) ??
    [...others].sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0))[0];
  return pick && (counts.get(pick.id) ?? 0) > 0 ? pick.id : fallback;
}
