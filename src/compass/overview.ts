/**
 * The overview of all areas (view "Overzicht"): per area and theme, the area's signals and the status of its aims.
 * It only regroups the assessments each area's Kompas shows (assess.ts, signals.ts); it judges nothing itself, so
 * the overview and the Kompas can never disagree.
 */
import { type Aim, type Indicator, THEMES, type Theme } from '../data/package.ts';
import type { IndicatorAssessment } from './assess.ts';
import { signals } from './signals.ts';
import type { AimStatus, Signal } from './types.ts';

/** The aim statuses in the order the overview lists them. */
export const AIM_STATUSES: readonly AimStatus[] = ['behaald', 'op_koers', 'onzeker', 'niet_op_koers', 'onbekend'];

export interface OverviewSignal {
  indicator: Indicator;
  signal: Signal;
}

export interface OverviewAims {
  status: AimStatus;
  /** The indicators whose aim has this status, in package order. */
  indicators: Indicator[];
}

export interface OverviewCell {
  theme: Theme;
  /** The theme's signals, clearest first (as the Kompas orders them). */
  signals: OverviewSignal[];
  /** Only the statuses that occur, in `AIM_STATUSES` order. */
  aims: OverviewAims[];
}

export interface AreaOverview {
  /** One cell per theme of `themes`, in that order. */
  cells: OverviewCell[];
  better: number;
  worse: number;
}

/**
 * The themes that can show something, in the Kompas's order: those with an indicator that has a good direction (a
 * neutral one never gives a signal) or an aim. A theme of context figures only (population) would be an empty
 * column in every row.
 */
export function overviewThemes(
  indicators: readonly Pick<Indicator, 'id' | 'theme' | 'direction'>[],
  aims: readonly Pick<Aim, 'indicator_id'>[],
): Theme[] {
  const withAim = new Set(aims.map((a) => a.indicator_id));
  const present = new Set(indicators.filter((i) => i.direction !== 'neutral' || withAim.has(i.id)).map((i) => i.theme));
  return THEMES.filter((t) => present.has(t));
}

/** One area's row of the overview, from the assessments of its Kompas (assess.ts `assessArea`). */
export function areaOverview(assessments: readonly IndicatorAssessment[], themes: readonly Theme[]): AreaOverview {
  const byId = new Map(assessments.map((a) => [a.indicator.id, a]));
  // Every signal, not the Kompas's five of each kind: the same list and order, only not cut off.
  const { better, worse } = signals(assessments, Number.POSITIVE_INFINITY);
  const ordered = [...better, ...worse].sort((x, y) => x.pValue - y.pValue);
  const cells = themes.map((theme): OverviewCell => {
    const cellSignals: OverviewSignal[] = [];
    for (const signal of ordered) {
      const indicator = byId.get(signal.indicatorId)?.indicator;
      if (indicator?.theme === theme) cellSignals.push({ indicator, signal });
    }
    const aims = AIM_STATUSES.map((status) => ({
      status,
      indicators: assessments
        .filter((a) => a.indicator.theme === theme && a.aim?.status === status)
        .map((a) => a.indicator),
    })).filter((group) => group.indicators.length > 0);
    return { theme, signals: cellSignals, aims };
  });
  return { cells, better: better.length, worse: worse.length };
}

/** Whether the area has any signal (the filter "alleen gebieden met signalen"). */
export function hasSignals(overview: AreaOverview): boolean {
  return overview.better + overview.worse > 0;
}
