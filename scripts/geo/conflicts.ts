/**
 * Checks of a tiling: segments that cross, touch or overlap (a gap, an overlap or a self-intersection), in integer
 * coordinates on a grid of 1/scale degrees (the national generator writes 1e-4°, the CBS importer 1e-6°), so the
 * test is exact. Simplification itself is simplify.ts (mapshaper).
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

type Geom = Polygon | MultiPolygon;

export function ringsOf(geometry: Geom): Position[][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

/** Segments as integer coordinates (degrees × scale): [ax, ay, bx, by] per segment. */
export interface Segments {
  coords: number[];
}

const sign = (v: number) => (v > 0 ? 1 : v < 0 ? -1 : 0);
function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
}
function within(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): boolean {
  return Math.min(ax, bx) <= cx && cx <= Math.max(ax, bx) && Math.min(ay, by) <= cy && cy <= Math.max(ay, by);
}

/** Whether two segments meet anywhere but at one shared endpoint (a crossing, a touch, an overlap, a duplicate). */
export function segmentsConflict(s: readonly number[], t: readonly number[]): boolean {
  const [ax, ay, bx, by] = s as [number, number, number, number];
  const [cx, cy, dx, dy] = t as [number, number, number, number];
  const ac = ax === cx && ay === cy;
  const ad = ax === dx && ay === dy;
  const bc = bx === cx && by === cy;
  const bd = bx === dx && by === dy;
  if ((ac && bd) || (ad && bc)) return true;
  if (ac || ad || bc || bd) {
    const [sx, sy] = ac || ad ? [ax, ay] : [bx, by];
    const [ux, uy] = ac || ad ? [bx, by] : [ax, ay];
    const [vx, vy] = ac || bc ? [dx, dy] : [cx, cy];
    return orient(sx, sy, ux, uy, vx, vy) === 0 && (ux - sx) * (vx - sx) + (uy - sy) * (vy - sy) > 0;
  }
  const o1 = orient(ax, ay, bx, by, cx, cy);
  const o2 = orient(ax, ay, bx, by, dx, dy);
  const o3 = orient(cx, cy, dx, dy, ax, ay);
  const o4 = orient(cx, cy, dx, dy, bx, by);
  if (o1 * o2 < 0 && o3 * o4 < 0) return true;
  return (
    (o1 === 0 && within(ax, ay, bx, by, cx, cy)) ||
    (o2 === 0 && within(ax, ay, bx, by, dx, dy)) ||
    (o3 === 0 && within(cx, cy, dx, dy, ax, ay)) ||
    (o4 === 0 && within(cx, cy, dx, dy, bx, by))
  );
}

/** Pairs of conflicting segments (indices), found with a uniform grid of `cell` integer units. */
export function findConflicts(segments: Segments, cell = 100): [number, number][] {
  const grid = new Map<number, number[]>();
  const { coords } = segments;
  const count = coords.length / 4;
  for (let i = 0; i < count; i++) {
    const [ax, ay, bx, by] = coords.slice(4 * i, 4 * i + 4) as [number, number, number, number];
    for (let x = Math.floor(Math.min(ax, bx) / cell); x <= Math.floor(Math.max(ax, bx) / cell); x++)
      for (let y = Math.floor(Math.min(ay, by) / cell); y <= Math.floor(Math.max(ay, by) / cell); y++) {
        const k = x * 100_000 + y;
        const list = grid.get(k);
        if (list) list.push(i);
        else grid.set(k, [i]);
      }
  }
  const found = new Map<string, [number, number]>();
  for (const list of grid.values())
    for (let p = 0; p < list.length; p++)
      for (let q = p + 1; q < list.length; q++) {
        const [i, j] = [list[p]!, list[q]!];
        if (segmentsConflict(coords.slice(4 * i, 4 * i + 4), coords.slice(4 * j, 4 * j + 4)))
          found.set(`${Math.min(i, j)},${Math.max(i, j)}`, [Math.min(i, j), Math.max(i, j)]);
      }
  return [...found.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/** Every edge of the rings once (an edge shared by two rings counts once), on a grid of 1/scale degrees. */
export function ringSegments(rings: readonly Position[][], scale = 1e4): Segments {
  const ix = (v: number) => Math.round(v * scale);
  const keyOf = (p: Position) => ix(p[0]!) * 1e8 + ix(p[1]!);
  const seen = new Set<string>();
  const out: Segments = { coords: [] };
  for (const ring of rings)
    for (let i = 0; i + 1 < ring.length; i++) {
      const [a, b] = [keyOf(ring[i]!), keyOf(ring[i + 1]!)];
      const k = a < b ? `${a}|${b}` : `${b}|${a}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.coords.push(ix(ring[i]![0]!), ix(ring[i]![1]!), ix(ring[i + 1]![0]!), ix(ring[i + 1]![1]!));
    }
  return out;
}
