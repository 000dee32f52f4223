import { useId, useMemo, useState } from 'react';
import { useI18n } from '../../app/i18n/index.tsx';
import { type Indicator, THEMES, type Theme } from '../../data/package.ts';
import { foldText } from './DataTable.tsx';

export interface IndicatorChecklistProps {
  /** The package's indicators, in package order. */
  indicators: readonly Indicator[];
  /** The chosen indicator ids. */
  chosen: readonly string[];
  /** Called with the new choice, always in package order (ids not in `indicators` are dropped). */
  onChange(ids: string[]): void;
}

/**
 * Every word of the query must occur in the indicator's label (in the active language) or in its id; case and
 * diacritics are ignored, so "wmo client" finds "Wmo-cliënten".
 */
export function matchesIndicator(label: string, id: string, query: string): boolean {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  const haystack = [foldText(label), foldText(id)];
  return words.every((word) => haystack.some((text) => text.includes(word)));
}

/**
 * The Data page's choice of indicators: a search box and one native checkbox per indicator, grouped per theme
 * (THEMES order, as the indicator selector and the Kompas show them). Native checkboxes give keyboard and
 * screen-reader support without extra work; the list scrolls within its own box so 150 indicators fit on the page.
 */
export function IndicatorChecklist({ indicators, chosen, onChange }: IndicatorChecklistProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const [query, setQuery] = useState('');
  const chosenSet = useMemo(() => new Set(chosen), [chosen]);

  const groups = useMemo(() => {
    const visible = indicators.filter((i) => matchesIndicator(i18n.label(i), i.id, query));
    return THEMES.map((theme) => ({ theme, list: visible.filter((i) => i.theme === theme) })).filter(
      (g) => g.list.length > 0,
    );
  }, [indicators, i18n, query]);

  const emit = (next: ReadonlySet<string>) => onChange(indicators.filter((i) => next.has(i.id)).map((i) => i.id));
  const toggle = (indicatorId: string, on: boolean) => {
    const next = new Set(chosenSet);
    if (on) next.add(indicatorId);
    else next.delete(indicatorId);
    emit(next);
  };
  const setTheme = (list: readonly Indicator[], on: boolean) => {
    const next = new Set(chosenSet);
    for (const i of list) {
      if (on) next.add(i.id);
      else next.delete(i.id);
    }
    emit(next);
  };
  const count = indicators.filter((i) => chosenSet.has(i.id)).length;
  const themeName = (theme: Theme) => t(`theme.${theme}`);

  return (
    <fieldset className="indicator-checklist">
      <legend>{t('dataPage.indicators')}</legend>
      <div className="indicator-checklist-tools">
        <label htmlFor={`${id}-search`}>{t('dataPage.indicatorSearch')}</label>
        <input
          id={`${id}-search`}
          type="search"
          value={query}
          autoComplete="off"
          onChange={(e) => setQuery(e.target.value)}
        />
        <p className="indicator-checklist-count" role="status">
          {t('dataPage.chosenCount', { count })}
        </p>
        <button type="button" onClick={() => onChange([])}>
          {t('dataPage.clearChoice')}
        </button>
      </div>
      <div className="indicator-checklist-scroll">
        {groups.length === 0 && <p className="muted">{t('dataPage.noIndicatorMatch', { query: query.trim() })}</p>}
        {groups.map(({ theme, list }) => (
          <fieldset key={theme} className="indicator-checklist-theme" data-theme={theme}>
            <legend>{themeName(theme)}</legend>
            <div className="indicator-checklist-theme-actions">
              <button type="button" onClick={() => setTheme(list, true)}>
                {t('dataPage.themeAll')}
                <span className="visually-hidden"> {t('dataPage.themeSuffix', { theme: themeName(theme) })}</span>
              </button>
              <button type="button" onClick={() => setTheme(list, false)}>
                {t('dataPage.themeNone')}
                <span className="visually-hidden"> {t('dataPage.themeSuffix', { theme: themeName(theme) })}</span>
              </button>
            </div>
            <ul>
              {list.map((i) => (
                <li key={i.id}>
                  <label>
                    <input
                      type="checkbox"
                      value={i.id}
                      checked={chosenSet.has(i.id)}
                      onChange={(e) => toggle(i.id, e.target.checked)}
                    />
                    <span>{i18n.label(i)}</span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        ))}
      </div>
    </fieldset>
  );
}
