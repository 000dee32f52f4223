/**
 * Buurt seeds (dart throwing with a radius that follows the density, so cities get small buurten and the countryside
 * large ones), the outside seeds that shape the coast, and the Voronoi cells of the inner seeds (reusing the demo's
 * tessellation), rounded to 4 decimals. Rounding is per vertex, so neighbouring cells still share their edges exactly.
 */
import { normalizeRing, type Point, type Ring, voronoiCells } from '../demo/geometry.ts';
import type { Rng } from '../demo/rng.ts';
import { bbox, type Density, inLand, type Land, nearestCoast, ringArea } from './land.ts';

/** How far apart seeds are at least, as a fraction of the local mean spacing 1/√density. */
const SPACING = 0.7;
export const DECIMALS = 4;
const F = 10 ** DECIMALS;
export const roundCoord = (v: number) => Math.round(v * F) / F;

export interface Tessellation {
  /** Inner seeds (km), one per buurt. */
  seeds: Point[];
  /** Local mean spacing 1/√density at every seed (km). */
  spacing: number[];
  /** Cells in lon/lat (4 decimals), closed, counter-clockwise. */
  cells: Ring[];
  /** Neighbours (sharing an edge) of every cell, ascending. */
  neighbours: number[][];
}

/** A point drawn from the density: a bump (Gaussian) or the countryside (uniform over the land). */
function candidate(land: Land, density: Density, cumulative: number[], rng: Rng, box: number[]): Point | null {
  const u = rng.next() * cumulative[cumulative.length - 1]!;
  let k = 0;
  while (cumulative[k]! < u) k++;
  const p: Point =
    k === 0
      ? [rng.uniform(box[0]!, box[2]!), rng.uniform(box[1]!, box[3]!)]
      : [
          density.bumps[k - 1]!.center[0] + rng.normal(0, density.bumps[k - 1]!.sigma),
          density.bumps[k - 1]!.center[1] + rng.normal(0, density.bumps[k - 1]!.sigma),
        ];
  return inLand(land, p) ? p : null;
}

/** `target` seeds; every island gets one first. Deterministic for a given stream. */
export function placeSeeds(
  land: Land,
  density: Density,
  target: number,
  rng: Rng,
): { seeds: Point[]; spacing: number[] } {
  const box = bbox(land);
  const area = land.rings.reduce((s, r) => s + ringArea(r), 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const w of [density.rural * area, ...density.bumps.map((b) => b.n)]) {
    acc += w;
    cumulative.push(acc);
  }
  const rMax = 1 / Math.sqrt(density.rural);
  const rMin = Math.min(rMax, ...density.bumps.map((b) => 1 / Math.sqrt(density.at(b.center))));
  const cell = SPACING * rMin;
  const grid = new Map<number, number[]>();
  const cellKey = (cx: number, cy: number) => cx * 100_000 + cy;
  const seeds: Point[] = [];
  const spacing: number[] = [];
  const add = (p: Point, r: number) => {
    const k = cellKey(Math.floor(p[0] / cell), Math.floor(p[1] / cell));
    const list = grid.get(k);
    if (list) list.push(seeds.length);
    else grid.set(k, [seeds.length]);
    seeds.push(p);
    spacing.push(r);
  };
  const free = (p: Point, r: number) => {
    const reach = Math.ceil((SPACING * (r + rMax)) / 2 / cell);
    const cx = Math.floor(p[0] / cell);
    const cy = Math.floor(p[1] / cell);
    for (let x = cx - reach; x <= cx + reach; x++)
      for (let y = cy - reach; y <= cy + reach; y++)
        for (const i of grid.get(cellKey(x, y)) ?? []) {
          const q = seeds[i]!;
          if (Math.hypot(p[0] - q[0], p[1] - q[1]) < (SPACING * (r + spacing[i]!)) / 2) return false;
        }
    return true;
  };
  for (const i of land.islands) {
    const ring = land.rings[i]!;
    const c: Point = [
      ring.reduce((s, p) => s + p[0], 0) / ring.length,
      ring.reduce((s, p) => s + p[1], 0) / ring.length,
    ];
    add(c, 1 / Math.sqrt(density.at(c)));
  }
  for (let tries = 0; seeds.length < target; tries++) {
    if (tries > 60 * target) throw new Error(`placed only ${seeds.length} of ${target} seeds`);
    const p = candidate(land, density, cumulative, rng, box);
    if (!p) continue;
    const r = 1 / Math.sqrt(density.at(p));
    if (free(p, r)) add(p, r);
  }
  return { seeds, spacing };
}

/** Mirror images of the seeds near the coast (so that the cell edge between them follows the coast) and a coarse grid
 * of sea and abroad further out. */
function outsideSeeds(land: Land, seeds: readonly Point[], spacing: readonly number[], rRural: number): Point[] {
  const out: Point[] = [];
  seeds.forEach((p, i) => {
    const { d, q } = nearestCoast(land, p);
    const m: Point = [2 * q[0] - p[0], 2 * q[1] - p[1]];
    if (d < 1.2 * spacing[i]! && d > 1e-6 && !inLand(land, m)) out.push(m);
  });
  const step = Math.min(8, Math.max(3, 1.5 * rRural));
  const [minX, minY, maxX, maxY] = bbox(land);
  const rowHeight = (step * Math.sqrt(3)) / 2;
  for (let r = 0, y = minY - 40; y <= maxY + 40; r++, y += rowHeight)
    for (let x = minX - 40 + (r % 2) * (step / 2); x <= maxX + 40; x += step) {
      const p: Point = [x, y];
      if (!inLand(land, p) && nearestCoast(land, p).d > 0.6 * step) out.push(p);
    }
  return out;
}

function roundRing(ring: Ring): Ring {
  return normalizeRing(ring.map(([x, y]): Point => [roundCoord(x), roundCoord(y)]));
}

export function tessellate(land: Land, density: Density, target: number, rng: Rng): Tessellation {
  const { seeds, spacing } = placeSeeds(land, density, target, rng);
  const outside = outsideSeeds(land, seeds, spacing, 1 / Math.sqrt(density.rural));
  const cells = voronoiCells([...seeds, ...outside], seeds.length, 500).map(roundRing);
  const owner = new Map<string, number>();
  const neighbours: Set<number>[] = cells.map(() => new Set());
  cells.forEach((ring, i) => {
    for (let k = 0; k + 1 < ring.length; k++) {
      const [a, b] = [ring[k]!, ring[k + 1]!];
      const key = a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]) ? `${a}|${b}` : `${b}|${a}`;
      const j = owner.get(key);
      if (j === undefined) owner.set(key, i);
      else {
        neighbours[i]!.add(j);
        neighbours[j]!.add(i);
      }
    }
  });
  return { seeds, spacing, cells, neighbours: neighbours.map((s) => [...s].sort((a, b) => a - b)) };
}
