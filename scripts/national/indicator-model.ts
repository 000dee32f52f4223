/** Types of the national indicator set and helpers for its national series (shared by indicators.ts and variants.ts). */
import type { Indicator } from '../../src/data/package.ts';
import type { Effects } from '../demo/indicators.ts';
import type { Field } from './profiles.ts';

/** 2013–2025: the periods of the full scale; every national series has one value per period. */
export const ALL_PERIODS = Array.from({ length: 13 }, (_, i) => 2013 + i);

/** A denominator: a count of the buurt, a survey sample, or another indicator's numerator (or a share of it). */
export type NatBase = Field | { numeratorOf: string; share?: number };

export interface RateModel {
  kind: 'rate';
  base: NatBase;
  /** The fraction [from, to) of the base this variant is about (men: [0, 0.495]); absent for the whole base. */
  slice?: readonly [number, number] | undefined;
  /** National level per period (ALL_PERIODS), in the indicator's unit; 0 where there is no data. */
  nl: readonly number[];
  /** Logit shift of the variant against its base. */
  shift: number;
  effects: Effects;
  sigma: number;
  /** Indicators of one family share their buurt effects (a map of men resembles the map of women). */
  family: string;
}

export interface MeanModel {
  kind: 'mean';
  nl: readonly number[];
  /** `log`: the national value × exp(effects); `add`: the national value + effects (a score). */
  form: 'log' | 'add';
  d: number;
  rural: number;
  /** Buurt effect sd and yearly noise sd (relative for `log`). */
  sigma: number;
  noise: number;
  digits: number;
  min: number;
  max: number;
  /** Weight of a buurt in a wijk or gemeente mean. */
  weight: 'pop' | 'households';
}

export type NatModel =
  | RateModel
  | MeanModel
  | { kind: 'share'; num: Field; den: Field }
  | { kind: 'count'; of: Field | { numeratorOf: string } };

export interface NatIndicator extends Indicator {
  model: NatModel;
  /** Periods with data. */
  years: readonly number[];
  /** No national (NL00) reference value. */
  noNL: boolean;
}

/** A mean model on one line: national series, form, effects of deprivation and rurality, noise, rounding, range. */
export function mean(
  nl: readonly number[],
  form: MeanModel['form'],
  [d, rural, sigma, noise]: [number, number, number, number],
  [digits, min, max]: [number, number, number],
  weight: MeanModel['weight'] = 'pop',
): MeanModel {
  return { kind: 'mean', nl, form, d, rural, sigma, noise, digits, min, max, weight };
}

const cents = (v: number) => Math.round(v * 100) / 100;

/** A demo series (2015–2025) extended back to 2013: survey gaps stay 0, trends continue at half their slope. */
export function extend(series: readonly number[]): number[] {
  const s = [...series];
  const first = (k: number) => s.findIndex((v, i) => i >= k && v > 0);
  const a = first(0);
  if (a !== 0) return [0, 0, ...s];
  const b = first(1);
  const slope = b > 0 ? (s[b]! - s[0]!) / b : 0;
  const back = (k: number) => cents(Math.max(s[0]! * 0.5, s[0]! - 0.5 * slope * k));
  return s[1] === 0 ? [back(2), 0, ...s] : [back(2), back(1), ...s];
}

/** A linear series over ALL_PERIODS. */
export function trend(start: number, step: number): number[] {
  return ALL_PERIODS.map((_, i) => cents(start + step * i));
}

/** The value of a national series in a year (0: no data). */
export function levelIn(series: readonly number[], year: number): number {
  return series[year - ALL_PERIODS[0]!] ?? 0;
}
