import { useEffect, useRef } from 'react';
import { flushSync } from 'react-dom';

/**
 * The browser's own print (Ctrl+P, the menu's Print) prints what the print button prints. `render` puts the report on
 * the page, synchronously in `beforeprint`: the browser lays the page out for paper right after its listeners, so
 * anything rendered later is not on paper (print.css prints a rendered report instead of the dashboard). `clear`
 * removes it after printing. The app's own print jobs (body.printing) render theirs before calling `window.print()`
 * and are left alone. Null: nothing to render (another view, the print module not yet here), the dashboard prints.
 */
export function useBrowserPrint(handlers: { render: () => void; clear: () => void } | null): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    let rendered = false;
    const before = () => {
      const now = latest.current;
      if (!now || document.body.classList.contains('printing')) return;
      flushSync(now.render);
      rendered = true;
    };
    const after = () => {
      if (!rendered) return;
      rendered = false;
      latest.current?.clear();
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
}
