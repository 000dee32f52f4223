// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { onPageDiscard } from '../../src/app/pageDiscard.ts';

const pagehide = (persisted: boolean) => {
  const event = new Event('pagehide') as Event & { persisted: boolean };
  Object.defineProperty(event, 'persisted', { value: persisted });
  window.dispatchEvent(event);
};

describe('onPageDiscard', () => {
  it('releases when the page is thrown away, not when the back/forward cache keeps it, and not after unsubscribing', () => {
    let released = 0;
    const stop = onPageDiscard(() => released++);
    pagehide(true);
    expect(released).toBe(0);
    pagehide(false);
    expect(released).toBe(1);
    stop();
    pagehide(false);
    expect(released).toBe(1);
  });
});
