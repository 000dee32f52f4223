/**
 * Topology-preserving simplification of the wijk and gemeente boundaries. The wijk boundaries are cut into arcs
 * (stretches between junctions where the neighbour changes); each arc is simplified once (Douglas–Peucker), so both
 * sides of a border get the same line. A gemeente border is made of wijk arcs, so the gemeenten reuse exactly the same
 * vertices. Arcs whose simplified lines would cross or touch another line are put back as they were. The coast (arcs
 * with no neighbour) is kept, so every level has the same outline as the buurten.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

type Geom = Polygon | MultiPolygon;
const F = 1e4;
/** Degrees of longitude are this much shorter than degrees of latitude here (cos 52.2°). */
const LON_SCALE = 0.6127;

const ix = (v: number) => Math.round(v * F);
const keyOf = (p: Position) => ix(p[0]!) * 1_000_000 + ix(p[1]!);

export function ringsOf(geometry: Geom): Position[][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

/** Segments as integer coordinates (1e-4°): [ax, ay, bx, by] per segment, plus the arc it belongs to. */
export interface Segments {
  coords: number[];
  arc: number[];
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

/** Pairs of conflicting segments (indices), found with a uniform grid. */
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

/** Every edge of the rings once (an edge shared by two rings counts once). */
export function ringSegments(rings: readonly Position[][]): Segments {
  const seen = new Set<string>();
  const out: Segments = { coords: [], arc: [] };
  for (const ring of rings)
    for (let i = 0; i + 1 < ring.length; i++) {
      const [a, b] = [keyOf(ring[i]!), keyOf(ring[i + 1]!)];
      const k = a < b ? `${a}|${b}` : `${b}|${a}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.coords.push(ix(ring[i]![0]!), ix(ring[i]![1]!), ix(ring[i + 1]![0]!), ix(ring[i + 1]![1]!));
      out.arc.push(0);
    }
  return out;
}

/** Douglas–Peucker: which points of an open polyline to keep (the ends always). */
function douglasPeucker(pts: readonly Position[], tolerance: number): boolean[] {
  const keep = pts.map((_, i) => i === 0 || i === pts.length - 1);
  const stack: [number, number][] = [[0, pts.length - 1]];
  while (stack.length > 0) {
    const [i, j] = stack.pop()!;
    const [ax, ay] = [pts[i]![0]! * LON_SCALE, pts[i]![1]!];
    const [bx, by] = [pts[j]![0]! * LON_SCALE, pts[j]![1]!];
    const len = Math.hypot(bx - ax, by - ay);
    let worst = -1;
    let worstD = tolerance;
    for (let k = i + 1; k < j; k++) {
      const [px, py] = [pts[k]![0]! * LON_SCALE, pts[k]![1]!];
      const d = Math.abs((bx - ax) * (py - ay) - (by - ay) * (px - ax)) / len;
      if (d > worstD) [worst, worstD] = [k, d];
    }
    if (worst >= 0) {
      keep[worst] = true;
      stack.push([i, worst], [worst, j]);
    }
  }
  return keep;
}

interface Arc {
  pts: Position[];
  keep: boolean[];
  simplifiable: boolean;
}

/** The arcs of a set of rings (each shared stretch once), cut at every vertex where the neighbour changes. */
function arcsOf(rings: { owner: number; pts: Position[] }[], tolerance: number): Arc[] {
  const edgeOwner = new Map<string, number>();
  for (const { owner, pts } of rings)
    for (let i = 0; i + 1 < pts.length; i++) edgeOwner.set(`${keyOf(pts[i]!)}>${keyOf(pts[i + 1]!)}`, owner);
  const degree = new Map<number, number>();
  for (const { pts } of rings)
    for (let i = 0; i + 1 < pts.length; i++) {
      const [a, b] = [keyOf(pts[i]!), keyOf(pts[i + 1]!)];
      if (a < b || !edgeOwner.has(`${b}>${a}`)) for (const k of [a, b]) degree.set(k, (degree.get(k) ?? 0) + 1);
    }
  const arcs: Arc[] = [];
  for (const { owner, pts } of rings) {
    const n = pts.length - 1;
    const nb = Array.from({ length: n }, (_, i) => edgeOwner.get(`${keyOf(pts[i + 1]!)}>${keyOf(pts[i]!)}`) ?? -1);
    const nodes = nb.flatMap((m, i) => (degree.get(keyOf(pts[i]!)) !== 2 || nb[(i + n - 1) % n] !== m ? [i] : []));
    const mine = (m: number) => m === -1 || owner < m;
    if (nodes.length === 0) {
      if (mine(nb[0]!)) arcs.push({ pts, keep: pts.map(() => true), simplifiable: false });
      continue;
    }
    nodes.forEach((start, i) => {
      const end = nodes[(i + 1) % nodes.length]!;
      if (!mine(nb[start]!)) return;
      const arc: Position[] = [];
      for (let k = start; ; k = (k + 1) % n) {
        arc.push(pts[k]!);
        if (arc.length > 1 && k === end) break;
      }
      const closed = keyOf(arc[0]!) === keyOf(arc[arc.length - 1]!);
      const simplifiable = nb[start] !== -1 && !closed;
      arcs.push({ pts: arc, keep: simplifiable ? douglasPeucker(arc, tolerance) : arc.map(() => true), simplifiable });
    });
  }
  return arcs;
}

function arcSegments(arcs: readonly Arc[]): Segments {
  const out: Segments = { coords: [], arc: [] };
  arcs.forEach((arc, a) => {
    const kept = arc.pts.filter((_, i) => arc.keep[i]);
    for (let i = 0; i + 1 < kept.length; i++) {
      out.coords.push(ix(kept[i]![0]!), ix(kept[i]![1]!), ix(kept[i + 1]![0]!), ix(kept[i + 1]![1]!));
      out.arc.push(a);
    }
  });
  return out;
}

export interface Simplified {
  fine: Geom[];
  coarse: Geom[];
  verticesBefore: number;
  verticesAfter: number;
  /** Arcs put back unsimplified because their simplified line met another line. */
  reverted: number;
  /** Conflicts left (0 unless the unsimplified rings themselves are bad). */
  conflicts: number;
}

/** Simplifies `fine` (wijken) and `coarse` (gemeenten, unions of fine areas) with one set of shared arcs. */
export function simplifyTopology(fine: readonly Geom[], coarse: readonly Geom[], toleranceDeg: number): Simplified {
  const rings = fine.flatMap((g, owner) => ringsOf(g).map((pts) => ({ owner, pts })));
  const arcs = arcsOf(rings, toleranceDeg);
  let reverted = 0;
  let conflicts: [number, number][] = [];
  for (;;) {
    const segments = arcSegments(arcs);
    conflicts = findConflicts(segments);
    const bad = new Set(conflicts.flatMap(([i, j]) => [segments.arc[i]!, segments.arc[j]!]));
    const fixable = [...bad].filter((a) => arcs[a]!.keep.some((k) => !k));
    if (fixable.length === 0) break;
    for (const a of fixable) arcs[a]!.keep = arcs[a]!.pts.map(() => true);
    reverted += fixable.length;
  }
  const removed = new Set<number>();
  for (const arc of arcs)
    arc.pts.forEach((p, i) => {
      if (!arc.keep[i]) removed.add(keyOf(p));
    });
  const filterRing = (ring: Position[]): Position[] => {
    const open = ring.slice(0, -1).filter((p) => !removed.has(keyOf(p)));
    if (open.length < 3) throw new Error('a ring collapsed while simplifying');
    return [...open, open[0]!];
  };
  const apply = (g: Geom): Geom =>
    g.type === 'Polygon'
      ? { type: 'Polygon', coordinates: g.coordinates.map(filterRing) }
      : { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map(filterRing)) };
  const count = (gs: readonly Geom[]) => gs.reduce((s, g) => s + ringsOf(g).reduce((t, r) => t + r.length, 0), 0);
  const result = { fine: fine.map(apply), coarse: coarse.map(apply) };
  return {
    ...result,
    verticesBefore: count(fine) + count(coarse),
    verticesAfter: count(result.fine) + count(result.coarse),
    reverted,
    conflicts: conflicts.length,
  };
}
