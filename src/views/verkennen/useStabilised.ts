import { useMemo } from 'react';
import type { Funnel } from '../../compass/funnel.ts';
import { betweenAreaVariance, levelFunnel, rankByValues, stabilisedByPeriod } from '../../compass/levelFunnel.ts';
import type { Indicator } from '../../data/package.ts';
import type { QueryState } from '../../db/useQuery.ts';
import type { AreaTrendRow, RankingRow } from '../../queries/explore.ts';

export interface Stabilised {
  /** The funnel of the year (null without counts, or while the counts load). */
  funnel: Funnel | null;
  /** The ranking as shown: the stabilised values in their order when they are on, else rankingQuery's rows. */
  rows: readonly RankingRow[];
  /** The measured values by code when the stabilised ones are shown, else null. */
  raw: ReadonlyMap<string, number | null> | null;
  /** The stabilised values of the year (code → value) when shown, else null. */
  now: ReadonlyMap<string, number> | null;
  /** Every year's stabilised values (period → code → value) when shown, else null. */
  all: ReadonlyMap<number, ReadonlyMap<string, number>> | null;
  /** Asked for, but the indicator has no counts: the measured values stay. */
  unavailable: boolean;
}

/**
 * How much the areas of the level ordinarily differ (τ² per period, from every period's counts in areaTrendsQuery's
 * rows), the year's funnel, and, when asked, the empirical-Bayes stabilised values in place of the measured ones.
 * Only from a settled result: rows of the previous indicator would lend the new one their values.
 */
export function useStabilised(
  trends: QueryState<AreaTrendRow[]>,
  ranking: readonly RankingRow[],
  indicator: Indicator,
  period: number,
  on: boolean,
): Stabilised {
  const counts = trends.loading ? null : trends.data;
  const between = useMemo(() => (counts ? betweenAreaVariance(counts, indicator) : null), [counts, indicator]);
  const funnel = useMemo(
    () => (counts && between ? levelFunnel(counts, indicator, period, between) : null),
    [counts, between, indicator, period],
  );
  const all = useMemo(
    () => (on && counts && between ? stabilisedByPeriod(counts, indicator, between) : null),
    [on, counts, between, indicator],
  );
  const now = all?.get(period) ?? null;
  const rows = useMemo(() => (now ? rankByValues(ranking, now) : ranking), [ranking, now]);
  const raw = useMemo(() => (now ? new Map(ranking.map((r) => [r.code, r.value])) : null), [ranking, now]);
  return { funnel, rows, raw, now, all: now ? all : null, unavailable: on && counts !== null && now === null };
}
