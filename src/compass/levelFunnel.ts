/**
 * The funnel plot and the stabilised values of Verkennen: one indicator across the areas of one level (in one
 * gemeente), from the counts of every period. The statistics are those of funnel.ts and dispersion.ts; this module
 * only feeds them the view's rows, so that the Kompas's verdicts and the Verkennen charts use one estimate of how
 * much the areas ordinarily differ (τ² per period, DerSimonian–Laird on the variance-stabilised scale).
 */
import type { Indicator } from '../data/package.ts';
import { estimateDispersion } from './dispersion.ts';
import { type Funnel, type FunnelArea, funnel, stabilisedValues } from './funnel.ts';

/** One area's figure in one period, as areaTrendsQuery returns it. */
export interface LevelCounts {
  code: string;
  period: number;
  numerator: number | null;
  denominator: number | null;
  suppressed: boolean;
}

/** The between-area variance τ² per period; empty for an indicator without counts. */
export function betweenAreaVariance(
  rows: readonly LevelCounts[],
  indicator: Pick<Indicator, 'id' | 'unit'>,
): ReadonlyMap<number, number> {
  const dispersion = estimateDispersion(
    rows.map((r) => ({
      area_code: r.code,
      indicator_id: indicator.id,
      period: r.period,
      numerator: r.numerator,
      denominator: r.denominator,
      suppressed: r.suppressed,
    })),
    [indicator],
  );
  return dispersion.get(indicator.id)?.between ?? new Map();
}

/** The shown (not suppressed) areas of one period that have counts. */
function areasIn(rows: readonly LevelCounts[], period: number): FunnelArea[] {
  return rows
    .filter((r) => r.period === period && !r.suppressed && r.numerator !== null && r.denominator !== null)
    .map((r) => ({ area_code: r.code, numerator: r.numerator, denominator: r.denominator }));
}

/**
 * The funnel of one period: limits that include the ordinary variation between areas (τ² of that period). Null
 * without counts. Without an estimate of τ² (fewer than two areas with counts) the limits are binomial/Poisson only.
 */
export function levelFunnel(
  rows: readonly LevelCounts[],
  indicator: Pick<Indicator, 'id' | 'unit'>,
  period: number,
  between: ReadonlyMap<number, number> = betweenAreaVariance(rows, indicator),
): Funnel | null {
  return funnel(areasIn(rows, period), indicator, between.get(period) ?? 0);
}

/**
 * The empirical-Bayes stabilised value of every area in every period (period → code → value), each period with its
 * own τ². A period without an estimate of τ² gets no values: shrinking with τ² = 0 would give every area the
 * gemeente's value, which says that the areas do not differ, not that we do not know.
 */
export function stabilisedByPeriod(
  rows: readonly LevelCounts[],
  indicator: Pick<Indicator, 'id' | 'unit'>,
  between: ReadonlyMap<number, number> = betweenAreaVariance(rows, indicator),
): Map<number, Map<string, number>> {
  const out = new Map<number, Map<string, number>>();
  for (const [period, tau2] of between) {
    const values = stabilisedValues(areasIn(rows, period), indicator, tau2);
    if (values.size > 0) out.set(period, values);
  }
  return out;
}

export interface RankedRow {
  code: string;
  name: string;
  value: number | null;
  suppressed: boolean;
}

/**
 * Ranking rows with their values replaced by `values` (the stabilised ones) and ordered as rankingQuery orders raw
 * values: highest first, areas without a value last (suppressed before missing), ties by name and code. `raw` keeps
 * the package's value for the table and the tooltip. An area without a stabilised value (no counts) has none: a raw
 * value among shrunken ones would bring back exactly the noise the stabilisation takes out.
 */
export function rankByValues<T extends RankedRow>(
  rows: readonly T[],
  values: ReadonlyMap<string, number>,
): (T & { raw: number | null })[] {
  return rows
    .map((r) => ({ ...r, raw: r.value, value: r.suppressed ? null : (values.get(r.code) ?? null) }))
    .sort((a, b) => {
      if (a.value !== null && b.value !== null && a.value !== b.value) return b.value - a.value;
      if ((a.value === null) !== (b.value === null)) return a.value === null ? 1 : -1;
      if (a.suppressed !== b.suppressed) return a.suppressed ? -1 : 1;
      return a.name < b.name ? -1 : a.name > b.name ? 1 : a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
    });
}
