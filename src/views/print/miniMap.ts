import { geoArea, geoMercator, geoPath } from 'd3';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { svgElementFactory } from '../charts/svgElement.ts';

export interface MiniMapOptions {
  /** Code of the area to mark. It is drawn even when `codes` does not list it, on top of the others. */
  highlight: string;
  /** The areas to draw (e.g. the wijken of the gemeente); default every feature with a polygon. */
  codes?: readonly string[];
  /**
   * For packages that keep each year's indeling: draw only the features that exist in this period (by their
   * `first_period`/`last_period`), so a redrawn wijk is not drawn twice. Default: every version.
   */
  period?: number;
  width: number;
  height: number;
  ariaLabel: string;
  /** The document to build in (defaults to the global one); tests pass happy-dom's. */
  document?: Document;
}

/** Light grey areas with white borders; the marked area dark with a black outline: readable in grayscale. */
export const MINIMAP_STYLE = {
  fill: '#d4d4d4',
  stroke: '#ffffff',
  strokeWidth: 0.75,
  highlightFill: '#333333',
  highlightStroke: '#000000',
  highlightStrokeWidth: 2.5,
} as const;

/** Room for the highlight's outline at the edges. */
const PAD = 4;
/** One decimal of a pixel: invisible on paper, and the same string on every machine (snapshot-stable). */
const DIGITS = 1;

type AreaFeature = Feature<Polygon | MultiPolygon>;

const isArea = (f: Feature<Geometry | null>): f is AreaFeature =>
  f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon';

const codeOf = (f: Feature<Geometry | null>): string | undefined => {
  const code = f.properties?.code;
  return typeof code === 'string' ? code : undefined;
};

const existsIn = (f: Feature<Geometry | null>, period: number | undefined): boolean => {
  if (period === undefined) return true;
  const first = f.properties?.first_period;
  const last = f.properties?.last_period;
  return !(typeof first === 'number' && period < first) && !(typeof last === 'number' && period > last);
};

/**
 * GeoJSON (RFC 7946) winds outer rings counter-clockwise; d3-geo works on the sphere and reads a ring as the
 * area to its right, so an RFC polygon becomes "the whole globe minus the area" and the fit zooms out to the world.
 * Each ring is turned the way d3 wants: an outer ring encloses less than a hemisphere, a hole more.
 */
function forD3(ring: Position[], hole: boolean): Position[] {
  const small = geoArea({ type: 'Polygon', coordinates: [ring] }) <= 2 * Math.PI;
  return small === hole ? [...ring].reverse() : ring;
}

function rewound(feature: AreaFeature): AreaFeature {
  const polygon = (rings: Position[][]) => rings.map((ring, i) => forD3(ring, i > 0));
  const g = feature.geometry;
  const geometry: Polygon | MultiPolygon =
    g.type === 'Polygon'
      ? { type: 'Polygon', coordinates: polygon(g.coordinates) }
      : { type: 'MultiPolygon', coordinates: g.coordinates.map(polygon) };
  return { ...feature, geometry };
}

/**
 * A small static map of where an area lies: the chosen areas in light grey, the highlighted one dark with a thick
 * outline, in a Mercator projection fitted to what is drawn. For the print report; no tiles, no interaction.
 * Features without a polygon (the `land` row, a custom area given by its members) are skipped.
 */
export function miniMap(collection: FeatureCollection, options: MiniMapOptions): SVGSVGElement {
  const { highlight, width, height, ariaLabel, period } = options;
  const doc = options.document ?? globalThis.document;
  const el = svgElementFactory(doc);

  const svg = el('svg', {
    class: 'minimap-svg',
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-label': ariaLabel,
  });
  const title = el('title', {});
  title.textContent = ariaLabel;
  svg.appendChild(title);

  const wanted = options.codes ? new Set(options.codes) : null;
  const others: AreaFeature[] = [];
  const marked: AreaFeature[] = [];
  for (const f of collection.features) {
    const code = codeOf(f);
    if (!isArea(f) || code === undefined || !existsIn(f, period)) continue;
    if (code === highlight) marked.push(rewound(f));
    else if (!wanted || wanted.has(code)) others.push(rewound(f));
  }
  const drawn = [...others, ...marked];
  if (drawn.length === 0) return svg;

  const projection = geoMercator().fitExtent(
    [
      [PAD, PAD],
      [width - PAD, height - PAD],
    ],
    { type: 'FeatureCollection', features: drawn },
  );
  const path = geoPath(projection).digits(DIGITS);

  const group = el('g', { class: 'areas', 'stroke-linejoin': 'round' });
  for (const f of others) {
    const d = path(f);
    if (!d) continue;
    group.appendChild(
      el('path', {
        class: 'area',
        'data-code': codeOf(f)!,
        d,
        fill: MINIMAP_STYLE.fill,
        stroke: MINIMAP_STYLE.stroke,
        'stroke-width': MINIMAP_STYLE.strokeWidth,
      }),
    );
  }
  for (const f of marked) {
    const d = path(f);
    if (!d) continue;
    group.appendChild(
      el('path', {
        class: 'area highlight',
        'data-code': highlight,
        d,
        fill: MINIMAP_STYLE.highlightFill,
        stroke: MINIMAP_STYLE.highlightStroke,
        'stroke-width': MINIMAP_STYLE.highlightStrokeWidth,
      }),
    );
  }
  svg.appendChild(group);
  return svg;
}
