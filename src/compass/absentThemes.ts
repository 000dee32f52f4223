import { THEMES, type Theme } from '../data/package.ts';

/**
 * The themes the package has indicators for but the area has no figure of in any year (a wijk of a new indeling
 * whose social-domain figures CBS has not published, a buurt without Wmo counts): the Kompas names them rather than
 * leaving them out without a word. In the package's theme order.
 */
export function absentThemes(indicatorThemes: Iterable<Theme>, shown: Iterable<Theme>): Theme[] {
  const inPackage = new Set(indicatorThemes);
  const present = new Set(shown);
  return THEMES.filter((theme) => inPackage.has(theme) && !present.has(theme));
}
