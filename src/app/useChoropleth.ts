import { useRef } from 'react';
import { type FirstView, firstMapRows } from '../data/firstView.ts';
import type { Level } from '../data/package.ts';
import { type QueryState, useQuery } from '../db/useQuery.ts';
import {
  type ChoroplethRequest,
  type ChoroplethRow,
  choroplethQuery,
  decodeChoropleth,
} from '../queries/choropleth.ts';
import { profileSource, useFirstAnswer } from './useKompasModel.ts';

const MARK = 'gk:map-data';

/** A map file's rows of the levels drawn, per file (while it is kept) and levels' text: filtered once, shared. */
const drawnOfFile = new WeakMap<readonly ChoroplethRow[], Map<string, ChoroplethRow[]>>();

export function drawnRows(fileRows: readonly ChoroplethRow[], levels: readonly Level[]): ChoroplethRow[] {
  const byLevels = drawnOfFile.get(fileRows) ?? new Map<string, ChoroplethRow[]>();
  drawnOfFile.set(fileRows, byLevels);
  const key = levels.join('|');
  const rows = byLevels.get(key) ?? firstMapRows(fileRows, levels);
  byLevels.set(key, rows);
  return rows;
}

/** The first view's map file that answers a request, when {@link profileSource} picks it; else null (DuckDB). */
function mapFileOf(request: ChoroplethRequest, first: FirstView | null, ownData: boolean): string | null {
  // The areas of one gemeente (Verkennen in a package of many) are a question for DuckDB.
  const path = first && !request.gemeente ? first.mapPath(request.indicator, request.period) : null;
  return path !== null && profileSource(first, ownData, [path]) === 'first' ? path : null;
}

/**
 * The map's rows of a request when they are in hand already (its file decoded ahead, see useMapPrefetch): the same
 * array the map then draws. Called where a switch is made, before React renders it, it marks gk:map-data: the data
 * step of a switch is the rows in hand, not the dashboard's render. Null (no mark) when they are still to come.
 */
export function choroplethRowsNow(
  request: ChoroplethRequest,
  first: FirstView | null,
  ownData: boolean,
): ChoroplethRow[] | null {
  const path = mapFileOf(request, first, ownData);
  const fileRows = path === null ? undefined : first?.cachedMap(path);
  if (!fileRows) return null;
  const rows = drawnRows(fileRows, request.levels);
  performance.mark(MARK);
  return rows;
}

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
  const path = mapFileOf(request, first, ownData);
  const answer = first && path ? { cached: () => first.cachedMap(path), load: () => first.mapRows(path) } : null;
  const fromFile = useFirstAnswer(answer ? first : null, answer ? path : null, answer, MARK);
  const useDuckDb = answer === null || fromFile.error !== null;
  const fromDuckDb = useQuery(useDuckDb ? choroplethQuery(request) : null, decodeChoropleth, partitions, MARK);
  // The file holds every level; the map asks for the levels it draws (both in code order, which a filter keeps).
  const fileRows = fromFile.data;
  const { levels } = request;
  const drawn = fileRows ? drawnRows(fileRows, levels) : null;
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
