/**
 * The importer simplifies boundaries per level with shared arcs (scripts/geo/simplify.ts): on the real CBS files,
 * the package is smaller, every area keeps a boundary of about its size, neighbours still meet along the same line
 * (no gap, no overlap) and no ring crosses another. Each package is compared with the same import under
 * --no-simplify, so the checks see only what simplification changed.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCbs } from '../../scripts/cbs/importCbs.ts';
import { findConflicts, ringSegments } from '../../scripts/geo/conflicts.ts';
import { parseImportArgs } from '../../scripts/import-cbs.ts';
import { areaOf, polygonsOf } from '../../src/import/cbs/shapes.ts';

const SHARED = join(import.meta.dirname, '..', '..', '..', 'shared', 'data');
const present = existsSync(SHARED);
if (!present) console.warn(`CBS simplification test skipped: ${SHARED} is missing (real CBS data)`);

type Area = Feature<Geometry | null, { code: string; level: string }>;
const dir = mkdtempSync(join(tmpdir(), 'gk-cbs-simplify-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function importBoth(name: string, files: string[]) {
  const paths = files.map((f) => join(SHARED, 'boundaries', f));
  const read = (out: string) =>
    (JSON.parse(readFileSync(join(out, 'areas.geojson'), 'utf8')) as FeatureCollection<Geometry | null>)
      .features as Area[];
  const full = await importCbs({ out: join(dir, `${name}-full`), files: paths, simplify: false });
  const simple = await importCbs({ out: join(dir, `${name}-simple`), files: paths });
  return { full, simple, fullAreas: read(join(dir, `${name}-full`)), simpleAreas: read(join(dir, `${name}-simple`)) };
}

const rings = (g: Geometry | null) => polygonsOf(g).flat();
const key = (p: Position) => `${p[0]},${p[1]}`;
const metres = (a: Position, b: Position) =>
  Math.hypot((b[0]! - a[0]!) * 111_320 * Math.cos((52.2 * Math.PI) / 180), (b[1]! - a[1]!) * 110_570);

/** Per undirected edge, the areas whose rings use it and in which direction (+1 / -1). */
function edgeOwners(areas: readonly Area[]) {
  const owners = new Map<string, { codes: string[]; directions: number[]; length: number }>();
  for (const a of areas)
    for (const ring of rings(a.geometry))
      for (let i = 0; i + 1 < ring.length; i++) {
        const [p, q] = [key(ring[i]!), key(ring[i + 1]!)];
        const k = p < q ? `${p}|${q}` : `${q}|${p}`;
        const entry = owners.get(k) ?? { codes: [], directions: [], length: metres(ring[i]!, ring[i + 1]!) };
        entry.codes.push(a.properties.code);
        entry.directions.push(p < q ? 1 : -1);
        owners.set(k, entry);
      }
  return owners;
}

/** Length of boundary that only one area has (the outline of the whole; a gap between neighbours adds to it). */
const unsharedLength = (areas: readonly Area[]) =>
  [...edgeOwners(areas).values()].filter((e) => e.codes.length === 1).reduce((s, e) => s + e.length, 0);

/**
 * Pairs of areas that meet along a border (each on its side: the two rings run its edges in opposite directions)
 * of at least `minimum` metres; shorter ones may shrink to a point when coordinates are rounded to 1e-6°.
 */
function neighbours(areas: readonly Area[], minimum = 0): Set<string> {
  const length = new Map<string, number>();
  for (const { codes, directions, length: l } of edgeOwners(areas).values())
    if (codes.length === 2 && codes[0] !== codes[1] && directions[0] !== directions[1]) {
      const pair = [...codes].sort().join('~');
      length.set(pair, (length.get(pair) ?? 0) + l);
    }
  return new Set([...length].filter(([, l]) => l >= minimum).map(([pair]) => pair));
}

/** Edges that cross, touch or overlap, exactly on the 1e-6° grid the importer writes (cells of 0,005°). */
const crossings = (areas: readonly Area[]) =>
  findConflicts(
    ringSegments(
      areas.flatMap((a) => rings(a.geometry)),
      1e6,
    ),
    5000,
  );

const LEVELS = ['gemeente', 'wijk', 'buurt'] as const;
const ofLevel = (areas: readonly Area[], level: string) =>
  areas.filter((a) => a.properties.level === level && a.geometry !== null);

describe('import:cbs --no-simplify', () => {
  it('is an option of the command (simplification is the default)', () => {
    expect(parseImportArgs(['--out', 'x', 'a.geojson'])?.simplify).toBeUndefined();
    expect(parseImportArgs(['--out', 'x', '--no-simplify', 'a.geojson'])?.simplify).toBe(false);
  });
});

