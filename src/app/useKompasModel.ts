import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { absentThemes } from '../compass/absentThemes.ts';
import type { AimWithBand } from '../compass/aims.ts';
import { assessArea, type IndicatorAssessment } from '../compass/assess.ts';
import { estimateDispersion } from '../compass/dispersion.ts';
import { kompasRows } from '../compass/kompasRows.ts';
import { signals } from '../compass/signals.ts';
import { summariseThemes } from '../compass/themeSummary.ts';
import { type FirstView, firstAreaPaths, firstDispersionPath } from '../data/firstView.ts';
import type { Area, Indicator } from '../data/package.ts';
import { CoordinatorContext, type QueryState, useQuery } from '../db/useQuery.ts';
import { dispersionRequest, ownDispersionRows } from '../queries/dispersion.ts';
import { decodeProfile, kompasRequest, type ProfileRow } from '../queries/kompas.ts';

/**
 * Which source answers a Kompas or map question — the one place this is decided. The package's precomputed first view
 * (src/data/firstView.ts) when it has the file for the request and nothing but the package shapes the answer;
 * DuckDB when the user's own data joins the package (its indicators are in DuckDB only), the package has no first
 * view, or a file is missing or broken. Both give the same rows (tests/unit/firstView.test.ts).
 */
export function profileSource(
  first: FirstView | null,
  ownData: boolean,
  paths: readonly string[] | null,
): 'first' | 'duckdb' {
  return first !== null && !ownData && paths !== null && paths.length > 0 ? 'first' : 'duckdb';
}

/** How a precomputed answer is got: at once from the first view's cache when it is there, else by fetching. */
export interface FirstAnswer<T> {
  cached(): T | undefined;
  load(): Promise<T>;
}

/**
 * A precomputed answer of the first view, from its cache at once when it is there. `key` is the identity of the
 * request (null: nothing asked); a failure is reported in `error`, so the caller can hand the request to DuckDB.
 * `loading` is true from the first render of a new request until its answer is here (`data` then still holds the
 * previous answer), so no render takes another request's rows for this one's.
 */
