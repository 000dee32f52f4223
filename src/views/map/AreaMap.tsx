import * as maplibregl from 'maplibre-gl';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { type RefObject, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { exposeDebug } from '../../app/debugHandle.ts';
import { type I18n, useI18n } from '../../app/i18n/index.tsx';
import type { MessageKey } from '../../app/i18n/nl.ts';
import { onPageDiscard } from '../../app/pageDiscard.ts';
import type { MapGeometry } from '../../data/mapGeometry.ts';
import type { Level } from '../../data/package.ts';
import { MISSING_COLORS, NO_DATA_COLOR, SUPPRESSED_COLOR } from './colorScale.ts';
import { type AreaPaint, applyPaint } from './featureState.ts';
import { dropParkedMap, type ParkedMap, parkMap, takeParkedMap } from './mapHandoff.ts';

maplibregl.setWorkerUrl(maplibreWorkerUrl);

/** Map levels drawn as their own fill + outline layers. */
export const DRAWN_LEVELS = ['gemeente', 'wijk', 'buurt', 'gebied'] as const satisfies readonly Level[];
export type DrawnLevel = (typeof DRAWN_LEVELS)[number];

export interface AreaMapProps {
  geometry: MapGeometry;
  /** Which levels are visible; with `auto`, the coarser level when zoomed out and finer ones as one zooms in. */
  level: 'auto' | DrawnLevel;
  paint: ReadonlyMap<string, AreaPaint>;
  /** The chosen year: with periodic geometry, only the areas of that year's indeling are drawn. */
  period: number;
  selected: string | null;
  /**
   * The area of the level on screen that holds the selected one (the wijk of a buurt chosen on a wijk map): outlined
   * too, so a small buurt is found inside it.
   */
  selectedWithin?: string | null;
  attribution: string;
  ariaLabel: string;
  /** The tooltip's text for an area code (name and formatted value). */
  describe(code: string): string;
  onSelect(code: string): void;
  /** An area highlighted from elsewhere (a chart under the pointer): outlined like a hover. */
  highlight?: string | null;
  /** The area under the pointer, for the linked charts (null when it leaves). */
  onHover?(code: string | null): void;
  /**
   * The area a press (mouse or touch) starts on, before its click: a person's press lasts ~100 ms, in which that
   * area's files can already come.
   */
  onPress?(code: string): void;
  /** The level now coloured (with `auto` it changes with the zoom), so the legend shows that level's classes. */
  onLevelShown?(level: DrawnLevel | null): void;
  webglMissing: string;
  /** Only these areas are drawn (the gemeente outlines stay as a frame), and the map is fitted to `bounds`. */
  scope?: MapScope | null;
  /**
   * The start screen's map handing over to the dashboard's (see mapHandoff.ts): `give` parks this map when it
   * unmounts, `take` shows a parked map of the same key on top of this one until this one has drawn its colours.
   */
  handoff?: { key: string; role: 'give' | 'take' } | null;
  /** The paint is not yet the data's (its rows are on their way): a map taken over stays on top meanwhile. */
  loading?: boolean;
}

/** One gemeente's areas within a package of many (Verkennen's wijken of one gemeente). */
export interface MapScope {
  codes: readonly string[];
  bounds: [number, number, number, number];
}

/** maplibre's own texts (the canvas's label, the controls' titles) and the messages that say them in our language. */
const CONTROL_TEXT = {
  'Map.Title': 'map.title',
  'NavigationControl.ZoomIn': 'map.zoomIn',
  'NavigationControl.ZoomOut': 'map.zoomOut',
  'NavigationControl.ResetBearing': 'map.resetBearing',
  'AttributionControl.ToggleAttribution': 'map.toggleAttribution',
} as const satisfies Record<string, MessageKey>;

/** maplibre's `locale` option in the interface's language (it would say "Map" and "Zoom in" in a Dutch page). */
export function mapLocale(t: I18n['t']): Record<string, string> {
  return Object.fromEntries(Object.entries(CONTROL_TEXT).map(([key, message]) => [key, t(message)]));
}

function fillColor(): maplibregl.ExpressionSpecification {
  return [
    'match',
    ['to-string', ['coalesce', ['feature-state', 'missing'], '']],
    'secret',
    MISSING_COLORS.secret,
    'not_published',
    MISSING_COLORS.not_published,
    'no_inhabitants',
    MISSING_COLORS.no_inhabitants,
    'not_yet_available',
    MISSING_COLORS.not_yet_available,
    [
      'case',
      ['boolean', ['feature-state', 'suppressed'], false],
      SUPPRESSED_COLOR,
      ['coalesce', ['feature-state', 'color'], NO_DATA_COLOR],
    ],
  ];
}

/** Hatching over the grey of a secret area, so "geheim" is told from "niet gepubliceerd" without relying on colour. */
const HATCH = 'gk-hatch';

/** An 8×8 tile with one dark diagonal line: a repeating hatch (the legend draws the same with a CSS gradient). */
function hatchImage(): { width: number; height: number; data: Uint8Array } {
  const size = 8;
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      if ((x + y) % size > 1) continue;
      const i = (y * size + x) * 4;
      data.set([0x55, 0x55, 0x55, 0xff], i);
    }
  return { width: size, height: size, data };
}

