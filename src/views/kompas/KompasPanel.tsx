import { memo, useEffect, useMemo } from 'react';
import { useI18n } from '../../app/i18n/index.tsx';
import { missingReason } from '../../app/missingReason.ts';
import type { IndicatorAssessment } from '../../compass/assess.ts';
import type { KompasRow, KompasTheme } from '../../compass/kompasRows.ts';
import { changeCellYear, changeSince, themeLatestPeriod, valueYear } from '../../compass/periodLabels.ts';
import { withBreaks } from '../../compass/seriesBreaks.ts';
import type { Signal, ThemeSummary } from '../../compass/types.ts';
import type { Area } from '../../data/package.ts';
import { SvgHost } from '../charts/SvgHost.tsx';
import { sparkline } from '../charts/sparkline.ts';
import { PrintButton, type PrintJobState } from '../print/PrintButton.tsx';
import { AimStatusBadge } from './AimStatusBadge.tsx';
import { CompassGraphic } from './CompassGraphic.tsx';
import { MissingValue } from './MissingValue.tsx';
import { SignalList } from './SignalList.tsx';
import { VerdictBadge } from './VerdictBadge.tsx';

export interface KompasPanelProps {
  area: Area;
  gemeente: Area | null;
  period: number;
  periods: readonly number[];
  themes: KompasTheme[];
  activeIndicator: string | null;
  /** True while the panel still shows an earlier choice (its data is loading or React renders it deferred). */
  stale: boolean;
  /** Per indicator: the verdicts (against last year, the gemeente, the aim). */
  assessments: ReadonlyMap<string, IndicatorAssessment>;
  summaries: ThemeSummary[];
  signals: { better: Signal[]; worse: Signal[] };
  /** The print being prepared, if any (its button shows the progress), and how to cancel it. */
  printJob: PrintJobState | null;
  onPrintCancel(): void;
  onIndicator(id: string): void;
  /** Go to another year (a theme without values in the chosen year offers the year of its latest value). */
  onPeriod?(period: number): void;
  onPrint(): void;
  onPrintAll: (() => void) | undefined;
}

function ValueCell({ cell, row }: { cell: KompasRow['area']; row: KompasRow }) {
  const { t, compactValue } = useI18n();
  if (!cell)
    return (
      <span className="muted">
        –<span className="visually-hidden"> {t('kompas.notAvailable')}</span>
      </span>
    );
  const reason = missingReason(cell);
  if (reason !== null || cell.value === null) return <MissingValue reason={reason ?? 'not_published'} />;
  return <>{compactValue(cell.value, row.indicator)}</>;
}

function YearNote({ year }: { year: number | null }) {
  return year === null ? null : <span className="muted period-note"> ({year})</span>;
}

function ChangeCell({ row, since }: { row: KompasRow; since: number | null }) {
  const i18n = useI18n();
  if (row.change === null || !row.previous) return <span className="muted">–</span>;
  const delta = i18n.compactDifference(Math.abs(row.change), row.indicator, false);
  const rounded = Number(row.change.toFixed(row.indicator.decimals));
  const arrow = rounded > 0 ? '▲' : rounded < 0 ? '▼' : '=';
  const words =
    rounded > 0
      ? i18n.t('kompas.increase', { delta })
      : rounded < 0
        ? i18n.t('kompas.decrease', { delta })
        : i18n.t('kompas.same');
  return (
    <span className="change">
      <span aria-hidden="true" className="change-value">
        {arrow} {i18n.compactDifference(row.change, row.indicator)}
      </span>
      <span className="visually-hidden">{words}</span>
      <YearNote year={changeCellYear(row, since)} />
    </span>
  );
}

function Sparkline({
  row,
  area,
  period,
  periods,
}: {
  row: KompasRow;
  area: Area;
  period: number;
  periods: readonly [number, number];
}) {
  const i18n = useI18n();
  const element = useMemo(() => {
    const first = row.series[0]?.period ?? period;
    const last = row.series[row.series.length - 1]?.period ?? period;
    return sparkline(withBreaks(row.series, area.breaks), {
      ariaLabel: i18n.t('kompas.sparkline', { indicator: i18n.label(row.indicator), area: area.name, first, last }),
      highlightPeriod: row.shownPeriod ?? period,
      periods,
    });
  }, [row, area.name, area.breaks, period, periods, i18n]);
  return <SvgHost element={element} className="sparkline" />;
}

/** The verdict of one comparison, as a badge with its interval on hover and focus. */
function Verdict({ assessment, kind }: { assessment: IndicatorAssessment | undefined; kind: 'previous' | 'gemeente' }) {
  if (!assessment) return null;
  const comparison = kind === 'previous' ? assessment.vsPrevious : assessment.vsGemeente;
  if (comparison.verdict === 'unknown' && comparison.difference === null) return null;
  return (
    <div className="verdict" data-verdict={comparison.verdict}>
      <VerdictBadge comparison={comparison} indicator={assessment.indicator} kind={kind} compact />
    </div>
  );
}

function AimCell({ assessment }: { assessment: IndicatorAssessment | undefined }) {
  if (!assessment?.aim) return <span className="muted">–</span>;
  return (
    <span data-aim-status={assessment.aim.status}>
      <AimStatusBadge aim={assessment.aim} indicator={assessment.indicator} compact />
    </span>
  );
}