export function useFirstAnswer<T>(
  first: FirstView | null,
  key: string | null,
  answer: FirstAnswer<T> | null,
  mark?: string,
): QueryState<T> {
  const [state, setState] = useState<{ key: string | null; data: T | null; error: Error | null }>({
    key: null,
    data: null,
    error: null,
  });
  const hit = first && answer ? answer.cached() : undefined;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is the identity of `answer`
  useEffect(() => {
    if (!first || !answer) return;
    const cached = answer.cached();
    if (cached) {
      if (mark) performance.mark(mark);
      // The answer came between the render and this effect (a prefetch or a click's warm-up in flight): the render
      // that was committed showed "loading", and nothing else would render again, so the panel kept the previous
      // area or map until some unrelated render (CI's responsive e2e waited 120 s).
      if (!hit) setState({ key, data: cached, error: null });
      return;
    }
    let stale = false;
    answer.load().then(
      (data) => {
        if (stale) return;
        if (mark) performance.mark(mark);
        setState({ key, data, error: null });
      },
      (error: unknown) => {
        if (!stale) setState({ key, data: null, error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => {
      stale = true;
    };
  }, [first, key]);
  if (hit) return { data: hit, loading: false, error: null };
  if (state.key === key) return { data: state.data, loading: false, error: state.error };
  // Another request's answer: its rows stay while this one's load (a failure belongs to its own request).
  return { data: state.error ? null : state.data, loading: first !== null && answer !== null, error: null };
}

/** The precomputed answer of a partitioned package's dispersion request: the area's own share of its Kompas rows. */
interface OwnShare {
  code: string;
}

/**
 * The rows of precomputed files, from the first view's cache at once when they are there; with `own`, the share of
 * them that answers the area's dispersion request ({@link ownDispersionRows}).
 */
function useFirstRows(
  first: FirstView | null,
  paths: readonly string[] | null,
  own: OwnShare | null,
  mark?: string,
): QueryState<ProfileRow[]> {
  const share = (rows: ProfileRow[]) => (own ? ownDispersionRows(rows, own.code) : rows);
  const answer =
    first && paths
      ? {
          cached: () => {
            const rows = first.cached(paths);
            return rows && share(rows);
          },
          load: () => first.rows(paths).then(share),
        }
      : null;
  const key = paths ? `${paths.join('|')}${own ? `#own:${own.code}` : ''}` : null;
  return useFirstAnswer(first, key, answer, mark);
}

/**
 * The rows of one Kompas-shaped request from the source {@link profileSource} picks; a precomputed file that fails
 * hands the request to DuckDB.
 */
function useProfileRows(
  request: { sql: string; partitions: string[] | undefined },
  paths: readonly string[] | null,
  first: FirstView | null,
  ownData: boolean,
  mark?: string,
  own: OwnShare | null = null,
): QueryState<ProfileRow[]> {
  const precomputed = profileSource(first, ownData, paths) === 'first';
  const fromFiles = useFirstRows(precomputed ? first : null, precomputed ? paths : null, own, mark);
  const useDuckDb = !precomputed || fromFiles.error !== null;
  const fromDuckDb = useQuery(useDuckDb ? request.sql : null, decodeProfile, request.partitions, mark);
  // useQuery keeps the previous rows, not loading, for the first render of a new request: rows are this request's
  // once they changed since it was asked (a result of an older request never arrives).
  const owner = useRef<{ data: ProfileRow[] | null; sql: string } | null>(null);
  if (fromDuckDb.data !== owner.current?.data) owner.current = { data: fromDuckDb.data, sql: request.sql };
  if (!useDuckDb) return fromFiles;
  return owner.current?.sql === request.sql ? fromDuckDb : { ...fromDuckDb, loading: true };
}

interface Shown {
  area: Area;
  gemeente: Area | null;
  rows: ProfileRow[];
  spread: ProfileRow[] | null;
}

export interface KompasModelInput {
  area: Area;
  gemeente: Area | null;
  areasByCode: ReadonlyMap<string, Area>;
  indicators: readonly Indicator[];
  /** The aims every view assesses (package and wijkagenda: src/userdata/effectiveAims.ts). */
  aims: readonly AimWithBand[];
  periods: readonly number[];
  /** The year the Kompas shows (deferred behind the controls' year in the dashboard). */
  period: number;
  partitioned: boolean;
  /** The package's precomputed first view, or null (everything from DuckDB). */
  first: FirstView | null;
  /** The user's own data is part of the package: DuckDB answers. */
  ownData: boolean;
}

export interface KompasModel {
  /**
   * The area whose rows the model shows, and its gemeente: the one asked for once its rows are here; until then the
   * area shown before (its whole Kompas, marked loading), so no render shows one area's name over another's rows.
   */
  shownArea: Area;
  shownGemeente: Area | null;
  /** The DuckDB request of the area's profile (the trend panel loads its partitions). */
  profileRequest: ReturnType<typeof kompasRequest>;
  profile: QueryState<ProfileRow[]>;
  /** True while the rows behind the verdicts' ordinary variation are loading. */
  spreadLoading: boolean;
  dispersion: ReturnType<typeof estimateDispersion> | null;
  themes: ReturnType<typeof kompasRows>;
  absent: ReturnType<typeof absentThemes>;
  assessmentList: IndicatorAssessment[];
  assessments: ReadonlyMap<string, IndicatorAssessment>;
  summaries: ReturnType<typeof summariseThemes>;
  signals: ReturnType<typeof signals>;
  /**
   * Starts loading another area's Kompas rows (a hover's dwell, a click before React renders it); resolves once they
   * are here, failed or not (a failure is the source's to report when the area is shown).
   */
  warm(code: string): Promise<void>;
}

/**
 * Everything the Kompas of one area shows, before and after DuckDB is ready: its rows and its level's ordinary
 * variation from {@link profileSource}, then the plain-TypeScript compass (rows per theme, verdicts, aim statuses,
 * signals). The start screen and the dashboard both draw their Kompas from this.
 */
export function useKompasModel(input: KompasModelInput): KompasModel {
  const { area, gemeente, areasByCode, indicators, aims, periods, period, partitioned, first, ownData } = input;
  const profileRequest = useMemo(
    () => kompasRequest(area.code, areasByCode, partitioned),
    [area.code, areasByCode, partitioned],
  );
  const profilePaths = useMemo(() => firstAreaPaths(profileRequest.codes), [profileRequest]);
  const profile = useProfileRows(profileRequest, profilePaths, first, ownData, 'gk:kompas-data');
  // How much the area's level ordinarily varies in its gemeente: the verdicts wait for it (src/compass/dispersion.ts).
  const spreadRequest = useMemo(
    () => dispersionRequest(area.code, areasByCode, partitioned),
    [area.code, areasByCode, partitioned],
  );
  // A partitioned package's dispersion request reads the area's own rows: its share of the Kompas files, not a file
  // of its own (one fetch per click).
  const spreadPath = useMemo(() => {
    if (partitioned) return profilePaths;
    const path = firstDispersionPath(area.code, areasByCode);
    return path === null ? null : [path];
  }, [area.code, areasByCode, partitioned, profilePaths]);
  const ownShare = useMemo(() => (partitioned ? { code: area.code } : null), [partitioned, area.code]);
  const spreadRows = useProfileRows(spreadRequest, spreadPath, first, ownData, undefined, ownShare);
  // What the Kompas shows: the asked area's rows once they are here, else the area shown before (see KompasModel).
  // Its ordinary variation only when that is the asked area's too: verdicts never mix two areas' rows.
  const last = useRef<Shown | null>(null);
  const shown: Shown | null =
    profile.data !== null && !profile.loading
      ? {
          area,
          gemeente,
          rows: profile.data,
          spread: spreadRows.data !== null && !spreadRows.loading ? spreadRows.data : null,
        }
      : last.current;
  useEffect(() => {
    last.current = shown;
  });
  const rows = shown?.rows ?? null;
  const spread = shown?.spread ?? null;
  const shownArea = shown?.area ?? area;
  const shownGemeente = shown ? shown.gemeente : gemeente;
  const dispersion = useMemo(() => (spread ? estimateDispersion(spread, indicators) : null), [spread, indicators]);
  const gemeenteCode = shownGemeente?.code ?? null;
  const themes = useMemo(
    () => (rows ? kompasRows({ rows, indicators, area: shownArea.code, gemeente: gemeenteCode, period, periods }) : []),
    [rows, indicators, shownArea.code, gemeenteCode, period, periods],
  );
  const absent = useMemo(
    () =>
      rows
        ? absentThemes(
            indicators.map((i) => i.theme),
            themes.map((x) => x.theme),
          )
        : [],
    [rows, indicators, themes],
  );
  // The verdicts: every comparison and aim of the shown period (src/compass), for the panel, graphic and print.
  const assessmentList = useMemo(
    () =>
      rows && dispersion
        ? assessArea({ rows, indicators, aims, area: shownArea.code, gemeente: gemeenteCode, period, dispersion })
        : [],
    [rows, dispersion, indicators, aims, shownArea.code, gemeenteCode, period],
  );
  const assessments = useMemo(() => new Map(assessmentList.map((a) => [a.indicator.id, a])), [assessmentList]);
  const summaries = useMemo(() => summariseThemes(assessmentList), [assessmentList]);
  const signalList = useMemo(() => signals(assessmentList), [assessmentList]);

  const coordinator = useContext(CoordinatorContext);
  const warm = useCallback(
    (code: string) => {
      const next = kompasRequest(code, areasByCode, partitioned);
      const paths = firstAreaPaths(next.codes);
      if (first && profileSource(first, ownData, paths) === 'first') {
        // The verdicts' file too, at the same time: the Kompas draws its verdicts with its rows (a partitioned
        // package's are a share of the rows).
        const spread = partitioned ? null : firstDispersionPath(code, areasByCode);
        const files = spread === null ? [paths] : [paths, [spread]];
        return Promise.all(files.map((f) => first.rows(f).catch(() => undefined))).then(() => undefined);
      }
      return (coordinator?.query(next.sql, next.partitions) ?? Promise.resolve()).then(
        () => undefined,
        () => undefined,
      );
    },
    [areasByCode, partitioned, first, ownData, coordinator],
  );

  return {
    shownArea,
    shownGemeente,
    profileRequest,
    profile,
    spreadLoading: spreadRows.loading,
    dispersion,
    themes,
    absent,
    assessmentList,
    assessments,
    summaries,
    signals: signalList,
    warm,
  };
}
