import { useId, useMemo, useState } from 'react';
import { useI18n } from '../../app/i18n/index.tsx';
import { missingReason } from '../../app/missingReason.ts';
import { namedIn } from '../../data/areaPeriods.ts';
import type { LoadedPackage } from '../../data/load.ts';
import type { Area, Indicator, Level } from '../../data/package.ts';
import { useQuery } from '../../db/useQuery.ts';
import type { ExportTable } from '../../export/csv.ts';
import {
  areaTrendsQuery,
  coverageQuery,
  decodeAreaTrends,
  decodeCoverage,
  decodeRanking,
  decodeScatter,
  rankingQuery,
  scatterQuery,
} from '../../queries/explore.ts';
import { decodeTrend, trendQuery } from '../../queries/trend.ts';
import { DownloadButtons } from '../data/DownloadButtons.tsx';
import { type MapClassification, MapPanel } from '../map/MapPanel.tsx';
import { DistributionPanel } from './DistributionPanel.tsx';
import { FunnelPanel } from './FunnelPanel.tsx';
import { RankingPanel } from './RankingPanel.tsx';
import { ScatterPanel } from './ScatterPanel.tsx';
import { SmallMultiplesPanel } from './SmallMultiplesPanel.tsx';
import { defaultPartner } from './scatterPartner.ts';
import { useChartWidths } from './useChartWidths.ts';
import { useStabilised } from './useStabilised.ts';
import { YearSlider } from './YearSlider.tsx';

const METHODS = ['quantile', 'equal', 'jenks', 'diverging'] as const;
type Method = (typeof METHODS)[number];

export interface VerkennenPageProps {
  pkg: LoadedPackage;
  indicator: Indicator;
  period: number;
  /** The level in the URL (`auto` becomes wijken, or gemeenten in a package of many). */
  level: Level | 'auto';
  area: Area;
  onPeriod(period: number): void;
  onSelect(code: string): void;
  /** Colour, rank and order by the empirical-Bayes stabilised values (kept in the URL). */
  stabilised?: boolean;
  onStabilised?(on: boolean): void;
}

/**
 * One indicator across all areas of a level, in linked views: map, ranking, distribution, trends and a scatter
 * against a second indicator. The area under the pointer (or focused in a chart's table) is highlighted in all.
 */
