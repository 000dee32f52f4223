/**
 * Signals: the few indicators that changed most clearly in an area, for the top of the Kompas and the print
 * report. Only clear changes count (`better` / `worse`: the 95 % interval of the change excludes 0) — never an
 * unclear, neutral or unknown one, so noise in a small village cannot become a signal. Two kinds of change are
 * considered: since the previous measurement and since the aim's baseline.
 */
import type { IndicatorAssessment } from './assess.ts';
import type { Comparison, Signal } from './types.ts';

/**
 * The `limit` clearest improvements and deteriorations, each ordered by strength (how far the change lies beyond
 * the noise: |difference| / the interval's half-width towards 0), strongest first; ties keep package order. An
 * indicator appears at most once per list, with its stronger change (since the previous measurement or since the
 * baseline); it can appear in both lists when it improved since the baseline but fell back since last year.
 */
export function signals(assessments: readonly IndicatorAssessment[], limit = 5): { better: Signal[]; worse: Signal[] } {
  const pick = (verdict: 'better' | 'worse'): Signal[] => {
    const found: Signal[] = [];
    for (const a of assessments) {
      const options: [Signal['kind'], Comparison | null][] = [
        ['previous', a.vsPrevious],
        ['baseline', a.vsBaseline],
      ];
      let best: Signal | null = null;
      for (const [kind, comparison] of options) {
        if (comparison?.verdict !== verdict || comparison.strength === null) continue;
        if (!best || comparison.strength > best.comparison.strength!) {
          best = { indicatorId: a.indicator.id, kind, verdict, comparison };
        }
      }
      if (best) found.push(best);
    }
    // Array.prototype.sort is stable, so equal strengths keep package order.
    return found.sort((x, y) => y.comparison.strength! - x.comparison.strength!).slice(0, Math.max(0, limit));
  };
  return { better: pick('better'), worse: pick('worse') };
}
