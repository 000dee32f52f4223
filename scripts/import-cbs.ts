/**
 * npm run import:cbs -- --out data/<id> [--gemeente GM1979[,GM0014]] [--period 2024] [--code-field CODE]
 *                       [--title "…"] [--no-simplify] FILE...
 *
 * Builds a dataset package from CBS files: kwb downloads (kwb-YYYY.csv / .xlsx), boundaries as GeoJSON (PDOK
 * wijkenbuurten, the Wijk- en buurtkaart, or any GeoJSON with a code property named by --code-field), and CBS
 * OData dumps (TypedDataSet JSON, with <table>_DataProperties.json beside them for labels and units).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validationMessages } from '../src/app/i18n/validation.en.ts';
import { formatIssue } from '../src/data/issueText.ts';
import { PackageError } from '../src/data/package.ts';
import { parseCommandLine } from './args.ts';
import { ImportError, importCbs } from './cbs/importCbs.ts';

const USAGE = `usage: npm run import:cbs -- --out data/<id> [--gemeente GM1979[,GM0014]] [--period YEAR]
                          [--code-field NAME] [--title TEXT] [--no-simplify] FILE...`;

/** Node's own parser (scripts/args.ts), its errors worded as this command always worded them. */
export function parseImportArgs(argv: string[]) {
  const { values: flags, positionals: files } = parseOptions(argv);
  if (flags.help) return null;
  const out = flags.out;
  if (!out) throw new Error('--out is required (the package folder, e.g. data/eemsdelta)');
  if (files.length === 0) throw new Error('give at least one CBS file');
  const gemeenten = flags.gemeente?.split(',').map((g) => g.trim().toUpperCase());
  for (const g of gemeenten ?? [])
    if (!/^GM\d{4}$/.test(g)) throw new Error(`--gemeente ${g}: a gemeente code is GM and four digits, e.g. GM1979`);
  const period = flags.period !== undefined ? Number(flags.period) : undefined;
  if (period !== undefined && !Number.isInteger(period)) throw new Error(`--period ${flags.period}: give a year`);
  return {
    out,
    files,
    ...(gemeenten && { gemeenten }),
    ...(period !== undefined && { period }),
    ...(flags['code-field'] !== undefined && { codeField: flags['code-field'] }),
    ...(flags.title !== undefined && { title: flags.title }),
    ...(flags.id !== undefined && { id: flags.id }),
    ...(flags['no-simplify'] && { simplify: false }),
  };
}

function parseOptions(argv: string[]) {
  return parseCommandLine(
    argv,
    {
      out: { type: 'string' },
      gemeente: { type: 'string' },
      period: { type: 'string' },
      'code-field': { type: 'string' },
      title: { type: 'string' },
      id: { type: 'string' },
      'no-simplify': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    { allowPositionals: true },
  );
}

async function main() {
  let options: ReturnType<typeof parseImportArgs>;
  try {
    options = parseImportArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`import:cbs: ${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (!options) {
    console.log(USAGE);
    return;
  }
  const started = performance.now();
  try {
    const result = await importCbs(options);
    for (const w of result.warnings) console.warn(`warning: ${w}`);
    console.log(
      `import:cbs: ${result.out}: ${result.areas} areas, ${result.indicators} indicators, ` +
        `${result.observations} values, years ${result.periods.join(', ')} ` +
        `(${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
    const b = result.boundaries;
    if (b.bytesAfter !== b.bytesBefore)
      console.log(
        `  boundaries simplified: ${b.verticesBefore} → ${b.verticesAfter} vertices, ` +
          `${b.bytesBefore} → ${b.bytesAfter} bytes (--no-simplify keeps them as the sources drew them)`,
      );
    if (result.mergers.length > 0)
      console.log(`  crosswalk: ${result.mergers.map((m) => `${m.from}→${m.to}`).join(', ')}`);
  } catch (error) {
    if (error instanceof ImportError) {
      for (const m of error.messages) console.error(`error: ${m.text}`);
    } else if (error instanceof PackageError) {
      for (const issue of error.issues) console.error(`error: ${formatIssue(issue, validationMessages)}`);
    } else {
      // A failure no check foresaw: its message, not a stack trace (GK_DEBUG=1 shows the stack).
      console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
      if (process.env.GK_DEBUG) console.error(error);
    }
    console.error('import:cbs: nothing was written');
    process.exit(1);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
