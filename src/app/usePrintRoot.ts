import { useEffect, useState } from 'react';
import type { PrintRoot } from './PrintRoot.tsx';

type PrintRootComponent = typeof PrintRoot;

let loaded: PrintRootComponent | null = null;
let loading: Promise<PrintRootComponent> | null = null;

/** The print root, if its module is here (the browser's print asks at the moment it prints, not at the last render). */
export function printRootNow(): PrintRootComponent | null {
  return loaded;
}

/** The print root's module, fetched once (its own chunk: no page needs it before something prints). */
export function loadPrintRoot(): Promise<PrintRootComponent> {
  loading ??= import('./PrintRoot.tsx').then((m) => {
    loaded = m.PrintRoot;
    return loaded;
  });
  return loading;
}

/**
 * The print root component once its module is here: fetched at once when a print job wants it, otherwise when the
 * page is idle after it showed what it shows. Not React.lazy: the browser's own print (Ctrl+P) renders the report
 * synchronously in `beforeprint`, and a lazy component suspends on its first render even when its module is in.
 */
export function usePrintRoot(wanted: boolean): PrintRootComponent | null {
  const [component, setComponent] = useState<PrintRootComponent | null>(() => loaded);
  useEffect(() => {
    if (component) return;
    let live = true;
    const load = () =>
      void loadPrintRoot().then(
        (c) => live && setComponent(() => c),
        // A chunk that fails to load (a redeploy, offline before it was cached): the button's next press tries again.
        () => {
          loading = null;
        },
      );
    if (wanted) {
      load();
      return () => {
        live = false;
      };
    }
    const idle = typeof requestIdleCallback === 'function' ? requestIdleCallback(load, { timeout: 5000 }) : null;
    const timer = idle === null ? setTimeout(load, 2000) : undefined;
    return () => {
      live = false;
      if (idle !== null) cancelIdleCallback(idle);
      clearTimeout(timer);
    };
  }, [wanted, component]);
  // The module may have come after the last render: a render for the browser's print (beforeprint) draws it at once.
  return component ?? loaded;
}
