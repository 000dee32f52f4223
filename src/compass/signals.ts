/**
 * Signals: the changes in an area that a gebiedsregisseur should hear about, for the top of the Kompas, the print
 * and the overview of all areas. A council must be able to trust them, so a signal is a change that lasts, not one
 * extreme year (which next year regresses to the mean):
 *
 * 1. A level shift: the mean of the latest two measurements against the mean of up to `REFERENCE_POINTS`
 *    measurements before them, on the variance-stabilised scale (stabilise.ts), with each yearly figure's ordinary
 *    variation σ² added to its sampling variance (dispersion.ts) and rounded counts at their least favourable. At
 *    least one reference measurement is needed, so a signal always rests on three or more points.
 * 2. Both recent measurements lie on the same side of the reference level (two measurements in the same direction).
 * 3. The shift's test is a discovery among all signal tests of the area and period (Benjamini–Hochberg, q = 0,05):
 *    with no real change anywhere, an area gets a signal in at most 5 % of its years.
 *
 * Only the period an indicator was measured in can give it a signal: a survey of an earlier year is not counted
 * again in a year without data. The window stops at a secret (suppressed) measurement: where small counts are
 * hidden, the years that are shown are the ones whose counts happened to be large, and a shift between such
 * selected years is not evidence of change. A signal is `aanhoudend` when the indicator also had a signal in the same direction
 * at its previous measurement, otherwise `nieuw`.
 */
import type { Indicator } from '../data/package.ts';
import type { IndicatorAssessment } from './assess.ts';
import { type Noise, type PeriodMeasurement, SAMPLING_ONLY } from './compare.ts';
import { bhAdjusted, FDR_Q } from './fdr.ts';
import { countModel, twoSidedP } from './intervals.ts';
import { type Stabilised, stabilise } from './stabilise.ts';
import type { Signal } from './types.ts';

/** How many measurements before the recent two make the reference level. */
export const REFERENCE_POINTS = 4;

type SignalIndicator = Pick<Indicator, 'id' | 'unit' | 'direction' | 'rounding' | 'denominator_rounding'>;

const shown = (m: PeriodMeasurement | undefined): m is PeriodMeasurement =>
  !!m && !m.suppressed && m.value !== null && Number.isFinite(m.value);

