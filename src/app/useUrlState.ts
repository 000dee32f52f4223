import { useCallback, useEffect, useRef, useState } from 'react';
import { parseUrlState, serializeUrlState, type UrlState } from './urlState.ts';

/** One history write: a new entry (push) or the current one rewritten (replace). */
export interface HistoryWrite {
  search: string;
  replace: boolean;
}

/**
 * Adds a write to the ones not yet made: a replace rewrites the last pending write (the entry it replaces is that
 * one's), a push adds an entry. So a choice followed by its defaults' repair is still one history entry.
 */
export function queueWrite(pending: readonly HistoryWrite[], write: HistoryWrite): HistoryWrite[] {
  const last = pending.at(-1);
  if (write.replace && last) return [...pending.slice(0, -1), { ...last, search: write.search }];
  return [...pending, write];
}

/** Runs `task` after the next frame is painted (a frame callback, then a task after it). */
function afterPaint(task: () => void): void {
  if (typeof requestAnimationFrame !== 'function') {
    setTimeout(task, 0);
    return;
  }
  requestAnimationFrame(() => setTimeout(task, 0));
}

/**
 * The app's state lives in the URL: each choice pushes a history entry (so the back button walks back through
 * choices); filling in defaults replaces the entry instead. The state changes at once; the history is written after
 * the next paint, the writes of one frame together: a pushState costs up to ~20 ms on a loaded laptop, which a
 * switch's map and chart need not wait for.
 */
export function useUrlState(): [UrlState, (change: Partial<UrlState>, options?: { replace?: boolean }) => void] {
  const [state, setState] = useState(() => parseUrlState(window.location.search));
  const pending = useRef<HistoryWrite[]>([]);

  const flush = useCallback(() => {
    const writes = pending.current;
    pending.current = [];
    for (const { search, replace } of writes) {
      if (search === window.location.search) continue;
      if (replace) window.history.replaceState(null, '', search);
      else window.history.pushState(null, '', search);
    }
  }, []);

  useEffect(() => {
    // Back or forward: writes not yet made belong to the entry left, and are dropped.
    const onPop = () => {
      pending.current = [];
      setState(parseUrlState(window.location.search));
    };
    // Leaving (or reloading) before the next paint keeps the last choice.
    window.addEventListener('popstate', onPop);
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('popstate', onPop);
      window.removeEventListener('pagehide', flush);
    };
  }, [flush]);

  const update = useCallback(
    (change: Partial<UrlState>, options: { replace?: boolean } = {}) => {
      const written = pending.current.at(-1)?.search ?? window.location.search;
      const next = { ...parseUrlState(written), ...change };
      const search = serializeUrlState(next);
      if (search !== written) {
        const first = pending.current.length === 0;
        pending.current = queueWrite(pending.current, { search, replace: options.replace === true });
        if (first) afterPaint(flush);
      }
      setState(next);
    },
    [flush],
  );

  return [state, update];
}
