import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { useI18n } from '../../app/i18n/index.tsx';
import { missingWordKey } from '../../app/missingReason.ts';
import type { MapLevel } from '../../app/urlState.ts';
import { drawnRows, useChoropleth } from '../../app/useChoropleth.ts';
import { useMapPrefetch } from '../../app/useMapPrefetch.ts';
import { nameIn, nameNote } from '../../data/areaPeriods.ts';
import type { FirstView } from '../../data/firstView.ts';
import type { LoadedPackage } from '../../data/load.ts';
import { hasShapes, scopeBounds } from '../../data/mapGeometry.ts';
import type { Indicator, Level } from '../../data/package.ts';
import type { ChoroplethRow } from '../../queries/choropleth.ts';
import { ancestors } from '../picker/areaTree.ts';

// maplibre is the largest library of the app (~290 KB gzip): loaded in parallel, so the Kompas does not wait for it.
const AreaMap = lazy(() => import('./AreaMap.tsx').then((m) => ({ default: m.AreaMap })));

import { isolate } from '../../app/bidi.ts';
import type { DrawnLevel, MapScope } from './AreaMap.tsx';
import type { MapClassification } from './classify.ts';
import { MapLegend } from './MapLegend.tsx';
import { mapPaint } from './mapPaint.ts';

/** What the map reads of a package: the start screen has it from the fetched files, before DuckDB holds them. */
export type MapPackage = Pick<LoadedPackage, 'meta' | 'areas' | 'indicators' | 'geometry' | 'partitions'>;

export interface MapPanelProps {
  pkg: MapPackage;
  indicator: Indicator;
  period: number;
  level: MapLevel;
  selected: string;
  onSelect(code: string): void;
  /** How values become colours (Verkennen offers a choice); default quantiles. */
  classification?: MapClassification;
  highlight?: string | null;
  onHover?(code: string | null): void;
  /** The area a press starts on, before its click (see AreaMap). */
  onPress?(code: string): void;
  /** Areas outside a range brushed in a chart: drawn faded, so the map shows only the brushed ones. */
  dimmed?: ReadonlySet<string> | null;
  /**
   * Only the areas of this gemeente (Verkennen's wijken in a package of many): queried, classified and drawn, with
   * the map fitted to the gemeente, so map, ranking and charts show the same areas.
   */
  gemeente?: string | null;
  /**
   * Values to colour by instead of the package's (Verkennen's stabilised values, by code): an area without one is
   * drawn as without data; the legend says "gestabiliseerd" and the tooltip gives both values.
   */
  stabilised?: ReadonlyMap<string, number> | null;
  /** The package's precomputed first view: its map files answer where they can (see useChoropleth). */
  first?: FirstView | null;
  /** The user's own data is part of the package: DuckDB answers. */
  ownData?: boolean;
  /**
   * The start screen's map (`give`) stays on screen over the dashboard's (`take`) until that one has drawn: two
   * maplibre instances, but no blank map while the second loads (see mapHandoff.ts).
   */
  handoff?: 'give' | 'take';
}

const NO_ROWS: ChoroplethRow[] = [];
/** How fine a level is: a buurt lies in a wijk, a wijk in a gemeente; an own area (gebied) lies in none of them. */
const FINER: Record<Level, number> = { land: 0, gemeente: 1, wijk: 2, buurt: 3, gebied: Number.NaN };

/** A constant, so the default does not make a new paint on every render. */
const QUANTILES: MapClassification = { method: 'quantile' };

export type { MapClassification } from './classify.ts';

/** The levels a map choice draws; `auto` adds the gemeenten when the package has more than one. */
export function drawnLevels(level: MapLevel, gemeenten: number): Level[] {
  if (level !== 'auto') return [level];
  return gemeenten > 1 ? ['gemeente', 'wijk', 'buurt'] : ['wijk', 'buurt'];
}

