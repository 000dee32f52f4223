/** Measurements per figure and page, and their summary (p50, p95). */

export type Target = 'app' | 'baseline';
export const TARGETS: readonly Target[] = ['app', 'baseline'];

/** The samples of one figure on one page, the attempts that failed (with why), or why there is no figure at all. */
export class Series {
  readonly values: number[] = [];
  readonly failures: string[] = [];
  /** Set when the figure cannot be measured on this page (e.g. a performance mark that never appears). */
  na: string | null = null;

  add(value: number | null | undefined): void {
    if (typeof value === 'number' && Number.isFinite(value)) this.values.push(value);
  }

  fail(reason: string): void {
    this.failures.push(reason);
  }
}

/** Nearest-rank percentile (p in 0..100) of the samples; null without samples. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export interface Summary {
  p50: number | null;
  p95: number | null;
  n: number;
  failures: number;
  /** Why a figure is missing, or the first failure's reason. */
  note: string | null;
}

export function summarize(series: Series | undefined): Summary {
  if (!series) return { p50: null, p95: null, n: 0, failures: 0, note: 'not measured' };
  const note =
    series.na ??
    (series.failures.length > 0 ? `${series.failures.length} failed: ${series.failures[0]}` : null) ??
    (series.values.length === 0 ? 'no samples' : null);
  return {
    p50: percentile(series.values, 50),
    p95: percentile(series.values, 95),
    n: series.values.length,
    failures: series.failures.length,
    note,
  };
}

/** Every figure's series, per page. */
export class Results {
  readonly #series = new Map<string, Record<Target, Series>>();

  series(key: string, target: Target): Series {
    let entry = this.#series.get(key);
    if (!entry) {
      entry = { app: new Series(), baseline: new Series() };
      this.#series.set(key, entry);
    }
    return entry[target];
  }

  /** Marks a figure as not measurable on a page (keeps the first reason). */
  na(key: string, target: Target, reason: string): void {
    const s = this.series(key, target);
    s.na ??= reason;
  }

  get(key: string, target: Target): Series | undefined {
    return this.#series.get(key)?.[target];
  }
}
