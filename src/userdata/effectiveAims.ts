/**
 * The aims the compass assesses: the package's (vastgesteld) and the user's concept aims, as one list every view
 * reads (Kompas, trend chart, Overzicht, print), so they never disagree about which aim holds.
 */
import type { Aim, Area } from '../data/package.ts';
import { packageAimsAsUserAims } from './aims.ts';
import type { UserAim } from './types.ts';

const keyOf = (aim: Pick<Aim, 'indicator_id' | 'area_code' | 'target_period'>) =>
  `${aim.indicator_id}|${aim.area_code ?? '*'}|${aim.target_period}`;

/**
 * Package aims as vastgesteld, plus the user's live aims as concept. A user aim for the same indicator, area and
 * target period as a package aim replaces it: that is the user's edit of it, shown as concept until it is put into
 * a package. A user aim for all areas of one level holds for each area of that level that has no aim of its own for
 * the indicator (as an area's own aim replaces a general one in `applicableAim`); it is listed once per such area.
 */
export function effectiveAims(
  packageAims: readonly Aim[],
  userAims: readonly UserAim[],
  areas: readonly Pick<Area, 'code' | 'level'>[],
): UserAim[] {
  const live = userAims.filter((a) => !a.deleted);
  const edited = new Set(live.map(keyOf));
  const list = [...packageAimsAsUserAims(packageAims).filter((a) => !edited.has(keyOf(a))), ...live];
  const general = list.filter((a) => a.area_code === null && a.level != null);
  if (general.length === 0) return list;
  const own = new Set(list.filter((a) => a.area_code !== null).map((a) => `${a.indicator_id}|${a.area_code}`));
  const expanded: UserAim[] = list.filter((a) => !(a.area_code === null && a.level != null));
  for (const aim of general) {
    for (const area of areas) {
      if (area.level !== aim.level || own.has(`${aim.indicator_id}|${area.code}`)) continue;
      expanded.push({ ...aim, area_code: area.code });
    }
  }
  return expanded;
}
