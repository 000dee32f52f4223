import { useI18n } from './i18n/index.tsx';
import type { Session } from './useSession.ts';

/** Says that DuckDB broke and was started again, with the package reloaded (see db/engine.ts and useSession). */
export function RestartNotice({ session }: { session: Session }) {
  const i18n = useI18n();
  const restart = session.restart;
  if (!restart) return null;
  return (
    <div
      className="notices engine-restart"
      role={restart.state === 'failed' ? 'alert' : 'status'}
      data-state={restart.state}
    >
      <p>
        {i18n.t(`app.engine.${restart.state}`)}{' '}
        {restart.state !== 'restarting' && (
          <button type="button" className="link-button" onClick={session.dismissRestart}>
            {i18n.t('app.dismiss')}
          </button>
        )}
      </p>
      <p>{i18n.t('app.switchErrorDetail', { detail: restart.cause })}</p>
    </div>
  );
}
