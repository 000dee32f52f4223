import { useId, useMemo } from 'react';
import { formatNumber } from '../../app/format.ts';
import { useI18n } from '../../app/i18n/index.tsx';
import type { Funnel } from '../../compass/funnel.ts';
import type { Indicator } from '../../data/package.ts';
import type { RankingRow } from '../../queries/explore.ts';
import { SvgHost } from '../charts/SvgHost.tsx';
import { AreaTable } from './AreaTable.tsx';
import { type FunnelChartPoint, funnelChart } from './funnelChart.ts';
import type { LinkedPanelProps } from './panelProps.ts';
import { useAreaPointer } from './useAreaPointer.ts';

export interface FunnelPanelProps extends LinkedPanelProps {
  indicator: Indicator;
  /** The ranking's rows of the period (raw values and counts); suppressed areas are not drawn. */
  rows: readonly RankingRow[];
  /** The funnel of the period (src/compass/levelFunnel.ts); null when the indicator has no counts. */
  funnel: Funnel | null;
  /** What the centre line is: the gemeente, or all areas together where they do not make up one gemeente. */
  centreLabel: string;
}

/**
 * The funnel plot: every area's value against the number of people it rests on, with limits around the gemeente
 * that narrow as areas grow and include the ordinary variation between areas. The areas outside the 99,8 % limits
 * are named in the chart and listed below it.
 */
export function FunnelPanel({
  indicator,
  rows,
  funnel,
  centreLabel,
  period,
  level,
  highlight,
  onHover,
  onSelect,
  width = 560,
}: FunnelPanelProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const titleId = useId();
  const label = i18n.label(indicator);
  const points = useMemo(
    (): FunnelChartPoint[] =>
      rows.flatMap((r) =>
        !r.suppressed && r.value !== null && r.denominator !== null && r.denominator > 0
          ? [{ code: r.code, name: r.name, value: r.value, denominator: r.denominator }]
          : [],
      ),
    [rows],
  );
  const element = useMemo(
    () =>
      funnel && points.length > 0
        ? funnelChart(points, {
            width,
            height: Math.round(width * 0.66),
            funnel,
            highlight,
            formatValue: (v) => i18n.compactValue(v, indicator),
            formatCount: (n) => formatNumber(n, 0, i18n.lang),
            labels: {
              x: t('verkennen.funnel.x'),
              y: label,
              centre: centreLabel,
              inner: t('verkennen.funnel.inner'),
              outer: t('verkennen.funnel.outer'),
            },
            ariaLabel: t('verkennen.funnel.aria', { indicator: label, level: t(`levelSingular.${level}`), period }),
            ariaDescription: t('verkennen.funnel.explain'),
          })
        : null,
    [funnel, points, width, highlight, indicator, label, centreLabel, level, period, i18n, t],
  );
  useAreaPointer(element, onHover, onSelect);

  const outside998 = useMemo(() => new Set(funnel?.outside998 ?? []), [funnel]);
  const outside95 = useMemo(() => new Set(funnel?.outside95 ?? []), [funnel]);
  const side = (p: FunnelChartPoint) =>
    funnel && p.value > funnel.centre ? t('verkennen.funnel.higher') : t('verkennen.funnel.lower');
  const outliers = points
    .filter((p) => outside998.has(p.code))
    .sort((a, b) => a.name.localeCompare(b.name, i18n.lang))
    .map((p) => `${p.name} (${side(p)})`);
  const position = (p: FunnelChartPoint) =>
    outside998.has(p.code)
      ? t('verkennen.funnel.outside998', { side: side(p) })
      : outside95.has(p.code)
        ? t('verkennen.funnel.outside95', { side: side(p) })
        : t('verkennen.funnel.inside');
  const unit = i18n.unitNote(indicator);
  return (
    <section className="verkennen-panel funnel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('verkennen.funnel.title', { indicator: label, period })}</h2>
      {!funnel ? (
        <p>{t('verkennen.funnel.noCounts')}</p>
      ) : points.length === 0 ? (
        <p>{t('verkennen.ranking.empty')}</p>
      ) : (
        <>
          {unit && <p className="unit-note">{t('verkennen.unitNote', { unit })}</p>}
          <p className="unit-note">{t('verkennen.funnel.explain')}</p>
          <SvgHost element={element} className="verkennen-chart" />
          <p className="funnel-outside">
            {outliers.length > 0
              ? t('verkennen.funnel.outsideList', { areas: outliers.join(', ') })
              : t('verkennen.funnel.noneOutside')}
          </p>
          <AreaTable
            caption={t('verkennen.funnel.table', { indicator: label, period })}
            columns={[
              t('verkennen.col.value'),
              t('verkennen.funnel.col.denominator'),
              t('verkennen.funnel.col.limits'),
            ]}
            rows={points.map((p) => ({
              code: p.code,
              name: p.name,
              cells: [i18n.value(p.value, indicator), formatNumber(p.denominator, 0, i18n.lang), position(p)],
            }))}
            onHover={onHover}
            onSelect={onSelect}
          />
        </>
      )}
    </section>
  );
}
