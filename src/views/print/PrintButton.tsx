import { useI18n } from '../../app/i18n/index.tsx';
import './print.css';

export interface PrintButtonProps {
  /** Prepare the report (render it into `.print-root`, add `body.printing`) and then call `window.print()`. */
  onPrint(): void;
  /** The same for every wijk of the gemeente; without it the second button is not shown. */
  onPrintAll?: () => void;
  /** True while the caller prepares the report(s): the buttons wait and a screen reader hears why. */
  busy?: boolean;
}

/**
 * "Afdrukken / PDF" and "Alle wijken afdrukken". Never printed itself (`no-print`, `data-print-hide`). While busy
 * the buttons are aria-disabled rather than disabled, so keyboard focus stays on the button that was pressed.
 */
export function PrintButton({ onPrint, onPrintAll, busy = false }: PrintButtonProps) {
  const { t } = useI18n();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of two buttons, not a form section; fieldset would add a border and a legend
    <div className="print-actions no-print" role="group" aria-label={t('print.actions')} data-print-hide="">
      <button
        type="button"
        className="print-button"
        title={t('print.buttonTitle')}
        aria-disabled={busy}
        onClick={() => busy || onPrint()}
      >
        {t('print.button')}
      </button>
      {onPrintAll && (
        <button
          type="button"
          className="print-button print-all"
          title={t('print.allWijkenTitle')}
          aria-disabled={busy}
          onClick={() => busy || onPrintAll()}
        >
          {t('print.allWijken')}
        </button>
      )}
      <span className="visually-hidden" role="status">
        {busy ? t('print.preparing') : ''}
      </span>
    </div>
  );
}
