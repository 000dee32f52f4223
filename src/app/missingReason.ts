/**
 * Why a value is not shown, in the same words everywhere: the Kompas, its print, the map and its legend, the trend
 * panel, Verkennen, the Data table and every download. The reason is the public table's `status` (src/data/publish.ts:
 * `secret` hidden for privacy, `not_published` the source has none, `no_inhabitants`, `not_yet_available`); a row the
 * package does not have at all is `no_data`.
 */
import { OBSERVATION_STATUSES, type ObservationStatus } from '../data/package.ts';
import type { MessageKey } from './i18n/nl.ts';

export type MissingReason = ObservationStatus | 'no_data';

/** The order the map legend lists them in: the privacy reason first. */
export const MISSING_REASONS: readonly MissingReason[] = [...OBSERVATION_STATUSES, 'no_data'];

const KNOWN = new Set<string>(OBSERVATION_STATUSES);

/**
 * The reason a row shows no value, or null when it shows one. A suppressed row without a known status (a table made
 * before statuses existed) is secret, as it always was.
 */
export function missingReason(
  row: { value: number | null; suppressed: boolean; status?: string | null } | null | undefined,
): MissingReason | null {
  if (!row) return 'no_data';
  if (row.status && KNOWN.has(row.status)) return row.status as ObservationStatus;
  if (row.suppressed) return 'secret';
  return row.value === null ? 'not_published' : null;
}

/** The short word for a cell: "geheim", "niet gepubliceerd" … */
export function missingWordKey(reason: MissingReason): MessageKey {
  return `missing.${reason}`;
}

/** The same word with soft hyphens, for a narrow table cell. */
export function missingCellKey(reason: MissingReason): MessageKey {
  return `missing.cell.${reason}`;
}

/** The sentence for a tooltip: what the reason means (for secret: small numbers, here or in a linked figure). */
export function missingTitleKey(reason: MissingReason): MessageKey {
  return `missing.title.${reason}`;
}

/** The map legend's label. */
export function missingLegendKey(reason: MissingReason): MessageKey {
  return `missing.legend.${reason}`;
}