/** The hatch shows only where the area's value is secret (feature-state `missing`). */
function hatchOpacity(): maplibregl.ExpressionSpecification {
  return ['case', ['==', ['to-string', ['coalesce', ['feature-state', 'missing'], '']], 'secret'], 0.9, 0];
}

/**
 * The features of one level, with periodic geometry only those that exist in `period`, and within a scope only its
 * areas (gemeenten are never scoped out: their outlines frame the map).
 */
export function levelFilter(
  level: DrawnLevel | null,
  period: number | null,
  scope: readonly string[] | null = null,
): maplibregl.FilterSpecification {
  const parts: maplibregl.ExpressionSpecification[] = [];
  if (level) parts.push(['==', ['get', 'level'], level]);
  if (scope && level !== 'gemeente') parts.push(['in', ['get', 'code'], ['literal', [...scope]]]);
  if (period !== null)
    parts.push(
      ['<=', ['coalesce', ['get', 'first_period'], -1e9], period],
      ['>=', ['coalesce', ['get', 'last_period'], 1e9], period],
    );
  return ['all', ...parts] as maplibregl.FilterSpecification;
}

/**
 * The zoom ranges of `auto`, relative to the zoom that shows everything: one gemeente shows its wijken and, a
 * little closer, its buurten; many gemeenten (a province, the country) show gemeenten, then wijken, then buurten.
 */
export function autoZoomRanges(fitZoom: number, gemeenten: number): Partial<Record<DrawnLevel, [number, number]>> {
  if (gemeenten <= 1) return { wijk: [0, fitZoom + 0.8], buurt: [fitZoom + 0.8, 24] };
  return { gemeente: [0, fitZoom + 2], wijk: [fitZoom + 2, fitZoom + 3.5], buurt: [fitZoom + 3.5, 24] };
}

/** The fill layers drawn at the current zoom (visible, and within their zoom range). */
function visibleFillLayers(map: maplibregl.Map): string[] {
  const zoom = map.getZoom();
  return DRAWN_LEVELS.map((l) => `${l}-fill`).filter((id) => {
    const layer = map.getLayer(id);
    return (
      layer !== undefined &&
      map.getLayoutProperty(id, 'visibility') !== 'none' &&
      zoom >= (layer.minzoom ?? 0) &&
      zoom < (layer.maxzoom ?? 24)
    );
  });
}

/** The level coloured at the current zoom (a CBS level before own areas drawn over it). */
function shownLevel(map: maplibregl.Map): DrawnLevel | null {
  const layers = visibleFillLayers(map);
  const id = layers.find((l) => l !== 'gebied-fill') ?? layers[0];
  return id ? (id.replace(/-fill$/, '') as DrawnLevel) : null;
}

/**
 * The source the outlines (hover, selected, within) draw from: a second copy of a geometry source. An outline follows
 * the pointer and the selection by filter, and a new filter makes maplibre cut its layer's whole source into tiles
 * again and upload them: on the choropleth's own source that rebuilt every fill, line and feature-state of the level
 * (5–90 ms per hover or click at national scale); on this copy only the one or two outlined areas pass the filters.
 * (Outlines by feature-state on the choropleth's source would draw every area four times more in each frame.)
 */
export const outlineSource = (sourceId: string) => `${sourceId}-outline`;

/** Gives each source whose level is now drawn its data, the first time (maplibre fetches and parses it in a worker). */
function loadVisibleSources(map: maplibregl.Map, geometry: MapGeometry, pending: Map<string, string>) {
  for (const id of visibleFillLayers(map)) {
    const level = id.replace(/-fill$/, '');
    const source = geometry.sources.find((s) => s.levels.includes(level as DrawnLevel));
    const url = source && pending.get(source.id);
    if (!source || !url) continue;
    pending.delete(source.id);
    for (const id of [source.id, outlineSource(source.id)])
      (map.getSource(id) as maplibregl.GeoJSONSource | undefined)?.setData(url);
  }
}

