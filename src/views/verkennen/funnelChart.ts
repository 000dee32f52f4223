import * as Plot from '@observablehq/plot';
import { scaleLinear, scaleLog } from 'd3';
import type { Funnel } from '../../compass/funnel.ts';
import {
  CHAR_WIDTH,
  type ChartBase,
  describeChart,
  LINE_HEIGHT,
  PLOT_STYLE,
  tagCodes,
  truncate,
  VERKENNEN_STYLE,
} from './chartParts.ts';

/** One area as a dot: its published value against the number of people it rests on. */
export interface FunnelChartPoint {
  code: string;
  name: string;
  value: number;
  denominator: number;
}

export interface FunnelChartOptions extends ChartBase {
  height?: number;
  /** centre, limits and the areas outside them (src/compass/funnel.ts). */
  funnel: Funnel;
  highlight: string | null;
  formatValue: (v: number) => string;
  /** A denominator on the axis ("1.000"). */
  formatCount: (n: number) => string;
  labels: {
    /** Axis titles. */
    x: string;
    y: string;
    /** The centre line ("Gemeente") and the two pairs of limits ("95%", "99,8%"). */
    centre: string;
    inner: string;
    outer: string;
  };
  /** Most areas named in the chart (default 10); the panel lists every one outside the limits below it. */
  maxLabels?: number;
}

/** Limits and centre: greys, so that the areas' blue dots are what one sees; the bands differ in lightness. */
export const FUNNEL_STYLE = {
  outerBand: '#eef1f4',
  innerBand: '#dfe5eb',
  limit: '#55606b',
  centre: VERKENNEN_STYLE.gemeente,
} as const;

const MAX_NAME_CHARS = 24;
const DOT = 4;

interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** Ticks 1, 2 and 5 per decade (only 1 when the decades are many): a log axis with readable, unrepeated labels. */
function logTicks(domain: [number, number], width: number): number[] {
  const all = scaleLog().domain(domain).ticks();
  const lead = (t: number) => Math.round(t / 10 ** Math.floor(Math.log10(t) + 1e-9));
  const decades = Math.log10(domain[1] / domain[0]);
  const allowed = decades * 3 * 55 <= width ? [1, 2, 5] : [1];
  const ticks = all.filter((t) => allowed.includes(lead(t)));
  return ticks.length >= 2 ? ticks : all.filter((_, i, a) => i === 0 || i === a.length - 1);
}

/**
 * A funnel plot (Spiegelhalter 2005): every area as a dot, its value against its denominator on a log axis; the
 * centre line (all areas' counts pooled, the gemeente); and around it the 95 % and 99,8 % limits, which narrow as
 * the denominator grows and already include the ordinary variation between areas (τ²). Dots outside the 99,8 %
 * limits are outlined and named, as is the highlighted area; names are placed so that they never overlap (a name
 * that finds no free place within a few lines is left to the list below the chart). Every dot and name carries
 * `data-code`.
 */
