import { useId } from 'react';
import type { DatasetListEntry } from '../data/fetchPackage.ts';
import type { LocalizedText } from '../data/package.ts';
import { isolate } from './bidi.ts';
import { LANGS, type Lang } from './format.ts';
import { useI18n } from './i18n/index.tsx';
import { VIEWS, type View } from './urlState.ts';

export interface HeaderProps {
  datasets: DatasetListEntry[];
  dataset: string | null;
  title: LocalizedText | undefined;
  lang: Lang;
  view: View;
  onDataset(id: string): void;
  onLang(lang: Lang): void;
  onView(view: View): void;
}

const LANG_NAMES: Record<Lang, string> = { nl: 'Nederlands', en: 'English' };

export function Header({ datasets, dataset, title, lang, view, onDataset, onLang, onView }: HeaderProps) {
  const { t } = useI18n();
  const id = useId();
  return (
    <header className="header">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <div className="brand">
        <h1>{t('app.title')}</h1>
        <p>{title ? isolate(title[lang]) : t('app.tagline')}</p>
      </div>
      <nav className="views" aria-label={t('nav.label')}>
        {VIEWS.map((v) => (
          <button key={v} type="button" aria-current={v === view ? 'page' : undefined} onClick={() => onView(v)}>
            {t(`nav.${v}`)}
          </button>
        ))}
      </nav>
      <div className="header-controls">
        {/* Drawn before the list arrives (disabled, naming the requested dataset), so the header keeps its size. */}
        <div className="control">
          <label htmlFor={`${id}-dataset`}>{t('app.dataset')}</label>
          <select
            id={`${id}-dataset`}
            value={dataset ?? ''}
            disabled={datasets.length === 0}
            onChange={(e) => onDataset(e.target.value)}
          >
            {datasets.length === 0 && <option value={dataset ?? ''}>{dataset ?? t('app.loading')}</option>}
            {datasets.map((d) => (
              <option key={d.id} value={d.id}>
                {isolate(d.title[lang])}
              </option>
            ))}
          </select>
        </div>
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
