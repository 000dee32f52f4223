// @vitest-environment happy-dom
import { join } from 'node:path';
import { act, Profiler } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { assessArea } from '../../src/compass/assess.ts';
import { estimateDispersion } from '../../src/compass/dispersion.ts';
import { kompasRows } from '../../src/compass/kompasRows.ts';
import type { Area } from '../../src/data/package.ts';
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
const byCode = new Map(areas.map((a) => [a.code, a]));
const gemeente = byCode.get('GM9998')!;
const PERIODS = [2023, 2024];

/** Every indicator of `area` (its value `base` + i), its gemeente and the Netherlands, in both years. */
function rowsOf(area: Area, base: number): ProfileRow[] {
  return indicators.flatMap((indicator, i) =>
    [area.code, gemeente.code, 'NL00'].flatMap((code, j) =>
      PERIODS.map((p) => ({
        area_code: code,
        indicator_id: indicator.id,
        period: p,
        value: (code === area.code ? base : 50) + i + j + (p - 2023),
        numerator: null,
        denominator: null,
        suppressed: false,
        status: null,
      })),
    ),
  );
}

function themesOf(area: Area, base: number, period = 2024) {
  return kompasRows({
    rows: rowsOf(area, base),
    indicators,
    area: area.code,
    gemeente: gemeente.code,
    period,
    periods: PERIODS,
  });
}

function panel(area: Area, base: number, period = 2024) {
  return (
    <KompasPanel
      area={area}
      gemeente={gemeente}
      period={period}
      periods={PERIODS}
      themes={themesOf(area, base, period)}
      {...quietKompasProps}
    />
  );
}

/** What the page showed at each Kompas mark: its title, whether the tables were shown, their first value. */
function seenAtMarks(host: HTMLElement) {
  const seen: { mark: string; title: string; busy: string | null; tablesShown: boolean; firstValue: string }[] = [];
  const mark = performance.mark.bind(performance);
  vi.spyOn(performance, 'mark').mockImplementation((name, options) => {
    if (name.startsWith('gk:kompas-')) {
      const below = host.querySelector('.kompas-below');
      seen.push({
        mark: name,
        title: host.querySelector('#kompas-title')?.textContent ?? '',
        busy: host.querySelector('section.kompas')?.getAttribute('aria-busy') ?? null,
        tablesShown: below !== null && !below.hasAttribute('data-stale'),
        firstValue: host.querySelector('td[data-cell="area"] .value, td[data-cell="area"]')?.textContent ?? '',
      });
    }
    return mark(name, options);
  });
  return seen;
}

describe('KompasPanel on another area or year', () => {
  const dom = domHost();
  const first = byCode.get('WK999801')!;
  const second = byCode.get('WK999802')!;

  it('draws the new area first with the previous tables hidden, then its own tables', () => {
    act(() => dom.root.render(panel(first, 10)));
    const before = dom.host.querySelector('td[data-cell="area"]')?.textContent;
    const seen = seenAtMarks(dom.host);
    act(() => dom.root.render(panel(second, 30)));
    expect(seen.map((s) => s.mark)).toEqual(['gk:kompas-drawn', 'gk:kompas-complete']);
    const [drawn, complete] = seen;
    // Drawn: the new area's heading; below it the previous area's rows, kept in place but not shown, and busy.
    expect(drawn!.title).toContain(second.name);
    expect(drawn!.tablesShown).toBe(false);
    expect(drawn!.busy).toBe('true');
    expect(drawn!.firstValue).toBe(before);
    // Complete: the new area's own rows, shown.
    expect(complete!.tablesShown).toBe(true);
    expect(complete!.busy).toBe('false');
    expect(complete!.firstValue).not.toBe(before);
    expect(dom.host.querySelector('.kompas-below')?.hasAttribute('data-stale')).toBe(false);
  });

  it('hides the previous year’s tables too until the new year’s are in', () => {
    act(() => dom.root.render(panel(first, 10, 2024)));
    const seen = seenAtMarks(dom.host);
    act(() => dom.root.render(panel(first, 10, 2023)));
    expect(seen.map((s) => [s.mark, s.tablesShown])).toEqual([
      ['gk:kompas-drawn', false],
      ['gk:kompas-complete', true],
    ]);
  });

  it('shows the tables at once on the first render of a panel that does not defer', () => {
    const seen = seenAtMarks(dom.host);
    act(() => dom.root.render(panel(first, 10)));
    expect(seen.map((s) => [s.mark, s.tablesShown])).toEqual([
      ['gk:kompas-drawn', true],
      ['gk:kompas-complete', true],
    ]);
  });

  it('is busy until the tables show the verdicts that came after the rows (same area and year)', () => {
    // The dashboard draws an area's rows, then its verdicts once its level's ordinary variation is here. The tables
    // follow a render later: a commit that says "not busy" must already show them with their verdicts (CI's
    // national e2e read a Kompas without verdicts, not busy).
    const rows = rowsOf(first, 10);
    const themes = kompasRows({
      rows,
      indicators,
      area: first.code,
      gemeente: gemeente.code,
      period: 2024,
      periods: PERIODS,
    });
    const assessments = new Map(
      assessArea({
        rows,
        indicators,
        aims: [],
        area: first.code,
        gemeente: gemeente.code,
        period: 2024,
        dispersion: estimateDispersion(rows, indicators),
      }).map((a) => [a.indicator.id, a]),
    );
    const commits: { busy: string | null; verdicts: number }[] = [];
    const onRender = () =>
      commits.push({
        busy: dom.host.querySelector('section.kompas')?.getAttribute('aria-busy') ?? null,
        verdicts: dom.host.querySelectorAll('.kompas-below:not([data-stale]) .verdict').length,
      });
    const render = (stale: boolean, withVerdicts: boolean) => (
      <Profiler id="kompas" onRender={onRender}>
        <KompasPanel
          area={first}
          gemeente={gemeente}
          period={2024}
          periods={PERIODS}
          themes={themes}
          {...quietKompasProps}
          stale={stale}
          assessments={withVerdicts ? assessments : new Map()}
        />
      </Profiler>
    );
    act(() => dom.root.render(render(true, false)));
    commits.length = 0;
    act(() => dom.root.render(render(false, true)));
    const last = commits.at(-1)!;
    expect(last).toEqual({ busy: 'false', verdicts: expect.any(Number) });
    expect(last.verdicts).toBeGreaterThan(0);
    // Every commit not busy shows them all.
    for (const commit of commits) if (commit.busy === 'false') expect(commit.verdicts).toBe(last.verdicts);
    expect(commits.length).toBeGreaterThan(1);
  });
});
