import type { Indicator, Level } from '../../data/package.ts';
import type { References } from './chartParts.ts';

/** What every Verkennen panel gets from the page: the choice, and the hover and selection shared by all views. */
export interface LinkedPanelProps {
  period: number;
  level: Level;
  highlight: string | null;
  onHover: (code: string | null) => void;
  onSelect: (code: string) => void;
  width?: number;
}

/** A panel of one indicator's values along an axis that can be brushed (the ranking and the histogram). */
export interface ValueAxisPanelProps extends LinkedPanelProps {
  indicator: Indicator;
  reference?: References;
  /** A range dragged along the value axis (null when cleared): the page dims the areas outside it on the map. */
  onBrush?: (range: [number, number] | null) => void;
  /** The range brushed now (in either chart), drawn on the axis so it stays when the chart redraws. */
  brushed?: [number, number] | null;
}
