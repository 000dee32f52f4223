import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The gate is per page (module state): each test imports a fresh copy.
const freshGate = async () => {
  vi.resetModules();
  return import('../../src/app/firstKompasGate.ts');
};

describe('firstKompasGate', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('holds DuckDB and the map back until the first Kompas is drawn, then lets them start once', async () => {
    const gate = await freshGate();
    const started = vi.fn();
    const listener = vi.fn();
    gate.subscribeFirstKompasGate(listener);
    void gate.afterFirstKompas().then(started);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(started).not.toHaveBeenCalled();
    expect(gate.firstKompasGateOpen()).toBe(false);

    gate.openFirstKompasGate();
    gate.openFirstKompasGate();
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(gate.firstKompasGateOpen()).toBe(true);
  });

  it('opens by its bound when no Kompas comes (a precomputed file failed: DuckDB must draw it)', async () => {
    const gate = await freshGate();
    const started = vi.fn();
    void gate.afterFirstKompas().then(started);
    gate.boundFirstKompasWait();
    await vi.advanceTimersByTimeAsync(2999);
    expect(started).not.toHaveBeenCalled();
    // A second wait does not move the bound.
    gate.boundFirstKompasWait();
    await vi.advanceTimersByTimeAsync(1);
    expect(started).toHaveBeenCalledTimes(1);
  });

  it('a listener that unsubscribed is not called', async () => {
    const gate = await freshGate();
    const listener = vi.fn();
    const unsubscribe = gate.subscribeFirstKompasGate(listener);
    unsubscribe();
    gate.openFirstKompasGate();
    expect(listener).not.toHaveBeenCalled();
  });
});
