import { useI18n } from '../../app/i18n/index.tsx';
import { type MissingReason, missingLegendKey } from '../../app/missingReason.ts';
import type { Indicator, Level } from '../../data/package.ts';
import { type ColorClass, MISSING_SWATCHES } from './colorScale.ts';

export interface MapLegendProps {
  indicator: Indicator;
  period: number;
  classes: ColorClass[];
  /** The level whose classes these are (each drawn level has its own). */
  level?: Level | null;
  /** Why areas on the map have no value, each with its own fill (MISSING_COLORS), in MISSING_REASONS order. */
  missing: readonly MissingReason[];
  /** The colours are Verkennen's stabilised values: the caption says so. */
  stabilised?: boolean;
}

/** The map's legend, as a list (it is also the text equivalent of the colours). */
export function MapLegend({ indicator, period, classes, level = null, missing, stabilised = false }: MapLegendProps) {
  const i18n = useI18n();
  return (
    <figure className="legend" data-level={level ?? undefined}>
      <figcaption>
        {i18n.t(stabilised ? 'verkennen.map.legendStabilised' : 'map.legend', {
          indicator: i18n.label(indicator),
          period,
        })}
        {level && <span className="legend-level"> · {i18n.t(`level.${level}`)}</span>}
        {i18n.unitNote(indicator) && <span className="unit-note"> ({i18n.unitNote(indicator)})</span>}
      </figcaption>
      <ul>
        {classes.map((c) => (
          <li key={`${c.from}-${c.to}`}>
            <span className="swatch" style={{ background: c.color }} aria-hidden="true" />
            {i18n.t('map.legendRange', {
              from: i18n.compactValue(c.from, indicator),
              to: i18n.compactValue(c.to, indicator),
            })}
          </li>
        ))}
        {missing.map((reason) => (
          <li key={reason} data-missing={reason}>
            <span className="swatch" style={{ background: MISSING_SWATCHES[reason] }} aria-hidden="true" />
            {i18n.t(missingLegendKey(reason))}
          </li>
        ))}
        <li>
          <span className="swatch swatch-selected" aria-hidden="true" />
          {i18n.t('map.selected')}
        </li>
      </ul>
    </figure>
  );
}
