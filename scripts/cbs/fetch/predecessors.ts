/**
 * The former gemeenten of a merger, found from the boundaries themselves: a gemeente of an earlier year that lies
 * inside a gemeente asked for (Appingedam, Delfzijl and Loppersum in 2020 inside Eemsdelta's 2024 boundary) is one
 * of its predecessors. The decision is the importer's own crosswalk (src/import/cbs/crosswalk.ts), run on the
 * gemeenten around the ones asked for: those of the latest year asked, and those of the earlier year. The
 * neighbours matter: a gemeente split over several successors then lands in several and is not taken for a merger.
 */
import type { Feature, Geometry, Position } from 'geojson';
import { type GemeenteBoundary, gemeenteCrosswalk } from '../../../src/import/cbs/crosswalk.ts';
import { polygonsOf } from '../../../src/import/cbs/shapes.ts';
import type { Box } from './pdok.ts';

export interface Predecessor {
  code: string;
  name: string;
  /** The gemeente asked for that it lies in. */
  into: string;
}

/** A feature's gemeente code: PDOK writes `gemeentecode` (older layers `statcode`, `GM_CODE`). */
export function gemeenteCodeOf(feature: Feature): string | null {
  const p = feature.properties ?? {};
  const code = [p.gemeentecode, p.statcode, p.GM_CODE].find((c): c is string => typeof c === 'string');
  return code ? code.trim().toUpperCase() : null;
}

export function gemeenteNameOf(feature: Feature): string {
  const p = feature.properties ?? {};
  const name = [p.gemeentenaam, p.statnaam, p.GM_NAAM].find((c): c is string => typeof c === 'string' && c !== '');
  return name?.trim() ?? gemeenteCodeOf(feature) ?? '?';
}

/** The box around some features' polygons, or null when they have none. */
export function boxOf(features: readonly Feature[]): Box | null {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (p: Position) => {
    west = Math.min(west, p[0]!);
    east = Math.max(east, p[0]!);
    south = Math.min(south, p[1]!);
    north = Math.max(north, p[1]!);
  };
  for (const f of features)
    for (const polygon of polygonsOf(f.geometry)) for (const ring of polygon) ring.forEach(visit);
  return west <= east && south <= north ? [west, south, east, north] : null;
}

/** Whether `inner` lies inside `outer` grown by 2 % of its size (two years' maps are simplified differently). */
function within(inner: Box, outer: Box): boolean {
  const mx = (outer[2] - outer[0]) * 0.02;
  const my = (outer[3] - outer[1]) * 0.02;
  return (
    inner[0] >= outer[0] - mx && inner[1] >= outer[1] - my && inner[2] <= outer[2] + mx && inner[3] <= outer[3] + my
  );
}

function boundaries(features: readonly Feature[], period: number): GemeenteBoundary[] {
  return features.flatMap((f) => {
    const code = gemeenteCodeOf(f);
    return code && f.geometry ? [{ code, period, geometry: f.geometry as Geometry }] : [];
  });
}

/**
 * The gemeenten of `year` (from `earlier`, the gemeenten around the ones asked for in that year) that merged into
 * one of `targets` by `latestYear`. `around` is the gemeenten around the targets in the latest year, the targets
 * among them; a gemeente of `year` must lie inside a target's box and be taken for a merger into it by the crosswalk.
 */
export function predecessorsIn(
  targets: readonly string[],
  latestYear: number,
  around: readonly Feature[],
  year: number,
  earlier: readonly Feature[],
): Predecessor[] {
  const crosswalk = gemeenteCrosswalk([...boundaries(around, latestYear), ...boundaries(earlier, year)]);
  if (!crosswalk) return [];
  const found: Predecessor[] = [];
  for (const merger of crosswalk.mergers) {
    if (!targets.includes(merger.to) || merger.lastPeriod !== year) continue;
    const feature = earlier.find((f) => gemeenteCodeOf(f) === merger.from)!;
    const box = boxOf([feature]);
    const targetBox = boxOf(around.filter((f) => gemeenteCodeOf(f) === merger.to));
    if (box && targetBox && within(box, targetBox))
      found.push({ code: merger.from, name: gemeenteNameOf(feature), into: merger.to });
  }
  return found;
}
