import type { FeatureCollection } from 'geojson';
import { useCallback, useEffect, useState } from 'react';
import { assessArea, type IndicatorAssessment } from '../compass/assess.ts';
import { type KompasTheme, kompasRows } from '../compass/kompasRows.ts';
import { signals as signalsOf } from '../compass/signals.ts';
import { summariseThemes } from '../compass/themeSummary.ts';
import type { Signal, ThemeSummary } from '../compass/types.ts';
import { existsIn } from '../data/areaPeriods.ts';
import type { LoadedPackage } from '../data/load.ts';
import type { Area } from '../data/package.ts';
import type { Coordinator } from '../db/coordinator.ts';
import { decodeProfile, kompasRequest } from '../queries/kompas.ts';
import { CompassGraphic } from '../views/kompas/CompassGraphic.tsx';
import { AreaMiniMap } from '../views/print/AreaMiniMap.tsx';
import { PrintReport } from '../views/print/PrintReport.tsx';
import { printSignals, printThemes } from '../views/print/reportModel.ts';
import type { I18n } from './i18n/index.tsx';

/** What one printed area needs: the same themes, verdicts and signals the Kompas shows. */
export interface AreaReport {
  area: Area;
  gemeente: Area | null;
  themes: KompasTheme[];
  assessments: ReadonlyMap<string, IndicatorAssessment>;
  summaries: ThemeSummary[];
  signals: { better: Signal[]; worse: Signal[] };
}

/** One area's report data, computed from its profile rows exactly as the Kompas does. */
export async function areaReport(
  coordinator: Coordinator,
  pkg: LoadedPackage,
  area: Area,
  areasByCode: ReadonlyMap<string, Area>,
  period: number,
): Promise<AreaReport> {
  const request = kompasRequest(area.code, areasByCode, pkg.partitions !== null);
  const rows = decodeProfile(await coordinator.query(request.sql, request.partitions));
  const gemeente = area.gemeente ? (areasByCode.get(area.gemeente) ?? null) : null;
  const input = { rows, indicators: pkg.indicators, area: area.code, gemeente: gemeente?.code ?? null, period };
  const list = assessArea({ ...input, aims: pkg.aims });
  return {
    area,
    gemeente,
    themes: kompasRows({ ...input, periods: pkg.meta.periods }),
    assessments: new Map(list.map((a) => [a.indicator.id, a])),
    summaries: summariseThemes(list),
    signals: signalsOf(list),
  };
}

/**
 * Printing: the reports are rendered into a `.print-root` (print.css shows only that on paper), then the browser's
 * print dialog opens. "All wijken" first computes each wijk of the gemeente, one after another.
 */
export function usePrintJob(coordinator: Coordinator | null, pkg: LoadedPackage, period: number) {
  const [reports, setReports] = useState<AreaReport[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    if (!pending || !reports) return;
    setPending(false);
    const done = () => document.body.classList.remove('printing');
    window.addEventListener('afterprint', done, { once: true });
    // After React has committed the reports: the dialog prints what is on the page.
    requestAnimationFrame(() => {
      document.body.classList.add('printing');
      window.print();
    });
  }, [pending, reports]);

  const printOne = useCallback((report: AreaReport) => {
    setReports([report]);
    setPending(true);
  }, []);

  const printAll = useCallback(
    async (gemeente: string, areasByCode: ReadonlyMap<string, Area>) => {
      if (!coordinator) return;
      setBusy(true);
      try {
        const wijken = pkg.areas.filter((a) => a.level === 'wijk' && a.gemeente === gemeente && existsIn(a, period));
        const list: AreaReport[] = [];
        for (const wijk of wijken) list.push(await areaReport(coordinator, pkg, wijk, areasByCode, period));
        setReports(list);
        setPending(true);
      } finally {
        setBusy(false);
      }
    },
    [coordinator, pkg, period],
  );

  return { reports, busy, printOne, printAll, clear: useCallback(() => setReports(null), []) };
}

/** The reports to print, hidden on screen (print.css). */
export function PrintRoot({
  reports,
  pkg,
  period,
  i18n,
}: {
  reports: AreaReport[];
  pkg: LoadedPackage;
  period: number;
  i18n: I18n;
}) {
  const printedOn = new Date();
  return (
    <div className="print-root">
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
            themes={printThemes(r.themes, r.assessments, i18n)}
          />
        );
      })}
    </div>
  );
}
