import { useEffect, useId, useLayoutEffect, useMemo, useRef } from 'react';
import { type I18n, useI18n } from '../../app/i18n/index.tsx';
import { MIN_RING_AIMS, ringAims } from '../../compass/themeSummary.ts';
import type { ThemeSummary } from '../../compass/types.ts';
import { THEMES, type Theme } from '../../data/package.ts';
import { SvgHost } from '../charts/SvgHost.tsx';
import { COMPASS_SYMBOLS, type CompassTone, compassGraphic, compassSwatch, markActiveTheme } from './compassGraphic.ts';
import './badges.css';

export interface CompassGraphicProps {
  /** One per theme to show (the graphic orders them as THEMES). */
  summaries: ThemeSummary[];
  /** Called on click, Enter or Space on a theme's segment. */
  onTheme(theme: Theme): void;
  /** The selected theme, shown pressed; leave out when the graphic selects nothing. */
  activeTheme?: Theme | null;
  /** Diameter of the ring in px (default 280). */
  size?: number;
  /** Show the legend under the graphic (default true). */
  legend?: boolean;
}

/** How the theme's aims colour its ring: "2 van 3 doelen op koers", or "te weinig doelen" (ringAims). */
export function aimsText(s: ThemeSummary, i18n: I18n): string {
  const ring = ringAims(s);
  if (ring.total === 0) return i18n.t('compass.ring.none');
  if (!ring.enough) return i18n.t('compass.ring.tooFew');
  return i18n.t('compass.ring.onCourse', { onCourse: ring.onCourse, total: ring.total });
}

/** "Jeugd: 3 duidelijk beter, 1 duidelijk slechter, 2 geen duidelijk verschil; doelen: 1 op koers, 1 niet op koers". */
export function themeSentence(s: ThemeSummary, i18n: I18n): string {
  const { t } = i18n;
  const count = (key: Parameters<I18n['t']>[0], n: number) => (n > 0 ? [t(key, { count: n })] : []);
  const indicators = [
    ...count('compass.count.better', s.better),
    ...count('compass.count.worse', s.worse),
    ...count('compass.count.unclear', s.unclear),
    ...count('compass.count.neutral', s.neutral),
    ...count('compass.count.unknown', s.unknown),
  ];
  const aims = [
    ...count('compass.count.achieved', s.achieved),
    ...count('compass.count.onCourse', s.onCourse),
    ...count('compass.count.uncertain', s.uncertain),
    ...count('compass.count.offCourse', s.offCourse),
    ...count('compass.count.aimsUnknown', s.aimsUnknown),
  ];
  const params = {
    theme: t(`theme.${s.theme}`),
    indicators: indicators.length > 0 ? indicators.join(', ') : t('compass.theme.noIndicators'),
    aims: aims.join(', '),
    ring: aimsText(s, i18n),
  };
  return t(aims.length > 0 ? 'compass.theme.summaryAims' : 'compass.theme.summary', params);
}

/** Server rendering (tests, a static print) has no DOM to build in; the text equivalent still renders. */
const hasDocument = () => typeof globalThis.document !== 'undefined';

function Swatch({ tone, idPrefix }: { tone: CompassTone; idPrefix: string }) {
  const element = useMemo(
    () => (hasDocument() ? compassSwatch(tone, { idPrefix: `${idPrefix}-legend-${tone}` }) : null),
    [tone, idPrefix],
  );
  return <SvgHost element={element} className="compass-swatch-host" />;
}

function Legend({ idPrefix }: { idPrefix: string }) {
  const { t } = useI18n();
  const S = COMPASS_SYMBOLS;
  const item = (tone: CompassTone, symbol: string, text: string) => (
    <li key={`${tone}-${symbol}`}>
      <Swatch tone={tone} idPrefix={idPrefix} />
      {symbol && <span aria-hidden="true">{symbol}&nbsp;</span>}
      {text}
    </li>
  );
  return (
    <div className="compass-legend" aria-hidden="true">
      <ul>
        {item('better', S.better, t('compass.verdict.better'))}
        {item('unclear', S.unclear, t('compass.verdict.unclear'))}
        {item('worse', S.worse, t('compass.verdict.worse'))}
        {item('none', S.none, t('compass.legend.none'))}
      </ul>
      <ul>
        <li>{t('compass.legend.ring', { count: MIN_RING_AIMS })}:</li>
        {item('better', '', t('compass.legend.aimsOn'))}
        {item('worse', '', t('compass.legend.aimsOff'))}
        {item('none', '', t('compass.legend.aimsOther'))}
      </ul>
      <p>{t('compass.legend.counts')}</p>
    </div>
  );
}

/**
 * The compass of one area as a ring of themes, each a button that calls `onTheme`, with a legend and, for screen
 * readers, the same content as a list of sentences.
 */
export function CompassGraphic({ summaries, onTheme, activeTheme, size, legend = true }: CompassGraphicProps) {
  const i18n = useI18n();
  const idPrefix = `compass-${useId().replace(/[^\w-]/g, '')}`;
  const onThemeRef = useRef(onTheme);
  useEffect(() => {
    onThemeRef.current = onTheme;
  }, [onTheme]);
  const hasActive = activeTheme !== undefined;
  const ordered = useMemo(
    () => [...summaries].sort((a, b) => THEMES.indexOf(a.theme) - THEMES.indexOf(b.theme)),
    [summaries],
  );

  const element = useMemo(
    () =>
      hasDocument()
        ? compassGraphic(summaries, {
            labels: Object.fromEntries(THEMES.map((theme) => [theme, i18n.t(`theme.${theme}`)])) as Record<
              Theme,
              string
            >,
            ariaLabel: i18n.t('compass.graphic.label'),
            describe: (s) => themeSentence(s, i18n),
            aimsText: (s) => aimsText(s, i18n),
            size,
            idPrefix,
            activeTheme: hasActive ? null : undefined,
            onSelect: (theme) => onThemeRef.current(theme),
          })
        : null,
    [summaries, i18n, size, idPrefix, hasActive],
  );
  // The selection is marked in place: rebuilding the graphic would drop the keyboard focus on Enter.
  useLayoutEffect(() => {
    if (element && activeTheme !== undefined) markActiveTheme(element, activeTheme);
  }, [element, activeTheme]);

  return (
    <div className="compass-graphic">
      <SvgHost element={element} className="compass-graphic-svg" />
      {legend && <Legend idPrefix={idPrefix} />}
      <ul className="visually-hidden" aria-label={i18n.t('compass.graphic.textTitle')}>
        {ordered.map((s) => (
          <li key={s.theme}>{themeSentence(s, i18n)}</li>
        ))}
      </ul>
    </div>
  );
}