function layerVisibility(
  map: maplibregl.Map,
  level: AreaMapProps['level'],
  ranges: Partial<Record<DrawnLevel, [number, number]>>,
) {
  for (const l of DRAWN_LEVELS) {
    const range = level === 'auto' ? ranges[l] : l === level ? ([0, 24] as [number, number]) : undefined;
    for (const id of [`${l}-fill`, `${l}-hatch`, `${l}-line`]) {
      if (!map.getLayer(id)) continue;
      // The gemeente outline stays as a frame whatever level is coloured.
      const visible = range !== undefined || id === 'gemeente-line';
      map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
      map.setLayerZoomRange(id, range?.[0] ?? 0, range?.[1] ?? 24);
    }
  }
}

/** Removes the map shown on top of this one (the one it took over from), if any. */
function uncover(covering: RefObject<ParkedMap | null>) {
  const map = covering.current;
  covering.current = null;
  map?.remove();
}

/**
 * The choropleth. Geometry is added once per package; a change of indicator or year only sets feature-state (the
 * area code is the feature id via `promoteId`), which is several times cheaper than rebuilding the source.
 */
export function AreaMap(props: AreaMapProps) {
  const container = useRef<HTMLElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const { t } = useI18n();
  const mapRef = useRef<maplibregl.Map | null>(null);
  const applied = useRef<ReadonlyMap<string, AreaPaint>>(new Map());
  const pendingUrls = useRef(new Map<string, string>());
  const zoomRanges = useRef<Partial<Record<DrawnLevel, [number, number]>>>({});
  const latest = useRef(props);
  latest.current = props;
  const setSelectedFilter = useRef<(code: string) => void>(() => {});
  const setHoverFilter = useRef<(code: string) => void>(() => {});
  const hovered = useRef<string | null>(null);
  const periodOf = () => (props.geometry.periodic ? latest.current.period : null);
  const scopeOf = () => latest.current.scope?.codes ?? null;
  const appliedScope = useRef<MapScope | null>(props.scope ?? null);
  const [ready, setReady] = useState(false);
  const readyRef = useRef(false);
  readyRef.current = ready;
  /** This map, parked for a successor when it unmounted. */
  const parked = useRef<ParkedMap | null>(null);
  /** The map this one took over from, on top until this one has drawn. */
  const covering = useRef<ParkedMap | null>(null);
  const [failed, setFailed] = useState(false);
  const [tooltip, setTooltip] = useState<{ x: number; y: number; text: string } | null>(null);

  // The map is rebuilt only for new geometry (another package) or language (maplibre takes its texts only when it is
  // made); everything else is applied below.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    if (!container.current) return;
    let map: maplibregl.Map;
    try {
      map = new maplibregl.Map({
        container: container.current,
        style: {
          version: 8,
          sources: {},
          layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#f4f6f8' } }],
        },
        bounds: props.scope?.bounds ?? props.geometry.bounds,
        fitBoundsOptions: { padding: 16 },
        attributionControl: { compact: false, customAttribution: props.attribution },
        fadeDuration: 0,
        dragRotate: false,
        pitchWithRotate: false,
        maxZoom: 16,
        locale: mapLocale(t),
      });
    } catch {
      uncover(covering);
      setFailed(true);
      return;
    }
    mapRef.current = map;
    exposeDebug({ map });
    map.touchZoomRotate.disableRotation();
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.on('load', () => {
      // A level given as a URL (wijken, buurten of a large package) is fetched only when it is first drawn.
      const empty: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };
      pendingUrls.current = new Map();
      for (const source of props.geometry.sources) {
        if (typeof source.data === 'string') pendingUrls.current.set(source.id, source.data);
        map.addSource(source.id, {
          type: 'geojson',
          data: typeof source.data === 'string' ? empty : source.data,
          promoteId: 'code',
        });
        map.addSource(outlineSource(source.id), {
          type: 'geojson',
          data: typeof source.data === 'string' ? empty : source.data,
        });
      }
      if (!map.hasImage(HATCH)) map.addImage(HATCH, hatchImage());
      const sourceOf = (level: DrawnLevel) => props.geometry.sources.find((src) => src.levels.includes(level))?.id;
      const drawn = DRAWN_LEVELS.flatMap((level) => {
        const source = sourceOf(level);
        return source ? [{ level, source, filter: levelFilter(level, periodOf(), scopeOf()) }] : [];
      });
      appliedScope.current = latest.current.scope ?? null;
      for (const { level, source, filter } of drawn) {
        map.addLayer({
          id: `${level}-fill`,
          type: 'fill',
          source,
          filter,
          paint: { 'fill-color': fillColor(), 'fill-opacity': 0.9 },
        });
        map.addLayer({
          id: `${level}-hatch`,
          type: 'fill',
          source,
          filter,
          paint: { 'fill-pattern': HATCH, 'fill-opacity': hatchOpacity() },
        });
      }
      // Outlines above all fills, finest first, so the gemeente border frames everything.
      for (const { level, source, filter } of [...drawn].reverse()) {
        map.addLayer({
          id: `${level}-line`,
          type: 'line',
          source,
          filter,
          paint: {
            'line-color': level === 'gemeente' ? '#1b2631' : '#4a5560',
            'line-width': level === 'gemeente' ? 2 : level === 'buurt' ? 0.6 : 1.2,
          },
        });
      }
      for (const source of props.geometry.sources) {
        const none: maplibregl.FilterSpecification = ['==', ['get', 'code'], ''];
        map.addLayer({
          id: `within-${source.id}`,
          type: 'line',
          source: outlineSource(source.id),
          filter: none,
          paint: { 'line-color': '#d4002a', 'line-width': 2.5, 'line-dasharray': [2, 1.5] },
        });
        // A white halo under the selected outline keeps it visible on any fill colour and beside other outlines.
        map.addLayer({
          id: `halo-${source.id}`,
          type: 'line',
          source: outlineSource(source.id),
          filter: none,
          paint: { 'line-color': '#fff', 'line-width': 7.5, 'line-opacity': 0.9 },
        });
        map.addLayer({
          id: `selected-${source.id}`,
          type: 'line',
          source: outlineSource(source.id),
          filter: none,
          paint: { 'line-color': '#d4002a', 'line-width': 3.5 },
        });
        map.addLayer({
          id: `hover-${source.id}`,
          type: 'line',
          source: outlineSource(source.id),
          filter: none,
          paint: { 'line-color': '#111', 'line-width': 2 },
        });
      }
      zoomRanges.current = autoZoomRanges(map.getZoom(), props.geometry.gemeenten);
      applied.current = new Map();
      setReady(true);
    });

    // queryRenderedFeatures also returns features of layers outside their zoom range: ask only the drawn ones.
    const fillLayers = () => visibleFillLayers(map);
    map.on('zoomend', () => {
      loadVisibleSources(map, props.geometry, pendingUrls.current);
      latest.current.onLevelShown?.(shownLevel(map));
    });
    const setLineFilter = (kind: 'hover' | 'selected' | 'halo' | 'within', code: string) => {
      const filter = ['all', ['==', ['get', 'code'], code], levelFilter(null, periodOf())];
      for (const source of props.geometry.sources)
        if (map.getLayer(`${kind}-${source.id}`))
          map.setFilter(`${kind}-${source.id}`, filter as maplibregl.FilterSpecification);
    };
    setSelectedFilter.current = (code) => {
      setLineFilter('selected', code);
      setLineFilter('halo', code);
      setLineFilter('within', latest.current.selectedWithin ?? '');
    };
    setHoverFilter.current = (code) => setLineFilter('hover', code);
    const featureAt = (point: maplibregl.PointLike) =>
      map.queryRenderedFeatures(point, { layers: fillLayers() })[0]?.properties?.code as string | undefined;
    map.on('mousemove', (e) => {
      const code = featureAt(e.point);
      map.getCanvas().style.cursor = code ? 'pointer' : '';
      setLineFilter('hover', code ?? '');
      setTooltip(code ? { x: e.point.x, y: e.point.y, text: latest.current.describe(code) } : null);
      if ((code ?? null) !== hovered.current) {
        hovered.current = code ?? null;
        latest.current.onHover?.(hovered.current);
      }
    });
    map.on('mouseout', () => {
      setTooltip(null);
      setLineFilter('hover', '');
      if (hovered.current !== null) {
        hovered.current = null;
        latest.current.onHover?.(null);
      }
    });
    const press = (e: maplibregl.MapMouseEvent | maplibregl.MapTouchEvent) => {
      const code = featureAt(e.point);
      if (code) latest.current.onPress?.(code);
    };
    map.on('mousedown', press);
    map.on('touchstart', press);
    map.on('click', (e) => {
      const code = featureAt(e.point);
      if (code) latest.current.onSelect(code);
    });
    // maplibre's remove() gives its WebGL context back; on a reload the next page's map then need not wait for it.
    const stopOnDiscard = onPageDiscard(() => map.remove());
    return () => {
      stopOnDiscard();
      // A parked map lives on in its successor's frame; if none took it, it goes now.
      if (parked.current) dropParkedMap(parked.current);
      else map.remove();
      mapRef.current = null;
      setReady(false);
    };
  }, [props.geometry, t]);

  // Layout effects: the leaving map parks (its cleanup runs while React removes it) and its successor takes it (on
  // mount) in the same commit, before the browser paints, so no frame is without a map.
  useLayoutEffect(() => {
    const element = container.current;
    return () => {
      const map = mapRef.current;
      const handoff = latest.current.handoff;
      if (!map || !element || !readyRef.current || handoff?.role !== 'give') return;
      parked.current = {
        key: handoff.key,
        element,
        remove: () => {
          map.remove();
          element.remove();
        },
      };
      parkMap(parked.current);
    };
  }, []);
  useLayoutEffect(() => {
    const handoff = latest.current.handoff;
    const taken = handoff?.role === 'take' ? takeParkedMap(handoff.key) : null;
    if (!taken) return;
    if (!frame.current) return taken.remove();
    covering.current = taken;
    // Seen, not used: clicks reach this map below it; tests and assistive technology find only this one.
    taken.element.classList.add('map-handoff');
    taken.element.removeAttribute('data-ready');
    taken.element.setAttribute('aria-hidden', 'true');
    taken.element.inert = true;
    frame.current.append(taken.element);
    return () => uncover(covering);
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    layerVisibility(map, props.level, zoomRanges.current);
    loadVisibleSources(map, props.geometry, pendingUrls.current);
    latest.current.onLevelShown?.(shownLevel(map));
  }, [ready, props.level, props.geometry]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    applyPaint(map, applied.current, props.paint);
    // The paint itself, not a copy (~18.000 entries at national at every switch): a paint is never changed once made
    // (mapPaint keeps one per rows), a new one comes as a new map.
    applied.current = props.paint;
    // For the benchmark and the tests: the moment the new colours are on screen.
    map.once('idle', () => performance.mark('gk:map-painted'));
    map.triggerRepaint();
  }, [ready, props.paint]);

  // The map taken over from goes in the frame this map first draws its data's colours: the two swap in one frame.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready || !covering.current || props.loading) return;
    const swap = () => uncover(covering);
    map.once('idle', swap);
    map.triggerRepaint();
    return () => {
      map.off('idle', swap);
    };
  }, [ready, props.loading]);

  useEffect(() => {
    const map = mapRef.current;
    const scope = props.scope ?? null;
    const scopeChanged = scope !== appliedScope.current;
    if (!map || !ready || (!props.geometry.periodic && !scopeChanged)) return;
    const period = props.geometry.periodic ? props.period : null;
    for (const level of DRAWN_LEVELS) {
      const filter = levelFilter(level, period, scope?.codes ?? null);
      for (const id of [`${level}-fill`, `${level}-hatch`, `${level}-line`])
        if (map.getLayer(id)) map.setFilter(id, filter);
    }
    if (scopeChanged) {
      appliedScope.current = scope;
      map.fitBounds(scope?.bounds ?? props.geometry.bounds, { padding: 16, duration: 0 });
    }
  }, [ready, props.period, props.geometry, props.scope]);

  useEffect(() => {
    if (!mapRef.current || !ready || props.highlight === undefined) return;
    setHoverFilter.current(props.highlight ?? '');
  }, [ready, props.highlight]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the outline follows the year's indeling too
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    setSelectedFilter.current(props.selected ?? '');
  }, [ready, props.selected, props.selectedWithin, props.period]);

  if (failed) return <p className="notice">{props.webglMissing}</p>;
  return (
    <div className="map-frame" ref={frame}>
      <section ref={container} className="map" aria-label={props.ariaLabel} data-ready={ready} />
      {tooltip && (
        <div className="map-tooltip" style={{ left: tooltip.x + 12, top: tooltip.y + 12 }} role="status">
          {tooltip.text}
        </div>
      )}
    </div>
  );
}
