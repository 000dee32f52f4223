import { describe, expect, it } from 'vitest';
import { clipText, firstOf, HANDOUT_BUDGETS, isoToDate } from '../../src/views/print/handoutModel.ts';

describe('the handout budget', () => {
  it('keeps a short text as it is, line breaks included', () => {
    expect(clipText('Meer jongeren\nrond het winkelcentrum.')).toEqual({
      text: 'Meer jongeren\nrond het winkelcentrum.',
      clipped: false,
    });
  });

  it('clips a long text to its characters with … and says so', () => {
    const long = 'a'.repeat(1000);
    const { text, clipped } = clipText(long);
    expect(clipped).toBe(true);
    expect([...text]).toHaveLength(HANDOUT_BUDGETS[0]!.chars + 1);
    expect(text.endsWith('…')).toBe(true);
  });

  it('clips many short lines to the first ones', () => {
    const { text, clipped } = clipText('een\ntwee\ndrie\nvier\nvijf', 220, 3);
    expect(clipped).toBe(true);
    expect(text).toBe('een\ntwee\ndrie…');
  });

  it('counts an emoji as one character and never cuts one in half', () => {
    const { text } = clipText('😀'.repeat(10), 4, 1);
    expect(text).toBe('😀😀😀😀…');
  });

  it('leaves a hostile string as the same characters (it is rendered as text)', () => {
    expect(clipText('<img src=x onerror=alert(1)>').text).toBe('<img src=x onerror=alert(1)>');
  });

  it('shows the first items of a list and counts the rest', () => {
    expect(firstOf([1, 2, 3, 4, 5], 3)).toEqual({ shown: [1, 2, 3], more: 2 });
    expect(firstOf([1], 3)).toEqual({ shown: [1], more: 0 });
  });

  it('reads a kept date as a local date, and nothing else', () => {
    const date = isoToDate('2026-03-12');
    expect([date?.getFullYear(), date?.getMonth(), date?.getDate()]).toEqual([2026, 2, 12]);
    expect(isoToDate('12-03-2026')).toBeNull();
  });

  it('each budget shows at most as much as the one before, and the last shows one of each', () => {
    for (let i = 1; i < HANDOUT_BUDGETS.length; i++) {
      const [before, now] = [HANDOUT_BUDGETS[i - 1]!, HANDOUT_BUDGETS[i]!];
      for (const key of Object.keys(now) as (keyof typeof now)[]) expect(now[key]).toBeLessThanOrEqual(before[key]);
      expect(now).not.toEqual(before);
    }
    expect(HANDOUT_BUDGETS.at(-1)).toMatchObject({ aims: 1, dataSignals: 1, wijkSignals: 1, notes: 1 });
  });
});
