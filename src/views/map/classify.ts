/**
 * Class breaks for the map and the charts that share its colours. Every method returns the ColorScale shape of
 * colorScale.ts (classes with an inclusive lower and exclusive upper bound, the last one inclusive), so the legend
 * reads the same whichever method is chosen.
 *
 * - quantile: each colour holds about as many areas (the map's default; d3's R-7 quantiles, as quantileColorScale);
 * - equal: classes of equal width between the lowest and the highest value;
 * - jenks: natural breaks, the partition with the least sum of squared deviations within classes (Fisher 1958,
 *   "On grouping for maximum homogeneity"; Jenks 1977). Solved exactly by dynamic programming, not by Jenks'
 *   iterative approximation, so the same values always give the same breaks.
 *
 * Values that are not finite numbers (null, NaN: suppressed or missing) are ignored.
 */
import { quantileSorted } from 'd3';
import {
  type ColorClass,
  type ColorScale,
  NO_DATA_COLOR,
  quantileColorScale,
  SEQUENTIAL,
  sortedFinite,
} from './colorScale.ts';

/**
 * Colour-blind-safe palettes (ColorBrewer, Brewer & Harrower 2003; viridis, van der Walt & Smith 2015), light to
 * dark for the sequential ones so that "more" is always darker, as on the map. Diverging palettes have a neutral
 * middle and run from orange/brown (below) to purple/teal (above); they stay distinguishable for the common
 * red-green colour-vision deficiencies, unlike red–green.
 */
export const PALETTES = {
  sequential: {
    blues5: SEQUENTIAL,
    blues7: ['#eff3ff', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#084594'],
    viridis5: ['#fde725', '#5ec962', '#21918c', '#3b528b', '#440154'],
    viridis7: ['#fde725', '#8fd744', '#35b779', '#21918c', '#31688e', '#443983', '#440154'],
  },
  diverging: {
    puor5: ['#e66101', '#fdb863', '#f7f7f7', '#b2abd2', '#5e3c99'],
    puor7: ['#b35806', '#f1a340', '#fee0b6', '#f7f7f7', '#d8daeb', '#998ec3', '#542788'],
    brbg5: ['#a6611a', '#dfc27d', '#f5f5f5', '#80cdc1', '#018571'],
    brbg7: ['#8c510a', '#d8b365', '#f6e8c3', '#f5f5f5', '#c7eae5', '#5ab4ac', '#01665e'],
  },
} as const satisfies Record<'sequential' | 'diverging', Record<string, readonly string[]>>;

export type ClassMethod = 'quantile' | 'equal' | 'jenks';

export interface ClassifyOptions {
  method: ClassMethod;
  /** At most this many classes (and at most the palette's length); fewer when the values do not fill them. */
  classes: number;
  palette: readonly string[];
}

type MaybeNumber = number | null | undefined;

const EMPTY: ColorScale = { classes: [], color: () => NO_DATA_COLOR };

function finiteSorted(values: readonly MaybeNumber[]): number[] {
  return Array.from(sortedFinite(values));
}

/**
 * `count` colours spread over the palette, so that two classes are light and dark rather than the two lightest;
 * the palette itself when the counts match.
 */
function spread(palette: readonly string[], count: number): string[] {
  const n = palette.length;
  return Array.from({ length: count }, (_, i) =>
    count === 1 ? palette[Math.floor((n - 1) / 2)]! : palette[Math.round((i * (n - 1)) / (count - 1))]!,
  );
}

/**
 * The scale for bounds [min, ...breaks, max]. Breaks that are not strictly increasing inside (min, max) are
 * dropped, so ties give fewer classes rather than empty ones. `topClass` keeps a break at the maximum: a natural
 * break can set the highest value apart as a class of its own (an outlier), a quantile at the maximum cannot.
 */
function fromBreaks(
  min: number,
  max: number,
  candidates: readonly number[],
  palette: readonly string[],
  topClass = false,
): ColorScale {
  const breaks: number[] = [];
  for (const b of candidates) {
    const below = topClass ? b <= max : b < max;
    if (b > min && below && (breaks.length === 0 || b > breaks.at(-1)!)) breaks.push(b);
  }
  const bounds = [min, ...breaks, max];
  const count = Math.max(1, bounds.length - 1);
  const used = spread(palette, count);
  const classes: ColorClass[] = used.map((color, i) => ({ from: bounds[i]!, to: bounds[i + 1] ?? max, color }));
  return {
    classes,
    color(value) {
      if (!Number.isFinite(value)) return NO_DATA_COLOR;
      for (let i = 0; i < breaks.length; i++) if (value < breaks[i]!) return used[i]!;
      return used[used.length - 1]!;
    },
  };
}

/** Class breaks (the lower bounds of classes 2…k) of the sorted values by one of the methods. */
export function classBreaks(sorted: readonly number[], method: ClassMethod, classes: number): number[] {
  const k = Math.max(1, Math.floor(classes));
  if (sorted.length === 0 || k === 1) return [];
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  switch (method) {
    case 'quantile':
      return Array.from({ length: k - 1 }, (_, i) => quantileSorted(sorted as number[], (i + 1) / k)!);
    case 'equal':
      return Array.from({ length: k - 1 }, (_, i) => min + ((max - min) * (i + 1)) / k);
    case 'jenks':
      return jenksBreaks(sorted, k);
  }
}

/**
 * Classes of the values by the chosen method, coloured from the palette (light = low). Quantile classes are
 * exactly those of quantileColorScale for the same number of classes (the map's legend does not change when the
 * method is made explicit). Equal and natural classes are at most as many as there are distinct values: two
 * values make two classes, not five of which three are empty.
 */
export function classify(values: readonly MaybeNumber[], options: ClassifyOptions): ColorScale {
  const sorted = finiteSorted(values);
  if (sorted.length === 0 || options.palette.length === 0) return EMPTY;
  let k = Math.min(Math.max(1, Math.floor(options.classes)), options.palette.length);
  if (options.method !== 'quantile') k = Math.min(k, distinctCount(sorted));
  const breaks = classBreaks(sorted, options.method, k);
  return fromBreaks(sorted[0]!, sorted.at(-1)!, breaks, options.palette, options.method === 'jenks');
}

function distinctCount(sorted: readonly number[]): number {
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) n++;
  return n;
}

