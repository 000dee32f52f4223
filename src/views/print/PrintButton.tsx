import { useI18n } from '../../app/i18n/index.tsx';
import './print.css';

/** A print being prepared: which button started it and, for "all wijken", how many reports are computed. */
export interface PrintJobState {
  kind: 'one' | 'all' | 'handout' | 'handoutAll';
  progress: { done: number; total: number } | null;
}

export interface PrintButtonProps {
  /** Prepare the report (render it into `.print-root`, add `body.printing`) and then call `window.print()`. */
  onPrint(): void;
  /** The same for every wijk of the gemeente; without it the second button is not shown. */
  onPrintAll?: () => void;
  /** The wijk meeting handout of this area (one A4 page); without it the handout buttons are not shown. */
  onHandout?: () => void;
  /** The handout of every wijk of the gemeente, one page per wijk, as one document. */
  onHandoutAll?: () => void;
  /** True while the caller prepares the report(s): the buttons wait and a screen reader hears why. */
  busy?: boolean;
  /** The print being prepared (implies busy): its button shows the progress and a cancel button appears. */
  job?: PrintJobState | null;
  /** Stops the print being prepared; without it no cancel button is shown. */
  onCancel?: () => void;
}

/**
 * "Afdrukken / PDF" and "Alle wijken afdrukken", and the wijk meeting handout of the area and of all wijken. Never printed itself (`no-print`, `data-print-hide`). While busy
 * the buttons are aria-disabled rather than disabled, so keyboard focus stays on the button that was pressed; that
 * button says how far the preparation is ("Afdruk voorbereiden… 3 van 12"), and "Annuleren" stops it.
 */
export function PrintButton({
  onPrint,
  onPrintAll,
  onHandout,
  onHandoutAll,
  busy = false,
  job = null,
  onCancel,
}: PrintButtonProps) {
  const { t } = useI18n();
  const waiting = busy || job !== null;
  const preparing = job?.progress
    ? t('print.preparingCount', { done: job.progress.done, total: job.progress.total })
    : t('print.preparing');
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of two buttons, not a form section; fieldset would add a border and a legend
    <div className="print-actions no-print" role="group" aria-label={t('print.actions')} data-print-hide="">
      <button
        type="button"
        className="print-button"
        title={t('print.buttonTitle')}
        aria-disabled={waiting}
        data-state={job?.kind === 'one' ? 'preparing' : undefined}
        onClick={() => waiting || onPrint()}
      >
        {job?.kind === 'one' ? preparing : t('print.button')}
      </button>
      {onPrintAll && (
        <button
          type="button"
          className="print-button print-all"
          title={t('print.allWijkenTitle')}
          aria-disabled={waiting}
          data-state={job?.kind === 'all' ? 'preparing' : undefined}
          onClick={() => waiting || onPrintAll()}
        >
          {job?.kind === 'all' ? preparing : t('print.allWijken')}
        </button>
      )}
      {onHandout && (
        <button
          type="button"
          className="print-button print-handout"
          title={t('handout.buttonTitle')}
          aria-disabled={waiting}
          data-state={job?.kind === 'handout' ? 'preparing' : undefined}
          onClick={() => waiting || onHandout()}
        >
          {job?.kind === 'handout' ? preparing : t('handout.button')}
        </button>
      )}
      {onHandoutAll && (
        <button
          type="button"
          className="print-button print-handout-all"
          title={t('handout.allTitle')}
          aria-disabled={waiting}
          data-state={job?.kind === 'handoutAll' ? 'preparing' : undefined}
          onClick={() => waiting || onHandoutAll()}
        >
          {job?.kind === 'handoutAll' ? preparing : t('handout.all')}
        </button>
      )}
      {job && onCancel && (
        <button type="button" className="print-button print-cancel" onClick={onCancel}>
          {t('print.cancel')}
        </button>
      )}
      <span className="visually-hidden" role="status">
        {waiting ? preparing : ''}
      </span>
    </div>
  );
}
