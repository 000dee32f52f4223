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

/**
 * Each series with a break at every year the others were measured but it was not: a wijk with figures for 2015 and
 * 2024 only must not draw a line through the years its gemeente shows it was not published. Years no series has
 * (a survey every other year) stay joined.
 */
export function breakAtUnmeasured<S extends { points: SeriesPoint[] }>(series: readonly S[]): S[] {
  const measured = new Set(series.flatMap((s) => s.points.filter((p) => p.value !== null).map((p) => p.period)));
  return series.map((s) => {
    const own = new Set(s.points.map((p) => p.period));
    const periods = s.points.map((p) => p.period);
    const [first, last] = [Math.min(...periods), Math.max(...periods)];
    const gaps = [...measured].filter((p) => p > first && p < last && !own.has(p) && Number.isInteger(p));
    if (gaps.length === 0) return s;
    return {
      ...s,
      points: [...s.points, ...gaps.map((period) => ({ period, value: null }))].sort((a, b) => a.period - b.period),
    };
  });
}
