import type { LoadedPackage } from '../data/load.ts';
import type { Area } from '../data/package.ts';
import type { MessageKey } from './i18n/nl.ts';
import type { UrlState } from './urlState.ts';

export interface Notice {
  key: MessageKey;
  params: Record<string, string | number>;
}

export interface Selection {
  area: string;
  indicator: string;
  period: number;
  notices: Notice[];
}

/**
 * The codes an area choice may name (every area but the country), per area list: each click looks its area up, and a
 * search through the national list's 18.000 areas took ~4 ms of the click's render.
 */
const pickableByAreas = new WeakMap<readonly Area[], ReadonlySet<string>>();
function pickableCodes(areas: readonly Area[]): ReadonlySet<string> {
  let codes = pickableByAreas.get(areas);
  if (!codes) {
    codes = new Set(areas.filter((a) => a.level !== 'land').map((a) => a.code));
    pickableByAreas.set(areas, codes);
  }
  return codes;
}

/**
 * What is shown for a URL: its choices where the package has them, the package's defaults where the URL is silent,
 * and a notice (instead of an error page) for each choice the package does not have.
 */
export function resolveSelection(
  url: Pick<UrlState, 'area' | 'indicator' | 'period'>,
  pkg: Pick<LoadedPackage, 'meta' | 'areas' | 'indicators' | 'socialPeriods'>,
): Selection {
  const notices: Notice[] = [];
  const { meta } = pkg;
  const pickable = (code: string) => pickableCodes(pkg.areas).has(code);
  let area = meta.default_area;
  if (url.area && pickable(url.area)) area = url.area;
  else if (url.area) notices.push({ key: 'app.areaNotFound', params: { code: url.area } });

  let indicator = meta.default_indicator;
  if (url.indicator && pkg.indicators.some((i) => i.id === url.indicator)) indicator = url.indicator;
  else if (url.indicator) notices.push({ key: 'app.indicatorNotFound', params: { id: url.indicator } });

  const known = url.period !== null && meta.periods.includes(url.period);
  if (url.period !== null && !known) notices.push({ key: 'app.periodNotFound', params: { period: url.period } });
  // The default year only when the URL names no known one: it goes over every area's social-domain years.
  const period = known && url.period !== null ? url.period : defaultPeriod(pkg, area);

  return { area, indicator, period, notices };
}

/**
 * The year to open on when the URL names none: the latest year with social-domain values (jeugd, zorg, werk,
 * armoede; src/queries/socialPeriods.ts) — not merely the package's latest year, which may hold only population
 * figures. For the area shown (the URL's or the package's default area) that area's latest such year, so a wijk opens
 * on its own figures rather than on a year only the gemeente has; an area with none opens on `default_period`. Without
 * an area (or for the gemeente): the gemeente's latest such year, else the latest of all its areas. Falls back to `default_period` when unknown.
 */
export function defaultPeriod(pkg: Pick<LoadedPackage, 'meta' | 'socialPeriods'>, area: string | null = null): number {
  const { meta, socialPeriods } = pkg;
  if (!socialPeriods || socialPeriods.size === 0) return meta.default_period;
  const known = (p: number | undefined) => (p !== undefined && meta.periods.includes(p) ? p : undefined);
  const latest = Math.max(...[...socialPeriods.values()].filter((p) => meta.periods.includes(p)));
  if (area !== null && area !== meta.gemeente) {
    // An area without any social-domain value (a wijk of a new indeling whose figures CBS has not published yet)
    // opens on the package's own default, where it has figures, not on a year only its gemeente has.
    return known(socialPeriods.get(area)) ?? meta.default_period;
  }
  return known(socialPeriods.get(meta.gemeente)) ?? known(latest) ?? meta.default_period;
}
