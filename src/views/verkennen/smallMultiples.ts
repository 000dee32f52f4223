import { line, scaleLinear } from 'd3';
import type { AreaTrendRow } from '../../queries/explore.ts';
import { svgElementFactory } from '../charts/svgElement.ts';
import { CHAR_WIDTH, type ChartBase, describeChart, truncate, VERKENNEN_STYLE } from './chartParts.ts';

export interface AreaSeries {
  code: string;
  name: string;
  /** `value: null` is a suppressed or missing year and breaks the line. */
  points: { period: number; value: number | null }[];
}

export interface SeriesLimit {
  /** The highest or the lowest values in `period`. */
  order: 'top' | 'bottom';
  count: number;
  period: number;
}

export interface SmallMultiplesOptions extends ChartBase {
  /** The x extent: the package's periods, so that every panel has the same years. */
  periods: readonly number[];
  highlight: string | null;
  /** The selected year: a dot on each panel's value. */
  selectedPeriod?: number;
  /** Only the top or bottom N (the highlighted area is always kept). */
  limit?: SeriesLimit | null;
  /** A line drawn in every panel for comparison (the gemeente), dashed grey. */
  reference?: { label: string; points: { period: number; value: number | null }[] } | null;
  formatValue: (v: number) => string;
  /** Panel size (default 150 × 84); the number of columns follows from the width. */
  panelWidth?: number;
  panelHeight?: number;
  emptyLabel?: string;
}

/** Rows of areaTrendsQuery as one series per area, suppressed years as null, named from `names`. */
export function toAreaSeries(
  rows: readonly Pick<AreaTrendRow, 'code' | 'period' | 'value' | 'suppressed'>[],
  names: ReadonlyMap<string, string>,
): AreaSeries[] {
  const byCode = new Map<string, AreaSeries>();
  for (const r of rows) {
    let s = byCode.get(r.code);
    if (!s) {
      s = { code: r.code, name: names.get(r.code) ?? r.code, points: [] };
      byCode.set(r.code, s);
    }
    s.points.push({ period: r.period, value: r.suppressed || r.value === null ? null : r.value });
  }
  return [...byCode.values()];
}

const valueIn = (s: AreaSeries, period: number) => s.points.find((p) => p.period === period)?.value ?? null;

/**
 * The series in reading order: highest value in `period` first (a missing value last, then by name), or the
 * lowest first for `bottom`; cut to `count` when a limit is given, keeping the highlighted area at its place in
 * the order (so the panel the user is looking at never disappears).
 */
export function orderSeries(
  series: readonly AreaSeries[],
  period: number | undefined,
  limit?: SeriesLimit | null,
  highlight?: string | null,
): AreaSeries[] {
  const at = limit?.period ?? period;
  const sign = limit?.order === 'bottom' ? 1 : -1;
  const sorted = [...series].sort((a, b) => {
    const va = at === undefined ? null : valueIn(a, at);
    const vb = at === undefined ? null : valueIn(b, at);
    if (va !== null && vb !== null && va !== vb) return sign * (va - vb);
    if ((va === null) !== (vb === null)) return va === null ? 1 : -1;
    return a.name.localeCompare(b.name, 'nl') || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  });
  if (!limit) return sorted;
  const withValue = sorted.filter((s) => valueIn(s, limit.period) !== null);
  const kept = new Set(withValue.slice(0, Math.max(0, limit.count)).map((s) => s.code));
  if (highlight) kept.add(highlight);
  return sorted.filter((s) => kept.has(s.code));
}

const round = (v: number) => Math.round(v * 100) / 100;

/** Lone values (no defined neighbour) cannot show as a line: they get a dot (as in sparkline and trendChart). */
function lone(points: { value: number | null }[], i: number): boolean {
  return (
    points[i]!.value !== null && (points[i - 1]?.value ?? null) === null && (points[i + 1]?.value ?? null) === null
  );
}

/**
 * One small line chart per area on a shared y scale, so that panels compare by position: a grid that fills the
 * width, each panel with the area's name, its line, the gemeente as a dashed grey line, and a dot on the selected
 * year. The highlighted area's panel is outlined and its line darker. Each panel is a <g data-code> with a
 * transparent background, so pointing anywhere in a panel names its area.
 *
 * Drawn with d3 rather than Plot facets: per-panel groups with their own hit area and label are direct here, and
 * the output is as small and stable as the sparkline's.
 */
