import { useI18n } from '../../app/i18n/index.tsx';
import type { Indicator, Level } from '../../data/package.ts';
import { type ColorClass, NO_DATA_COLOR, SUPPRESSED_COLOR } from './colorScale.ts';

export interface MapLegendProps {
  indicator: Indicator;
  period: number;
  classes: ColorClass[];
  /** The level whose classes these are (each drawn level has its own). */
  level?: Level | null;
  hasSuppressed: boolean;
  hasMissing: boolean;
  /** The colours are Verkennen's stabilised values: the caption says so. */
  stabilised?: boolean;
}

/** The map's legend, as a list (it is also the text equivalent of the colours). */
export function MapLegend({
  indicator,
  period,
  classes,
  level = null,
  hasSuppressed,
  hasMissing,
  stabilised = false,
}: MapLegendProps) {
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
        {hasSuppressed && (
          <li>
            <span className="swatch" style={{ background: SUPPRESSED_COLOR }} aria-hidden="true" />
            {i18n.t('map.suppressed')}
          </li>
        )}
        {hasMissing && (
          <li>
            <span className="swatch" style={{ background: NO_DATA_COLOR }} aria-hidden="true" />
            {i18n.t('map.noData')}
          </li>
        )}
        <li>
          <span className="swatch swatch-selected" aria-hidden="true" />
          {i18n.t('map.selected')}
        </li>
      </ul>
    </figure>
  );
}
