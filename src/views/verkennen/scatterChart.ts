import * as Plot from '@observablehq/plot';
import { scaleLinear } from 'd3';
import type { LeastSquares } from '../../compass/correlation.ts';
import type { ScatterRow } from '../../queries/explore.ts';
import {
  anchorAt,
  CHAR_WIDTH,
  type ChartBase,
  describeChart,
  PLOT_STYLE,
  tagCodes,
  truncate,
  VERKENNEN_STYLE,
} from './chartParts.ts';

export interface ScatterChartOptions extends ChartBase {
  height?: number;
  /** The least-squares line (src/compass/correlation.ts), drawn over the x extent of the points; null: no line. */
  fit: LeastSquares | null;
  /** Pearson's r, said in the caption; null when it cannot be computed (fewer than 3 points, no variance). */
  r: number | null;
  highlight: string | null;
  formatX: (v: number) => string;
  formatY: (v: number) => string;
  labels: {
    x: string;
    y: string;
    /** The caption under the chart, e.g. "r = 0,62 (12 wijken)" or "te weinig gebieden voor een verband". */
    caption: (r: number | null, n: number) => string;
    empty: string;
  };
}

const niceDomain = (values: number[], count: number): [number, number] => {
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (!Number.isFinite(lo)) [lo, hi] = [0, 1];
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    [lo, hi] = [lo - pad, hi + pad];
  }
  return scaleLinear().domain([lo, hi]).nice(count).domain() as [number, number];
};

/**
 * Two indicators against each other, one dot per area, with the least-squares line and r in the caption. A
 * correlation across areas says that they go together, not that one causes the other (and not that it holds for
 * the people in them); the caption only states r and n. The highlighted area is a larger dark dot, named.
 */
export function scatterChart(points: readonly ScatterRow[], options: ScatterChartOptions): HTMLElement | SVGSVGElement {
  const { width = 560, height = 360, highlight, formatX, formatY, labels, fit } = options;
  const doc = options.document ?? globalThis.document;
  const valid = points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  const xDomain = niceDomain(
    valid.map((p) => p.x),
    Math.max(2, Math.round(width / 100)),
  );
  const yDomain = niceDomain(
    valid.map((p) => p.y),
    Math.max(2, Math.round(height / 60)),
  );
  const xTicks = valid.length
    ? scaleLinear()
        .domain(xDomain)
        .ticks(Math.max(2, Math.round(width / 100)))
    : [];
  const yTicks = valid.length
    ? scaleLinear()
        .domain(yDomain)
        .ticks(Math.max(2, Math.round(height / 60)))
    : [];
  const marginLeft = Math.max(40, Math.ceil(Math.max(0, ...yTicks.map((t) => formatY(t).length)) * CHAR_WIDTH) + 14);
  const selected = valid.find((p) => p.code === highlight) ?? null;
  const others = valid.filter((p) => p.code !== highlight);

  const marks: Plot.Markish[] = [
    Plot.gridX(xTicks, { stroke: '#000', strokeOpacity: 0.08 }),
    Plot.gridY(yTicks, { stroke: '#000', strokeOpacity: 0.08 }),
    Plot.axisX(xTicks, {
      tickFormat: (d: number) => formatX(d),
      tickSize: 4,
      label: labels.x,
      labelAnchor: 'right',
      labelArrow: 'none',
    }),
    Plot.axisY(yTicks, {
      tickFormat: (d: number) => formatY(d),
      tickSize: 0,
      tickPadding: 6,
      label: labels.y,
      labelAnchor: 'top',
      labelArrow: 'none',
      labelOffset: marginLeft,
    }),
  ];
  if (fit && valid.length >= 2) {
    const x0 = Math.min(...valid.map((p) => p.x));
    const x1 = Math.max(...valid.map((p) => p.x));
    marks.push(
      Plot.line(
        [
          { x: x0, y: fit.intercept + fit.slope * x0 },
          { x: x1, y: fit.intercept + fit.slope * x1 },
        ],
        { x: 'x', y: 'y', stroke: VERKENNEN_STYLE.muted, strokeWidth: 1.5, strokeDasharray: '6,3', className: 'fit' },
      ),
    );
  }
  marks.push(
    Plot.dot(others, {
      x: 'x',
      y: 'y',
      r: 4,
      fill: VERKENNEN_STYLE.mark,
      fillOpacity: 0.85,
      stroke: 'white',
      strokeWidth: 0.75,
      className: 'points',
      render: tagCodes((i) => others[i]!.code, { title: (i) => others[i]!.name }),
    }),
  );
  if (selected) {
    const f = (selected.x - xDomain[0]) / (xDomain[1] - xDomain[0]);
    const anchor = anchorAt(f) === 'end' ? 'end' : 'start';
    marks.push(
      Plot.dot([selected], {
        x: 'x',
        y: 'y',
        r: 6,
        fill: VERKENNEN_STYLE.highlight,
        stroke: VERKENNEN_STYLE.outline,
        strokeWidth: 2,
        className: 'highlight',
        render: tagCodes(() => selected.code, { title: () => selected.name }),
      }),
      Plot.text([selected], {
        x: 'x',
        y: 'y',
        text: (p: ScatterRow) => truncate(p.name, 28),
        textAnchor: anchor,
        dx: anchor === 'start' ? 9 : -9,
        fill: VERKENNEN_STYLE.text,
        stroke: 'white',
        strokeWidth: 3,
        className: 'highlight-label',
        render: tagCodes(() => selected.code, { attributes: () => ({ 'font-weight': 'bold' }) }),
      }),
    );
  }
  if (valid.length === 0) {
    const empty = labels.empty;
    marks.push(Plot.text([empty], { text: () => empty, frameAnchor: 'middle', fill: VERKENNEN_STYLE.muted }));
  }

  const figure = Plot.plot({
    document: doc,
    width,
    height,
    marginTop: 24,
    marginRight: 20,
    marginBottom: 40,
    marginLeft,
    ariaLabel: options.ariaLabel,
    ariaDescription: options.ariaDescription,
    style: PLOT_STYLE,
    caption: labels.caption(options.r, valid.length),
    x: { type: 'linear', domain: xDomain },
    y: { type: 'linear', domain: yDomain },
    marks,
  });
  describeChart(figure, options, doc);
  return figure;
}
