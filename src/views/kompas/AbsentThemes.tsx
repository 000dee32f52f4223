import { useI18n } from '../../app/i18n/index.tsx';
import type { Area, Theme } from '../../data/package.ts';

/**
 * One line under the Kompas for themes the area has no figures of at all, and — where its gemeente has
 * social-domain figures — a way to its gemeente's latest year of them. On paper only the sentence is printed.
 */
export function AbsentThemes({
  area,
  themes,
  gemeente,
  gemeentePeriod,
  onGemeente,
}: {
  area: Area;
  themes: readonly Theme[];
  gemeente: Area | null;
  gemeentePeriod: number | null;
  onGemeente?: (code: string, period: number) => void;
}) {
  const i18n = useI18n();
  if (themes.length === 0) return null;
  // A plain comma list: theme names hold "en" themselves ("Zorg en Wmo"), so a conjunction would read wrong.
  const names = themes.map((theme) => i18n.t(`theme.${theme}`)).join(', ');
  const elsewhere = gemeente && gemeente.code !== area.code && gemeentePeriod !== null ? gemeente : null;
  return (
    <p className="absent-themes" data-absent-themes={themes.join(' ')}>
      {i18n.t('kompas.absentThemes', { area: area.name, themes: names })}{' '}
      {elsewhere && onGemeente && (
        <button
          type="button"
          className="link-button"
          data-print-hide
          onClick={() => onGemeente(elsewhere.code, gemeentePeriod!)}
        >
          {i18n.t('kompas.absentGoTo', { gemeente: elsewhere.name, period: gemeentePeriod! })}
        </button>
      )}
    </p>
  );
}
