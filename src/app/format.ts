import type { Indicator, Unit } from '../data/package.ts';

export type Lang = 'nl' | 'en';
export const LANGS: readonly Lang[] = ['nl', 'en'];

const LOCALE: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };
const formatters = new Map<string, Intl.NumberFormat>();

/** A number in the language's notation: nl 29.710 and 12,4; en 29,710 and 12.4. */
export function formatNumber(value: number, decimals: number, lang: Lang, signed = false): string {
  const key = `${lang}|${decimals}|${signed}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE[lang], {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      signDisplay: signed ? 'exceptZero' : 'auto',
    });
    formatters.set(key, f);
  }
  // Avoid "-0": a value that rounds to zero is shown as zero.
  const rounded = Number(value.toFixed(decimals));
  return f.format(rounded === 0 ? 0 : value);
}

/**
 * Makes the language's first number formatter ahead of need: a page's first Intl.NumberFormat loads the locale's data
 * (17–67 ms in Chromium on a loaded two-core machine), which the first Kompas otherwise waited for.
 */
export function prepareNumberFormat(lang: Lang): void {
  formatNumber(0, 0, lang);
}

/** Amounts in thousands of euros are shown in euros (CBS publishes income as "x 1 000 euro"). */
function scaled(value: number, unit: Unit, decimals: number): [number, number] {
  return unit === 'euro_x1000' ? [value * 1000, Math.max(0, decimals - 3)] : [value, decimals];
}

/** The number part of an indicator value, rounded to the indicator's decimals. */
export function formatIndicatorNumber(
  value: number,
  indicator: Pick<Indicator, 'unit' | 'decimals'>,
  lang: Lang,
  signed = false,
): string {
  const [v, d] = scaled(value, indicator.unit, indicator.decimals);
  return formatNumber(v, d, lang, signed);
}

/** Fills `{name}` placeholders; `text`, when given, is applied to each string filled in. */
export function fillTemplate(
  template: string,
  params: Record<string, string | number> = {},
  text?: (value: string) => string,
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in params)) return whole;
    const value = params[name];
    return typeof value === 'string' && text ? text(value) : String(value);
  });
}
