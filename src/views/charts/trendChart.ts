import * as Plot from '@observablehq/plot';
import { scaleLinear } from 'd3';
import { describeChart } from './describeChart.ts';
import { SVG_NS } from './svgElement.ts';

/** One line in the trend chart; `value: null` is a missing or suppressed year and breaks the line. */
export interface TrendSeries {
  key: string;
  label: string;
  role: 'area' | 'reference' | 'national';
  points: { period: number; value: number | null }[];
}

export interface TrendAim {
  targetPeriod: number;
  /** Without a number or band (only a direction is known) nothing is drawn. */
  targetValue: number | null;
  /** A target band instead of one value: drawn as a shaded band up to the target period. */
  band?: { low: number; high: number } | null;
  baselinePeriod: number;
  /** Already formatted text shown at the target marker, e.g. "Doel 2026: 9%". */
  label: string;
}

export interface TrendChartOptions {
  width?: number;
  height?: number;
  formatValue: (v: number) => string;
  yLabel: string;
  /** The x domain: integer years. Years absent from a series are gaps. */
  periods: number[];
  aim?: TrendAim;
  /** Marked with a subtle vertical rule. */
  selectedPeriod?: number;
  /** The area's 95 % interval per year, drawn as a band behind its line. */
  band?: { period: number; low: number; high: number }[];
  /** The aim's projection: a dotted line from the last measurement to the target year, with its 95 % interval. */
  projection?: {
    from: { period: number; value: number };
    to: { period: number; value: number; low?: number; high?: number };
  };
  /** The y axis starts at 0 (or includes it) unless this is false. */
  zero?: boolean;
  ariaLabel: string;
  ariaDescription?: string;
  /** Shown in the middle of the frame when no series has any value. */
  emptyLabel?: string;
  /** The document to build in (defaults to the global one); tests pass happy-dom's. */
  document?: Document;
}

/** Colours and strokes per role: blue against greys, told apart by dash pattern and direct labels too. */
export const TREND_STYLE = {
  area: { stroke: '#1f5fa8', text: '#1f5fa8', strokeWidth: 2.5, dash: null, fontWeight: 'bold' },
  reference: { stroke: '#6f6f6f', text: '#555555', strokeWidth: 2, dash: '6,4', fontWeight: 'normal' },
  national: { stroke: '#a3a3a3', text: '#666666', strokeWidth: 1.75, dash: '2,3', fontWeight: 'normal' },
} as const;
export const AIM_COLOR = '#00785a';

const FONT_SIZE = 12;
/** Rough average glyph width of system-ui at 12px, for margins and truncation. */
const CHAR_WIDTH = 7;
const SWATCH = 18;
/** Between x tick centres: "2015" at 12px is ~28px wide. */
const MIN_TICK_SPACING = 32;
const X_INSET = 10;
const ROLE_ORDER: Record<TrendSeries['role'], number> = { area: 0, reference: 1, national: 2 };

interface Row {
  key: string;
  role: TrendSeries['role'];
  period: number;
  value: number | null;
}

/**
 * A series' own points, sorted. A period the series has no point for is simply not there (not measured that year:
 * the line goes on to the next measurement); a point whose value is null (suppressed, or not published) breaks it.
 */
function normalise(series: TrendSeries): Row[] {
  const byPeriod = new Map<number, number | null>();
  for (const p of series.points) byPeriod.set(p.period, p.value !== null && Number.isFinite(p.value) ? p.value : null);
  return [...byPeriod.keys()]
    .sort((a, b) => a - b)
    .map((period) => ({ key: series.key, role: series.role, period, value: byPeriod.get(period) ?? null }));
}

/** Points with no defined neighbour: a line cannot show them, so they get a dot. */
function lonePoints(rows: Row[]): Row[] {
  return rows.filter(
    (r, i) => r.value !== null && (rows[i - 1]?.value ?? null) === null && (rows[i + 1]?.value ?? null) === null,
  );
}

/**
 * Pushes label centres apart to at least `gap` pixels, staying within [top, bottom]. With `heights` (a label of
 * several lines is taller), two neighbours stay half their heights apart instead.
 */
