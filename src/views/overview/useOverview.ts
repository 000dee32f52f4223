import { useContext, useEffect, useMemo, useState } from 'react';
import { areaReport } from '../../app/usePrintJob.ts';
import { type AreaOverview, areaOverview, overviewThemes } from '../../compass/overview.ts';
import type { LoadedPackage } from '../../data/load.ts';
import type { Area, Theme } from '../../data/package.ts';
import { SupersededError } from '../../db/coordinator.ts';
import { CoordinatorContext } from '../../db/useQuery.ts';

export interface OverviewProgress {
  themes: Theme[];
  /** The rows computed so far, by area code. */
  rows: ReadonlyMap<string, AreaOverview>;
  done: number;
  total: number;
  complete: boolean;
  error: string | null;
}

/**
 * The rows of one package, by `code@period`: an area's verdicts depend on nothing else (its profile and the
 * dispersion of its level in its gemeente are fixed by the package), so a year or level visited again is instant.
 * Keyed by the package object: own data added to it makes a new package, and the old rows go with the old one.
 */
const cache = new WeakMap<LoadedPackage, Map<string, AreaOverview>>();

function cacheOf(pkg: LoadedPackage): Map<string, AreaOverview> {
  let rows = cache.get(pkg);
  if (!rows) {
    rows = new Map();
    cache.set(pkg, rows);
  }
  return rows;
}

const keyOf = (code: string, period: number) => `${code}@${period}`;

/**
 * Every listed area's row of the overview, computed one area after another by the print job's `areaReport` — the
 * same queries and verdicts as the area's own Kompas. The coordinator runs one query at a time, so a sequential
 * loop keeps the page responsive and lets the rows appear as they come; a new list or year cancels the loop.
 */
export function useOverview(
  pkg: LoadedPackage,
  areas: readonly Area[],
  areasByCode: ReadonlyMap<string, Area>,
  period: number,
): OverviewProgress {
  const coordinator = useContext(CoordinatorContext);
  const themes = useMemo(() => overviewThemes(pkg.indicators, pkg.aims), [pkg.indicators, pkg.aims]);
  const request = useMemo(() => `${period}|${areas.map((a) => a.code).join(',')}`, [areas, period]);
  const [state, setState] = useState<{ request: string; rows: Map<string, AreaOverview>; error: string | null }>({
    request: '',
    rows: new Map(),
    error: null,
  });

  useEffect(() => {
    const rows = cacheOf(pkg);
    const found = new Map<string, AreaOverview>();
    for (const a of areas) {
      const hit = rows.get(keyOf(a.code, period));
      if (hit) found.set(a.code, hit);
    }
    setState({ request, rows: found, error: null });
    if (!coordinator || found.size === areas.length) return;
    let cancelled = false;
    (async () => {
      for (const area of areas) {
        if (cancelled) return;
        const key = keyOf(area.code, period);
        if (rows.has(key)) continue;
        // Let the browser paint the rows so far and handle input: with the queries cached, areaReport resolves
        // without ever leaving the microtask queue, and the whole loop would otherwise be one long task.
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (cancelled) return;
        const report = await areaReport(coordinator, pkg, area, areasByCode, period);
        const row = areaOverview([...report.assessments.values()], themes);
        rows.set(key, row);
        if (cancelled) return;
        setState((s) => (s.request === request ? { ...s, rows: new Map(s.rows).set(area.code, row) } : s));
      }
    })().catch((error: unknown) => {
      if (cancelled || error instanceof SupersededError) return;
      setState((s) => (s.request === request ? { ...s, error: String(error) } : s));
    });
    return () => {
      cancelled = true;
    };
  }, [coordinator, pkg, areas, areasByCode, period, themes, request]);

  // Until the effect has run for a new choice, the previous choice's rows must not be shown under the new heading.
  const rows = state.request === request ? state.rows : EMPTY;
  const done = areas.filter((a) => rows.has(a.code)).length;
  return {
    themes,
    rows,
    done,
    total: areas.length,
    complete: done === areas.length,
    error: state.request === request ? state.error : null,
  };
}

const EMPTY: ReadonlyMap<string, AreaOverview> = new Map();
