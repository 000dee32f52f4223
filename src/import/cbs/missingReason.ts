/**
 * Why a CBS figure is missing, for the package's `status` column. CBS writes the same `.` for "geheim" (too few
 * people) and for "niet beschikbaar" (no figure at all), so the mark alone cannot tell a user which it is. What the
 * rest of the file says can:
 * - nobody lives there (the area's inhabitants are 0 that year): `no_inhabitants`;
 * - a wijk or buurt marked secret while its gemeente (or, without a gemeente row, another area of that gemeente) has
 *   the figure: CBS published the variable and hid it here for privacy: `secret`;
 * - everything else — the gemeente itself has no figure, the whole gemeente's areas have none (kwb-2024's `.` for
 *   jeugdzorg, Wmo, bijstand and income in every row), a gemeente or the country marked `.`, a property PDOK leaves
 *   out: `not_published`.
 * The Wijk- en buurtkaart's own marks say more: -99999998 "nog niet beschikbaar" is `not_yet_available`, -99999997
 * "niet van toepassing" is `not_published` (there is no figure to publish).
 */
import type { ObservationStatus } from '../../data/package.ts';
import type { SourceLevel } from './areaCode.ts';
import type { MissingMarker } from './cellNumber.ts';

export interface MissingCell {
  level: SourceLevel;
  /** How the source marked it (cellNumber); undefined for a value made here (a sum, a rate). */
  marker: MissingMarker | undefined;
  /** The area's inhabitants that year, where the package has them. */
  inhabitants: number | null | undefined;
  /** The area's gemeente has the figure that year (or, without a gemeente row, another area of the gemeente has). */
  gemeenteHasValue: boolean;
}

export function missingReason(cell: MissingCell): ObservationStatus {
  if (cell.inhabitants === 0) return 'no_inhabitants';
  if (cell.marker === 'notYetAvailable') return 'not_yet_available';
  if ((cell.level === 'wijk' || cell.level === 'buurt') && cell.marker === 'secret' && cell.gemeenteHasValue)
    return 'secret';
  return 'not_published';
}
