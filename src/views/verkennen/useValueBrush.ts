import { brushX, type D3BrushEvent, select } from 'd3';
import { useEffect } from 'react';

type PlotScale = { range: [number, number]; invert?: (v: number) => number; apply?: (v: number) => number };

/**
 * A brush along a chart's value axis (x): a strip under the marks, so hovering an area still works. Dragging along
 * the axis selects a value range. The histogram and the ranking share it, and both draw the current range. It
 * uses the chart's own x scale (Plot exposes it on the figure).
 */
export function useValueBrush(
  element: Element | null,
  onBrush: ((range: [number, number] | null) => void) | undefined,
  brushed: [number, number] | null,
) {
  useEffect(() => {
    if (!element || !onBrush) return;
    const svg = element.tagName.toLowerCase() === 'svg' ? element : element.querySelector('svg');
    const plot = element as unknown as { scale?: (name: string) => PlotScale | undefined };
    const x = plot.scale?.('x');
    const y = plot.scale?.('y');
    if (!svg || !x?.invert || !y) return;
    const invert = x.invert;
    const bottom = Math.max(...y.range);
    const layer = select(svg as SVGSVGElement)
      .append('g')
      .attr('class', 'value-brush');
    const brush = brushX<unknown>()
      .extent([
        [Math.min(...x.range), bottom],
        [Math.max(...x.range), bottom + 22],
      ])
      .on('end', (event: D3BrushEvent<unknown>) => {
        if (!event.sourceEvent) return; // moved by the code below, not by the user
        const s = event.selection as [number, number] | null;
        onBrush(s ? [invert(s[0]), invert(s[1])] : null);
      });
    layer.call(brush);
    // Redrawn on hover: put the current range back.
    if (brushed && x.apply) {
      const [lo, hi] = x.range;
      const clamp = (v: number) => Math.max(Math.min(lo, hi), Math.min(Math.max(lo, hi), v));
      layer.call(brush.move, [clamp(x.apply(brushed[0])), clamp(x.apply(brushed[1]))]);
    }
    return () => {
      layer.remove();
    };
  }, [element, onBrush, brushed]);
}
