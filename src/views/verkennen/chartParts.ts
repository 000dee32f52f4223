/**
 * What the Verkennen charts share: their colours, the accessible wrapping of a rendered Plot, and the `data-code`
 * attribute on every per-area mark. That attribute is the contract with the app: a pointer event's target names
 * the area it is over (`closest('[data-code]')`), whichever chart it happened in, and one shared selection then
 * highlights the same area everywhere.
 */
import * as Plot from '@observablehq/plot';
import { describeChart, svgOf } from '../charts/describeChart.ts';
import { SVG_NS } from '../charts/svgElement.ts';

export { describeChart, svgOf };

import { isolate } from '../../app/bidi.ts';
import { TREND_STYLE } from '../charts/trendChart.ts';

export const FONT_SIZE = 12;
/** Rough average glyph width of system-ui at 12px, for margins and truncation (as in trendChart). */
export const CHAR_WIDTH = 7;
export const LINE_HEIGHT = 14;

/**
 * Marks of every area: a mid blue with 3,4:1 contrast on white (WCAG 1.4.11 asks 3:1 for graphics); the
 * highlighted area is darker and outlined, so it stands out by lightness and shape, not by hue alone.
 */
export const VERKENNEN_STYLE = {
  mark: '#4292c6',
  highlight: '#08306b',
  outline: '#1b2631',
  interval: '#1b2631',
  text: '#1b2631',
  muted: '#55606b',
  gemeente: TREND_STYLE.reference,
  nl: TREND_STYLE.national,
} as const;

/** The style every Verkennen chart's root gets (as trendChart). */
export const PLOT_STYLE = { fontSize: `${FONT_SIZE}px`, color: '#1b2631', background: 'white', overflow: 'visible' };

export interface ChartBase {
  width?: number;
  ariaLabel: string;
  ariaDescription?: string;
  /** The document to build in (defaults to the global one); tests pass happy-dom's. */
  document?: Document;
}

/** The gemeente's and the Netherlands' value, drawn as labelled reference lines. */
export interface References {
  gemeente?: number | null;
  nl?: number | null;
}

/** A name shortened to `maxChars` with an ellipsis, direction-isolated (the cut may fall inside an override). */
export function truncate(text: string, maxChars: number): string {
  if (text.length <= maxChars) return isolate(text);
  return isolate(`${text.slice(0, Math.max(1, maxChars - 1)).trimEnd()}…`);
}

export interface TagOptions {
  /** A tooltip (e.g. the full name of a shortened label). */
  title?: (i: number) => string | null;
  /** Attributes Plot only takes as constants (font-weight of the highlighted area's text). */
  attributes?: (i: number) => Record<string, string> | null;
}

/**
 * A Plot `render` option that gives every element the mark drew the code of its datum. Plot passes the index it
 * actually renders (data without a defined position are left out) and draws one element per index entry in that
 * order, so the k-th child belongs to datum index[k].
 */
export function tagCodes(codes: (i: number) => string, options: TagOptions = {}): Plot.RenderFunction {
  return function render(index, scales, values, dimensions, context, next) {
    const g = next!(index, scales, values, dimensions, context)!;
    const children = g.children;
    let k = 0;
    for (const i of index) {
      const child = children[k++];
      if (!child) break;
      child.setAttribute('data-code', codes(i));
      child.setAttribute('cursor', 'pointer');
      for (const [name, value] of Object.entries(options.attributes?.(i) ?? {})) child.setAttribute(name, value);
      const title = options.title?.(i);
      if (title) {
        const node = context.document.createElementNS(SVG_NS, 'title');
        node.textContent = title;
        child.appendChild(node);
      }
    }
    return g;
  };
}

/** The svg inside what Plot returned (a <figure> when the chart has a caption). */
/** Where a label at fraction f of the width anchors, so that it stays inside the frame. */
export function anchorAt(f: number): 'start' | 'middle' | 'end' {
  return f < 0.15 ? 'start' : f > 0.85 ? 'end' : 'middle';
}

export interface ReferenceLine {
  key: 'gemeente' | 'nl';
  value: number;
  label: string;
}

/** The references that have a value, gemeente first. */
export function referenceLines(
  refs: References | undefined,
  labels: { gemeente: string; nl: string },
): ReferenceLine[] {
  const out: ReferenceLine[] = [];
  for (const key of ['gemeente', 'nl'] as const) {
    const value = refs?.[key];
    if (typeof value === 'number' && Number.isFinite(value)) out.push({ key, value, label: labels[key] });
  }
  return out;
}

/**
 * Vertical reference lines (gemeente dashed, Nederland dotted, as in the trend chart) with their names above the
 * frame, each on its own line so that two close values never print over each other. `line` is the first line to
 * use, counted upwards from the frame's top edge.
 */
export function referenceMarks(
  refs: readonly ReferenceLine[],
  domain: readonly [number, number],
  line = 0,
): Plot.Markish[] {
  const span = domain[1] - domain[0] || 1;
  return refs.flatMap((ref, i) => {
    const style = VERKENNEN_STYLE[ref.key];
    return [
      Plot.ruleX([ref.value], {
        stroke: style.stroke,
        strokeWidth: style.strokeWidth,
        strokeDasharray: style.dash ?? undefined,
        className: `reference-${ref.key}`,
      }),
      Plot.text([ref], {
        x: 'value',
        text: 'label',
        frameAnchor: 'top',
        lineAnchor: 'bottom',
        dy: -4 - (line + i) * LINE_HEIGHT,
        textAnchor: anchorAt((ref.value - domain[0]) / span),
        fill: style.text,
        stroke: 'white',
        strokeWidth: 3,
        className: `reference-label-${ref.key}`,
      }),
    ];
  });
}
