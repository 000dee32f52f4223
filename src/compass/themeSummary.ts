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