/** Map + legend for one indicator and year: one query, one colour scale per drawn level, paint by code. */
export function MapPanel({
  pkg,
  indicator,
  period,
  level,
  selected,
  onSelect,
  classification = QUANTILES,
  highlight,
  onHover,
  onPress,
  dimmed = null,
  gemeente = null,
  stabilised = null,
  first = null,
  ownData = false,
  handoff,
}: MapPanelProps) {
  const i18n = useI18n();
  const levels = useMemo(() => drawnLevels(level, pkg.geometry.gemeenten), [level, pkg.geometry.gemeenten]);
  const scope = useMemo((): MapScope | null => {
    if (!gemeente) return null;
    const codes = pkg.areas.filter((a) => a.gemeente === gemeente && levels.includes(a.level)).map((a) => a.code);
    const bounds = scopeBounds(pkg.geometry, gemeente, new Set(codes));
    return bounds ? { codes, bounds } : null;
  }, [gemeente, pkg, levels]);
  const request = useMemo(
    () => ({ indicator: indicator.id, period, levels, gemeente }),
    [indicator.id, period, levels, gemeente],
  );
  const { data, loading, answers } = useChoropleth(
    request,
    pkg.partitions ? [pkg.partitions.indicatorPeriod(indicator.id, period)].filter((p) => p !== null) : undefined,
    first,
    ownData,
  );
  // What the colours on screen are of: while the next indicator or year loads, still the previous one, and the legend,
  // tooltip and (periodic) boundaries say so, then change in the same frame as the colours.
  const shownIndicator =
    (answers && answers.indicator !== indicator.id && pkg.indicators.find((i) => i.id === answers.indicator)) ||
    indicator;
  const shownPeriod = answers?.period ?? period;
  const drawnCount = useMemo(
    () => scope?.codes.length ?? pkg.areas.filter((a) => levels.includes(a.level)).length,
    [pkg.areas, levels, scope],
  );
  // The colour table of a map file fetched ahead, computed in idle time: a switch to it then only looks it up.
  const preparePaint = useCallback(
    (fileRows: readonly ChoroplethRow[]) => {
      if (dimmed || stabilised) return;
      mapPaint(drawnRows(fileRows, levels), { sources: pkg.geometry.sources, drawnCount, classification });
    },
    [dimmed, stabilised, levels, pkg.geometry.sources, drawnCount, classification],
  );
  // Once this map is drawn, fetch what the next switch most likely needs.
  useMapPrefetch({
    prepare: preparePaint,
    indicators: pkg.indicators,
    periods: pkg.meta.periods,
    partitions: pkg.partitions,
    shown: { indicator: indicator.id, period },
    levels,
    gemeente,
    first,
    ownData,
    ready: data !== null && !loading,
  });
  const byCode = useMemo(() => new Map(pkg.areas.map((a) => [a.code, a])), [pkg.areas]);
  // The tooltip names an area as it was called in the year shown, with its other names (a buurt CBS renamed): asked
  // per area when shown, not for every area (~18.000 at national scale) at each year switch.
  const nameOf = (code: string): string | undefined => {
    const area = byCode.get(code);
    if (!area) return undefined;
    const named = { ...area, name: nameIn(area, shownPeriod) };
    const note = nameNote(named);
    const name = isolate(named.name);
    return note ? `${name} (${i18n.t(`area.${note.kind}`, { names: note.names })})` : name;
  };

  const [levelShown, setLevelShown] = useState<DrawnLevel | null>(null);
  const { paint, scales, valueAt, missing, reasonAt } = useMemo(
    () => mapPaint(data ?? NO_ROWS, { sources: pkg.geometry.sources, drawnCount, classification, dimmed, stabilised }),
    [data, pkg.geometry.sources, drawnCount, classification, dimmed, stabilised],
  );
  const raw = useMemo(
    () => (stabilised ? new Map((data ?? []).map((r) => [r.code, r.suppressed ? null : r.value])) : null),
    [data, stabilised],
  );

  const describe = (code: string) => {
    const name = nameOf(code) ?? code;
    if (!paint.has(code)) return `${name}: ${i18n.t(missingWordKey('no_data'))}`;
    const v = valueAt(code);
    const measured = raw?.get(code);
    if (raw && measured !== null && measured !== undefined) {
      return i18n.t('verkennen.map.describeStabilised', {
        name,
        raw: i18n.value(measured, shownIndicator),
        stabilised: v === null || v === undefined ? '–' : i18n.value(v, shownIndicator),
      });
    }
    const reason = reasonAt(code) ?? 'not_published';
    return `${name}: ${v === null || v === undefined ? i18n.t(missingWordKey(reason)) : i18n.value(v, shownIndicator)}`;
  };

  // A buurt chosen while the map shows wijken is a small outline: its wijk is outlined too, and named below the map.
  const onScreen = levelShown ?? (level === 'auto' ? null : level);
  const within = useMemo(() => {
    const area = byCode.get(selected);
    if (!area || !onScreen || !(FINER[area.level] > FINER[onScreen])) return null;
    return ancestors(byCode, selected).find((code) => byCode.get(code)?.level === onScreen) ?? null;
  }, [byCode, selected, onScreen]);
  const selectedName = nameOf(selected);
  const withinName = within ? nameOf(within) : null;

  // The legend shows the classes of the level on screen (with `auto` the zoom decides), else the first level drawn.
  const legendLevel = (levelShown && scales.has(levelShown) ? levelShown : levels.find((l) => scales.has(l))) ?? null;
  const legendClasses = legendLevel ? (scales.get(legendLevel)?.classes ?? []) : [];
  const levelName =
    level === 'auto'
      ? `${i18n.t('levelSingular.wijk')}/${i18n.t('levelSingular.buurt')}`
      : i18n.t(`levelSingular.${level}`);
  const shapes = hasShapes(pkg.geometry);
  return (
    <section className="map-panel" aria-labelledby="map-title" aria-busy={loading}>
      <h2 id="map-title" className="visually-hidden">
        {i18n.t('map.title')}
      </h2>
      {!shapes ? (
        // Without a boundary there is no extent to fit (maplibre would throw and the map claim there is no WebGL).
        <p className="notice map-no-shapes">{i18n.t('map.noShapes')}</p>
      ) : (
        <Suspense fallback={<div className="map map-loading">{i18n.t('map.loading')}</div>}>
          <AreaMap
            geometry={pkg.geometry}
            level={level}
            paint={paint}
            period={shownPeriod}
            selected={selected}
            selectedWithin={within}
            attribution={pkg.meta.attribution}
            ariaLabel={i18n.t('map.label', {
              indicator: i18n.label(shownIndicator),
              period: shownPeriod,
              level: levelName,
            })}
            describe={describe}
            onSelect={onSelect}
            {...(highlight !== undefined && { highlight })}
            {...(onHover && { onHover })}
            {...(onPress && { onPress })}
            webglMissing={i18n.t('map.webglMissing')}
            scope={scope}
            onLevelShown={setLevelShown}
            handoff={handoff ? { key: pkg.meta.id, role: handoff } : null}
            loading={loading}
          />
        </Suspense>
      )}
      {shapes && (
        <MapLegend
          indicator={shownIndicator}
          period={shownPeriod}
          classes={legendClasses}
          level={legendLevel}
          missing={missing}
          stabilised={stabilised !== null}
        />
      )}
      {selectedName && (
        <p className="map-selection" data-within={within ?? undefined}>
          {withinName
            ? i18n.t('map.selectedWithin', { name: selectedName, parent: withinName })
            : i18n.t('map.selectedArea', { name: selectedName })}
        </p>
      )}
    </section>
  );
}
