import {
  lazy,
  Suspense,
  useCallback,
  useContext,
  useDeferredValue,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { applicableAim, assessArea } from '../compass/assess.ts';
import { areasOfPeriod, namedIn } from '../data/areaPeriods.ts';
import { type DatasetListEntry, type FetchedPackage, fetchedFirstView } from '../data/fetchPackage.ts';
import type { LoadedPackage } from '../data/load.ts';
import { type PackageMetadata, packageMetadata } from '../data/packageMetadata.ts';
import { CoordinatorContext } from '../db/useQuery.ts';
import { effectiveAims } from '../userdata/effectiveAims.ts';
import { useUserAgenda } from '../userdata/useUserAgenda.ts';
import { AgendaContext, type AgendaContextValue } from '../views/agenda/AgendaContext.tsx';

import { Controls } from '../views/controls/Controls.tsx';
import { KompasPanel } from '../views/kompas/KompasPanel.tsx';
import { useAreaRanks } from '../views/kompas/useAreaRanks.ts';
import { drawnLevels, MapPanel } from '../views/map/MapPanel.tsx';
import { AreaPicker } from '../views/picker/AreaPicker.tsx';
import { isolate } from './bidi.ts';
import { isSwitching, type LoadFailure } from './datasetSwitch.ts';
import { openFirstKompasGate } from './firstKompasGate.ts';
import type { Lang } from './format.ts';
import { Header } from './Header.tsx';
import { I18nProvider, useI18n } from './i18n/index.tsx';
import { LoadingProgress } from './LoadingProgress.tsx';
import { LoadingShell } from './LoadingShell.tsx';
import { RestartNotice } from './RestartNotice.tsx';
import { type Notice, resolveSelection } from './resolveSelection.ts';
import { revealKompas } from './revealKompas.ts';
import { UpdateNotice } from './UpdateNotice.tsx';
import { type MapLevel, parseUrlState, serializeUrlState, type UrlState } from './urlState.ts';
import { useAreaChoice } from './useAreaChoice.ts';
import { useBrowserPrint } from './useBrowserPrint.ts';
import { choroplethRowsNow } from './useChoropleth.ts';
import { useDwell } from './useDwell.ts';
import { useKompasModel } from './useKompasModel.ts';
import { type OwnDataState, useOwnData } from './useOwnData.ts';
import { type AreaReport, usePrintJob } from './usePrintJob.ts';
import { printRootNow, usePrintRoot } from './usePrintRoot.ts';
import { type Session, useSession } from './useSession.ts';
import { useUrlState } from './useUrlState.ts';
import { ViewErrorBoundary } from './ViewErrorBoundary.tsx';

/** Updates made by a dashboard that is making way for another dataset: dropped, the URL asks for the new one. */
const ignoreUpdate = () => undefined;

export function App() {
  const [url, update] = useUrlState();
  // The URL of what is on screen: kept while another dataset loads, and put back when that load fails.
  const shownUrl = useRef<UrlState | null>(null);
  const onFailed = useCallback(
    (failure: LoadFailure, shownId: string | null) => {
      if (shownId === null || parseUrlState(window.location.search).dataset !== failure.id) return;
      const kept = shownUrl.current?.dataset === shownId ? shownUrl.current : null;
      update(
        {
          dataset: shownId,
          area: kept?.area ?? null,
          indicator: kept?.indicator ?? null,
          period: kept?.period ?? null,
        },
        { replace: true },
      );
    },
    [update],
  );
  const session = useSession(url.dataset, onFailed);
  const own = useOwnData(session.pkg, session.coordinator);
  // From the moment the URL names another dataset until that one is loaded (or has failed and the URL is put back),
  // the dashboard keeps showing the loaded package with its own selection and writes nothing to the URL.
  const switching = isSwitching(url.dataset, { shown: session.pkg, settledRequest: session.settledRequest });

  useEffect(() => {
    if (!switching && session.datasetId) shownUrl.current = { ...url, dataset: session.datasetId };
  }, [switching, session.datasetId, url]);
  const shown = shownUrl.current;
  const dashboardUrl =
    switching && shown
      ? { ...url, dataset: shown.dataset, area: shown.area, indicator: shown.indicator, period: shown.period }
      : url;
  // The Over page and the start screen need only the package's metadata: read from the fetched files while DuckDB
  // still loads.
  const ownReady = own.pkg !== null && own.ready;
  // The start screen stays until the dashboard takes over: the package, once loaded, releases its fetched files before
  // the own data this browser keeps for it is looked up, and the page showed the bare progress list in between.
  const [shellFiles, setShellFiles] = useState<FetchedPackage | null>(null);
  const keptFiles = session.fetched || ownReady ? session.fetched : shellFiles;
  if (keptFiles !== shellFiles) setShellFiles(keptFiles);
  const preview = useMemo(() => (!ownReady && keptFiles ? packageMetadata(keptFiles) : null), [ownReady, keptFiles]);
  const headerDataset =
    switching && url.dataset && session.datasets.some((d) => d.id === url.dataset) ? url.dataset : session.datasetId;

  useEffect(() => {
    document.documentElement.lang = url.lang;
  }, [url.lang]);
  useEffect(() => {
    // No start-screen Kompas on the Over page or after a failed load: DuckDB need not wait for one.
    if (url.view === 'over' || session.status === 'failed') openFirstKompasGate();
  }, [url.view, session.status]);

  return (
    <I18nProvider lang={url.lang}>
      <CoordinatorContext.Provider value={session.coordinator}>
        <Header
          datasets={session.datasets}
          dataset={headerDataset ?? url.dataset}
          title={session.pkg?.meta.title}
          lang={url.lang}
          view={url.view}
          onView={(view) => update({ view })}
          onDataset={(dataset) => update({ dataset, area: null, indicator: null, period: null })}
          onLang={(lang) => update({ lang })}
        />
        {switching && <SwitchingMessage session={session} requested={url.dataset} />}
        <Problems session={session} />
        <RestartNotice session={session} />
        <UpdateNotice />
        <ViewErrorBoundary key={url.view}>
          {own.pkg && own.ready && url.view === 'over' ? (
            <OverMain metadata={own.pkg} />
          ) : url.view === 'over' && preview ? (
            <OverMain metadata={preview} />
          ) : own.pkg && own.ready ? (
            <Dashboard
              key={session.generation}
              pkg={own.pkg}
              own={own}
              datasetId={session.datasetId ?? own.pkg.meta.id}
              url={dashboardUrl}
              update={switching ? ignoreUpdate : update}
              loading={session.status === 'loading'}
              switching={switching}
            />
          ) : (
            <main id="main" className="loading">
              {session.status !== 'failed' &&
                (preview ? (
                  <LoadingShell
                    metadata={preview}
                    progress={session.progress}
                    url={url}
                    firstView={keptFiles?.firstView ?? null}
                    update={update}
                  />
                ) : (
                  <LoadingProgress progress={session.progress} />
                ))}
            </main>
          )}
        </ViewErrorBoundary>
      </CoordinatorContext.Provider>
    </I18nProvider>
  );
}

// Observable Plot is only needed for the trend chart: its own chunk, fetched alongside the rest.
// Views other than the Kompas load when first opened: the first view ships only what it draws.
const DataWorkbench = lazy(() => import('../views/data/DataWorkbench.tsx').then((m) => ({ default: m.DataWorkbench })));
const VerkennenPage = lazy(() =>
  import('../views/verkennen/VerkennenPage.tsx').then((m) => ({ default: m.VerkennenPage })),
);
const OverPage = lazy(() => import('../views/over/OverPage.tsx').then((m) => ({ default: m.OverPage })));
const OverviewPage = lazy(() =>
  import('../views/overview/OverviewPage.tsx').then((m) => ({ default: m.OverviewPage })),
);

/** The levels the overview lists (wijk unless the URL fixes buurt or eigen gebieden). */
const OVERVIEW_LEVELS = ['wijk', 'buurt', 'gebied'] as const satisfies readonly MapLevel[];
const overviewLevel = (level: MapLevel) => OVERVIEW_LEVELS.find((l) => l === level) ?? 'wijk';
const TrendPanel = lazy(() => import('../views/charts/TrendPanel.tsx').then((m) => ({ default: m.TrendPanel })));

function OverMain({ metadata }: { metadata: Omit<PackageMetadata, 'outline' | 'partitioned'> }) {
  return (
    <main id="main" className="over-main">
      <Suspense fallback={<LoadingMessage />}>
        <OverPage
          meta={metadata.meta}
          indicators={metadata.indicators}
          aims={metadata.aims}
          areaName={(code) => metadata.areas.find((a) => a.code === code)?.name}
          areas={metadata.areas}
        />
      </Suspense>
    </main>
  );
}

function LoadingMessage() {
  const { t } = useI18n();
  return (
    <p role="status" className="loading-message">
      {t('app.loadingDataset')}
    </p>
  );
}

/** How the dataset list names a package: its title, and its id (the folder, as in the URL) when that differs. */
export function datasetName(datasets: readonly DatasetListEntry[], id: string, lang: Lang): string {
  const title = datasets.find((d) => d.id === id)?.title[lang];
  return title && title !== id ? `${title} (${id})` : id;
}

function SwitchingMessage({ session, requested }: { session: Session; requested: string | null }) {
  const i18n = useI18n();
  const id = session.loadingId ?? requested;
  if (!id || !session.pkg) return null;
  return (
    <p role="status" className="switching-message">
      {i18n.t('app.switchingDataset', {
        dataset: datasetName(session.datasets, id, i18n.lang),
        shown: session.pkg.meta.title[i18n.lang],
      })}
    </p>
  );
}

function Problems({ session }: { session: Session }) {
  const i18n = useI18n();
  if (session.failedId === null && !session.unknownDataset) return null;
  const failed = session.failedId !== null ? datasetName(session.datasets, session.failedId, i18n.lang) : null;
  return (
    <div className="problems" role="alert" data-failed-dataset={session.failedId ?? undefined}>
      {session.unknownDataset && <p>{i18n.t('app.datasetNotFound', { id: session.unknownDataset })}</p>}
      {failed !== null && (
        <p>
          {session.pkg
            ? i18n.t('app.switchFailed', { dataset: failed, shown: session.pkg.meta.title[i18n.lang] })
            : i18n.t('app.datasetError', { dataset: failed })}{' '}
          <button type="button" className="link-button" onClick={session.dismiss}>
            {i18n.t('app.dismiss')}
          </button>
        </p>
      )}
      {session.error && (
        <p>{i18n.t(session.pkg ? 'app.switchErrorDetail' : 'app.startError', { detail: session.error })}</p>
      )}
      {session.issues.length > 0 && (
        <>
          <p>{i18n.t('app.datasetIssues')}</p>
          <ul>
            {session.issues.map((issue, n) => (
              // Issues have no identity of their own; their order is stable for one load.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <li key={n}>{i18n.issue(issue)}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

interface DashboardProps {
  pkg: LoadedPackage;
  own: OwnDataState;
  datasetId: string;
  url: UrlState;
  update: (change: Partial<UrlState>, options?: { replace?: boolean }) => void;
  loading: boolean;
  /** Another dataset is loading: this one stays on screen, greyed and out of reach, until it is replaced. */
  switching: boolean;
}

function Dashboard({ pkg, own, datasetId, url, update, loading, switching }: DashboardProps) {
  const i18n = useI18n();
  const selection = useMemo(() => resolveSelection(url, pkg), [url, pkg]);
  // Notices outlive the URL repair below (which makes the selection valid), until the user closes them.
  const [notices, setNotices] = useState<Notice[]>([]);
  useEffect(() => {
    if (selection.notices.length > 0) setNotices(selection.notices);
  }, [selection.notices]);

  // Fill in what the URL left open, without adding a history entry: the URL then always reproduces the view. A layout
  // effect, so this happens before the first paint: the Kompas from the first view may be complete at once.
  useLayoutEffect(() => {
    const complete = {
      dataset: datasetId,
      area: selection.area,
      indicator: selection.indicator,
      period: selection.period,
    };
    if (Object.entries(complete).some(([k, v]) => url[k as keyof typeof complete] !== v))
      update(complete, { replace: true });
  }, [datasetId, selection, url, update]);

  // Each area under the name it had in the chosen year (a renamed buurt keeps its code); the same array without renames.
  const namedAreas = useMemo(() => namedIn(pkg.areas, selection.period), [pkg.areas, selection.period]);
  const areasByCode = useMemo(() => new Map(namedAreas.map((a) => [a.code, a])), [namedAreas]);
  const area = areasByCode.get(selection.area)!;
  const gemeente = area.gemeente ? (areasByCode.get(area.gemeente) ?? null) : null;
  const indicator = pkg.indicators.find((i) => i.id === selection.indicator)!;
  const hasNl = areasByCode.has('NL00');
  // The wijkagenda this browser keeps for the gemeente: its aims join the package's wherever aims are assessed
  // (Kompas, trend chart, Overzicht, print), so every view shows the same status.
  const userAgenda = useUserAgenda(pkg.meta.gemeente);
  const aims = useMemo(
    () => effectiveAims(pkg.aims, userAgenda.aims, pkg.areas),
    [pkg.aims, userAgenda.aims, pkg.areas],
  );
  const aimedPkg = useMemo(() => ({ ...pkg, aims }), [pkg, aims]);
  const agendaContext: AgendaContextValue = {
    api: userAgenda,
    aims,
    indicators: pkg.indicators,
    periods: pkg.meta.periods,
    areasByCode,
  };

  // The Kompas (150 rows with small charts at national scale) follows a switch at low priority, so the map and the
  // trend chart repaint first; React renders it right after, interruptibly.
  const kompasPeriod = useDeferredValue(selection.period);
  const kompasIndicator = useDeferredValue(indicator.id);
  const ownData = own.files.length > 0;
  // The package's precomputed first view answers where it can (the start screen drew from it already), else DuckDB.
  const firstView = useMemo(() => fetchedFirstView(datasetId), [datasetId]);
  const mapLevels = useMemo(() => drawnLevels(url.level, pkg.geometry.gemeenten), [url.level, pkg.geometry.gemeenten]);
  // An indicator or year switch takes the map's rows from the first view's cache here, when they were fetched ahead
  // (gk:map-data), before React renders the switch; the map then draws that same array.
  const chooseMap = useCallback(
    (change: { indicator: string } | { period: number }) => {
      const next = { indicator: indicator.id, period: selection.period, ...change };
      choroplethRowsNow({ ...next, levels: mapLevels, gemeente: null }, firstView, ownData);
      update(change);
    },
    [indicator.id, selection.period, mapLevels, firstView, ownData, update],
  );
  const onIndicator = useCallback((id: string) => chooseMap({ indicator: id }), [chooseMap]);
  const onPeriod = useCallback((period: number) => chooseMap({ period }), [chooseMap]);
  const onPlainIndicator = useCallback((id: string) => update({ indicator: id }), [update]);
  const onPlainPeriod = useCallback((period: number) => update({ period }), [update]);
  const onLevel = useCallback((level: MapLevel) => update({ level }), [update]);
  // At national scale ~18.000 areas: looked at once per package, not at every render.
  const hasCustomAreas = useMemo(() => pkg.areas.some((a) => a.level === 'gebied'), [pkg.areas]);
  const onGemeente = useCallback((code: string, period: number) => update({ area: code, period }), [update]);
  const model = useKompasModel({
    area,
    gemeente,
    areasByCode,
    indicators: pkg.indicators,
    aims,
    periods: pkg.meta.periods,
    period: kompasPeriod,
    partitioned: pkg.partitions !== null,
    first: firstView,
    ownData,
  });
  const { profileRequest, profile, dispersion, themes, absent, assessments, summaries } = model;
  const signalList = model.signals;
  // The trend is the Kompas rows of one indicator (same codes): taken from them, not queried; queried only when they
  // failed. Null while they load.
  const trendProfile = useMemo(
    () =>
      profile.error
        ? undefined
        : profile.data && !profile.loading
          ? { codes: profileRequest.codes, rows: profile.data }
          : null,
    [profile.error, profile.data, profile.loading, profileRequest.codes],
  );
  const ranks = useAreaRanks({
    area: model.shownArea.code,
    areas: areasByCode,
    partitioned: pkg.partitions !== null,
    themes,
    indicators: pkg.indicators,
    dispersion,
  });
  const coordinatorForPrint = useContext(CoordinatorContext);
  const print = usePrintJob(coordinatorForPrint, aimedPkg, kompasPeriod);
  const clearPrint = print.clear;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a report belongs to one area and year
  useEffect(() => clearPrint(), [area.code, selection.period, clearPrint]);
  // The report of the Kompas on screen: what the print button prints, and Ctrl+P too.
  const shownReport = useCallback(
    (): AreaReport => ({
      area: model.shownArea,
      gemeente: model.shownGemeente,
      themes,
      assessments,
      summaries,
      signals: signalList,
    }),
    [model.shownArea, model.shownGemeente, themes, assessments, summaries, signalList],
  );
  const onPrint = useCallback(() => print.printOne(shownReport()), [print.printOne, shownReport]);
  const PrintRoot = usePrintRoot(print.reports !== null);
  // Reports a print button prepared (or is preparing) print as they are: Ctrl+P does not replace them.
  useBrowserPrint(
    url.view === 'kompas' && print.reports === null && !print.busy
      ? {
          render: () => {
            if (printRootNow() === null) return false;
            print.showOne(shownReport());
            return true;
          },
          clear: clearPrint,
        }
      : null,
  );
  const onPrintAll = area.gemeente ? () => print.printAll(area.gemeente!, areasByCode) : undefined;
  const onHandout = () => print.handoutOne(area, areasByCode);
  const onHandoutAll = area.gemeente ? () => print.handoutAll(area.gemeente!, areasByCode) : undefined;
  // The trend chart follows the chosen year at once, its aim and aim status too: from the Kompas's deferred verdicts
  // they changed a render later, and the chart was drawn twice per year switch, the second time after the Kompas.
  // The indicator's aim status alone (assessArea of one indicator gives its aim as of all of them).
  const aim = applicableAim(aims, indicator.id, area.code, selection.period);
  const trendRows = model.shownArea.code === area.code && !profile.loading ? profile.data : null;
  const trendAimAssessment = useMemo(
    () =>
      trendRows && dispersion
        ? (assessArea({
            rows: trendRows,
            indicators: [indicator],
            aims,
            area: area.code,
            gemeente: gemeente?.code ?? null,
            period: selection.period,
            dispersion,
          })[0]?.aim ?? null)
        : null,
    [trendRows, dispersion, indicator, aims, area.code, gemeente?.code, selection.period],
  );

  useEffect(() => {
    document.title = `${isolate(area.name)} · ${i18n.t('app.title')}`;
  }, [area.name, i18n]);

  const pickerAreas = useMemo(
    () => areasOfPeriod(namedAreas, selection.period, area.code),
    [namedAreas, selection.period, area.code],
  );
  // The area the pointer rests on (map or list) starts loading, so the click that follows finds its data.
  const onAreaDwell = useDwell(model.warm);
  const onAreaPress = useCallback((code: string) => void model.warm(code), [model.warm]);
  // The new Kompas's data is asked for at once, and the choice made once it is here: one render per click.
  const select = useAreaChoice(
    model.warm,
    useCallback((code: string) => update({ area: code }), [update]),
  );
  // A choice on the map or in the list shows its Kompas once rendered: focused where the layout stacks it below the
  // map, announced politely where it stands beside it.
  const revealed = useRef<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const chooseArea = (code: string) => {
    revealed.current = code;
    select(code);
  };
  useEffect(() => {
    if (revealed.current !== area.code) return;
    revealed.current = null;
    setAnnouncement(revealKompas() ? '' : i18n.t('kompas.title', { area: area.name }));
  }, [area.code, area.name, i18n]);
  // The indicator, year and level choice shared by the Kompas and Verkennen views; Verkennen has its own year slider
  // (years at their distance in time, with Play), so there the year is not offered twice.
  const controls = (showPeriod: boolean) => (
    <Controls
      indicators={pkg.indicators}
      indicator={indicator.id}
      periods={pkg.meta.periods}
      period={selection.period}
      level={url.level}
      hasCustomAreas={hasCustomAreas}
      // The Kompas view's map is the one whose rows the switch takes at once (Verkennen's may be one gemeente's).
      onIndicator={showPeriod ? onIndicator : onPlainIndicator}
      onPeriod={onPeriod}
      onLevel={onLevel}
      showPeriod={showPeriod}
    />
  );
  const content = (
    <main
      id="main"
      className={switching ? 'dashboard switching' : 'dashboard'}
      aria-busy={loading || switching || profile.loading}
      inert={switching}
      data-dataset={datasetId}
    >
      {notices.length > 0 && (
        <div className="notices" role="status">
          {notices.map((n) => (
            <p key={n.key}>
              {i18n.t(n.key, n.params)}{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => setNotices((list) => list.filter((x) => x !== n))}
              >
                {i18n.t('app.dismiss')}
              </button>
            </p>
          ))}
        </div>
      )}
      {url.view === 'data' ? (
        <Suspense fallback={<LoadingMessage />}>
          <DataWorkbench
            pkg={pkg}
            indicator={indicator}
            period={selection.period}
            own={own}
            connector={coordinatorForPrint?.connector ?? null}
          />
        </Suspense>
      ) : url.view === 'overzicht' ? (
        <>
          <Controls
            indicators={pkg.indicators}
            indicator={indicator.id}
            periods={pkg.meta.periods}
            period={selection.period}
            level={overviewLevel(url.level)}
            levels={OVERVIEW_LEVELS}
            levelLabel={i18n.t('overview.level')}
            showIndicator={false}
            hasCustomAreas={hasCustomAreas}
            onIndicator={onPlainIndicator}
            onPeriod={onPlainPeriod}
            onLevel={onLevel}
          />
          <Suspense fallback={<LoadingMessage />}>
            <OverviewPage
              pkg={aimedPkg}
              area={area}
              period={selection.period}
              level={overviewLevel(url.level)}
              areasByCode={areasByCode}
              kompasHref={(code) => serializeUrlState({ ...url, view: 'kompas', area: code })}
              onOpenKompas={(code) => update({ view: 'kompas', area: code })}
              aboutHref={`${serializeUrlState({ ...url, view: 'over' })}#method-signals`}
              onAbout={() => update({ view: 'over' })}
            />
          </Suspense>
        </>
      ) : url.view === 'verkennen' ? (
        <>
          {controls(false)}
          <Suspense fallback={<LoadingMessage />}>
            <VerkennenPage
              pkg={pkg}
              indicator={indicator}
              period={selection.period}
              level={url.level}
              area={area}
              onPeriod={(period) => update({ period }, { replace: true })}
              onSelect={select}
              stabilised={url.stabilised}
              onStabilised={(on) => update({ stabilised: on })}
            />
          </Suspense>
        </>
      ) : (
        <>
          {controls(true)}
          <p className="visually-hidden" role="status">
            {announcement}
          </p>
          <div className="layout">
            <AreaPicker areas={pickerAreas} selected={area.code} onSelect={chooseArea} onHover={onAreaDwell} />
            <div className="center">
              <MapPanel
                pkg={pkg}
                indicator={indicator}
                period={selection.period}
                level={url.level}
                selected={area.code}
                onSelect={chooseArea}
                onHover={onAreaDwell}
                onPress={onAreaPress}
                first={firstView}
                ownData={ownData}
                handoff="take"
              />
              <Suspense fallback={null}>
                <TrendPanel
                  indicator={indicator}
                  area={area}
                  gemeente={gemeente}
                  hasNl={hasNl}
                  periods={pkg.meta.periods}
                  period={selection.period}
                  aim={aim}
                  aimAssessment={trendAimAssessment}
                  dataFiles={profileRequest.partitions}
                  profile={trendProfile}
                  attribution={pkg.meta.attribution}
                  fileBase={`${pkg.meta.id}-${indicator.id}-${area.code}`}
                />
              </Suspense>
            </div>
            <KompasPanel
              area={model.shownArea}
              gemeente={model.shownGemeente}
              period={kompasPeriod}
              periods={pkg.meta.periods}
              themes={themes}
              activeIndicator={kompasIndicator}
              stale={
                profile.loading ||
                model.spreadLoading ||
                dispersion === null ||
                kompasPeriod !== selection.period ||
                kompasIndicator !== indicator.id
              }
              assessments={assessments}
              summaries={summaries}
              signals={signalList}
              ranks={ranks}
              printJob={print.job}
              onPrintCancel={print.cancel}
              onIndicator={onIndicator}
              onPeriod={onPeriod}
              onPrint={onPrint}
              onPrintAll={onPrintAll}
              onHandout={onHandout}
              onHandoutAll={onHandoutAll}
              absent={absent}
              gemeentePeriod={gemeente ? (pkg.socialPeriods?.get(gemeente.code) ?? null) : null}
              onGemeente={onGemeente}
            />
          </div>
        </>
      )}
      {/* The overview is a print root of its own: a Kompas printed earlier must not print with it. */}
      {print.reports && PrintRoot && url.view !== 'overzicht' && (
        <PrintRoot reports={print.reports} pkg={pkg} period={kompasPeriod} i18n={i18n} onReady={print.ready} />
      )}
      <footer className="footer">
        <p>{i18n.t('app.source', { attribution: pkg.meta.attribution })}</p>
        <p>{i18n.t('app.privacy')}</p>
      </footer>
    </main>
  );
  return <AgendaContext.Provider value={agendaContext}>{content}</AgendaContext.Provider>;
}
