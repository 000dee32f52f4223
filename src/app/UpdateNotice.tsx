import { useI18n } from './i18n/index.tsx';
import { applyUpdate, useUpdateAvailable } from './serviceWorker.ts';

/** Announces a newly deployed version; the page keeps working on its own build until the user reloads. */
export function UpdateNotice() {
  const i18n = useI18n();
  if (!useUpdateAvailable()) return null;
  return (
    <div className="update-notice" role="status">
      <p>
        {i18n.t('app.update.available')}{' '}
        <button type="button" onClick={applyUpdate}>
          {i18n.t('app.update.reload')}
        </button>
      </p>
    </div>
  );
}
