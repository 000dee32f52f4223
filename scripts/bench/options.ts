/** Command-line options of scripts/bench.ts. */
import { join } from 'node:path';
import { parseCommandLine } from '../args.ts';
import type { Target } from './stats.ts';

export interface BenchOptions {
  quick: boolean;
  /** Folder of dataset packages served at /data/ (GEBIEDSKOMPAS_DATA_DIR). */
  dataDir: string;
  dataset: string;
  /** First view: cold and warm loads per page. */
  runs: number;
  /** Indicator switches, year switches and area clicks, each. */
  switches: number;
  loadTimeoutMs: number;
  switchTimeoutMs: number;
  /** Wait after the last mark of an action until no new mark came for this long (late, second renders). */
  settleMs: number;
  panMs: number;
  targets: Target[];
  /** Targets whose first visit is also measured over the emulated connection (the national baseline's is gigabytes). */
  networkTargets: Target[];
}

export const USAGE = `usage: npm run bench -- [--quick] [--runs N] [--switches N] [--dataset ID] [--data-dir DIR]
       [--load-timeout S] [--switch-timeout S] [--settle MS] [--pan-seconds S] [--only app|baseline]
       [--network both|app|none]
  --network app: the emulated connection for the app only (the baseline downloads the whole package over it)
  --quick: the demo package (data/demo), first view x2, switches x20
  default: the national package (data/.national/national; npm run generate:national), first view x3, switches x50`;

export function parseOptions(argv: readonly string[], root: string): BenchOptions {
  let parsed: ReturnType<typeof parseBenchArgs>;
  try {
    parsed = parseBenchArgs(argv);
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${USAGE}`);
  }
  const { values: flags } = parsed;
  if (flags.help) throw new Error(USAGE);
  const quick = flags.quick ?? false;
  const number = (name: keyof typeof flags, fallback: number) => {
    const text = flags[name];
    if (typeof text !== 'string') return fallback;
    const n = Number(text);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number\n${USAGE}`);
    return n;
  };
  const only = flags.only;
  if (only !== undefined && only !== 'app' && only !== 'baseline') throw new Error(`--only: app or baseline`);
  const network = flags.network ?? 'both';
  if (network !== 'both' && network !== 'app' && network !== 'none') throw new Error(`--network: both, app or none`);
  const dataDir =
    flags['data-dir'] ?? process.env.GEBIEDSKOMPAS_DATA_DIR ?? join(root, 'data', ...(quick ? [] : ['.national']));
  return {
    quick,
    dataDir,
    dataset: flags.dataset ?? (quick ? 'demo' : 'national'),
    runs: Math.max(1, Math.round(number('runs', quick ? 2 : 3))),
    switches: Math.max(1, Math.round(number('switches', quick ? 20 : 50))),
    loadTimeoutMs: number('load-timeout', quick ? 60 : 900) * 1000,
    switchTimeoutMs: number('switch-timeout', quick ? 10 : 60) * 1000,
    settleMs: number('settle', 120),
    panMs: number('pan-seconds', 3) * 1000,
    targets: only ? [only] : ['app', 'baseline'],
    networkTargets: network === 'both' ? ['app', 'baseline'] : network === 'app' ? ['app'] : [],
  };
}

function parseBenchArgs(argv: readonly string[]) {
  return parseCommandLine(argv, {
    quick: { type: 'boolean' },
    runs: { type: 'string' },
    switches: { type: 'string' },
    dataset: { type: 'string' },
    'data-dir': { type: 'string' },
    'load-timeout': { type: 'string' },
    'switch-timeout': { type: 'string' },
    settle: { type: 'string' },
    'pan-seconds': { type: 'string' },
    only: { type: 'string' },
    network: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
}
