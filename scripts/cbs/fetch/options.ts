/** The command line of `npm run fetch:cbs`: flags, environment, usage text. */
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
  const gemeenten: string[] = [];
  let years: number[] | undefined;
  let out: string | undefined;
  let cbsBase = env.GEBIEDSKOMPAS_CBS_BASE || undefined;
  let pdokBase = env.GEBIEDSKOMPAS_PDOK_BASE || undefined;
  let timeoutMs = DEFAULT_TIMEOUT_MS;
  let downloadOnly = false;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      return v === undefined || v === '' || (inline === undefined && v.startsWith('--'))
        ? fail(`${flag} needs a value`)
        : v;
    };
    if (flag === '--help' || flag === '-h') return 'help';
    else if (flag === '--gemeente') gemeenten.push(...value().split(','));
    else if (flag === '--years') years = parseYears(value());
    else if (flag === '--out') out = value();
    else if (flag === '--cbs-base') cbsBase = value();
    else if (flag === '--pdok-base') pdokBase = value();
    else if (flag === '--timeout') {
      const text = value();
      const seconds = Number(text);
      if (!(seconds > 0)) fail(`--timeout takes a number of seconds above 0 (got '${text}')`);
      timeoutMs = seconds * 1000;
    } else if (flag === '--download-only') downloadOnly = true;
    else fail(`unknown option ${flag}`);
  }
  if (gemeenten.length === 0) fail('--gemeente is missing (a CBS gemeente code such as GM1979)');
  if (years === undefined) fail('--years is missing (e.g. 2015-2024)');
  if (out === undefined) fail('--out is missing (the package folder, e.g. data/eemsdelta)');
  return {
    gemeenten: checkGemeenten(gemeenten),
    years,
    out,
    ...(cbsBase !== undefined && { cbsBase }),
    ...(pdokBase !== undefined && { pdokBase }),
    timeoutMs,
    downloadOnly,
  };
}
