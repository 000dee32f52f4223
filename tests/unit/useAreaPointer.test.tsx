// @vitest-environment happy-dom
import { act, useMemo, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { SvgHost } from '../../src/views/charts/SvgHost.tsx';
import { useAreaPointer } from '../../src/views/verkennen/useAreaPointer.ts';
import { domHost } from '../fixtures/domHost.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** A chart as Verkennen's are: rebuilt (a new element) whenever the highlighted area changes. */
function Chart({ onHover, name }: { onHover: (code: string | null) => void; name: string }) {
  const [highlight, setHighlight] = useState<string | null>(null);
  const element = useMemo(() => {
    const svg = document.createElement('div');
    svg.className = name;
    for (const code of ['A', 'B']) {
      const bar = document.createElement('span');
      bar.setAttribute('data-code', code);
      if (code === highlight) bar.setAttribute('data-highlight', '');
      svg.append(bar);
    }
    return svg;
  }, [highlight, name]);
  useAreaPointer(
    element,
    (code) => {
      setHighlight(code);
      onHover(code);
    },
    () => undefined,
  );
  return <SvgHost element={element} />;
}

const pointerOver = (target: Element) =>
  act(() => {
    target.dispatchEvent(new Event('pointerover', { bubbles: true }));
  });

describe('useAreaPointer', () => {
  const dom = domHost();

  it('ends the hover when the pointer enters anything outside a chart rebuilt under it, before another chart reports', () => {
    const heard: [string, string | null][] = [];
    act(() =>
      dom.root.render(
        <>
          <Chart name="ranking" onHover={(c) => heard.push(['ranking', c])} />
          <Chart name="histogram" onHover={(c) => heard.push(['histogram', c])} />
          <p className="elsewhere">text</p>
        </>,
      ),
    );
    const bar = (chart: string, code: string) => dom.host.querySelector(`.${chart} [data-code="${code}"]`)!;
    pointerOver(bar('ranking', 'A'));
    // The hover rebuilt the ranking: the bar the pointer entered is no longer in the page, and no pointerleave will
    // come from the new chart, which the pointer never entered as far as its listeners know.
    expect(dom.host.querySelector('.ranking [data-code="A"]')?.hasAttribute('data-highlight')).toBe(true);
    pointerOver(bar('ranking', 'B'));
    pointerOver(bar('histogram', 'A'));
    pointerOver(dom.host.querySelector('.elsewhere')!);
    expect(heard).toEqual([
      ['ranking', 'A'],
      ['ranking', 'B'],
      // The ranking's hover ends before the histogram's begins, so the histogram's stays.
      ['ranking', null],
      ['histogram', 'A'],
      ['histogram', null],
    ]);
  });
});
