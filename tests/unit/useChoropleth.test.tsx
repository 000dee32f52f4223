// @vitest-environment happy-dom
import { tableFromArrays } from 'apache-arrow';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { choroplethRowsNow, useChoropleth } from '../../src/app/useChoropleth.ts';
import { encodeMapRows, type FirstView, firstMapPath } from '../../src/data/firstView.ts';
import type { Level } from '../../src/data/package.ts';
import type { Connector } from '../../src/db/connector.ts';
import { Coordinator } from '../../src/db/coordinator.ts';
import { CoordinatorContext } from '../../src/db/useQuery.ts';
import type { ChoroplethRequest, ChoroplethRow } from '../../src/queries/choropleth.ts';
import { domHost } from '../fixtures/domHost.ts';
import { mapFirstView } from '../fixtures/mapFirstView.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const row = (code: string, level: Level, value: number | null): ChoroplethRow => ({
  code,
  level,
  value,
  suppressed: false,
  status: value === null ? 'not_published' : null,
});
/** In the choropleth query's order (by code). */
const FILE_ROWS = [
  row('BU1', 'buurt', null),
  row('GM1', 'gemeente', 9),
  row('WK1', 'wijk', 10),
  row('WK2', 'wijk', 12),
];
const FILE_WIJK_BUURT = [FILE_ROWS[0], FILE_ROWS[2], FILE_ROWS[3]];
const DUCK_ROWS = [row('WK1', 'wijk', 3), row('WK2', 'wijk', 4)];

/** The map files' area order: every area of FILE_ROWS, by code. */
const ORDER = {
  codes: ['BU1', 'GM1', 'WK1', 'WK2'],
  levels: ['buurt', 'gemeente', 'wijk', 'wijk'] as Level[],
};

/** A first view with the map of `jeugd` in 2025 (its file `mapFile`, or missing). */
function firstView(mapFile: string | null = encodeMapRows(FILE_ROWS, ORDER)): Promise<FirstView | null> {
  return mapFirstView({
    maps: { jeugd: [2025] },
    order: ORDER,
    file: (url) => (url === firstMapPath('jeugd', 2025) ? mapFile : null),
  });
}

/** A coordinator over a fake DuckDB that answers DUCK_ROWS once `release` is called, recording the SQL asked. */
function duckdb() {
  const asked: string[] = [];
  let release: () => void = () => undefined;
  const answered = new Promise<void>((resolve) => {
    release = resolve;
  });
  const table = tableFromArrays({
    code: DUCK_ROWS.map((r) => r.code),
    level: DUCK_ROWS.map((r) => r.level),
    value: Float64Array.from(DUCK_ROWS.map((r) => r.value ?? Number.NaN)),
    suppressed: DUCK_ROWS.map((r) => r.suppressed),
    status: DUCK_ROWS.map((r) => r.status),
  });
  const connector = {
    query: async (sql: string) => {
      asked.push(sql);
      await answered;
      return table;
    },
  } as unknown as Connector;
  return { coordinator: new Coordinator(connector), asked, release: () => release() };
}

type Seen = { rows: ChoroplethRow[] | null; loading: boolean; answers: ChoroplethRequest | null };
function Probe(props: { request: ChoroplethRequest; first: FirstView | null; ownData: boolean; seen: Seen[] }) {
  const state = useChoropleth(props.request, undefined, props.first, props.ownData);
  props.seen.push({ rows: state.data, loading: state.loading, answers: state.answers });
  return null;
}

const JEUGD: ChoroplethRequest = { indicator: 'jeugd', period: 2025, levels: ['wijk', 'buurt'] };
const flush = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));

