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
}

export type AimStatus = 'behaald' | 'op_koers' | 'niet_op_koers' | 'onbekend';

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
  /** Value projected to the target period (least squares over recent years), with its 95 % prediction interval. */
  projected: number | null;
  projectedInterval: Interval | null;
  /** The fitted line, for the trend chart: value = intercept + slope × period. */
  fit: { slope: number; intercept: number; from: number; to: number } | null;
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
  offCourse: number;
  aimsUnknown: number;
}

export interface Signal {
  indicatorId: string;
  /** Compared with last measurement or with the aim's baseline. */
  kind: 'previous' | 'baseline';
  verdict: 'better' | 'worse';
  comparison: Comparison;
}
