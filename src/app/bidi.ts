/**
 * Direction isolation of user text (Unicode UAX #9, "isolates"). A name with an RTL override (U+202E) or Arabic or
 * Hebrew letters would otherwise reorder the interface text around it ("Zuiderpark · wijk" shown as "kjiw ·
 * krapredieuZ"). `isolate` wraps such text in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, which works in
 * elements, `<option>`, `title`, `aria-label`, SVG text and printed text alike.
 */
const FSI = '\u2068';
const PDI = '\u2069';

/**
 * Characters that can change the order of text: strong right-to-left letters (Hebrew, Arabic, Syriac, Thaana, NKo,
 * Samaritan, Mandaic and their presentation forms, and the RTL scripts of the supplementary planes) and the explicit
 * formatting characters (ALM, LRM/RLM, LRE/RLE/PDF/LRO/RLO, LRI/RLI/FSI/PDI). Text without any of them resolves to the
 * same order with or without an isolate in a left-to-right interface, so it is left as it is: searchable, copyable and
 * equal to the package's text.
 */
const DIRECTIONAL =
  /[\u0590-\u08ff\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufb1d-\ufdff\ufe70-\ufefe]|[\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

/** Whether `text` holds a character that can reorder the text around it. */
export function hasDirectionalText(text: string): boolean {
  return DIRECTIONAL.test(text);
}

/**
 * `text` as an isolate, when it holds right-to-left letters or directional formatting; other text unchanged. A PDI in
 * the text that would close our isolate early is dropped, and isolates the text opens but does not close are closed
 * before ours, so nothing inside can reach the text around it.
 */
export function isolate(text: string): string {
  if (!DIRECTIONAL.test(text)) return text;
  let open = 0;
  let body = '';
  for (const c of text) {
    if (c === '\u2066' || c === '\u2067' || c === FSI) open++;
    else if (c === PDI) {
      if (open === 0) continue;
      open--;
    }
    body += c;
  }
  return `${FSI}${body}${PDI.repeat(open)}${PDI}`;
}
