/**
 * `npm run fetch:cbs`: download, then build the package with the importer. The importer comes in as an argument
 * so the flow (and its exit codes) can be tried without it.
 */
import type { ImportOptions, ImportResult } from '../importCbs.ts';
import { downloadCbs } from './download.ts';
import { UserError } from './errors.ts';
import { parseFetchArgs, USAGE } from './options.ts';
import { withSourcesAside } from './sourcesAside.ts';
import { yearRanges } from './tables.ts';

export interface FetchCbsDeps {
  env: Readonly<Record<string, string | undefined>>;
  importCbs: (options: ImportOptions) => Promise<ImportResult>;
  fetch?: typeof fetch;
  /** Progress and results (stdout). */
  print: (line: string) => void;
  /** Errors (stderr). */
  printError: (line: string) => void;
  /** For tests: no pause before retrying a 5xx. */
  retryDelayMs?: number;
}

/** Errors the importer throws about the data (a file it cannot read, a package that fails validation). */
const IMPORT_ERRORS = new Set(['ImportError', 'PackageError']);

/** An error the user can act on: a bad option, an unreachable service, a file the importer refuses. */
function isUserError(error: unknown): error is Error {
  return error instanceof UserError || (error instanceof Error && IMPORT_ERRORS.has(error.name));
}

/** Runs the command and returns its exit code; an unexpected error (a bug) is thrown with its stack. */
export async function runFetchCbs(argv: readonly string[], deps: FetchCbsDeps): Promise<number> {
  try {
    const args = parseFetchArgs(argv, deps.env);
    if (args === 'help') {
      deps.print(USAGE);
      return 0;
    }
    const files = await downloadCbs({
      gemeente: args.gemeenten,
      years: args.years,
      outDir: args.out,
      ...(args.cbsBase !== undefined && { cbsBase: args.cbsBase }),
      ...(args.pdokBase !== undefined && { pdokBase: args.pdokBase }),
      timeoutMs: args.timeoutMs,
      ...(deps.fetch !== undefined && { fetch: deps.fetch }),
      ...(deps.retryDelayMs !== undefined && { retryDelayMs: deps.retryDelayMs }),
      log: deps.print,
    });
    if (args.downloadOnly) {
      deps.print(`downloaded ${files.length} files; build the package from them with npm run import:cbs`);
      return 0;
    }
    const result = await withSourcesAside(args.out, files, (moved) =>
      deps.importCbs({ out: args.out, files: moved, gemeenten: args.gemeenten }),
    );
    for (const warning of result.warnings) deps.print(`warning: ${warning}`);
    // Which former gemeenten the package's series of a merged gemeente are the sum of, and for which years.
    for (const to of new Set(result.mergers.map((m) => m.to))) {
      const from = result.mergers.filter((m) => m.to === to).map((m) => m.from);
      const years = result.crosswalked.filter((c) => c.startsWith(`${to} `)).map((c) => Number(c.slice(to.length + 1)));
      deps.print(
        years.length > 0
          ? `${to} before the merger: the sum of ${from.join(', ')} (${yearRanges(years)})`
          : `${to}: the former gemeenten ${from.join(', ')} are in the package with their own figures, wijken and ` +
              `buurten, but not added up into ${to} (in no year without ${to} do they make up its area)`,
      );
    }
    deps.print(
      `package ${result.out}: ${result.areas} areas, ${result.indicators} indicators, ` +
        `${result.observations} observations, periods ${result.periods.join(', ')}`,
    );
    return 0;
  } catch (error) {
    if (!isUserError(error)) throw error;
    deps.printError(error.message);
    return 1;
  }
}
