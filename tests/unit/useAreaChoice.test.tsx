// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHOICE_WAIT_MS, useAreaChoice } from '../../src/app/useAreaChoice.ts';
import { domHost } from '../fixtures/domHost.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type Seen = { select: ((code: string) => void) | null };
function Probe(props: { warm: (code: string) => Promise<void>; choose: (code: string) => void; seen: Seen }) {
  props.seen.select = useAreaChoice(props.warm, props.choose);
  return null;
}

/** warm() whose loads finish when the test says so. */
function controlledWarm() {
  const asked: string[] = [];
  const release = new Map<string, () => void>();
  const warm = (code: string) => {
    asked.push(code);
    return new Promise<void>((resolve) => release.set(code, resolve));
  };
  return { warm, asked, release: (code: string) => release.get(code)!() };
}

describe('useAreaChoice', () => {
  const dom = domHost();
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function mount() {
    const { warm, asked, release } = controlledWarm();
    const chosen: string[] = [];
    const seen: Seen = { select: null };
    act(() => dom.root.render(<Probe warm={warm} choose={(code) => chosen.push(code)} seen={seen} />));
    return { asked, release, chosen, select: (code: string) => seen.select!(code) };
  }

  it('asks for the area at once and chooses it once its rows are here', async () => {
    const { asked, release, chosen, select } = mount();
    select('WK000101');
    expect(asked).toEqual(['WK000101']);
    await vi.advanceTimersByTimeAsync(CHOICE_WAIT_MS / 2);
    expect(chosen).toEqual([]);
    release('WK000101');
    await vi.advanceTimersByTimeAsync(0);
    expect(chosen).toEqual(['WK000101']);
    // Its bound, passing later, chooses nothing again.
    await vi.advanceTimersByTimeAsync(CHOICE_WAIT_MS * 2);
    expect(chosen).toEqual(['WK000101']);
  });

  it('chooses the area after its bound when its rows are slow, and not again when they come', async () => {
    const { release, chosen, select } = mount();
    select('BU00010101');
    await vi.advanceTimersByTimeAsync(CHOICE_WAIT_MS - 1);
    expect(chosen).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(chosen).toEqual(['BU00010101']);
    release('BU00010101');
    await vi.advanceTimersByTimeAsync(0);
    expect(chosen).toEqual(['BU00010101']);
  });

  it('makes only the last of quick choices, whichever rows come first', async () => {
    const { asked, release, chosen, select } = mount();
    select('WK000101');
    select('WK000102');
    expect(asked).toEqual(['WK000101', 'WK000102']);
    release('WK000101');
    await vi.advanceTimersByTimeAsync(0);
    expect(chosen).toEqual([]);
    release('WK000102');
    await vi.advanceTimersByTimeAsync(0);
    expect(chosen).toEqual(['WK000102']);
    await vi.advanceTimersByTimeAsync(CHOICE_WAIT_MS * 2);
    expect(chosen).toEqual(['WK000102']);
  });

  it('chooses an area whose rows failed to load (its source then reports it)', async () => {
    const chosen: string[] = [];
    const seen: Seen = { select: null };
    const warm = () => Promise.reject(new Error('offline'));
    act(() => dom.root.render(<Probe warm={warm} choose={(code) => chosen.push(code)} seen={seen} />));
    seen.select!('WK000103');
    await vi.advanceTimersByTimeAsync(0);
    expect(chosen).toEqual(['WK000103']);
  });
});
