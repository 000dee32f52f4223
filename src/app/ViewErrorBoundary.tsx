import { Component, type ReactNode } from 'react';
import { useI18n } from './i18n/index.tsx';

/**
 * One render error, or a lazily loaded view whose file is gone after a redeploy, used to unmount the whole app to a
 * blank page. A view now fails on its own: the header stays, the view says what happened and offers a reload (keyed
 * by the view, so choosing another view starts afresh).
 */
export class ViewErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render(): ReactNode {
    return this.state.error ? <ViewError error={this.state.error} /> : this.props.children;
  }
}

/** A chunk that no longer exists on the server (the app was updated while this page was open). */
export function isChunkLoadError(error: Error): boolean {
  return (
    error.name === 'ChunkLoadError' ||
    /dynamically imported module|Importing a module script failed|error loading dynamically imported module/i.test(
      error.message,
    )
  );
}

function ViewError({ error }: { error: Error }) {
  const { t } = useI18n();
  const chunk = isChunkLoadError(error);
  return (
    <main id="main" className="view-error" role="alert">
      <h2>{t(chunk ? 'viewError.newVersionTitle' : 'viewError.title')}</h2>
      <p>{chunk ? t('viewError.newVersion') : t('viewError.message', { message: error.message })}</p>
      <button type="button" onClick={() => window.location.reload()}>
        {t('viewError.reload')}
      </button>
    </main>
  );
}
