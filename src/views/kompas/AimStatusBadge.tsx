import { type I18n, useI18n } from '../../app/i18n/index.tsx';
import type { AimAssessment, AimStatus } from '../../compass/types.ts';
import type { Indicator } from '../../data/package.ts';
import { formatInterval, TooltipBadge } from './VerdictBadge.tsx';
import './badges.css';

export const AIM_ICONS: Record<AimStatus, string> = {
  behaald: '✓',
  op_koers: '↗',
  onzeker: '~',
  niet_op_koers: '✗',
  onbekend: '?',
};

/** The reason codes of src/compass that have a sentence; other codes show no reason line. */
const REASONS = [
  'met',
  'projectionMeets',
  'projectionMisses',
  'projectionUncertain',
  'tooFewPoints',
  'suppressed',
  'targetPeriodPassed',
  'clearProgress',
  'clearSetback',
  'noClearChange',
] as const;
type Reason = (typeof REASONS)[number];
const isReason = (code: string): code is Reason => (REASONS as readonly string[]).includes(code);

export interface AimStatusBadgeProps {
  aim: AimAssessment;
  indicator: Indicator;
  /** Only the icon shows; the word stays for screen readers (for narrow table cells). */
  compact?: boolean;
}

function targetText(aim: AimAssessment, indicator: Indicator, i18n: I18n): string {
  const { target, targetPeriod: period } = aim;
  if (target.kind === 'value')
    return i18n.t(aim.direction === 'up' ? 'compass.aimTarget.up' : 'compass.aimTarget.down', {
      period,
      value: i18n.value(target.value, indicator),
    });
  if (target.kind === 'band')
    return i18n.t('compass.aimTarget.band', {
      period,
      range: formatInterval({ low: target.low, high: target.high }, indicator, i18n),
    });
  return i18n.t(aim.direction === 'up' ? 'compass.aimTarget.directionUp' : 'compass.aimTarget.directionDown', {
    period,
    baseline: aim.baselinePeriod,
  });
}

/** "op koers ↗" and the like, with the aim, the baseline and the projection with its interval in the tooltip. */
export function AimStatusBadge({ aim, indicator, compact }: AimStatusBadgeProps) {
  const i18n = useI18n();
  const { projected, projectedInterval, targetPeriod: period } = aim;
  const projection =
    projected === null
      ? null
      : projectedInterval
        ? i18n.t('compass.aimProjectionInterval', {
            period,
            value: i18n.value(projected, indicator),
            interval: formatInterval(projectedInterval, indicator, i18n),
          })
        : i18n.t('compass.aimProjection', { period, value: i18n.value(projected, indicator) });
  return (
    <TooltipBadge
      className={`aim-badge aim-${aim.status}`}
      icon={AIM_ICONS[aim.status]}
      word={i18n.t(`compass.aim.${aim.status}`)}
      compact={compact}
      tooltip={
        <>
          <span>{targetText(aim, indicator, i18n)}</span>
          {aim.baselineValue !== null && (
            <span>
              {i18n.t('compass.aimBaseline', {
                period: aim.baselinePeriod,
                value: i18n.value(aim.baselineValue, indicator),
              })}
            </span>
          )}
          {projection && <span>{projection}</span>}
          {aim.pMet !== null && <span>{i18n.t('compass.aimProbability', { p: i18n.probability(aim.pMet) })}</span>}
          {isReason(aim.reason) && <span>{i18n.t(`compass.aimReason.${aim.reason}`)}</span>}
        </>
      }
    />
  );
}
