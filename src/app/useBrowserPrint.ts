import { useEffect, useRef } from 'react';
import { flushSync } from 'react-dom';

/**
 * The browser's own print (Ctrl+P, the menu's Print) prints what the print button prints. `render` puts the report on
 * the page, synchronously in `beforeprint`, and says whether it could (its code may not be here yet): the browser lays the page out for paper right after its listeners, so
 * anything rendered later is not on paper (print.css prints a rendered report instead of the dashboard). `clear`
 * removes it after printing. The app's own print jobs (body.printing) render theirs before calling `window.print()`
 * and are left alone. Null: nothing to render (another view, the print module not yet here), or reports a print button
 * prepared are on the page already: those print (print.css).
 */
export function useBrowserPrint(handlers: { render: () => boolean; clear: () => void } | null): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    // The handlers that rendered the report on the page: once it is there, the hook is given none.
    let rendered: { clear: () => void } | null = null;
    const before = () => {
      const now = latest.current;
      if (!now || document.body.classList.contains('printing')) return;
      let done = false;
      flushSync(() => {
        done = now.render();
      });
      if (done) rendered = now;
    };
    const after = () => {
      rendered?.clear();
      rendered = null;
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
}
