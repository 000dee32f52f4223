/**
 * The printed report's text, from the same data the Kompas shows: per theme each indicator's values and its
 * verdicts in words (never colour alone), and the signals as sentences. Plain functions over plain data.
 */

import { isolate } from '../../app/bidi.ts';
import type { I18n } from '../../app/i18n/index.tsx';
import type { IndicatorAssessment } from '../../compass/assess.ts';
import type { KompasTheme } from '../../compass/kompasRows.ts';
import { changeCellYear, changeSince, themeLatestPeriod, valueYear } from '../../compass/periodLabels.ts';
import type { Comparison, Signal } from '../../compass/types.ts';
import type { Indicator } from '../../data/package.ts';
import { signalSince } from '../kompas/signalText.ts';
import { clipText, LABEL_CHARS } from './handoutModel.ts';
import { type PrintTheme, printCell } from './PrintReport.tsx';

function verdictText(comparison: Comparison | undefined, indicator: Indicator, i18n: I18n): string {
  if (!comparison || (comparison.verdict === 'unknown' && comparison.difference === null)) return '–';
  const word = i18n.t(`compass.verdict.${comparison.verdict}`);
  return comparison.difference === null ? word : `${i18n.compactDifference(comparison.difference, indicator)} ${word}`;
}

function aimText(assessment: IndicatorAssessment | undefined, i18n: I18n): string {
  const aim = assessment?.aim;
  if (!aim || !assessment) return '–';
  const status = i18n.t(`compass.aim.${aim.status}`);
  const chance = aim.pMet === null ? '' : `, ${i18n.probability(aim.pMet)}`;
  return aim.projected === null
    ? `${status}${chance ? ` (${chance.slice(2)})` : ''}`
    : `${status} (${aim.targetPeriod}: ${i18n.compactValue(aim.projected, assessment.indicator)}${chance})`;
}

/** "12,3" or, for a value of another year than the report's, "12,3 (2023)"; a dash stays a dash. */
const withYear = (text: string, year: number | null) => (year === null || text === '–' ? text : `${text} (${year})`);

/**
 * The report's tables, every year label real: the change heading names the earlier year all rows compare with
 * (`since`; null when they differ, and each verdict then names its year), and a value of another year than `period`
 * carries its year.
 */
export function printThemes(
  themes: readonly KompasTheme[],
  assessments: ReadonlyMap<string, IndicatorAssessment>,
  i18n: I18n,
  period: number,
  ownGemeente = false,
): PrintTheme[] {
  return themes.flatMap(({ theme, rows: all }) => {
    // A row without any value in or before the year (area, gemeente and the Netherlands all "–") says nothing on paper.
    const rows = all.filter((row) => row.area !== null || row.gemeente !== null || row.nl !== null);
    if (rows.length === 0) return [];
    const since = changeSince(rows);
    // As the Kompas says on screen, without its button: the theme has no values in the year, its latest are of …
    const latest = themeLatestPeriod(all, period);
    return {
      theme: i18n.t(`theme.${theme}`),
      since,
      compact: theme === 'bevolking',
      ownGemeente,
      ...(latest !== null && { note: i18n.t('kompas.themeNoData', { period, latest }) }),
      rows: rows.map((row) => {
        const a = assessments.get(row.indicator.id);
        const year = valueYear(row, period);
        const changeYear = changeCellYear(row, since);
        const vsPrevious = verdictText(a?.vsPrevious, row.indicator, i18n);
        return {
          // Clipped as on the handout: a label of thousands of characters would fill pages (re-isolated after the cut).
          label: isolate(clipText(i18n.label(row.indicator), LABEL_CHARS, 2).text),
          value: withYear(printCell(row.area, row.indicator, i18n), year),
          gemeente: withYear(printCell(row.gemeente, row.indicator, i18n), year),
          nl: withYear(printCell(row.nl, row.indicator, i18n), year),
          vsPrevious:
            changeYear === null || vsPrevious === '–'
              ? vsPrevious
              : `${vsPrevious} (${i18n.t('kompas.change', { period: changeYear })})`,
          change: withYear(row.change === null ? '–' : i18n.compactDifference(row.change, row.indicator), changeYear),
          vsGemeente: verdictText(a?.vsGemeente, row.indicator, i18n),
          aim: aimText(a, i18n),
        };
      }),
    };
  });
}

export function printSignals(
  signals: { better: Signal[]; worse: Signal[] },
  assessments: ReadonlyMap<string, IndicatorAssessment>,
  i18n: I18n,
): { better: string[]; worse: string[] } {
  const sentence = (s: Signal) => {
    const indicator = assessments.get(s.indicatorId)?.indicator;
    if (!indicator) return null;
    return `${i18n.label(indicator)}: ${i18n.difference(s.difference, indicator)} ${signalSince(s, i18n)} (${i18n.t(`signals.status.${s.status}`)})`;
  };
  return {
    better: signals.better.map(sentence).filter((x): x is string => x !== null),
    worse: signals.worse.map(sentence).filter((x): x is string => x !== null),
  };
}
