/** A point of a yearly series; `value: null` breaks a line. */
export interface SeriesPoint {
  period: number;
  value: number | null;
}

/**
 * The points with a break inserted just before each period where the area's boundary changed (a CBS indeling or
 * a code reused for another area), so no line joins the old area to the new one. Only breaks with points on both
 * sides matter; the inserted point sits half a year earlier, which a linear year axis draws as a gap.
 */
export function withBreaks<P extends SeriesPoint>(
  points: readonly P[],
  breaks: readonly number[] | undefined,
): SeriesPoint[] {
  if (!breaks || breaks.length === 0) return [...points];
  const out: SeriesPoint[] = [...points];
  for (const at of breaks) {
    const before = points.some((p) => p.period < at && p.value !== null);
    const after = points.some((p) => p.period >= at && p.value !== null);
    if (before && after) out.push({ period: at - 0.5, value: null });
  }
  return out.sort((a, b) => a.period - b.period);
}
