import { useContext, useEffect, useRef, useState } from 'react';
import type { FirstView } from '../data/firstView.ts';
import { type Indicator, type Level, THEMES } from '../data/package.ts';
import type { PartitionStore } from '../data/partitions.ts';
import { CoordinatorContext } from '../db/useQuery.ts';
import { type ChoroplethRow, choroplethQuery } from '../queries/choropleth.ts';
import { profileSource } from './useKompasModel.ts';

/** One map choice: an indicator in a year. */
export interface MapChoice {
  indicator: string;
  period: number;
}

/** Years of the shown indicator fetched ahead, nearest first: enough for stepping, bounded at national scale. */
const YEARS_AHEAD = 4;

/**
 * The map choices a user most likely makes next, most likely first: the adjacent years of this indicator (a year
 * switch, or Play in Verkennen), the indicators next to it in the indicator select (stepping through a theme with the
 * keyboard), then farther years. One who just stepped to another indicator most likely steps on in that select: the
 * indicators beside it come first then. Without the shown choice; `years` bounds how many years; `measured` says
 * which indicators have a map of a year (the ones beside are the nearest that do).
 */
export function nextMapChoices(
  indicators: readonly Indicator[],
  shown: MapChoice,
  periods: readonly number[],
  years = YEARS_AHEAD,
  stepped: 'indicator' | 'period' | null = null,
  measured: (indicator: string, period: number) => boolean = () => true,
): MapChoice[] {
  const nearest = periods
    .filter((p) => p !== shown.period)
    .sort((a, b) => Math.abs(a - shown.period) - Math.abs(b - shown.period) || b - a)
    .slice(0, years)
    .map((period) => ({ indicator: shown.indicator, period }));
  // The select lists the indicators by theme (views/controls/Controls.tsx).
  const list = THEMES.flatMap((theme) => indicators.filter((i) => i.theme === theme));
  const at = list.findIndex((i) => i.id === shown.indicator);
  // The nearest one each way that has a map of the shown year (a survey indicator skips years: nothing to fetch).
  const nearestMeasured = (direction: 1 | -1) => {
    for (let k = at + direction; k >= 0 && k < list.length; k += direction)
      if (measured(list[k]!.id, shown.period)) return list[k];
    return undefined;
  };
  const beside = at < 0 ? [] : [nearestMeasured(1), nearestMeasured(-1)].filter((i): i is Indicator => i !== undefined);
  const besideChoices = beside.map((i) => ({ indicator: i.id, period: shown.period }));
  return stepped === 'indicator'
    ? [...besideChoices, ...nearest]
    : [...nearest.slice(0, 2), ...besideChoices, ...nearest.slice(2)];
}

export interface MapPrefetchInput {
  indicators: readonly Indicator[];
  periods: readonly number[];
  partitions: PartitionStore | null;
  shown: MapChoice;
  levels: readonly Level[];
  gemeente: string | null;
  first: FirstView | null;
  ownData: boolean;
  /** The shown choice's rows are in (not the previous choice's kept on screen). */
  ready: boolean;
  /** Called with each map file's rows decoded ahead, in the idle moment of its decoding (the map computes its colours). */
  prepare?: (fileRows: readonly ChoroplethRow[]) => void;
}

/** The map's selects (views/controls/Controls.tsx): a user reaching for one is about to switch. */
const SWITCH_SELECTS = 'select[name="indicator"], select[name="period"]';

/**
 * The first views whose user has reached for a map select or switched the map: from then on every map drawn from one
 * fetches ahead. Kept beside the hook, not in it: the start screen's map and the dashboard's that takes over from it
 * are two panels of one page, and the user's switching goes on across the takeover.
 */
const switching = new WeakSet<FirstView>();

/**
 * True once the user reaches for the indicator or year select (focus, pointer, key), or did so on this first view
 * before (`first`): the first switch is coming, so its likely files may be fetched before it, not only after it.
 */
function useSwitchIntent(active: boolean, first: FirstView | null): boolean {
  const [reached, setIntent] = useState(false);
  const intent = reached || (first !== null && switching.has(first));
  useEffect(() => {
    if (!active || intent || typeof document === 'undefined') return;
    const onIntent = (event: Event) => {
      if (!(event.target instanceof Element && event.target.matches(SWITCH_SELECTS))) return;
      if (first) switching.add(first);
      setIntent(true);
    };
    const kinds = ['focusin', 'pointerdown', 'keydown'] as const;
    for (const kind of kinds) document.addEventListener(kind, onIntent, { capture: true, passive: true });
    return () => {
      for (const kind of kinds) document.removeEventListener(kind, onIntent, { capture: true });
    };
  }, [active, intent, first]);
  return intent;
}

