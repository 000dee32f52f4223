import { useId } from 'react';
import type { DatasetListEntry } from '../data/fetchPackage.ts';
import type { LocalizedText } from '../data/package.ts';
import { LANGS, type Lang } from './format.ts';
import { useI18n } from './i18n/index.tsx';

export interface HeaderProps {
  datasets: DatasetListEntry[];
  dataset: string | null;
  title: LocalizedText | undefined;
  lang: Lang;
  onDataset(id: string): void;
  onLang(lang: Lang): void;
}

const LANG_NAMES: Record<Lang, string> = { nl: 'Nederlands', en: 'English' };

export function Header({ datasets, dataset, title, lang, onDataset, onLang }: HeaderProps) {
  const { t } = useI18n();
  const id = useId();
  return (
    <header className="header">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <div className="brand">
        <h1>{t('app.title')}</h1>
        <p>{title ? title[lang] : t('app.tagline')}</p>
      </div>
      <div className="header-controls">
        {datasets.length > 0 && (
          <div className="control">
            <label htmlFor={`${id}-dataset`}>{t('app.dataset')}</label>
            <select id={`${id}-dataset`} value={dataset ?? ''} onChange={(e) => onDataset(e.target.value)}>
              {datasets.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.title[lang]}
                </option>
              ))}
            </select>
          </div>
        )}
        <fieldset className="lang-switch">
          <legend className="visually-hidden">{t('app.language')}</legend>
          {LANGS.map((l) => (
            <button key={l} type="button" lang={l} aria-pressed={l === lang} onClick={() => onLang(l)}>
              {LANG_NAMES[l]}
            </button>
          ))}
        </fieldset>
      </div>
    </header>
  );
}
