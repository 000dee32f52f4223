import { useCallback, useEffect, useState } from 'react';
import { parseUrlState, serializeUrlState, type UrlState } from './urlState.ts';

/**
 * The app's state lives in the URL: each choice pushes a history entry (so the back button walks back through
 * choices); filling in defaults replaces the entry instead.
 */
export function useUrlState(): [UrlState, (change: Partial<UrlState>, options?: { replace?: boolean }) => void] {
  const [state, setState] = useState(() => parseUrlState(window.location.search));

  useEffect(() => {
    const onPop = () => setState(parseUrlState(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const update = useCallback((change: Partial<UrlState>, options: { replace?: boolean } = {}) => {
    const next = { ...parseUrlState(window.location.search), ...change };
    const search = serializeUrlState(next);
    if (search !== window.location.search) {
      if (options.replace) window.history.replaceState(null, '', search);
      else window.history.pushState(null, '', search);
    }
    setState(next);
  }, []);

  return [state, update];
}
