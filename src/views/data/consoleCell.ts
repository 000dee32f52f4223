import type { Lang } from '../../app/format.ts';

/** How the SQL console reads a result column, from its Arrow type. */
export type ConsoleColumnKind = 'text' | 'integer' | 'float' | 'decimal' | 'date' | 'timestamp' | 'other';

export interface ConsoleColumn {
  name: string;
  kind: ConsoleColumnKind;
  /** Digits after the decimal point of a DECIMAL column (its type says how precise it is). */
  scale: number;
}

export type ConsoleCell = string | number | bigint | null;

const LOCALE: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };

/** Significant digits of a floating-point value: the digits after these are mostly noise of the arithmetic. */
export const FLOAT_DIGITS = 4;

/** Words of a column name that make its numbers identifiers (years, periods, codes), not amounts. */
const IDENTIFIER_WORDS = new Set(['year', 'years', 'jaar', 'period', 'periode', 'code', 'id', 'nr']);

/**
 * Whether a column holds identifiers rather than amounts: "2016" must not read "2.016". A name is split into words
 * (`area_code`, `max(period)`, `peiljaar`); a bare number is what DuckDB names a selected literal (`SELECT 2016`).
 */
export function isIdentifierColumn(name: string): boolean {
  if (/^\d+$/.test(name)) return true;
  const words = name.toLowerCase().split(/[^a-z]+/);
  return words.some((w) => IDENTIFIER_WORDS.has(w) || (w.length > 4 && w.endsWith('jaar')));
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(lang: Lang, kind: 'integer' | 'float' | 'decimal', scale: number, grouping: boolean) {
  const key = `${lang}|${kind}|${scale}|${grouping}`;
  let f = formatters.get(key);
  if (!f) {
    const options: Intl.NumberFormatOptions =
      kind === 'float'
        ? // Four significant digits, but never fewer than the whole part: 136,1 and 0,0001235, yet 1.234.568.
          { maximumSignificantDigits: FLOAT_DIGITS, maximumFractionDigits: 0, roundingPriority: 'morePrecision' }
        : { minimumFractionDigits: scale, maximumFractionDigits: scale };
    // `negative`: a value that rounds to zero is shown as 0, not "-0".
    f = new Intl.NumberFormat(LOCALE[lang], { ...options, useGrouping: grouping, signDisplay: 'negative' });
    formatters.set(key, f);
  }
  return f;
}

/**
 * A result cell as the console shows it, by the column's Arrow type: integers whole (grouped as amounts, "29.710",
 * plain as identifiers, "2016"), DECIMAL with the digits its type has, floating point to four significant digits
 * (the CSV download keeps every digit), text, dates and the rest as they are.
 */
export function formatConsoleCell(value: ConsoleCell, column: ConsoleColumn, lang: Lang): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  const kind = column.kind === 'integer' || column.kind === 'decimal' ? column.kind : 'float';
  return formatter(lang, kind, kind === 'decimal' ? column.scale : 0, !isIdentifierColumn(column.name)).format(value);
}
