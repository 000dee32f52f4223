import { useId, useMemo, useState } from 'react';
import { useI18n } from '../../app/i18n/index.tsx';
import type { Indicator } from '../../data/package.ts';
import type { AreaTrendRow } from '../../queries/explore.ts';
import { SvgHost } from '../charts/SvgHost.tsx';
import { AreaTable } from './AreaTable.tsx';
import type { LinkedPanelProps } from './panelProps.ts';
import { orderSeries, type SeriesLimit, smallMultiples, toAreaSeries } from './smallMultiples.ts';
import { useAreaPointer } from './useAreaPointer.ts';

/** `period`, the selected year: panels are ordered by it and show a dot on it. */
export interface SmallMultiplesPanelProps extends LinkedPanelProps {
  /** areaTrendsQuery's rows. */
  rows: readonly AreaTrendRow[];
  /** Area names by code (the package's areas). */
  names: ReadonlyMap<string, string>;
  indicator: Indicator;
  /** The package's periods: every panel spans them all. */
  periods: readonly number[];
  /** The gemeente's values over the years, drawn dashed in every panel. */
  gemeente?: { period: number; value: number | null }[] | null;
  /** How many panels "top" and "bottom" show (default 12). */
  limitCount?: number;
  /**
   * Stabilised values (period → code → value, src/compass/levelFunnel.ts): the lines and the top and bottom follow
   * them instead of the measured values; the table keeps the measured values and adds the stabilised one.
   */
  stabilised?: ReadonlyMap<number, ReadonlyMap<string, number>> | null;
}

type Show = 'all' | SeriesLimit['order'];

/** One small trend chart per area, optionally only the highest or lowest N in the selected year. */
export function SmallMultiplesPanel({
  rows,
  names,
  indicator,
  periods,
  period,
  level,
  gemeente,
  highlight,
  onHover,
  onSelect,
  width = 560,
  limitCount = 12,
  stabilised = null,
}: SmallMultiplesPanelProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const titleId = useId();
  const selectId = useId();
  const label = i18n.label(indicator);
  const [show, setShow] = useState<Show>('all');
  const measured = useMemo(() => toAreaSeries(rows, names), [rows, names]);
  const series = useMemo(
    () =>
      stabilised
        ? toAreaSeries(
            rows.map((r) => ({ ...r, value: r.suppressed ? null : (stabilised.get(r.period)?.get(r.code) ?? null) })),
            names,
          )
        : measured,
    [rows, names, measured, stabilised],
  );
  const measuredOf = useMemo(() => new Map(measured.map((s) => [s.code, s])), [measured]);
  const limit = useMemo(
    (): SeriesLimit | null => (show === 'all' ? null : { order: show, count: limitCount, period }),
    [show, limitCount, period],
  );
  const shown = useMemo(() => orderSeries(series, period, limit, highlight), [series, period, limit, highlight]);

  const element = useMemo(
    () =>
      smallMultiples(series, {
        width,
        periods,
        highlight,
        selectedPeriod: period,
        limit,
        reference: gemeente ? { label: t('verkennen.gemeente'), points: gemeente } : null,
        formatValue: (v) => i18n.compactValue(v, indicator),
        emptyLabel: t('verkennen.trends.empty'),
        ariaLabel: t('verkennen.trends.aria', {
          indicator: label,
          level: t(`levelSingular.${level}`),
          first: periods[0] ?? period,
          last: periods.at(-1) ?? period,
        }),
      }),
    [series, width, periods, highlight, period, limit, gemeente, indicator, level, label, i18n, t],
  );
  useAreaPointer(element, onHover, onSelect);

  const cell = (v: number | null) => (v === null ? '–' : i18n.value(v, indicator));
  return (
    <section className="verkennen-panel small-multiples" aria-labelledby={titleId}>
      <h2 id={titleId}>
        {t(stabilised ? 'verkennen.trends.titleStabilised' : 'verkennen.trends.title', { indicator: label })}
      </h2>
      <p className="verkennen-controls">
        <label htmlFor={selectId}>{t('verkennen.trends.show')} </label>
        <select id={selectId} value={show} onChange={(e) => setShow(e.currentTarget.value as Show)}>
          <option value="all">{t('verkennen.trends.all')}</option>
          <option value="top">{t('verkennen.trends.top', { count: limitCount, period })}</option>
          <option value="bottom">{t('verkennen.trends.bottom', { count: limitCount, period })}</option>
        </select>
      </p>
      <SvgHost element={element} className="verkennen-chart" />
      <AreaTable
        caption={t('verkennen.trends.table', { indicator: label })}
        columns={[...periods.map(String), ...(stabilised ? [t('verkennen.col.stabilisedIn', { period })] : [])]}
        rows={shown.map((s) => ({
          code: s.code,
          name: s.name,
          cells: [
            ...periods.map((p) => cell(measuredOf.get(s.code)?.points.find((x) => x.period === p)?.value ?? null)),
            ...(stabilised ? [cell(s.points.find((x) => x.period === period)?.value ?? null)] : []),
          ],
        }))}
        onHover={onHover}
        onSelect={onSelect}
      />
    </section>
  );
}
