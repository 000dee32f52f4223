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
 * The year as a range input over the package's periods (by index, so 2015, 2017, 2020 are three equal steps), with a
 * Play/Pause button that steps once a second and stops at the last year; Play on the last year starts from the first.
 * The input's value text is the year itself, so a screen reader says "2021", not "3".
 */
export function YearSlider({ periods, value, onChange, interval = 1000 }: YearSliderProps) {
  const { t } = useI18n();
  const id = useId();
  const [playing, setPlaying] = useState(false);
  const index = Math.max(0, periods.indexOf(value));
  const last = periods.length - 1;

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
      <input
        id={id}
        type="range"
        min={0}
        max={Math.max(0, last)}
        step={1}
        value={index}
        aria-valuetext={t('verkennen.year.current', { period: value })}
        disabled={periods.length < 2}
        onChange={(e) => {
          setPlaying(false);
          const period = periods[Number(e.currentTarget.value)];
          if (period !== undefined) onChange(period);
        }}
      />
      <output htmlFor={id}>{value}</output>
      <button type="button" onClick={toggle} disabled={periods.length < 2}>
        {playing ? t('verkennen.year.pause') : t('verkennen.year.play')}
      </button>
    </div>
  );
}
