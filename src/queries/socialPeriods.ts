import type { Table } from 'apache-arrow';
import type { Theme } from '../data/package.ts';
import { asNumber, asString, decodeColumns } from './decode.ts';
import { sqlStringList } from './sql.ts';

/**
 * The themes that decide which year a package opens on: the social domain itself. `bevolking` (population, always
 * published first) is left out, so a year with only population figures (CBS's kwb of the latest year, before the
 * jeugdzorg, Wmo, bijstand and income figures arrive) is not where the Kompas opens.
 */
export const SOCIAL_THEMES: readonly Theme[] = ['jeugd', 'zorg', 'werk', 'armoede'];

/**
 * Per area, the latest period in which any indicator of the social themes has a shown value (a row without one —
 * not published at the source, or kept secret — does not count). Asked once at load, from the public observations
 * table.
 */
export function socialPeriodsQuery(themes: readonly Theme[] = SOCIAL_THEMES): string {
  return `SELECT o.area_code, CAST(max(o.period) AS INTEGER) AS period
FROM observations o JOIN indicators i ON i.id = o.indicator_id
WHERE i.theme IN ${sqlStringList(themes)} AND o.value IS NOT NULL
GROUP BY o.area_code`;
}

/** Area code → latest period with social-domain values. */
export function decodeSocialPeriods(table: Table): Map<string, number> {
  const rows = decodeColumns<{ area_code: string; period: number }>(table, { area_code: asString, period: asNumber });
  return new Map(rows.map((r) => [r.area_code, r.period]));
}
