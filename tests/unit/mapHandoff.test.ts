import { describe, expect, it } from 'vitest';
import { dropParkedMap, type ParkedMap, parkMap, takeParkedMap } from '../../src/views/map/mapHandoff.ts';

/** A parked map that counts its removals (the element is never touched by the hand-over itself). */
function parked(key: string): ParkedMap & { removed: number } {
  const map = { key, element: {} as HTMLElement, removed: 0, remove: () => map.removed++ };
  return map;
}

describe('the map hand-over from the start screen to the dashboard', () => {
  it('gives a parked map to a successor of the same package, once; dropping it then leaves it alone', () => {
    const map = parked('demo');
    parkMap(map);
    expect(takeParkedMap('other')).toBeNull();
    expect(takeParkedMap('demo')).toBe(map);
    expect(takeParkedMap('demo')).toBeNull();
    // The unmounted map's own cleanup: taken, so it lives on in its successor's frame.
    dropParkedMap(map);
    expect(map.removed).toBe(0);
  });

  it('removes a map nobody took, and a parked map when another is parked', () => {
    const first = parked('demo');
    const second = parked('demo');
    parkMap(first);
    parkMap(second);
    expect(first.removed).toBe(1);
    dropParkedMap(first);
    expect(first.removed).toBe(1);
    dropParkedMap(second);
    expect(second.removed).toBe(1);
    expect(takeParkedMap('demo')).toBeNull();
  });
});
