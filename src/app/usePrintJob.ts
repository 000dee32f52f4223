import type { Table } from 'apache-arrow';
import { useCallback, useRef, useState } from 'react';
import { assessArea, type IndicatorAssessment } from '../compass/assess.ts';
import { type Dispersion, estimateDispersion } from '../compass/dispersion.ts';
import { type KompasTheme, kompasRows } from '../compass/kompasRows.ts';
import { signals as signalsOf } from '../compass/signals.ts';
import { summariseThemes } from '../compass/themeSummary.ts';
import type { Signal, ThemeSummary } from '../compass/types.ts';
import { existsIn } from '../data/areaPeriods.ts';
import type { LoadedPackage } from '../data/load.ts';
import type { Area, Indicator } from '../data/package.ts';
import type { Coordinator } from '../db/coordinator.ts';
import { dispersionRequest } from '../queries/dispersion.ts';
import { decodeProfile, kompasRequest } from '../queries/kompas.ts';
import type { PrintJobState } from '../views/print/PrintButton.tsx';

/** What one printed area needs: the same themes, verdicts and signals the Kompas shows. */
export interface AreaReport {
  area: Area;
  gemeente: Area | null;
  themes: KompasTheme[];
  assessments: ReadonlyMap<string, IndicatorAssessment>;
  summaries: ThemeSummary[];
  signals: { better: Signal[]; worse: Signal[] };
}

/**
 * The dispersion estimated from one query result. Every area of a level in a gemeente asks the same query, and the
 * coordinator hands each the same cached table, so "all wijken" and the overview of 74 buurten estimate it once
 * rather than once per area (decoding and estimating it was ~85 % of an area's time).
 */
const dispersions = new WeakMap<Table, { indicators: readonly Indicator[]; dispersion: Dispersion }>();

function dispersionOf(table: Table, indicators: readonly Indicator[]): Dispersion {
  const known = dispersions.get(table);
  if (known?.indicators === indicators) return known.dispersion;
  const dispersion = estimateDispersion(decodeProfile(table), indicators);
  dispersions.set(table, { indicators, dispersion });
  return dispersion;
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
  const spread = dispersionRequest(area.code, areasByCode, pkg.partitions !== null);
  const dispersion = dispersionOf(await coordinator.query(spread.sql, spread.partitions), pkg.indicators);
  const gemeente = area.gemeente ? (areasByCode.get(area.gemeente) ?? null) : null;
  const input = { rows, indicators: pkg.indicators, area: area.code, gemeente: gemeente?.code ?? null, period };
  const list = assessArea({ ...input, aims: pkg.aims, dispersion });
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
 * Printing: the reports are rendered into a `.print-root` (print.css shows only that on paper), and only when the
 * print root says they are on the page — its lazily loaded module fetched, every report committed, fonts settled and a
 * frame painted (`ready`) — does the browser's print dialog open; calling `window.print()` any earlier printed a blank
 * page on the first click. "All wijken" first computes each wijk of the gemeente, one after another, with progress.
 * A job can be cancelled while it is prepared.
 */
export function usePrintJob(coordinator: Coordinator | null, pkg: LoadedPackage, period: number) {
  const [reports, setReports] = useState<AreaReport[] | null>(null);
  const [job, setJob] = useState<PrintJobState | null>(null);
  // The current job's number: a newer job or a cancel makes an older one's results stale.
  const jobId = useRef(0);
  // The reports whose rendering the current job waits for.
  const awaited = useRef<AreaReport[] | null>(null);

  const cancel = useCallback(() => {
    jobId.current++;
    awaited.current = null;
    setJob(null);
  }, []);

  const printOne = useCallback((report: AreaReport) => {
    jobId.current++;
    const list = [report];
    awaited.current = list;
    setJob({ kind: 'one', progress: null });
    setReports(list);
  }, []);

  const printAll = useCallback(
    async (gemeente: string, areasByCode: ReadonlyMap<string, Area>) => {
      if (!coordinator) return;
      const id = ++jobId.current;
      awaited.current = null;
      const wijken = pkg.areas.filter((a) => a.level === 'wijk' && a.gemeente === gemeente && existsIn(a, period));
      setJob({ kind: 'all', progress: { done: 0, total: wijken.length } });
      const list: AreaReport[] = [];
      try {
        for (const wijk of wijken) {
          const report = await areaReport(coordinator, pkg, wijk, areasByCode, period);
          if (jobId.current !== id) return;
          list.push(report);
          setJob({ kind: 'all', progress: { done: list.length, total: wijken.length } });
        }
      } catch (error) {
        if (jobId.current === id) setJob(null);
        throw error;
      }
      awaited.current = list;
      setReports(list);
    },
    [coordinator, pkg, period],
  );

  /** Called by the print root once `rendered` is on the page: prints when those are the reports the job awaits. */
  const ready = useCallback((rendered: readonly AreaReport[]) => {
    if (awaited.current === null || awaited.current !== rendered) return;
    awaited.current = null;
    setJob(null);
    const done = () => document.body.classList.remove('printing');
    window.addEventListener('afterprint', done, { once: true });
    document.body.classList.add('printing');
    window.print();
  }, []);

  const clear = useCallback(() => {
    cancel();
    setReports(null);
  }, [cancel]);

  return { reports, job, busy: job !== null, printOne, printAll, ready, cancel, clear };
}
