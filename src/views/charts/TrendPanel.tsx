import { lazy, Suspense, useDeferredValue, useEffect, useMemo, useRef } from 'react';
import { isolate } from '../../app/bidi.ts';
import { useI18n } from '../../app/i18n/index.tsx';
import { type MissingReason, missingReason, missingWordKey } from '../../app/missingReason.ts';
import { valueInterval } from '../../compass/intervals.ts';
import { breakAtUnmeasured, withBreaks } from '../../compass/seriesBreaks.ts';
import type { AimAssessment } from '../../compass/types.ts';
import type { Aim, Area, Indicator } from '../../data/package.ts';
import { useQuery } from '../../db/useQuery.ts';
import type { ExportTable } from '../../export/csv.ts';
import type { ProfileRow } from '../../queries/kompas.ts';
import { decodeTrend, trendFromProfile, trendQuery } from '../../queries/trend.ts';
import { SvgHost } from './SvgHost.tsx';
import { aimProjection, trendAim } from './trendAim.ts';
import { type TrendSeries, trendChart } from './trendChart.ts';

// The downloads load with the first click's chunk, not with the first view.
const DownloadButtons = lazy(() => import('../data/DownloadButtons.tsx').then((m) => ({ default: m.DownloadButtons })));

export interface TrendPanelProps {
  indicator: Indicator;
  area: Area;
  gemeente: Area | null;
  hasNl: boolean;
  periods: readonly number[];
  period: number;
  aim: Aim | null;
  /** The aim's status for the area: its projection is drawn to the target year. */
  aimAssessment: AimAssessment | null;
  /** Data files the trend needs (partitioned packages). */
  dataFiles?: readonly string[];
  /**
   * The Kompas rows of the area (every indicator, all years) and the codes they are of, or null while they load: the
   * trend is taken from them (trendFromProfile) instead of queried. Left out: the trend asks DuckDB itself.
   */
  profile?: { codes: readonly string[]; rows: readonly ProfileRow[] } | null;
  /** The dataset's attribution, written into the downloads; no downloads without it. */
  attribution?: string;
  /** File name stem of the downloads: "demo-jeugdhulp_pct-WK999901". */
  fileBase?: string;
}

