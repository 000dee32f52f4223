/**
 * geo/<level>.geojson: buurten are the (rounded) Voronoi cells; wijken and gemeenten the union of their buurten
 * (the demo's edge-cancelling union), simplified with shared arcs (simplify.ts). Coordinates have 4 decimals.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { Level } from '../../src/data/package.ts';
import { compareStrings } from '../demo/csv.ts';
import { unionCells } from '../demo/geometry.ts';
import type { Names } from './names.ts';
import type { Regions } from './regions.ts';
import type { Tessellation } from './seeds.ts';
import { findConflicts, ringSegments, simplifyTopology } from './simplify.ts';

/** Douglas–Peucker tolerance for wijk and gemeente borders, in degrees of latitude (about 90 m). */
export const SIMPLIFY_TOLERANCE = 0.0008;

export interface GeoFiles {
  gemeente: string;
  wijk: string;
  buurt: string;
  stats: {
    verticesBefore: number;
    verticesAfter: number;
    reverted: number;
    /** Crossing or touching edges left over (should be 0) among the buurten and among the simplified wijken. */
    buurtConflicts: number;
    wijkConflicts: number;
  };
}

interface FeatureDraft {
  code: string;
  name: string;
  geometry: Polygon | MultiPolygon;
}

/** One feature per line, sorted by code: compact, yet diffable. */
function collection(level: Level, features: FeatureDraft[]): string {
  const lines = [...features]
    .sort((a, b) => compareStrings(a.code, b.code))
    .map((f) =>
      JSON.stringify({ type: 'Feature', properties: { code: f.code, name: f.name, level }, geometry: f.geometry }),
    );
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}

export function geoFiles(t: Tessellation, regions: Regions, names: Names): GeoFiles {
  const wijkGeoms = regions.wijken.map((w) => unionCells(w.buurten.map((b) => t.cells[b]!)));
  const gemeenteGeoms = regions.gemeenten.map((g) => unionCells(g.buurten.map((b) => t.cells[b]!)));
  const simplified = simplifyTopology(wijkGeoms, gemeenteGeoms, SIMPLIFY_TOLERANCE);
  const buurtConflicts = findConflicts(ringSegments(t.cells)).length;
  return {
    gemeente: collection(
      'gemeente',
      regions.gemeenten.map((_, i) => ({
        code: regions.gemeenteCode[i]!,
        name: names.gemeente[i]!,
        geometry: simplified.coarse[i]!,
      })),
    ),
    wijk: collection(
      'wijk',
      regions.wijken.map((_, i) => ({
        code: regions.wijkCode[i]!,
        name: names.wijk[i]!,
        geometry: simplified.fine[i]!,
      })),
    ),
    buurt: collection(
      'buurt',
      t.cells.map((cell, b) => ({
        code: regions.buurtCode[b]!,
        name: names.buurt[b]!,
        geometry: { type: 'Polygon', coordinates: [cell] },
      })),
    ),
    stats: {
      verticesBefore: simplified.verticesBefore,
      verticesAfter: simplified.verticesAfter,
      reverted: simplified.reverted,
      buurtConflicts,
      wijkConflicts: simplified.conflicts,
    },
  };
}
