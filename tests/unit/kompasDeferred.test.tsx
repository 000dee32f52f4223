// @vitest-environment happy-dom
import { join } from 'node:path';
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { kompasRows } from '../../src/compass/kompasRows.ts';
import { validateIndicators } from '../../src/data/validate.ts';
import { validateAreas } from '../../src/data/validateAreas.ts';
import type { ProfileRow } from '../../src/queries/kompas.ts';
import { KompasPanel } from '../../src/views/kompas/KompasPanel.tsx';
import { domHost } from '../fixtures/domHost.ts';
import { quietKompasProps } from '../fixtures/quietKompasProps.ts';
import { FIXTURES, readPackage } from '../fixtures/readPackage.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const mini = readPackage(join(FIXTURES, 'mini'));
const areas = validateAreas(mini['areas.geojson']);
const indicators = validateIndicators(mini['indicators.csv']);
const area = areas.find((a) => a.level === 'wijk')!;
const gemeente = areas.find((a) => a.code === area.gemeente)!;
const PERIODS = [2023, 2024];

/** A value of every indicator for the area, its gemeente and the Netherlands, in both years. */
const rows: ProfileRow[] = indicators.flatMap((indicator, i) =>
  [area.code, gemeente.code, 'NL00'].flatMap((code, j) =>
    PERIODS.map((period) => ({
      area_code: code,
      indicator_id: indicator.id,
      period,
      value: 10 + i + j + (period - 2023),
      numerator: null,
      denominator: null,
      suppressed: false,
      status: null,
    })),
  ),
);
const themes = kompasRows({
  rows,
  indicators,
  area: area.code,
  gemeente: gemeente.code,
  period: 2024,
  periods: PERIODS,
});
const shownRows = themes.reduce((n, t) => n + t.rows.length, 0);

function panel(deferBelowFold: boolean, shown = { themes, period: 2024 }) {
  return (
    <KompasPanel
      area={area}
      gemeente={gemeente}
      period={shown.period}
      periods={PERIODS}
      themes={shown.themes}
      {...quietKompasProps}
      deferBelowFold={deferBelowFold}
    />
  );
}

/** What the page showed at each Kompas mark: the theme tables and their rows then. */
function tablesAtMarks(host: HTMLElement) {
  const seen: { mark: string; tables: number; rows: number; signals: boolean }[] = [];
  const mark = performance.mark.bind(performance);
  vi.spyOn(performance, 'mark').mockImplementation((name, options) => {
    if (name.startsWith('gk:kompas-'))
      seen.push({
        mark: name,
        tables: host.querySelectorAll('table.kompas-table').length,
        rows: host.querySelectorAll('table.kompas-table tbody tr').length,
        signals: host.querySelector('section.signals') !== null,
      });
    return mark(name, options);
  });
  return seen;
}

describe('KompasPanel below the fold', () => {
  const dom = domHost();

  it('draws the first Kompas without its theme tables, then the tables right after', () => {
    expect(themes.length).toBeGreaterThan(0);
    const seen = tablesAtMarks(dom.host);
    act(() => dom.root.render(panel(true)));
    expect(seen).toEqual([
      { mark: 'gk:kompas-drawn', tables: 0, rows: 0, signals: true },
      { mark: 'gk:kompas-complete', tables: themes.length, rows: shownRows, signals: true },
    ]);
    expect(dom.host.querySelectorAll('table.kompas-table tbody tr')).toHaveLength(shownRows);
  });

  it('draws everything at once where it does not defer (the dashboard, an area click)', () => {
    const seen = tablesAtMarks(dom.host);
    act(() => dom.root.render(panel(false)));
    expect(seen).toEqual([
      { mark: 'gk:kompas-drawn', tables: themes.length, rows: shownRows, signals: true },
      { mark: 'gk:kompas-complete', tables: themes.length, rows: shownRows, signals: true },
    ]);
  });

  it('keeps the tables when the deferring panel shows another year', () => {
    act(() => dom.root.render(panel(true)));
    const seen = tablesAtMarks(dom.host);
    const next = kompasRows({
      rows,
      indicators,
      area: area.code,
      gemeente: gemeente.code,
      period: 2023,
      periods: PERIODS,
    });
    act(() => dom.root.render(panel(true, { themes: next, period: 2023 })));
    expect(seen[0]).toMatchObject({ mark: 'gk:kompas-drawn', tables: next.length });
  });
});
