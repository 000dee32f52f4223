import type { Table } from 'apache-arrow';
import { useCallback, useRef, useState } from 'react';
import { applicableAim, assessArea, type IndicatorAssessment } from '../compass/assess.ts';
import { type Dispersion, estimateDispersion } from '../compass/dispersion.ts';
import { type KompasTheme, kompasRows } from '../compass/kompasRows.ts';
import { signals as signalsOf } from '../compass/signals.ts';
import { summariseThemes } from '../compass/themeSummary.ts';
import type { Signal, ThemeSummary } from '../compass/types.ts';
import { existsIn } from '../data/areaPeriods.ts';
import type { LoadedPackage } from '../data/load.ts';
import type { Aim, Area, Indicator } from '../data/package.ts';
import type { Coordinator } from '../db/coordinator.ts';
import { dispersionRequest } from '../queries/dispersion.ts';
import { decodeProfile, kompasRequest } from '../queries/kompas.ts';
import { entityStore, loadAgenda } from '../userdata/store.ts';
import type { Toelichting, UserAgenda, UserAim, WijkSignal } from '../userdata/types.ts';
import type { PrintJobState } from '../views/print/PrintButton.tsx';

/** What one printed area needs: the same themes, verdicts and signals the Kompas shows. */
export interface AreaReport {
  area: Area;
  gemeente: Area | null;
  themes: KompasTheme[];
  assessments: ReadonlyMap<string, IndicatorAssessment>;
  summaries: ThemeSummary[];
  signals: { better: Signal[]; worse: Signal[] };
  /** Set for the wijk meeting handout: the area's aims (with their assessment), notes and wijk signals. */
  agenda?: AreaAgenda;
}

/** An aim as assessed: a package aim, or a user's (effectiveAims) that says where it comes from. */
export type HandoutAim = Aim & Partial<Pick<UserAim, 'origin'>>;

/** What the handout shows of the wijkagenda for one area. */
export interface AreaAgenda {
  aims: { aim: HandoutAim; assessment: IndicatorAssessment }[];
  notes: Toelichting[];
  signals: WijkSignal[];
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

const newestFirst = (a: { date: string }, b: { date: string }) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0);

/**
 * One area's handout: its report assessed with the aims the Kompas assesses (`pkg.aims`: App passes the package
 * with its effective aims, the package's and the user's), the aim that applies to each indicator (its own and concept
 * aims first), and the area's notes and wijk signals (newest first).
 */
export async function handoutReport(
  coordinator: Coordinator,
  pkg: LoadedPackage,
  area: Area,
  areasByCode: ReadonlyMap<string, Area>,
  period: number,
  agenda: Pick<UserAgenda, 'notes' | 'signals'>,
): Promise<AreaReport> {
  const report = await areaReport(coordinator, pkg, area, areasByCode, period);
  const aims = [...report.assessments.values()].flatMap((assessment) => {
    const aim =
      assessment.aim && applicableAim(pkg.aims as readonly HandoutAim[], assessment.indicator.id, area.code, period);
    return aim ? [{ aim, assessment }] : [];
  });
  // The area's own aims first, then those for all areas; concept (agreed in the wijk, not yet in a package) first.
  const rank = ({ aim }: (typeof aims)[number]) =>
    (aim.area_code === area.code ? 0 : 2) + (aim.origin === 'concept' ? 0 : 1);
  aims.sort((a, b) => rank(a) - rank(b));
  return {
    ...report,
    agenda: {
      aims,
      notes: agenda.notes.filter((n) => n.area_code === area.code).sort(newestFirst),
      signals: agenda.signals.filter((s) => s.area_code === area.code).sort(newestFirst),
    },
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

  /** The report the browser's own print (Ctrl+P) prints: on the page at once, no job, no print dialog of ours. */
  const showOne = useCallback((report: AreaReport) => {
    jobId.current++;
    awaited.current = null;
    setJob(null);
    setReports([report]);
  }, []);

  /**
   * Computes the reports of `areas` one after another (the "all" buttons show how far) and hands them to the print
   * root; the print root calls `ready` once they are on the page.
   */
  const prepare = useCallback(
    async (kind: PrintJobState['kind'], areas: readonly Area[], make: (area: Area) => Promise<AreaReport>) => {
      const id = ++jobId.current;
      awaited.current = null;
      const counted = kind === 'all' || kind === 'handoutAll';
      setJob({ kind, progress: counted ? { done: 0, total: areas.length } : null });
      const list: AreaReport[] = [];
      try {
        for (const area of areas) {
          const report = await make(area);
          if (jobId.current !== id) return;
          list.push(report);
          if (counted) setJob({ kind, progress: { done: list.length, total: areas.length } });
        }
      } catch (error) {
        if (jobId.current === id) setJob(null);
        throw error;
      }
      awaited.current = list;
      setReports(list);
    },
    [],
  );

  const wijkenOf = useCallback(
    (gemeente: string) => pkg.areas.filter((a) => a.level === 'wijk' && a.gemeente === gemeente && existsIn(a, period)),
    [pkg, period],
  );

  const printAll = useCallback(
    async (gemeente: string, areasByCode: ReadonlyMap<string, Area>) => {
      if (!coordinator) return;
      await prepare('all', wijkenOf(gemeente), (wijk) => areaReport(coordinator, pkg, wijk, areasByCode, period));
    },
    [coordinator, pkg, period, prepare, wijkenOf],
  );

  /**
   * The wijk meeting handout of `areas` (one A4 page each): the wijkagenda is read from the store when the button
   * is pressed, so the handout holds what a reload would show.
   */
  const handout = useCallback(
    async (kind: 'handout' | 'handoutAll', areas: readonly Area[], areasByCode: ReadonlyMap<string, Area>) => {
      if (!coordinator) return;
      const id = jobId.current + 1;
      setJob({ kind, progress: null });
      let agenda: UserAgenda;
      try {
        agenda = (await loadAgenda(entityStore(), pkg.meta.gemeente)).agenda;
      } catch (error) {
        if (jobId.current + 1 === id) setJob(null);
        throw error;
      }
      // A cancel or another job while the store was read.
      if (jobId.current + 1 !== id) return;
      await prepare(kind, areas, (area) => handoutReport(coordinator, pkg, area, areasByCode, period, agenda));
    },
    [coordinator, pkg, period, prepare],
  );
  const handoutOne = useCallback(
    (area: Area, areasByCode: ReadonlyMap<string, Area>) => handout('handout', [area], areasByCode),
    [handout],
  );
  const handoutAll = useCallback(
    (gemeente: string, areasByCode: ReadonlyMap<string, Area>) =>
      handout('handoutAll', wijkenOf(gemeente), areasByCode),
    [handout, wijkenOf],
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

  return {
    reports,
    job,
    busy: job !== null,
    printOne,
    showOne,
    printAll,
    handoutOne,
    handoutAll,
    ready,
    cancel,
    clear,
  };
}
