/** Command-line options and the two scales of the national package. */
import { parseCommandLine } from '../args.ts';
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

const USAGE = 'usage: generate-national [--out DIR] [--scale full|small] [--seed N] | --first-only --out DIR';

const FLAGS = {
  out: { type: 'string' },
  scale: { type: 'string' },
  seed: { type: 'string' },
  'first-only': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `firstOnly`: rewrite only `first/` of the package in `out` (scripts/generate-national.ts rewriteFirstView). */
export function parseArgs(argv: readonly string[]): Omit<Options, 'log'> & { firstOnly: boolean } {
  let values: ReturnType<typeof parseCommandLine<typeof FLAGS>>['values'];
  try {
    ({ values } = parseCommandLine(argv, FLAGS));
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${USAGE}`);
  }
  if (values.help) throw new Error(USAGE);
  if (values.out === '') throw new Error(`--out needs a value\n${USAGE}`);
  const name = values.scale ?? 'full';
  if (name !== 'full' && name !== 'small') throw new Error(`--scale must be full or small\n${USAGE}`);
  const seed = values.seed ?? String(DEMO_SEED);
  if (!/^\d{1,15}$/.test(seed)) throw new Error(`--seed must be a non-negative integer\n${USAGE}`);
  const firstOnly = values['first-only'] ?? false;
  if (firstOnly && (values.scale !== undefined || values.seed !== undefined))
    throw new Error(`--first-only rewrites a written package: no --scale or --seed\n${USAGE}`);
  return { out: values.out ?? DEFAULT_OUT, scale: SCALES[name], seed: Number(seed), firstOnly };
}
