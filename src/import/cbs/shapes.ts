/**
 * The little plane geometry the importer needs to compare boundaries of different years: area, interior points
 * and point-in-polygon on WGS84 polygons. Longitudes are scaled by cos(latitude) so areas compare fairly; at the
 * scale of a gemeente that is accurate to well under a percent, which is all a comparison needs.
 */
import type { Geometry, Position } from 'geojson';

type Ring = Position[];
type Polygon = Ring[];

/** The polygons of a Polygon or MultiPolygon (other geometries have none). */
export function polygonsOf(geometry: Geometry | null | undefined): Polygon[] {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

const KX = Math.cos((52.2 * Math.PI) / 180);

function ringArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x1, y1] = ring[j]!;
    const [x2, y2] = ring[i]!;
    sum += x1! * KX * y2! - x2! * KX * y1!;
  }
  return Math.abs(sum) / 2;
}

/** Area in square degrees of latitude (outer rings minus holes). */
export function areaOf(geometry: Geometry | null | undefined): number {
  let total = 0;
  for (const [outer, ...holes] of polygonsOf(geometry)) {
    if (!outer) continue;
    total += ringArea(outer) - holes.reduce((s, h) => s + ringArea(h), 0);
  }
  return total;
}

function insideRing([x, y]: readonly [number, number], ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi! > y !== yj! > y && x < ((xj! - xi!) * (y - yi!)) / (yj! - yi!) + xi!) inside = !inside;
  }
  return inside;
}

/** Whether a point lies inside the geometry (inside an outer ring, outside its holes). */
export function contains(geometry: Geometry | null | undefined, point: readonly [number, number]): boolean {
  return polygonsOf(geometry).some(
    ([outer, ...holes]) => outer !== undefined && insideRing(point, outer) && !holes.some((h) => insideRing(point, h)),
  );
}

/**
 * Points that lie inside the geometry, spread over it: on horizontal lines through its largest polygon, the
 * midpoint of each stretch inside that is at least a quarter as wide as the line's widest. A centroid can fall
 * outside a bent gemeente; these cannot. Slivers (between two holes, along a narrow inlet) are left out: their
 * midpoints lie so close to the boundary that a differently simplified map of the same gemeente leaves them outside
 * (Delfzijl, PDOK 2012 vs. Wijk- en buurtkaart 2015: 3 of 14 points, and the same boundary counted as a change).
 */
export function interiorPoints(geometry: Geometry | null | undefined, lines = 7): [number, number][] {
  const polygons = polygonsOf(geometry).filter((p) => p[0] !== undefined);
  if (polygons.length === 0) return [];
  const largest = polygons.reduce((a, b) => (ringArea(b[0]!) > ringArea(a[0]!) ? b : a));
  const ys = largest[0]!.map((p) => p[1]!);
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  const points: [number, number][] = [];
  for (let k = 1; k <= lines; k++) {
    const y = y0 + ((y1 - y0) * k) / (lines + 1);
    const xs: number[] = [];
    for (const ring of largest)
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i]!;
        const [xj, yj] = ring[j]!;
        if (yi! > y !== yj! > y) xs.push(((xj! - xi!) * (y - yi!)) / (yj! - yi!) + xi!);
      }
    xs.sort((a, b) => a - b);
    let widest = 0;
    for (let i = 0; i + 1 < xs.length; i += 2) widest = Math.max(widest, xs[i + 1]! - xs[i]!);
    for (let i = 0; i + 1 < xs.length; i += 2)
      if (xs[i + 1]! - xs[i]! >= widest / 4) points.push([(xs[i]! + xs[i + 1]!) / 2, y]);
  }
  return points;
}

/**
 * Whether two boundaries of one code (from different years or sources) are the same area: nearly the same size
 * and each lies inside the other. Sources simplify differently (the 2015 map to 5 %, PDOK to 0.0005°), so exact
 * equality would call every year a new boundary.
 */
export function sameArea(a: Geometry | null | undefined, b: Geometry | null | undefined, tolerance = 0.1): boolean {
  const areaA = areaOf(a);
  const areaB = areaOf(b);
  if (areaA === 0 || areaB === 0) return false;
  if (Math.abs(areaA - areaB) / Math.max(areaA, areaB) > tolerance) return false;
  const inside = (from: Geometry | null | undefined, to: Geometry | null | undefined) => {
    const points = interiorPoints(from);
    return points.length > 0 && points.filter((p) => contains(to, p)).length >= points.length * 0.8;
  };
  return inside(a, b) && inside(b, a);
}
