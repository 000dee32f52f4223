import { useId } from 'react';
import { useI18n } from '../../app/i18n/index.tsx';
import { MAP_LEVELS, type MapLevel } from '../../app/urlState.ts';
import { type Indicator, THEMES } from '../../data/package.ts';

export interface ControlsProps {
  indicators: readonly Indicator[];
  indicator: string;
  periods: readonly number[];
  period: number;
  level: MapLevel;
  hasCustomAreas: boolean;
  onIndicator(id: string): void;
  onPeriod(period: number): void;
  onLevel(level: MapLevel): void;
  /** False: no indicator choice (the overview shows every indicator). */
  showIndicator?: boolean;
  /** False: no year choice (Verkennen chooses the year with its slider). */
  showPeriod?: boolean;
  /** The levels to offer (default: every map level) and the label of that choice (default "Kaartniveau"). */
  levels?: readonly MapLevel[];
  levelLabel?: string;
}

/** Indicator, year and map-level choice. Native selects: keyboard and screen-reader support come for free. */
export function Controls(props: ControlsProps) {
  const i18n = useI18n();
  const id = useId();
  const levels = (props.levels ?? MAP_LEVELS).filter((l) => l !== 'gebied' || props.hasCustomAreas);
  return (
    <div className="controls">
      {props.showIndicator !== false && (
        <div className="control">
          <label htmlFor={`${id}-indicator`}>{i18n.t('controls.indicator')}</label>
          <select
            id={`${id}-indicator`}
            name="indicator"
            value={props.indicator}
            onChange={(e) => props.onIndicator(e.target.value)}
          >
            {THEMES.map((theme) => {
              const list = props.indicators.filter((i) => i.theme === theme);
              return list.length === 0 ? null : (
                <optgroup key={theme} label={i18n.t(`theme.${theme}`)}>
                  {list.map((i) => (
                    <option key={i.id} value={i.id}>
                      {i18n.label(i)}
                    </option>
                  ))}
                </optgroup>
              );
            })}
          </select>
        </div>
      )}
      {props.showPeriod !== false && (
        <div className="control">
          <label htmlFor={`${id}-period`}>{i18n.t('controls.period')}</label>
          <select
            id={`${id}-period`}
            name="period"
            value={props.period}
            onChange={(e) => props.onPeriod(Number(e.target.value))}
          >
            {[...props.periods].reverse().map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="control">
        <label htmlFor={`${id}-level`}>{props.levelLabel ?? i18n.t('controls.level')}</label>
        <select
          id={`${id}-level`}
          name="level"
          value={props.level}
          onChange={(e) => props.onLevel(e.target.value as MapLevel)}
        >
          {levels.map((l) => (
            <option key={l} value={l}>
              {i18n.t(`level.${l}`)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