export interface LevelShift {
  verdict: 'better' | 'worse';
  recent: [number, number];
  reference: number[];
  difference: number;
  pValue: number;
  /** Both recent measurements on the side of the shift (rule 2). */
  sameSide: boolean;
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** Rule 1 for one indicator of one area at `period`; null when it cannot be tested there. */
export function levelShift(
  series: readonly PeriodMeasurement[],
  period: number,
  indicator: SignalIndicator,
  yearNoise: Noise = SAMPLING_ONLY,
): LevelShift | null {
  if (indicator.direction === 'neutral') return null;
  const current = series.find((r) => r.period === period);
  if (!shown(current)) return null;
  // The measurements before, latest first, up to the first secret one: a series with a secret year in its window
  // shows only the years whose counts were large enough, and such a selection would make noise look like change.
  const before = series.filter((r) => r.period < period && (r.suppressed || r.value !== null));
  before.sort((a, b) => b.period - a.period);
  const unbroken: PeriodMeasurement[] = [];
  for (const r of before) {
    if (!shown(r)) break;
    unbroken.push(r);
  }
  const previous = unbroken[0];
  if (!previous) return null;
  const reference = unbroken.slice(1, 1 + REFERENCE_POINTS).reverse();
  if (reference.length === 0) return null;
  const points = [...reference, previous, current];
  const models = points.map((p) => countModel(p, indicator));
  if (models.some((m) => m === null)) return null;
  const model = models.includes('poisson') ? 'poisson' : 'proportion';
  const stabilised = points.map((p) => stabilise(p, model, indicator));
  if (stabilised.some((s) => s === null)) return null;
  const s = stabilised as Stabilised[];
  const ref = s.slice(0, reference.length);
  const [sp, sc] = [s[reference.length]!, s[reference.length + 1]!];
  const sigma2 = Math.max(0, yearNoise.extra);
  const k = ref.length;
  const recentMean = (sp.g + sc.g) / 2;
  const refMean = mean(ref.map((r) => r.g));
  const variance = (sp.v + sc.v) / 4 + sigma2 / 2 + ref.reduce((acc, r) => acc + r.v, 0) / (k * k) + sigma2 / k;
  const slack = (sp.slack + sc.slack) / 2 + mean(ref.map((r) => r.slack));
  const shift = recentMean - refMean;
  const z = Math.max(0, Math.abs(shift) - slack) / Math.sqrt(variance);
  const pValue = twoSidedP(z, sigma2 > 0 ? yearNoise.df : Number.POSITIVE_INFINITY);
  const up = shift > 0;
  const side = Math.sign(shift);
  const sameSide = side !== 0 && Math.sign(sp.g - refMean) === side && Math.sign(sc.g - refMean) === side;
  const better = indicator.direction === 'up' ? up : !up;
  return {
    verdict: better ? 'better' : 'worse',
    recent: [previous.period, current.period],
    reference: reference.map((r) => r.period),
    difference: (previous.value! + current.value!) / 2 - mean(reference.map((r) => r.value!)),
    pValue,
    sameSide,
  };
}

export interface SignalSeries {
  indicator: SignalIndicator;
  series: readonly PeriodMeasurement[];
  /** σ² of one yearly figure of this area (dispersion.ts `time`, `timeDf`). */
  yearNoise: Noise;
}

/** Rules 1–3 for every indicator of one area at one period: the signals found, by indicator id (no status yet). */
export function signalFamily(all: readonly SignalSeries[], period: number): Map<string, Omit<Signal, 'status'>> {
  const tests: { id: string; shift: LevelShift }[] = [];
  for (const { indicator, series, yearNoise } of all) {
    const shift = levelShift(series, period, indicator, yearNoise);
    if (shift) tests.push({ id: indicator.id, shift });
  }
  const q = bhAdjusted(tests.map((t) => t.shift.pValue));
  const found = new Map<string, Omit<Signal, 'status'>>();
  tests.forEach(({ id, shift }, i) => {
    if (!(q[i]! <= FDR_Q) || !shift.sameSide) return;
    found.set(id, {
      indicatorId: id,
      verdict: shift.verdict,
      recent: shift.recent,
      reference: shift.reference,
      difference: shift.difference,
      pValue: shift.pValue,
      qValue: q[i]!,
      family: tests.length,
    });
  });
  return found;
}

/** The signals of one area at `period`, each marked `nieuw` or `aanhoudend` (see the module comment). */
export function areaSignals(all: readonly SignalSeries[], period: number): Map<string, Signal> {
  const families = new Map<number, Map<string, Omit<Signal, 'status'>>>();
  const familyAt = (p: number) => {
    let family = families.get(p);
    if (!family) {
      family = signalFamily(all, p);
      families.set(p, family);
    }
    return family;
  };
  const result = new Map<string, Signal>();
  for (const [id, signal] of familyAt(period)) {
    const earlier = familyAt(signal.recent[0]).get(id);
    result.set(id, { ...signal, status: earlier?.verdict === signal.verdict ? 'aanhoudend' : 'nieuw' });
  }
  return result;
}

/**
 * The area's signals for the Kompas and the print: improvements and deteriorations, each ordered by how clear
 * they are (adjusted p-value, then size), at most `limit` of each; ties keep package order.
 */
export function signals(assessments: readonly IndicatorAssessment[], limit = 5): { better: Signal[]; worse: Signal[] } {
  const pick = (verdict: 'better' | 'worse'): Signal[] =>
    assessments
      .map((a) => a.signal)
      .filter((s): s is Signal => s !== null && s.verdict === verdict)
      .sort((x, y) => x.pValue - y.pValue)
      .slice(0, Math.max(0, limit));
  return { better: pick('better'), worse: pick('worse') };
}
