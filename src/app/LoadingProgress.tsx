import { useI18n } from './i18n/index.tsx';
import type { LoadProgress, LoadStep } from './useSession.ts';

const STEPS = ['database', 'files', 'tables'] as const satisfies readonly (keyof LoadProgress)[];
const MARKS: Record<LoadStep, string> = { waiting: '○', busy: '◌', done: '✓' };

/** The start screen: what the first load is doing, step by step, instead of one bare "loading" line. */
export function LoadingProgress({ progress }: { progress: LoadProgress }) {
  const { t } = useI18n();
  return (
    <div className="loading-progress" role="status">
      <p className="loading-message">{t('app.progress.title')}</p>
      <ul>
        {STEPS.map((step) => (
          <li key={step} data-step={step} data-state={progress[step]}>
            <span aria-hidden="true" className="loading-mark">
              {MARKS[progress[step]]}
            </span>{' '}
            {t(`app.progress.${step}`)}: <span className="loading-state">{t(`app.progress.${progress[step]}`)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
