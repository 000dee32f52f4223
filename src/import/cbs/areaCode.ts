/**
 * CBS area codes: level, gemeente and parent follow from the code itself. A wijk code is its gemeente's four
 * digits plus two characters, a buurt code its wijk's six plus two. Since 2023 some wijk and buurt codes carry
 * letters (Amsterdam: `WK0363MB`), so those positions are alphanumeric.
 */

export type SourceLevel = 'land' | 'gemeente' | 'wijk' | 'buurt';

const PATTERNS: readonly [SourceLevel, RegExp][] = [
  ['land', /^NL00$/],
  ['gemeente', /^GM\d{4}$/],
  ['wijk', /^WK\d{4}[0-9A-Z]{2}$/],
  ['buurt', /^BU\d{4}[0-9A-Z]{4}$/],
];

/**
 * The code as CBS sources should hold it: trimmed (OData pads codes with spaces, "GM0014    "), upper case, and
 * `NL01` (the Netherlands in StatLine's regional tables) written as the `NL00` of the kwb files and the packages.
 */
export function normaliseAreaCode(raw: string): string {
  const code = raw.trim().toUpperCase();
  return code === 'NL01' ? 'NL00' : code;
}

/** The level of a normalised code, or null when it is no CBS area code. */
export function levelOfCode(code: string): SourceLevel | null {
  for (const [level, pattern] of PATTERNS) if (pattern.test(code)) return level;
  return null;
}

/** The gemeente the area lies in (itself for a gemeente), null for the Netherlands. */
export function gemeenteOfCode(code: string, level: SourceLevel): string | null {
  return level === 'land' ? null : `GM${code.slice(2, 6)}`;
}

/** The enclosing area: buurt → wijk → gemeente → NL00; null for the Netherlands. */
export function parentOfCode(code: string, level: SourceLevel): string | null {
  switch (level) {
    case 'buurt':
      return `WK${code.slice(2, 8)}`;
    case 'wijk':
      return `GM${code.slice(2, 6)}`;
    case 'gemeente':
      return 'NL00';
    case 'land':
      return null;
  }
}
