import { lazy, Suspense, useEffect, useMemo, useSyncExternalStore } from 'react';
import { areasOfPeriod, namedIn } from '../data/areaPeriods.ts';
import type { FirstView } from '../data/firstView.ts';
import type { Area } from '../data/package.ts';
import type { PackageMetadata } from '../data/packageMetadata.ts';
import { effectiveAims } from '../userdata/effectiveAims.ts';
import { useUserAgenda } from '../userdata/useUserAgenda.ts';
import { AgendaContext } from '../views/agenda/AgendaContext.tsx';
import { Controls } from '../views/controls/Controls.tsx';
import { KompasPanel } from '../views/kompas/KompasPanel.tsx';
import { drawnLevels, type MapPackage, MapPanel } from '../views/map/MapPanel.tsx';
import { AreaPicker } from '../views/picker/AreaPicker.tsx';
import { firstKompasGateOpen, openFirstKompasGate, subscribeFirstKompasGate } from './firstKompasGate.ts';
import { useI18n } from './i18n/index.tsx';
import { LoadingProgress } from './LoadingProgress.tsx';
import { resolveSelection } from './resolveSelection.ts';
import type { UrlState } from './urlState.ts';
import { choroplethRowsNow } from './useChoropleth.ts';
import { useKompasModel } from './useKompasModel.ts';
import type { LoadProgress } from './useSession.ts';

// The print report's static map draws the outline; d3-geo comes in its own chunk, while DuckDB starts.
const AreaMiniMap = lazy(() => import('../views/print/AreaMiniMap.tsx').then((m) => ({ default: m.AreaMiniMap })));

export interface LoadingShellProps {
  metadata: PackageMetadata;
  progress: LoadProgress;
  /** The area, indicator and year the URL asks for (else the package's defaults, as the dashboard resolves them). */
  url: Pick<UrlState, 'area' | 'indicator' | 'period' | 'view' | 'level'>;
  /** The package's precomputed first view: the Kompas is drawn from it before DuckDB is ready. */
  firstView: FirstView | null;
  /** A choice on screen (area, indicator, year) goes into the URL. */
  update(change: Partial<UrlState>): void;
}

/**
 * The dashboard's frame while DuckDB starts and loads the observations: the area list (usable: a choice goes into the
 * URL), the gemeente's outline where the map will be, and the Kompas with its verdicts from the package's precomputed
 * first view (the same model as the dashboard's) — or, for a package without one, what is loading, step by step.
 */
export function LoadingShell({ metadata, progress, url, firstView, update }: LoadingShellProps) {
  const i18n = useI18n();
  const socialPeriods = firstView?.socialPeriods;
  const selection = useMemo(
    () => resolveSelection(url, { ...metadata, socialPeriods }),
    [url, metadata, socialPeriods],
  );
  const period = selection.period;
  const named = useMemo(() => namedIn(metadata.areas, period), [metadata.areas, period]);
  const area = named.find((a) => a.code === selection.area) ?? named[0];
  const pickerAreas = useMemo(() => areasOfPeriod(named, period, area?.code ?? null), [named, period, area]);
  const neighbours = useMemo(
    () => (area ? named.filter((a) => a.level === area.level && a.gemeente === area.gemeente).map((a) => a.code) : []),
    [named, area],
  );
  const gemeente = named.find((a) => a.code === area?.gemeente);
  // The map itself where the first view holds its rows (the package's default indicator, every year): drawn as the
  // dashboard draws it, from the same rows and geometry (a partitioned package's wijken and buurten are its files'
  // URLs, fetched by maplibre when drawn).
  const indicator = metadata.indicators.find((i) => i.id === selection.indicator);
  const mapPkg = useMemo(
    (): MapPackage | null =>
      metadata.geometry
        ? {
            meta: metadata.meta,
            areas: metadata.areas,
            indicators: metadata.indicators,
            geometry: metadata.geometry,
            partitions: null,
          }
        : null,
    [metadata],
  );
  const drawsMap = mapPkg && indicator && firstView?.mapPath(indicator.id, period);
  // As in the dashboard, a switch takes the map's rows from the first view's cache when they were fetched ahead (the
  // user may switch while DuckDB starts; gk:map-data), before React renders it.
  const chooseMap = (change: { indicator: string } | { period: number }) => {
    if (mapPkg) {
      const next = { indicator: selection.indicator, period, ...change };
      const levels = drawnLevels(url.level, mapPkg.geometry.gemeenten);
      choroplethRowsNow({ ...next, levels, gemeente: null }, firstView, false);
    }
    update(change);
  };
  // The map (maplibre's code and a WebGL context) follows the Kompas, so the two do not share the cores.
  const kompasDone = useSyncExternalStore(subscribeFirstKompasGate, firstKompasGateOpen);
  const kompasComes = area !== undefined && firstView !== null;
  useEffect(() => {
    if (!kompasComes) openFirstKompasGate();
  }, [kompasComes]);
  return (
    <>
      {/* The Kompas view's choices stand where the dashboard has them, so nothing moves when it takes over. */}
      {url.view === 'kompas' && (
        <Controls
          indicators={metadata.indicators}
          indicator={selection.indicator}
          periods={metadata.meta.periods}
          period={period}
          level={url.level}
          hasCustomAreas={metadata.areas.some((a) => a.level === 'gebied')}
          onIndicator={(id) => chooseMap({ indicator: id })}
          onPeriod={(p) => chooseMap({ period: p })}
          onLevel={(level) => update({ level })}
        />
      )}
      <div className="layout loading-shell">
        <AreaPicker areas={pickerAreas} selected={area?.code ?? null} onSelect={(code) => update({ area: code })} />
        <div className="center">
          {drawsMap && area && !kompasDone ? (
            // What the map panel shows while its code loads, so nothing moves when it comes.
            <div className="map-panel">
              <div className="map map-loading">{i18n.t('map.loading')}</div>
            </div>
          ) : drawsMap && area ? (
            <MapPanel
              pkg={mapPkg}
              indicator={indicator}
              period={period}
              level={url.level}
              selected={area.code}
              onSelect={(code) => update({ area: code })}
              first={firstView}
              handoff="give"
            />
          ) : (
            <div className="map-panel">
              <div className="map map-outline">
                {metadata.outline && area && (
                  <Suspense fallback={null}>
                    <AreaMiniMap
                      collection={metadata.outline}
                      highlight={area.code}
                      codes={neighbours}
                      period={period}
                      width={560}
                      height={440}
                      ariaLabel={i18n.t('print.mapAria', { gemeente: gemeente?.name ?? '', area: area.name })}
                    />
                  </Suspense>
                )}
              </div>
            </div>
          )}
        </div>
        {area && firstView ? (
          <FirstKompas
            metadata={metadata}
            named={named}
            area={area}
            indicator={selection.indicator}
            period={period}
            firstView={firstView}
            progress={progress}
            update={update}
          />
        ) : (
          <KompasLoading area={area ?? null} progress={progress} />
        )}
      </div>
    </>
  );
}

