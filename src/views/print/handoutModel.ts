/**
 * The handout's budget: it must stay one A4 page whatever a user typed (notes and signals may be 1.000 characters
 * with line breaks), so long texts are clipped with "…" and long lists show their first items and a count of the
 * rest; the page then says texts were shortened. Plain functions over plain data.
 */

/** How much of each list and text a handout shows. */
export interface HandoutBudget {
  aims: number;
  dataSignals: number;
  wijkSignals: number;
  notes: number;
  /** Characters (code points) of one note or signal, and its lines. */
  chars: number;
  lines: number;
}

/**
 * From generous to tight: a handout starts with the first and takes the next while its page is taller than
 * {@link HANDOUT_PAGE_MM} (HandoutPage measures it), so one A4 holds it however much was typed.
 */
export const HANDOUT_BUDGETS: readonly HandoutBudget[] = [
  { aims: 5, dataSignals: 3, wijkSignals: 4, notes: 3, chars: 220, lines: 3 },
  { aims: 4, dataSignals: 3, wijkSignals: 3, notes: 3, chars: 180, lines: 3 },
  { aims: 3, dataSignals: 2, wijkSignals: 3, notes: 2, chars: 160, lines: 3 },
  { aims: 3, dataSignals: 2, wijkSignals: 2, notes: 2, chars: 120, lines: 2 },
  { aims: 2, dataSignals: 1, wijkSignals: 2, notes: 1, chars: 100, lines: 2 },
  { aims: 1, dataSignals: 1, wijkSignals: 1, notes: 1, chars: 80, lines: 2 },
];

/** An aim's label and the short fields (author, source, agreed with): characters. */
export const LABEL_CHARS = 120;

/** The height a handout may take: A4 less print.css's 12 mm margins is 273 mm; handout.css caps it at 270 mm. */
export const HANDOUT_PAGE_MM = 266;

export interface Clipped {
  text: string;
  clipped: boolean;
}

/** The first `lines` lines and `chars` characters (code points) of `text`, ending in "…" when anything was cut. */
export function clipText(
  text: string,
  chars: number = HANDOUT_BUDGETS[0]!.chars,
  lines: number = HANDOUT_BUDGETS[0]!.lines,
): Clipped {
  const normalised = text.replace(/\r\n?/g, '\n').trim();
  const kept = normalised.split('\n').slice(0, lines).join('\n');
  const points = [...kept];
  const short = points.length > chars ? points.slice(0, chars).join('') : kept;
  if (short === normalised) return { text: normalised, clipped: false };
  return { text: `${short.trimEnd()}…`, clipped: true };
}

/** The first `limit` items and how many were left out. */
export function firstOf<T>(items: readonly T[], limit: number): { shown: T[]; more: number } {
  return { shown: items.slice(0, limit), more: Math.max(0, items.length - limit) };
}

/** A date kept as YYYY-MM-DD, as a Date at local midnight (for the print date format). */
export function isoToDate(iso: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
}