export function funnelChart(
  points: readonly FunnelChartPoint[],
  options: FunnelChartOptions,
): SVGSVGElement | HTMLElement {
  const { width = 560, height = 360, highlight, formatValue, formatCount, labels, funnel } = options;
  const doc = options.document ?? globalThis.document;
  const maxLabels = options.maxLabels ?? 10;
  const dots = points.filter((p) => Number.isFinite(p.value) && p.denominator > 0);
  const limits = funnel.limits;
  const outside = new Set(funnel.outside998);

  const xs = [...limits.map((l) => l.denominator), ...dots.map((p) => p.denominator)];
  const xDomain: [number, number] = [Math.min(...xs), Math.max(...xs)];
  if (!(xDomain[1] > xDomain[0])) xDomain[1] = xDomain[0] * 10;
  const ys = [funnel.centre, ...dots.map((p) => p.value), ...limits.flatMap((l) => [l.outer.low, l.outer.high])].filter(
    Number.isFinite,
  );
  let yDomain = [Math.min(...ys), Math.max(...ys)] as [number, number];
  if (yDomain[0] === yDomain[1]) yDomain = [yDomain[0] - 1, yDomain[1] + 1];
  const yCount = Math.max(2, Math.round(height / 60));
  const yScaleNice = scaleLinear().domain(yDomain).nice(yCount);
  yDomain = yScaleNice.domain() as [number, number];
  const yTicks = yScaleNice.ticks(yCount);
  const xTicks = logTicks(xDomain, width);

  const limitLabelWidth = Math.ceil(Math.max(labels.inner.length, labels.outer.length) * CHAR_WIDTH) + 10;
  const marginLeft = Math.max(
    40,
    Math.ceil(Math.max(0, ...yTicks.map((t) => formatValue(t).length)) * CHAR_WIDTH) + 14,
  );
  const marginRight = limitLabelWidth;
  const marginTop = 24;
  const marginBottom = 40;
  // The same scales as Plot's (domain and range given to both), to place names in pixels.
  const xRange: [number, number] = [marginLeft, width - marginRight];
  const yRange: [number, number] = [height - marginBottom, marginTop];
  const px = scaleLog().domain(xDomain).range(xRange);
  const py = scaleLinear().domain(yDomain).range(yRange);

  // Names: the highlighted area first, then the areas outside the 99,8 % limits, furthest out first.
  const deviation = (p: FunnelChartPoint) => Math.abs(p.value - funnel.centre);
  const named = [
    ...dots.filter((p) => p.code === highlight),
    ...dots.filter((p) => outside.has(p.code) && p.code !== highlight).sort((a, b) => deviation(b) - deviation(a)),
  ].slice(0, Math.max(maxLabels, highlight ? 1 : 0));
  const placed: Box[] = dots.map((p) => {
    const x = px(p.denominator);
    const y = py(p.value);
    return { x0: x - DOT, x1: x + DOT, y0: y - DOT, y1: y + DOT };
  });
  // The centre's name just above or below its line, at the left or the right, wherever no dot is.
  const centreY = py(funnel.centre);
  const centreWidth = labels.centre.length * CHAR_WIDTH;
  const centreSpots = [
    { anchor: 'start' as const, x: xRange[0] + 4, y: centreY - 9 },
    { anchor: 'start' as const, x: xRange[0] + 4, y: centreY + 10 },
    { anchor: 'end' as const, x: xRange[1] - 4, y: centreY - 9 },
    { anchor: 'end' as const, x: xRange[1] - 4, y: centreY + 10 },
  ].map((spot) => {
    const x0 = spot.anchor === 'start' ? spot.x : spot.x - centreWidth;
    return { ...spot, box: { x0, x1: x0 + centreWidth, y0: spot.y - LINE_HEIGHT / 2, y1: spot.y + LINE_HEIGHT / 2 } };
  });
  const centreSpot = centreSpots.find((c) => !placed.some((b) => overlaps(b, c.box))) ?? centreSpots[0]!;
  placed.push(centreSpot.box);
  const nameLabels: { code: string; text: string; x: number; y: number; dotY: number; anchor: 'start' | 'end' }[] = [];
  for (const p of named) {
    const text = truncate(p.name, MAX_NAME_CHARS);
    const w = text.length * CHAR_WIDTH;
    const x = px(p.denominator);
    const y = py(p.value);
    const anchor = x + DOT + 4 + w <= width - 2 ? 'start' : 'end';
    const x0 = anchor === 'start' ? x + DOT + 3 : x - DOT - 3 - w;
    const x1 = anchor === 'start' ? x + DOT + 3 + w : x - DOT - 3;
    // The dot's own box is not an obstacle for its name.
    const obstacles = placed.filter((b) => !(b.x0 === x - DOT && b.y0 === y - DOT));
    let chosen: number | null = null;
    for (const step of [0, -1, 1, -2, 2, -3, 3, -4, 4]) {
      const cy = y + step * LINE_HEIGHT;
      const box = { x0, x1, y0: cy - LINE_HEIGHT / 2, y1: cy + LINE_HEIGHT / 2 };
      if (box.y0 < marginTop - 6 || box.y1 > height - marginBottom) continue;
      if (obstacles.some((b) => overlaps(b, box))) continue;
      chosen = cy;
      placed.push(box);
      break;
    }
    if (chosen === null) continue;
    nameLabels.push({ code: p.code, text, x: p.denominator, y: py.invert(chosen), dotY: p.value, anchor });
  }

  const marks: Plot.Markish[] = [
    Plot.areaY(limits, {
      x: 'denominator',
      y1: (l: (typeof limits)[number]) => l.outer.low,
      y2: (l: (typeof limits)[number]) => l.outer.high,
      fill: FUNNEL_STYLE.outerBand,
      className: 'band-outer',
    }),
    Plot.areaY(limits, {
      x: 'denominator',
      y1: (l: (typeof limits)[number]) => l.inner.low,
      y2: (l: (typeof limits)[number]) => l.inner.high,
      fill: FUNNEL_STYLE.innerBand,
      className: 'band-inner',
    }),
    Plot.gridY(yTicks, { stroke: '#000', strokeOpacity: 0.06 }),
    Plot.gridX(xTicks, { stroke: '#000', strokeOpacity: 0.06 }),
    Plot.axisX(xTicks, {
      // A text channel rather than tickFormat: on a log scale Plot hands tickFormat to d3, which blanks some ticks.
      text: (d: number) => formatCount(d),
      tickSize: 4,
      label: labels.x,
      labelAnchor: 'right',
      labelArrow: 'none',
    }),
    Plot.axisY(yTicks, {
      tickFormat: (d: number) => formatValue(d),
      tickSize: 0,
      tickPadding: 6,
      label: labels.y,
      labelAnchor: 'top',
      labelArrow: 'none',
      labelOffset: marginLeft,
    }),
  ];
  for (const [key, style] of [
    ['outer', { strokeDasharray: undefined, className: 'limit-outer' }],
    ['inner', { strokeDasharray: '4,3', className: 'limit-inner' }],
  ] as const) {
    for (const side of ['low', 'high'] as const) {
      marks.push(
        Plot.line(limits, {
          x: 'denominator',
          y: (l: (typeof limits)[number]) => l[key][side],
          stroke: FUNNEL_STYLE.limit,
          strokeWidth: 1,
          strokeDasharray: style.strokeDasharray,
          className: `${style.className} ${style.className}-${side}`,
        }),
      );
    }
  }
  // The limits' names at their right ends (above for the upper, below for the lower limits), outside the frame.
  const last = limits.at(-1);
  if (last) {
    const ends = [
      { y: last.outer.high, text: labels.outer, key: 'outer' },
      { y: last.inner.high, text: labels.inner, key: 'inner' },
      { y: last.inner.low, text: labels.inner, key: 'inner' },
      { y: last.outer.low, text: labels.outer, key: 'outer' },
    ];
    // Push apart names whose lines end closer than a line of text, keeping their order.
    const pos = ends.map((e) => py(e.y));
    for (let i = 1; i < pos.length; i++) pos[i] = Math.max(pos[i]!, pos[i - 1]! + LINE_HEIGHT - 2);
    marks.push(
      Plot.text(
        ends.map((e, i) => ({ ...e, y: py.invert(pos[i]!), x: last.denominator })),
        {
          x: 'x',
          y: 'y',
          text: 'text',
          textAnchor: 'start',
          dx: 4,
          fill: VERKENNEN_STYLE.muted,
          className: 'limit-labels',
        },
      ),
    );
  }
  marks.push(
    Plot.ruleY([funnel.centre], {
      stroke: FUNNEL_STYLE.centre.stroke,
      strokeWidth: FUNNEL_STYLE.centre.strokeWidth,
      strokeDasharray: FUNNEL_STYLE.centre.dash,
      className: 'centre',
    }),
    Plot.text([centreSpot], {
      x: (c: typeof centreSpot) => px.invert(c.x),
      y: (c: typeof centreSpot) => py.invert(c.y),
      text: () => labels.centre,
      textAnchor: centreSpot.anchor,
      fill: FUNNEL_STYLE.centre.text,
      stroke: 'white',
      strokeWidth: 3,
      className: 'centre-label',
    }),
  );
  const inside = dots.filter((p) => !outside.has(p.code) && p.code !== highlight);
  const out = dots.filter((p) => outside.has(p.code) && p.code !== highlight);
  const selected = dots.filter((p) => p.code === highlight);
  const title = (list: readonly FunnelChartPoint[]) => (i: number) =>
    `${list[i]!.name}: ${formatValue(list[i]!.value)} (${formatCount(list[i]!.denominator)})`;
  marks.push(
    Plot.dot(inside, {
      x: 'denominator',
      y: 'value',
      r: DOT,
      fill: VERKENNEN_STYLE.mark,
      fillOpacity: 0.8,
      stroke: 'white',
      strokeWidth: 0.75,
      className: 'points',
      render: tagCodes((i) => inside[i]!.code, { title: title(inside) }),
    }),
    Plot.dot(out, {
      x: 'denominator',
      y: 'value',
      r: DOT + 1,
      fill: VERKENNEN_STYLE.mark,
      stroke: VERKENNEN_STYLE.outline,
      strokeWidth: 1.5,
      className: 'points outside',
      render: tagCodes((i) => out[i]!.code, { title: title(out) }),
    }),
    Plot.dot(selected, {
      x: 'denominator',
      y: 'value',
      r: DOT + 2,
      fill: VERKENNEN_STYLE.highlight,
      stroke: VERKENNEN_STYLE.outline,
      strokeWidth: 2,
      className: 'highlight',
      render: tagCodes((i) => selected[i]!.code, { title: title(selected) }),
    }),
  );
  // A thin leader from a dot to a name that had to move away from it.
  const moved = nameLabels.filter((l) => Math.abs(py(l.y) - py(l.dotY)) > LINE_HEIGHT / 2);
  if (moved.length > 0) {
    marks.push(
      Plot.link(moved, {
        x1: 'x',
        x2: 'x',
        y1: 'dotY',
        y2: 'y',
        stroke: VERKENNEN_STYLE.muted,
        strokeWidth: 0.75,
        className: 'name-leaders',
      }),
    );
  }
  for (const anchor of ['start', 'end'] as const) {
    const list = nameLabels.filter((l) => l.anchor === anchor);
    if (list.length === 0) continue;
    marks.push(
      Plot.text(list, {
        x: 'x',
        y: 'y',
        text: 'text',
        textAnchor: anchor,
        dx: anchor === 'start' ? DOT + 3 : -DOT - 3,
        fill: VERKENNEN_STYLE.text,
        stroke: 'white',
        strokeWidth: 3,
        className: 'names',
        render: tagCodes((i) => list[i]!.code, {
          attributes: (i) => (list[i]!.code === highlight ? { 'font-weight': 'bold' } : null),
        }),
      }),
    );
  }

  const svg = Plot.plot({
    document: doc,
    width,
    height,
    marginTop,
    marginRight,
    marginBottom,
    marginLeft,
    ariaLabel: options.ariaLabel,
    ariaDescription: options.ariaDescription,
    style: PLOT_STYLE,
    x: { type: 'log', domain: xDomain, range: xRange },
    y: { type: 'linear', domain: yDomain, range: yRange },
    marks,
  });
  describeChart(svg, options, doc);
  return svg;
}
