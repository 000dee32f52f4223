/**
 * Gemeenten and wijken as contiguous groups of buurten: seeds grow over the graph of neighbouring cells (a region only
 * grows from cells it already holds, so every region is connected). City gemeenten grow faster, so they take in their
 * whole city. Codes follow CBS: GMdddd, WKdddddd (gemeente + 2), BUdddddddd (wijk + 2), in reading order.
 */
import type { Point } from '../demo/geometry.ts';
import type { Rng } from '../demo/rng.ts';
import type { Density } from './land.ts';
import type { Tessellation } from './seeds.ts';

export interface Regions {
  /** Per buurt: gemeente index and wijk index (global). */
  gemeenteOf: Int32Array;
  wijkOf: Int32Array;
  /** Gemeenten in code order: the seed buurt, its buurten (ascending), its wijken (ascending global indices). */
  gemeenten: { seed: number; buurten: number[]; wijken: number[]; population: number | null }[];
  /** Wijken in code order: gemeente, seed buurt, buurten in code order. */
  wijken: { gemeente: number; seed: number; buurten: number[] }[];
  /** Codes; buurtCode is indexed by buurt (tessellation order). */
  gemeenteCode: string[];
  wijkCode: string[];
  buurtCode: string[];
}

/** Multi-source region growing (Dijkstra on a binary heap); ties broken by cost, then node, then label. */
function grow(
  neighbours: readonly number[][],
  sources: readonly number[],
  cost: (u: number, v: number, label: number) => number,
  allowed: (v: number) => boolean = () => true,
): Int32Array {
  const label = new Int32Array(neighbours.length).fill(-1);
  const heap: [number, number, number][] = [];
  const less = (a: [number, number, number], b: [number, number, number]) =>
    a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2])));
  const push = (e: [number, number, number]) => {
    heap.push(e);
    for (let i = heap.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (!less(heap[i]!, heap[p]!)) break;
      [heap[i], heap[p]] = [heap[p]!, heap[i]!];
      i = p;
    }
  };
  const pop = () => {
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      for (let i = 0; ; ) {
        const [l, r] = [2 * i + 1, 2 * i + 2];
        let m = i;
        if (l < heap.length && less(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && less(heap[r]!, heap[m]!)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m]!, heap[i]!];
        i = m;
      }
    }
    return top;
  };
  sources.forEach((s, l) => {
    push([0, s, l]);
  });
  while (heap.length > 0) {
    const [c, u, l] = pop();
    if (label[u] !== -1) continue;
    label[u] = l;
    for (const v of neighbours[u]!) if (label[v] === -1 && allowed(v)) push([c + cost(u, v, l), v, l]);
  }
  return label;
}

const dist = (a: Point, b: Point) => Math.hypot(a[0] - b[0], a[1] - b[1]);
const pad = (n: number, width: number) => String(n).padStart(width, '0');
/** Reading order: north first, then west first. */
const byPosition = (seeds: readonly Point[]) => (a: number, b: number) =>
  seeds[b]![1] - seeds[a]![1] || seeds[a]![0] - seeds[b]![0] || a - b;

/** Steps (edges) from the nearest of `sources`, over the cells `inside` allows; -1 where unreachable. */
function steps(
  neighbours: readonly number[][],
  sources: readonly number[],
  inside: (v: number) => boolean,
): Int32Array {
  const depth = new Int32Array(neighbours.length).fill(-1);
  const queue = [...sources];
  for (const s of sources) depth[s] = 0;
  for (let q = 0; q < queue.length; q++) {
    const u = queue[q]!;
    for (const v of neighbours[u]!)
      if (depth[v] === -1 && inside(v)) {
        depth[v] = depth[u]! + 1;
        queue.push(v);
      }
  }
  return depth;
}

