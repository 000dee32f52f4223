/**
 * Geometry of the demo: a Voronoi tessellation of seed points (d3-delaunay), converted from km to WGS84 lon/lat, and
 * the union of cells (wijk, gebied, gemeente) by cancelling shared edges.
 */
import { Delaunay } from 'd3';
import type { MultiPolygon, Polygon, Position } from 'geojson';

export type Point = [number, number];
/** A closed ring: first point = last point. */
export type Ring = Point[];

/** The centre of the fictional municipality. */
export const CENTER_LON = 5.9;
export const CENTER_LAT = 52.55;
export const KM_PER_DEG_LAT = 110.574;
export const KM_PER_DEG_LON = 111.32 * Math.cos((CENTER_LAT * Math.PI) / 180);
const COORD_DECIMALS = 6;

function roundCoord(value: number): number {
  const f = 10 ** COORD_DECIMALS;
  return Math.round(value * f) / f;
}

/** km east/north of the centre → [lon, lat], rounded to 6 decimals (≈ 0.1 m). */
export function kmToLonLat([x, y]: Point): Point {
  return [roundCoord(CENTER_LON + x / KM_PER_DEG_LON), roundCoord(CENTER_LAT + y / KM_PER_DEG_LAT)];
}

/** Twice the signed area (shoelace); positive for a counter-clockwise ring. */
export function signedArea2(ring: readonly Point[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    sum += a[0] * b[1] - b[0] * a[1];
  }
  return sum;
}

/** Drops consecutive duplicates, closes the ring and makes it counter-clockwise (or clockwise with `ccw` false). */
export function normalizeRing(points: readonly Point[], ccw = true): Ring {
  const ring: Ring = [];
  for (const p of points) {
    const last = ring[ring.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) ring.push([p[0], p[1]]);
  }
  const first = ring[0]!;
  const last = ring[ring.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) ring.push([first[0], first[1]]);
  if (ring.length < 4) throw new Error('degenerate ring');
  if (signedArea2(ring) > 0 !== ccw) ring.reverse();
  return ring;
}

/**
 * The Voronoi cells of the first `inner` seeds (km), as lon/lat rings. The other seeds only shape the outline:
 * their cells are discarded, so the union of the inner cells has no gaps and needs no clipping.
 */
export function voronoiCells(seeds: readonly Point[], inner: number, boundsKm: number): Ring[] {
  const voronoi = Delaunay.from(seeds).voronoi([-boundsKm, -boundsKm, boundsKm, boundsKm]);
  const cells: Ring[] = [];
  for (let i = 0; i < inner; i++) {
    const polygon = voronoi.cellPolygon(i);
    if (!polygon) throw new Error(`seed ${i} has no Voronoi cell`);
    cells.push(normalizeRing(polygon.map((p) => kmToLonLat([p[0], p[1]]))));
  }
  return cells;
}

const key = (p: Point) => `${p[0]},${p[1]}`;

/** Angle of the turn from direction `a` to direction `b`, in (-π, π]; positive is a left turn. */
function turn(a: Point, b: Point): number {
  return Math.atan2(a[0] * b[1] - a[1] * b[0], a[0] * b[0] + a[1] * b[1]);
}

/** Chains the boundary edges (interior on the left) into closed rings; at a pinch point it turns left most. */
function chainRings(edges: [Point, Point][]): Ring[] {
  const outgoing = new Map<string, [Point, Point][]>();
  for (const edge of edges) {
    const k = key(edge[0]);
    const list = outgoing.get(k);
    if (list) list.push(edge);
    else outgoing.set(k, [edge]);
  }
  const rings: Ring[] = [];
  for (const start of edges) {
    const list = outgoing.get(key(start[0]));
    if (!list?.includes(start)) continue;
    list.splice(list.indexOf(start), 1);
    const ring: Ring = [start[0], start[1]];
    let current = start;
    while (key(current[1]) !== key(start[0])) {
      const options = outgoing.get(key(current[1]));
      if (!options || options.length === 0) throw new Error('open boundary while chaining rings');
      const dir: Point = [current[1][0] - current[0][0], current[1][1] - current[0][1]];
      let best = options[0]!;
      let bestTurn = -Infinity;
      for (const option of options) {
        const t = turn(dir, [option[1][0] - option[0][0], option[1][1] - option[0][1]]);
        if (t > bestTurn) [best, bestTurn] = [option, t];
      }
      options.splice(options.indexOf(best), 1);
      ring.push(best[1]);
      current = best;
    }
    rings.push(ring);
  }
  return rings;
}

/** Even-odd point-in-ring test (ray casting). */
export function pointInRing([x, y]: Point, ring: readonly Point[] | readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Point;
    const [xj, yj] = ring[j] as Point;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether a point lies in a Polygon or MultiPolygon (holes excluded). */
export function pointInGeometry(point: Point, geometry: Polygon | MultiPolygon): boolean {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.some(
    ([outer, ...holes]) =>
      outer !== undefined && pointInRing(point, outer) && !holes.some((h) => pointInRing(point, h)),
  );
}

/** A point just left of (inside the polygon of) the first edge of a hole, to find the outer ring it belongs to. */
function probe(hole: Ring): Point {
  const [a, b] = [hole[0]!, hole[1]!];
  const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
  return [(a[0] + b[0]) / 2 - ((b[1] - a[1]) / len) * 1e-8, (a[1] + b[1]) / 2 + ((b[0] - a[0]) / len) * 1e-8];
}

/**
 * The union of cells that tile without overlap and share vertices exactly: every edge that occurs in both
 * directions is interior and cancels; the rest chains into rings (outer counter-clockwise, holes clockwise,
 * RFC 7946). A Polygon if there is one outer ring, else a MultiPolygon.
 */
export function unionCells(cells: readonly Ring[]): Polygon | MultiPolygon {
  const edges = new Map<string, [Point, Point]>();
  for (const cell of cells) {
    for (let i = 0; i + 1 < cell.length; i++) {
      const a = cell[i]!;
      const b = cell[i + 1]!;
      const reverse = `${key(b)}>${key(a)}`;
      if (edges.has(reverse)) edges.delete(reverse);
      else edges.set(`${key(a)}>${key(b)}`, [a, b]);
    }
  }
  const rings = chainRings([...edges.values()]);
  const outers = rings.filter((r) => signedArea2(r) > 0).sort((a, b) => signedArea2(b) - signedArea2(a));
  const holes = rings.filter((r) => signedArea2(r) < 0);
  const polygons: Ring[][] = outers.map((outer) => [outer]);
  for (const hole of holes) {
    const p = probe(hole);
    // The smallest outer ring that contains the hole.
    let index = -1;
    for (let i = 0; i < outers.length; i++) if (pointInRing(p, outers[i]!)) index = i;
    if (index < 0) throw new Error('hole outside every outer ring');
    polygons[index]!.push(hole);
  }
  if (polygons.length === 1) return { type: 'Polygon', coordinates: polygons[0]! };
  return { type: 'MultiPolygon', coordinates: polygons };
}
