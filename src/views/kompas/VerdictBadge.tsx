import { type ReactNode, useId, useState } from 'react';
import { formatIndicatorNumber } from '../../app/format.ts';
import { type I18n, useI18n } from '../../app/i18n/index.tsx';
import type { Comparison, Interval, Verdict } from '../../compass/types.ts';
import type { Indicator } from '../../data/package.ts';
import './badges.css';

/**
 * An interval in the indicator's unit: "8,1–10,7%"; signed or below zero "+0,3 tot +2,1%", because "−1,2–3,4"
 * reads as a subtraction.
 */
export function formatInterval(interval: Interval, indicator: Indicator, i18n: I18n, signed = false): string {
  const low = formatIndicatorNumber(interval.low, indicator, i18n.lang, signed);
  const high = formatIndicatorNumber(interval.high, indicator, i18n.lang, signed);
  const range = signed || interval.low < 0 ? i18n.t('compass.range.to', { low, high }) : `${low}–${high}`;
  // A signed interval is one of a difference: for percentages that is in percentage points.
  return signed && indicator.unit === 'percent'
    ? i18n.t('unit.percentPoints', { value: range })
    : i18n.t(`unit.${indicator.unit}`, { value: range });
}

/**
 * A focusable badge (icon + word) with a tooltip that shows on hover and on keyboard focus, is announced as the
 * badge's description, stays while hovered and hides on Escape (WCAG 1.4.13).
 */
export function TooltipBadge({
  className,
  icon,
  word,
  compact = false,
  tooltip,
}: {
  className: string;
  icon: string;
  word: string;
  compact?: boolean;
  tooltip: ReactNode;
}) {
  const id = useId();
  const [dismissed, setDismissed] = useState(false);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: leaving the badge only resets a dismissed tooltip.
    <span
      className={`badge-wrap${dismissed ? ' tooltip-dismissed' : ''}`}
      onMouseLeave={() => setDismissed(false)}
      onBlur={() => setDismissed(false)}
    >
      {/* biome-ignore lint/a11y/noStaticElementInteractions: Escape only hides the tooltip; the badge has no action. */}
      <span
        className={`badge ${className}`}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: focusable so that keyboard users reach the tooltip.
        tabIndex={0}
        aria-describedby={id}
        onKeyDown={(event) => {
          if (event.key === 'Escape') setDismissed(true);
        }}
      >
        {icon && (
          <span className="badge-icon" aria-hidden="true">
            {icon}
          </span>
        )}
        <span className={compact ? 'visually-hidden' : 'badge-word'}>{word}</span>
      </span>
      <span role="tooltip" id={id} className="badge-tooltip">
        {tooltip}
      </span>
    </span>
  );
}

export type ComparisonKind = 'previous' | 'gemeente' | 'baseline';

export interface VerdictBadgeProps {
  comparison: Comparison;
  indicator: Indicator;
  /** What was compared with: the previous measurement, the gemeente, or the aim's baseline year. */
  kind: ComparisonKind;
  /** Only the icon shows; the word stays for screen readers (for narrow table cells). */
  compact?: boolean;
  /**
   * A short visible word instead of icon and word ("beter", "slechter dan gemeente"): for a table cell whose value
   * already shows the arrow of the value's direction, so that the badge says only better or worse.
   */
  label?: string;
}

/** The icon follows the value: ▲ when it went up, ▼ when down, whether that is good or bad (the word says which). */
export function verdictIcon(comparison: Comparison, indicator: Indicator): string {
  const { verdict, difference } = comparison;
  if (verdict === 'unclear') return '≈';
  if (verdict === 'neutral') return '–';
  if (verdict === 'unknown') return '?';
  const up =
    difference !== null && difference !== 0
      ? difference > 0
      : (verdict === 'better') === (indicator.direction !== 'down');
  return up ? '▲' : '▼';
}

function againstText(kind: ComparisonKind, against: Comparison['against'], i18n: I18n): string {
  if (kind === 'gemeente') return i18n.t('compass.against.gemeente');
  const known = typeof against === 'number' || (typeof against === 'string' && against !== '');
  if (kind === 'previous')
    return known ? i18n.t('compass.against.previous', { period: against }) : i18n.t('compass.against.previousUnknown');
  return known ? i18n.t('compass.against.baseline', { period: against }) : i18n.t('compass.against.baselineUnknown');
}

/** "duidelijk beter" with ▲ or ▼, and the difference with its 95 % interval in the tooltip. */
export function VerdictBadge({ comparison, indicator, kind, compact, label }: VerdictBadgeProps) {
  const i18n = useI18n();
  const verdict: Verdict = comparison.verdict;
  const { difference, interval } = comparison;
  const value = difference === null ? null : i18n.difference(difference, indicator);
  return (
    <TooltipBadge
      className={`verdict-badge verdict-${verdict}`}
      icon={label === undefined ? verdictIcon(comparison, indicator) : ''}
      word={label ?? i18n.t(`compass.verdict.${verdict}`)}
      compact={label === undefined && compact}
      tooltip={
        <>
          <span>{againstText(kind, comparison.against, i18n)}</span>
          <span>
            {value === null
              ? i18n.t('compass.noDifference')
              : interval
                ? i18n.t('compass.differenceInterval', {
                    value,
                    interval: formatInterval(interval, indicator, i18n, true),
                  })
                : i18n.t('compass.difference', { value })}
          </span>
          <span>
            {verdict === 'unclear' && interval && (interval.low > 0 || interval.high < 0)
              ? i18n.t('compass.verdictHelp.unclearOrdinary')
              : i18n.t(`compass.verdictHelp.${verdict}`)}
          </span>
          {comparison.family !== null && comparison.family > 1 && (
            <span>{i18n.t('compass.verdictHelp.family', { count: comparison.family })}</span>
          )}
        </>
      }
    />
  );
}
