/**
 * `npm run bench`: the app against the baseline (src/baseline/: the whole table in JS arrays, filtered in JS, the
 * map recoloured with setData), the same actions on both, in headless Chromium on the built site (issue "All of
 * the Netherlands, at the speed of thought"). Figures: first view cold and warm; indicator, year and area switches
 * (p50/p95); frame times while panning at buurt zoom; memory; JS, wasm and dataset bytes. Prints a table and
 * writes bench-results/bench.json.
 *
 *   npm run bench -- --quick          the demo package, a minute or two
 *   npm run bench                     the national package in data/.national (npm run generate:national)
 *
 * Every action has a timeout and records a failure instead of hanging; a figure whose performance marks a page
 * never sets is reported as n/a with the reason.
 */
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { measureFirstViews, VIEWPORT } from './bench/firstView.ts';
import { measureAreaSwitches, measurePan, measureSwitches, resetSelect } from './bench/interactions.ts';
import { CONNECTION, measureNetwork } from './bench/network.ts';
import { type BenchOptions, parseOptions } from './bench/options.ts';
import { reason, waitForMarks, withTimeout } from './bench/page.ts';
import { printTable, rows, writeJson } from './bench/report.ts';
import { type PackageInfo, packageInfo, serve } from './bench/server.ts';
import { Results, type Target } from './bench/stats.ts';
import { launchBrowser, mapIdle } from './browser.ts';

const ROOT = join(import.meta.dirname, '..');
const PATHS: Record<Target, string> = { app: '', baseline: 'src/baseline/index.html' };

const log = (line: string) => console.log(line);

/** The machine's load average at each stage; a 1-min average above the core count makes the figures untrustworthy. */
const loads: { stage: string; loadavg: number[] }[] = [];
function recordLoad(stage: string) {
  const avg = loadavg().map((v) => Math.round(v * 100) / 100);
  loads.push({ stage, loadavg: avg });
  const cores = cpus().length;
  log(`  load average ${avg.join(' ')} (${cores} cores) at ${stage}`);
  if (avg[0]! > cores)
    log(`  WARNING: 1-min load average ${avg[0]} exceeds the ${cores} cores: this run is too noisy to trust`);
}

/** One page, loaded once, for the switches, the clicks and the pan (in that order). */
async function measureInteractions(
  browser: Browser,
  url: string,
  target: Target,
  pkg: PackageInfo,
  opts: BenchOptions,
  results: Results,
) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await withTimeout(page.goto(url, { waitUntil: 'commit' }), opts.loadTimeoutMs, 'navigation');
    await waitForMarks(page, ['gk:kompas-drawn'], opts.loadTimeoutMs, 0);
    await withTimeout(mapIdle(page, opts.loadTimeoutMs), opts.loadTimeoutMs, 'map idle');
    const size = await page.evaluate(() => {
      const canvas = window.__gebiedskompas?.map?.getCanvas();
      return canvas ? `${canvas.clientWidth}×${canvas.clientHeight}` : 'none';
    });
    log(`  ${target}: map canvas ${size} px`);
    const started = Date.now();
    const indicators = pkg.indicators.filter((i) => pkg.periodsOf(i).includes(pkg.defaultPeriod));
    await measureSwitches(page, 'indicator', indicators, opts, results, target);
    log(`  ${target}: ${opts.switches} indicator switches (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    await resetSelect(page, 'indicator', pkg.defaultIndicator, opts);
    const periods = pkg.periodsOf(pkg.defaultIndicator).map(String);
    await measureSwitches(page, 'year', periods, opts, results, target);
    log(`  ${target}: ${opts.switches} year switches (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    await resetSelect(page, 'period', String(pkg.defaultPeriod), opts);
    await measureAreaSwitches(page, opts, results, target);
    log(`  ${target}: ${opts.switches} area clicks (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    await measurePan(page, opts, results, target);
    log(`  ${target}: pan (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  } catch (error) {
    const why = `interactions stopped: ${reason(error)}`;
    log(`  ${target}: ${why}`);
    for (const key of ['indicator_switch_data_ready_ms', 'year_switch_data_ready_ms', 'area_switch_kompas_ms'])
      results.series(key, target).fail(why);
  } finally {
    if (errors.length > 0) log(`  ${target}: page errors: ${errors.slice(0, 3).join(' | ')}`);
    await context.close().catch(() => undefined);
  }
}

async function main() {
  const opts = parseOptions(process.argv.slice(2), ROOT);
  const pkg = packageInfo(opts.dataDir, opts.dataset);
  const started = Date.now();
  log(
    `bench: package ${pkg.id} (${pkg.partitioned ? 'partitioned' : 'plain'}, ${pkg.indicators.length} indicators, ` +
      `${pkg.periods.length} periods, ${(pkg.diskBytes / 1024 / 1024).toFixed(1)} MB) from ${opts.dataDir}; ` +
      `first view x${opts.runs}, switches x${opts.switches}`,
  );
  const server = await serve(ROOT, opts.dataDir);
  const browser = await launchBrowser();
  const results = new Results();
  try {
    for (const target of opts.targets) {
      const url = `${server.base}${PATHS[target]}?dataset=${encodeURIComponent(pkg.id)}`;
      log(`${target}: ${url}`);
      recordLoad(`${target} first views`);
      await measureFirstViews(
        browser,
        url,
        target,
        opts,
        results,
        pkg.diskBytes,
        join(ROOT, process.env.GK_OUT_DIR ?? 'dist'),
        log,
      );
      recordLoad(`${target} interactions`);
      await measureInteractions(browser, url, target, pkg, opts, results);
      if (!opts.networkTargets.includes(target)) continue;
      recordLoad(`${target} network (${CONNECTION.downMbit} Mbit/s, ${CONNECTION.rttMs} ms)`);
      await measureNetwork(browser, server, url, target, opts, results, VIEWPORT, log);
    }
    recordLoad('end');
  } finally {
    await browser.close().catch(() => undefined);
    await server.close();
  }
  const list = rows(results, opts.targets);
  log('');
  printTable(list, log);
  const worst = Math.max(...loads.map((l) => l.loadavg[0]!));
  log(
    `load average (1 min) during the run: max ${worst} on ${cpus().length} cores` +
      (worst > cpus().length ? ' — WARNING: too high to trust these figures' : ''),
  );
  const path = writeJson(ROOT, list, opts, {
    package: { id: pkg.id, partitioned: pkg.partitioned, indicators: pkg.indicators.length, periods: pkg.periods },
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? '', loads },
    connection: CONNECTION,
    seconds: Math.round((Date.now() - started) / 1000),
  });
  log(`\nwritten ${path} (${Math.round((Date.now() - started) / 1000)} s)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
