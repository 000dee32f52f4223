/**
 * Writes a synthetic dataset package at the scale of the Netherlands (issue "All of the Netherlands, at the speed of
 * thought"): ~345 gemeenten, ~3,300 wijken, ~14,500 buurten, 150 indicators, 2013–2025, about 28 million
 * observations; `--scale small` writes a package of a dozen gemeenten for the tests.
 *
 *   npm run generate:national -- [--out DIR] [--scale full|small] [--seed N]     (default out: data/.national/national)
 *   npm run generate:national -- --first-only --out DIR      (rewrites only DIR/first/ of a package written before)
 *
 * The package is *partitioned*: the browser fetches only what a view draws. Observations are Arrow IPC streams, per
 * indicator and period (obs/ip/…, one map) and per area (obs/area/<code>.arrow, one area's Kompas); geometry
 * is one GeoJSON per level (geo/…); areas.csv lists every area; the package id is the folder's name. The precomputed
 * first view (first/, src/data/firstView.ts) is asked of the finished package the way the page asks it
 * (scripts/firstView.ts), and dataset.json declares it.
 *
 * Why no observations.parquet: DuckDB-WASM reads Parquet through an extension it downloads at runtime, and no npm
 * package ships that extension, so an offline browser could not read it. Arrow IPC it reads natively.
 *
 * Deterministic: every random number comes from a named, seeded stream (scripts/demo/rng.ts), nothing reads the
 * clock (except the progress timings printed), and files are written in a fixed order with fixed formatting, so the
 * same options (and folder name) write the same bytes. `generateNational()` is the same as a library call (tests).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { declareFirstView, declaresFirstView } from '../src/data/firstView.ts';
import { stream } from './demo/rng.ts';
import { writePartitionedFirstView } from './firstView.ts';
import { geoFiles } from './national/geo.ts';
import { indicatorsFor } from './national/indicators.ts';
import { buildDensity, buildLand } from './national/land.ts';
import { aimsCsv, areaRows, areasCsv, datasetJson, indicatorsCsv, packageId } from './national/meta.ts';
import { nameAreas } from './national/names.ts';
import { nationalBlocks, writeAreaFiles, writeIndicatorFiles } from './national/observations.ts';
import { type Options, parseArgs } from './national/options.ts';
import { buildPopulation } from './national/profiles.ts';
import { publishPartitions } from './national/publish.ts';
import { buildRegions } from './national/regions.ts';
import { tessellate } from './national/seeds.ts';

/** Progress every tenth of `n` steps. */
const every = (n: number) => Math.max(1, Math.round(n / 10));

export interface Summary {
  counts: {
    gemeenten: number;
    wijken: number;
    buurten: number;
    indicators: number;
    periods: number;
    observations: number;
  };
  bytes: Record<string, number>;
  files: Record<string, number>;
}

/**
 * `publish` false writes the model's raw counts, unprotected and undeclared (as packages were before the build
 * published them): tests of the model and of the browser's per-file publish use it.
 */
