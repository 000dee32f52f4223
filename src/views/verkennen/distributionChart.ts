import * as Plot from '@observablehq/plot';
import { bin, nice, scaleLinear, thresholdSturges, ticks } from 'd3';
import {
  anchorAt,
  type ChartBase,
  describeChart,
  LINE_HEIGHT,
  PLOT_STYLE,
  type References,
  referenceLines,
  referenceMarks,
  tagCodes,
  VERKENNEN_STYLE,
} from './chartParts.ts';

export interface DistributionItem {
  code: string;
  name: string;
  value: number | null;
}

export interface DistributionChartOptions extends ChartBase {
  height?: number;
  /** The selected area: its cell is dark and its value a labelled line. */
  highlight: string | null;
  reference?: References;
  formatValue: (v: number) => string;
  labels: { gemeente: string; nl: string; count: string; empty: string };
}

/** One area's place in the histogram: its bin, and its position in the bin's stack. */
export interface DistributionCell {
  code: string;
  name: string;
  value: number;
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}

/**
 * Nice bin edges for the values: about Sturges' number of bins (⌈log₂ n⌉ + 1, the usual default for the small
 * counts of a municipality's wijken and buurten), on round numbers so that the axis reads 10, 12, 14 rather than
 * 10,37. One value (or all equal) gets one bin around it.
 */
export function binEdges(values: readonly number[]): number[] {
  if (values.length === 0) return [];
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    [lo, hi] = [lo - pad, hi + pad];
  }
  const count = thresholdSturges(values as number[]);
  [lo, hi] = nice(lo, hi, count);
  const edges = ticks(lo, hi, count);
  if (edges[0]! > lo) edges.unshift(lo);
  if (edges.at(-1)! < hi) edges.push(hi);
  return edges;
}

/**
 * The histogram as one unit cell per area, stacked within its bin (lowest value at the bottom, ties by code): it
 * looks like an ordinary histogram, but every area is a mark of its own, so the selected area is visible where it
 * falls and hovering a cell names an area, as on the map and in the ranking.
 */
export function distributionCells(items: readonly DistributionItem[]): { cells: DistributionCell[]; edges: number[] } {
  const valued = items
    .filter((d): d is DistributionItem & { value: number } => d.value !== null && Number.isFinite(d.value))
    .sort((a, b) => a.value - b.value || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const edges = binEdges(valued.map((d) => d.value));
  if (edges.length < 2) return { cells: [], edges };
  const bins = bin<DistributionItem & { value: number }, number>()
    .value((d) => d.value)
    .domain([edges[0]!, edges.at(-1)!])
    .thresholds(edges.slice(1, -1))(valued);
  const cells = bins.flatMap((b) =>
    b.map((d, k) => ({ code: d.code, name: d.name, value: d.value, x1: b.x0!, x2: b.x1!, y1: k, y2: k + 1 })),
  );
  return { cells, edges };
}

/**
 * A histogram of one indicator over the areas of a level, with the selected area's cell and value marked and the
 * gemeente and the Netherlands as reference lines. Suppressed and missing values are not in it (they are listed in
 * the ranking and the table).
 */
export function distributionChart(
  items: readonly DistributionItem[],
  options: DistributionChartOptions,
): SVGSVGElement | HTMLElement {
  const { width = 640, height = 240, highlight, formatValue, labels } = options;
  const doc = options.document ?? globalThis.document;
  const { cells, edges } = distributionCells(items);
  const refs = referenceLines(options.reference, labels);
  const selected = cells.find((c) => c.code === highlight) ?? null;

  let lo = edges[0] ?? 0;
  let hi = edges.at(-1) ?? 1;
  for (const r of refs) [lo, hi] = [Math.min(lo, r.value), Math.max(hi, r.value)];
  const maxCount = Math.max(0, ...cells.map((c) => c.y2));
  const yTicks = cells.length ? ticks(0, maxCount, Math.min(5, maxCount)).filter(Number.isInteger) : [];
  const xTickCount = Math.max(2, Math.round(width / 90));
  const xTicks = cells.length ? scaleLinear().domain([lo, hi]).ticks(xTickCount) : [];
  const labelLines = refs.length + (selected ? 1 : 0);
  // At least one line: the y axis label sits above the top tick.
  const marginTop = 10 + Math.max(1, labelLines) * LINE_HEIGHT;
  const marginLeft = 40;
  // Thin white gaps between cells while they are tall enough to show them; above that they would only darken.
  const gap = maxCount <= 30 ? 1 : 0;

  const marks: Plot.Markish[] = [
    Plot.gridY(yTicks, { stroke: '#000', strokeOpacity: 0.08 }),
    Plot.axisY(yTicks, {
      tickFormat: (d: number) => String(d),
      tickSize: 0,
      tickPadding: 6,
      label: labels.count,
      labelAnchor: 'top',
      labelArrow: 'none',
      labelOffset: marginLeft,
    }),
    Plot.axisX(xTicks, { tickFormat: (d: number) => formatValue(d), tickSize: 4, label: null }),
    Plot.rect(cells, {
      x1: 'x1',
      x2: 'x2',
      y1: 'y1',
      y2: 'y2',
      fill: (c: DistributionCell) => (c.code === highlight ? VERKENNEN_STYLE.highlight : VERKENNEN_STYLE.mark),
      stroke: 'white',
      strokeWidth: gap,
      insetLeft: 1,
      insetRight: 1,
      className: 'cells',
      render: tagCodes((i) => cells[i]!.code, { title: (i) => `${cells[i]!.name}: ${formatValue(cells[i]!.value)}` }),
    }),
    Plot.ruleY([0], { stroke: '#8a8a8a', className: 'zero' }),
    ...referenceMarks(refs, [lo, hi]),
  ];
  if (selected) {
    const f = (selected.value - lo) / (hi - lo || 1);
    marks.push(
      Plot.ruleX([selected], {
        x: 'value',
        stroke: VERKENNEN_STYLE.outline,
        strokeWidth: 2,
        className: 'highlight',
        render: tagCodes(() => selected.code),
      }),
      Plot.text([selected], {
        x: 'value',
        text: (c: DistributionCell) => `${c.name}: ${formatValue(c.value)}`,
        frameAnchor: 'top',
        lineAnchor: 'bottom',
        dy: -4 - refs.length * LINE_HEIGHT,
        textAnchor: anchorAt(f),
        fill: VERKENNEN_STYLE.text,
        stroke: 'white',
        strokeWidth: 3,
        className: 'highlight-label',
        render: tagCodes(() => selected.code, { attributes: () => ({ 'font-weight': 'bold' }) }),
      }),
    );
  }
  if (cells.length === 0) {
    const empty = labels.empty;
    marks.push(Plot.text([empty], { text: () => empty, frameAnchor: 'middle', fill: VERKENNEN_STYLE.muted }));
  }

  const svg = Plot.plot({
    document: doc,
    width,
    height,
    marginTop,
    marginRight: 16,
    marginBottom: 28,
    marginLeft,
    ariaLabel: options.ariaLabel,
    ariaDescription: options.ariaDescription,
    style: PLOT_STYLE,
    x: { type: 'linear', domain: [lo, hi] },
    y: { type: 'linear', domain: [0, Math.max(1, maxCount)] },
    marks,
  });
  describeChart(svg, options, doc);
  return svg;
}
