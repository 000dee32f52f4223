import { useI18n } from '../../app/i18n/index.tsx';
import type { IndicatorAssessment } from '../../compass/assess.ts';
import type { Signal } from '../../compass/types.ts';
import { signalSince } from './signalText.ts';

/**
 * What a gebiedsregisseur looks at first: the changes that last, for better and for worse, clearest first, each
 * marked new or lasting (see src/compass/signals.ts).
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
    return (
      <li key={signal.indicatorId} data-indicator={signal.indicatorId} data-signal-status={signal.status}>
        <span className="signal-label">{i18n.label(indicator)}</span>{' '}
        <span className="signal-change">
          {i18n.difference(signal.difference, indicator)} {signalSince(signal, i18n)}
        </span>{' '}
        <span className={`signal-status signal-${signal.status}`}>{t(`signals.status.${signal.status}`)}</span>
      </li>
    );
  };
  return (
    <section className="signals" aria-labelledby="signals-title">
      <h3 id="signals-title">{t('signals.title')}</h3>
      <p className="muted signals-help">{t('signals.help')}</p>
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
