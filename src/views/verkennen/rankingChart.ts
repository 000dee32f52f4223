import * as Plot from '@observablehq/plot';
import { scaleLinear } from 'd3';
import { type MissingReason, missingReason } from '../../app/missingReason.ts';
import type { Interval } from '../../compass/types.ts';
import type { RankingRow } from '../../queries/explore.ts';
import {
  CHAR_WIDTH,
  type ChartBase,
  describeChart,
  LINE_HEIGHT,
  PLOT_STYLE,
  type References,
  referenceLines,
  referenceMarks,
  tagCodes,
  truncate,
  VERKENNEN_STYLE,
} from './chartParts.ts';

export interface RankingChartOptions extends ChartBase {
  reference?: References;
  /** 95 % intervals by area code (src/compass/intervals.ts), drawn as whiskers. */
  intervals?: ReadonlyMap<string, Interval>;
  highlight: string | null;
  formatValue: (v: number) => string;
  labels: {
    gemeente: string;
    nl: string;
    /** Shown instead of a bar: "geheim" (too few people) and "geen gegevens". */
    suppressed: string;
    noData: string;
    /** The word for each reason a value is missing (src/app/missingReason.ts), where the row has one. */
    missing?: Partial<Record<MissingReason, string>>;
  };
  /** Height of one area's row (default 20). */
  rowHeight?: number;
  /**
   * The measured values by code, when the bars are stabilised values (src/compass/levelFunnel.ts): drawn as open
   * circles, so one sees how far each area was drawn towards the gemeente.
   */
  raw?: ReadonlyMap<string, number | null> | null;
}

const MAX_NAME_CHARS = 28;

/**
 * A horizontal bar per area, in the order given (rankingQuery: highest first, suppressed and missing last, which
 * then show a word instead of a bar). Whiskers are the 95 % intervals: two bars whose whiskers overlap are not
 * clearly different, which a ranking alone would suggest. The gemeente and the Netherlands are labelled vertical
 * lines; the highlighted area is dark and outlined, its name bold. Every per-area element (an invisible row-wide
 * band, bar, whisker, name and value) carries `data-code`.
 */
