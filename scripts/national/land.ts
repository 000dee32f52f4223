/**
 * The land: a rough outline of the Netherlands (mainland and, optionally, the Wadden islands) and a density of buurt
 * seeds with peaks where the big cities lie. Positions are real-ish; every name in the package is fictional.
 * Coordinates: [lon, lat] for the outline, km east/north of the demo's centre (scripts/demo/geometry.ts) for seeds.
 */
import { CENTER_LAT, CENTER_LON, KM_PER_DEG_LAT, KM_PER_DEG_LON, type Point, pointInRing } from '../demo/geometry.ts';
import type { Rng } from '../demo/rng.ts';

/** The bounding extent every polygon stays in. */
export const EXTENT = { minLon: 3.36, maxLon: 7.23, minLat: 50.75, maxLat: 53.55 };

/** "lon lat, lon lat, …" → points. */
function parsePoints(text: string): Point[] {
  return text
    .trim()
    .split(/\s*,\s*/)
    .map((pair) => pair.split(/\s+/).map(Number) as Point);
}

/** The mainland, clockwise from Zeeuws-Vlaanderen; the IJsselmeer counts as land. */
export const MAINLAND: readonly Point[] = parsePoints(`
  3.37 51.37, 3.43 51.52, 3.58 51.6, 3.7 51.71, 3.85 51.79, 4.02 51.86, 4.12 51.99, 4.28 52.11, 4.42 52.26,
  4.53 52.43, 4.58 52.58, 4.64 52.75, 4.7 52.92, 4.78 52.96, 5.05 52.94, 5.4 53.1, 5.45 53.25, 5.75 53.36, 6.1 53.4,
  6.45 53.42, 6.85 53.45, 7.05 53.3, 7.22 53.2, 7.2 53.05, 7.07 52.85, 7.05 52.64, 6.75 52.6, 6.7 52.5, 7 52.45,
  7.07 52.36, 7.05 52.23, 6.85 52.1, 6.75 51.98, 6.72 51.9, 6.4 51.83, 6.1 51.85, 5.95 51.74, 6.05 51.62, 6.22 51.5,
  6.2 51.35, 6.1 51.2, 6.17 51.12, 6 50.98, 6.1 50.9, 6.02 50.76, 5.85 50.75, 5.7 50.76, 5.64 50.85, 5.78 51.05,
  5.85 51.15, 5.55 51.27, 5.2 51.32, 5.05 51.44, 4.8 51.45, 4.55 51.43, 4.38 51.45, 4.25 51.37, 3.95 51.21, 3.6 51.3`);

/** Texel, Vlieland, Terschelling, Ameland, Schiermonnikoog (rough). */
export const ISLANDS: readonly (readonly Point[])[] = [
  '4.72 53, 4.9 53.05, 4.92 53.15, 4.85 53.19, 4.73 53.1',
  '4.9 53.235, 5.1 53.29, 5.08 53.32, 4.89 53.27',
  '5.15 53.36, 5.4 53.39, 5.6 53.44, 5.58 53.47, 5.3 53.44, 5.13 53.385',
  '5.62 53.43, 5.9 53.44, 5.9 53.47, 5.65 53.47',
  '6.1 53.46, 6.32 53.47, 6.3 53.5, 6.12 53.49',
].map(parsePoints);

/** Cities: "lon lat inhabitants-in-thousands". Only positions and sizes are used, never names. */
export const CITIES: readonly [number, number, number][] = `
  4.9 52.37 930, 4.48 51.92 670, 4.3 52.08 560, 5.12 52.09 370, 5.47 51.44 245, 6.57 53.22 240, 5.09 51.56 225,
  5.22 52.37 220, 4.78 51.59 190, 5.86 51.84 185, 5.96 52.21 168, 5.91 51.98 166, 4.64 52.38 165, 6.89 52.22 162,
  5.39 52.16 160, 4.83 52.44 158, 5.3 51.69 158, 4.69 52.3 160, 6.09 52.51 132, 4.49 52.06 126, 4.49 52.16 126,
  5.69 50.85 122, 4.69 51.81 120, 5.66 52.04 120, 5.8 53.2 125, 4.66 52.13 113, 4.75 52.63 111, 6.91 52.78 107,
  4.36 52.01 105, 6.17 51.37 102, 6.16 52.25 101, 5.87 51 92, 5.66 51.48 93, 5.52 51.76 93, 5.17 52.22 92,
  5.98 50.89 87, 4.86 52.3 92, 5.06 52.64 74, 4.47 51.53 78, 4.76 52.95 56, 3.6 51.48 48, 5.47 52.52 80,
  6.56 52.99 69, 5.99 51.19 58, 4.29 51.49 67, 4.71 52.01 74, 4.95 52.5 82, 5.56 52.03 67, 6.29 51.96 58,
  5.62 52.34 48, 6.1 53.11 45, 5.92 52.96 52, 3.83 51.33 55, 3.89 51.5 39, 5.66 53.03 34, 6.48 52.72 56,
  6.19 52.7 34, 6.66 52.36 74, 6.79 52.27 87, 5.43 51.89 42, 4.97 51.83 38, 5.71 51.25 50, 4.37 51.91 75,
  4.33 51.85 72, 4.58 51.93 67, 5.08 52.03 64, 5.23 52.09 65, 4.88 52.08 52`
  .trim()
  .split(/\s*,\s*/)
  .map((t) => t.split(/\s+/).map(Number) as [number, number, number]);

