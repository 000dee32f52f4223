import { useEffect, useEffectEvent, useId, useState } from 'react';
import { useI18n } from '../../app/i18n/index.tsx';

export interface YearSliderProps {
  /** The package's periods (ascending, not necessarily consecutive). */
  periods: readonly number[];
  value: number;
  onChange: (period: number) => void;
  /** Milliseconds per step while playing (default 1000). */
  interval?: number;
}

/**
 * The period a move of the slider lands on: the slider runs over every calendar year, but only the package's periods
 * can be chosen, so a move right goes to the first period at or after the slider's year, a move left to the last at
 * or before it (an arrow key from 2015 reaches 2023, not back to 2015).
 */
export function snapPeriod(periods: readonly number[], current: number, year: number): number {
  if (periods.length === 0) return current;
  if (year > current) return periods.find((p) => p >= year) ?? periods[periods.length - 1]!;
  if (year < current) return [...periods].reverse().find((p) => p <= year) ?? periods[0]!;
  return current;
}

/** The marks that carry their year: the first and the last, and those in between with room (three years) for one. */
export function markLabels(periods: readonly number[]): Set<number> {
  const out = new Set<number>();
  const final = periods[periods.length - 1];
  let previous: number | null = null;
  for (const p of periods) {
    if (previous === null || p === final || (p - previous >= 3 && final !== undefined && final - p >= 3)) {
      out.add(p);
      previous = p;
    }
  }
  return out;
}

/**
 * The year as a range input over the calendar years from the first period to the last, so that 2015, 2023 and 2024
 * stand at their distance in time and the years without figures show as a gap between the marks; with a
 * Play/Pause button that steps once a second and stops at the last year; Play on the last year starts from the first.
 * The input's value text is the year itself, so a screen reader says "2021", not "3".
 */
export function YearSlider({ periods, value, onChange, interval = 1000 }: YearSliderProps) {
  const { t } = useI18n();
  const id = useId();
  const [playing, setPlaying] = useState(false);
  const index = Math.max(0, periods.indexOf(value));
  const last = periods.length - 1;
  const first = periods[0] ?? value;
  const final = periods[last] ?? value;
  const span = Math.max(1, final - first);
  const labelled = markLabels(periods);

  const step = useEffectEvent(() => {
    const next = periods.indexOf(value) + 1;
    if (next > last) {
      setPlaying(false);
      return;
    }
    onChange(periods[next]!);
    if (next === last) setPlaying(false);
  });
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(step, interval);
    return () => clearInterval(timer);
  }, [playing, interval]);

  const toggle = () => {
    if (playing) {
      setPlaying(false);
      return;
    }
    if (index >= last && periods.length > 1) onChange(periods[0]!);
    setPlaying(periods.length > 1);
  };

  return (
    <div className="year-slider">
      <label htmlFor={id}>{t('verkennen.year.label')}</label>
      <span className="year-slider-track">
        <input
          id={id}
          type="range"
          min={first}
          max={final}
          step={1}
          value={value}
          list={`${id}-years`}
          aria-valuetext={t('verkennen.year.current', { period: value })}
          disabled={periods.length < 2}
          onChange={(e) => {
            setPlaying(false);
            const period = snapPeriod(periods, value, Number(e.currentTarget.value));
            if (period !== value) onChange(period);
          }}
        />
        <datalist id={`${id}-years`}>
          {periods.map((p) => (
            <option key={p} value={p} />
          ))}
        </datalist>
        <span className="year-slider-marks" aria-hidden="true">
          {periods.map((p) => (
            <span key={p} className="year-slider-mark" style={{ left: `${((p - first) / span) * 100}%` }}>
              {labelled.has(p) ? p : ''}
            </span>
          ))}
        </span>
      </span>
      <output htmlFor={id}>{value}</output>
      <button type="button" onClick={toggle} disabled={periods.length < 2}>
        {playing ? t('verkennen.year.pause') : t('verkennen.year.play')}
      </button>
    </div>
  );
}
