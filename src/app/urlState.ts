import { LANGS, type Lang } from './format.ts';

export const VIEWS = ['kompas', 'overzicht', 'verkennen', 'data', 'over'] as const;
export type View = (typeof VIEWS)[number];

export const MAP_LEVELS = ['auto', 'gemeente', 'wijk', 'buurt', 'gebied'] as const;
export type MapLevel = (typeof MAP_LEVELS)[number];

/** Everything a user chose: a link with these parameters reproduces the view. */
export interface UrlState {
  dataset: string | null;
  area: string | null;
  indicator: string | null;
  period: number | null;
  view: View;
  lang: Lang;
  level: MapLevel;
  /** Verkennen: colour, rank and order by the empirical-Bayes stabilised values (src/compass/levelFunnel.ts). */
  stabilised: boolean;
}

const MAX_PARAM = 64;

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** Reads the state from a query string; unknown or malformed values fall back to defaults, never throw. */
export function parseUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const text = (name: string) => {
    const v = params.get(name)?.trim();
    return v ? v.slice(0, MAX_PARAM) : null;
  };
  const period = text('period');
  return {
    dataset: text('dataset'),
    area: text('area'),
    indicator: text('indicator'),
    period: period && /^\d{4}$/.test(period) ? Number(period) : null,
    view: oneOf(text('view'), VIEWS, 'kompas'),
    lang: oneOf(text('lang'), LANGS, 'nl'),
    level: oneOf(text('level'), MAP_LEVELS, 'auto'),
    stabilised: text('stabilised') === '1',
  };
}

/** The query string for a state, in a fixed parameter order; defaults (lang, level, stabilised) are left out. */
export function serializeUrlState(state: UrlState): string {
  const params = new URLSearchParams();
  if (state.dataset) params.set('dataset', state.dataset);
  if (state.area) params.set('area', state.area);
  if (state.indicator) params.set('indicator', state.indicator);
  if (state.period !== null) params.set('period', String(state.period));
  params.set('view', state.view);
  if (state.lang !== 'nl') params.set('lang', state.lang);
  if (state.level !== 'auto') params.set('level', state.level);
  if (state.stabilised) params.set('stabilised', '1');
  return `?${params.toString()}`;
}
