import { useCallback, useEffect, useRef, useState } from 'react';

export interface ChartWidths {
  /** Inner width of a panel in the grid. */
  panel: number;
  /** Inner width of the full-width panel below the grid (the trends per area). */
  wide: number;
}

const FALLBACK: ChartWidths = { panel: 560, wide: 1100 };

function innerWidth(el: Element | null): number | null {
  if (!(el instanceof HTMLElement)) return null;
  const style = getComputedStyle(el);
  return Math.floor(el.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight));
}

/**
 * The widths the Verkennen charts are drawn at: their panels' own, followed as the window or the grid changes. Plot
 * lays out axes and labels for the width it is given; a chart drawn wider and scaled down by the browser would shrink
 * its 12 px labels to 5 px on a phone.
 */
export function useChartWidths(): [(root: HTMLElement | null) => void, ChartWidths] {
  const [widths, setWidths] = useState<ChartWidths>(FALLBACK);
  const observer = useRef<ResizeObserver | null>(null);
  const measure = useCallback((root: HTMLElement) => {
    const panel = innerWidth(root.querySelector('.verkennen-grid > section'));
    const wide = innerWidth(root.querySelector(':scope > section:last-of-type'));
    if (panel === null || wide === null || panel <= 0 || wide <= 0) return;
    setWidths((w) => (w.panel === panel && w.wide === wide ? w : { panel, wide }));
  }, []);
  const ref = useCallback(
    (root: HTMLElement | null) => {
      observer.current?.disconnect();
      observer.current = null;
      if (!root) return;
      observer.current = new ResizeObserver(() => measure(root));
      observer.current.observe(root);
      measure(root);
    },
    [measure],
  );
  useEffect(() => () => observer.current?.disconnect(), []);
  return [ref, widths];
}
