import { useEffect, useEffectEvent } from 'react';

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
  useEffect(() => {
    if (!element) return;
    let last: string | null = null;
    const report = (code: string | null) => {
      if (code === last) return;
      last = code;
      hover(code);
    };
    const over = (event: Event) => report(codeAt(event.target));
    const leave = () => report(null);
    const click = (event: Event) => {
      const code = codeAt(event.target);
      if (code) select(code);
    };
    element.addEventListener('pointerover', over);
    element.addEventListener('pointerleave', leave);
    element.addEventListener('click', click);
    return () => {
      element.removeEventListener('pointerover', over);
      element.removeEventListener('pointerleave', leave);
      element.removeEventListener('click', click);
    };
  }, [element]);
}
