// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { type FirstAnswer, useFirstAnswer } from '../../src/app/useKompasModel.ts';
import type { FirstView } from '../../src/data/firstView.ts';
import type { QueryState } from '../../src/db/useQuery.ts';
import { domHost } from '../fixtures/domHost.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// The hook only passes the first view on as "there is one"; its answers come from `answer`.
const FIRST = {} as FirstView;

/** Every state the hook returned, render by render. */
function Probe(props: { answer: FirstAnswer<string>; keyOf: string; seen: QueryState<string>[] }) {
  props.seen.push(useFirstAnswer(FIRST, props.keyOf, props.answer));
  return null;
}

describe('useFirstAnswer', () => {
  const dom = domHost();

  it('shows an answer that came between its render and its effect (a prefetch in flight), without a load of its own', async () => {
    // The render finds nothing cached; by the time the effect runs, a fetch started elsewhere (the click's warm-up)
    // has put the answer in the cache. Before the fix the committed render said "loading" and nothing rendered again.
    let calls = 0;
    let loads = 0;
    const answer: FirstAnswer<string> = {
      cached: () => (++calls > 1 ? 'rows of Voorstad' : undefined),
      load: () => {
        loads++;
        return new Promise<string>(() => undefined);
      },
    };
    const seen: QueryState<string>[] = [];
    await act(async () => dom.root.render(<Probe answer={answer} keyOf="first/area/WK999902.json" seen={seen} />));
    expect(seen[0]).toEqual({ data: null, loading: true, error: null });
    expect(seen.at(-1)).toEqual({ data: 'rows of Voorstad', loading: false, error: null });
    expect(loads).toBe(0);
  });

  it('renders no extra time when its render already had the answer', async () => {
    const answer: FirstAnswer<string> = { cached: () => 'rows', load: () => Promise.resolve('rows') };
    const seen: QueryState<string>[] = [];
    await act(async () => dom.root.render(<Probe answer={answer} keyOf="a" seen={seen} />));
    expect(seen).toEqual([{ data: 'rows', loading: false, error: null }]);
  });

  it('loads what is not cached and shows it when it arrives', async () => {
    let resolve: (rows: string) => void = () => undefined;
    const answer: FirstAnswer<string> = {
      cached: () => undefined,
      load: () =>
        new Promise<string>((r) => {
          resolve = r;
        }),
    };
    const seen: QueryState<string>[] = [];
    await act(async () => dom.root.render(<Probe answer={answer} keyOf="b" seen={seen} />));
    expect(seen.at(-1)).toEqual({ data: null, loading: true, error: null });
    await act(async () => resolve('loaded rows'));
    expect(seen.at(-1)).toEqual({ data: 'loaded rows', loading: false, error: null });
  });
});
