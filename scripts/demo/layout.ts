/**
 * The fictional municipality: where the town and the villages lie, the buurt seed points of the Voronoi
 * tessellation (km from the centre), and which wijk every buurt belongs to.
 */
import type { Point } from './geometry.ts';
import { stream } from './rng.ts';

export const GEMEENTE = { code: 'GM9999', name: 'Voorbeeldgemeente (fictief)' };
export const LAND = { code: 'NL00', name: 'Nederland' };

export type BuurtKind = 'town' | 'core' | 'rural';
/** A few buurten that are unusual on purpose: tiny ones (suppression) and a new-build one (growth). */
export type Special = 'industrial' | 'hamlet' | 'recreation' | 'newbuild';

export interface WijkPlan {
  code: string;
  name: string;
  kind: 'town' | 'village';
}

export interface BuurtPlan {
  code: string;
  name: string;
  wijk: string;
  kind: BuurtKind;
  special?: Special;
  /** Seed point in km east/north of the centre. */
  seed: Point;
  /** For a village core: its population in 2025. */
  corePopulation?: number;
}

export interface Layout {
  wijken: WijkPlan[];
  buurten: BuurtPlan[];
  /** Buurt seeds (in buurt order) followed by the outside seeds that only shape the outline. */
  seeds: Point[];
  /** Half the width of the Voronoi extent, km. */
  boundsKm: number;
}

/** The outline: an ellipse (semi-axes in km) with a few harmonics, r(θ) = f(θ) in ellipse-normalised units. */
const RX = 10.2;
const RY = 7.4;
function outlineFactor(theta: number): number {
  return (
    1 +
    0.07 * Math.cos(2 * theta + 0.6) +
    0.05 * Math.cos(3 * theta + 2.1) +
    0.035 * Math.cos(5 * theta + 4) +
    0.02 * Math.cos(7 * theta + 1)
  );
}
/** Normalised polar coordinates of a point: ρ < f(θ) inside the outline. */
function polar([x, y]: Point): { rho: number; theta: number } {
  return { rho: Math.hypot(x / RX, y / RY), theta: Math.atan2(y / RY, x / RX) };
}
function fromPolar(rho: number, theta: number): Point {
  return [rho * RX * Math.cos(theta), rho * RY * Math.sin(theta)];
}

export const TOWN_CENTER: Point = [-1.8, 0.6];
const TOWN_RADIUS = 2.7;
const CENTRUM_RADIUS = 1.0;

interface TownWijk {
  name: string;
  /** Direction (degrees, counter-clockwise from east) of the sector's middle; null for the centre. */
  angle: number | null;
  /** Buurt names, north to south. */
  names: string;
}
const TOWN_WIJKEN: TownWijk[] = [
  {
    name: 'Centrum',
    angle: null,
    names: 'Binnenstad, Marktkwartier, Oude Gracht, Kerkbuurt, Stationsbuurt, Vestingwal',
  },
  {
    name: 'Voorstad',
    angle: 10,
    names: 'Voorstad-Noord, Fabriekswijk, Spoorzicht, De Bleek, Kanaalbuurt, Voorstad-Zuid, Werkmanshof, Ketelhuis',
  },
  {
    name: 'Molenkwartier',
    angle: 100,
    names:
      'Hoge Akker, Korenmolen, Het Wiekenveld, Noorderpark, Molenbuurt, Schoolbuurt, Bloemenbuurt, Vogelbuurt, Essenlaan',
  },
  {
    name: 'Zuiderpark',
    angle: 280,
    names: 'Parkzicht, De Weiden, Rietlanden, Waterrijk, De Boomgaard, Zuiderhout, Meidoornbuurt, Zuiderpark-Oost',
  },
  {
    name: 'Havenkwartier',
    angle: 190,
    names: 'Kadebuurt, Oude Haven, Schippersbuurt, Dokwijk, Lijnbaan, Touwslagerij, Westerkade, Havenhoofd',
  },
];

interface Village {
  name: string;
  center: Point;
  /** Populations (2025) of the core buurten, largest first. */
  cores: number[];
  coreNames: string[];
}
export const VILLAGES: Village[] = [
  { name: 'Klaverwolde', center: [2.6, 4.0], cores: [1380, 720], coreNames: ['Klaverwolde-Dorp', 'Klaverwolde-Noord'] },
  { name: 'Haverdam', center: [6.3, 0.2], cores: [1240, 610], coreNames: ['Haverdam-Dorp', 'Haverdam-West'] },
  { name: 'Wiekeloo', center: [3.3, -3.8], cores: [470], coreNames: ['Wiekeloo-Dorp'] },
  { name: 'Roggeveen', center: [-4.1, -3.7], cores: [1080], coreNames: ['Roggeveen-Dorp'] },
  { name: 'Bremmerlo', center: [-7.1, 2.1], cores: [860], coreNames: ['Bremmerlo-Dorp'] },
];

