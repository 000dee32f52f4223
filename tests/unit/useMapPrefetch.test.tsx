// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { nextMapChoices, useMapPrefetch } from '../../src/app/useMapPrefetch.ts';
import { encodeMapRows, FIRST_MAP_AREAS, type FirstView, firstMapPath } from '../../src/data/firstView.ts';
import type { Indicator, Level, Theme } from '../../src/data/package.ts';
import type { Coordinator } from '../../src/db/coordinator.ts';
import { CoordinatorContext } from '../../src/db/useQuery.ts';
import type { ChoroplethRow } from '../../src/queries/choropleth.ts';
import { domHost } from '../fixtures/domHost.ts';
import { mapFirstView } from '../fixtures/mapFirstView.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const indicator = (id: string, theme: Theme) => ({ id, theme }) as Indicator;
/** In package order; the select lists them by theme: jeugd (a, c), zorg (b, d), werk (e). */
const INDICATORS = [
  indicator('a', 'jeugd'),
  indicator('b', 'zorg'),
  indicator('c', 'jeugd'),
  indicator('d', 'zorg'),
  indicator('e', 'werk'),
];
const PERIODS = [2019, 2020, 2021, 2022, 2023, 2024, 2025];

describe('nextMapChoices', () => {
  it('gives the adjacent years, the indicators beside it in the select, then farther years', () => {
    expect(nextMapChoices(INDICATORS, { indicator: 'c', period: 2022 }, PERIODS)).toEqual([
      { indicator: 'c', period: 2023 },
      { indicator: 'c', period: 2021 },
      { indicator: 'b', period: 2022 },
      { indicator: 'a', period: 2022 },
      { indicator: 'c', period: 2024 },
      { indicator: 'c', period: 2020 },
    ]);
    // At the ends of the select and of the years; every year when asked.
    expect(nextMapChoices(INDICATORS, { indicator: 'e', period: 2025 }, PERIODS, 7)).toEqual([
      { indicator: 'e', period: 2024 },
      { indicator: 'e', period: 2023 },
      { indicator: 'd', period: 2025 },
      ...[2022, 2021, 2020, 2019].map((period) => ({ indicator: 'e', period })),
    ]);
  });

  it('after a step to another indicator, gives the indicators beside it first; after a year step, the years', () => {
    const shown = { indicator: 'c', period: 2022 };
    expect(nextMapChoices(INDICATORS, shown, PERIODS, 4, 'indicator')).toEqual([
      { indicator: 'b', period: 2022 },
      { indicator: 'a', period: 2022 },
      ...[2023, 2021, 2024, 2020].map((period) => ({ indicator: 'c', period })),
    ]);
    expect(nextMapChoices(INDICATORS, shown, PERIODS, 4, 'period')).toEqual(nextMapChoices(INDICATORS, shown, PERIODS));
  });

  it('skips, beside the shown one, indicators without a map of the year (a survey indicator skips years)', () => {
    const shown = { indicator: 'c', period: 2022 };
    // The select lists a, c, b, d, e (by theme). b has no map of 2022: the next one with a map is d.
    const measured = (indicator: string, period: number) => !(indicator === 'b' && period === 2022);
    expect(nextMapChoices(INDICATORS, shown, PERIODS, 0, 'indicator', measured)).toEqual([
      { indicator: 'd', period: 2022 },
      { indicator: 'a', period: 2022 },
    ]);
    expect(nextMapChoices(INDICATORS, shown, PERIODS, 0, 'indicator')).toEqual([
      { indicator: 'b', period: 2022 },
      { indicator: 'a', period: 2022 },
    ]);
  });
});

/** A first view with a map file for every indicator and year, recording the files fetched. */
async function firstView(fetched: string[]): Promise<FirstView> {
  const order = { codes: ['WK1'], levels: ['wijk'] as Level[] };
  const maps = Object.fromEntries(INDICATORS.map((i) => [i.id, PERIODS]));
  const file = encodeMapRows([{ code: 'WK1', level: 'wijk', value: 1, suppressed: false, status: null }], order);
  return (await mapFirstView({ maps, order, file: () => file, fetched }))!;
}

