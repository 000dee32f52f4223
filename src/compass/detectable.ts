/**
 * How large must a change be before the compass calls it clear? For the Over page's table "smallest change the
 * compass can detect": an area of `denominator` people of whom a share `rate` has something (10 % on social
 * assistance, say) one year, and the same number of people the next year; how many more (or fewer) must have it
 * before a comparison with the previous measurement says "duidelijk"?
 *
 * The answer is found by asking the compass itself: a bisection on the second year's numerator with
 * `compareValues` (src/compass/compare.ts) on a percentage, with sampling noise only (no ordinary year-to-year
 * variation, exact counts) and a family of one comparison (so Benjamini–Hochberg changes nothing). So the table can
 * never disagree with the code. It is a lower bound: in the Kompas each test adds the ordinary variation between
 * years and is one of some thirty in its family, so the change needed there is larger.
 */
import { compareValues, type Measurement } from './compare.ts';

/** A change the compass calls clear, and the smallest one. */
export interface DetectableChange {
  denominator: number;
  /** The numerator of the first year: round(rate × denominator). */
  from: number;
  /** The smallest (rise) or largest (fall) numerator of the second year that the compass calls a clear change. */
  to: number;
  /** (to − from) / denominator: the change as a proportion (× 100 for percentage points). */
  change: number;
}

export type ChangeSide = 'rise' | 'fall';

const PERCENT = { unit: 'percent' as const };

function measurement(numerator: number, denominator: number): Measurement {
  return { value: (numerator / denominator) * 100, numerator, denominator, suppressed: false };
}

/**
 * Does the compass call the change from `from` to `to` of `denominator` people (the same number both years) clear,
 * comparing with the previous measurement without extra noise in a family of one?
 */
export function isClearChange(denominator: number, from: number, to: number): boolean {
  const verdict = compareValues(measurement(to, denominator), measurement(from, denominator), PERCENT, 'up').verdict;
  return verdict === 'better' || verdict === 'worse';
}

/**
 * The smallest change of a share `rate` (0..1) among `denominator` people that the compass calls clear, upwards
 * (`rise`) or downwards (`fall`); null when even the largest possible change (to all or to none) is not clear, or
 * for a denominator below 1 or a rate outside 0..1.
 */
export function smallestDetectableChange(
  denominator: number,
  rate: number,
  side: ChangeSide = 'rise',
): DetectableChange | null {
  if (!Number.isInteger(denominator) || denominator < 1 || !(rate >= 0 && rate <= 1)) return null;
  const from = Math.round(rate * denominator);
  // Invariant: `near` is not clear, `far` is (the verdict only gets clearer the further `to` moves from `from`).
  let near = from;
  let far = side === 'rise' ? denominator : 0;
  if (far === from || !isClearChange(denominator, from, far)) return null;
  while (Math.abs(far - near) > 1) {
    const mid = Math.round((near + far) / 2);
    if (isClearChange(denominator, from, mid)) far = mid;
    else near = mid;
  }
  return { denominator, from, to: far, change: (far - from) / denominator };
}

/** The areas and share the Over page's table shows. */
export const DETECTABLE_AREAS = [500, 1000, 5000, 20000] as const;
export const DETECTABLE_RATE = 0.1;

export interface DetectableRow {
  inhabitants: number;
  rise: DetectableChange | null;
  fall: DetectableChange | null;
}

/** The Over page's table: per area size, the smallest clear rise and fall of a share of `rate`. */
export function detectableTable(
  areas: readonly number[] = DETECTABLE_AREAS,
  rate: number = DETECTABLE_RATE,
): DetectableRow[] {
  return areas.map((inhabitants) => ({
    inhabitants,
    rise: smallestDetectableChange(inhabitants, rate, 'rise'),
    fall: smallestDetectableChange(inhabitants, rate, 'fall'),
  }));
}
