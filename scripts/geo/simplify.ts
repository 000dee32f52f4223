/**
 * Boundary simplification for packages, once at build time, by mapshaper (a well-kept tool for exactly this):
 * the layers given to one call are cut into shared arcs, so a border between two areas — also between an area and
 * its parent in another layer of the same call — is simplified once and both sides keep the same line (no gaps, no
 * overlaps). Weighted Visvalingam with an interval in metres (mapshaper measures unprojected WGS84 on the sphere),
 * `keep-shapes` so no area vanishes, and mapshaper's intersection repair puts back vertices wherever a simplified
 * line would cross another. Outer rings come out counter-clockwise (RFC 7946).
 */
import type { FeatureCollection, Geometry } from 'geojson';
import mapshaper from 'mapshaper';

export interface SimplifyOptions {
  /** Tolerance in metres: detail smaller than this goes. */
  interval: number;
  /** Coordinates are rounded to this many degrees (1e-5° is about 1 m). */
  precision: number;
}

/**
 * Metres per CBS level: well under a screen pixel where the app draws that level for one gemeente (wijken at about
 * 10 m per pixel, buurten closer), and far under it for a province or the country.
 */
export const LEVEL_SIMPLIFY: Record<'gemeente' | 'wijk' | 'buurt', SimplifyOptions> = {
  gemeente: { interval: 50, precision: 1e-6 },
  wijk: { interval: 15, precision: 1e-6 },
  buurt: { interval: 5, precision: 1e-6 },
};

const polygonal = (g: Geometry | null): boolean => g?.type === 'Polygon' || g?.type === 'MultiPolygon';

/** Number of positions in a geometry's rings. */
export function vertexCount(g: Geometry | null): number {
  if (g?.type === 'Polygon') return g.coordinates.reduce((s, r) => s + r.length, 0);
  if (g?.type === 'MultiPolygon') return g.coordinates.reduce((s, p) => s + p.reduce((t, r) => t + r.length, 0), 0);
  return 0;
}

/**
 * Simplifies several layers of geometries with one set of shared arcs; each layer comes back in its order.
 * Geometries that are not polygons (null among them) are returned as they were.
 */
export async function simplifyLayers(
  layers: readonly (readonly (Geometry | null)[])[],
  options: SimplifyOptions,
): Promise<(Geometry | null)[][]> {
  const input = new Map<number, string>();
  layers.forEach((layer, l) => {
    // The index rides along as the only property: mapshaper need not see (or rewrite) the areas' own properties.
    const features = layer.flatMap((geometry, i) =>
      polygonal(geometry) ? [{ type: 'Feature' as const, properties: { i }, geometry }] : [],
    );
    if (features.length > 0) input.set(l, JSON.stringify({ type: 'FeatureCollection', features }));
  });
  const name = (l: number) => `layer${l}.json`;
  const output =
    input.size === 0
      ? {}
      : await mapshaper.applyCommands(
          `-i combine-files ${[...input.keys()].map(name).join(' ')} ` +
            `-simplify weighted interval=${options.interval} keep-shapes ` +
            `-o format=geojson rfc7946 precision=${options.precision} -quiet`,
          Object.fromEntries([...input].map(([l, text]) => [name(l), text])),
        );
  return layers.map((layer, l) => {
    const result = [...layer];
    if (!input.has(l)) return result;
    const text = output[name(l)];
    if (text === undefined) throw new Error(`mapshaper returned no ${name(l)}`);
    const simplified = JSON.parse(String(text)) as FeatureCollection<Geometry | null, { i: number }>;
    for (const f of simplified.features) result[f.properties.i] = f.geometry;
    return result;
  });
}

/** Number of positions in all boundaries of an areas.geojson. */
export function areasVertexCount(text: string): number {
  return (JSON.parse(text) as FeatureCollection<Geometry | null>).features.reduce(
    (s, f) => s + vertexCount(f.geometry),
    0,
  );
}

export interface SimplifiedAreas {
  text: string;
  verticesBefore: number;
  verticesAfter: number;
}

/**
 * A package's areas.geojson with each CBS level simplified by its own tolerance (LEVEL_SIMPLIFY). All versions of
 * a level's areas (boundaries of different years) go in one call, so each year's map keeps its shared borders.
 */
export async function simplifyAreas(text: string): Promise<SimplifiedAreas> {
  const collection = JSON.parse(text) as FeatureCollection<Geometry | null>;
  for (const [level, options] of Object.entries(LEVEL_SIMPLIFY)) {
    const features = collection.features.filter((f) => f.properties?.level === level && polygonal(f.geometry));
    if (features.length === 0) continue;
    const [geometries] = await simplifyLayers([features.map((f) => f.geometry)], options);
    features.forEach((f, i) => {
      f.geometry = geometries![i]!;
    });
  }
  const simplified = `${JSON.stringify(collection)}\n`;
  return { text: simplified, verticesBefore: areasVertexCount(text), verticesAfter: areasVertexCount(simplified) };
}