const RURAL_NAMES = (
  'De Kampen, Hooilanden, Het Broek, Veldzicht, De Maten, Hoge Es, Lage Weide, Meerveld, Rietland, Zandberg, ' +
  'Heidehoek, Eikenhorst, Venakkers, Groote Veld, Bovenkamp, Lutteveld, Kievitsveld, Dommelhoek, Berkenrode, ' +
  'Scholtenhoek, Oldenmaat, Grasbroek, Hazelbroek, Elsenveld, Wilgenhoek, Brinkerveld, Loohoek, Molenmaat, ' +
  'Hessenweg, Kromme Akker, Esveld, Turfhoek, Varkensven, Zwartveen'
).split(', ');

/** Jittered hexagonal grid of points around `center` within `extent` km. */
function hexGrid(center: Point, spacing: number, extent: number, jitter: number, seedName: string): Point[] {
  const rng = stream(seedName);
  const points: Point[] = [];
  const rowHeight = (spacing * Math.sqrt(3)) / 2;
  const rows = Math.ceil(extent / rowHeight);
  const cols = Math.ceil(extent / spacing) + 1;
  for (let r = -rows; r <= rows; r++)
    for (let c = -cols; c <= cols; c++) {
      const x = center[0] + (c + (r % 2 === 0 ? 0 : 0.5)) * spacing + rng.uniform(-jitter, jitter);
      const y = center[1] + r * rowHeight + rng.uniform(-jitter, jitter);
      points.push([x, y]);
    }
  return points;
}

const dist = (a: Point, b: Point) => Math.hypot(a[0] - b[0], a[1] - b[1]);
const pad = (n: number) => String(n).padStart(2, '0');

/** Reading order: north first, then west first. */
function byPosition(a: { seed: Point }, b: { seed: Point }): number {
  return b.seed[1] - a.seed[1] || a.seed[0] - b.seed[0];
}

function inside(p: Point, margin: number): boolean {
  const { rho, theta } = polar(p);
  return rho < outlineFactor(theta) - margin;
}

/** Outside seeds: each inner seed near the outline mirrored across it, plus a far ring that closes the diagram. */
function outsideSeeds(inner: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const p of inner) {
    const { rho, theta } = polar(p);
    const f = outlineFactor(theta);
    if (f - rho < 0.35) out.push(fromPolar(2 * f - rho, theta));
  }
  for (let i = 0; i < 36; i++) {
    const theta = (2 * Math.PI * i) / 36;
    out.push(fromPolar(1.7 * outlineFactor(theta), theta));
  }
  return out;
}

type Draft = Omit<BuurtPlan, 'code'>;

function townBuurten(): Draft[] {
  const seeds = hexGrid(TOWN_CENTER, 0.88, TOWN_RADIUS + 1, 0.17, 'layout:town').filter(
    (p) => dist(p, TOWN_CENTER) < TOWN_RADIUS && inside(p, 0.05),
  );
  const drafts: Draft[] = [];
  for (const seed of seeds) {
    const d = dist(seed, TOWN_CENTER);
    const angle = ((Math.atan2(seed[1] - TOWN_CENTER[1], seed[0] - TOWN_CENTER[0]) * 180) / Math.PI + 360) % 360;
    const wijk =
      d < CENTRUM_RADIUS
        ? TOWN_WIJKEN[0]!
        : TOWN_WIJKEN.slice(1).find((w) => Math.abs(((angle - w.angle! + 540) % 360) - 180) < 45)!;
    drafts.push({ name: '', wijk: wijk.name, kind: 'town', seed });
  }
  return drafts;
}

