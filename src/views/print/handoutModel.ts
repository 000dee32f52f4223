/**
 * The handout's budget: it must stay one A4 page whatever a user typed (notes and signals may be 1.000 characters
 * with line breaks), so long texts are clipped with "…" and long lists show their first items and a count of the
 * rest; the page then says texts were shortened. Plain functions over plain data.
 */

/** At most this many items of each list on the page. */
export const HANDOUT_LIMITS = {
  aims: 5,
  dataSignals: 3,
  wijkSignals: 4,
  notes: 3,
  /** Characters (code points) of one text, and its lines. */
  chars: 220,
  lines: 3,
  /** An aim's label, and the short fields (author, source, agreed with). */
  labelChars: 120,
} as const;

export interface Clipped {
  text: string;
  clipped: boolean;
}

/** The first `lines` lines and `chars` characters (code points) of `text`, ending in "…" when anything was cut. */
export function clipText(
  text: string,
  chars: number = HANDOUT_LIMITS.chars,
  lines: number = HANDOUT_LIMITS.lines,
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
