// @vitest-environment happy-dom
import { join } from 'node:path';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { type KompasModel, useKompasModel } from '../../src/app/useKompasModel.ts';
import { estimateDispersion } from '../../src/compass/dispersion.ts';
import { type FirstView, firstAreaPaths, firstDispersionPath, sortProfile } from '../../src/data/firstView.ts';
import type { Area } from '../../src/data/package.ts';
import { validateIndicators } from '../../src/data/validate.ts';
import { validateAreas } from '../../src/data/validateAreas.ts';
import type { ProfileRow } from '../../src/queries/kompas.ts';
import { domHost } from '../fixtures/domHost.ts';
import { FIXTURES, readPackage } from '../fixtures/readPackage.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const mini = readPackage(join(FIXTURES, 'mini'));
const areas = validateAreas(mini['areas.geojson']);
const areasByCode = new Map(areas.map((a) => [a.code, a]));
const indicators = validateIndicators(mini['indicators.csv']);
const jeugd = indicators.find((i) => i.id === 'jeugdhulp_pct')!;
const PERIODS = [2023, 2024];
const AIMS: [] = [];

/** Rows of the Kompas files: every area a jeugdhulp value of its own (its code's last digit), in both years. */
const rowsOf = (codes: readonly string[]): ProfileRow[] =>
  sortProfile(
    codes.flatMap((code) =>
      PERIODS.map((period) => ({
        area_code: code,
        indicator_id: jeugd.id,
        period,
        value: Number(code.at(-1)) + period - 2020,
        numerator: (Number(code.at(-1)) + period - 2020) * 10,
        denominator: 1000,
        suppressed: false,
        status: null,
      })),
    ),
  );

/**
 * A first view whose files answer when the test releases them: `release(code)` answers the Kompas and dispersion
 * files of that area.
 */
function controlledFirstView() {
  const answers = new Map<string, ProfileRow[]>();
  const waiting = new Map<string, (() => void)[]>();
  const asked: string[] = [];
  const rowsFor = (paths: readonly string[]) =>
    rowsOf(paths.flatMap((p) => (p.startsWith('first/area/') ? [p.slice(11, -5)] : [])));
  const first: FirstView = {
    socialPeriods: new Map(),
    cached: (paths) => answers.get(paths.join('|')),
    rows(paths) {
      const key = paths.join('|');
      asked.push(key);
      const known = answers.get(key);
      if (known) return Promise.resolve(known);
      return new Promise((resolve) => {
        const done = () => {
          const rows = answers.get(key) ?? rowsFor(paths);
          answers.set(key, rows);
          resolve(rows);
        };
        waiting.set(key, [...(waiting.get(key) ?? []), done]);
      });
    },
    mapPath: () => null,
    mapRows: () => Promise.reject(new Error('no map files')),
    cachedMap: () => undefined,
    warmMap: () => undefined,
  };
  const release = (code: string) => {
    const area = areasByCode.get(code)!;
    const profile = firstAreaPaths([code, area.gemeente ?? code, 'NL00']).join('|');
    for (const key of [profile, firstDispersionPath(code, areasByCode)!])
      for (const done of waiting.get(key) ?? []) done();
  };
  return { first, release, asked };
}

function Probe(props: { area: Area; first: FirstView; seen: KompasModel[]; partitioned?: boolean }) {
  const model = useKompasModel({
    area: props.area,
    gemeente: props.area.gemeente ? (areasByCode.get(props.area.gemeente) ?? null) : null,
    areasByCode,
    indicators,
    aims: AIMS,
    periods: PERIODS,
    period: 2024,
    partitioned: props.partitioned ?? false,
    first: props.first,
    ownData: false,
  });
  props.seen.push(model);
  return null;
}

const flush = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
const areaValue = (model: KompasModel) =>
  model.themes.flatMap((t) => t.rows).find((r) => r.indicator.id === jeugd.id)?.area?.value;

describe('useKompasModel on an area click', () => {
  const dom = domHost();
  const render = (code: string, first: FirstView, seen: KompasModel[], partitioned = false) =>
    act(() =>
      dom.root.render(<Probe area={areasByCode.get(code)!} first={first} seen={seen} partitioned={partitioned} />),
    );

  it('shows the previous area whole until the clicked one has its rows, then the new one, drawn once', async () => {
    const { first, release, asked } = controlledFirstView();
    const seen: KompasModel[] = [];
    render('WK999801', first, seen);
    release('WK999801');
    await flush();
    const before = seen.at(-1)!;
    expect(before.shownArea.code).toBe('WK999801');
    expect(areaValue(before)).toBe(5);
    expect(before.dispersion).not.toBeNull();

    // The click: warm() asks for the new area's Kompas and dispersion files before React renders it.
    before.warm('WK999802');
    expect(asked.slice(-2)).toEqual([
      firstAreaPaths(['WK999802', 'GM9998', 'NL00']).join('|'),
      firstDispersionPath('WK999802', areasByCode),
    ]);
    const from = seen.length;
    render('WK999802', first, seen);
    await flush();
    // While its rows load: the previous area's Kompas, the same objects (nothing is drawn again), marked loading.
    for (const model of seen.slice(from)) {
      expect(model.shownArea.code).toBe('WK999801');
      expect(model.themes).toBe(before.themes);
      expect(model.assessmentList).toBe(before.assessmentList);
      expect(model.profile.loading).toBe(true);
    }

    release('WK999802');
    await flush();
    const after = seen.at(-1)!;
    expect(after.shownArea.code).toBe('WK999802');
    expect(after.shownGemeente?.code).toBe('GM9998');
    expect(areaValue(after)).toBe(6);
    expect(after.profile.loading).toBe(false);
    expect(after.dispersion).not.toBeNull();
    // One new set of rows for the new area: the Kompas is drawn once for the click.
    expect(new Set(seen.slice(from).map((m) => m.themes)).size).toBe(2);
  });

  it('takes a partitioned package’s dispersion from the area’s own Kompas rows: one file per click', async () => {
    const { first, release, asked } = controlledFirstView();
    const seen: KompasModel[] = [];
    render('WK999801', first, seen, true);
    release('WK999801');
    await flush();
    const before = seen.at(-1)!;
    expect(before.spreadLoading).toBe(false);

    before.warm('WK999802');
    const profile = firstAreaPaths(['WK999802', 'GM9998', 'NL00']).join('|');
    expect(asked.at(-1)).toBe(profile);
    render('WK999802', first, seen, true);
    release('WK999802');
    await flush();
    // No dispersion file was asked for, at the click or in the render.
    expect(asked.filter((key) => key.includes('first/dispersion/'))).toEqual([]);
    const after = seen.at(-1)!;
    expect(after.shownArea.code).toBe('WK999802');
    expect(after.spreadLoading).toBe(false);
    // The verdicts' dispersion is the one the area's own counts give (queries/dispersion.ts's request for it).
    const own = rowsOf(['WK999802']);
    expect(after.dispersion).toEqual(estimateDispersion(own, indicators));
    expect([...after.dispersion!.keys()]).toEqual([jeugd.id]);
    expect(after.assessmentList.length).toBeGreaterThan(0);
  });
});