export function dodge(ys: number[], gap: number, top: number, bottom: number, heights?: number[]): number[] {
  const order = ys.map((y, i) => [y, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const placed = order.map(([y]) => Math.min(Math.max(y, top), bottom));
  const apart = (k: number) =>
    heights ? ((heights[order[k - 1]![1]] ?? gap) + (heights[order[k]![1]] ?? gap)) / 2 : gap;
  for (let i = 1; i < placed.length; i++) placed[i] = Math.max(placed[i]!, placed[i - 1]! + apart(i));
  for (let i = placed.length - 1; i >= 0; i--) {
    const limit = i === placed.length - 1 ? bottom : placed[i + 1]! - apart(i + 1);
    placed[i] = Math.min(placed[i]!, limit);
  }
  const out = new Array<number>(ys.length);
  order.forEach(([, index], k) => {
    out[index] = placed[k]!;
  });
  return out;
}

/** Lines of a label wrapped at spaces and hyphens: a gemeente's or wijk's name is shown whole, not cut off. */
export function wrapLabel(text: string, maxChars: number, maxLines = 4): string[] {
  const words = text.split(/(?<=[\s-])/).map((w) => w.replace(/\s+$/, ''));
  const lines: string[] = [];
  for (const word of words) {
    const last = lines.at(-1);
    const joined = last === undefined ? word : last.endsWith('-') ? `${last}${word}` : `${last} ${word}`;
    if (last !== undefined && joined.length <= maxChars) lines[lines.length - 1] = joined;
    else for (let i = 0; i < Math.max(1, word.length); i += maxChars) lines.push(word.slice(i, i + maxChars));
  }
  if (lines.length <= maxLines) return lines;
  // Longer than the room for it (a name of some 60 characters): the end is cut, and the full name is the title.
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, Math.max(1, maxChars - 1)).trimEnd()}…`;
  return kept;
}

/**
 * A line chart of an indicator over the years: the selected area (bold, with dots), its gemeente (dashed grey)
 * and optionally the Netherlands (dotted light grey), labelled directly at the right end. Gaps (null) break the
 * lines; a lone value between gaps still shows as a dot. A numeric aim is a dashed line from the baseline year to
 * the target year with a marker and label at the target.
 */
export function trendChart(series: TrendSeries[], options: TrendChartOptions): SVGSVGElement | HTMLElement {
  const { width = 640, height = 280, formatValue, yLabel, aim, selectedPeriod, zero = true } = options;
  const doc = options.document ?? globalThis.document;
  const ordered = [...series].sort((a, b) => ROLE_ORDER[b.role] - ROLE_ORDER[a.role]); // area drawn last, on top
  const periods = [...new Set(options.periods.filter(Number.isFinite))].sort((a, b) => a - b);
  const rowsBySeries = ordered.map((s) => normalise(s));
  const rows = rowsBySeries.flat();
  const allPeriods = [...new Set(rows.map((r) => r.period).concat(periods))].sort((a, b) => a - b);
  const aimBand = aim?.band && Number.isFinite(aim.band.low) && Number.isFinite(aim.band.high) ? aim.band : null;
  const shownAim =
    aim && ((aim.targetValue !== null && Number.isFinite(aim.targetValue)) || aimBand)
      ? { ...aim, targetValue: aim.targetValue ?? (aimBand ? (aimBand.low + aimBand.high) / 2 : 0) }
      : null;
  const band = (options.band ?? []).filter((b) => Number.isFinite(b.low) && Number.isFinite(b.high));
  const projection = options.projection ?? null;

  // x: integer years, padded when there is only one.
  const xYears = [...allPeriods];
  if (shownAim) xYears.push(shownAim.targetPeriod, shownAim.baselinePeriod);
  if (projection) xYears.push(projection.to.period);
  let x0 = Math.min(...xYears);
  let x1 = Math.max(...xYears);
  if (!Number.isFinite(x0)) x0 = x1 = selectedPeriod ?? 0;
  const xDomain: [number, number] = x0 === x1 ? [x0 - 0.5, x1 + 0.5] : [x0, x1];

  // y: from 0 (or including it) unless zero === false; a numeric target is in view.
  const values = rows.flatMap((r) => (r.value === null ? [] : [r.value]));
  const empty = values.length === 0;
  if (shownAim) values.push(shownAim.targetValue);
  if (aimBand) values.push(aimBand.low, aimBand.high);
  for (const b of band) values.push(b.low, b.high);
  if (projection)
    for (const v of [projection.to.value, projection.to.low, projection.to.high])
      if (v !== undefined && Number.isFinite(v)) values.push(v);
  let lo = values.length ? Math.min(...values) : 0;
  let hi = values.length ? Math.max(...values) : 1;
  if (zero) {
    lo = Math.min(lo, 0);
    hi = Math.max(hi, 0);
  }
  if (lo === hi) {
    const pad = Math.abs(lo) > 0 ? Math.abs(lo) * 0.1 : 1;
    if (zero && lo === 0) hi = 1;
    else if (zero && lo > 0) lo = 0;
    else if (zero && hi < 0) hi = 0;
    else [lo, hi] = [lo - pad, hi + pad];
  }

  // Margins: left from the widest y tick label, right from the widest direct label.
  const marginTop = 26;
  const marginBottom = 30;
  const yTickCount = Math.max(2, Math.round((height - marginTop - marginBottom) / 45));
  const yScale = scaleLinear().domain([lo, hi]).nice(yTickCount);
  const yDomain = yScale.domain() as [number, number];
  const yTicks = empty ? [] : yScale.ticks(yTickCount);
  const yTickText = yTicks.map((t) => formatValue(t));
  const marginLeft = Math.max(36, Math.ceil(Math.max(0, ...yTickText.map((t) => t.length)) * CHAR_WIDTH) + 14);
  const labelled = ordered.flatMap((series, i) => {
    const last = rowsBySeries[i]!.findLast((r) => r.value !== null);
    return last ? [{ series, lastValue: last.value as number }] : [];
  });
  const longest = Math.max(0, ...labelled.map((l) => l.series.label.length));
  // Long names wrap onto lines (wrapLabel); the room is at least the longest word's ("Voorbeeldgemeente"), so a
  // word is not split, up to 40% of the width.
  const longestWord = Math.max(0, ...labelled.flatMap((l) => l.series.label.split(/[\s-]/).map((w) => w.length)));
  const widest = (chars: number) => Math.ceil(chars * CHAR_WIDTH) + SWATCH + 14;
  const labelRoom = Math.min(
    widest(longest),
    Math.max(Math.round(width * 0.26), Math.min(widest(longestWord), Math.round(width * 0.4))),
  );
  const marginRight = labelled.length ? Math.max(labelRoom, 24) : 24;

  // x ticks: every year when they fit, else thinned from the latest year back; the target year always stays.
  const innerWidth = width - marginLeft - marginRight - 2 * X_INSET;
  const pxPerYear = innerWidth / (xDomain[1] - xDomain[0]);
  const xTicks = shownAim ? [shownAim.targetPeriod] : [];
  for (const year of [...allPeriods].reverse()) {
    if (xTicks.every((t) => Math.abs(t - year) * pxPerYear >= MIN_TICK_SPACING)) xTicks.push(year);
  }
  xTicks.sort((a, b) => a - b);

  const marks: Plot.Markish[] = [
    Plot.gridY(yTicks, { stroke: '#000', strokeOpacity: 0.08 }),
    Plot.axisY(yTicks, {
      tickFormat: (d: number) => formatValue(d),
      tickSize: 0,
      tickPadding: 6,
      label: yLabel,
      labelAnchor: 'top',
      labelArrow: 'none',
      labelOffset: marginLeft,
    }),
    Plot.axisX(xTicks, { tickFormat: (d: number) => String(d), tickSize: 4, label: null }),
  ];
  if (!empty && selectedPeriod !== undefined && selectedPeriod >= xDomain[0] && selectedPeriod <= xDomain[1]) {
    marks.push(
      Plot.ruleX([selectedPeriod], {
        stroke: '#1b2631',
        strokeOpacity: 0.22,
        strokeWidth: 1.5,
        className: 'selected-period',
      }),
    );
  }
  if (!empty && yDomain[0] <= 0 && yDomain[1] >= 0)
    marks.push(Plot.ruleY([0], { stroke: '#8a8a8a', className: 'zero' }));

  if (band.length > 0) {
    marks.push(
      Plot.areaY(band, {
        x: 'period',
        y1: 'low',
        y2: 'high',
        fill: TREND_STYLE.area.stroke,
        fillOpacity: 0.14,
        className: 'interval-band',
      }),
    );
  }
  if (shownAim && aimBand) {
    marks.push(
      Plot.rect(
        [{ x1: Math.min(shownAim.baselinePeriod, shownAim.targetPeriod), x2: shownAim.targetPeriod, ...aimBand }],
        {
          x1: 'x1',
          x2: 'x2',
          y1: 'low',
          y2: 'high',
          fill: AIM_COLOR,
          fillOpacity: 0.12,
          stroke: AIM_COLOR,
          strokeDasharray: '5,4',
          className: 'aim-band',
        },
      ),
    );
  }
  if (projection) {
    const { from, to } = projection;
    marks.push(
      Plot.line(
        [
          { x: from.period, y: from.value },
          { x: to.period, y: to.value },
        ],
        {
          x: 'x',
          y: 'y',
          stroke: TREND_STYLE.area.stroke,
          strokeWidth: 1.5,
          strokeDasharray: '2,3',
          className: 'projection',
        },
      ),
    );
    if (to.low !== undefined && to.high !== undefined && Number.isFinite(to.low) && Number.isFinite(to.high))
      marks.push(
        Plot.ruleX([{ x: to.period, y1: to.low, y2: to.high }], {
          x: 'x',
          y1: 'y1',
          y2: 'y2',
          stroke: TREND_STYLE.area.stroke,
          strokeWidth: 1.5,
          className: 'projection-interval',
        }),
      );
  }
  if (shownAim && !aimBand) {
    const { baselinePeriod, targetPeriod, targetValue, label } = shownAim;
    const from = Math.min(baselinePeriod, targetPeriod);
    // The label goes on the side of the target line away from the area's latest value, staying inside the frame.
    const areaRows = rowsBySeries[ordered.findIndex((s) => s.role === 'area')] ?? [];
    const areaLast = areaRows.findLast((r) => r.value !== null)?.value ?? null;
    const f = (targetValue - yDomain[0]) / (yDomain[1] - yDomain[0] || 1);
    const above = f < 0.12 ? true : f > 0.88 ? false : areaLast === null || areaLast <= targetValue;
    marks.push(
      Plot.ruleY([targetValue], {
        x1: from,
        x2: targetPeriod,
        stroke: AIM_COLOR,
        strokeWidth: 1.75,
        strokeDasharray: '5,4',
        className: 'aim',
      }),
      Plot.dot([{ x: targetPeriod, y: targetValue }], {
        x: 'x',
        y: 'y',
        symbol: 'diamond2',
        r: 5,
        fill: AIM_COLOR,
        stroke: AIM_COLOR,
        className: 'aim-target',
      }),
      Plot.text([{ x: targetPeriod, y: targetValue, label }], {
        x: 'x',
        y: 'y',
        text: 'label',
        dy: above ? -12 : 13,
        textAnchor: 'end',
        fill: AIM_COLOR,
        stroke: 'white',
        strokeWidth: 4,
        fontWeight: 'bold',
        className: 'aim-label',
      }),
    );
  }

  for (const [i, s] of ordered.entries()) {
    const data = rowsBySeries[i]!;
    const style = TREND_STYLE[s.role];
    // Plot breaks a line at an undefined y: null values become NaN so no segment crosses the gap. Lone values
    // are left out of the line too (they would be an invisible zero-length subpath) and drawn as dots instead.
    const lone = new Set(lonePoints(data));
    marks.push(
      Plot.lineY(data, {
        x: 'period',
        y: (r: Row) => (r.value === null || lone.has(r) ? Number.NaN : r.value),
        stroke: style.stroke,
        strokeWidth: style.strokeWidth,
        strokeDasharray: style.dash ?? undefined,
        strokeLinejoin: 'round',
        strokeLinecap: 'round',
        className: `line-${s.role}`,
      }),
    );
    const dots = s.role === 'area' ? data.filter((r) => r.value !== null) : [...lone];
    if (dots.length) {
      marks.push(
        Plot.dot(dots, {
          x: 'period',
          y: 'value',
          r: s.role === 'area' ? 3 : 3.5,
          fill: style.stroke,
          stroke: 'white',
          strokeWidth: 1,
          className: `dots-${s.role}`,
        }),
      );
    }
    if (s.role === 'area' && selectedPeriod !== undefined) {
      const selected = data.filter((r) => r.period === selectedPeriod && r.value !== null);
      if (selected.length) {
        marks.push(
          Plot.dot(selected, {
            x: 'period',
            y: 'value',
            r: 5,
            fill: style.stroke,
            stroke: 'white',
            strokeWidth: 1.5,
            className: 'selected',
          }),
        );
      }
    }
  }

  if (labelled.length) marks.push(directLabels(labelled, marginRight));
  if (empty && options.emptyLabel) {
    const emptyLabel = options.emptyLabel;
    marks.push(
      Plot.text([emptyLabel], { text: () => emptyLabel, frameAnchor: 'middle', fill: '#55606b', fontSize: 13 }),
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
    style: { fontSize: `${FONT_SIZE}px`, color: '#1b2631', background: 'white', overflow: 'visible' },
    x: { type: 'linear', domain: xDomain, insetLeft: X_INSET, insetRight: X_INSET },
    y: { type: 'linear', domain: yDomain },
    marks,
  });
  describeChart(svg, options, doc);
  return svg;
}

/** Labels at the right end: a swatch in the line's style and the name, at the height of the last value. */
function directLabels(labelled: { series: TrendSeries; lastValue: number }[], room: number): Plot.RenderFunction {
  const render: Plot.RenderFunction = (_index, scales, _values, dimensions, context) => {
    const document = context.document;
    const g = document.createElementNS(SVG_NS, 'g');
    g.setAttribute('class', 'labels');
    g.setAttribute('text-anchor', 'start');
    g.setAttribute('font-size', String(FONT_SIZE));
    const y = scales.y!;
    const lasts = labelled.map((l) => y(l.lastValue) as number);
    const top = dimensions.marginTop + 6;
    const bottom = dimensions.height - dimensions.marginBottom - 6;
    const x = dimensions.width - dimensions.marginRight + 6;
    const maxChars = Math.max(3, Math.floor((room - SWATCH - 14) / CHAR_WIDTH));
    const lineHeight = FONT_SIZE + 3;
    const wrapped = labelled.map(({ series: s }) => wrapLabel(s.label, maxChars));
    const ys = dodge(
      lasts,
      lineHeight,
      top,
      bottom,
      wrapped.map((lines) => lines.length * lineHeight),
    );
    labelled.forEach(({ series: s }, i) => {
      const style = TREND_STYLE[s.role];
      const lines = wrapped[i]!;
      // A label of several lines is centred on the line's end; the swatch is beside its first line.
      const cy = Math.round((ys[i]! - ((lines.length - 1) * lineHeight) / 2) * 10) / 10;
      const item = document.createElementNS(SVG_NS, 'g');
      item.setAttribute('class', `label-${s.role}`);
      const swatch = document.createElementNS(SVG_NS, 'line');
      swatch.setAttribute('x1', String(x));
      swatch.setAttribute('x2', String(x + SWATCH));
      swatch.setAttribute('y1', String(cy));
      swatch.setAttribute('y2', String(cy));
      swatch.setAttribute('stroke', style.stroke);
      swatch.setAttribute('stroke-width', String(style.strokeWidth));
      if (style.dash) swatch.setAttribute('stroke-dasharray', style.dash);
      const text = document.createElementNS(SVG_NS, 'text');
      const textX = String(x + SWATCH + 5);
      text.setAttribute('x', textX);
      text.setAttribute('y', String(cy));
      text.setAttribute('dy', '0.32em');
      text.setAttribute('fill', style.text);
      if (style.fontWeight !== 'normal') text.setAttribute('font-weight', style.fontWeight);
      if (lines.length === 1) text.textContent = lines[0]!;
      else
        lines.forEach((line, k) => {
          const span = document.createElementNS(SVG_NS, 'tspan');
          span.setAttribute('x', textX);
          if (k > 0) span.setAttribute('dy', String(lineHeight));
          span.textContent = line;
          text.appendChild(span);
        });
      if (lines.length > 1 || lines[0] !== s.label) {
        const title = document.createElementNS(SVG_NS, 'title');
        title.textContent = s.label;
        text.appendChild(title);
      }
      item.append(swatch, text);
      g.appendChild(item);
    });
    return g;
  };
  return render;
}
