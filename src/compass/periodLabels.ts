/**
 * Which years the Kompas and the print name, so every year label is a year the package has: the change column's
 * heading names the actual earlier measurement, a value of another year than the chosen one carries its year, and a
 * theme without values in the chosen year names the year of its latest value. Plain functions over Kompas rows.
 */
import type { KompasRow } from './kompasRows.ts';

/**
 * The earlier period every change in these rows is measured against, so the heading can say "Sinds 2015"; null
 * when the rows compare with different years (or none has a change): the heading then says "Sinds vorige meting"
 * and each cell names its own year.
 */
export function changeSince(rows: readonly KompasRow[]): number | null {
  const periods = new Set<number>();
  for (const row of rows) if (row.change !== null && row.previous) periods.add(row.previous.period);
  return periods.size === 1 ? [...periods][0]! : null;
}

/** The year a change cell names itself: its earlier period, unless the heading names that year already. */
export function changeCellYear(row: KompasRow, since: number | null): number | null {
  if (row.change === null || !row.previous) return null;
  return row.previous.period === since ? null : row.previous.period;
}

/**
 * The year to print beside a row's values (area, gemeente and Netherlands are all of the same period): the period
 * shown when it is not the chosen one — a survey year, or the latest year with a value — else null.
 */
export function valueYear(row: KompasRow, period: number): number | null {
  return row.shownPeriod !== null && row.shownPeriod !== period ? row.shownPeriod : null;
}

/**
 * For a theme whose rows have no value for the area in the chosen period: the latest period in which one has,
 * to say so and offer to go there. Null when the theme has a value in the chosen period, or none at all.
 */
export function themeLatestPeriod(rows: readonly KompasRow[], period: number): number | null {
  let latest: number | null = null;
  for (const row of rows)
    for (const point of row.series) {
      if (point.value === null) continue;
      if (point.period === period) return null;
      if (latest === null || point.period > latest) latest = point.period;
    }
  return latest;
}
