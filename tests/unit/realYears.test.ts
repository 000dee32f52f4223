/**
 * Every year label real: the year a package (and an area) opens on is the latest with social-domain values, the
 * change heading names the actual earlier measurement, and a value of another year carries its year (screen and
 * print use the same functions, src/compass/periodLabels.ts).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createI18n } from '../../src/app/i18n/index.tsx';
import { defaultPeriod, resolveSelection } from '../../src/app/resolveSelection.ts';
import { parseUrlState } from '../../src/app/urlState.ts';
import type { KompasRow } from '../../src/compass/kompasRows.ts';
import { changeCellYear, changeSince, themeLatestPeriod, valueYear } from '../../src/compass/periodLabels.ts';
import { type LoadedPackage, loadPackage } from '../../src/data/load.ts';
import type { DatasetMeta, Indicator } from '../../src/data/package.ts';
import { createNodeConnector } from '../../src/db/node.ts';
import { decodeSocialPeriods, socialPeriodsQuery } from '../../src/queries/socialPeriods.ts';
import { printThemes } from '../../src/views/print/reportModel.ts';
import { FIXTURES, readPackage } from '../fixtures/readPackage.ts';

describe('the year a package opens on', () => {
  let db: Awaited<ReturnType<typeof createNodeConnector>>;
  let pkg: LoadedPackage;

  beforeAll(async () => {
    db = await createNodeConnector();
    const files = readPackage(join(FIXTURES, 'mini'));
    // As CBS's latest kwb: 2024 has population figures everywhere, social-domain values only for one buurt.
    const lines = files['observations.csv'].trimEnd().split('\n');
    const header = lines[0]!.split(',');
    const col = (name: string) => header.indexOf(name);
    files['observations.csv'] = `${lines
      .filter((line, i) => {
        if (i === 0) return true;
        const cells = line.split(',');
        const [area, indicator, period] = [cells[col('area_code')], cells[col('indicator_id')], cells[col('period')]];
        if (period !== '2024' || indicator === 'inwoners') return true;
        return area === 'BU99980201' && indicator === 'jeugdhulp_pct';
      })
      .join('\n')}\n`;
    pkg = await loadPackage(db, files);
    pkg.socialPeriods = decodeSocialPeriods(await db.query(socialPeriodsQuery()));
  });
  afterAll(() => db?.close());

  it('socialPeriodsQuery gives per area the latest year with a social-domain value, population left out', () => {
    const periods = pkg.socialPeriods!;
    expect(periods.get('GM9998')).toBe(2023);
    expect(periods.get('WK999801')).toBe(2023);
    expect(periods.get('BU99980201')).toBe(2024);
    expect(pkg.meta.default_period).toBe(2024);
  });

  it("the package opens on its gemeente's latest social year; a named area on its own; the URL's period wins", () => {
    expect(defaultPeriod(pkg)).toBe(2023);
    expect(defaultPeriod(pkg, 'BU99980201')).toBe(2024);
    expect(defaultPeriod(pkg, 'WK999801')).toBe(2023);
    expect(resolveSelection(parseUrlState('?dataset=mini'), pkg).period).toBe(2023);
    expect(resolveSelection(parseUrlState('?dataset=mini&area=BU99980201'), pkg).period).toBe(2024);
    expect(resolveSelection(parseUrlState('?dataset=mini&period=2024'), pkg).period).toBe(2024);
  });

  it('falls back to default_period when nothing is known', () => {
    const meta = { ...pkg.meta, default_period: 2024 } as DatasetMeta;
    expect(defaultPeriod({ meta })).toBe(2024);
    expect(defaultPeriod({ meta, socialPeriods: new Map() })).toBe(2024);
    // A year the package does not list is never chosen.
    expect(defaultPeriod({ meta, socialPeriods: new Map([['GM9998', 2030]]) })).toBe(2024);
    expect(defaultPeriod({ meta, socialPeriods: new Map([['WK999801', 2023]]) })).toBe(2023);
  });
});

const indicator = (id: string, unit: Indicator['unit'] = 'percent'): Indicator =>
  ({ id, label_nl: id, label_en: id, theme: 'jeugd', unit, direction: 'down', decimals: 1, min_count: 0 }) as Indicator;

function row(id: string, points: [number, number | null][], period: number, extra: Partial<KompasRow> = {}): KompasRow {
  const series = points.map(([p, value]) => ({ period: p, value }));
  let shownPeriod: number | null = null;
  for (const s of series) if (s.period <= period) shownPeriod = s.period;
  const current = series.find((s) => s.period === shownPeriod);
  let previous: KompasRow['previous'] = null;
  for (const s of series)
    if (shownPeriod !== null && s.period < shownPeriod && s.value !== null)
      previous = { period: s.period, value: s.value };
  const cell = current ? { value: current.value, suppressed: current.value === null } : null;
  return {
    indicator: indicator(id),
    area: cell,
    gemeente: cell && { value: 10, suppressed: false },
    nl: cell && { value: 11, suppressed: false },
    shownPeriod,
    previous,
    change: cell?.value != null && previous ? cell.value - previous.value : null,
    series,
    ...extra,
  };
}

describe('year labels of the Kompas and the print', () => {
  it('the heading names the one earlier year all changes compare with, not the calendar year before', () => {
    const rows = [
      row(
        'a',
        [
          [2015, 5],
          [2023, 6],
        ],
        2023,
      ),
      row(
        'b',
        [
          [2015, 7],
          [2023, 8],
        ],
        2023,
      ),
    ];
    expect(changeSince(rows)).toBe(2015);
    expect(rows.map((r) => changeCellYear(r, 2015))).toEqual([null, null]);
  });

  it('rows comparing with different years: no year in the heading, each cell names its own', () => {
    const rows = [
      row(
        'a',
        [
          [2015, 5],
          [2023, 6],
        ],
        2023,
      ),
      row(
        'b',
        [
          [2022, 7],
          [2023, 8],
        ],
        2023,
      ),
      row('c', [[2023, 8]], 2023),
    ];
    expect(changeSince(rows)).toBeNull();
    expect(rows.map((r) => changeCellYear(r, null))).toEqual([2015, 2022, null]);
    expect(changeSince([rows[2]!])).toBeNull();
  });

  it('a value of another year carries its year; a theme without values in the year names its latest', () => {
    const old = row(
      'a',
      [
        [2015, 5],
        [2022, null],
      ],
      2023,
    );
    expect(old.shownPeriod).toBe(2022);
    expect(valueYear(old, 2023)).toBe(2022);
    expect(valueYear(row('b', [[2023, 1]], 2023), 2023)).toBeNull();
    expect(themeLatestPeriod([old], 2023)).toBe(2015);
    expect(
      themeLatestPeriod(
        [
          old,
          row(
            'b',
            [
              [2015, 1],
              [2022, 2],
            ],
            2023,
          ),
        ],
        2024,
      ),
    ).toBe(2022);
    expect(themeLatestPeriod([row('c', [[2023, 1]], 2023)], 2023)).toBeNull();
    expect(themeLatestPeriod([row('d', [[2023, null]], 2023)], 2023)).toBeNull();
  });

  it('the print names the real years: heading, values of another year, and each verdict when rows differ', () => {
    const nl = createI18n('nl');
    const rows = [
      row(
        'a',
        [
          [2015, 5],
          [2023, 6],
        ],
        2024,
      ),
      row(
        'b',
        [
          [2022, 7],
          [2024, 8],
        ],
        2024,
      ),
    ];
    const [theme] = printThemes([{ theme: 'jeugd', rows }], new Map(), nl, 2024);
    expect(theme!.since).toBeNull();
    expect(theme!.rows[0]).toMatchObject({ value: '6,0% (2023)', gemeente: '10,0% (2023)', nl: '11,0% (2023)' });
    expect(theme!.rows[1]).toMatchObject({ value: '8,0%', gemeente: '10,0%' });
    const [same] = printThemes([{ theme: 'jeugd', rows: [rows[0]!] }], new Map(), nl, 2023);
    expect(same!.since).toBe(2015);
    expect(same!.rows[0]!.value).toBe('6,0%');
  });
});
