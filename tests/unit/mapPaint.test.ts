import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { quantile } from 'd3';
import { describe, expect, it } from 'vitest';
import { DEMO_DIR } from '../../scripts/generate-demo.ts';
import { MISSING_REASONS, type MissingReason, missingReason } from '../../src/app/missingReason.ts';
import { drawnRows } from '../../src/app/useChoropleth.ts';
import {
  decodeMapAreas,
  decodeMapRows,
  FIRST_MAP_AREAS,
  FIRST_VIEW_INDEX,
  type FirstViewIndex,
  firstMapPath,
} from '../../src/data/firstView.ts';
import type { GeometrySource } from '../../src/data/mapGeometry.ts';
import type { Level } from '../../src/data/package.ts';
import type { ChoroplethRow } from '../../src/queries/choropleth.ts';
import { quantileColorScale, SEQUENTIAL } from '../../src/views/map/colorScale.ts';
import type { AreaPaint } from '../../src/views/map/featureState.ts';
import { mapPaint } from '../../src/views/map/mapPaint.ts';

const read = (path: string) => readFileSync(join(DEMO_DIR, path), 'utf8');
const index = JSON.parse(read(FIRST_VIEW_INDEX)) as FirstViewIndex;
const order = decodeMapAreas(read(FIRST_MAP_AREAS));
/** Every map file of the demo's first view: each indicator in each of its years. */
const files = Object.entries(index.maps ?? {}).flatMap(([indicator, periods]) =>
  (periods as number[]).map((period) => ({
    name: `${indicator} ${period}`,
    rows: decodeMapRows(read(firstMapPath(indicator, period)), order),
  })),
);
const SOURCES: GeometrySource[] = [
  { id: 'areas', data: '', levels: ['gemeente', 'wijk', 'buurt'] },
  { id: 'own', data: '', levels: ['gebied'] },
];
const LEVEL_CHOICES: Level[][] = [['wijk', 'buurt'], ['gemeente', 'wijk', 'buurt'], ['wijk'], ['buurt'], ['gebied']];

/**
 * The map's colours as MapPanel computed them before the table was kept (an array sorted with a comparator, d3's
 * quantile on it for every break): the reference the kept table must equal, area by area.
 */
function previousColors(rows: readonly ChoroplethRow[], drawnCount: number) {
  const byLevel = new Map<Level, number[]>();
  for (const r of rows)
    if (!r.suppressed && r.value !== null && Number.isFinite(r.value))
      byLevel.set(r.level, [...(byLevel.get(r.level) ?? []), r.value]);
  const scales = new Map(
    [...byLevel].map(([level, values]) => {
      const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
      const n = SEQUENTIAL.length;
      const [min, max] = [sorted[0]!, sorted.at(-1)!];
      const breaks: number[] = [];
      for (let i = 1; i < n; i++) {
        const b = quantile(sorted, i / n)!;
        if (b > min && b < max && (breaks.length === 0 || b > breaks.at(-1)!)) breaks.push(b);
      }
      const count = Math.max(1, breaks.length + 1);
      const colors = Array.from({ length: count }, (_, i) =>
        count === 1 ? SEQUENTIAL[Math.floor((n - 1) / 2)]! : SEQUENTIAL[Math.round((i * (n - 1)) / (count - 1))]!,
      );
      const color = (v: number) => colors[breaks.findIndex((b) => v < b)] ?? colors.at(-1)!;
      return [level, { breaks, color }] as const;
    }),
  );
  const sourceOf = new Map(SOURCES.flatMap((s) => s.levels.map((l) => [l, s.id] as const)));
  const paint = new Map<string, AreaPaint>();
  const values = new Map<string, number | null>();
  const reasons = new Map<string, MissingReason>();
  for (const r of rows) {
    const source = sourceOf.get(r.level);
    if (!source) continue;
    const scale = scales.get(r.level);
    const color = r.value === null || !scale ? null : scale.color(r.value);
    const reason = r.suppressed || r.status ? missingReason(r) : r.value === null ? 'not_published' : null;
    paint.set(r.code, { source, color, suppressed: r.suppressed, missing: reason });
    values.set(r.code, r.suppressed ? null : r.value);
    if (reason) reasons.set(r.code, reason);
  }
  const present = new Set<MissingReason>(reasons.values());
  if (paint.size < drawnCount) present.add('no_data');
  return { paint, values, reasons, scales, missing: MISSING_REASONS.filter((m) => present.has(m)) };
}

