import { useId, useMemo } from 'react';
import { useI18n } from '../../app/i18n/index.tsx';
import type { RankingRow } from '../../queries/explore.ts';
import { SvgHost } from '../charts/SvgHost.tsx';
import { AreaTable } from './AreaTable.tsx';
import { distributionChart } from './distributionChart.ts';
import type { ValueAxisPanelProps } from './panelProps.ts';
import { useAreaPointer } from './useAreaPointer.ts';
import { useValueBrush } from './useValueBrush.ts';

export interface DistributionPanelProps extends ValueAxisPanelProps {
  /** The same rows as the ranking (rankingQuery): suppressed and missing values are left out of the histogram. */
  rows: readonly Pick<RankingRow, 'code' | 'name' | 'value'>[];
  /** The values are stabilised ones (as the ranking's and the map's): the title says so. */
  stabilised?: boolean;
}

/** How the areas' values spread: a histogram with one cell per area, the selected area marked. */
export function DistributionPanel({
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
  stabilised = false,
}: DistributionPanelProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const titleId = useId();
  const label = i18n.label(indicator);
  const valued = useMemo(
    () =>
      rows
        .filter((r): r is typeof r & { value: number } => r.value !== null)
        .sort((a, b) => a.value - b.value || a.name.localeCompare(b.name, i18n.lang)),
    [rows, i18n.lang],
  );
  const gemeenteValue = reference?.gemeente ?? null;
  const nlValue = reference?.nl ?? null;
  const element = useMemo(
    () =>
      distributionChart(rows, {
        width,
        highlight,
        reference: { gemeente: gemeenteValue, nl: nlValue },
        formatValue: (v) => i18n.compactValue(v, indicator),
        labels: {
          gemeente: t('verkennen.gemeente'),
          nl: t('verkennen.nl'),
          count: t('verkennen.distribution.count'),
          empty: t('verkennen.distribution.empty'),
        },
        ariaLabel: i18n.plural('verkennen.distribution.aria', valued.length, {
          indicator: label,
          level: t(`level.${level}`).toLowerCase(),
          period,
        }),
      }),
    [rows, valued.length, width, highlight, gemeenteValue, nlValue, indicator, level, period, label, i18n, t],
  );
  useAreaPointer(element, onHover, onSelect);
  useValueBrush(element, onBrush, brushed);
  const rangeId = useId();

  // The keyboard way to the same filter: type the range instead of dragging it.
  const setRange = (lo: number, hi: number) => {
    if (!onBrush) return;
    const a = Number.isFinite(lo) ? lo : Number.NEGATIVE_INFINITY;
    const b = Number.isFinite(hi) ? hi : Number.POSITIVE_INFINITY;
    onBrush(a === Number.NEGATIVE_INFINITY && b === Number.POSITIVE_INFINITY ? null : [Math.min(a, b), Math.max(a, b)]);
  };

  const unit = i18n.unitNote(indicator);
  return (
    <section className="verkennen-panel distribution" aria-labelledby={titleId}>
      <h2 id={titleId}>
        {t(stabilised ? 'verkennen.distribution.titleStabilised' : 'verkennen.distribution.title', {
          indicator: label,
          period,
        })}
      </h2>
      {unit && <p className="unit-note">{t('verkennen.unitNote', { unit })}</p>}
      <SvgHost element={element} className="verkennen-chart" />
      {onBrush && (
        <fieldset className="brush-range">
          <legend>{t('verkennenPage.brush')}</legend>
          <label htmlFor={`${rangeId}-lo`}>{t('verkennenPage.brushFrom')}</label>{' '}
          <input
            id={`${rangeId}-lo`}
            type="number"
            step="any"
            value={brushed ? round(brushed[0]) : ''}
            onChange={(e) => setRange(e.target.valueAsNumber, brushed?.[1] ?? Number.POSITIVE_INFINITY)}
          />{' '}
          <label htmlFor={`${rangeId}-hi`}>{t('verkennenPage.brushTo')}</label>{' '}
          <input
            id={`${rangeId}-hi`}
            type="number"
            step="any"
            value={brushed && Number.isFinite(brushed[1]) ? round(brushed[1]) : ''}
            onChange={(e) => setRange(brushed?.[0] ?? Number.NEGATIVE_INFINITY, e.target.valueAsNumber)}
          />{' '}
          <button type="button" onClick={() => onBrush(null)} disabled={!brushed}>
            {t('verkennenPage.brushClear')}
          </button>
        </fieldset>
      )}
      <AreaTable
        caption={t('verkennen.distribution.table', { indicator: label, period })}
        columns={[t('verkennen.col.value')]}
        rows={valued.map((r) => ({ code: r.code, name: r.name, cells: [i18n.value(r.value, indicator)] }))}
        onHover={onHover}
        onSelect={onSelect}
      />
    </section>
  );
}

const round = (v: number) => Math.round(v * 1000) / 1000;
