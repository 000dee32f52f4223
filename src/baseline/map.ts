/**
 * The baseline's map: one GeoJSON source per level; a change of indicator or year writes the values into the
 * features' properties and rebuilds every source with `setData`, coloured by a `fill-color` interpolate on
 * `['get', 'value']`.
 */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection } from 'geojson';
import { MAP_LEVELS, type MapLevel } from './data.ts';

maplibregl.setWorkerUrl(workerUrl);

const BLUES = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'];
const SUPPRESSED_COLOR = '#b5b5b5';
const NO_DATA_COLOR = '#ffffff';

export interface AreaValue {
  value: number | null;
  suppressed: boolean;
}

export interface BaselineMap {
  map: maplibregl.Map;
  /** Writes the values into the features and rebuilds the sources; marks gk:map-painted when drawn. */
  setValues(values: ReadonlyMap<string, AreaValue>): void;
  setSelected(code: string): void;
}

function boundsOf(collections: FeatureCollection[]): [number, number, number, number] {
  const b: [number, number, number, number] = [180, 90, -180, -90];
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      b[0] = Math.min(b[0], c[0]);
      b[1] = Math.min(b[1], c[1] as number);
      b[2] = Math.max(b[2], c[0]);
      b[3] = Math.max(b[3], c[1] as number);
    } else if (Array.isArray(c)) for (const x of c) visit(x);
  };
  for (const fc of collections)
    for (const f of fc.features) if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  return b;
}

function fillColor(min: number, max: number): maplibregl.ExpressionSpecification {
  const value: maplibregl.ExpressionSpecification = ['to-number', ['get', 'value']];
  const ramp: maplibregl.ExpressionSpecification | string =
    max > min
      ? (['interpolate', ['linear'], value, ...BLUES.flatMap((c, i) => [min + ((max - min) * i) / 4, c])] as never)
      : BLUES[2]!;
  return [
    'case',
    ['==', ['get', 'suppressed'], true],
    SUPPRESSED_COLOR,
    ['==', ['typeof', ['get', 'value']], 'number'],
    ramp,
    NO_DATA_COLOR,
  ];
}

/** Which levels show at which zoom, as in the app: coarse when zoomed out, buurten when zoomed in. */
function zoomRanges(fitZoom: number, multiGemeente: boolean): Partial<Record<MapLevel, [number, number]>> {
  if (!multiGemeente) return { wijk: [0, fitZoom + 0.8], buurt: [fitZoom + 0.8, 24] };
  return { gemeente: [0, fitZoom + 2], wijk: [fitZoom + 2, fitZoom + 3.5], buurt: [fitZoom + 3.5, 24] };
}

export function createMap(
  container: HTMLElement,
  geo: Record<MapLevel, FeatureCollection>,
  attribution: string,
  onSelect: (code: string) => void,
): Promise<BaselineMap> {
  const multi = geo.gemeente.features.length > 1;
  const levels = MAP_LEVELS.filter((l) => geo[l].features.length > 0 && (multi || l !== 'gemeente'));
  const map = new maplibregl.Map({
    container,
    style: {
      version: 8,
      sources: {},
      layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#f4f6f8' } }],
    },
    bounds: boundsOf(levels.map((l) => geo[l])),
    fitBoundsOptions: { padding: 16 },
    attributionControl: { compact: false, customAttribution: attribution },
    fadeDuration: 0,
    dragRotate: false,
    maxZoom: 16,
  });
  window.__gebiedskompas = { ...window.__gebiedskompas, map };
  const visibleFills = () => {
    const z = map.getZoom();
    return levels
      .map((l) => `${l}-fill`)
      .filter((id) => {
        const layer = map.getLayer(id);
        return layer !== undefined && z >= (layer.minzoom ?? 0) && z < (layer.maxzoom ?? 24);
      });
  };
  map.on('click', (e) => {
    const code = map.queryRenderedFeatures(e.point, { layers: visibleFills() })[0]?.properties?.code;
    if (typeof code === 'string') onSelect(code);
  });
  map.on('mousemove', (e) => {
    const hit = map.queryRenderedFeatures(e.point, { layers: visibleFills() }).length > 0;
    map.getCanvas().style.cursor = hit ? 'pointer' : '';
  });

  return new Promise((resolve) => {
    map.on('load', () => {
      const ranges = zoomRanges(map.getZoom(), multi);
      for (const level of levels) {
        const [minzoom, maxzoom] = ranges[level] ?? [0, 24];
        map.addSource(`areas-${level}`, { type: 'geojson', data: geo[level] });
        map.addLayer({
          id: `${level}-fill`,
          type: 'fill',
          source: `areas-${level}`,
          minzoom,
          maxzoom,
          paint: { 'fill-color': NO_DATA_COLOR, 'fill-opacity': 0.9 },
        });
        map.addLayer({
          id: `${level}-line`,
          type: 'line',
          source: `areas-${level}`,
          ...(level === 'gemeente' ? {} : { minzoom, maxzoom }),
          paint: {
            'line-color': level === 'gemeente' ? '#1b2631' : '#4a5560',
            'line-width': level === 'gemeente' ? 2 : level === 'buurt' ? 0.6 : 1.2,
          },
        });
        map.addLayer({
          id: `${level}-selected`,
          type: 'line',
          source: `areas-${level}`,
          filter: ['==', ['get', 'code'], ''],
          paint: { 'line-color': '#d4002a', 'line-width': 3.5 },
        });
      }
      container.dataset.ready = 'true';
      resolve({
        map,
        setValues(values) {
          let min = Number.POSITIVE_INFINITY;
          let max = Number.NEGATIVE_INFINITY;
          for (const level of levels)
            for (const f of geo[level].features) {
              const v = values.get(String(f.properties?.code));
              const props = f.properties ?? {};
              props.value = v?.value ?? null;
              props.suppressed = v?.suppressed ?? false;
              f.properties = props;
              if (v?.value != null) {
                min = Math.min(min, v.value);
                max = Math.max(max, v.value);
              }
            }
          for (const level of levels) {
            map.setPaintProperty(`${level}-fill`, 'fill-color', fillColor(min, max));
            (map.getSource(`areas-${level}`) as maplibregl.GeoJSONSource).setData(geo[level]);
          }
          map.once('idle', () => performance.mark('gk:map-painted'));
          map.triggerRepaint();
        },
        setSelected(code) {
          for (const level of levels) map.setFilter(`${level}-selected`, ['==', ['get', 'code'], code]);
        },
      });
    });
  });
}