export function rankingChart(rows: readonly RankingRow[], options: RankingChartOptions): SVGSVGElement | HTMLElement {
  const { width = 640, rowHeight = 20, highlight, formatValue, labels } = options;
  const doc = options.document ?? globalThis.document;
  const intervals = options.intervals ?? new Map<string, Interval>();
  const valued = rows.filter((r): r is RankingRow & { value: number } => r.value !== null && Number.isFinite(r.value));
  const whiskers = valued.flatMap((r) => {
    const interval = intervals.get(r.code);
    return interval && Number.isFinite(interval.low) && Number.isFinite(interval.high)
      ? [{ code: r.code, low: interval.low, high: interval.high }]
      : [];
  });
  const refs = referenceLines(options.reference, labels);
  const rawPoints = options.raw
    ? valued.flatMap((r) => {
        const v = options.raw!.get(r.code);
        return typeof v === 'number' && Number.isFinite(v) ? [{ code: r.code, value: v }] : [];
      })
    : [];
  const rawOf = new Map(rawPoints.map((p) => [p.code, p.value]));

  // x from 0 (bars have a length), covering values, whiskers and references.
  const xs = [
    0,
    ...valued.map((r) => r.value),
    ...whiskers.flatMap((w) => [w.low, w.high]),
    ...refs.map((r) => r.value),
    ...rawPoints.map((p) => p.value),
  ];
  let lo = Math.min(...xs);
  let hi = Math.max(...xs);
  if (lo === hi) hi = lo + 1;
  const xTickCount = Math.max(2, Math.round(width / 110));
  const xScale = scaleLinear().domain([lo, hi]).nice(xTickCount);
  [lo, hi] = xScale.domain() as [number, number];
  const xTicks = valued.length ? xScale.ticks(xTickCount) : [];

  const valueText = (r: RankingRow) =>
    r.value !== null && Number.isFinite(r.value)
      ? formatValue(r.value)
      : (labels.missing?.[missingReason(r) ?? 'no_data'] ?? (r.suppressed ? labels.suppressed : labels.noData));
  const names = rows.map((r) => truncate(r.name, MAX_NAME_CHARS));
  const longestName = Math.max(0, ...names.map((n) => n.length));
  const longestValue = Math.max(0, ...rows.map((r) => valueText(r).length));
  const marginLeft = Math.min(Math.round(width * 0.4), Math.ceil(longestName * CHAR_WIDTH) + 12);
  const marginRight = Math.ceil(longestValue * CHAR_WIDTH) + 12;
  const marginTop = 8 + refs.length * LINE_HEIGHT;
  const marginBottom = 28;
  const height = marginTop + marginBottom + Math.max(1, rows.length) * rowHeight;

  const codeOf = (data: readonly { code: string }[]) => (i: number) => data[i]!.code;
  const isHighlight = (r: { code: string }) => r.code === highlight;
  const codes = rows.map((r) => r.code);
  const bold = (i: number) => (rows[i]!.code === highlight ? { 'font-weight': 'bold' } : null);

  const marks: Plot.Markish[] = [
    // A row-wide band behind everything, so that pointing anywhere on a row (also one without a bar) finds its area.
    Plot.barX(rows, {
      y: 'code',
      x1: () => lo,
      x2: () => hi,
      fill: 'white',
      fillOpacity: 0,
      className: 'rows',
      render: tagCodes(codeOf(rows)),
    }),
    Plot.gridX(xTicks, { stroke: '#000', strokeOpacity: 0.08 }),
    Plot.axisX(xTicks, { tickFormat: (d: number) => formatValue(d), tickSize: 4, label: null }),
    Plot.barX(valued, {
      y: 'code',
      x1: 0,
      x2: 'value',
      fill: (r: RankingRow) => (isHighlight(r) ? VERKENNEN_STYLE.highlight : VERKENNEN_STYLE.mark),
      stroke: (r: RankingRow) => (isHighlight(r) ? VERKENNEN_STYLE.outline : 'none'),
      strokeWidth: 2,
      insetTop: 3,
      insetBottom: 3,
      className: 'bars',
      render: tagCodes(codeOf(valued)),
    }),
    Plot.ruleX([0], { stroke: '#8a8a8a', className: 'zero' }),
  ];
  if (whiskers.length > 0) {
    marks.push(
      Plot.ruleY(whiskers, {
        y: 'code',
        x1: 'low',
        x2: 'high',
        stroke: VERKENNEN_STYLE.interval,
        strokeWidth: 1.25,
        className: 'intervals',
        render: tagCodes(codeOf(whiskers)),
      }),
      Plot.tickX(
        whiskers.flatMap((w) => [
          { code: w.code, x: w.low },
          { code: w.code, x: w.high },
        ]),
        {
          y: 'code',
          x: 'x',
          stroke: VERKENNEN_STYLE.interval,
          strokeWidth: 1.25,
          insetTop: rowHeight / 2 - 4,
          insetBottom: rowHeight / 2 - 4,
          className: 'interval-caps',
          render: tagCodes((i) => whiskers[i >> 1]!.code),
        },
      ),
    );
  }
  if (rawPoints.length > 0) {
    marks.push(
      Plot.dot(rawPoints, {
        y: 'code',
        x: 'value',
        r: 3.5,
        fill: 'white',
        stroke: VERKENNEN_STYLE.interval,
        strokeWidth: 1.25,
        className: 'raw-values',
        render: tagCodes((i) => rawPoints[i]!.code),
      }),
    );
  }
  marks.push(...referenceMarks(refs, [lo, hi]));
  marks.push(
    Plot.text(rows, {
      y: 'code',
      text: (_r: RankingRow, i: number) => names[i],
      frameAnchor: 'left',
      textAnchor: 'end',
      dx: -8,
      fill: VERKENNEN_STYLE.text,
      className: 'names',
      render: tagCodes(codeOf(rows), {
        title: (i) => (names[i] !== rows[i]!.name ? rows[i]!.name : null),
        attributes: bold,
      }),
    }),
    Plot.text(rows, {
      y: 'code',
      // After the bar or its whisker, whichever ends further right; a missing value's word starts at 0.
      x: (r: RankingRow) => {
        if (r.value === null || !Number.isFinite(r.value)) return 0;
        const w = intervals.get(r.code);
        return Math.max(0, r.value, w && Number.isFinite(w.high) ? w.high : r.value, rawOf.get(r.code) ?? r.value);
      },
      text: valueText,
      textAnchor: 'start',
      // Clear of an open circle that ends the row.
      dx: rawPoints.length > 0 ? 9 : 5,
      fill: (r: RankingRow) => (r.value === null ? VERKENNEN_STYLE.muted : VERKENNEN_STYLE.text),
      className: 'values',
      render: tagCodes(codeOf(rows), {
        attributes: (i) => ({
          ...bold(i),
          ...(rows[i]!.value === null ? { 'font-style': 'italic' } : {}),
        }),
      }),
    }),
  );

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
    x: { type: 'linear', domain: [lo, hi] },
    // The codes are the band domain (two areas may share a name); the names are a text mark of their own.
    y: { type: 'band', domain: codes.length ? codes : [''], axis: null, paddingInner: 0, paddingOuter: 0 },
    marks,
  });
  describeChart(svg, options, doc);
  return svg;
}