export function smallMultiples(series: readonly AreaSeries[], options: SmallMultiplesOptions): SVGSVGElement {
  const { width = 640, panelWidth = 150, panelHeight = 84, highlight, selectedPeriod, formatValue } = options;
  const doc = options.document ?? globalThis.document;
  const el = svgElementFactory(doc);

  const shown = orderSeries(series, selectedPeriod, options.limit, highlight);
  const periods = [...new Set(options.periods)].filter(Number.isFinite).sort((a, b) => a - b);
  const reference = options.reference ?? null;
  const all = [...shown.flatMap((s) => s.points), ...(reference?.points ?? [])];
  const values = all.flatMap((p) => (p.value !== null && Number.isFinite(p.value) ? [p.value] : []));
  const p0 = periods[0] ?? Math.min(...all.map((p) => p.period));
  const p1 = periods.at(-1) ?? Math.max(...all.map((p) => p.period));

  // A shared y scale from 0 (or including it), niced, with its two ends printed once at the left of each row.
  let lo = Math.min(0, ...values);
  let hi = Math.max(0, ...values);
  if (lo === hi) hi = lo + 1;
  const yNice = scaleLinear().domain([lo, hi]).nice(4);
  [lo, hi] = yNice.domain() as [number, number];

  const axisRoom = Math.ceil(Math.max(formatValue(lo).length, formatValue(hi).length) * CHAR_WIDTH) + 8;
  const columns = Math.max(1, Math.floor((width - axisRoom) / panelWidth));
  const cellWidth = (width - axisRoom) / columns;
  const rows = Math.max(1, Math.ceil(shown.length / columns));
  const titleHeight = 16;
  const pad = { top: titleHeight + 4, right: 10, bottom: 14, left: 6 };
  // The reference's key (a dashed swatch and its name) on a line above the panels.
  const legendHeight = reference ? 20 : 0;
  const height = legendHeight + rows * panelHeight;
  const innerW = cellWidth - pad.left - pad.right;
  const innerH = panelHeight - pad.top - pad.bottom;
  const x = (p: number) => round(p1 === p0 ? innerW / 2 : ((p - p0) / (p1 - p0)) * innerW);
  const y = (v: number) => round(innerH - ((v - lo) / (hi - lo)) * innerH);

  const svg = el('svg', {
    class: 'small-multiples',
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    'font-family': 'system-ui, sans-serif',
    'font-size': 11,
    style: 'max-width: 100%; height: auto; background: white',
  });

  if (shown.length === 0) {
    if (options.emptyLabel) {
      const text = el('text', { x: width / 2, y: height / 2, 'text-anchor': 'middle', fill: VERKENNEN_STYLE.muted });
      text.textContent = options.emptyLabel;
      svg.appendChild(text);
    }
    describeChart(svg, options, doc);
    return svg;
  }

  // The y scale's ends, once per row of panels.
  const axis = el('g', { class: 'y-axis', 'text-anchor': 'end', fill: VERKENNEN_STYLE.muted });
  for (let r = 0; r < rows; r++) {
    for (const v of [lo, hi]) {
      const t = el('text', {
        x: axisRoom - 4,
        y: round(legendHeight + r * panelHeight + pad.top + y(v)),
        dy: '0.32em',
      });
      t.textContent = formatValue(v);
      axis.appendChild(t);
    }
  }
  svg.appendChild(axis);

  const path = (points: { period: number; value: number | null }[]) => {
    const sorted = [...points].sort((a, b) => a.period - b.period);
    return {
      sorted,
      d: line<{ period: number; value: number | null }>()
        .defined((p, i) => p.value !== null && !lone(sorted, i))
        .x((p) => x(p.period))
        .y((p) => y(p.value as number))(sorted),
    };
  };
  const referencePath = reference ? path(reference.points) : null;
  if (reference) {
    const style = VERKENNEN_STYLE.gemeente;
    const legend = el('g', { class: 'legend', transform: `translate(${axisRoom + pad.left},10)` });
    legend.appendChild(
      el('line', {
        x1: 0,
        x2: 22,
        y1: 0,
        y2: 0,
        stroke: style.stroke,
        'stroke-width': 1.5,
        'stroke-dasharray': style.dash,
      }),
    );
    const text = el('text', { x: 28, y: 0, dy: '0.32em', fill: style.text });
    text.textContent = reference.label;
    legend.appendChild(text);
    svg.appendChild(legend);
  }
  const maxChars = Math.max(4, Math.floor((cellWidth - pad.left - 4) / (CHAR_WIDTH * 0.92)));

  shown.forEach((s, n) => {
    const isHighlight = s.code === highlight;
    const color = isHighlight ? VERKENNEN_STYLE.highlight : VERKENNEN_STYLE.mark;
    const gx = round(axisRoom + (n % columns) * cellWidth);
    const gy = round(legendHeight + Math.floor(n / columns) * panelHeight);
    const panel = el('g', {
      class: isHighlight ? 'panel highlight' : 'panel',
      transform: `translate(${gx},${gy})`,
      'data-code': s.code,
      cursor: 'pointer',
    });
    panel.appendChild(
      el('rect', {
        class: 'hit',
        x: 1,
        y: 1,
        width: round(cellWidth - 2),
        height: panelHeight - 2,
        fill: 'white',
        'fill-opacity': 0,
        ...(isHighlight ? { stroke: VERKENNEN_STYLE.outline, 'stroke-width': 2 } : {}),
      }),
    );
    const name = truncate(s.name, maxChars);
    const title = el('text', {
      class: 'name',
      x: pad.left,
      y: titleHeight - 3,
      fill: VERKENNEN_STYLE.text,
      ...(isHighlight ? { 'font-weight': 'bold' } : {}),
    });
    title.textContent = name;
    if (name !== s.name) {
      const full = el('title', {});
      full.textContent = s.name;
      title.appendChild(full);
    }
    panel.appendChild(title);

    const plot = el('g', { transform: `translate(${pad.left},${pad.top})` });
    plot.appendChild(el('line', { x1: 0, x2: round(innerW), y1: innerH, y2: innerH, stroke: '#d0d0d0' }));
    if (lo < 0 && hi > 0)
      plot.appendChild(el('line', { x1: 0, x2: round(innerW), y1: y(0), y2: y(0), stroke: '#8a8a8a' }));
    if (referencePath?.d) {
      const style = VERKENNEN_STYLE.gemeente;
      plot.appendChild(
        el('path', {
          class: 'reference',
          d: referencePath.d,
          fill: 'none',
          stroke: style.stroke,
          'stroke-width': 1.25,
          'stroke-dasharray': style.dash,
        }),
      );
    }
    const { sorted, d } = path(s.points);
    if (d) {
      plot.appendChild(
        el('path', {
          class: 'line',
          d,
          fill: 'none',
          stroke: color,
          'stroke-width': isHighlight ? 2.5 : 1.75,
          'stroke-linejoin': 'round',
          'stroke-linecap': 'round',
        }),
      );
    }
    sorted.forEach((p, i) => {
      const isSelected = p.period === selectedPeriod && p.value !== null;
      if (isSelected || lone(sorted, i)) {
        plot.appendChild(
          el('circle', {
            class: isSelected ? 'selected' : 'lone',
            cx: x(p.period),
            cy: y(p.value as number),
            r: isSelected ? 3 : 2,
            fill: color,
            ...(isSelected ? { stroke: 'white', 'stroke-width': 1 } : {}),
          }),
        );
      }
    });
    // First and last year under the panels with no panel below them (every panel shares them).
    if (n + columns >= shown.length) {
      const years = el('g', { class: 'x-axis', fill: VERKENNEN_STYLE.muted, 'font-size': 11 });
      const ends = p0 === p1 ? [p0] : [p0, p1];
      for (const [k, p] of ends.entries()) {
        const t = el('text', {
          x: x(p),
          y: innerH + 11,
          'text-anchor': ends.length === 1 ? 'middle' : k === 0 ? 'start' : 'end',
        });
        t.textContent = String(p);
        years.appendChild(t);
      }
      plot.appendChild(years);
    }
    panel.appendChild(plot);
    svg.appendChild(panel);
  });

  describeChart(svg, options, doc);
  return svg;
}
