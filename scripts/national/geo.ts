/**
 * geo/<level>.geojson: buurten are the (rounded) Voronoi cells; wijken and gemeenten the union of their buurten
 * (the demo's edge-cancelling union). All three levels are simplified in one call with shared arcs (the importer's
 * scripts/geo/simplify.ts), so a gemeente border is exactly its wijken's and buurten's. Coordinates have 4 decimals.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { Level } from '../../src/data/package.ts';
import { compareStrings } from '../demo/csv.ts';
import { unionCells } from '../demo/geometry.ts';
import { findConflicts, ringSegments, ringsOf } from '../geo/conflicts.ts';
import { type SimplifyOptions, simplifyLayers, vertexCount } from '../geo/simplify.ts';
import type { Names } from './names.ts';
import type { Regions } from './regions.ts';
import type { Tessellation } from './seeds.ts';

/** About 90 m (the Voronoi cells are hundreds of metres wide); vertices stay on the 1e-4° grid of the cells. */
export const SIMPLIFY: SimplifyOptions = { interval: 90, precision: 1e-4 };

export interface GeoFiles {
  gemeente: string;
  wijk: string;
  buurt: string;
  stats: {
    verticesBefore: number;
    verticesAfter: number;
    /** Crossing or touching edges left over (should be 0) among the simplified buurten and wijken. */
    buurtConflicts: number;
    wijkConflicts: number;
  };
}

type Geom = Polygon | MultiPolygon;

interface FeatureDraft {
  code: string;
  name: string;
  geometry: Geom;
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

export async function geoFiles(t: Tessellation, regions: Regions, names: Names): Promise<GeoFiles> {
  const buurtGeoms: Polygon[] = t.cells.map((cell) => ({ type: 'Polygon', coordinates: [cell] }));
  const wijkGeoms = regions.wijken.map((w) => unionCells(w.buurten.map((b) => t.cells[b]!)));
  const gemeenteGeoms = regions.gemeenten.map((g) => unionCells(g.buurten.map((b) => t.cells[b]!)));
  const layers = [buurtGeoms, wijkGeoms, gemeenteGeoms];
  const [buurt, wijk, gemeente] = (await simplifyLayers(layers, SIMPLIFY)) as Geom[][] as [Geom[], Geom[], Geom[]];
  const conflicts = (geoms: Geom[]) => findConflicts(ringSegments(geoms.flatMap(ringsOf))).length;
  const vertices = (geoms: Geom[][]) => geoms.flat().reduce((s, g) => s + vertexCount(g), 0);
  return {
    gemeente: collection(
      'gemeente',
      regions.gemeenten.map((_, i) => ({
        code: regions.gemeenteCode[i]!,
        name: names.gemeente[i]!,
        geometry: gemeente[i]!,
      })),
    ),
    wijk: collection(
      'wijk',
      regions.wijken.map((_, i) => ({
        code: regions.wijkCode[i]!,
        name: names.wijk[i]!,
        geometry: wijk[i]!,
      })),
    ),
    buurt: collection(
      'buurt',
      t.cells.map((_, b) => ({
        code: regions.buurtCode[b]!,
        name: names.buurt[b]!,
        geometry: buurt[b]!,
      })),
    ),
    stats: {
      verticesBefore: vertices(layers),
      verticesAfter: vertices([buurt, wijk, gemeente]),
      buurtConflicts: conflicts(buurt),
      wijkConflicts: conflicts(wijk),
    },
  };
}
