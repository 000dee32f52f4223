import type { LoadedPackage } from '../data/load.ts';
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
 * What is shown for a URL: its choices where the package has them, the package's defaults where the URL is silent,
 * and a notice (instead of an error page) for each choice the package does not have.
 */
export function resolveSelection(
  url: Pick<UrlState, 'area' | 'indicator' | 'period'>,
  pkg: Pick<LoadedPackage, 'meta' | 'areas' | 'indicators' | 'socialPeriods'>,
): Selection {
  const notices: Notice[] = [];
  const { meta } = pkg;
  const pickable = (code: string) => pkg.areas.some((a) => a.code === code && a.level !== 'land');
  let area = meta.default_area;
  if (url.area && pickable(url.area)) area = url.area;
  else if (url.area) notices.push({ key: 'app.areaNotFound', params: { code: url.area } });

  let indicator = meta.default_indicator;
  if (url.indicator && pkg.indicators.some((i) => i.id === url.indicator)) indicator = url.indicator;
  else if (url.indicator) notices.push({ key: 'app.indicatorNotFound', params: { id: url.indicator } });

  let period = defaultPeriod(pkg, area);
  if (url.period !== null && meta.periods.includes(url.period)) period = url.period;
  else if (url.period !== null) notices.push({ key: 'app.periodNotFound', params: { period: url.period } });

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
