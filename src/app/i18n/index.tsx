import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { formatIssue } from '../../data/issueText.ts';
import type { Indicator, PackageIssue } from '../../data/package.ts';
import { isolate } from '../bidi.ts';
import { fillTemplate, formatIndicatorNumber, formatNumber, type Lang } from '../format.ts';
import { en } from './en.ts';
import { type MessageKey, nl } from './nl.ts';
import { validationMessages as validationEn } from './validation.en.ts';
import { validationMessages as validationNl } from './validation.nl.ts';

/** Units whose compact form still says what they are (a % sign, a € sign). */
const SELF_EXPLAINING = new Set<Indicator['unit']>(['percent', 'euro', 'euro_x1000']);

const MESSAGES: Record<Lang, Record<MessageKey, string>> = { nl, en };

/** A message with plural forms is stored as `<key>.one`, `<key>.other` (the categories of `Intl.PluralRules`). */
export type PluralKey = { [K in MessageKey]: K extends `${infer Base}.other` ? Base : never }[MessageKey];

const PLURAL_RULES: Record<Lang, Intl.PluralRules> = {
  nl: new Intl.PluralRules('nl-NL'),
  en: new Intl.PluralRules('en-GB'),
};
const VALIDATION = { nl: validationNl, en: validationEn };

export interface I18n {
  lang: Lang;
  t(key: MessageKey, params?: Record<string, string | number>): string;
  /**
   * A message about `count` things in the form the language's plural rules ask for ("1 gebied gevonden", "3 gebieden
   * gevonden"); `{count}` is filled with the count in this language's notation ("1.234").
   */
  plural(key: PluralKey, count: number, params?: Record<string, string | number>): string;
  /** An indicator value with its unit, in this language's notation ("12,4%", "45,2 per 1.000"). */
  value(value: number, indicator: Indicator, signed?: boolean): string;
  /** The same for a table whose row already names the unit: "12,4%" stays, "45,2 per 1.000" becomes "45,2". */
  compactValue(value: number, indicator: Indicator, signed?: boolean): string;
  /** A signed difference between two values: a difference of percentages is in percentage points ("+1,6 %-punt"). */
  difference(value: number, indicator: Indicator): string;
  /** The same for a table whose row already names the unit; `signed: false` for a size in words ("1,8 %-punt"). */
  compactDifference(value: number, indicator: Indicator, signed?: boolean): string;
  /** The unit to name beside an indicator whose compact values do not show it ("per 1.000", "km"), else null. */
  unitNote(indicator: Indicator): string | null;
  /** A probability as a whole percentage, never a false certainty: "73%", "< 1%", "> 99%". */
  probability(p: number): string;
  /** An indicator's label in this language, direction-isolated (see bidi.ts). */
  label(indicator: Indicator): string;
  definition(indicator: Indicator): string;
  issue(issue: PackageIssue): string;
}

export function createI18n(lang: Lang): I18n {
  const messages = MESSAGES[lang];
  // Every text filled into a message (an area's name, a label, a note) is direction-isolated, so a name with an RTL
  // override cannot reorder the message around it.
  // Isolated as filled in, without a copy of `params` per call: a Kompas makes thousands of these.
  const t: I18n['t'] = (key, params) => fillTemplate(messages[key], params, isolate);
  const plural: I18n['plural'] = (key, count, params) => {
    const form = `${key}.${PLURAL_RULES[lang].select(count)}`;
    const chosen = (form in messages ? form : `${key}.other`) as MessageKey;
    return t(chosen, { count: formatNumber(count, 0, lang), ...params });
  };
  return {
    lang,
    t,
    plural,
    value: (value, indicator, signed = false) =>
      t(`unit.${indicator.unit}`, { value: formatIndicatorNumber(value, indicator, lang, signed) }),
    compactValue: (value, indicator, signed = false) => {
      const number = formatIndicatorNumber(value, indicator, lang, signed);
      return SELF_EXPLAINING.has(indicator.unit) ? t(`unit.${indicator.unit}`, { value: number }) : number;
    },
    difference: (value, indicator) =>
      indicator.unit === 'percent'
        ? t('unit.percentPoints', { value: formatIndicatorNumber(value, indicator, lang, true) })
        : t(`unit.${indicator.unit}`, { value: formatIndicatorNumber(value, indicator, lang, true) }),
    compactDifference: (value, indicator, signed = true) => {
      const number = formatIndicatorNumber(value, indicator, lang, signed);
      if (indicator.unit === 'percent') return t('unit.percentPoints', { value: number });
      return SELF_EXPLAINING.has(indicator.unit) ? t(`unit.${indicator.unit}`, { value: number }) : number;
    },
    // A label that already ends in its unit ("Afstand tot huisarts (km)", "Elektriciteitsverbruik (kWh)") needs no
    // second one beside it.
    unitNote: (indicator) =>
      SELF_EXPLAINING.has(indicator.unit) || indicator.unit === 'count' || /\([^()]+\)\s*$/.test(indicator.label_nl)
        ? null
        : t(`unitName.${indicator.unit}`),
    probability: (p) => {
      const percent = (value: number) => t('unit.percent', { value: formatNumber(value, 0, lang) });
      if (p < 0.01) return `< ${percent(1)}`;
      if (p > 0.99) return `> ${percent(99)}`;
      return percent(Math.round(p * 100));
    },
    label: (indicator) => isolate(lang === 'en' && indicator.label_en ? indicator.label_en : indicator.label_nl),
    definition: (indicator) =>
      isolate(lang === 'en' && indicator.definition_en ? indicator.definition_en : indicator.definition_nl),
    issue: (issue) => formatIssue(issue, VALIDATION[lang]),
  };
}

const I18nContext = createContext<I18n>(createI18n('nl'));

export function I18nProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  const value = useMemo(() => createI18n(lang), [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
