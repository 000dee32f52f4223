/** Command-line options of scripts/bench.ts. */
import { join } from 'node:path';
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
}

export const USAGE = `usage: npm run bench -- [--quick] [--runs N] [--switches N] [--dataset ID] [--data-dir DIR]
       [--load-timeout S] [--switch-timeout S] [--settle MS] [--pan-seconds S] [--only app|baseline]
  --quick: the demo package (data/demo), first view x2, switches x20
  default: the national package (data/.national/national; npm run generate:national), first view x3, switches x50`;

export function parseOptions(argv: readonly string[], root: string): BenchOptions {
  const flags = new Map<string, string>();
  let quick = false;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    if (flag === '--quick') quick = true;
    else if (flag === '--help' || flag === '-h') throw new Error(USAGE);
    else if (flag.startsWith('--')) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
      flags.set(flag.slice(2), value);
    } else throw new Error(`unexpected argument ${flag}\n${USAGE}`);
  }
  const known = [
    'runs',
    'switches',
    'dataset',
    'data-dir',
    'load-timeout',
    'switch-timeout',
    'settle',
    'pan-seconds',
    'only',
  ];
  for (const name of flags.keys()) if (!known.includes(name)) throw new Error(`unknown option --${name}\n${USAGE}`);
  const number = (name: string, fallback: number) => {
    const text = flags.get(name);
    if (text === undefined) return fallback;
    const n = Number(text);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number\n${USAGE}`);
    return n;
  };
  const only = flags.get('only');
  if (only !== undefined && only !== 'app' && only !== 'baseline') throw new Error(`--only: app or baseline`);
  const dataDir =
    flags.get('data-dir') ?? process.env.GEBIEDSKOMPAS_DATA_DIR ?? join(root, 'data', ...(quick ? [] : ['.national']));
  return {
    quick,
    dataDir,
    dataset: flags.get('dataset') ?? (quick ? 'demo' : 'national'),
    runs: Math.max(1, Math.round(number('runs', quick ? 2 : 3))),
    switches: Math.max(1, Math.round(number('switches', quick ? 20 : 50))),
    loadTimeoutMs: number('load-timeout', quick ? 60 : 900) * 1000,
    switchTimeoutMs: number('switch-timeout', quick ? 10 : 60) * 1000,
    settleMs: number('settle', 120),
    panMs: number('pan-seconds', 3) * 1000,
    targets: only ? [only] : ['app', 'baseline'],
  };
}
