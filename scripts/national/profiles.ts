/**
 * Who lives where: a latent profile per buurt (deprivation, urbanity, age and household structure, growth; the demo's
 * Profile) and the resulting counts per buurt and year (the demo's demographyOf), stored column-wise in typed arrays.
 */
import { countsFrom, type Demography, demographyOf, type Profile } from '../demo/demography.ts';
import { NL_POP } from '../demo/national.ts';
import type { Rng } from '../demo/rng.ts';
import type { Density } from './land.ts';
import type { Regions } from './regions.ts';
import type { Tessellation } from './seeds.ts';

export type Kind = 'urban' | 'rural' | 'industrial' | 'recreation' | 'newbuild';

/** Every denominator a rate can have: the demo's Demography plus a few derived groups and survey respondents. */
export const FIELDS = [
  'pop',
  'youth',
  'old65',
  'old75',
  'workAge',
  'labourAge',
  'households',
  'singles',
  'pupils',
  'youthLabour',
  'adults1864',
  'old6574',
  'multi',
  'ggd',
  'vm',
] as const;
export type Field = (typeof FIELDS)[number];

export const GGD_YEARS = [2016, 2020, 2022, 2024] as const;
export const VM_YEARS = [2013, 2015, 2017, 2019, 2021, 2023, 2025] as const;

export interface Population {
  profiles: Profile[];
  kinds: Kind[];
  periods: readonly number[];
  /** field → value per buurt and period, at [buurt × periods.length + period index]. */
  counts: Record<Field, Int32Array>;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

function withDerived(d: Demography): Record<Exclude<Field, 'ggd' | 'vm'>, number> {
  return { ...d, adults1864: d.pop - d.youth - d.old65, old6574: d.old65 - d.old75, multi: d.households - d.singles };
}

export function buildPopulation(
  t: Tessellation,
  regions: Regions,
  density: Density,
  periods: readonly number[],
  rng: Rng,
): Population {
  const n = t.seeds.length;
  const urban = t.seeds.map((p) => clamp(Math.log(density.at(p) / density.rural) / Math.log(10), 0, 1));
  const gemeenteEffect = regions.gemeenten.map(() => rng.normal(0, 0.25));
  const wijkEffect = regions.wijken.map(() => rng.normal(0, 0.35));
  const kinds: Kind[] = urban.map((u) => {
    const x = rng.next();
    if (x < 0.025) return u > 0.4 ? 'industrial' : 'recreation';
    if (x < 0.04 && u > 0.2) return 'newbuild';
    return u > 0.35 ? 'urban' : 'rural';
  });
  const raw = urban.map((u) => (1 + 4 * u) * Math.exp(rng.normal(0, 0.4)));
  // Scale to 1,240 inhabitants per buurt on average (about 18 million for 14,500 buurten), within 20–6,000.
  let k = 1240 / (raw.reduce((s, r) => s + r, 0) / n);
  for (let i = 0; i < 3; i++) {
    const mean = raw.reduce((s, r) => s + clamp(Math.round(k * r), 20, 6000), 0) / n;
    k *= 1240 / mean;
  }
  const profiles: Profile[] = urban.map((u, b) => {
    const kind = kinds[b]!;
    const tiny = kind === 'industrial' || kind === 'recreation';
    const pop = tiny ? Math.round(rng.uniform(20, 150)) : clamp(Math.round(k * raw[b]!), 20, 6000);
    const big = (regions.gemeenten[regions.gemeenteOf[b]!]!.population ?? 0) > 150 ? 0.3 * u : 0;
    const d =
      0.55 * u -
      0.3 +
      big +
      gemeenteEffect[regions.gemeenteOf[b]!]! +
      wijkEffect[regions.wijkOf[b]!]! +
      rng.normal(0, 0.3) +
      (kind === 'industrial' ? 0.8 : 0);
    return {
      d,
      urban: u,
      youth: clamp(
        kind === 'industrial'
          ? 0.06
          : kind === 'recreation'
            ? 0.04
            : 0.2 - 0.05 * u + (kind === 'newbuild' ? 0.07 : 0) + rng.normal(0, 0.02),
        0.02,
        0.4,
      ),
      old: clamp(
        kind === 'recreation' ? 0.5 : kind === 'newbuild' ? 0.07 : 0.24 - 0.08 * u + rng.normal(0, 0.03),
        0.03,
        0.7,
      ),
      f75: clamp(0.45 + rng.normal(0, 0.04), 0.3, 0.6),
      hhSize: clamp(kind === 'industrial' ? 1.6 : 2.45 - 0.6 * u + rng.normal(0, 0.08), 1.3, 3),
      singles: clamp(kind === 'industrial' ? 0.6 : 0.24 + 0.25 * u + rng.normal(0, 0.04), 0.1, 0.75),
      growth: kind === 'newbuild' ? rng.uniform(0.05, 0.1) : tiny ? 0 : -0.004 + 0.009 * u + rng.normal(0, 0.004),
      pop2025: pop,
      newbuild: false,
    };
  });

  const P = periods.length;
  const counts = Object.fromEntries(FIELDS.map((f) => [f, new Int32Array(n * P)])) as Record<Field, Int32Array>;
  const respondents = (year: number, adults: number) => ({
    ggd: (GGD_YEARS as readonly number[]).includes(year) ? rng.binomial(adults, 0.045) : 0,
    vm: (VM_YEARS as readonly number[]).includes(year) ? rng.binomial(adults, 0.03) : 0,
  });
  profiles.forEach((profile, b) => {
    periods.forEach((year, p) => {
      const d = withDerived(demographyOf(profile, year));
      const row = { ...d, ...respondents(year, d.pop - d.youth) };
      for (const f of FIELDS) counts[f][b * P + p] = row[f];
    });
  });
  return { profiles, kinds, periods, counts };
}

/** Inhabitants of the Netherlands on 1 January, 2013–2025 (CBS; the demo's series starts in 2015). */
const NL_POP_FROM_2013 = [16_779_575, 16_829_289, ...NL_POP];

/** The national counts of one year (the demo's national shares, extended back to 2013), including survey samples. */
export function nationalCounts(year: number): Record<Field, number> {
  const yi = year - 2015;
  const pop = NL_POP_FROM_2013[year - 2013];
  if (pop === undefined) throw new Error(`no national population for ${year}`);
  const d = withDerived(
    countsFrom(pop, {
      youth: 0.203 - 0.0013 * yi,
      old: 0.182 + 0.0024 * yi,
      f75: 0.42 + 0.003 * yi,
      hhSize: 2.17 - 0.006 * yi,
      singles: 0.37 + 0.0025 * yi,
    }),
  );
  const adults = d.pop - d.youth;
  return { ...d, ggd: Math.round(adults * 0.033), vm: Math.round(adults * 0.014) };
}
