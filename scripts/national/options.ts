/** Command-line options and the two scales of the national package. */
import { DEMO_SEED } from '../demo/rng.ts';

export type ScaleName = 'full' | 'small';

export interface Scale {
  name: ScaleName;
  /** Targets; the geography lands close to them (buurten exactly, gemeenten exactly, wijken approximately). */
  buurten: number;
  gemeenten: number;
  wijken: number;
  indicators: number;
  periods: readonly number[];
  /** Whether the Wadden islands are part of the outline (each becomes a gemeente of its own). */
  islands: boolean;
}

const years = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

export const SCALES: Record<ScaleName, Scale> = {
  full: {
    name: 'full',
    buurten: 14_500,
    gemeenten: 345,
    wijken: 3_300,
    indicators: 150,
    periods: years(2013, 2025),
    islands: true,
  },
  small: {
    name: 'small',
    buurten: 500,
    gemeenten: 12,
    wijken: 110,
    indicators: 40,
    periods: years(2019, 2025),
    islands: false,
  },
};

export const DEFAULT_OUT = 'data/.national/national';

export interface Options {
  out: string;
  scale: Scale;
  seed: number;
  /** Progress lines (default: console.log). */
  log: (line: string) => void;
}

const USAGE = 'usage: generate-national [--out DIR] [--scale full|small] [--seed N]';

export function parseArgs(argv: readonly string[]): Omit<Options, 'log'> {
  let out = DEFAULT_OUT;
  let scale: Scale = SCALES.full;
  let seed = DEMO_SEED;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    if (flag === '--out') out = value();
    else if (flag === '--scale') {
      const name = value();
      if (name !== 'full' && name !== 'small') throw new Error(`--scale must be full or small\n${USAGE}`);
      scale = SCALES[name];
    } else if (flag === '--seed') {
      const text = value();
      if (!/^\d{1,15}$/.test(text)) throw new Error(`--seed must be a non-negative integer\n${USAGE}`);
      seed = Number(text);
    } else if (flag === '--help' || flag === '-h') throw new Error(USAGE);
    else throw new Error(`unknown option ${flag}\n${USAGE}`);
  }
  return { out, scale, seed };
}