/**
 * Classes symmetric around a centre (the gemeente's value): equal widths over [centre − d, centre + d], d the
 * largest distance of a value from the centre. The middle colour is "about the same as the gemeente"; a colour on
 * one side means as much difference as the same colour on the other. With an odd palette the middle class is
 * centred on the centre; with an even one the centre is a break. A centre that is not a number gives no classes:
 * without a value to compare with there is no comparison to colour.
 */
export function divergingScale(values: readonly MaybeNumber[], center: number, palette: readonly string[]): ColorScale {
  const sorted = finiteSorted(values);
  if (sorted.length === 0 || palette.length === 0 || !Number.isFinite(center)) return EMPTY;
  const d = Math.max(Math.abs(sorted[0]! - center), Math.abs(sorted.at(-1)! - center));
  const p = palette.length;
  if (d === 0) return fromBreaks(center, center, [], palette); // one class: the neutral middle colour
  const breaks = Array.from({ length: p - 1 }, (_, j) => center + (d * (2 * (j + 1) - p)) / p);
  return fromBreaks(center - d, center + d, breaks, palette);
}

/** Quantiles, equal intervals or natural breaks; or a diverging scheme centred on a reference (the gemeente). */
export type MapClassification =
  | { method: 'quantile' | 'equal' | 'jenks' }
  | { method: 'diverging'; center: number | null };

/** The map's colour scale for one set of values by the chosen classification (diverging without a centre: quantiles). */
export function scaleFor(values: readonly number[], classification: MapClassification): ColorScale {
  switch (classification.method) {
    case 'quantile':
      return quantileColorScale(values);
    case 'diverging':
      return classification.center === null
        ? quantileColorScale(values)
        : divergingScale(values, classification.center, PALETTES.diverging.puor5);
    default:
      return classify(values, { method: classification.method, classes: 5, palette: PALETTES.sequential.blues5 });
  }
}

/**
 * One scale per drawn level. A wijk holds many buurten, so a count (inhabitants, benefits) at wijk scale is several
 * times the buurt's: classes over both levels together put every wijk in the top class and every buurt in the
 * lower ones. Each level (of the one year queried) is classified over its own values; rates get the same, so that a
 * level's colours always spread over its own range. Rows without a shown value (null) are left out.
 */
export function levelScales<L extends string>(
  rows: readonly { level: L; value: number | null }[],
  classification: MapClassification,
): Map<L, ColorScale> {
  const byLevel = new Map<L, number[]>();
  for (const r of rows) {
    if (r.value === null || !Number.isFinite(r.value)) continue;
    const list = byLevel.get(r.level);
    if (list) list.push(r.value);
    else byLevel.set(r.level, [r.value]);
  }
  return new Map([...byLevel].map(([level, values]) => [level, scaleFor(values, classification)] as const));
}

// ---------------------------------------------------------------------------------------------------------------
// Fisher–Jenks natural breaks.

