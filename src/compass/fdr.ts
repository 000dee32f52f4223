/**
 * Multiplicity. A Kompas shows some thirty verdicts for one area and year; tested one by one at 95 %, a village
 * with no real change at all would still get one or two "duidelijk" badges most years. The verdicts shown together
 * for one area and period are therefore one family, and a badge says "duidelijk" only when its test is a discovery
 * under the Benjamini–Hochberg step-up procedure at a false discovery rate of q = 0,05 (Benjamini & Hochberg 1995,
 * J. R. Stat. Soc. B 57:289–300). When nothing really changed (the complete null) this also bounds the chance of
 * any "duidelijk" in the family by q; when several things changed it keeps more power than Bonferroni.
 */

/** The false discovery rate the compass controls per area and period. */
export const FDR_Q = 0.05;

/**
 * BH-adjusted p-values (as R's `p.adjust(p, "BH")`): p_(i) · m / i, made monotone from the largest down, capped at
 * 1. NaN stays NaN and does not count towards m.
 */
export function bhAdjusted(pValues: readonly number[]): number[] {
  const indexed = pValues
    .map((p, index) => ({ p, index }))
    .filter((e) => Number.isFinite(e.p))
    .sort((a, b) => a.p - b.p);
  const m = indexed.length;
  const adjusted = pValues.map(() => Number.NaN);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const entry = indexed[rank - 1]!;
    running = Math.min(running, (entry.p * m) / rank);
    adjusted[entry.index] = Math.min(1, running);
  }
  return adjusted;
}

/** Which p-values are discoveries at false discovery rate `q` (Benjamini–Hochberg step-up). */
export function benjaminiHochberg(pValues: readonly number[], q = FDR_Q): boolean[] {
  return bhAdjusted(pValues).map((p) => Number.isFinite(p) && p <= q);
}
