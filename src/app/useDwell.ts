import { useCallback, useEffect, useRef } from 'react';

/** How long the pointer rests on one area before its data is loaded: a pointer passing over the map loads nothing. */
export const DWELL_MS = 150;

/**
 * A hover handler (map or area list) that calls `onDwell(code)` once the pointer has rested on one area for `ms`, so
 * the click that usually follows finds that area's Kompas data loaded (the loader shares a load already under way).
 */
export function useDwell(onDwell: (code: string) => void, ms = DWELL_MS): (code: string | null) => void {
  const latest = useRef(onDwell);
  useEffect(() => {
    latest.current = onDwell;
  }, [onDwell]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const hovered = useRef<string | null>(null);
  useEffect(() => () => clearTimeout(timer.current), []);
  return useCallback(
    (code: string | null) => {
      // Moving within one area (or over its label's parts) keeps its timer.
      if (code === hovered.current) return;
      hovered.current = code;
      clearTimeout(timer.current);
      if (code !== null) timer.current = setTimeout(() => latest.current(code), ms);
    },
    [ms],
  );
}