/** The chosen indicator over all years: the area against its gemeente (and NL), with the aim where there is one. */
export function TrendPanel({
  indicator: askedIndicator,
  area: askedArea,
  gemeente: askedGemeente,
  hasNl,
  periods,
  period,
  aim: askedAim,
  aimAssessment: askedAssessment,
  dataFiles,
  profile: askedProfile,
  attribution,
  fileBase,
}: TrendPanelProps) {
  const i18n = useI18n();
  // Another area's rows reach the trend in the render after the one that draws its Kompas (with the Kompas's tables):
  // a click draws the Kompas first (the chart's build and swap were ~20 ms of that render at national), the previous
  // chart staying meanwhile as it does while rows load. Indicator and year switches keep the rows: not deferred.
  const profile = useDeferredValue(askedProfile);
  const askedCodes = useMemo(() => {
    const list = [askedArea.code];
    if (askedGemeente && askedGemeente.code !== askedArea.code) list.push(askedGemeente.code);
    if (hasNl) list.push('NL00');
    return list;
  }, [askedArea.code, askedGemeente, hasNl]);
  const sql = trendQuery({ indicator: askedIndicator.id, codes: askedCodes });
  const fromQuery = useQuery(profile === undefined ? sql : null, decodeTrend, dataFiles);
  const profileRows = profile && profile.codes.join('|') === askedCodes.join('|') ? profile.rows : null;
  const fromProfile = useMemo(
    () => (profileRows ? trendFromProfile(profileRows, askedIndicator.id) : null),
    [profileRows, askedIndicator.id],
  );
  const askedData = profile === undefined ? fromQuery.data : fromProfile;
  const queryLoading = profile === undefined ? fromQuery.loading : fromProfile === null;
  // useQuery keeps the previous rows for the first renders of a new request (the Kompas rows are null while they
  // load): until this request's rows are here the chart of the previous one stays as it was (not redrawn with the new
  // area's or indicator's labels over the old rows, which costs a chart render on every click).
  const owner = useRef<{ data: typeof askedData; sql: string } | null>(null);
  if (askedData !== null && askedData !== owner.current?.data) owner.current = { data: askedData, sql };
  const fresh = owner.current?.sql === sql;
  const asked = {
    indicator: askedIndicator,
    area: askedArea,
    gemeente: askedGemeente,
    aim: askedAim,
    aimAssessment: askedAssessment,
    codes: askedCodes,
    data: askedData,
  };
  const lastShown = useRef(asked);
  const shown = fresh ? asked : lastShown.current;
  useEffect(() => {
    lastShown.current = shown;
  });
  const { indicator, area, gemeente, aim, aimAssessment, codes, data } = shown;
  const loading = queryLoading || !fresh;

  const series = useMemo((): TrendSeries[] => {
    if (!data) return [];
    const breaks: Record<string, number[] | undefined> = {
      [area.code]: area.breaks,
      ...(gemeente ? { [gemeente.code]: gemeente.breaks } : {}),
    };
    const names: Record<string, [string, TrendSeries['role']]> = {
      [area.code]: [isolate(area.name), 'area'],
      ...(gemeente && gemeente.code !== area.code ? { [gemeente.code]: [isolate(gemeente.name), 'reference'] } : {}),
      NL00: [i18n.t('kompas.nl'), 'national'],
    };
    const list = codes
      .map((code) => {
        const rows = data.filter((r) => r.area_code === code);
        const [label, role] = names[code] ?? [code, 'reference'];
        return {
          key: code,
          label,
          role,
          // Only the periods with a row: a year without a measurement is skipped (no gap), a suppressed one breaks.
          // A changed boundary breaks it too (withBreaks).
          points: withBreaks(
            rows.map((r) => ({ period: r.period, value: r.suppressed ? null : r.value })),
            breaks[code],
          ),
        };
      })
      .filter((s) => s.points.some((p) => p.value !== null));
    return breakAtUnmeasured(list);
  }, [data, codes, area, gemeente, i18n]);

  // The area's 95 % interval per year (src/compass/intervals.ts), where it has numerator and denominator.
  const areaBand = useMemo(
    () =>
      (data ?? [])
        .filter((r) => r.area_code === area.code && !r.suppressed)
        .flatMap((r) => {
          const interval = valueInterval(r, indicator);
          return interval ? [{ period: r.period, low: interval.low, high: interval.high }] : [];
        }),
    [data, area.code, indicator],
  );
  // The aim's projection from the last measurement to the target year, with its prediction interval.
  const projection = useMemo(() => aimProjection(aimAssessment), [aimAssessment]);

  const element = useMemo(() => {
    if (series.length === 0) return null;
    const first = periods[0] ?? period;
    const last = periods[periods.length - 1] ?? period;
    return trendChart(series, {
      width: 560,
      height: 260,
      periods: [...periods],
      selectedPeriod: period,
      formatValue: (v) => i18n.value(v, indicator),
      yLabel: i18n.t(`unitName.${indicator.unit}`),
      ariaLabel: i18n.t('trend.aria', {
        indicator: i18n.label(indicator),
        area: area.name,
        gemeente: gemeente?.name ?? '',
        first,
        last,
      }),
      band: areaBand,
      ...(projection && { projection }),
      aim: trendAim(aim, indicator, i18n),
    });
  }, [series, periods, period, indicator, area.name, gemeente, aim, areaBand, projection, i18n]);

  // The series as a table (a column per area, a row per year), for the downloads: exactly what the chart draws.
  const exportTable = useMemo((): ExportTable => {
    const shown = series.map((s) => ({ key: s.key, label: s.label }));
    const rowOf = (code: string, p: number) => data?.find((r) => r.area_code === code && r.period === p);
    return {
      columns: [
        { key: 'period', label: i18n.t('trend.period'), kind: 'integer', grouping: false },
        ...shown.map((s) => ({
          key: s.key,
          label: s.label,
          kind: 'number' as const,
          decimals: indicator.decimals,
          suppressible: true,
        })),
      ],
      rows: periods.map((p) => ({
        period: p,
        ...Object.fromEntries(
          shown.map((s) => {
            const r = rowOf(s.key, p);
            return [s.key, r && !r.suppressed ? r.value : null];
          }),
        ),
      })),
      suppressed: periods.map((p) => shown.filter((s) => rowOf(s.key, p)?.suppressed).map((s) => s.key)),
      reasons: periods.map((p) =>
        Object.fromEntries(
          shown.flatMap((s) => {
            const r = rowOf(s.key, p);
            const reason = r ? missingReason(r) : null;
            return reason ? [[s.key, reason]] : [];
          }),
        ),
      ),
    };
  }, [series, data, periods, indicator.decimals, i18n]);
  const charts = useMemo(
    () => [
      {
        name: 'verloop',
        label: i18n.t('trend.chartName'),
        svg: () => document.querySelector<SVGSVGElement>('.trend .trend-chart svg'),
      },
    ],
    [i18n],
  );

  // Marked only once the chart shows the data asked for (not the previous result kept on screen meanwhile).
  useEffect(() => {
    if (element && !loading) performance.mark('gk:trend-drawn');
  }, [element, loading]);

  const aimLabel = aim ? (i18n.lang === 'en' ? aim.label_en || aim.label_nl : aim.label_nl) : null;
  // Why the area has no value: per reason its years when nothing can be drawn, else the chosen year's reason.
  const areaRows = (data ?? []).filter((r) => r.area_code === area.code);
  const byReason = new Map<MissingReason, number[]>();
  for (const r of areaRows) {
    const reason = missingReason(r);
    if (reason) byReason.set(reason, [...(byReason.get(reason) ?? []), r.period]);
  }
  const missingNote =
    byReason.size > 0 && areaRows.every((r) => missingReason(r) !== null)
      ? i18n.t('missing.trendNone', {
          area: area.name,
          reasons: [...byReason]
            .map(([reason, years]) => `${i18n.t(missingWordKey(reason))} (${years.join(', ')})`)
            .join('; '),
        })
      : null;
  const chosen = areaRows.find((r) => r.period === period);
  const chosenReason = chosen ? missingReason(chosen) : null;
  const yearNote = chosenReason
    ? i18n.t('missing.trendYear', { area: area.name, period, reason: i18n.t(missingWordKey(chosenReason)) })
    : null;
  return (
    <section className="trend" aria-labelledby="trend-title">
      <h2 id="trend-title">{i18n.t('trend.title', { indicator: i18n.label(indicator) })}</h2>
      {aimLabel && <p className="aim-text">{i18n.t('trend.aimDirection', { label: aimLabel })}</p>}
      {element ? (
        <SvgHost element={element} className="trend-chart" />
      ) : (
        data && <p>{missingNote ?? i18n.t('trend.noData')}</p>
      )}
      {element && yearNote && <p className="muted trend-missing">{yearNote}</p>}
      {element && attribution && fileBase && (
        <Suspense fallback={null}>
          <DownloadButtons table={exportTable} baseName={fileBase} attribution={attribution} charts={charts} />
        </Suspense>
      )}
      {series.length > 0 && (
        <table className="visually-hidden">
          <caption>{i18n.t('trend.table')}</caption>
          <thead>
            <tr>
              <th scope="col">{i18n.t('trend.period')}</th>
              {series.map((s) => (
                <th scope="col" key={s.key}>
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {periods.map((p) => (
              <tr key={p}>
                <th scope="row">{p}</th>
                {series.map((s) => {
                  const v = s.points.find((x) => x.period === p)?.value ?? null;
                  return <td key={s.key}>{v === null ? '–' : i18n.value(v, indicator)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
