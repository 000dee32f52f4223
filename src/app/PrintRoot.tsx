import type { FeatureCollection } from 'geojson';
import { Fragment, useLayoutEffect, useRef, useState } from 'react';
import { otherNames } from '../data/areaPeriods.ts';
import type { LoadedPackage } from '../data/load.ts';
import type { Area } from '../data/package.ts';
import { PrintAgenda } from '../views/agenda/AgendaBits.tsx';
import { CompassGraphic } from '../views/kompas/CompassGraphic.tsx';
import { AreaMiniMap } from '../views/print/AreaMiniMap.tsx';
import { HandoutPage } from '../views/print/HandoutPage.tsx';
import { formatPrintDate, PrintReport, pageMarginCss, sourceLine } from '../views/print/PrintReport.tsx';
import { printSignals, printThemes } from '../views/print/reportModel.ts';
import { measurePages, reportPagesCss } from '../views/print/reportPages.ts';
import { isolate } from './bidi.ts';
import type { I18n } from './i18n/index.tsx';
import type { AreaReport } from './usePrintJob.ts';

/** The name a report is headed with: the area's current name, and its earlier names beside it. */
export function printedName(area: Area): { name: string; former: string[] } {
  const name = area.names?.at(-1)?.name ?? area.name;
  return { name: isolate(name), former: otherNames(area, name).map(isolate) };
}

/**
 * The reports to print, hidden on screen (print.css). `onReady(reports)` is called once these reports are on the
 * page and painted: after React committed them (the mini maps and compass graphics are mounted in layout effects
 * before this one), the fonts have loaded, several reports have been measured and paginated, and two animation
 * frames have passed (the first runs before a paint, the second after it).
 *
 * Several reports ("Alle wijken"): each is numbered on its own ("Centrum – blz. 1 van 2", a page counter per report
 * on a named page), and a report of an odd number of pages is followed by a blank page, so every report starts on
 * an odd page and, printed double-sided, is its own sheet(s). Chromium ignores `break-before: right` (it breaks to
 * the next page whatever its side) and has no page count per report, so both come from the report's height laid
 * out at the page's width before printing.
 *
 * Reports with their wijkagenda (`agenda`) print as the wijk meeting handout instead: one page per area, numbered
 * per area when several print together, without blank backs.
 */
export function PrintRoot({
  reports,
  pkg,
  period,
  i18n,
  onReady,
}: {
  reports: AreaReport[];
  pkg: LoadedPackage;
  period: number;
  i18n: I18n;
  onReady?: (rendered: readonly AreaReport[]) => void;
}) {
  const root = useRef<HTMLDivElement>(null);
  // Reports with their wijkagenda print as the wijk meeting handout: one page each, no blank backs.
  const handout = reports.some((r) => r.agenda !== undefined);
  const many = reports.length > 1 && !handout;
  const [paged, setPaged] = useState<{ reports: AreaReport[]; pages: number[] } | null>(null);
  useLayoutEffect(() => {
    if (!many) return;
    let live = true;
    void document.fonts.ready.then(() => {
      const element = root.current;
      if (!live || !element) return;
      setPaged({ reports, pages: measurePages(element) });
    });
    return () => {
      live = false;
    };
  }, [reports, many]);
  const pages =
    handout && reports.length > 1 ? reports.map(() => 1) : many && paged?.reports === reports ? paged.pages : null;
  const laidOut = !many || pages !== null;

  useLayoutEffect(() => {
    if (!onReady || !laidOut) return;
    let live = true;
    let frame = 0;
    void document.fonts.ready.then(() => {
      frame = requestAnimationFrame(() => {
        frame = requestAnimationFrame(() => live && onReady(reports));
      });
    });
    return () => {
      live = false;
      cancelAnimationFrame(frame);
    };
  }, [reports, onReady, laidOut]);

  const printedOn = new Date();
  const footer = `${i18n.t('print.printedOn', { date: formatPrintDate(printedOn, i18n.lang) })} · ${sourceLine(
    pkg.meta.attribution,
    pkg.meta.licence,
    i18n.t,
  )}`;
  return (
    <div className="print-root" ref={root} data-paged={pages ? '' : undefined}>
      {/* The print date, the source and the page number on every page, in the page margin. */}
      <style>{pageMarginCss(footer, i18n.t('print.pageOf'))}</style>
      {pages && (
        <style>
          {reportPagesCss(
            reports.map((r, i) => ({ name: printedName(r.area).name, pages: pages[i] ?? 1 })),
            i18n.t('print.areaPageOf'),
          )}
        </style>
      )}
      {reports.map((r, i) => {
        const collection = pkg.geometry.sources.find(
          (s) => typeof s.data !== 'string' && s.levels.includes(r.area.level),
        )?.data as FeatureCollection | undefined;
        const neighbours = pkg.areas
          .filter((a) => a.level === r.area.level && a.gemeente === r.area.gemeente)
          .map((a) => a.code);
        const { name, former } = printedName(r.area);
        const subtitle = i18n.t('kompas.subtitle', {
          level: i18n.t(`levelSingular.${r.area.level}`),
          gemeente: r.gemeente?.name ?? '',
          period,
        });
        const map = collection ? (
          <AreaMiniMap
            collection={collection}
            highlight={r.area.code}
            codes={neighbours}
            period={period}
            ariaLabel={i18n.t('print.mapAria', { gemeente: r.gemeente?.name ?? '', area: name })}
          />
        ) : undefined;
        if (r.agenda) {
          return (
            <HandoutPage
              key={r.area.code}
              report={r}
              name={name}
              subtitle={subtitle}
              period={period}
              printedOn={printedOn}
              attribution={pkg.meta.attribution}
              licence={pkg.meta.licence}
              datasetTitle={pkg.meta.title[i18n.lang]}
              pages={pages?.[i]}
              map={map}
            />
          );
        }
        return (
          <Fragment key={r.area.code}>
            <PrintReport
              title={i18n.t('kompas.title', { area: name })}
              subtitle={
                former.length > 0 ? `${subtitle} · ${i18n.t('area.formerly', { names: former.join(', ') })}` : subtitle
              }
              period={period}
              printedOn={printedOn}
              attribution={pkg.meta.attribution}
              licence={pkg.meta.licence}
              datasetTitle={pkg.meta.title[i18n.lang]}
              pages={pages?.[i]}
              compass={<CompassGraphic summaries={r.summaries} onTheme={() => undefined} size={220} />}
              map={map}
              signals={printSignals(r.signals, r.assessments, i18n)}
              themes={printThemes(r.themes, r.assessments, i18n, period, r.area.level === 'gemeente')}
              agenda={<PrintAgenda areaCode={r.area.code} period={period} />}
            />
            {pages && (pages[i] ?? 1) % 2 === 1 && i < reports.length - 1 && (
              <div className="print-blank" aria-hidden="true" />
            )}
          </Fragment>
        );
      })}
    </div>
  );
}
