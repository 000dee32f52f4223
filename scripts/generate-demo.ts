/**
 * Writes the demo dataset package `data/demo/`: a fictional municipality with synthetic social-domain figures.
 * Deterministic: a seeded PRNG, no clock, stable ordering and fixed number formatting, so every run writes the same
 * bytes. `npm run generate:demo`; `generateDemo()` returns the files without writing (for the tests).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { declareFirstView } from '../src/data/firstView.ts';
import {
  type DatasetMeta,
  FORMAT_VERSION,
  INDICATOR_COLUMNS,
  PACKAGE_FILES,
  type PackageFiles,
} from '../src/data/package.ts';
import { aimsCsv } from './demo/aims.ts';
import { areasGeojson, planGebieden } from './demo/areas.ts';
import { type Cell, toCsv } from './demo/csv.ts';
import { voronoiCells } from './demo/geometry.ts';
import { INDICATORS, PERIODS } from './demo/indicators.ts';
import { buildLayout, GEMEENTE } from './demo/layout.ts';
import { simulateBuurten } from './demo/model.ts';
import { completeTable, observationsCsv } from './demo/observations.ts';
import { writeFirstView } from './firstView.ts';

export const DEMO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'demo');

function datasetJson(): string {
  const meta: DatasetMeta = {
    id: 'demo',
    format_version: FORMAT_VERSION,
    title: { nl: 'Voorbeeldgemeente (fictief) — demo', en: 'Example municipality (fictional) — demo' },
    description: {
      nl: 'Synthetische demodata over een verzonnen gemeente. De cijfers zijn door een model gemaakt en zeggen niets over een echte plaats.',
      en: 'Synthetic demo data about an invented municipality. The figures were made by a model and say nothing about any real place.',
    },
    publisher: 'Gebiedskompas (synthetische demodata)',
    licence: 'CC0 1.0',
    attribution: 'Synthetische demodata, geen echte cijfers (CC0)',
    gemeente: GEMEENTE.code,
    default_area: 'WK999901',
    default_indicator: 'jeugdhulp_pct',
    periods: [...PERIODS],
    default_period: PERIODS[PERIODS.length - 1]!,
  };
  return `${JSON.stringify(meta, null, 2)}\n`;
}

function indicatorsCsv(): string {
  const rows: Cell[][] = INDICATORS.map((i) => INDICATOR_COLUMNS.map((column) => i[column] ?? null));
  return toCsv(INDICATOR_COLUMNS, rows);
}

/** The five files of the demo package, as text. Pure: writes nothing. */
export function generateDemo(): PackageFiles {
  const layout = buildLayout();
  const cells = voronoiCells(layout.seeds, layout.buurten.length, layout.boundsKm);
  const { table, demography, profiles } = simulateBuurten(layout);
  completeTable(layout, table, demography);
  return {
    // main() writes first/ beside it, which dataset.json declares.
    'dataset.json': declareFirstView(datasetJson()),
    'areas.geojson': areasGeojson(layout, cells, planGebieden(layout, profiles)),
    'indicators.csv': indicatorsCsv(),
    'observations.csv': observationsCsv(table),
    'aims.csv': aimsCsv(),
  };
}

async function main() {
  const files = generateDemo();
  mkdirSync(DEMO_DIR, { recursive: true });
  for (const name of PACKAGE_FILES) {
    writeFileSync(join(DEMO_DIR, name), files[name]);
    console.log(`${join('data', 'demo', name)}  ${Buffer.byteLength(files[name])} bytes`);
  }
  console.log(`${join('data', 'demo', 'first')}/  ${await writeFirstView(files, DEMO_DIR)} bytes`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