describe('mapPaint', () => {
  it('colours every area of every demo map file as the map did before, for every level choice', () => {
    expect(files.length).toBeGreaterThan(20);
    let areas = 0;
    for (const file of files)
      for (const levels of LEVEL_CHOICES) {
        const rows = drawnRows(file.rows, levels);
        const drawnCount = order.codes.filter((_, i) => levels.includes(order.levels[i]!)).length;
        const kept = mapPaint(rows, { sources: SOURCES, drawnCount, classification: { method: 'quantile' } });
        const before = previousColors(rows, drawnCount);
        expect(new Map(kept.paint), `${file.name} ${levels.join('+')}`).toEqual(before.paint);
        expect(kept.missing).toEqual(before.missing);
        // The tooltip's value and reason of every area, and of one without a row.
        for (const code of order.codes) {
          expect(kept.valueAt(code)).toBe(before.values.get(code));
          expect(kept.reasonAt(code)).toBe(before.reasons.get(code) ?? null);
        }
        for (const [level, scale] of before.scales)
          expect(
            kept.scales
              .get(level)
              ?.classes.slice(1)
              .map((c) => c.from),
          ).toEqual(scale.breaks);
        areas += kept.paint.size;
        // One fill object per distinct fill: at most a colour or reason per class per source, not one per area.
        const fills = new Set(kept.paint.values());
        expect(fills.size).toBe(new Set([...before.paint.values()].map((p) => JSON.stringify(p))).size);
      }
    // Areas with a colour, not only missing ones.
    expect(areas).toBeGreaterThan(1000);
    expect(files.some((f) => [...mapPaint(drawnRows(f.rows, ['buurt']), opts(0)).paint.values()].some((p) => p.color)));
  });

  it('computes a table once per rows, geometry and classification, and not a brushed or stabilised one', () => {
    const rows = drawnRows(files[0]!.rows, ['wijk', 'buurt']);
    const table = mapPaint(rows, opts(10));
    expect(mapPaint(rows, opts(10))).toBe(table);
    // The same choice's rows are the same array: a switch back finds its table.
    expect(mapPaint(drawnRows(files[0]!.rows, ['wijk', 'buurt']), opts(10))).toBe(table);
    expect(mapPaint(rows, { ...opts(10), classification: { method: 'jenks' } })).not.toBe(table);
    expect(mapPaint(rows, opts(11))).not.toBe(table);
    const dimmed = new Set([rows[0]!.code]);
    expect(mapPaint(rows, { ...opts(10), dimmed })).not.toBe(mapPaint(rows, { ...opts(10), dimmed }));
  });

  it('sorts as the comparator did: the quantile classes of values with ties, negatives and non-numbers', () => {
    const values = [3, -1, 0, 2, 2, Number.NaN, 7, -0, 5, 2, Number.POSITIVE_INFINITY, 1e9, 1e-9];
    const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
    const breaks = [1, 2, 3, 4].map((i) => quantile(sorted, i / 5)!);
    const scale = quantileColorScale(values);
    expect(scale.classes[0]!.from).toBe(-1);
    expect(scale.classes.at(-1)!.to).toBe(1e9);
    expect(scale.classes.slice(1).map((c) => c.from)).toEqual([...new Set(breaks)].filter((b) => b > -1 && b < 1e9));
  });
});

const opts = (drawnCount: number) => ({
  sources: SOURCES,
  drawnCount,
  classification: { method: 'quantile' } as const,
});
