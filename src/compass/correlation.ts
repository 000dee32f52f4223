/**
 * How two indicators go together across areas (the Verkennen scatter plot): Pearson's r and the least-squares line.
 * Only pairs where both values are numbers count: a suppressed or missing value on either side drops the area, as
 * it would from a table a statistician fills in by hand. Sums are taken around the means (two passes), which keeps
 * the digits for large values (inhabitants, euros) that Σxy − n·x̄·ȳ would lose to cancellation.
 */

type MaybeNumber = number | null | undefined;

export interface LeastSquares {
  /** y = intercept + slope · x */
  slope: number;
  intercept: number;
  /** Share of the variance of y the line explains (r²); null when y does not vary (there is nothing to explain). */
  r2: number | null;
  /** Pairs used. */
  n: number;
}

interface Moments {
  n: number;
  meanX: number;
  meanY: number;
  /** Σ(x − x̄)², Σ(y − ȳ)², Σ(x − x̄)(y − ȳ) */
  sxx: number;
  syy: number;
  sxy: number;
}

const isNumber = (v: MaybeNumber): v is number => typeof v === 'number' && Number.isFinite(v);

function moments(xs: readonly MaybeNumber[], ys: readonly MaybeNumber[]): Moments {
  const px: number[] = [];
  const py: number[] = [];
  const length = Math.min(xs.length, ys.length);
  for (let i = 0; i < length; i++) {
    const x = xs[i];
    const y = ys[i];
    if (isNumber(x) && isNumber(y)) {
      px.push(x);
      py.push(y);
    }
  }
  const n = px.length;
  const meanX = n ? px.reduce((s, v) => s + v, 0) / n : Number.NaN;
  const meanY = n ? py.reduce((s, v) => s + v, 0) / n : Number.NaN;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = px[i]! - meanX;
    const dy = py[i]! - meanY;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  return { n, meanX, meanY, sxx, syy, sxy };
}

/**
 * Pearson's correlation coefficient of the pairs (xs[i], ys[i]), in [−1, 1]. Null with fewer than 3 pairs (two
 * points always lie on a line: r = ±1 says nothing) or when either variable does not vary (r is 0/0).
 */
export function pearson(xs: readonly MaybeNumber[], ys: readonly MaybeNumber[]): number | null {
  const { n, sxx, syy, sxy } = moments(xs, ys);
  if (n < 3 || sxx === 0 || syy === 0) return null;
  // Rounding can push |r| a hair past 1 for (nearly) collinear points.
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/** The ordinary least-squares line of y on x. Null with fewer than 2 pairs or when x does not vary. */
export function leastSquares(xs: readonly MaybeNumber[], ys: readonly MaybeNumber[]): LeastSquares | null {
  const { n, meanX, meanY, sxx, syy, sxy } = moments(xs, ys);
  if (n < 2 || sxx === 0) return null;
  const slope = sxy / sxx;
  return {
    slope,
    intercept: meanY - slope * meanX,
    r2: syy === 0 ? null : Math.min(1, (sxy * sxy) / (sxx * syy)),
    n,
  };
}
