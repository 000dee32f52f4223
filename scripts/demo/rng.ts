import { randomBinomial, randomLcg, randomNormal } from 'd3';

/** The one fixed seed of the demo; every random stream is derived from it and a name. */
export const DEMO_SEED = 20_250_101;

/** 32-bit FNV-1a hash of a string, so that every named stream gets its own deterministic seed. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  uniform(min: number, max: number): number;
  normal(mean?: number, sd?: number): number;
  /** Number of successes in `n` trials with probability `p` (n ≥ 0 integer). */
  binomial(n: number, p: number): number;
}

/**
 * A seeded random stream (d3.randomLcg). Streams are named so that adding a draw to one part of the model does not
 * shift the numbers of every other part. `seed` defaults to the demo's seed (other generators pass their own).
 */
export function stream(name: string, seed: number = DEMO_SEED): Rng {
  const source = randomLcg((hashString(name) ^ seed) >>> 1);
  const normal = randomNormal.source(source);
  const binomial = randomBinomial.source(source);
  return {
    next: source,
    uniform: (min, max) => min + (max - min) * source(),
    normal: (mean = 0, sd = 1) => normal(mean, sd)(),
    binomial: (n, p) => (n <= 0 ? 0 : binomial(n, Math.min(1, Math.max(0, p)))()),
  };
}
