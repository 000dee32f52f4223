import type { Area } from '../data/package.ts';
import { dispersionAreas } from './dispersion.ts';
import { sqlInteger, sqlStringList } from './sql.ts';

/**
 * The figures an area's "positie 12 van 80" is computed from (src/compass/rankInterval.ts): every area of its level in
 * its gemeente (dispersionAreas), in the given periods (the periods the Kompas shows values of), with their counts.
 * Null when there is nothing to rank against (a gemeente, the Netherlands) or for a partitioned (national) package,
 * which keeps one file per area: fetching every sibling's file would hold up the Kompas, as for the dispersion.
 * Selects `status` so that decodeProfile reads it.
 */
export function rankQuery(
  code: string,
  areas: ReadonlyMap<string, Area>,
  periods: readonly number[],
  partitioned: boolean,
): string | null {
  const codes = dispersionAreas(code, areas);
  if (partitioned || codes.length < 2 || periods.length === 0) return null;
  const years = [...new Set(periods)].sort((a, b) => a - b).map(sqlInteger);
  return `SELECT area_code, indicator_id, period, value, numerator, denominator, suppressed, status
FROM observations
WHERE area_code IN ${sqlStringList(codes)} AND period IN (${years.join(', ')})
ORDER BY indicator_id, area_code, period`;
}
