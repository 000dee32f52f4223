import { useId, useMemo } from 'react';
import { formatNumber } from '../../app/format.ts';
import { useI18n } from '../../app/i18n/index.tsx';
import { leastSquares, pearson } from '../../compass/correlation.ts';
import type { Indicator } from '../../data/package.ts';
import type { ScatterRow } from '../../queries/explore.ts';
import { SvgHost } from '../charts/SvgHost.tsx';
import { AreaTable } from './AreaTable.tsx';
import type { LinkedPanelProps } from './panelProps.ts';
import { scatterChart } from './scatterChart.ts';
import { useAreaPointer } from './useAreaPointer.ts';

export interface ScatterPanelProps extends LinkedPanelProps {
  /** scatterQuery's rows: only areas where both indicators are published. */
  rows: readonly ScatterRow[];
  /** The indicator on the horizontal and on the vertical axis. */
  x: Indicator;
  y: Indicator;
}

/** Two indicators against each other across the areas, with the least-squares line and Pearson's r. */
export function ScatterPanel({
  rows,
  x,
  y,
  period,
  level,
  highlight,
  onHover,
  onSelect,
  width = 560,
}: ScatterPanelProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const titleId = useId();
  const xLabel = i18n.label(x);
  const yLabel = i18n.label(y);
  const stats = useMemo(() => {
    const xs = rows.map((p) => p.x);
    const ys = rows.map((p) => p.y);
    return { r: pearson(xs, ys), fit: leastSquares(xs, ys) };
  }, [rows]);
  const element = useMemo(() => {
    const caption = (r: number | null, n: number) =>
      r === null
        ? t('verkennen.scatter.noR', { n })
        : t('verkennen.scatter.r', { r: formatNumber(r, 2, i18n.lang), n });
    return scatterChart(rows, {
      width,
      height: Math.round(width * 0.62),
      fit: stats.fit,
      r: stats.r,
      highlight,
      formatX: (v) => i18n.compactValue(v, x),
      formatY: (v) => i18n.compactValue(v, y),
      labels: { x: xLabel, y: yLabel, caption, empty: t('verkennen.scatter.empty') },
      ariaLabel: t('verkennen.scatter.aria', { x: xLabel, y: yLabel, level: t(`levelSingular.${level}`), period }),
    });
  }, [rows, width, stats, highlight, x, y, xLabel, yLabel, level, period, i18n, t]);
  useAreaPointer(element, onHover, onSelect);

  return (
    <section className="verkennen-panel scatter" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('verkennen.scatter.title', { x: xLabel, y: yLabel, period })}</h2>
      <SvgHost element={element} className="verkennen-chart" />
      <AreaTable
        caption={t('verkennen.scatter.table', { x: xLabel, y: yLabel, period })}
        columns={[yLabel, xLabel]}
        rows={rows.map((p) => ({
          code: p.code,
          name: p.name,
          cells: [i18n.value(p.y, y), i18n.value(p.x, x)],
        }))}
        onHover={onHover}
        onSelect={onSelect}
      />
    </section>
  );
}