/** The Kompas of one area: per theme, each indicator's value against the gemeente and the Netherlands. */
export const KompasPanel = memo(function KompasPanel({
  area,
  gemeente,
  period,
  periods,
  themes,
  activeIndicator,
  stale,
  assessments,
  summaries,
  signals,
  printJob,
  onPrintCancel,
  onIndicator,
  onPeriod,
  onPrint,
  onPrintAll,
}: KompasPanelProps) {
  const i18n = useI18n();
  const first = periods[0] ?? period;
  const last = periods[periods.length - 1] ?? period;
  const periodRange = useMemo((): [number, number] => [first, last], [first, last]);
  useEffect(() => {
    if (themes.length > 0) performance.mark('gk:kompas-drawn');
  }, [themes]);
  const { t } = i18n;
  return (
    <section
      className="kompas"
      aria-labelledby="kompas-title"
      aria-busy={stale}
      data-area={area.code}
      data-period={period}
    >
      <h2 id="kompas-title">{t('kompas.title', { area: area.name })}</h2>
      <p className="kompas-subtitle">
        {t('kompas.subtitle', {
          level: t(`levelSingular.${area.level}`),
          gemeente: gemeente?.name ?? '',
          period,
        })}
      </p>
      <div className="kompas-actions" data-print-hide>
        <PrintButton onPrint={onPrint} onPrintAll={onPrintAll} job={printJob} onCancel={onPrintCancel} />
      </div>
      {themes.length === 0 && <p>{t('kompas.empty')}</p>}
      {summaries.length > 0 && (
        <CompassGraphic
          summaries={summaries}
          onTheme={(theme) => {
            const table = document.querySelector<HTMLElement>(`table[data-theme="${theme}"]`);
            table?.scrollIntoView({ block: 'start' });
            table?.querySelector<HTMLElement>('caption h3')?.focus();
          }}
        />
      )}
      <SignalList signals={signals} assessments={assessments} />
      {themes.map(({ theme, rows }) => {
        const since = changeSince(rows);
        const latest = themeLatestPeriod(rows, period);
        return (
          <table key={theme} className="kompas-table" data-theme={theme}>
            <caption>
              <h3 tabIndex={-1}>{t(`theme.${theme}`)}</h3>
              {latest !== null && (
                <p className="theme-latest" data-latest-period={latest} data-print-hide>
                  {t('kompas.themeNoData', { period, latest })}{' '}
                  {onPeriod && (
                    <button type="button" className="link-button" onClick={() => onPeriod(latest)}>
                      {t('kompas.themeGoTo', { latest })}
                    </button>
                  )}
                </p>
              )}
            </caption>
            <colgroup>
              <col className="c-indicator" />
              <col className="c-value" />
              <col className="c-ref" />
              <col className="c-ref" />
              <col className="c-change" />
              <col className="c-aim" />
              <col className="c-trend" />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">{t('kompas.indicator')}</th>
                <th scope="col" className="num">
                  {t('kompas.value', { period })}
                </th>
                <th scope="col" className="num">
                  {t('kompas.gemeente')}
                </th>
                <th scope="col" className="num">
                  {t('kompas.nl')}
                </th>
                <th scope="col" className="num" data-since={since ?? undefined}>
                  {since === null ? t('kompas.changePrevious') : t('kompas.change', { period: since })}
                </th>
                <th scope="col">{t('kompas.aim')}</th>
                <th scope="col">{t('kompas.trend')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr
                  key={row.indicator.id}
                  data-indicator={row.indicator.id}
                  className={row.indicator.id === activeIndicator ? 'active' : undefined}
                >
                  <th scope="row">
                    <button
                      type="button"
                      className="link-button"
                      aria-pressed={row.indicator.id === activeIndicator}
                      title={i18n.definition(row.indicator)}
                      onClick={() => onIndicator(row.indicator.id)}
                    >
                      {i18n.label(row.indicator)}
                    </button>
                    {i18n.unitNote(row.indicator) && (
                      <span className="unit-note"> ({i18n.unitNote(row.indicator)})</span>
                    )}
                  </th>
                  <td className="num value" data-cell="area">
                    <ValueCell cell={row.area} row={row} />
                    <YearNote year={valueYear(row, period)} />
                  </td>
                  <td className="num" data-cell="gemeente">
                    <ValueCell cell={row.gemeente} row={row} />
                    {row.gemeente && <YearNote year={valueYear(row, period)} />}
                    <Verdict assessment={assessments.get(row.indicator.id)} kind="gemeente" />
                  </td>
                  <td className="num" data-cell="nl">
                    <ValueCell cell={row.nl} row={row} />
                    {row.nl && <YearNote year={valueYear(row, period)} />}
                  </td>
                  <td className="num" data-cell="change">
                    <ChangeCell row={row} since={since} />
                    <Verdict assessment={assessments.get(row.indicator.id)} kind="previous" />
                  </td>
                  <td data-cell="aim">
                    <AimCell assessment={assessments.get(row.indicator.id)} />
                  </td>
                  <td>
                    <Sparkline row={row} area={area} period={period} periods={periodRange} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
    </section>
  );
});
