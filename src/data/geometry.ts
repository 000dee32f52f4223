/**
 * Checks one feature's geometry in `areas.geojson`: a Polygon or MultiPolygon in WGS84 (lon/lat degrees) with
 * closed rings of at least 4 positions. Each kind of issue is reported at most once per feature.
 */
import { isObject, jsonValue } from './issues.ts';
import type { Level, PackageIssue } from './package.ts';

export type GeometryIssue = Omit<PackageIssue, 'file' | 'row' | 'column'>;

/** RD New (EPSG:28992) coordinates of the Netherlands, in metres: x 0–300 km, y 300–625 km. */
function looksLikeRdNew(x: number, y: number): boolean {
  return x >= 0 && x <= 300_000 && y >= 300_000 && y <= 625_000;
}

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
export function checkGeometry(geometry: unknown, level: Level | null): GeometryIssue[] {
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
  for (const ring of rings) {
    for (const position of ring) {
      if (!isPosition(position)) {
        issues.push({ code: 'invalidCoordinates', params: { value: jsonValue(position) } });
        return issues;
      }
      const [x, y] = position as [number, number];
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
    }
  }
  return issues;
}