/**
 * Fetches what the next map switch most likely needs (nextMapChoices), from the source the map itself would ask
 * (profileSource): the first view's map files, into its cache, from the moment the shown map's rows are in after a
 * switch (or the user reaches for a select), on the start screen too — never on the first view alone, whose bytes
 * are the first visit's; otherwise DuckDB's answers (with a partitioned package, its indicator-period files first),
 * as soon as the map is drawn. A new choice drops the guesses of the previous one.
 */
export function useMapPrefetch(input: MapPrefetchInput): void {
  const { indicators, periods, partitions, shown, levels, gemeente, first, ownData, ready } = input;
  const coordinator = useContext(CoordinatorContext);
  const prepare = useRef(input.prepare);
  prepare.current = input.prepare;
  const key = `${shown.indicator}|${shown.period}`;
  const opened = useRef<string | null>(null);
  /** The choice shown before this one: what the user last stepped in (indicator or year). */
  const previous = useRef<MapChoice | null>(null);
  const intent = useSwitchIntent(ready && first !== null, first);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is the identity of `shown`; the levels' text theirs
  useEffect(() => {
    if (!ready) return;
    opened.current ??= key;
    if (key !== opened.current && first) switching.add(first);
    const before = previous.current;
    const stepped =
      before === null
        ? null
        : before.indicator !== shown.indicator
          ? 'indicator'
          : before.period !== shown.period
            ? 'period'
            : null;
    previous.current = { indicator: shown.indicator, period: shown.period };
    const files = first && !gemeente ? first : null;
    const current = files?.mapPath(shown.indicator, shown.period) ?? null;
    // The map is drawn from files: the next ones are files, a few (at national scale each is ~100 KB). Also on the
    // start screen (no coordinator yet), where a user may well switch while DuckDB starts.
    if (files && current && profileSource(files, ownData, [current]) === 'first') {
      if (!intent && !switching.has(files)) return;
      const paths = [
        current,
        ...nextMapChoices(
          indicators,
          shown,
          periods,
          YEARS_AHEAD,
          stepped,
          (indicator, period) => files.mapPath(indicator, period) !== null,
        )
          .map((c) => files.mapPath(c.indicator, c.period))
          .filter((p): p is string => p !== null),
      ];
      // The bytes at once, together (the fetches run off the main thread), while this switch still paints; each file
      // decoded (a few ms at national scale) in its own idle moment, nearest first: one stepping through the choices
      // a few times a second finds the next file in the cache, and the paint is not held up. The shown file is asked
      // too, so the cache keeps it as recently used.
      for (const path of paths) files.warmMap(path);
      return whenIdleEach(paths, (path) =>
        files.mapRows(path).then(
          // In the same idle moment: the next switch more likely finds its colours ready than when each waited for
          // an idle moment of its own.
          (rows) => prepare.current?.(rows),
          () => undefined,
        ),
      );
    }
    // DuckDB (once it is there): every year (Play in Verkennen walks them all).
    if (!coordinator) return;
    const request = ({ indicator, period }: MapChoice) => {
      const path = partitions ? partitions.indicatorPeriod(indicator, period) : null;
      return partitions && path === null
        ? [] // not measured that year: nothing to fetch
        : [{ sql: choroplethQuery({ indicator, period, levels, gemeente }), partitions: path ? [path] : [] }];
    };
    coordinator.prefetch(nextMapChoices(indicators, shown, periods, periods.length, stepped).flatMap(request));
  }, [ready, key, intent, coordinator, first, ownData, gemeente, levels.join('|'), indicators, periods, partitions]);
}

/** Runs `task` for each item in turn, each when the page is idle after the previous one is done; returns the cancel. */
function whenIdleEach<T>(items: readonly T[], task: (item: T) => Promise<void>): () => void {
  let cancel = () => {};
  let stopped = false;
  const next = (k: number) => {
    if (stopped || k >= items.length) return;
    cancel = whenIdle(() => {
      task(items[k]!).then(() => next(k + 1));
    });
  };
  next(0);
  return () => {
    stopped = true;
    cancel();
  };
}

/**
 * Runs `task` when the page is idle, within 100 ms even on a busy machine (requestIdleCallback; a short timeout
 * without it); returns the cancel.
 */
function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, { timeout: 100 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(task, 100);
  return () => clearTimeout(handle);
}