export function lonLatToKm([lon, lat]: Point): Point {
  return [(lon - CENTER_LON) * KM_PER_DEG_LON, (lat - CENTER_LAT) * KM_PER_DEG_LAT];
}

export interface Land {
  /** Rings in km (open: first point not repeated). */
  rings: Point[][];
  /** Indices of the island rings (for the forced island seeds). */
  islands: number[];
}

export function buildLand(islands: boolean): Land {
  const rings = [MAINLAND, ...(islands ? ISLANDS : [])].map((ring) => ring.map(lonLatToKm));
  return { rings, islands: islands ? ISLANDS.map((_, i) => i + 1) : [] };
}

export function inLand(land: Land, p: Point): boolean {
  return land.rings.some((ring) => pointInRing(p, ring));
}

function segmentDistance(p: Point, a: Point, b: Point): { d: number; q: Point } {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)));
  const q: Point = [a[0] + t * dx, a[1] + t * dy];
  return { d: Math.hypot(p[0] - q[0], p[1] - q[1]), q };
}

/** The distance from `p` to the nearest coast, and the nearest point on it. */
export function nearestCoast(land: Land, p: Point): { d: number; q: Point } {
  let best = { d: Infinity, q: p };
  for (const ring of land.rings)
    for (let i = 0; i < ring.length; i++) {
      const r = segmentDistance(p, ring[i]!, ring[(i + 1) % ring.length]!);
      if (r.d < best.d) best = r;
    }
  return best;
}

export function ringArea(ring: readonly Point[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % ring.length]!;
    sum += a[0] * b[1] - b[0] * a[1];
  }
  return Math.abs(sum) / 2;
}

/** One bump of the seed density: a town of `n` buurten, spread as a Gaussian of `sigma` km. */
export interface Bump {
  center: Point;
  n: number;
  sigma: number;
  /** Inhabitants (thousands), for the gemeente weights; null for a village. */
  population: number | null;
}

export interface Density {
  bumps: Bump[];
  /** Buurt seeds per km² of the countryside. */
  rural: number;
  /** Seeds per km² at `p` (the sum of the countryside and every bump). */
  at(p: Point): number;
}

/**
 * The density of buurt seeds, scaled so that it integrates to about `total` over the land: the cities of CITIES,
 * a few hundred villages at random places, and an even countryside.
 */
export function buildDensity(land: Land, total: number, rng: Rng): Density {
  const area = land.rings.reduce((s, r) => s + ringArea(r), 0);
  const [minX, minY, maxX, maxY] = bbox(land);
  const villages: Bump[] = [];
  while (villages.length < 260) {
    const p: Point = [rng.uniform(minX, maxX), rng.uniform(minY, maxY)];
    if (inLand(land, p)) villages.push({ center: p, n: 0, sigma: 0, population: 4 + 22 * rng.next() ** 2 });
  }
  const towns: Bump[] = CITIES.map(([lon, lat, population]) => ({
    center: lonLatToKm([lon, lat]),
    n: 0,
    sigma: 0,
    population,
  }));
  // Urban buurten hold about 2,000 people; a town of P thousand inhabitants spreads over P / 5 km² (2πσ²).
  const scale = total / 14_500;
  const bumps = [...towns, ...villages].map((b) => {
    const pop = b.population!;
    return { ...b, n: (pop / 2) * scale, sigma: Math.sqrt(pop / 5 / (2 * Math.PI)) };
  });
  for (const v of bumps.slice(towns.length)) v.population = null;
  const urban = bumps.reduce((s, b) => s + b.n, 0);
  const rural = Math.max(total - urban, total * 0.3) / area;
  const at = (p: Point) => {
    let rho = rural;
    for (const b of bumps) {
      const dx = p[0] - b.center[0];
      const dy = p[1] - b.center[1];
      const s2 = b.sigma * b.sigma;
      if (dx * dx + dy * dy < 25 * s2) rho += (b.n / (2 * Math.PI * s2)) * Math.exp(-(dx * dx + dy * dy) / (2 * s2));
    }
    return rho;
  };
  return { bumps, rural, at };
}

export function bbox(land: Land): [number, number, number, number] {
  const xs = land.rings.flat().map((p) => p[0]);
  const ys = land.rings.flat().map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}