describe.skipIf(!present)('boundaries simplified by the importer (real CBS files)', () => {
  let national: Awaited<ReturnType<typeof importBoth>>;
  let map2015: Awaited<ReturnType<typeof importBoth>>;

  beforeAll(async () => {
    // All 343 gemeenten of 2024 (PDOK), and one year's gemeenten, wijken and buurten of the Wijk- en buurtkaart.
    national = await importBoth('national', ['pdok_cbs_gemeenten_2024_nl.geojson']);
    map2015 = await importBoth(
      'map2015',
      ['gemeente', 'wijk', 'buurt'].map((l) => `cbs_wijkbuurtkaart_2015_${l}.geojson`),
    );
    // Four imports: about 10 s on an idle machine; the limit only stops a hang.
  }, 600_000);

  it('writes smaller boundaries than it read, and says so', () => {
    for (const { full, simple } of [national, map2015]) {
      expect(full.boundaries.bytesAfter).toBe(full.boundaries.bytesBefore);
      expect(simple.boundaries.bytesBefore).toBe(full.boundaries.bytesAfter);
      expect(simple.boundaries.bytesAfter).toBeLessThan(simple.boundaries.bytesBefore * 0.95);
      expect(simple.boundaries.verticesAfter).toBeLessThan(simple.boundaries.verticesBefore);
    }
    // The national gemeenten: at least a tenth of the vertices go (the source is already simplified to ~0.0005°).
    expect(national.simple.boundaries.verticesAfter).toBeLessThan(national.simple.boundaries.verticesBefore * 0.9);
  });

  it('keeps every area, with a boundary of about its size', () => {
    for (const { fullAreas, simpleAreas } of [national, map2015]) {
      expect(simpleAreas.map((a) => a.properties)).toEqual(fullAreas.map((a) => a.properties));
      fullAreas.forEach((a, i) => {
        const b = simpleAreas[i]!;
        if (a.geometry === null) {
          expect(b.geometry).toBeNull();
          return;
        }
        expect(polygonsOf(b.geometry).length, a.properties.code).toBeGreaterThan(0);
        for (const ring of rings(b.geometry)) expect(ring.length, a.properties.code).toBeGreaterThanOrEqual(4);
        expect(Math.abs(areaOf(b.geometry) / areaOf(a.geometry) - 1), a.properties.code).toBeLessThan(0.05);
      });
    }
    expect(national.simpleAreas.filter((a) => a.properties.level === 'gemeente' && a.geometry).length).toBe(343);
  });

  it('keeps neighbours meeting along one shared line: no gaps, no overlaps', () => {
    for (const { fullAreas, simpleAreas } of [national, map2015])
      for (const level of LEVELS) {
        const [before, after] = [ofLevel(fullAreas, level), ofLevel(simpleAreas, level)];
        if (before.length < 2) continue;
        // Every pair of neighbours still shares an edge, written with the same vertices on both sides.
        const pairs = neighbours(before, 1);
        expect(pairs.size, level).toBeGreaterThan(before.length / 2);
        const kept = neighbours(after);
        expect(
          [...pairs].filter((p) => !kept.has(p)),
          level,
        ).toEqual([]);
        // Nothing opened between them: only the outline of the whole is drawn by one area, and it got no longer.
        expect(unsharedLength(after), level).toBeLessThanOrEqual(unsharedLength(before));
        // The areas still add up to the same land (an overlap or gap would change the sum).
        const total = (areas: readonly Area[]) => areas.reduce((s, a) => s + areaOf(a.geometry), 0);
        expect(Math.abs(total(after) / total(before) - 1), level).toBeLessThan(0.01);
      }
  });

  it('draws no line across another (no self-intersection, no overlap between areas)', () => {
    expect(crossings(ofLevel(map2015.fullAreas, 'buurt'))).toEqual([]);
    for (const { fullAreas, simpleAreas } of [national, map2015])
      for (const level of LEVELS) {
        const [before, after] = [crossings(ofLevel(fullAreas, level)), crossings(ofLevel(simpleAreas, level))];
        // The PDOK gemeenten were simplified per gemeente by their publisher (shapely), so neighbours' lines
        // already cross there: simplification must not add any. The Wijk- en buurtkaart is clean: it stays clean.
        if (before.length === 0) expect(after, level).toEqual([]);
        else expect(after.length, level).toBeLessThanOrEqual(before.length);
      }
  });
});
