import { useEffect, useEffectEvent, useRef } from 'react';

/** The area a pointer event is over: the nearest element with `data-code` (every per-area mark has one). */
export function codeAt(target: EventTarget | null): string | null {
  const element = target as Element | null;
  return element && typeof element.closest === 'function'
    ? (element.closest('[data-code]')?.getAttribute('data-code') ?? null)
    : null;
}

/**
 * Pointer listeners on a chart built outside React: hover reports the area under the pointer (once per change, null
 * when it leaves the areas or the chart), a click selects it. One listener per chart rather than one per mark, so a
 * chart of 500 bars costs three listeners, and rebuilding the chart needs no re-binding beyond this effect.
 */
export function useAreaPointer(
  element: Element | null,
  onHover: (code: string | null) => void,
  onSelect: (code: string) => void,
): void {
  const hover = useEffectEvent(onHover);
  const select = useEffectEvent(onSelect);
  // The area last reported, kept across rebuilds of the chart: a hover rebuilds it (the highlight is drawn in it).
  const last = useRef<string | null>(null);
  useEffect(() => {
    if (!element) return;
    const report = (code: string | null) => {
      if (code === last.current) return;
      last.current = code;
      hover(code);
    };
    const over = (event: Event) => report(codeAt(event.target));
    const leave = () => report(null);
    // A chart rebuilt under the pointer may never hear that the pointer was in it (the browser updates what is
    // hovered lazily), and then no pointerleave comes when it goes: the pointer entering anything outside the chart
    // ends the hover. In the capture phase, so it ends before another chart reports the area it entered.
    const elsewhere = (event: Event) => {
      if (last.current !== null && !(event.target instanceof Node && element.contains(event.target))) report(null);
    };
    const click = (event: Event) => {
      const code = codeAt(event.target);
      if (code) select(code);
    };
    element.addEventListener('pointerover', over);
    element.addEventListener('pointerleave', leave);
    element.addEventListener('click', click);
    document.addEventListener('pointerover', elsewhere, { capture: true });
    return () => {
      element.removeEventListener('pointerover', over);
      element.removeEventListener('pointerleave', leave);
      element.removeEventListener('click', click);
      document.removeEventListener('pointerover', elsewhere, { capture: true });
    };
  }, [element]);
}
