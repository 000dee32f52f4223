/** The latent profile of every buurt (deprivation, urbanity, age and household structure) and its population by year. */
import type { BuurtPlan, Layout } from './layout.ts';
import { stream } from './rng.ts';

export interface Profile {
  /** Deprivation (z-score like): drives bijstand, low income, youth care … */
  d: number;
  /** 1 for the town, 0.45 for a village core, 0 for the countryside. */
  urban: number;
  /** Shares in 2025. */
  youth: number;
  old: number;
  /** Share of 75+ among 65+. */
  f75: number;
  hhSize: number;
  singles: number;
  /** Yearly growth of the population. */
  growth: number;
  pop2025: number;
  newbuild: boolean;
}

/** Counts of one area in one year; every rate's denominator is one of these. */
export interface Demography {
  pop: number;
  youth: number;
  old65: number;
  old75: number;
  /** 18 to state pension age. */
  workAge: number;
  /** 15 to 74. */
  labourAge: number;
  households: number;
  singles: number;
  /** Pupils aged 12–22 (VO, MBO). */
  pupils: number;
  /** Young people (15–26) in the labour force. */
  youthLabour: number;
}

interface Shape {
  d: number;
  youth: number;
  old: number;
  hh: number;
  singles: number;
  /** Population 2025: a range, or exact. */
  pop: [number, number] | number;
}

const TOWN: Record<string, Shape> = {
  Centrum: { d: 0.35, youth: 0.11, old: 0.24, hh: 1.55, singles: 0.58, pop: [800, 1800] },
  Voorstad: { d: 1.3, youth: 0.21, old: 0.15, hh: 2.1, singles: 0.42, pop: [1700, 3300] },
  Molenkwartier: { d: -0.1, youth: 0.19, old: 0.19, hh: 2.2, singles: 0.36, pop: [1200, 3000] },
  Zuiderpark: { d: -0.45, youth: 0.23, old: 0.13, hh: 2.45, singles: 0.25, pop: [1400, 3200] },
  Havenkwartier: { d: 0.6, youth: 0.18, old: 0.18, hh: 1.95, singles: 0.45, pop: [1000, 2600] },
};
const CORE: Omit<Shape, 'pop'> = { d: -0.35, youth: 0.2, old: 0.24, hh: 2.35, singles: 0.31 };
const RURAL: Shape = { d: -0.6, youth: 0.18, old: 0.22, hh: 2.5, singles: 0.22, pop: [70, 380] };
const SPECIAL: Record<NonNullable<BuurtPlan['special']>, Shape> = {
  industrial: { d: 0.8, youth: 0.06, old: 0.1, hh: 1.6, singles: 0.6, pop: 32 },
  hamlet: { d: -0.3, youth: 0.15, old: 0.25, hh: 2.3, singles: 0.25, pop: 47 },
  recreation: { d: 0.7, youth: 0.04, old: 0.55, hh: 1.5, singles: 0.6, pop: 58 },
  newbuild: { d: -0.5, youth: 0.3, old: 0.06, hh: 2.6, singles: 0.18, pop: 2600 },
};

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** One profile per buurt, in layout order. */
export function buildProfiles(layout: Layout): Profile[] {
  const rng = stream('profiles');
  return layout.buurten.map((b) => {
    const wijk = layout.wijken.find((w) => w.code === b.wijk)!;
    const shape = b.special
      ? SPECIAL[b.special]
      : b.kind === 'town'
        ? TOWN[wijk.name]!
        : b.kind === 'core'
          ? { ...CORE, pop: b.corePopulation! }
          : RURAL;
    const pop = typeof shape.pop === 'number' ? shape.pop : Math.round(rng.uniform(shape.pop[0], shape.pop[1]));
    const growthMean = b.kind === 'town' ? 0.005 : b.kind === 'core' ? 0.002 : -0.003;
    const noisy = !b.special;
    const n = (sd: number) => (noisy ? rng.normal(0, sd) : 0);
    return {
      d: shape.d + rng.normal(0, 0.35),
      urban: b.kind === 'town' ? 1 : b.kind === 'core' ? 0.45 : 0,
      youth: clamp(shape.youth + n(0.015), 0.02, 0.4),
      old: clamp(shape.old + n(0.02), 0.03, 0.7),
      f75: clamp(0.45 + n(0.04), 0.3, 0.6),
      hhSize: clamp(shape.hh + n(0.06), 1.3, 3),
      singles: clamp(shape.singles + n(0.03), 0.1, 0.75),
      growth: b.special ? 0 : growthMean + rng.normal(0, 0.004),
      pop2025: pop,
      newbuild: b.special === 'newbuild',
    };
  });
}

/** Shares of an area in a given year (`dt` = year − 2025): ageing and shrinking households over time. */
export function sharesIn(p: Pick<Profile, 'youth' | 'old' | 'f75' | 'hhSize' | 'singles'>, dt: number) {
  return {
    youth: clamp(p.youth - dt * 0.0012, 0.01, 0.45),
    old: clamp(p.old + dt * 0.0035, 0.02, 0.75),
    f75: clamp(p.f75 + dt * 0.004, 0.25, 0.65),
    hhSize: p.hhSize - dt * 0.008,
    singles: clamp(p.singles + dt * 0.003, 0.05, 0.8),
  };
}

/** Integer counts from a population and its shares (the same formulas for a buurt and for the Netherlands). */
export function countsFrom(pop: number, s: ReturnType<typeof sharesIn>): Demography {
  const youth = Math.round(pop * s.youth);
  const old65 = Math.round(pop * s.old);
  const old75 = Math.round(old65 * s.f75);
  const households = Math.max(1, Math.round(pop / s.hhSize));
  return {
    pop,
    youth,
    old65,
    old75,
    workAge: pop - youth - Math.round(old65 * 0.88),
    labourAge: pop - Math.round(youth * 0.83) - old75,
    households,
    singles: Math.round(households * s.singles),
    pupils: Math.round(youth * 0.38 + pop * 0.03),
    youthLabour: Math.round(youth * 0.3 + pop * 0.04),
  };
}

export function demographyOf(profile: Profile, year: number): Demography {
  const dt = year - 2025;
  const pop = profile.newbuild
    ? Math.round(profile.pop2025 * (0.35 + 0.65 * ((year - 2015) / 10) ** 0.8))
    : Math.round(profile.pop2025 * (1 + profile.growth) ** dt);
  return countsFrom(pop, sharesIn(profile, dt));
}
