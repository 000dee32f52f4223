// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DWELL_MS, useDwell } from '../../src/app/useDwell.ts';
import { domHost } from '../fixtures/domHost.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type Seen = { hover: ((code: string | null) => void) | null };
function Probe({ onDwell, seen }: { onDwell: (code: string) => void; seen: Seen }) {
  seen.hover = useDwell(onDwell);
  return null;
}

describe('useDwell', () => {
  const dom = domHost();
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function mount() {
    const warmed: string[] = [];
    const seen: Seen = { hover: null };
    act(() => dom.root.render(<Probe onDwell={(code) => warmed.push(code)} seen={seen} />));
    return { warmed, hover: (code: string | null) => seen.hover!(code) };
  }

  it('warms the area the pointer rests on, not the ones it passes over', () => {
    const { warmed, hover } = mount();
    hover('WK000101');
    vi.advanceTimersByTime(DWELL_MS - 50);
    hover('WK000102');
    vi.advanceTimersByTime(DWELL_MS - 1);
    expect(warmed).toEqual([]);
    // Moving within the same area keeps its timer.
    hover('WK000102');
    vi.advanceTimersByTime(1);
    expect(warmed).toEqual(['WK000102']);
    vi.advanceTimersByTime(DWELL_MS * 4);
    expect(warmed).toEqual(['WK000102']);
  });

  it('warms nothing once the pointer has left before the dwell', () => {
    const { warmed, hover } = mount();
    hover('BU00010101');
    vi.advanceTimersByTime(DWELL_MS / 2);
    hover(null);
    vi.advanceTimersByTime(DWELL_MS * 2);
    expect(warmed).toEqual([]);
    hover('BU00010101');
    vi.advanceTimersByTime(DWELL_MS);
    expect(warmed).toEqual(['BU00010101']);
  });
});