/**
 * The lower bounds of classes 2…k of the optimal (least within-class squared deviation) partition of the sorted
 * values into k contiguous classes. Equal values always share a class, so the DP runs over the distinct values
 * weighted by their counts; with k or fewer distinct values each gets its own class.
 *
 * The DP row for k classes is filled by divide and conquer: the optimal start of the last class never moves left
 * when one more value is added (the 1-D squared-deviation cost is concave Monge; Wang & Song 2011, Ckmeans.1d.dp;
 * Grønlund et al. 2017), which gives the same optimum as the textbook O(k·n²) recursion in O(k·n·log n), so a
 * national buurt map (~14.000 values) is classified in milliseconds.
 */
export function jenksBreaks(sorted: readonly number[], k: number): number[] {
  const xs: number[] = [];
  const ws: number[] = [];
  for (const v of sorted) {
    if (xs.length > 0 && xs.at(-1) === v) ws[ws.length - 1]!++;
    else {
      xs.push(v);
      ws.push(1);
    }
  }
  const m = xs.length;
  if (m <= k) return xs.slice(1);
  const starts = fisherJenksStarts(xs, ws, k);
  return starts.slice(1).map((s) => xs[s]!);
}

/** Index of the first value of each class (the first is 0) for k classes over weighted distinct values. */
function fisherJenksStarts(xs: readonly number[], ws: readonly number[], k: number): number[] {
  const m = xs.length;
  // Prefix sums of weight, weighted value and weighted square, around the mean so that large values (inhabitants,
  // euros) do not lose their digits to cancellation in Σx² − (Σx)²/n.
  let total = 0;
  let mean = 0;
  for (let i = 0; i < m; i++) {
    total += ws[i]!;
    mean += ws[i]! * xs[i]!;
  }
  mean /= total;
  const W = new Float64Array(m + 1);
  const S = new Float64Array(m + 1);
  const Q = new Float64Array(m + 1);
  for (let i = 0; i < m; i++) {
    const x = xs[i]! - mean;
    W[i + 1] = W[i]! + ws[i]!;
    S[i + 1] = S[i]! + ws[i]! * x;
    Q[i + 1] = Q[i]! + ws[i]! * x * x;
  }
  /** Sum of squared deviations of values j..i (inclusive) from their mean. */
  const cost = (j: number, i: number) => {
    const s = S[i + 1]! - S[j]!;
    return Math.max(0, Q[i + 1]! - Q[j]! - (s * s) / (W[i + 1]! - W[j]!));
  };

  // D[c][i]: least cost of values 0..i in c+1 classes; start[c][i]: where its last class begins.
  const D = Array.from({ length: k }, () => new Float64Array(m));
  const start = Array.from({ length: k }, () => new Int32Array(m));
  for (let i = 0; i < m; i++) D[0]![i] = cost(0, i);

  for (let c = 1; c < k; c++) {
    const prev = D[c - 1]!;
    const row = D[c]!;
    const at = start[c]!;
    // Only i ≥ c can hold c+1 non-empty classes.
    const fill = (iLo: number, iHi: number, jLo: number, jHi: number): void => {
      if (iLo > iHi) return;
      const i = (iLo + iHi) >> 1;
      let best = Number.POSITIVE_INFINITY;
      let bestJ = Math.max(c, jLo);
      for (let j = Math.max(c, jLo); j <= Math.min(i, jHi); j++) {
        const v = prev[j - 1]! + cost(j, i);
        if (v < best) {
          best = v;
          bestJ = j;
        }
      }
      row[i] = best;
      at[i] = bestJ;
      fill(iLo, i - 1, jLo, bestJ);
      fill(i + 1, iHi, bestJ, jHi);
    };
    fill(c, m - 1, c, m - 1);
  }

  const starts: number[] = [];
  let i = m - 1;
  for (let c = k - 1; c >= 1; c--) {
    const j = start[c]![i]!;
    starts.push(j);
    i = j - 1;
  }
  starts.push(0);
  return starts.reverse();
}

/** The within-class sum of squared deviations of a partition (for tests and for choosing a class count). */
export function withinClassDeviation(sorted: readonly number[], breaks: readonly number[]): number {
  let total = 0;
  let from = 0;
  const bounds = [...breaks, Number.POSITIVE_INFINITY];
  for (const b of bounds) {
    let to = from;
    while (to < sorted.length && sorted[to]! < b) to++;
    const group = sorted.slice(from, to);
    if (group.length > 0) {
      const mean = group.reduce((s, v) => s + v, 0) / group.length;
      total += group.reduce((s, v) => s + (v - mean) ** 2, 0);
    }
    from = to;
  }
  return total;
}