function Probe(props: {
  first: FirstView;
  indicator: string;
  period: number;
  ready: boolean;
  ownData?: boolean;
  prepare?: (rows: readonly ChoroplethRow[]) => void;
}) {
  useMapPrefetch({
    indicators: INDICATORS,
    periods: PERIODS,
    partitions: null,
    shown: { indicator: props.indicator, period: props.period },
    levels: ['wijk'],
    gemeente: null,
    first: props.first,
    ownData: props.ownData ?? false,
    ready: props.ready,
    ...(props.prepare && { prepare: props.prepare }),
  });
  return null;
}

/** Until the page is idle (happy-dom has no requestIdleCallback: the hook's short timeout) and the files are in. */
const idle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 300)));

describe('useMapPrefetch', () => {
  const dom = domHost();
  const fakeCoordinator = () => {
    const asked: string[][] = [];
    const coordinator = {
      prefetch: (requests: { sql: string }[]) => asked.push(requests.map((r) => r.sql)),
    } as unknown as Coordinator;
    return { coordinator, asked };
  };
  const render = (coordinator: Coordinator | null, props: Parameters<typeof Probe>[0]) =>
    act(() =>
      dom.root.render(
        <CoordinatorContext.Provider value={coordinator}>
          <Probe {...props} />
        </CoordinatorContext.Provider>,
      ),
    );

  it('fetches nothing for the first view, then after a switch the likely next files into the cache', async () => {
    const fetched: string[] = [];
    const first = await firstView(fetched);
    const { coordinator, asked } = fakeCoordinator();
    render(coordinator, { first, indicator: 'a', period: 2025, ready: true });
    await idle();
    expect(fetched).toEqual([]);
    // A switch whose rows are not in yet: still nothing.
    render(coordinator, { first, indicator: 'c', period: 2025, ready: false });
    await idle();
    expect(fetched).toEqual([]);
    render(coordinator, { first, indicator: 'c', period: 2025, ready: true });
    await idle();
    // The user stepped to another indicator: the indicators beside it first, then the years.
    const expected = [
      firstMapPath('c', 2025),
      firstMapPath('b', 2025),
      firstMapPath('a', 2025),
      firstMapPath('c', 2024),
      firstMapPath('c', 2023),
      firstMapPath('c', 2022),
      firstMapPath('c', 2021),
    ];
    expect(fetched.filter((u) => u !== FIRST_MAP_AREAS)).toEqual(expected);
    // Decoded one at a time, each when the page is idle.
    await act(() =>
      vi.waitFor(() => {
        for (const path of expected) expect(first.cachedMap(path), path).toBeDefined();
      }),
    );
    // Each file fetched once: the decode takes the bytes fetched ahead.
    expect(fetched.filter((u) => u !== FIRST_MAP_AREAS)).toEqual(expected);
    // The files answer the map: DuckDB is asked nothing.
    expect(asked).toEqual([]);
  });

  it('hands each file decoded ahead to prepare (the map computes its colours then), each once', async () => {
    const first = await firstView([]);
    const { coordinator } = fakeCoordinator();
    const prepared: (readonly ChoroplethRow[])[] = [];
    const prepare = (rows: readonly ChoroplethRow[]) => prepared.push(rows);
    render(coordinator, { first, indicator: 'a', period: 2025, ready: true, prepare });
    await idle();
    expect(prepared).toEqual([]);
    render(coordinator, { first, indicator: 'b', period: 2025, ready: true, prepare });
    const expected = [2025, 2024, 2023].map((period) => firstMapPath('b', period));
    await act(() =>
      vi.waitFor(
        () => {
          for (const path of expected) expect(prepared, path).toContain(first.cachedMap(path));
        },
        { timeout: 5000 },
      ),
    );
    // The very arrays the map draws from, each prepared once.
    expect(new Set(prepared).size).toBe(prepared.length);
  });

  it('fetches the likely next files before the first switch once the user reaches for a select', async () => {
    const fetched: string[] = [];
    const first = await firstView(fetched);
    const { coordinator } = fakeCoordinator();
    const select = document.createElement('select');
    select.name = 'indicator';
    document.body.append(select);
    const other = document.createElement('select');
    other.name = 'level';
    document.body.append(other);
    render(coordinator, { first, indicator: 'c', period: 2025, ready: true });
    // Another select is no sign of a map switch.
    act(() => other.dispatchEvent(new Event('pointerdown', { bubbles: true })));
    await idle();
    expect(fetched).toEqual([]);
    act(() => select.dispatchEvent(new FocusEvent('focusin', { bubbles: true })));
    await act(() => vi.waitFor(() => expect(first.cachedMap(firstMapPath('b', 2025))).toBeDefined()));
    expect(fetched.filter((u) => u !== FIRST_MAP_AREAS).slice(0, 4)).toEqual([
      firstMapPath('c', 2025),
      firstMapPath('c', 2024),
      firstMapPath('c', 2023),
      firstMapPath('b', 2025),
    ]);
    select.remove();
    other.remove();
  });

  it('on the start screen (DuckDB still starting), fetches nothing for the first view, the next files after a switch', async () => {
    const fetched: string[] = [];
    const first = await firstView(fetched);
    render(null, { first, indicator: 'a', period: 2025, ready: true });
    await idle();
    expect(fetched).toEqual([]);
    render(null, { first, indicator: 'a', period: 2024, ready: true });
    // The user stepped a year: the years beside it first.
    await act(() => vi.waitFor(() => expect(first.cachedMap(firstMapPath('a', 2023))).toBeDefined()));
    expect(fetched.filter((u) => u !== FIRST_MAP_AREAS).slice(0, 3)).toEqual([
      firstMapPath('a', 2024),
      firstMapPath('a', 2025),
      firstMapPath('a', 2023),
    ]);
  });

  it('goes on fetching ahead when the dashboard takes the map over from the start screen', async () => {
    const fetched: string[] = [];
    const first = await firstView(fetched);
    const select = document.createElement('select');
    select.name = 'period';
    document.body.append(select);
    render(null, { first, indicator: 'c', period: 2025, ready: true });
    act(() => select.dispatchEvent(new Event('pointerdown', { bubbles: true })));
    await act(() => vi.waitFor(() => expect(first.cachedMap(firstMapPath('c', 2024))).toBeDefined()));
    act(() => dom.root.render(null));
    select.remove();
    fetched.length = 0;
    // The dashboard's map is another panel and its selects other elements, first drawn with the choice the user
    // made meanwhile: the user is switching, so the files beside it are fetched without waiting for another sign.
    const { coordinator, asked } = fakeCoordinator();
    render(coordinator, { first, indicator: 'e', period: 2025, ready: true });
    await act(() => vi.waitFor(() => expect(first.cachedMap(firstMapPath('d', 2025))).toBeDefined()));
    expect(fetched.filter((u) => u !== FIRST_MAP_AREAS).slice(0, 3)).toEqual([
      firstMapPath('e', 2025),
      firstMapPath('e', 2024),
      firstMapPath('e', 2023),
    ]);
    expect(asked).toEqual([]);
  });

  it('asks DuckDB where the map does (own data)', async () => {
    const fetched: string[] = [];
    const first = await firstView(fetched);
    const { coordinator, asked } = fakeCoordinator();
    render(coordinator, { first, indicator: 'a', period: 2024, ready: true, ownData: true });
    await idle();
    expect(fetched).toEqual([]);
    expect(asked).toHaveLength(1);
    // Every other year of the indicator and the one beside it in the select, each the map's own query.
    expect(asked[0]).toHaveLength(7);
    expect(asked[0]![0]).toContain("o.indicator_id = 'a' AND o.period = 2025");
  });
});
