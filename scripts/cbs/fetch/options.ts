/** The command line of `npm run fetch:cbs`: flags, environment, usage text. */
import { parseCommandLine } from '../../args.ts';
import { checkGemeenten, DEFAULT_TIMEOUT_MS } from './download.ts';
import { UserError } from './errors.ts';
import { KNOWN_YEARS, yearRanges } from './tables.ts';

export interface FetchCbsArgs {
  gemeenten: string[];
  years: number[];
  out: string;
  cbsBase?: string;
  pdokBase?: string;
  timeoutMs: number;
  downloadOnly: boolean;
}

export const USAGE = `usage: npm run fetch:cbs -- --gemeente GM1979 --years 2013-2024 --out data/eemsdelta [options]

Downloads the CBS Kerncijfers wijken en buurten (opendata.cbs.nl) and the PDOK boundaries of a gemeente for the
given years into <out>/.sources/<year>/, then builds the dataset package in <out> from them. Before a merger the
former gemeenten are downloaded too and added up into the gemeente asked for.

  --gemeente CODE[,CODE…]  CBS gemeente code, GM and four digits (several: repeat it or list them). The gemeenten
                           a merger joined are found from the boundaries and downloaded for the years before it
                           (Eemsdelta, GM1979, since 2021: Appingedam, Delfzijl and Loppersum before)
  --years LIST             2024, 2013-2024 or 2015,2019-2024 (CBS tables known: ${yearRanges(KNOWN_YEARS)})
  --out DIR                the package folder
  --cbs-base URL           CBS OData root (default https://opendata.cbs.nl/ODataApi/odata;
                           environment GEBIEDSKOMPAS_CBS_BASE)
  --pdok-base URL          one root for the PDOK OGC API and WFS (default https://api.pdok.nl and
                           https://service.pdok.nl; environment GEBIEDSKOMPAS_PDOK_BASE)
  --timeout SECONDS        per request (default ${DEFAULT_TIMEOUT_MS / 1000})
  --download-only          download only; build the package later with npm run import:cbs
  -h, --help               this text

Without internet: download the files elsewhere and build the package with npm run import:cbs.`;

const SHORT_USAGE = 'usage: npm run fetch:cbs -- --gemeente GM1979 --years 2015-2024 --out DIR (--help for more)';

function fail(message: string): never {
  throw new UserError(`${message}\n${SHORT_USAGE}`);
}

/** "2015-2024", "2024", "2015,2019-2024" → the years, ascending, once each. */
export function parseYears(text: string): number[] {
  const years = new Set<number>();
  for (const part of text.split(',')) {
    const match = /^\s*(\d{4})\s*(?:[-–]\s*(\d{4})\s*)?$/.exec(part);
    if (!match) fail(`--years takes years such as 2024, 2015-2024 or 2015,2019-2024 (got '${text}')`);
    const from = Number(match[1]);
    const to = Number(match[2] ?? match[1]);
    if (to < from) fail(`--years: ${from}-${to} runs backwards`);
    for (let y = from; y <= to; y++) years.add(y);
  }
  return [...years].sort((a, b) => a - b);
}

/** The options, or 'help'. Flags win over the environment; `--flag=value` works as well as `--flag value`. */
export function parseFetchArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): FetchCbsArgs | 'help' {
  let flags: ReturnType<typeof parseFetchFlags>['values'];
  try {
    ({ values: flags } = parseFetchFlags(argv));
  } catch (error) {
    fail((error as Error).message);
  }
  if (flags.help) return 'help';
  for (const [name, value] of Object.entries(flags)) {
    if (value === '' || (Array.isArray(value) && value.includes(''))) fail(`--${name} needs a value`);
  }
  const gemeenten = (flags.gemeente ?? []).flatMap((g) => g.split(','));
  let timeoutMs = DEFAULT_TIMEOUT_MS;
  if (flags.timeout !== undefined) {
    const seconds = Number(flags.timeout);
    if (!(seconds > 0)) fail(`--timeout takes a number of seconds above 0 (got '${flags.timeout}')`);
    timeoutMs = seconds * 1000;
  }
  if (gemeenten.length === 0) fail('--gemeente is missing (a CBS gemeente code such as GM1979)');
  if (flags.years === undefined) fail('--years is missing (e.g. 2015-2024)');
  const years = parseYears(flags.years);
  if (flags.out === undefined) fail('--out is missing (the package folder, e.g. data/eemsdelta)');
  const cbsBase = flags['cbs-base'] ?? (env.GEBIEDSKOMPAS_CBS_BASE || undefined);
  const pdokBase = flags['pdok-base'] ?? (env.GEBIEDSKOMPAS_PDOK_BASE || undefined);
  return {
    gemeenten: checkGemeenten(gemeenten),
    years,
    out: flags.out,
    ...(cbsBase !== undefined && { cbsBase }),
    ...(pdokBase !== undefined && { pdokBase }),
    timeoutMs,
    downloadOnly: flags['download-only'] ?? false,
  };
}

function parseFetchFlags(argv: readonly string[]) {
  return parseCommandLine(argv, {
    gemeente: { type: 'string', multiple: true },
    years: { type: 'string' },
    out: { type: 'string' },
    'cbs-base': { type: 'string' },
    'pdok-base': { type: 'string' },
    timeout: { type: 'string' },
    'download-only': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
}
