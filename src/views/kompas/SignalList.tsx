import { useI18n } from '../../app/i18n/index.tsx';
import type { IndicatorAssessment } from '../../compass/assess.ts';
import type { Signal } from '../../compass/types.ts';

/**
 * What a gebiedsregisseur looks at first: the indicators with the largest clear changes, for better and for worse,
 * since the previous measurement or the aim's baseline, strongest first (see src/compass/signals.ts).
 */
export function SignalList({
  signals,
  assessments,
}: {
  signals: { better: Signal[]; worse: Signal[] };
  assessments: ReadonlyMap<string, IndicatorAssessment>;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const item = (signal: Signal) => {
    const indicator = assessments.get(signal.indicatorId)?.indicator;
    if (!indicator) return null;
    const { difference, against } = signal.comparison;
    const since = t(signal.kind === 'previous' ? 'signals.sincePrevious' : 'signals.sinceBaseline', {
      period: String(against ?? ''),
    });
    return (
      <li key={`${signal.indicatorId}-${signal.kind}`} data-indicator={signal.indicatorId}>
        <span className="signal-label">{i18n.label(indicator)}</span>{' '}
        <span className="signal-change">
          {difference === null ? '' : i18n.difference(difference, indicator)} {since}
        </span>
      </li>
    );
  };
  return (
    <section className="signals" aria-labelledby="signals-title">
      <h3 id="signals-title">{t('signals.title')}</h3>
      <div className="signal-columns">
        <div>
          <h4>
            <span aria-hidden="true">▲ </span>
            {t('signals.better')}
          </h4>
          {signals.better.length > 0 ? (
            <ul>{signals.better.map(item)}</ul>
          ) : (
            <p className="muted">{t('signals.none')}</p>
          )}
        </div>
        <div>
          <h4>
            <span aria-hidden="true">▼ </span>
            {t('signals.worse')}
          </h4>
          {signals.worse.length > 0 ? <ul>{signals.worse.map(item)}</ul> : <p className="muted">{t('signals.none')}</p>}
        </div>
      </div>
    </section>
  );
}
