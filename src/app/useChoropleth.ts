import { useMemo, useRef } from 'react';
import { type FirstView, firstMapRows } from '../data/firstView.ts';
import { type QueryState, useQuery } from '../db/useQuery.ts';
import {
  type ChoroplethRequest,
  type ChoroplethRow,
  choroplethQuery,
  decodeChoropleth,
} from '../queries/choropleth.ts';
import { profileSource, useFirstAnswer } from './useKompasModel.ts';

const MARK = 'gk:map-data';

/** The map's rows and the request they answer. */
export interface ChoroplethState extends QueryState<ChoroplethRow[]> {
  /**
   * The request `data` answers: while a newer one loads, the previous one. The legend, tooltip and outlines describe
   * these rows, so a legend never names the new indicator or year over the old colours.
   */
  answers: ChoroplethRequest | null;
}

/**
 * The map's rows of one request, from the source {@link profileSource} picks: the first view's map file when the
 * build wrote one for the indicator and year (the map then draws while DuckDB still starts, and again from the same
 * rows when the dashboard takes over), else DuckDB; a file that fails hands the request to DuckDB.
 */
export function useChoropleth(
  request: ChoroplethRequest,
  partitions: readonly string[] | undefined,
  first: FirstView | null,
  ownData: boolean,
): ChoroplethState {
  // The areas of one gemeente (Verkennen in a package of many) are a question for DuckDB.
  const path = first && !request.gemeente ? first.mapPath(request.indicator, request.period) : null;
  const precomputed = profileSource(first, ownData, path === null ? null : [path]) === 'first';
  const answer =
    first && path && precomputed ? { cached: () => first.cachedMap(path), load: () => first.mapRows(path) } : null;
  const fromFile = useFirstAnswer(answer ? first : null, answer ? path : null, answer, MARK);
  const useDuckDb = answer === null || fromFile.error !== null;
  const fromDuckDb = useQuery(useDuckDb ? choroplethQuery(request) : null, decodeChoropleth, partitions, MARK);
  // The file holds every level; the map asks for the levels it draws (both in code order, which a filter keeps).
  const fileRows = fromFile.data;
  const { levels } = request;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the levels' text is their identity
  const drawn = useMemo(() => (fileRows ? firstMapRows(fileRows, levels) : null), [fileRows, levels.join('|')]);
  const result = useDuckDb ? fromDuckDb : { ...fromFile, data: drawn };
  // As useQuery does, the previous rows stay on screen until the new ones arrive, also when the source changes (the
  // default indicator from its file, the next one from DuckDB): the map does not flash grey in between.
  const shown = useRef<{ rows: ChoroplethRow[]; request: ChoroplethRequest } | null>(null);
  if (result.data !== null && !result.loading) shown.current = { rows: result.data, request };
  if (result.error !== null) return { ...result, answers: null };
  if (result.data === null || result.loading) {
    return { data: shown.current?.rows ?? null, loading: true, error: null, answers: shown.current?.request ?? null };
  }
  return { ...result, answers: request };
}
