import { quantileSorted } from 'd3';

/** Sequential blues, light to dark; distinct from the grey used for "geheim" and readable for colour-blind users. */
export const SEQUENTIAL = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'] as const;
export const SUPPRESSED_COLOR = '#b5b5b5';
export const NO_DATA_COLOR = '#ffffff';

/**
 * One fill per reason a value is missing, so that "geheim" (grey, as before) is not read as "niet gepubliceerd" (pale
 * sand) or "geen inwoners" (pale green). All are warm or neutral, apart from the cool sequential blues.
 */
export const MISSING_COLORS = {
  secret: SUPPRESSED_COLOR,
  not_published: '#efe4c8',
  no_inhabitants: '#dbe8d3',
  not_yet_available: '#f4d6c2',
  no_data: NO_DATA_COLOR,
} as const;

/** The legend's swatch of each reason: the map's fill, and for secret the map's hatch over it (AreaMap's HATCH). */
export const MISSING_SWATCHES: Record<keyof typeof MISSING_COLORS, string> = {
  ...MISSING_COLORS,
  secret: `repeating-linear-gradient(135deg, #555 0 1.2px, ${SUPPRESSED_COLOR} 1.2px 4px)`,
};

export interface ColorClass {
  /** Inclusive lower bound and exclusive upper bound (inclusive for the last class). */
  from: number;
  to: number;
  color: string;
}

export interface ColorScale {
  classes: ColorClass[];
  color(value: number): string;
}

/**
 * The finite values, ascending, as a typed array: its native numeric sort is several times faster than an array's
 * with a comparator (a national buurt map has ~14.000 values; a switch sorts them once per level).
 */
export function sortedFinite(values: readonly (number | null | undefined)[]): Float64Array {
  let n = 0;
  const out = new Float64Array(values.length);
  for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) out[n++] = v;
  return out.subarray(0, n).sort();
}

/**
 * Quantile classes (up to five) over the shown values: each colour holds about as many areas. Equal breaks are
 * merged, so a level with few distinct values gets fewer classes rather than empty ones.
 */
export function quantileColorScale(values: readonly number[], palette: readonly string[] = SEQUENTIAL): ColorScale {
  const sorted = sortedFinite(values);
  if (sorted.length === 0) return { classes: [], color: () => NO_DATA_COLOR };
  const n = palette.length;
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  const breaks: number[] = [];
  for (let i = 1; i < n; i++) {
    // d3's types ask for an array; it reads any array-like (R-7, as quantile() on the unsorted values).
    const b = quantileSorted(sorted as unknown as number[], i / n)!;
    if (b > min && b < max && (breaks.length === 0 || b > breaks[breaks.length - 1]!)) breaks.push(b);
  }
  const bounds = [min, ...breaks, max];
  const count = Math.max(1, bounds.length - 1);
  // Spread the used colours over the palette so that 2 classes are light and dark, not the two lightest.
  const colors = Array.from({ length: count }, (_, i) =>
    count === 1 ? palette[Math.floor((n - 1) / 2)]! : palette[Math.round((i * (n - 1)) / (count - 1))]!,
  );
  const classes = colors.map((color, i) => ({ from: bounds[i]!, to: bounds[i + 1] ?? max, color }));
  return {
    classes,
    color(value) {
      for (let i = 0; i < breaks.length; i++) if (value < breaks[i]!) return colors[i]!;
      return colors[colors.length - 1]!;
    },
  };
}