export function VerkennenPage({
  pkg,
  indicator,
  period,
  level,
  area,
  onPeriod,
  onSelect,
  stabilised = false,
  onStabilised,
}: VerkennenPageProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const many = pkg.geometry.gemeenten > 1;
  const shown: Level = level === 'auto' ? (many ? 'gemeente' : 'wijk') : level;
  // In a package of many gemeenten, wijken and buurten are explored within the selected area's gemeente.
  const gemeente = shown === 'gemeente' || !many ? null : area.gemeente;
  const [method, setMethod] = useState<Method>('quantile');
  const [highlight, setHighlight] = useState<string | null>(null);
  const [brushed, setBrushed] = useState<[number, number] | null>(null);
  const [yChosen, setYId] = useState<string | null>(null);
  const store = pkg.partitions;
  // Which indicators have data for this level and year (a partitioned package would fetch every file to know).
  const coverage = useQuery(store ? null : coverageQuery({ period, level: shown, gemeente }), decodeCoverage);
  const yId = yChosen ?? defaultPartner(pkg.indicators, indicator, store ? null : (coverage.data ?? null));
  const y = pkg.indicators.find((i) => i.id === yId) ?? indicator;

  const files = (ids: readonly string[], periods: readonly number[]) =>
    store ? ids.flatMap((i) => periods.flatMap((p) => store.indicatorPeriod(i, p) ?? [])) : undefined;
  const ranking = useQuery(
    rankingQuery({ indicator: indicator.id, period, level: shown, gemeente }),
    decodeRanking,
    files([indicator.id], [period]),
  );
  const trends = useQuery(
    areaTrendsQuery({ indicator: indicator.id, level: shown, gemeente }),
    decodeAreaTrends,
    files([indicator.id], pkg.meta.periods),
  );
  const scatter = useQuery(
    scatterQuery({ x: indicator.id, y: y.id, period, level: shown, gemeente }),
    decodeScatter,
    files([indicator.id, y.id], [period]),
  );
  const refCode = gemeente ?? area.gemeente;
  const refCodes = useMemo(
    () => [
      ...(refCode && shown !== 'gemeente' ? [refCode] : []),
      ...(pkg.areas.some((a) => a.code === 'NL00') ? ['NL00'] : []),
    ],
    [refCode, shown, pkg.areas],
  );
  const refs = useQuery(
    refCodes.length > 0 ? trendQuery({ indicator: indicator.id, codes: refCodes }) : null,
    decodeTrend,
    files([indicator.id], pkg.meta.periods),
  );
  const reference = useMemo(() => {
    const at = (code: string | null) =>
      refs.data?.find((r) => r.area_code === code && r.period === period && !r.suppressed)?.value ?? undefined;
    const g = refCode && shown !== 'gemeente' ? at(refCode) : undefined;
    const nl = at('NL00');
    return { ...(g !== undefined && g !== null && { gemeente: g }), ...(nl !== undefined && nl !== null && { nl }) };
  }, [refs.data, refCode, shown, period]);
  const gemeenteSeries = useMemo(
    () =>
      refCode && shown !== 'gemeente'
        ? (refs.data ?? [])
            .filter((r) => r.area_code === refCode)
            .map((r) => ({ period: r.period, value: r.suppressed ? null : r.value }))
        : null,
    [refs.data, refCode, shown],
  );
  // Areas as they were called in the year (DuckDB's areas table holds the current names of renamed areas).
  const names = useMemo(() => new Map(namedIn(pkg.areas, period).map((a) => [a.code, a.name])), [pkg.areas, period]);
  const renamed = <R extends { code: string; name: string }>(rows: readonly R[]): R[] =>
    rows.map((r) => {
      const name = names.get(r.code);
      return name !== undefined && name !== r.name ? { ...r, name } : r;
    });
  // The funnel of the year, and the stabilised values in place of the measured ones when they are on.
  // biome-ignore lint/correctness/useExhaustiveDependencies: renamed reads only names
  const rankingData = useMemo(() => renamed(ranking.data ?? []), [ranking.data, names]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: renamed reads only names
  const scatterRows = useMemo(() => renamed(scatter.data ?? []), [scatter.data, names]);
  const stable = useStabilised(trends, rankingData, indicator, period, stabilised);
  const { rows: rankingRows, raw: rawValues } = stable;
  // A range brushed in the histogram fades every area outside it on the map (the values as shown).
  const dimmed = useMemo(() => {
    if (!brushed) return null;
    const [lo, hi] = brushed;
    return new Set(rankingRows.filter((r) => r.value === null || r.value < lo || r.value > hi).map((r) => r.code));
  }, [brushed, rankingRows]);
  const classification = useMemo(
    (): MapClassification =>
      method === 'diverging' ? { method, center: reference.gemeente ?? reference.nl ?? null } : { method },
    [method, reference],
  );
  const [rootRef, widths] = useChartWidths();
  const panel = { indicator, period, level: shown, highlight, onHover: setHighlight, onSelect, width: widths.panel };
  // The ranking as a table, and every chart as drawn, for the downloads (each with the source).
  const exportTable = useMemo(
    (): ExportTable => ({
      columns: [
        { key: 'code', label: t('dataPage.col.code'), kind: 'text' },
        { key: 'name', label: t('dataPage.col.name'), kind: 'text' },
        {
          key: 'value',
          label: i18n.label(indicator),
          kind: 'number',
          decimals: indicator.decimals,
          suppressible: true,
        },
        ...(rawValues
          ? [
              {
                key: 'stabilised',
                label: `${i18n.label(indicator)} (${t('verkennen.col.stabilised').toLowerCase()})`,
                kind: 'number' as const,
                decimals: indicator.decimals,
                suppressible: true,
              },
            ]
          : []),
      ],
      rows: rankingRows.map((r) => ({
        code: r.code,
        name: r.name,
        value: rawValues ? (rawValues.get(r.code) ?? null) : r.value,
        ...(rawValues && { stabilised: r.value }),
      })),
      suppressed: rankingRows.map((r) => (r.suppressed ? ['value', 'stabilised'] : undefined)),
      reasons: rankingRows.map((r) => {
        const reason = missingReason(r);
        return reason ? { value: reason, stabilised: reason } : undefined;
      }),
    }),
    [rankingRows, rawValues, indicator, i18n, t],
  );
  const chartOf = (selector: string) => () => document.querySelector<SVGSVGElement>(`.verkennen ${selector} svg`);
  const charts = [
    { name: 'rangorde', label: t('verkennenPage.chart.ranking'), svg: chartOf('.verkennen-panel.ranking') },
    { name: 'verdeling', label: t('verkennenPage.chart.distribution'), svg: chartOf('.verkennen-panel.distribution') },
    { name: 'spreiding', label: t('verkennenPage.chart.scatter'), svg: chartOf('.verkennen-panel.scatter') },
    { name: 'trechter', label: t('verkennen.funnel.chart'), svg: chartOf('.verkennen-panel.funnel') },
  ];
  const stabiliseId = `${id}-stabilised`;

  // Busy while any chart's rows are still on their way: the charts draw the previous rows (or none) until then.
  const loading = coverage.loading || ranking.loading || trends.loading || scatter.loading || refs.loading;
  return (
    <div className="verkennen" ref={rootRef} aria-busy={loading}>
      <div className="verkennen-controls">
        <YearSlider periods={pkg.meta.periods} value={period} onChange={onPeriod} />
        <div className="control">
          <label htmlFor={`${id}-method`}>{t('verkennenPage.classification')}</label>
          <select id={`${id}-method`} value={method} onChange={(e) => setMethod(e.target.value as Method)}>
            {METHODS.map((m) => (
              <option key={m} value={m}>
                {t(`verkennenPage.method.${m}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="control">
          <label htmlFor={`${id}-y`}>{t('verkennenPage.second')}</label>
          <select id={`${id}-y`} value={y.id} onChange={(e) => setYId(e.target.value)}>
            {pkg.indicators.map((i) => (
              <option key={i.id} value={i.id}>
                {i18n.label(i)}
              </option>
            ))}
          </select>
        </div>
        <div className="control stabilise-control">
          <span>
            <input
              id={stabiliseId}
              type="checkbox"
              checked={stabilised}
              onChange={(e) => onStabilised?.(e.currentTarget.checked)}
              aria-describedby={`${stabiliseId}-explain`}
            />{' '}
            <label htmlFor={stabiliseId}>{t('verkennen.stabilised.label')}</label>
          </span>
          <small id={`${stabiliseId}-explain`} className="unit-note">
            {t(stable.unavailable ? 'verkennen.stabilised.unavailable' : 'verkennen.stabilised.explain')}
          </small>
        </div>
      </div>
      <div className="verkennen-grid">
        <MapPanel
          pkg={pkg}
          indicator={indicator}
          period={period}
          level={shown === 'land' ? 'auto' : shown}
          selected={area.code}
          onSelect={onSelect}
          classification={classification}
          highlight={highlight}
          onHover={setHighlight}
          dimmed={dimmed}
          gemeente={gemeente}
          stabilised={stable.now}
        />
        <RankingPanel
          rows={rankingRows}
          raw={rawValues}
          reference={reference}
          onBrush={setBrushed}
          brushed={brushed}
          {...panel}
        />
        <DistributionPanel
          rows={rankingRows}
          stabilised={stable.now !== null}
          reference={reference}
          onBrush={setBrushed}
          brushed={brushed}
          {...panel}
        />
        <FunnelPanel
          rows={rankingData}
          funnel={stable.funnel}
          centreLabel={
            shown === 'wijk' || shown === 'buurt' ? t('verkennen.gemeente') : t('verkennen.funnel.centreAll')
          }
          {...panel}
        />
        <ScatterPanel
          rows={scatterRows}
          x={indicator}
          y={y}
          period={period}
          level={shown}
          highlight={highlight}
          onHover={setHighlight}
          onSelect={onSelect}
          width={widths.panel}
        />
      </div>
      <section className="verkennen-downloads" aria-label={t('data.download.label')}>
        <DownloadButtons
          table={exportTable}
          baseName={`${pkg.meta.id}-${indicator.id}-${shown}-${period}`}
          attribution={pkg.meta.attribution}
          charts={charts}
        />
      </section>
      <SmallMultiplesPanel
        rows={trends.data ?? []}
        names={names}
        periods={pkg.meta.periods}
        gemeente={gemeenteSeries}
        stabilised={stable.all}
        {...panel}
        width={widths.wide}
      />
    </div>
  );
}
