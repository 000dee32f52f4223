/**
 * Per theme, how many indicators changed clearly since the previous measurement and how its aims stand: the numbers
 * on the compass graphic's sectors and in the print report's overview.
 */
import { THEMES } from '../data/package.ts';
import type { IndicatorAssessment } from './assess.ts';
import type { ThemeSummary } from './types.ts';

/**
 * One summary per theme that has at least one assessed indicator, in THEMES order (a theme without indicators for
 * the area is left out, as in the Kompas rows). Indicators count by their verdict against the previous
 * measurement; aims by status (an indicator without an aim adds to none of the aim counts).
 */
export function summariseThemes(assessments: readonly IndicatorAssessment[]): ThemeSummary[] {
  const summaries: ThemeSummary[] = [];
  for (const theme of THEMES) {
    const own = assessments.filter((a) => a.indicator.theme === theme);
    if (own.length === 0) continue;
    const s: ThemeSummary = {
      theme,
      better: 0,
      worse: 0,
      unclear: 0,
      neutral: 0,
      unknown: 0,
      achieved: 0,
      onCourse: 0,
      uncertain: 0,
      offCourse: 0,
      aimsUnknown: 0,
    };
    for (const a of own) {
      s[a.vsPrevious.verdict] += 1;
      switch (a.aim?.status) {
        case 'behaald':
          s.achieved += 1;
          break;
        case 'op_koers':
          s.onCourse += 1;
          break;
        case 'onzeker':
          s.uncertain += 1;
          break;
        case 'niet_op_koers':
          s.offCourse += 1;
          break;
        case 'onbekend':
          s.aimsUnknown += 1;
          break;
      }
    }
    summaries.push(s);
  }
  return summaries;
}

/**
 * Fewest aims with a known status (behaald, op koers, onzeker, niet op koers) before a theme's ring is coloured by
 * its aims. One aim is one indicator's status, already shown in its row; coloured as the theme's, it would speak for
 * a whole theme that the municipality set one aim in. From two on, the ring shows how the theme's aims stand
 * together, and always with its count ("2 van 3 doelen op koers"), so that a reader sees how much it rests on.
 */
export const MIN_RING_AIMS = 2;

export interface RingAims {
  /** All aims of the theme, whatever their status. */
  total: number;
  /** Aims with a known status (not `onbekend`). */
  judged: number;
  /** Achieved or on course. */
  onCourse: number;
  /** True when the ring may be coloured by the aims (judged ≥ MIN_RING_AIMS). */
  enough: boolean;
}

export function ringAims(s: ThemeSummary): RingAims {
  const judged = s.achieved + s.onCourse + s.uncertain + s.offCourse;
  return {
    total: judged + s.aimsUnknown,
    judged,
    onCourse: s.achieved + s.onCourse,
    enough: judged >= MIN_RING_AIMS,
  };
}
