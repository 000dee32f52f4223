import type { FeatureCollection } from 'geojson';
import { useMemo } from 'react';
import { SvgHost } from '../charts/SvgHost.tsx';
import { miniMap } from './miniMap.ts';

export interface AreaMiniMapProps {
  collection: FeatureCollection;
  highlight: string;
  /** The areas to draw around it (e.g. the wijken of the gemeente); default all. */
  codes?: readonly string[];
  /** Draw only the areas that exist in this period (packages with each year's indeling). */
  period?: number;
  /** Drawing size in px; print.css scales it to the report's column. Default 320 × 240. */
  width?: number;
  height?: number;
  ariaLabel: string;
}

/** Where the area lies in its gemeente, as a small static map for the print report. */
export function AreaMiniMap({
  collection,
  highlight,
  codes,
  period,
  width = 320,
  height = 240,
  ariaLabel,
}: AreaMiniMapProps) {
  const element = useMemo(
    () => miniMap(collection, { highlight, codes, period, width, height, ariaLabel }),
    [collection, highlight, codes, period, width, height, ariaLabel],
  );
  return <SvgHost element={element} className="minimap" />;
}
