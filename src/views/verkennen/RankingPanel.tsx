import { useId, useMemo } from 'react';
import { useI18n } from '../../app/i18n/index.tsx';
import { MISSING_REASONS, missingReason, missingWordKey } from '../../app/missingReason.ts';
import { valueInterval } from '../../compass/intervals.ts';
import type { Interval } from '../../compass/types.ts';
import type { RankingRow } from '../../queries/explore.ts';
import { SvgHost } from '../charts/SvgHost.tsx';
import { AreaTable } from './AreaTable.tsx';
import type { ValueAxisPanelProps } from './panelProps.ts';
import { rankingChart } from './rankingChart.ts';
import { useAreaPointer } from './useAreaPointer.ts';
import { useValueBrush } from './useValueBrush.ts';

export interface RankingPanelProps extends ValueAxisPanelProps {
  /** rankingQuery's rows, in its order (highest first); with `raw`, the stabilised values in their own order. */
  rows: readonly RankingRow[];
  /**
   * The measured values by code when `rows` carry stabilised values: the bars are then the stabilised values, the
   * measured ones open circles, and the table gives both with the measured value's 95 % interval.
   */
  raw?: ReadonlyMap<string, number | null> | null;
}

/** Every area of the level ranked on one indicator, with 95 % intervals and the gemeente and NL as lines. */
export function RankingPanel({
  rows,
  indicator,
  period,
  level,
  reference,
  highlight,
  onHover,
  onSelect,
  width = 560,
  onBrush,
  brushed = null,
  raw = null,
}: RankingPanelProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const titleId = useId();
  const label = i18n.label(indicator);
  const intervals = useMemo(() => {
    const map = new Map<string, Interval>();
    for (const r of rows) {
      const measured = raw ? { ...r, value: raw.get(r.code) ?? null } : r;
      const interval = r.suppressed ? null : valueInterval(measured, indicator);
      if (interval) map.set(r.code, interval);
    }
    return map;
  }, [rows, indicator, raw]);

  // By value, so that a caller passing a new object with the same numbers does not rebuild the chart.
  const gemeenteValue = reference?.gemeente ?? null;
  const nlValue = reference?.nl ?? null;
  const element = useMemo(
    () =>
      rows.length === 0
        ? null
        : rankingChart(rows, {
            width,
            reference: { gemeente: gemeenteValue, nl: nlValue },
            // A measured value's interval does not belong around its stabilised value: the open circle shows it.
            intervals: raw ? undefined : intervals,
            raw,
            highlight,
            formatValue: (v) => i18n.compactValue(v, indicator),
            labels: {
              gemeente: t('verkennen.gemeente'),
              nl: t('verkennen.nl'),
              suppressed: t('verkennen.suppressed'),
              noData: t('verkennen.noData'),
              missing: Object.fromEntries(MISSING_REASONS.map((m) => [m, t(missingWordKey(m))])),
            },
            ariaLabel: t('verkennen.ranking.aria', { indicator: label, level: t(`levelSingular.${level}`), period }),
            ariaDescription: t(raw ? 'verkennen.ranking.descriptionStabilised' : 'verkennen.ranking.description'),
          }),
    [rows, width, gemeenteValue, nlValue, intervals, raw, highlight, indicator, level, period, label, i18n, t],
  );
  useAreaPointer(element, onHover, onSelect);
  useValueBrush(element, onBrush, brushed);

  const unit = i18n.unitNote(indicator);
  const cell = (r: Pick<RankingRow, 'value' | 'suppressed' | 'status'>) =>
    r.value !== null ? i18n.value(r.value, indicator) : t(missingWordKey(missingReason(r) ?? 'no_data'));
  const range = (code: string) => {
    const w = intervals.get(code);
    return w
      ? t('verkennen.interval', {
          low: i18n.compactValue(w.low, indicator),
          high: i18n.compactValue(w.high, indicator),
        })
      : '–';
  };
  return (
    <section className="verkennen-panel ranking" aria-labelledby={titleId}>
      <h2 id={titleId}>
        {t(raw ? 'verkennen.ranking.titleStabilised' : 'verkennen.ranking.title', { indicator: label, period })}
      </h2>
      {unit && <p className="unit-note">{t('verkennen.unitNote', { unit })}</p>}
      {element && raw && <p className="unit-note">{t('verkennen.ranking.descriptionStabilised')}</p>}
      {element ? <SvgHost element={element} className="verkennen-chart" /> : <p>{t('verkennen.ranking.empty')}</p>}
      {element && onBrush && <p className="unit-note">{t('verkennenPage.brushHint')}</p>}
      <AreaTable
        caption={t('verkennen.ranking.table', { indicator: label, period })}
        columns={
          raw
            ? [
                t('verkennen.col.rank'),
                t('verkennen.col.stabilised'),
                t('verkennen.col.raw'),
                t('verkennen.col.interval'),
              ]
            : [t('verkennen.col.rank'), t('verkennen.col.value'), t('verkennen.col.interval')]
        }
        rows={rows.map((r, i) => ({
          code: r.code,
          name: r.name,
          cells: [
            r.value !== null ? String(i + 1) : '–',
            cell(r),
            ...(raw ? [cell({ value: raw.get(r.code) ?? null, suppressed: r.suppressed, status: r.status })] : []),
            range(r.code),
          ],
        }))}
        onHover={onHover}
        onSelect={onSelect}
      />
    </section>
  );
}
