/**
 * Checks one feature's geometry in `areas.geojson`: a Polygon or MultiPolygon in WGS84 (lon/lat degrees) with
 * closed rings of at least 4 positions that do not cross themselves, lying in and about the size of the Netherlands
 * (a polygon covering the world, or one off the coast of Africa, is a broken export, not an area). Each kind of
 * issue is reported at most once per feature.
 */
import { isObject, jsonValue } from './issues.ts';
import type { Level, PackageIssue } from './package.ts';

export type GeometryIssue = Omit<PackageIssue, 'file' | 'row' | 'column'>;

/** RD New (EPSG:28992) coordinates of the Netherlands, in metres: x 0–300 km, y 300–625 km. */
function looksLikeRdNew(x: number, y: number): boolean {
  return x >= 0 && x <= 300_000 && y >= 300_000 && y <= 625_000;
}

/**
 * Where a Dutch area can lie, generously (lon/lat degrees): the Netherlands spans about 3,3–7,3 °E and 50,7–53,6 °N;
 * a shape that does not reach into this box is somewhere else.
 */
const NETHERLANDS = { west: 2, south: 50, east: 8.5, north: 54.5 } as const;

/**
 * The largest extent (degrees of longitude or latitude) a shape of each level can have. The country spans about 4°;
 * the largest gemeente with its water (Het Hogeland, Súdwest-Fryslân) well under 1°.
 */
const MAX_SPAN: Record<Level, number> = { land: 8, gemeente: 3, wijk: 3, buurt: 3, gebied: 3 };

/** Degrees as the messages show them: six decimals (about 10 cm) at most. */
const degrees = (n: number) => String(Math.round(n * 1e6) / 1e6);

/** The sign of the turn a→b→c, 0 within rounding (so touching and collinear segments are not "crossing"). */
function orientation(a: number[], b: number[], c: number[]): number {
  const cross = (b[0]! - a[0]!) * (c[1]! - a[1]!) - (b[1]! - a[1]!) * (c[0]! - a[0]!);
  const scale = Math.abs(b[0]! - a[0]!) + Math.abs(b[1]! - a[1]!) + Math.abs(c[0]! - a[0]!) + Math.abs(c[1]! - a[1]!);
  return Math.abs(cross) <= 1e-12 * scale * scale ? 0 : Math.sign(cross);
}

/** Where a ring crosses itself: segments `i` and `j` (i < j; segment k runs from position k to k + 1) meet at `at`. */
export interface Crossing {
  i: number;
  j: number;
  at: [number, number];
}

/**
 * Where a closed ring crosses itself, up to `limit` crossings. Only proper crossings count (a ring that touches
 * itself at a vertex is drawn fine). A sweep over the segments sorted by their west end compares each with the
 * segments still overlapping it in x (and then in y): about n log n for real boundaries, where a vertical line meets
 * few segments.
 */
export function selfCrossings(ring: readonly number[][], limit = 50): Crossing[] {
  const n = ring.length - 1;
  const found: Crossing[] = [];
  if (n < 4) return found;
  // Typed arrays and an in-place active list: national boundaries have millions of positions.
  const west = new Float64Array(n);
  const east = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    west[k] = Math.min(ring[k]![0]!, ring[k + 1]![0]!);
    east[k] = Math.max(ring[k]![0]!, ring[k + 1]![0]!);
  }
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) order[k] = k;
  order.sort((a, b) => west[a]! - west[b]!);
  const active: number[] = [];
  for (const i of order) {
    const x = west[i]!;
    let kept = 0;
    for (const j of active) if (east[j]! >= x) active[kept++] = j;
    active.length = kept;
    const a = ring[i]!;
    const b = ring[i + 1]!;
    const south = Math.min(a[1]!, b[1]!);
    const north = Math.max(a[1]!, b[1]!);
    for (const j of active) {
      // Neighbours share a vertex (the first and last segment too: the ring is closed).
      const gap = Math.abs(i - j);
      if (gap === 1 || gap === n - 1) continue;
      const c = ring[j]!;
      const d = ring[j + 1]!;
      if (Math.max(c[1]!, d[1]!) < south || Math.min(c[1]!, d[1]!) > north) continue;
      if (orientation(a, b, c) * orientation(a, b, d) < 0 && orientation(c, d, a) * orientation(c, d, b) < 0) {
        const t =
          ((c[0]! - a[0]!) * (d[1]! - c[1]!) - (c[1]! - a[1]!) * (d[0]! - c[0]!)) /
          ((b[0]! - a[0]!) * (d[1]! - c[1]!) - (b[1]! - a[1]!) * (d[0]! - c[0]!));
        found.push({
          i: Math.min(i, j),
          j: Math.max(i, j),
          at: [a[0]! + t * (b[0]! - a[0]!), a[1]! + t * (b[1]! - a[1]!)],
        });
        if (found.length >= limit) return found;
      }
    }
    active.push(i);
  }
  return found;
}

/** The area of a ring in square degrees (shoelace; only compared with other areas, so degrees do). */
function ringArea(ring: readonly number[][]): number {
  let sum = 0;
  for (let k = 0; k + 1 < ring.length; k++) sum += ring[k]![0]! * ring[k + 1]![1]! - ring[k + 1]![0]! * ring[k]![1]!;
  return Math.abs(sum) / 2;
}

/**
 * The smaller of the two loops a crossing cuts a ring into, in square degrees. Published boundaries that were
 * simplified (PDOK's, CBS's own) carry a few crossings with slivers of a millionth of their area; a bow tie cuts a
 * ring into halves.
 */
