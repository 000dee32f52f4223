/**
 * npm run compass -- --package <dir> [--out <file.csv>] [--public <file.csv>] [--period <year>]
 *
 * `--public` writes the public table: exactly what the app publishes after disclosure control (src/data/publish.ts),
 * one row per area × indicator × period, with `status` saying why a value is missing (`secret`, `not_published`).
 *
 * Writes the verdict sheet (src/export/verdictSheet.ts): one row per area × indicator × period with the value, its
 * 95 % interval, the verdicts since the previous measurement and against the gemeente, the aim status with the
 * probability that the aim is met, and the signal — computed by the app's own code on the package loaded in DuckDB.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { validationMessages } from '../src/app/i18n/validation.en.ts';
import { formatIssue } from '../src/data/issueText.ts';
import { loadPackage } from '../src/data/load.ts';
import { PACKAGE_FILES, PackageError, type PackageFiles } from '../src/data/package.ts';
import { createNodeConnector } from '../src/db/node.ts';
import { publicTableCsv } from '../src/export/publicTable.ts';
import { verdictSheet, verdictSheetCsv } from '../src/export/verdictSheet.ts';

const USAGE = 'usage: npm run compass -- --package <dir> [--out <file.csv>] [--public <file.csv>] [--period <year>]';

function fail(message: string): never {
  console.error(`compass: ${message}\n${USAGE}`);
  process.exit(2);
}

async function main() {
  let values: { package?: string; out?: string; public?: string; period?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        package: { type: 'string' },
        out: { type: 'string' },
        public: { type: 'string' },
        period: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!values.package) fail('--package is required (a dataset package folder, e.g. data/demo)');
  if (!values.out && !values.public) fail('give --out (the verdict sheet) and/or --public (the public table)');
  const period = values.period === undefined ? undefined : Number(values.period);
  if (period !== undefined && !Number.isInteger(period)) fail(`--period ${values.period}: give a year`);
  const dir = values.package;
  const files: Partial<PackageFiles> = {};
  for (const name of PACKAGE_FILES) {
    const path = join(dir, name);
    if (existsSync(path)) files[name] = readFileSync(path, 'utf8');
  }
  if (!files['observations.csv'] && existsSync(join(dir, 'obs'))) {
    fail(`${dir} is a partitioned package (obs/); the verdict sheet reads packages with observations.csv`);
  }
  const db = await createNodeConnector();
  try {
    const pkg = await loadPackage(db, files);
    if (period !== undefined && !pkg.meta.periods.includes(period)) {
      fail(`--period ${period}: the package has ${pkg.meta.periods.join(', ')}`);
    }
    if (values.out) {
      const rows = await verdictSheet(db, pkg, period === undefined ? {} : { period });
      writeFileSync(values.out, verdictSheetCsv(rows));
      const signals = rows.filter((r) => r.signal !== null).length;
      console.log(`compass: ${values.out}: ${rows.length} rows, ${signals} signals`);
    }
    if (values.public) {
      const table = await publicTableCsv(db, period);
      writeFileSync(values.public, table.csv);
      console.log(
        `compass: ${values.public}: ${table.rows} rows, ${table.secret} secret, ${table.notPublished} not published`,
      );
    }
  } catch (error) {
    if (error instanceof PackageError) {
      for (const issue of error.issues) console.error(`error: ${formatIssue(issue, validationMessages)}`);
      console.error('compass: nothing was written');
      process.exit(1);
    }
    throw error;
  } finally {
    db.close();
  }
}

await main();
