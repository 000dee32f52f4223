// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import type { UrlState } from '../../src/app/urlState.ts';
import { queueWrite, useUrlState } from '../../src/app/useUrlState.ts';
import { domHost } from '../fixtures/domHost.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('queueWrite', () => {
  it('lets a replace rewrite the pending write and a push add one', () => {
    const push = (search: string) => ({ search, replace: false });
    const replace = (search: string) => ({ search, replace: true });
    expect(queueWrite([], replace('?a'))).toEqual([replace('?a')]);
    expect(queueWrite([push('?a')], replace('?b'))).toEqual([push('?b')]);
    expect(queueWrite([replace('?a')], push('?b'))).toEqual([replace('?a'), push('?b')]);
    expect(queueWrite([replace('?a'), push('?b')], replace('?c'))).toEqual([replace('?a'), push('?c')]);
  });
});

let state: UrlState | null = null;
let update: ReturnType<typeof useUrlState>[1] = () => undefined;
function Probe() {
  [state, update] = useUrlState();
  return null;
}

describe('useUrlState', () => {
  const dom = domHost();
  const afterPaint = () =>
    act(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(() => setTimeout(resolve, 0), 0))));

  it('changes the state at once and writes the history after the next paint, a frame of choices as one entry', async () => {
    window.history.replaceState(null, '', '/?dataset=demo&period=2023&view=kompas');
    const entries = window.history.length;
    act(() => dom.root.render(<Probe />));
    act(() => update({ period: 2024 }));
    // The state is the new one; the history is not written yet (the switch paints first).
    expect(state?.period).toBe(2024);
    expect(window.location.search).toBe('?dataset=demo&period=2023&view=kompas');
    act(() => update({ indicator: 'x' }, { replace: true }));
    expect(state).toMatchObject({ period: 2024, indicator: 'x' });
    await afterPaint();
    expect(window.location.search).toBe('?dataset=demo&indicator=x&period=2024&view=kompas');
    expect(window.history.length).toBe(entries + 1);
    // The next choice builds on the written one; back walks to the entry before.
    act(() => update({ period: 2025 }));
    await afterPaint();
    expect(window.history.length).toBe(entries + 2);
    expect(window.location.search).toBe('?dataset=demo&indicator=x&period=2025&view=kompas');
  });

  it('writes a pending choice when the page is left before the next paint', () => {
    window.history.replaceState(null, '', '/?dataset=demo&period=2023&view=kompas');
    act(() => dom.root.render(<Probe />));
    act(() => update({ period: 2021 }));
    window.dispatchEvent(new Event('pagehide'));
    expect(window.location.search).toBe('?dataset=demo&period=2021&view=kompas');
  });
});