function loopArea(ring: readonly number[][], { i, j, at }: Crossing): number {
  const inner = [at, ...ring.slice(i + 1, j + 1), at];
  const outer = [at, ...ring.slice(j + 1, ring.length - 1), ...ring.slice(0, i + 1), at];
  return Math.min(ringArea(inner), ringArea(outer));
}

/** A crossing is an impossible shape when its smaller loop holds at least this share of the feature's area. */
const CROSSING_SHARE = 0.01;

function isPosition(value: unknown): value is number[] {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    value.length <= 4 &&
    value.every((v) => typeof v === 'number' && Number.isFinite(v))
  );
}

/** The rings of a Polygon or MultiPolygon's coordinates, or null when they are not nested arrays as they must be. */
function ringsOf(type: 'Polygon' | 'MultiPolygon', coordinates: unknown): unknown[][] | null {
  if (!Array.isArray(coordinates) || coordinates.length === 0) return null;
  const polygons: unknown[] = type === 'Polygon' ? [coordinates] : coordinates;
  const rings: unknown[][] = [];
  for (const polygon of polygons) {
    if (!Array.isArray(polygon) || polygon.length === 0) return null;
    for (const ring of polygon) {
      if (!Array.isArray(ring)) return null;
      rings.push(ring);
    }
  }
  return rings;
}

/**
 * The issues of one geometry. `null` is GeoJSON's "unlocated feature": an area whose boundary is not known (CBS
 * values of a year without its boundary file) is listed and has a Kompas, but is not drawn. A feature without a
 * geometry member at all is malformed, except for `land` (and not reported when the level itself is unknown,
 * which is an issue of its own).
 */
export function checkGeometry(geometry: unknown, level: Level | null, code?: string | null): GeometryIssue[] {
  if (geometry === null) return [];
  if (geometry === undefined) {
    return level === 'land' || level === null ? [] : [{ code: 'geometryMissing', params: { value: level } }];
  }
  const type = isObject(geometry) ? geometry.type : geometry;
  if (!isObject(geometry) || (type !== 'Polygon' && type !== 'MultiPolygon')) {
    return [{ code: 'geometryNotPolygon', params: { value: jsonValue(type), found: jsonValue(type) } }];
  }
  const rings = ringsOf(type, geometry.coordinates);
  if (!rings) return [{ code: 'invalidCoordinates', params: { value: jsonValue(geometry.coordinates) } }];

  const issues: GeometryIssue[] = [];
  let tooShort = false;
  let notClosed = false;
  let outOfRange = false;
  const closedRings: number[][][] = [];
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings) {
    for (const position of ring) {
      if (!isPosition(position)) {
        issues.push({ code: 'invalidCoordinates', params: { value: jsonValue(position) } });
        return issues;
      }
      const [x, y] = position as [number, number];
      box[0] = Math.min(box[0]!, x);
      box[1] = Math.min(box[1]!, y);
      box[2] = Math.max(box[2]!, x);
      box[3] = Math.max(box[3]!, y);
      if (!outOfRange && (x < -180 || x > 180 || y < -90 || y > 90)) {
        outOfRange = true;
        const params: Record<string, string | number> = { value: `${x}, ${y}` };
        if (looksLikeRdNew(x, y)) params.crs = 'EPSG:28992';
        issues.push({ code: 'coordinatesOutOfRange', params });
      }
    }
    if (!tooShort && ring.length < 4) {
      tooShort = true;
      issues.push({ code: 'ringTooShort', params: { value: ring.length, found: ring.length } });
      continue;
    }
    const first = ring[0] as number[] | undefined;
    const last = ring[ring.length - 1] as number[] | undefined;
    if (!notClosed && first && last && (first[0] !== last[0] || first[1] !== last[1])) {
      notClosed = true;
      issues.push({ code: 'ringNotClosed', params: { value: `${first[0]}, ${first[1]} ≠ ${last[0]}, ${last[1]}` } });
      continue;
    }
    closedRings.push(ring as number[][]);
  }
  if (outOfRange) return issues;
  // The shape checks name the area: a row number alone is hard to find in a one-line GeoJSON file.
  const area: Record<string, string> = code ? { area: code } : {};
  // Crossings are looked for once every ring is well-formed; a loop is weighed against the whole feature.
  const total = closedRings.reduce((sum, ring) => sum + ringArea(ring), 0);
  for (const ring of tooShort || notClosed ? [] : closedRings) {
    const bad = selfCrossings(ring).find((c) => loopArea(ring, c) >= CROSSING_SHARE * total);
    if (bad) {
      issues.push({
        code: 'selfIntersection',
        params: { value: `${degrees(bad.at[0])}, ${degrees(bad.at[1])}`, ...area },
      });
      break;
    }
  }
  const [w, s, e, n] = box as [number, number, number, number];
  const extent = `${degrees(w)}, ${degrees(s)} – ${degrees(e)}, ${degrees(n)}`;
  if (level && Math.max(e - w, n - s) > MAX_SPAN[level]) {
    issues.push({ code: 'geometryTooLarge', params: { value: extent, level, max: MAX_SPAN[level], ...area } });
  } else if (e < NETHERLANDS.west || w > NETHERLANDS.east || n < NETHERLANDS.south || s > NETHERLANDS.north) {
    issues.push({ code: 'outsideNetherlands', params: { value: extent, ...area } });
  }
  return issues;
}
