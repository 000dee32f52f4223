import type { Table } from 'apache-arrow';
import { createContext, useContext, useEffect, useState } from 'react';
import { type Coordinator, SupersededError } from './coordinator.ts';

export const CoordinatorContext = createContext<Coordinator | null>(null);

/** Decoded results per Arrow table and decoder: a cached query result is decoded once, not on every switch back. */
const decoded = new WeakMap<Table, Map<unknown, unknown>>();

function decodeOnce<T>(table: Table, decode: (table: Table) => T): T {
  let byDecoder = decoded.get(table);
  if (!byDecoder) {
    byDecoder = new Map();
    decoded.set(table, byDecoder);
  }
  if (!byDecoder.has(decode)) byDecoder.set(decode, decode(table));
  return byDecoder.get(decode) as T;
}

export interface QueryState<T> {
  data: T | null;
  /** True while a newer result is on its way; `data` then still holds the previous result. */
  loading: boolean;
  error: Error | null;
}

/**
 * The one way views get data: they pass the SQL a builder made and a decoder, never a connection. The previous
 * result stays on screen until the new one arrives, and a result that arrives after a newer request is dropped.
 */
export function useQuery<T>(
  sql: string | null,
  decode: (table: Table) => T,
  /** Data files the query needs loaded first (partitioned packages). */
  partitions?: readonly string[],
  /** A performance mark set the moment the result is put into state (for the benchmark: "query to state"). */
  mark?: string,
): QueryState<T> {
  const coordinator = useContext(CoordinatorContext);
  const [state, setState] = useState<QueryState<T>>({ data: null, loading: sql !== null, error: null });

  // `decode` is a module-level function in every caller; the SQL text is the identity of the request.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    if (!coordinator || sql === null) return;
    let stale = false;
    setState((s) => ({ ...s, loading: true }));
    coordinator.query(sql, partitions).then(
      (table) => {
        if (stale) return;
        const data = decodeOnce(table, decode);
        if (mark) performance.mark(mark);
        setState({ data, loading: false, error: null });
      },
      (error: unknown) => {
        // The package was replaced: this view is about to make way for the new package's, so it shows no error.
        if (error instanceof SupersededError) return;
        if (!stale)
          setState((s) => ({ ...s, loading: false, error: error instanceof Error ? error : new Error(String(error)) }));
      },
    );
    return () => {
      stale = true;
    };
  }, [coordinator, sql, partitions?.join('|')]);

  return state;
}
