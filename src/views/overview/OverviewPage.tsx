import { type MouseEvent, useEffect, useId, useMemo, useState } from 'react';
import { useI18n } from '../../app/i18n/index.tsx';
import type { MapLevel } from '../../app/urlState.ts';
import { hasSignals } from '../../compass/overview.ts';
import { existsIn, namedIn } from '../../data/areaPeriods.ts';
import type { LoadedPackage } from '../../data/load.ts';
import type { Area } from '../../data/package.ts';
import { PrintButton } from '../print/PrintButton.tsx';
import { formatPrintDate, sourceLine } from '../print/PrintReport.tsx';
import { OverviewTable } from './OverviewTable.tsx';
import { useOverview } from './useOverview.ts';
import './overview.css';

/** The levels the overview lists (App.tsx picks one from the URL; wijk by default). */
export type OverviewLevel = Extract<MapLevel, 'wijk' | 'buurt' | 'gebied'>;

export interface OverviewPageProps {
  pkg: LoadedPackage;
  /** The selected area: the overview lists the areas of its gemeente. */
  area: Area;
  period: number;
  level: OverviewLevel;
  areasByCode: ReadonlyMap<string, Area>;
  kompasHref(code: string): string;
  onOpenKompas(code: string): void;
  /** The Over page's section on signals. */
  aboutHref: string;
  onAbout(): void;
}

/** The gemeente whose areas are listed: the selected area's, else the package's own. */
function gemeenteOf(area: Area, pkg: LoadedPackage, areasByCode: ReadonlyMap<string, Area>): Area | null {
  const code = area.level === 'gemeente' ? area.code : (area.gemeente ?? pkg.meta.gemeente);
  return areasByCode.get(code) ?? pkg.areas.find((a) => a.level === 'gemeente') ?? null;
}

/** After the Over page has loaded (it is a chunk of its own), scroll to its section on signals. */
function scrollWhenPresent(id: string, timeout = 5000) {
  const found = () => {
    const el = document.getElementById(id);
    if (!el) return false;
    el.scrollIntoView();
    return true;
  };
  if (found()) return;
  const observer = new MutationObserver(() => found() && observer.disconnect());
  observer.observe(document.body, { childList: true, subtree: true });
  setTimeout(() => observer.disconnect(), timeout);
}

/**
 * "Overzicht": for one year and level, every area of the gemeente against the themes, with each area's signals and
 * the status of its aims — what a gebiedsregisseur or the council would otherwise read from one Kompas after
 * another. The page itself is the print root: print.css prints only it, on landscape A4.
 */
export function OverviewPage(props: OverviewPageProps) {
  const { pkg, area, period, level, areasByCode } = props;
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const gemeente = gemeenteOf(area, pkg, areasByCode);
  const areas = useMemo(() => {
    const parent = (a: Area) => (level === 'buurt' ? (areasByCode.get(a.parent ?? '')?.name ?? '') : '');
    // Named as they were called in the year (a renamed buurt keeps its code).
    return namedIn(pkg.areas, period)
      .filter((a) => a.level === level && a.gemeente === gemeente?.code && existsIn(a, period))
      .sort((a, b) => parent(a).localeCompare(parent(b), i18n.lang) || a.name.localeCompare(b.name, i18n.lang));
  }, [pkg.areas, level, gemeente?.code, period, areasByCode, i18n.lang]);
  const progress = useOverview(pkg, areas, areasByCode, period);
  const [onlySignals, setOnlySignals] = useState(false);
  const shown = onlySignals
    ? areas.filter((a) => {
        const row = progress.rows.get(a.code);
        return row !== undefined && hasSignals(row);
      })
    : areas;

  // Printing waits for every row, then for React to commit them, and only then opens the dialog.
  const [printWanted, setPrintWanted] = useState(false);
  useEffect(() => {
    if (!printWanted || !progress.complete) return;
    setPrintWanted(false);
    const done = () => document.body.classList.remove('printing');
    window.addEventListener('afterprint', done, { once: true });
    requestAnimationFrame(() => {
      document.body.classList.add('printing');
      window.print();
    });
  }, [printWanted, progress.complete]);

  const levels = t(`level.${level}`);
  const gemeenteName = gemeente?.name ?? '';
  const onAbout = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    props.onAbout();
    scrollWhenPresent('method-signals');
  };
  return (
    <section
      className="overview print-root"
      aria-labelledby={`${id}-title`}
      aria-busy={!progress.complete}
      data-state={progress.error ? 'error' : progress.complete ? 'done' : 'computing'}
      data-period={period}
      data-level={level}
    >
      <header className="overview-header">
        <h2 id={`${id}-title`}>{t('overview.title')}</h2>
        <p className="overview-subtitle">{t('overview.subtitle', { levels, gemeente: gemeenteName, period })}</p>
        <p className="overview-print-only overview-meta">
          {t('print.dataset', { title: pkg.meta.title[i18n.lang] })} ·{' '}
          {t('print.printedOn', { date: formatPrintDate(new Date(), i18n.lang) })}
        </p>
      </header>
      <p className="overview-intro">
        {t('overview.intro')}{' '}
        <span className="no-print">
          {t('overview.introClick')}{' '}
          <a href={props.aboutHref} onClick={onAbout}>
            {t('overview.introLink')}
          </a>
        </span>
      </p>
      <div className="overview-actions no-print" data-print-hide="">
        <label className="overview-filter">
          <input type="checkbox" checked={onlySignals} onChange={(e) => setOnlySignals(e.target.checked)} />{' '}
          {t('overview.filter')}
        </label>
        <PrintButton onPrint={() => setPrintWanted(true)} busy={printWanted} />
        <p className="overview-progress">
          {progress.complete ? (
            i18n.plural('overview.shown', areas.length, { shown: shown.length })
          ) : (
            <>
              <progress max={progress.total} value={progress.done} aria-label={t('overview.progressLabel')} />{' '}
              {i18n.plural('overview.progress', progress.total, { done: progress.done })}
            </>
          )}
        </p>
        <span className="visually-hidden" role="status">
          {progress.complete ? i18n.plural('overview.ready', progress.total) : t('overview.busy')}
        </span>
      </div>
      {progress.error && (
        <p className="problems" role="alert">
          {t('overview.error', { detail: progress.error })}
        </p>
      )}
      {areas.length === 0 ? (
        <p>{t('overview.noAreas', { period, levels: levels.toLocaleLowerCase(i18n.lang) })}</p>
      ) : (
        <>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways must be reachable by keyboard (WCAG 2.1.1) */}
          <section className="overview-scroll" aria-labelledby={`${id}-caption`} tabIndex={0}>
            <OverviewTable
              areas={shown}
              themes={progress.themes}
              rows={progress.rows}
              caption={t('overview.caption', { levels, gemeente: gemeenteName, period })}
              captionId={`${id}-caption`}
              parentName={(a) => (level === 'buurt' ? (areasByCode.get(a.parent ?? '')?.name ?? null) : null)}
              kompasHref={props.kompasHref}
              onOpenKompas={props.onOpenKompas}
            />
          </section>
          {onlySignals && progress.complete && shown.length === 0 && <p>{t('overview.noneWithSignals', { period })}</p>}
        </>
      )}
      <p className="overview-print-only overview-source">{sourceLine(pkg.meta.attribution, pkg.meta.licence, t)}</p>
    </section>
  );
}
