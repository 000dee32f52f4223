/** The benchmark's table (stdout) and bench-results/bench.json. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchOptions } from './options.ts';
import { type Results, type Summary, summarize, type Target } from './stats.ts';

interface Figure {
  key: string;
  label: string;
  unit: 'ms' | 'KB' | 'MB' | 'count';
  /** Whether baseline/app says how much better the app is (false for counts that should simply agree). */
  ratio: boolean;
}

export const FIGURES: Figure[] = [
  { key: 'first_view_cold_kompas_ms', label: 'first view cold → Kompas', unit: 'ms', ratio: true },
  {
    key: 'first_view_cold_kompas_complete_ms',
    label: 'first view cold → Kompas with tables',
    unit: 'ms',
    ratio: true,
  },
  { key: 'first_view_cold_map_idle_ms', label: 'first view cold → map idle', unit: 'ms', ratio: true },
  { key: 'first_view_warm_kompas_ms', label: 'first view warm → Kompas', unit: 'ms', ratio: true },
  {
    key: 'first_view_warm_kompas_complete_ms',
    label: 'first view warm → Kompas with tables',
    unit: 'ms',
    ratio: true,
  },
  { key: 'first_view_warm_map_idle_ms', label: 'first view warm → map idle', unit: 'ms', ratio: true },
  { key: 'indicator_switch_data_ready_ms', label: 'indicator switch: data ready', unit: 'ms', ratio: true },
  { key: 'indicator_switch_whole_ms', label: 'indicator switch: whole (map + trend)', unit: 'ms', ratio: true },
  {
    key: 'indicator_switch_in_hand_count',
    label: 'indicator switches with data in hand at the change',
    unit: 'count',
    ratio: false,
  },
  { key: 'year_switch_data_ready_ms', label: 'year switch: data ready', unit: 'ms', ratio: true },
  { key: 'year_switch_whole_ms', label: 'year switch: whole (map + trend)', unit: 'ms', ratio: true },
  {
    key: 'year_switch_in_hand_count',
    label: 'year switches with data in hand at the change',
    unit: 'count',
    ratio: false,
  },
  { key: 'area_switch_kompas_ms', label: 'area click → Kompas', unit: 'ms', ratio: true },
  { key: 'area_switch_kompas_complete_ms', label: 'area click → Kompas with tables', unit: 'ms', ratio: true },
  { key: 'pan_frame_ms', label: 'pan at buurt zoom: frame time', unit: 'ms', ratio: true },
  { key: 'pan_buurt_features', label: 'pan: buurt features rendered', unit: 'count', ratio: false },
  { key: 'memory_js_heap_mb', label: 'memory: JS heap (page)', unit: 'MB', ratio: true },
  { key: 'memory_array_buffers_mb', label: 'memory: ArrayBuffers (page)', unit: 'MB', ratio: true },
  { key: 'memory_duckdb_mb', label: 'memory: DuckDB (worker)', unit: 'MB', ratio: false },
  { key: 'js_gzip_before_kompas_kb', label: 'JS before Kompas (gzip -9)', unit: 'KB', ratio: true },
  { key: 'wasm_raw_kb', label: 'wasm (raw)', unit: 'KB', ratio: true },
  { key: 'wasm_gzip_kb', label: 'wasm (gzip -9)', unit: 'KB', ratio: true },
  { key: 'data_fetched_first_view_kb', label: 'dataset bytes fetched, first view', unit: 'KB', ratio: true },
  { key: 'package_on_disk_kb', label: 'dataset package on disk', unit: 'KB', ratio: false },
  // Over the emulated municipal connection (scripts/bench/network.ts), from the production server.
  { key: 'net_first_view_kompas_ms', label: '20 Mbit/s 40 ms: first visit → Kompas', unit: 'ms', ratio: true },
  { key: 'net_first_visit_kb', label: '20 Mbit/s: bytes sent, first visit', unit: 'KB', ratio: true },
  { key: 'net_repeat_visit_kb', label: '20 Mbit/s: bytes sent, repeat visit', unit: 'KB', ratio: true },
  { key: 'net_sw_first_view_kompas_ms', label: 'repeat visit from service worker → Kompas', unit: 'ms', ratio: true },
  { key: 'net_offline_first_view_kompas_ms', label: 'offline from service worker → Kompas', unit: 'ms', ratio: false },
  {
    key: 'net_first_view_uncompressed_kompas_ms',
    label: '20 Mbit/s, no compression: first visit → Kompas',
    unit: 'ms',
    ratio: true,
  },
  { key: 'net_first_visit_uncompressed_kb', label: '20 Mbit/s, no compression: bytes sent', unit: 'KB', ratio: true },
];

export interface Row {
  figure: string;
  label: string;
  unit: Figure['unit'];
  app: Summary;
  baseline: Summary;
  /** baseline p50 / app p50: higher is better for the app. */
  ratio: number | null;
}

export function rows(results: Results, targets: readonly Target[]): Row[] {
  const summary = (key: string, target: Target): Summary =>
    targets.includes(target)
      ? summarize(results.get(key, target))
      : { p50: null, p95: null, n: 0, failures: 0, note: 'not run (--only)' };
  return FIGURES.map((f) => {
    const app = summary(f.key, 'app');
    const baseline = summary(f.key, 'baseline');
    const ratio = f.ratio && app.p50 !== null && baseline.p50 !== null && app.p50 > 0 ? baseline.p50 / app.p50 : null;
    return { figure: f.key, label: f.label, unit: f.unit, app, baseline, ratio };
  });
}

function fmt(value: number | null, unit: Figure['unit']): string {
  if (value === null) return 'n/a';
  if (unit === 'count') return value.toFixed(0);
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

export function printTable(list: Row[], log: (line: string) => void): void {
  const head = ['figure', 'unit', 'app p50', 'app p95', 'base p50', 'base p95', 'ratio'];
  const body = list.map((r) => [
    r.label,
    r.unit,
    fmt(r.app.p50, r.unit),
    fmt(r.app.p95, r.unit),
    fmt(r.baseline.p50, r.unit),
    fmt(r.baseline.p95, r.unit),
    r.ratio === null ? '–' : `${r.ratio.toFixed(1)}×`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  log(line(head));
  log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const b of body) log(line(b));
  const notes = list.flatMap((r) =>
    (['app', 'baseline'] as const).flatMap((t) =>
      r[t].note && r[t].note !== 'not run (--only)' ? [`  ${r.label} (${t}): ${r[t].note}`] : [],
    ),
  );
  if (notes.length > 0) {
    log('notes:');
    for (const n of notes) log(n);
  }
  log('ratio = baseline p50 / app p50 (higher = better for the app); p95 is nearest-rank over the samples.');
}

export function writeJson(root: string, list: Row[], opts: BenchOptions, extra: Record<string, unknown>): string {
  const dir = join(root, 'bench-results');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'bench.json');
  const options = { ...opts, dataDir: opts.dataDir };
  writeFileSync(path, `${JSON.stringify({ options, ...extra, figures: list }, null, 2)}\n`);
  return path;
}