/** Gemeente seeds: one per separate piece of land (islands), the biggest cities, then spread by dart throwing. */
function gemeenteSeeds(t: Tessellation, density: Density, target: number, rng: Rng) {
  const chosen: { seed: number; weight: number; population: number | null }[] = [];
  const taken = new Set<number>();
  const add = (seed: number, population: number | null) => {
    if (taken.has(seed)) return;
    taken.add(seed);
    chosen.push({ seed, population, weight: population ? Math.min(2.6, Math.max(1, (population / 40) ** 0.3)) : 1 });
  };
  const nearest = (p: Point) => t.seeds.reduce((best, q, i) => (dist(p, q) < dist(p, t.seeds[best]!) ? i : best), 0);
  const cities = density.bumps.filter((b) => b.population !== null);
  // Every piece of land that the mainland (where the first city lies) cannot reach, an island, is a gemeente.
  const reached = steps(t.neighbours, [nearest(cities[0]!.center)], () => true);
  for (let i = 0; i < t.seeds.length; i++) {
    if (reached[i] !== -1) continue;
    add(i, null);
    for (const [j, d] of steps(t.neighbours, [i], () => true).entries()) if (d !== -1) reached[j] = d;
  }
  for (const city of cities.slice(0, Math.min(cities.length, Math.round(target * 0.2)))) {
    add(nearest(city.center), city.population);
  }
  const order = t.seeds.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const radius = t.seeds.map((_, i) => t.spacing[i]! ** 0.6);
  let scale = 4 * Math.sqrt(t.seeds.length / target);
  while (chosen.length < target) {
    for (const i of order) {
      if (chosen.length >= target) break;
      if (taken.has(i)) continue;
      const p = t.seeds[i]!;
      if (chosen.every((c) => dist(p, t.seeds[c.seed]!) >= (scale * c.weight * (radius[i]! + radius[c.seed]!)) / 2))
        add(i, null);
    }
    scale *= 0.9;
  }
  return chosen;
}

export function buildRegions(
  t: Tessellation,
  density: Density,
  scale: { gemeenten: number; wijken: number },
  rng: Rng,
): Regions {
  const n = t.seeds.length;
  const seeds = gemeenteSeeds(t, density, scale.gemeenten, rng);
  const label = grow(
    t.neighbours,
    seeds.map((s) => s.seed),
    (u, v, l) => dist(t.seeds[u]!, t.seeds[v]!) / seeds[l]!.weight,
  );
  const order = seeds.map((_, i) => i).sort((a, b) => byPosition(t.seeds)(seeds[a]!.seed, seeds[b]!.seed));
  const rank = new Int32Array(seeds.length);
  order.forEach((g, i) => {
    rank[g] = i;
  });
  const gemeenteOf = label.map((l) => rank[l]!);
  const gemeenten: Regions['gemeenten'] = order.map((g) => ({
    seed: seeds[g]!.seed,
    buurten: [],
    wijken: [],
    population: seeds[g]!.population,
  }));
  for (let b = 0; b < n; b++) gemeenten[gemeenteOf[b]!]!.buurten.push(b);

  const wijkOf = new Int32Array(n).fill(-1);
  const wijken: Regions['wijken'] = [];
  const hop = (u: number, v: number) => dist(t.seeds[u]!, t.seeds[v]!) / ((t.spacing[u]! + t.spacing[v]!) / 2);
  gemeenten.forEach((g, gi) => {
    const inside = (v: number) => gemeenteOf[v] === gi;
    const count = Math.max(1, Math.min(99, g.buurten.length, Math.round((g.buurten.length * scale.wijken) / n)));
    const wijkSeeds = [g.seed];
    while (wijkSeeds.length < count) {
      // The next wijk starts at the buurt farthest (in steps) from every wijk seed so far.
      const depth = steps(t.neighbours, wijkSeeds, inside);
      let best = g.buurten[0]!;
      for (const b of g.buurten) if (depth[b]! > depth[best]!) best = b;
      wijkSeeds.push(best);
    }
    const local = grow(t.neighbours, wijkSeeds, hop, inside);
    const wOrder = wijkSeeds
      .map((_, i) => i)
      .sort((a, b) => (a === 0 ? -1 : b === 0 ? 1 : byPosition(t.seeds)(wijkSeeds[a]!, wijkSeeds[b]!)));
    for (const w of wOrder) {
      const members = g.buurten.filter((b) => local[b] === w);
      const seed = wijkSeeds[w]!;
      members.sort((a, b) => (a === seed ? -1 : b === seed ? 1 : byPosition(t.seeds)(a, b)));
      if (members.length > 99) throw new Error(`a wijk with ${members.length} buurten (at most 99 fit a code)`);
      for (const b of members) wijkOf[b] = wijken.length;
      g.wijken.push(wijken.length);
      wijken.push({ gemeente: gi, seed, buurten: members });
    }
  });

  const gemeenteCode = gemeenten.map((_, i) => `GM${pad(i + 1, 4)}`);
  const wijkCode: string[] = [];
  const buurtCode: string[] = new Array(n);
  for (const g of gemeenten)
    g.wijken.forEach((w, wi) => {
      const code = `WK${gemeenteCode[wijken[w]!.gemeente]!.slice(2)}${pad(wi + 1, 2)}`;
      wijkCode[w] = code;
      wijken[w]!.buurten.forEach((b, bi) => {
        buurtCode[b] = `BU${code.slice(2)}${pad(bi + 1, 2)}`;
      });
    });
  return { gemeenteOf, wijkOf, gemeenten, wijken, gemeenteCode, wijkCode, buurtCode };
}
