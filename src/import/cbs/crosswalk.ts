/**
 * Which gemeente of the latest year each former gemeente went into, read from the boundaries themselves: a
 * gemeente that no longer exists lies inside its successor (Delfzijl, Appingedam and Loppersum inside Eemsdelta;
 * Haren and Ten Boer inside Groningen). The boundary files of every year say this for the whole country, so no
 * hand-kept list of mergers can fall behind.
 */
import type { Geometry } from 'geojson';
import { contains, interiorPoints } from './shapes.ts';

export interface GemeenteBoundary {
  code: string;
  period: number;
  geometry: Geometry;
}

export interface Merger {
  /** The former gemeente. */
  from: string;
  /** The gemeente of the latest boundary year it lies in. */
  to: string;
  /** The last period the former gemeente has a boundary in. */
  lastPeriod: number;
}

export interface Crosswalk {
  /** The latest period with gemeente boundaries: the indeling series are continued into. */
  latest: number;
  mergers: Merger[];
  /** Former gemeenten split over several successors: their series are not added to any (listed in a warning). */
  split: { from: string; into: string[] }[];
}

/**
 * The crosswalk from every gemeente that is absent from the latest boundary year to the one it lies in. Sampled
 * at interior points; when at least 85 % of those that land in a gemeente land in one it is a merger, otherwise a split.
 */
export function gemeenteCrosswalk(boundaries: readonly GemeenteBoundary[]): Crosswalk | null {
  if (boundaries.length === 0) return null;
  const latest = Math.max(...boundaries.map((b) => b.period));
  const current = boundaries.filter((b) => b.period === latest);
  const currentCodes = new Set(current.map((b) => b.code));
  const lastOf = new Map<string, GemeenteBoundary>();
  for (const b of boundaries)
    if (!currentCodes.has(b.code) && (lastOf.get(b.code)?.period ?? -Infinity) < b.period) lastOf.set(b.code, b);

  const mergers: Merger[] = [];
  const split: Crosswalk['split'] = [];
  for (const former of [...lastOf.values()].sort((a, b) => a.code.localeCompare(b.code))) {
    const points = interiorPoints(former.geometry, 9);
    const hits = new Map<string, number>();
    for (const point of points) {
      const into = current.find((c) => contains(c.geometry, point));
      if (into) hits.set(into.code, (hits.get(into.code) ?? 0) + 1);
    }
    // Points over water (coast, lakes) may land in no gemeente of the later, differently simplified, map.
    const landed = [...hits.values()].reduce((s, n) => s + n, 0);
    const [best, count] = [...hits].sort((a, b) => b[1] - a[1])[0] ?? [null, 0];
    if (best !== null && count >= landed * 0.85 && landed >= points.length / 2)
      mergers.push({ from: former.code, to: best, lastPeriod: former.period });
    else split.push({ from: former.code, into: [...hits.keys()].sort() });
  }
  return { latest, mergers, split };
}
