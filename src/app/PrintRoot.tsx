import type { FeatureCollection } from 'geojson';
import { useLayoutEffect } from 'react';
import type { LoadedPackage } from '../data/load.ts';
import { CompassGraphic } from '../views/kompas/CompassGraphic.tsx';
import { AreaMiniMap } from '../views/print/AreaMiniMap.tsx';
import { formatPrintDate, PrintReport, pageMarginCss, sourceLine } from '../views/print/PrintReport.tsx';
import { printSignals, printThemes } from '../views/print/reportModel.ts';
import type { I18n } from './i18n/index.tsx';
import type { AreaReport } from './usePrintJob.ts';

/**
 * The reports to print, hidden on screen (print.css). `onReady(reports)` is called once these reports are on the
 * page and painted: after React committed them (the mini maps and compass graphics are mounted in layout effects
 * before this one), the fonts have loaded, and two animation frames have passed (the first runs before a paint,
 * the second after it).
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
  useLayoutEffect(() => {
    if (!onReady) return;
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
  }, [reports, onReady]);
  const printedOn = new Date();
  const footer = `${i18n.t('print.printedOn', { date: formatPrintDate(printedOn, i18n.lang) })} · ${sourceLine(
    pkg.meta.attribution,
    pkg.meta.licence,
    i18n.t,
  )}`;
  return (
    <div className="print-root">
      {/* The print date, the source and the page number on every page, in the page margin. */}
      <style>{pageMarginCss(footer, i18n.t('print.pageOf'))}</style>
      {reports.map((r) => {
        const collection = pkg.geometry.sources.find(
          (s) => typeof s.data !== 'string' && s.levels.includes(r.area.level),
        )?.data as FeatureCollection | undefined;
        const neighbours = pkg.areas
          .filter((a) => a.level === r.area.level && a.gemeente === r.area.gemeente)
          .map((a) => a.code);
        return (
          <PrintReport
            key={r.area.code}
            title={i18n.t('kompas.title', { area: r.area.name })}
            subtitle={i18n.t('kompas.subtitle', {
              level: i18n.t(`levelSingular.${r.area.level}`),
              gemeente: r.gemeente?.name ?? '',
              period,
            })}
            period={period}
            printedOn={printedOn}
            attribution={pkg.meta.attribution}
            licence={pkg.meta.licence}
            datasetTitle={pkg.meta.title[i18n.lang]}
            compass={<CompassGraphic summaries={r.summaries} onTheme={() => undefined} size={220} />}
            map={
              collection ? (
                <AreaMiniMap
                  collection={collection}
                  highlight={r.area.code}
                  codes={neighbours}
                  period={period}
                  ariaLabel={i18n.t('print.mapAria', { gemeente: r.gemeente?.name ?? '', area: r.area.name })}
                />
              ) : undefined
            }
            signals={printSignals(r.signals, r.assessments, i18n)}
            themes={printThemes(r.themes, r.assessments, i18n, period, r.area.level === 'gemeente')}
          />
        );
      })}
    </div>
  );
}