export async function generateNational({
  out,
  scale,
  seed,
  log,
  publish = true,
}: Options & { publish?: boolean }): Promise<Summary> {
  const start = performance.now();
  let lap = start;
  const step = (what: string) => {
    const now = performance.now();
    log(`${what} (${((now - lap) / 1000).toFixed(1)} s)`);
    lap = now;
  };
  const rng = (name: string) => stream(`national:${name}`, seed);

  const land = buildLand(scale.islands);
  const density = buildDensity(land, scale.buurten, rng('density'));
  const tessellation = tessellate(land, density, scale.buurten, rng('seeds'));
  const regions = buildRegions(tessellation, density, scale, rng('regions'));
  const population = buildPopulation(tessellation, regions, density, scale.periods, rng('population'));
  const names = nameAreas(regions, population.kinds, rng('names'));
  const indicators = indicatorsFor(scale.indicators, scale.periods);
  step(
    `geography: ${regions.gemeenten.length} gemeenten, ${regions.wijken.length} wijken, ` +
      `${tessellation.cells.length} buurten, ${population.profiles.reduce((s, p) => s + p.pop2025, 0)} inhabitants`,
  );

  const files: Record<string, number> = {};
  const bytes: Record<string, number> = {};
  const put = (path: string, text: string, group = path) => {
    writeFileSync(join(out, path), text);
    files[group] = (files[group] ?? 0) + 1;
    bytes[group] = (bytes[group] ?? 0) + Buffer.byteLength(text);
  };
  for (const dir of ['obs', 'geo', 'first']) rmSync(join(out, dir), { recursive: true, force: true });
  mkdirSync(join(out, 'geo'), { recursive: true });

  const geo = await geoFiles(tessellation, regions, names);
  for (const level of ['gemeente', 'wijk', 'buurt'] as const) put(`geo/${level}.geojson`, geo[level]);
  const s = geo.stats;
  step(
    `geo: gemeente ${bytes['geo/gemeente.geojson']} B, wijk ${bytes['geo/wijk.geojson']} B, buurt ` +
      `${bytes['geo/buurt.geojson']} B; vertices ${s.verticesBefore} → ${s.verticesAfter}; ` +
      `crossings: buurt ${s.buurtConflicts}, wijk ${s.wijkConflicts}`,
  );

  const rows = areaRows(regions, names);
  const biggest = regions.gemeenten.reduce(
    (best, g, i) => ((g.population ?? 0) > (regions.gemeenten[best]!.population ?? 0) ? i : best),
    0,
  );
  const gemeente = regions.gemeenteCode[biggest]!;
  const row = (code: string) => rows.find((r) => r.code === code)!;
  const other = regions.gemeenteCode[(biggest + Math.floor(regions.gemeenten.length / 2)) % regions.gemeenten.length]!;
  put('areas.csv', areasCsv(rows));
  put('indicators.csv', indicatorsCsv(indicators));
  put(
    'aims.csv',
    aimsCsv(indicators, row(gemeente), row(regions.wijkCode[regions.gemeenten[biggest]!.wijken[0]!]!), row(other)),
  );

  const ctx = { regions, population, seed };
  const nl = nationalBlocks(indicators);
  const gm = writeAreaFiles(ctx, indicators, nl, out, (done, total) => {
    if (done % every(total) === 0 || done === total) log(`  obs/area ${done}/${total} gemeenten`);
  });
  step(`obs/area: ${gm.files} files, ${gm.rows} rows, ${gm.bytes} B`);
  const ip = writeIndicatorFiles(ctx, indicators, nl, out, (done, total) => {
    if (done % every(total) === 0 || done === total) log(`  obs/ip ${done}/${total} indicators`);
  });
  step(`obs/ip: ${ip.files} files, ${ip.rows} rows, ${ip.bytes} B`);
  if (ip.rows !== gm.rows)
    throw new Error(`the partitions disagree: ${ip.rows} rows per indicator, ${gm.rows} per area`);
  if (publish) {
    const published = await publishPartitions(out, (done, total) => {
      if (done % every(total) === 0 || done === total) log(`  published ${done}/${total} gemeenten`);
    });
    gm.bytes = published.bytes['obs/area'];
    ip.bytes = published.bytes['obs/ip'];
    step(`published: ${published.hidden} of ${published.rows} rows secret, ${published.parts} parts`);
  }

  const counts = {
    gemeenten: regions.gemeenten.length,
    wijken: regions.wijken.length,
    buurten: tessellation.cells.length,
    indicators: indicators.length,
    periods: scale.periods.length,
    observations: ip.rows,
  };
  const meta = datasetJson(packageId(out), scale, seed, gemeente, indicators, counts, publish);
  if (publish) {
    // The first view reads the package as the page does, dataset.json included; it is declared once it is written.
    writeFileSync(join(out, 'dataset.json'), meta);
    const first = await writePartitionedFirstView(out, (done, total) => {
      if (done % every(total) === 0 || done === total) log(`  first ${done}/${total} batches`);
    });
    Object.assign(files, { first: first.files });
    Object.assign(bytes, { first: first.bytes });
    step(`first: ${first.files} files, ${first.bytes} B`);
  }
  put('dataset.json', publish ? declareFirstView(meta) : meta);
  Object.assign(files, { 'obs/area': gm.files, 'obs/ip': ip.files });
  Object.assign(bytes, { 'obs/area': gm.bytes, 'obs/ip': ip.bytes });
  log(`done: ${counts.observations} observations in ${((performance.now() - start) / 1000).toFixed(1)} s → ${out}`);
  return { counts, bytes, files };
}

/**
 * Rewrites only `first/` of a package this generator published at build (its observation files, geometry and
 * dataset.json stay), as the generator's last step writes it, after removing the old one: for a package written before the first view's files
 * changed (at full scale the whole generation takes over an hour, the first view alone a fraction of it).
 */
export async function rewriteFirstView(
  out: string,
  log: (line: string) => void,
): Promise<{ files: number; bytes: number }> {
  const path = join(out, 'dataset.json');
  if (!existsSync(path)) throw new Error(`no package in ${out} (no dataset.json)`);
  const meta = readFileSync(path, 'utf8');
  const { layout, published } = JSON.parse(meta) as { layout?: string; published?: string };
  if (layout !== 'partitioned' || published !== 'build')
    throw new Error(`${out} is not a partitioned package published at build: write it whole with generate:national`);
  const start = performance.now();
  // Files of an earlier format (a partitioned package's first/dispersion/, which the page no longer reads) go with it.
  rmSync(join(out, 'first'), { recursive: true, force: true });
  const first = await writePartitionedFirstView(out, (done, total) => {
    if (done % every(total) === 0 || done === total) log(`  first ${done}/${total} batches`);
  });
  if (!declaresFirstView(meta)) writeFileSync(path, declareFirstView(meta));
  log(`first: ${first.files} files, ${first.bytes} B (${((performance.now() - start) / 1000).toFixed(1)} s) → ${out}`);
  return first;
}

async function main() {
  try {
    const { firstOnly, ...options } = parseArgs(process.argv.slice(2));
    const out = resolve(options.out);
    const log = (line: string) => console.log(line);
    if (firstOnly) await rewriteFirstView(out, log);
    else {
      mkdirSync(out, { recursive: true });
      await generateNational({ ...options, out, log });
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