function villageBuurten(): Draft[] {
  const drafts: Draft[] = [];
  for (const v of VILLAGES) {
    v.cores.forEach((population, i) => {
      const offset: Point = i === 0 ? [0, 0] : [-0.55, 0.45];
      const seed: Point = [v.center[0] + offset[0], v.center[1] + offset[1]];
      drafts.push({ name: v.coreNames[i]!, wijk: v.name, kind: 'core', seed, corePopulation: population });
    });
  }
  // A ring of rural buurten close around every village keeps the core compact; a coarse grid fills the rest.
  const rng = stream('layout:village-rings');
  const rings = VILLAGES.flatMap((v) => {
    const n = v.cores.length > 1 ? 5 : 4;
    const start = rng.uniform(0, 2 * Math.PI);
    const center: Point = v.cores.length > 1 ? [v.center[0] - 0.27, v.center[1] + 0.22] : v.center;
    return Array.from({ length: n }, (_, i): Point => {
      const angle = start + (2 * Math.PI * i) / n + rng.uniform(-0.3, 0.3);
      const r = rng.uniform(1.3, 1.6) + (v.cores.length > 1 ? 0.3 : 0);
      return [center[0] + r * Math.cos(angle), center[1] + r * Math.sin(angle)];
    }).filter((p) => inside(p, 0.08));
  });
  // The same around the town, so that the outer town buurten end at the town's edge.
  const townRing = Array.from({ length: 9 }, (_, i): Point => {
    const angle = (2 * Math.PI * (i + 0.5)) / 9 + rng.uniform(-0.15, 0.15);
    const r = TOWN_RADIUS + rng.uniform(1.1, 1.4);
    return [TOWN_CENTER[0] + r * Math.cos(angle), TOWN_CENTER[1] + r * Math.sin(angle)];
  }).filter((p) => inside(p, 0.08) && VILLAGES.every((v) => dist(p, v.center) > 2.4));
  const grid = hexGrid([0, 0], 3.3, 11, 0.55, 'layout:rural').filter(
    (p) =>
      inside(p, 0.08) && dist(p, TOWN_CENTER) > TOWN_RADIUS + 2.6 && VILLAGES.every((v) => dist(p, v.center) > 2.6),
  );
  for (const seed of [...rings, ...townRing, ...grid]) {
    let nearest = VILLAGES[0]!;
    for (const v of VILLAGES) if (dist(seed, v.center) < dist(seed, nearest.center)) nearest = v;
    drafts.push({ name: '', wijk: nearest.name, kind: 'rural', seed });
  }
  return drafts;
}

/** Marks the unusual buurten: the outermost buurt of Havenkwartier is an industrial estate, and so on. */
function markSpecials(drafts: Draft[]) {
  const farthest = (list: Draft[], from: (d: Draft) => number) => list.reduce((a, b) => (from(b) > from(a) ? b : a));
  const haven = drafts.filter((d) => d.wijk === 'Havenkwartier');
  Object.assign(
    farthest(haven, (d) => dist(d.seed, TOWN_CENTER)),
    { special: 'industrial', name: 'Bedrijventerrein Westhaven' },
  );
  const zuid = drafts.filter((d) => d.wijk === 'Zuiderpark');
  Object.assign(
    farthest(zuid, (d) => dist(d.seed, TOWN_CENTER)),
    { special: 'newbuild', name: 'Nieuw Zuid' },
  );
  const rural = drafts.filter((d) => d.kind === 'rural');
  const remoteness = (d: Draft) => Math.min(...VILLAGES.map((v) => dist(d.seed, v.center)), dist(d.seed, TOWN_CENTER));
  const hamlet = farthest(rural, remoteness);
  Object.assign(hamlet, { special: 'hamlet', name: 'Buurtschap Het Ven' });
  // The most remote rural buurt in another wijk (not Wiekeloo, whose figures should only move within noise).
  const recreation = farthest(
    rural.filter((d) => d.wijk !== hamlet.wijk && d.wijk !== 'Wiekeloo'),
    remoteness,
  );
  Object.assign(recreation, { special: 'recreation', name: 'Recreatiepark De Zandkuil' });
}

/** The complete plan; deterministic. */
export function buildLayout(): Layout {
  const drafts = [...townBuurten(), ...villageBuurten()];
  markSpecials(drafts);
  const wijkNames = [...TOWN_WIJKEN.map((w) => w.name), ...VILLAGES.map((v) => v.name)];
  const wijken: WijkPlan[] = wijkNames.map((name, i) => ({
    code: `WK9999${pad(i + 1)}`,
    name,
    kind: i < TOWN_WIJKEN.length ? 'town' : 'village',
  }));
  const buurten: BuurtPlan[] = [];
  let ruralName = 0;
  for (const wijk of wijken) {
    const own = drafts.filter((d) => d.wijk === wijk.name);
    const cores = own.filter((d) => d.kind === 'core');
    const rest = own.filter((d) => d.kind !== 'core').sort(byPosition);
    const pool = TOWN_WIJKEN.find((w) => w.name === wijk.name)?.names.split(', ') ?? [];
    let townName = 0;
    for (const [i, d] of [...cores, ...rest].entries()) {
      let name = d.name;
      if (!name && d.kind === 'town') name = pool[townName++] ?? `${wijk.name} ${townName}`;
      if (!name) name = RURAL_NAMES[ruralName++]!;
      buurten.push({ ...d, name, wijk: wijk.code, code: `BU${wijk.code.slice(2)}${pad(i + 1)}` });
    }
  }
  const inner = buurten.map((b) => b.seed);
  return { wijken, buurten, seeds: [...inner, ...outsideSeeds(inner)], boundsKm: 30 };
}
