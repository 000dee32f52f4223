/**
 * An aim and its projection as the trend chart draws them (TrendChartOptions `aim` and `projection`), for the trend
 * panel and the handout's small charts alike.
 */
import type { I18n } from '../../app/i18n/index.tsx';
import type { AimAssessment } from '../../compass/types.ts';
import type { Aim, Indicator } from '../../data/package.ts';
import type { TrendAim, TrendChartOptions } from './trendChart.ts';

/** The aim's projection from the last measurement to the target year, with its prediction interval; null without one. */
export function aimProjection(assessment: AimAssessment | null): NonNullable<TrendChartOptions['projection']> | null {
  const fit = assessment?.fit;
  if (!assessment || !fit || assessment.projected === null || fit.measuredTo >= assessment.targetPeriod) return null;
  const from = fit.points.find((p) => p.period === fit.measuredTo);
  if (!from) return null;
  return {
    from,
    to: {
      period: assessment.targetPeriod,
      value: assessment.projected,
      ...(assessment.projectedInterval && {
        low: assessment.projectedInterval.low,
        high: assessment.projectedInterval.high,
      }),
    },
  };
}

/** The target marker (a value or a band, labelled "Doel 2027: 9 %"); undefined for a direction-only aim. */
export function trendAim(aim: Aim | null, indicator: Indicator, i18n: I18n): TrendAim | undefined {
  if (aim?.target_band) {
    return {
      baselinePeriod: aim.baseline_period,
      targetPeriod: aim.target_period,
      targetValue: null,
      band: aim.target_band,
      label: i18n.t('trend.aimLabel', {
        period: aim.target_period,
        value: `${i18n.value(aim.target_band.low, indicator)} – ${i18n.value(aim.target_band.high, indicator)}`,
      }),
    };
  }
  if (aim && aim.target_value !== null) {
    return {
      baselinePeriod: aim.baseline_period,
      targetPeriod: aim.target_period,
      targetValue: aim.target_value,
      label: i18n.t('trend.aimLabel', { period: aim.target_period, value: i18n.value(aim.target_value, indicator) }),
    };
  }
  return undefined;
}
