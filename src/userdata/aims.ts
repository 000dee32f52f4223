/**
 * The package's aims beside the ones added in the app: a package aim is `vastgesteld` (set by the gemeente), with
 * an id made from what makes it unique in aims.csv (indicator, area, target period), so it is the same on every load.
 */
import type { Aim } from '../data/package.ts';
import type { UserAim } from './types.ts';

/** The id of a package aim: `pkg:<indicator>:<area or *>:<target period>`. */
export function packageAimId(aim: Aim): string {
  return `pkg:${aim.indicator_id}:${aim.area_code ?? '*'}:${aim.target_period}`;
}

/** A package's aims as {@link UserAim}s, `vastgesteld`. */
export function packageAimsAsUserAims(aims: readonly Aim[]): UserAim[] {
  return aims.map((aim) => ({
    ...aim,
    id: packageAimId(aim),
    updatedAt: 0,
    agreed_with: aim.agreed_with ?? '',
    agreed_on: aim.agreed_on ?? '',
    origin: 'vastgesteld',
  }));
}
