/**
 * CSV/formula injection: a spreadsheet that opens an export runs any cell text starting with `=`, `+`, `-` or `@`
 * as a formula (`=HYPERLINK(…)`, `=cmd|' /C calc'!A0`), and tab or carriage return lead to the same after some
 * imports. OWASP's advice (https://owasp.org/www-community/attacks/CSV_Injection) is to prefix such a text with a
 * single quote, so the spreadsheet shows it as text. Area names and labels come from uploaded files, so every
 * TEXT cell of an export goes through here; numbers are written as numbers and never do.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A signed plain number written as text ("-12.5", "-12,5", "+3", "-1.234,5") cannot be a formula: it holds no
 * operator after its sign, no name and no reference. It is left alone so that it does not show up as `'-12,5`.
 */
const PLAIN_NUMBER = /^[+-]?(?:\d[\d.,]*|[.,]\d+)$/;

/**
 * A text read back from a file the app wrote (the fill-in file): the `'` that `neutraliseFormula` put before a
 * formula-like start is taken off again, so a code such as `=X1` matches its area.
 */
export function restoreNeutralised(text: string): string {
  return text.startsWith("'") && neutraliseFormula(text.slice(1)) === text ? text.slice(1) : text;
}

/** The text as a spreadsheet may show it without evaluating it: `'` before a formula-like start, otherwise as is. */
export function neutraliseFormula(text: string): string {
  if (!FORMULA_START.test(text) || PLAIN_NUMBER.test(text)) return text;
  return `'${text}`;
}