describe('useChoropleth', () => {
  const dom = domHost();

  function render(
    request: ChoroplethRequest,
    first: FirstView | null,
    db: ReturnType<typeof duckdb>,
    { ownData = false, seen = [] as Seen[] } = {},
  ) {
    act(() =>
      dom.root.render(
        <CoordinatorContext.Provider value={db.coordinator}>
          <Probe request={request} first={first} ownData={ownData} seen={seen} />
        </CoordinatorContext.Provider>,
      ),
    );
    return seen;
  }

  it('answers the map from its file, the drawn levels only, without asking DuckDB', async () => {
    const first = await firstView();
    const db = duckdb();
    const seen = render(JEUGD, first, db);
    await flush();
    expect(seen.at(-1)).toEqual({ rows: FILE_WIJK_BUURT, loading: false, answers: JEUGD });
    expect(db.asked).toEqual([]);
    // Once the file is in, a new map (the dashboard's after the start screen's) has its rows at its first render.
    const gemeenten = { ...JEUGD, levels: ['gemeente'] as Level[] };
    const again = render(gemeenten, first, duckdb());
    expect(again[0]).toEqual({ rows: [FILE_ROWS[1]], loading: false, answers: gemeenten });
  });

  it("has a switch's rows in hand before React renders it only when its file is in: the same array the map draws", async () => {
    const first = (await firstView())!;
    const marks = () => performance.getEntriesByName('gk:map-data').length;
    performance.clearMarks('gk:map-data');
    // Not fetched yet: no rows, no mark (the map's own load marks when they come).
    expect(choroplethRowsNow(JEUGD, first, false)).toBeNull();
    expect(marks()).toBe(0);
    await first.mapRows(firstMapPath('jeugd', 2025));
    const now = choroplethRowsNow(JEUGD, first, false);
    expect(now).toEqual(FILE_WIJK_BUURT);
    expect(marks()).toBe(1);
    const seen = render(JEUGD, first, duckdb());
    expect(seen[0]?.rows).toBe(now);
    // Where DuckDB answers (own data, one gemeente's areas, no file for the choice): nothing in hand.
    performance.clearMarks('gk:map-data');
    expect(choroplethRowsNow(JEUGD, first, true)).toBeNull();
    expect(choroplethRowsNow({ ...JEUGD, gemeente: 'GM1' }, first, false)).toBeNull();
    expect(choroplethRowsNow({ ...JEUGD, period: 2024 }, first, false)).toBeNull();
    expect(marks()).toBe(0);
  });

  it('decodes a file fetched ahead at once when a switch asks for it, once, as its load would', async () => {
    const fetched: string[] = [];
    const first = (await mapFirstView({
      maps: { jeugd: [2024, 2025] },
      order: ORDER,
      file: (url) => (url.startsWith('first/map/jeugd/') ? encodeMapRows(FILE_ROWS, ORDER) : null),
      fetched,
    }))!;
    const path = firstMapPath('jeugd', 2024);
    // Before the map's area order is in (no map drawn yet), bytes alone are not rows.
    first.warmMap(path);
    await flush();
    expect(first.cachedMap(path)).toBeUndefined();
    await first.mapRows(firstMapPath('jeugd', 2025));
    const rows = first.cachedMap(path);
    expect(rows).toEqual(FILE_ROWS);
    // Kept: the same array again, and the load gives it without fetching again.
    expect(first.cachedMap(path)).toBe(rows);
    expect(await first.mapRows(path)).toBe(rows);
    expect(fetched.filter((url) => url === path)).toHaveLength(1);
    expect(choroplethRowsNow({ ...JEUGD, period: 2024 }, first, false)).toEqual(FILE_WIJK_BUURT);
  });

  it("keeps the file rows on screen while DuckDB answers another indicator, then shows DuckDB's", async () => {
    const first = await firstView();
    const db = duckdb();
    const seen = render(JEUGD, first, db);
    await flush();
    const other = { ...JEUGD, indicator: 'wmo' };
    render(other, first, db, { seen });
    await flush();
    expect(db.asked).toHaveLength(1);
    // …and says they answer the previous request, so the legend does not name the new indicator over them.
    expect(seen.at(-1)).toEqual({ rows: FILE_WIJK_BUURT, loading: true, answers: JEUGD });
    // Once the map had rows, never a render without them: the map does not flash grey in between.
    expect(seen.slice(seen.findIndex((s) => s.rows !== null)).every((s) => s.rows !== null)).toBe(true);
    db.release();
    await flush();
    expect(seen.at(-1)).toEqual({ rows: DUCK_ROWS, loading: false, answers: other });
  });

  it('asks DuckDB with own data, without a first view, and when the file is broken', async () => {
    for (const [first, ownData] of [
      [await firstView(), true],
      [null, false],
      [await firstView('{"version":2,"areas":4,"runs":[0,5],"values":[1,2,3,4,5]}'), false],
      [await firstView(null), false],
    ] as const) {
      const db = duckdb();
      const seen = render(JEUGD, first, db, { ownData });
      await flush();
      db.release();
      await flush();
      expect(db.asked).toHaveLength(1);
      expect(db.asked[0]).toContain("o.indicator_id = 'jeugd'");
      expect(seen.at(-1)).toEqual({ rows: DUCK_ROWS, loading: false, answers: JEUGD });
      act(() => dom.root.render(null));
    }
  });
});
