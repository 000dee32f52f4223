import type { Area } from '../data/package.ts';
import { areaPartitions } from '../data/partitions.ts';
import type { ProfileRow } from './kompas.ts';
import { sqlStringList } from './sql.ts';

/**
 * The areas whose figures tell how much an area's level ordinarily varies (src/compass/dispersion.ts): every area of
 * the same level in the same gemeente (for a gemeente or the Netherlands: the area alone, its own series).
 */
export function dispersionAreas(code: string, areas: ReadonlyMap<string, Area>): string[] {
  const area = areas.get(code);
  if (!area || area.level === 'land' || area.level === 'gemeente') return [code];
  const codes: string[] = [];
  for (const a of areas.values()) if (a.level === area.level && a.gemeente === area.gemeente) codes.push(a.code);
  return codes.sort();
}

/**
 * The shown counts of those areas, every indicator and period (suppressed figures are left out: they must not
 * shape a verdict any more than be shown). A partitioned (national) package keeps one file per area, and fetching
 * forty sibling files would hold up the first Kompas: there the area's own series (already loaded) is used, which
 * gives the year-to-year variation but no between-area τ². Precomputing the dispersion per gemeente and level in the
 * package build would close that gap.
 */
export function dispersionRequest(
  code: string,
  areas: ReadonlyMap<string, Area>,
  partitioned: boolean,
): { sql: string; partitions: string[] | undefined } {
  const codes = partitioned ? [code] : dispersionAreas(code, areas);
  return { sql: dispersionQuery(codes), partitions: partitioned ? areaPartitions(codes, areas) : undefined };
}

/** The shown counts of `codes`, every indicator and period, in the Kompas query's order. */
export function dispersionQuery(codes: readonly string[]): string {
  return `SELECT area_code, indicator_id, period, value, numerator, denominator, suppressed, status
FROM observations
WHERE area_code IN ${sqlStringList(codes)} AND NOT suppressed AND numerator IS NOT NULL AND denominator IS NOT NULL
ORDER BY indicator_id, area_code, period`;
}

const ownShare = new WeakMap<readonly ProfileRow[], Map<string, ProfileRow[]>>();

/**
 * A partitioned package's dispersion answer for `code` taken from the area's Kompas answer, which holds every row of
 * the area (queries/kompas.ts, same order): the rows {@link dispersionQuery} keeps of them. So a click fetches one
 * file, not the area's file and a dispersion file with a subset of its rows. The same array for the same answer and
 * code, as the memos downstream expect.
 */
export function ownDispersionRows(profile: readonly ProfileRow[], code: string): ProfileRow[] {
  let byCode = ownShare.get(profile);
  if (!byCode) {
    byCode = new Map();
    ownShare.set(profile, byCode);
  }
  let rows = byCode.get(code);
  if (!rows) {
    // dispersionQuery's WHERE, row for row.
    rows = profile.filter(
      (r) => r.area_code === code && !r.suppressed && r.numerator !== null && r.denominator !== null,
    );
    byCode.set(code, rows);
  }
  return rows;
}
