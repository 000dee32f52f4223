import type { FeatureCollection } from 'geojson';
import { existsIn } from './areaPeriods.ts';
import type { Area, Level } from './package.ts';

/** One GeoJSON source of the map: the collection itself, or a URL maplibre fetches and parses in its worker. */
export interface GeometrySource {
  id: string;
  data: FeatureCollection | string;
  levels: Level[];
}

export interface MapGeometry {
  sources: GeometrySource[];
  /** [west, south, east, north] of everything drawn. */
  bounds: [number, number, number, number];
  /** How many gemeenten the package covers: with more than one the map also shows the gemeente level. */
  gemeenten: number;
  /** Features carry `first_period`/`last_period` (each year's indeling): the map draws only the chosen year's. */
  periodic?: boolean;
}

/** Whether the map has anything to draw: a package whose areas all lack a boundary (geometry null) has no extent. */
export function hasShapes(geometry: MapGeometry): boolean {
  return geometry.bounds.every(Number.isFinite);
}

/** [west, south, east, north] over every coordinate of a collection. */
export function boundsOf(collection: FeatureCollection): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number') {
      b[0] = Math.min(b[0], c[0]);
      b[1] = Math.min(b[1], c[1]);
      b[2] = Math.max(b[2], c[0]);
      b[3] = Math.max(b[3], c[1]);
    } else if (Array.isArray(c)) for (const x of c) visit(x);
  };
  for (const f of collection.features) if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  return b;
}

/**
 * [west, south, east, north] of one gemeente: its own feature, or else the features of `codes` (its wijken and
 * buurten), from the collections held in JS (URL sources are not read). Null when none of them is there.
 */
export function scopeBounds(
  geometry: MapGeometry,
  gemeente: string,
  codes: ReadonlySet<string>,
): [number, number, number, number] | null {
  const held = geometry.sources.flatMap((s) => (typeof s.data === 'string' ? [] : s.data.features));
  const own = held.filter((f) => f.properties?.code === gemeente);
  const features = own.length > 0 ? own : held.filter((f) => codes.has(String(f.properties?.code)));
  if (features.length === 0) return null;
  const b = boundsOf({ type: 'FeatureCollection', features });
  return Number.isFinite(b[0]) ? b : null;
}

/** A package with one areas.geojson: one source for every level. */
export function singleSourceGeometry(collection: FeatureCollection, gemeenten: number): MapGeometry {
  const periodic = collection.features.some(
    (f) => f.properties?.first_period != null || f.properties?.last_period != null,
  );
  return {
    sources: [{ id: 'areas', data: collection, levels: ['gemeente', 'wijk', 'buurt', 'gebied'] }],
    bounds: boundsOf(collection),
    gemeenten,
    ...(periodic && { periodic }),
  };
}

/**
 * The geometry of a package with one areas.geojson, as the loader and the start screen draw it: with each year's
 * indeling, the gemeenten counted are those of the year the app opens on (Eemsdelta, not its three predecessors).
 */
export function packageGeometry(collection: FeatureCollection, areas: readonly Area[], period: number): MapGeometry {
  const gemeenten = areas.filter((a) => a.level === 'gemeente' && existsIn(a, period)).length;
  return singleSourceGeometry(collection, gemeenten);
}

/**
 * A partitioned package: geometry per level, pre-simplified by the script that built it. The gemeenten are read
 * here (small; they give the map its extent), wijken and buurten are fetched by maplibre when first drawn.
 */
export function perLevelGeometry(gemeenten: FeatureCollection, base: string): MapGeometry {
  return {
    sources: [
      { id: 'areas-gemeente', data: gemeenten, levels: ['gemeente'] },
      { id: 'areas-wijk', data: `${base}geo/wijk.geojson`, levels: ['wijk'] },
      { id: 'areas-buurt', data: `${base}geo/buurt.geojson`, levels: ['buurt'] },
    ],
    bounds: boundsOf(gemeenten),
    gemeenten: gemeenten.features.length,
  };
}
