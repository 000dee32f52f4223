/**
 * The compass's verdicts, shared by the domain logic (src/compass), the Kompas panel, the compass graphic, the
 * print report and the Over page. Plain data: every verdict says what was compared and how sure it is.
 */
import type { Theme } from '../data/package.ts';

/** A 95 % interval in the indicator's own unit (12,4 for 12,4 %; 45,2 for 45,2 per 1.000). */
export interface Interval {
  low: number;
  high: number;
}

/**
 * The outcome of one comparison. `better`/`worse` only when the difference is statistically clear and the
 * indicator has a direction; `unclear` = "geen duidelijk verschil"; `neutral` = the indicator has no good or bad
 * direction (never a verdict); `unknown` = not enough data (suppressed, missing, no numerator/denominator where the
 * comparison needs one).
 */
export type Verdict = 'better' | 'worse' | 'unclear' | 'neutral' | 'unknown';

export interface Comparison {
  verdict: Verdict;
  /** This value minus the other, in the indicator's unit; null when either is missing. */
  difference: number | null;
  /** 95 % interval of the difference; null when it cannot be computed. */
  interval: Interval | null;
  /** How far beyond the noise: |difference| / half-width of the interval (> 1 = clear); null without interval. */
  strength: number | null;
  /** The period (or area code) compared with. */
  against: number | string | null;
  /**
   * Two-sided p-value of the test behind the verdict: on the variance-stabilised scale, with the ordinary variation
   * between areas or years added (src/compass/dispersion.ts) and rounded counts at their least favourable; null
   * without counts.
   */
  pValue: number | null;
  /**
   * How many comparisons were judged together with this one (its Benjamini–Hochberg family: the directed verdicts
   * shown for one area and period); null when it was judged alone.
   */
  family: number | null;
}

/**
 * `behaald`: the value's interval lies on the target's side; `op_koers`: the projection's interval does;
 * `niet_op_koers`: the projection's (after the target period: the value's) interval lies entirely on the other side;
 * `onzeker`: the interval holds the target (the data cannot tell yet); `onbekend`: too few data to judge.
 */
export type AimStatus = 'behaald' | 'op_koers' | 'onzeker' | 'niet_op_koers' | 'onbekend';

export type AimTarget =
  | { kind: 'value'; value: number }
  | { kind: 'band'; low: number; high: number }
  | { kind: 'direction' };

export interface AimAssessment {
  status: AimStatus;
  /** Why, as a code the UI words: e.g. 'met', 'projectionMeets', 'projectionMisses', 'tooFewPoints', 'suppressed'. */
  reason: string;
  target: AimTarget;
  direction: 'up' | 'down';
  baselinePeriod: number;
  targetPeriod: number;
  baselineValue: number | null;
  /**
   * Value projected to the target period (weighted least squares on the logit scale for shares, the log scale for
   * rates, over recent years), with its 95 % prediction interval.
   */
  projected: number | null;
  projectedInterval: Interval | null;
  /** The probability that the aim is met (at the target period; for a direction-only aim: that the change since
   * the baseline goes the aim's way), from the same model; null when it cannot be judged. */
  pMet: number | null;
  /**
   * The fitted course, for the trend chart: one point per period from the first fitted one to `to`; `measuredTo` is
   * the last measured period it was fitted through (the projection runs from there to the target period).
   */
  fit: { from: number; to: number; measuredTo: number; points: { period: number; value: number }[] } | null;
}

export interface ThemeSummary {
  theme: Theme;
  /** Indicators of the theme with a verdict against last year: clearly better / clearly worse / unclear. */
  better: number;
  worse: number;
  unclear: number;
  neutral: number;
  unknown: number;
  /** Aims of the theme by status. */
  achieved: number;
  onCourse: number;
  uncertain: number;
  offCourse: number;
  aimsUnknown: number;
}

/**
 * A change that lasts: the latest two measurements lie on the same side of the level of the measurements before
 * them, and the shift between the two levels is a discovery in the area's family of signal tests (src/compass/
 * signals.ts). `nieuw` the first period it is found, `aanhoudend` when it was a signal at the previous measurement
 * too.
 */
export interface Signal {
  indicatorId: string;
  verdict: 'better' | 'worse';
  status: 'nieuw' | 'aanhoudend';
  /** The two recent periods and the reference periods before them. */
  recent: [number, number];
  reference: number[];
  /** Mean of the recent values minus mean of the reference values, in the indicator's unit. */
  difference: number;
  pValue: number;
  /** Benjamini–Hochberg adjusted p-value within the family (the signal tests of the area and period). */
  qValue: number;
  family: number;
}
