/**
 * npm run import:cbs -- --out data/<id> [--gemeente GM1979[,GM0014]] [--period 2024] [--code-field CODE]
 *                       [--title "…"] FILE...
 *
 * Builds a dataset package from CBS files: kwb downloads (kwb-YYYY.csv / .xlsx), boundaries as GeoJSON (PDOK
 * wijkenbuurten, the Wijk- en buurtkaart, or any GeoJSON with a code property named by --code-field), and CBS
 * OData dumps (TypedDataSet JSON, with <table>_DataProperties.json beside them for labels and units).
 */
import { validationMessages } from '../src/app/i18n/validation.en.ts';
import { formatIssue } from '../src/data/issueText.ts';
import { PackageError } from '../src/data/package.ts';
import { ImportError, importCbs } from './cbs/importCbs.ts';

const USAGE = `usage: npm run import:cbs -- --out data/<id> [--gemeente GM1979[,GM0014]] [--period YEAR]
                          [--code-field NAME] [--title TEXT] FILE...`;

function parse(argv: string[]) {
  const files: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return null;
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
      const value = inline ?? argv[++i];
      if (value === undefined) throw new Error(`--${name} needs a value`);
      flags.set(name, value);
    } else files.push(arg);
  }
  for (const name of flags.keys())
    if (!['out', 'gemeente', 'period', 'code-field', 'title', 'id'].includes(name))
      throw new Error(`unknown option --${name}`);
  const out = flags.get('out');
  if (!out) throw new Error('--out is required (the package folder, e.g. data/eemsdelta)');
  if (files.length === 0) throw new Error('give at least one CBS file');
  const gemeenten = flags
    .get('gemeente')
    ?.split(',')
    .map((g) => g.trim().toUpperCase());
  for (const g of gemeenten ?? [])
    if (!/^GM\d{4}$/.test(g)) throw new Error(`--gemeente ${g}: a gemeente code is GM and four digits, e.g. GM1979`);
  const period = flags.has('period') ? Number(flags.get('period')) : undefined;
  if (period !== undefined && !Number.isInteger(period))
    throw new Error(`--period ${flags.get('period')}: give a year`);
  return {
    out,
    files,
    ...(gemeenten && { gemeenten }),
    ...(period !== undefined && { period }),
    ...(flags.has('code-field') && { codeField: flags.get('code-field')! }),
    ...(flags.has('title') && { title: flags.get('title')! }),
    ...(flags.has('id') && { id: flags.get('id')! }),
  };
}

async function main() {
  let options: ReturnType<typeof parse>;
  try {
    options = parse(process.argv.slice(2));
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
    if (result.mergers.length > 0)
      console.log(`  crosswalk: ${result.mergers.map((m) => `${m.from}→${m.to}`).join(', ')}`);
  } catch (error) {
    if (error instanceof ImportError) {
      for (const m of error.messages) console.error(`error: ${m.text}`);
    } else if (error instanceof PackageError) {
      for (const issue of error.issues) console.error(`error: ${formatIssue(issue, validationMessages)}`);
    } else throw error;
    console.error('import:cbs: nothing was written');
    process.exit(1);
  }
}

await main();
