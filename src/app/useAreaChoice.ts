import { useCallback, useEffect, useRef } from 'react';

/**
 * How long a chosen area waits for its Kompas rows before it is shown anyway (then over the previous area's Kompas,
 * marked loading, until they come): the answer of a file in the cache or on a local network comes well within it.
 */
export const CHOICE_WAIT_MS = 250;

/**
 * Choosing an area (map click, area list): its Kompas rows are asked for at once (`warm`), and the choice is made
 * (`choose`: the URL, and with it the Kompas, the map's outline and the trend) once they are here, or after `waitMs`.
 * So a click renders the dashboard once, with the new Kompas, instead of first over the previous area's rows and again
 * when its own come (at national scale each render of the dashboard costs more than the files take to arrive). Only
 * the last choice is made: a choice made while an earlier one waits replaces it.
 */
export function useAreaChoice(
  warm: (code: string) => Promise<void>,
  choose: (code: string) => void,
  waitMs = CHOICE_WAIT_MS,
): (code: string) => void {
  const latest = useRef({ warm, choose });
  useEffect(() => {
    latest.current = { warm, choose };
  }, [warm, choose]);
  const pending = useRef<{ code: string; timer: ReturnType<typeof setTimeout> } | null>(null);
  useEffect(() => () => clearTimeout(pending.current?.timer), []);
  return useCallback(
    (code: string) => {
      clearTimeout(pending.current?.timer);
      const settle = () => {
        if (pending.current?.code !== code || pending.current.timer !== timer) return;
        clearTimeout(timer);
        pending.current = null;
        latest.current.choose(code);
      };
      const timer = setTimeout(settle, waitMs);
      pending.current = { code, timer };
      latest.current.warm(code).then(settle, settle);
    },
    [waitMs],
  );
}
