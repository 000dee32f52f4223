import { useI18n } from '../../app/i18n/index.tsx';
import { type MissingReason, missingCellKey, missingTitleKey } from '../../app/missingReason.ts';
import './missingValue.css';

/** A cell without a value: the reason in words ("geheim", "niet gepubliceerd" …) with what it means on hover. */
export function MissingValue({ reason }: { reason: MissingReason }) {
  const { t } = useI18n();
  return (
    <span className="suppressed missing" data-missing={reason} title={t(missingTitleKey(reason))}>
      {t(missingCellKey(reason))}
    </span>
  );
}