function KompasLoading({ area, progress }: { area: Area | null; progress: LoadProgress }) {
  const i18n = useI18n();
  return (
    <section className="kompas" aria-busy="true" aria-labelledby="kompas-title">
      <h2 id="kompas-title">{area ? i18n.t('kompas.title', { area: area.name }) : i18n.t('app.title')}</h2>
      <LoadingProgress progress={progress} />
    </section>
  );
}

const wait = () => undefined;

/**
 * The Kompas from the first view, with its verdicts, aims (the wijkagenda's included) and signals, while DuckDB
 * starts; what needs DuckDB waits (printing) or follows (the ranks). Until its files are in, what is loading.
 */
function FirstKompas(props: {
  metadata: PackageMetadata;
  named: readonly Area[];
  area: Area;
  indicator: string;
  period: number;
  firstView: FirstView;
  progress: LoadProgress;
  update(change: Partial<UrlState>): void;
}) {
  const { metadata, named, area, indicator, period, firstView, progress, update } = props;
  const areasByCode = useMemo(() => new Map(named.map((a) => [a.code, a])), [named]);
  const gemeente = area.gemeente ? (areasByCode.get(area.gemeente) ?? null) : null;
  const userAgenda = useUserAgenda(metadata.meta.gemeente);
  const aims = useMemo(
    () => effectiveAims(metadata.aims, userAgenda.aims, metadata.areas),
    [metadata.aims, userAgenda.aims, metadata.areas],
  );
  const model = useKompasModel({
    area,
    gemeente,
    areasByCode,
    indicators: metadata.indicators,
    aims,
    periods: metadata.meta.periods,
    period,
    partitioned: metadata.partitioned,
    first: firstView,
    // Own data loads into DuckDB after the package; its indicators join the Kompas then.
    ownData: false,
  });
  // The area's files are asked for while the start screen renders, not after it is committed and laid out.
  useMemo(() => model.warm(area.code), [model.warm, area.code]);
  const drawn = model.profile.data !== null;
  useEffect(() => {
    if (!drawn) return;
    // After the frame that shows the Kompas: what waits for it (DuckDB, the map) starts behind it.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(openFirstKompasGate, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [drawn]);
  if (!drawn) return <KompasLoading area={area} progress={progress} />;
  return (
    <AgendaContext.Provider
      value={{
        api: userAgenda,
        aims,
        indicators: metadata.indicators,
        periods: metadata.meta.periods,
        areasByCode,
      }}
    >
      <KompasPanel
        area={area}
        gemeente={gemeente}
        period={period}
        periods={metadata.meta.periods}
        themes={model.themes}
        activeIndicator={indicator}
        // Busy until the dashboard takes over: the ranks and printing follow with DuckDB.
        stale
        assessments={model.assessments}
        summaries={model.summaries}
        signals={model.signals}
        printJob={null}
        printBusy
        onPrintCancel={wait}
        onIndicator={(id) => update({ indicator: id })}
        onPeriod={(p) => update({ period: p })}
        onPrint={wait}
        onPrintAll={area.gemeente ? wait : undefined}
        onHandout={wait}
        onHandoutAll={area.gemeente ? wait : undefined}
        absent={model.absent}
        gemeentePeriod={gemeente ? (firstView.socialPeriods.get(gemeente.code) ?? null) : null}
        onGemeente={(code, p) => update({ area: code, period: p })}
        deferBelowFold
      />
    </AgendaContext.Provider>
  );
}
