import { line } from 'd3';
import { svgElementFactory } from './svgElement.ts';

export interface SparkPoint {
  period: number;
  value: number | null;
}

export interface SparklineOptions {
  /** Default 96. */
  width?: number;
  /** Default 24. */
  height?: number;
  ariaLabel: string;
  /** The x extent [first, last period]; defaults to the points' own. Pass the package's so sparklines align. */
  periods?: readonly [number, number];
  /** The selected year: a dot on its value, when it has one. */
  highlightPeriod?: number;
  /** The document to build in (defaults to the global one); tests pass happy-dom's. */
  document?: Document;
}

export const SPARK_COLOR = '#1f5fa8';
/** Room for the highlight dot at the edges. */
const PAD = 3;

const round = (v: number) => Math.round(v * 100) / 100;

/**
 * A tiny line of one indicator over the years (no axes). Null values break the line; a value with no defined
 * neighbour shows as a small dot. All null gives an empty, still labelled, image.
 */
export function sparkline(points: SparkPoint[], options: SparklineOptions): SVGSVGElement {
  const { width = 96, height = 24, ariaLabel, highlightPeriod } = options;
  const doc = options.document ?? globalThis.document;
  const el = svgElementFactory(doc);

  const svg = el('svg', {
    class: 'sparkline-svg',
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-label': ariaLabel,
  });
  const title = el('title', {});
  title.textContent = ariaLabel;
  svg.appendChild(title);

  const byPeriod = new Map<number, number | null>();
  for (const p of points) {
    if (Number.isFinite(p.period))
      byPeriod.set(p.period, p.value !== null && Number.isFinite(p.value) ? p.value : null);
  }
  const rows = [...byPeriod].sort((a, b) => a[0] - b[0]).map(([period, value]) => ({ period, value }));
  const defined = rows.filter((r): r is { period: number; value: number } => r.value !== null);
  if (defined.length === 0) return svg;

  const p0 = options.periods?.[0] ?? rows[0]!.period;
  const p1 = options.periods?.[1] ?? rows[rows.length - 1]!.period;
  const values = defined.map((r) => r.value);
  const v0 = Math.min(...values);
  const v1 = Math.max(...values);
  // Degenerate domains (one year, constant values) sit in the middle instead of dividing by zero.
  const x = (p: number) => round(p1 === p0 ? width / 2 : PAD + ((p - p0) / (p1 - p0)) * (width - 2 * PAD));
  const y = (v: number) => round(v1 === v0 ? height / 2 : height - PAD - ((v - v0) / (v1 - v0)) * (height - 2 * PAD));

  // A value with no defined neighbour is a dot, not a zero-length subpath of the line.
  const isLone = (i: number) =>
    rows[i]!.value !== null && (rows[i - 1]?.value ?? null) === null && (rows[i + 1]?.value ?? null) === null;
  const path = line<{ period: number; value: number | null }>()
    .defined((r, i) => r.value !== null && !isLone(i))
    .x((r) => x(r.period))
    .y((r) => y(r.value as number))(rows);
  if (path) {
    svg.appendChild(
      el('path', {
        d: path,
        fill: 'none',
        stroke: SPARK_COLOR,
        'stroke-width': 1.5,
        'stroke-linejoin': 'round',
        'stroke-linecap': 'round',
      }),
    );
  }
  rows.forEach((r, i) => {
    if (isLone(i) && r.period !== highlightPeriod) {
      svg.appendChild(el('circle', { cx: x(r.period), cy: y(r.value as number), r: 1.5, fill: SPARK_COLOR }));
    }
  });
  const highlighted = defined.find((r) => r.period === highlightPeriod);
  if (highlighted) {
    svg.appendChild(
      el('circle', {
        class: 'highlight',
        cx: x(highlighted.period),
        cy: y(highlighted.value),
        r: 2.5,
        fill: SPARK_COLOR,
        stroke: 'white',
        'stroke-width': 1,
      }),
    );
  }
  return svg;
}
