import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { sparkline } from '../../src/views/charts/sparkline.ts';
import { dodge, type TrendChartOptions, type TrendSeries, trendChart } from '../../src/views/charts/trendChart.ts';

const window = new Window();
const document = window.document as unknown as Document;
afterAll(() => window.happyDOM.close());

const YEARS = Array.from({ length: 11 }, (_, i) => 2015 + i);

/** Observable Plot's snapshot practice: stable numbers and ids, one tag per line for readable diffs. */
function normalise(element: Element): string {
  const ids = new Map<string, string>();
  const reindex = (prefix: string) => (id: string) => {
    const key = `${prefix}:${id}`;
    if (!ids.has(key)) ids.set(key, `${prefix}-${[...ids.keys()].filter((k) => k.startsWith(`${prefix}:`)).length}`);
    return ids.get(key)!;
  };
  const html = element.outerHTML.replace(/^<svg (?!xmlns)/, '<svg xmlns="http://www.w3.org/2000/svg" ');
  return html
    .replace(/\d+\.\d{4,}/g, (n) => Number.parseFloat(n).toFixed(3))
    .replace(/plot-[0-9a-f]{6}(?![-\w])/g, reindex('plot'))
    .replace(/plot-(clip|marker|pattern)-\d+/g, (m, kind: string) => reindex(`plot-${kind}`)(m))
    .replace(/></g, '>\n<');
}

const pts = (values: (number | null)[], from = 2015) => values.map((value, i) => ({ period: from + i, value }));

const base: TrendChartOptions = {
  width: 640,
  height: 280,
  formatValue: (v) => `${v.toLocaleString('nl-NL', { maximumFractionDigits: 1 })}%`,
  yLabel: 'Percentage',
  periods: YEARS,
  selectedPeriod: 2023,
  ariaLabel: 'Verloop van Bijstand in Centrum en Gemeente Utrecht, 2015 tot 2025',
  ariaDescription: 'Lijndiagram met Centrum, Gemeente Utrecht en Nederland',
  document,
};

const area = (values: (number | null)[]): TrendSeries => ({
  key: 'WK034401',
  label: 'Centrum',
  role: 'area',
  points: pts(values),
});
const gemeente: TrendSeries = {
  key: 'GM0344',
  label: 'Gemeente Utrecht',
  role: 'reference',
  points: pts([6.1, 6.3, 6.0, 5.8, 5.5, 5.9, 6.2, 5.7, 5.4, 5.3, 5.1]),
};
const nl: TrendSeries = {
  key: 'NL00',
  label: 'Nederland',
  role: 'national',
  points: pts([5.0, 5.1, 4.9, 4.7, 4.5, 4.8, 4.9, 4.6, 4.4, 4.3, 4.2]),
};
const areaValues = [10.2, 10.8, 11.5, 11.1, 10.4, 11.9, 12.3, 11.0, 10.1, 9.8, 9.5];

const svgOf = (el: Element) => (el.tagName.toLowerCase() === 'svg' ? el : el.querySelector('svg')!);
const tickTexts = (el: Element, axis: 'x' | 'y') =>
  [...el.querySelectorAll(`g[data-label="${axis}-axis tick label"] text`)].map((t) => t.textContent);
const lineD = (el: Element, role: string) => el.querySelector(`g.line-${role} path`)?.getAttribute('d') ?? null;
const subpaths = (d: string | null) => (d ? (d.match(/M/g) ?? []).length : 0);

describe('trendChart', () => {
  it('draws area, gemeente and NL over 2015–2025', async () => {
    const chart = trendChart([area(areaValues), gemeente, nl], base);
    const svg = svgOf(chart);
    expect(svg.getAttribute('aria-label')).toBe(base.ariaLabel);
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.querySelector('title')?.textContent).toBe(base.ariaLabel);
    expect(svg.querySelector('desc')?.textContent).toBe(base.ariaDescription);
    expect(tickTexts(chart, 'x')).toEqual(YEARS.map(String));
    expect(tickTexts(chart, 'y')[0]).toBe('0%');
    for (const role of ['area', 'reference', 'national']) expect(subpaths(lineD(chart, role))).toBe(1);
    expect(chart.querySelectorAll('g.dots-area circle')).toHaveLength(11);
    expect([...chart.querySelectorAll('g.labels text')].map((t) => t.textContent)).toEqual([
      'Nederland',
      'Gemeente Utrecht',
      'Centrum',
    ]);
    expect(chart.querySelector('g.selected-period line')).not.toBeNull(); // the selected year
    await expect(normalise(chart)).toMatchFileSnapshot('./__snapshots__/trend-basic.svg');
  });

  it('draws a numeric aim from the baseline to the target, extending the x domain', async () => {
    const chart = trendChart([area(areaValues), gemeente, nl], {
      ...base,
      aim: { targetPeriod: 2026, targetValue: 9, baselinePeriod: 2019, label: 'Doel 2026: 9%' },
    });
    expect(tickTexts(chart, 'x')).toEqual([...YEARS, 2026].map(String));
    const rule = chart.querySelector('g.aim line');
    expect(rule).not.toBeNull();
    expect(rule?.getAttribute('stroke-dasharray') ?? rule?.parentElement?.getAttribute('stroke-dasharray')).toBe('5,4');
    expect(chart.querySelector('g.aim-label text')?.textContent).toBe('Doel 2026: 9%');
    expect(chart.querySelectorAll('g.aim-target path')).toHaveLength(1);
    await expect(normalise(chart)).toMatchFileSnapshot('./__snapshots__/trend-aim.svg');
  });

  it('draws the interval band, a target band and the projection with its interval', async () => {
    const band = YEARS.map((period, i) => ({ period, low: areaValues[i]! - 1, high: areaValues[i]! + 1 }));
    const chart = trendChart([area(areaValues), gemeente], {
      ...base,
      band,
      aim: { targetPeriod: 2027, targetValue: null, band: { low: 8, high: 9 }, baselinePeriod: 2019, label: 'Doel' },
      projection: { from: { period: 2025, value: 9.5 }, to: { period: 2027, value: 8.6, low: 7.2, high: 10.0 } },
    });
    expect(tickTexts(chart, 'x')).toContain('2027');
    expect(chart.querySelector('g.interval-band path')).not.toBeNull();
    expect(chart.querySelectorAll('g.aim-band rect')).toHaveLength(1);
    expect(chart.querySelector('g.projection path')?.getAttribute('stroke-dasharray') ?? '').toBe('');
    expect(chart.querySelector('g.projection')?.getAttribute('stroke-dasharray')).toBe('2,3');
    expect(chart.querySelectorAll('g.projection-interval line')).toHaveLength(1);
    expect(chart.querySelector('g.aim line')).toBeNull(); // a band, not a line
    await expect(normalise(chart)).toMatchFileSnapshot('./__snapshots__/trend-band-projection.svg');
  });

  it('draws nothing numeric for an aim with only a direction', () => {
    const chart = trendChart([area(areaValues)], {
      ...base,
      aim: { targetPeriod: 2026, targetValue: null, baselinePeriod: 2019, label: 'Omlaag' },
    });
    expect(chart.querySelector('g[class^="aim"]')).toBeNull();
    expect(tickTexts(chart, 'x')).toEqual(YEARS.map(String));
  });

  it('breaks the line at missing years and keeps a lone value as a dot', async () => {
    const values: (number | null)[] = [...areaValues];
    values[4] = null;
    values[5] = null;
    const withLone: TrendSeries = {
      ...gemeente,
      points: pts([6.1, null, 6.0, null, 5.5, 5.9, 6.2, 5.7, 5.4, 5.3, 5.1]),
    };
    const chart = trendChart([area(values), withLone], base);
    const d = lineD(chart, 'area');
    expect(subpaths(d)).toBe(2);
    expect(d).not.toContain('NaN');
    expect(chart.querySelectorAll('g.dots-area circle')).toHaveLength(9);
    // 2015 and 2017 of the gemeente have no neighbour: only a dot shows them.
    expect(subpaths(lineD(chart, 'reference'))).toBe(1);
    expect(chart.querySelectorAll('g.dots-reference circle')).toHaveLength(2);
    await expect(normalise(chart)).toMatchFileSnapshot('./__snapshots__/trend-gap.svg');
  });

  it('renders an empty frame when every value is null', async () => {
    const none = (s: TrendSeries): TrendSeries => ({ ...s, points: s.points.map((p) => ({ ...p, value: null })) });
    const chart = trendChart([none(area(areaValues)), none(gemeente)], { ...base, emptyLabel: 'Geen gegevens' });
    const svg = svgOf(chart);
    expect(svg.getAttribute('aria-label')).toBe(base.ariaLabel);
    expect(chart.querySelectorAll('path[d*="NaN"], [cx="NaN"], [cy="NaN"]')).toHaveLength(0);
    expect(chart.querySelector('g.labels')).toBeNull();
    expect(tickTexts(chart, 'y')).toEqual([]);
    expect(tickTexts(chart, 'x')).toEqual(YEARS.map(String));
    expect(chart.textContent).toContain('Geen gegevens');
    await expect(normalise(chart)).toMatchFileSnapshot('./__snapshots__/trend-empty.svg');
  });

  it('renders a single period as dots in the middle', async () => {
    const one = (s: TrendSeries, v: number): TrendSeries => ({ ...s, points: [{ period: 2024, value: v }] });
    const chart = trendChart([one(area([]), 11.2), one(gemeente, 6.3)], {
      ...base,
      periods: [2024],
      selectedPeriod: 2024,
    });
    expect(tickTexts(chart, 'x')).toEqual(['2024']);
    expect(chart.querySelectorAll('g.dots-area circle')).toHaveLength(1);
    expect(chart.querySelectorAll('g.dots-reference circle')).toHaveLength(1);
    const cx = chart.querySelector('g.dots-area circle')?.getAttribute('cx');
    expect(Number(cx)).toBeGreaterThan(0);
    expect(chart.querySelectorAll('path[d*="NaN"], [cx="NaN"], [cy="NaN"]')).toHaveLength(0);
    await expect(normalise(chart)).toMatchFileSnapshot('./__snapshots__/trend-one-period.svg');
  });

  it('does not start at 0 when zero is false and keeps labels apart', () => {
    const chart = trendChart([area(areaValues), { ...gemeente, points: pts(areaValues.map((v) => v - 0.1)) }], {
      ...base,
      zero: false,
    });
    expect(tickTexts(chart, 'y')[0]).not.toBe('0%');
    const ys = [...chart.querySelectorAll('g.labels text')].map((t) => Number(t.getAttribute('y')));
    expect(Math.abs(ys[0]! - ys[1]!)).toBeGreaterThanOrEqual(15);
  });

  it('fits the panel width: long names wrap onto lines, whole, with the full name as a title', async () => {
    const long: TrendSeries = { ...area(areaValues), label: 'Wijk 01 Binnenstad-Oost en Lombok-Leidseweg' };
    const gemeenteLong = { ...gemeente, label: 'Gemeente Súdwest-Fryslân' };
    const chart = trendChart([long, gemeenteLong, nl], { ...base, width: 560 });
    expect(tickTexts(chart, 'x')).toEqual(YEARS.map(String));
    const texts = [...chart.querySelectorAll('g.labels text')];
    const lines = (t: Element | undefined) => [...(t?.querySelectorAll('tspan') ?? [])].map((s) => s.textContent);
    const areaText = texts.find((t) => t.closest('g.label-area'));
    const gemeenteText = texts.find((t) => t.closest('g.label-reference'));
    expect(areaText?.querySelector('title')?.textContent).toBe(long.label);
    expect(lines(areaText).join(' ').replaceAll('- ', '-')).toBe(long.label);
    expect(lines(gemeenteText).join(' ').replaceAll('- ', '-')).toBe(gemeenteLong.label);
    expect(chart.textContent).not.toContain('…');
    expect(texts.map((t) => t.firstChild?.textContent)).toContain('Nederland');
    // The blocks of lines do not overlap: each starts below the end of the one above it.
    const blocks = texts
      .map((t) => ({ top: Number(t.getAttribute('y')), lines: Math.max(1, lines(t).length) }))
      .sort((a, b) => a.top - b.top);
    for (let i = 1; i < blocks.length; i++)
      expect(blocks[i]!.top - blocks[i - 1]!.top).toBeGreaterThanOrEqual(blocks[i - 1]!.lines * 15 - 0.5);
    await expect(normalise(chart)).toMatchFileSnapshot('./__snapshots__/trend-narrow.svg');
  });

  it('dodges overlapping labels within bounds', () => {
    expect(dodge([50, 50, 52], 10, 0, 100)).toEqual([50, 60, 70]);
    expect(dodge([98, 99], 10, 0, 100)).toEqual([90, 100]);
    expect(dodge([30, 10], 5, 0, 100)).toEqual([30, 10]);
    // A label of three lines (45 px) and one of one line (15 px) stay 30 px apart.
    expect(dodge([50, 50], 15, 0, 100, [45, 15])).toEqual([50, 80]);
  });
});

describe('sparkline', () => {
  const label = 'Verloop van Bijstand in Centrum, 2015 tot 2025';

  it('draws a line with a dot on the selected year', async () => {
    const svg = sparkline(pts(areaValues), { ariaLabel: label, highlightPeriod: 2023, document });
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe(label);
    expect(svg.getAttribute('viewBox')).toBe('0 0 96 24');
    expect(subpaths(svg.querySelector('path')!.getAttribute('d'))).toBe(1);
    expect(svg.querySelectorAll('circle.highlight')).toHaveLength(1);
    await expect(normalise(svg)).toMatchFileSnapshot('./__snapshots__/sparkline-basic.svg');
  });

  it('breaks at nulls and dots a lone value', async () => {
    const svg = sparkline(pts([3, 4, null, 5, null, 4, 3.5]), { ariaLabel: label, document });
    expect(subpaths(svg.querySelector('path')!.getAttribute('d'))).toBe(2);
    expect(svg.querySelectorAll('circle')).toHaveLength(1);
    expect(svg.querySelector('circle')?.getAttribute('cx')).toBe(String(3 + (3 / 6) * 90));
    await expect(normalise(svg)).toMatchFileSnapshot('./__snapshots__/sparkline-gap.svg');
  });

  it('is an empty labelled image when all values are null', async () => {
    const svg = sparkline(pts([null, null, null]), { ariaLabel: label, highlightPeriod: 2016, document });
    expect(svg.getAttribute('aria-label')).toBe(label);
    expect(svg.querySelector('path')).toBeNull();
    expect(svg.querySelector('circle')).toBeNull();
    await expect(normalise(svg)).toMatchFileSnapshot('./__snapshots__/sparkline-empty.svg');
  });

  it('handles constant values and a single point without dividing by zero', async () => {
    const flat = sparkline(pts([7, 7, 7, 7]), { ariaLabel: label, highlightPeriod: 2018, document, width: 80 });
    expect(flat.querySelector('path')!.getAttribute('d')).toBe('M3,12L27.67,12L52.33,12L77,12');
    expect(flat.querySelector('circle.highlight')?.getAttribute('cx')).toBe('77');
    await expect(normalise(flat)).toMatchFileSnapshot('./__snapshots__/sparkline-constant.svg');

    const single = sparkline([{ period: 2020, value: 3 }], { ariaLabel: label, document });
    expect(single.outerHTML).not.toContain('NaN');
    expect(single.querySelector('circle')?.getAttribute('cx')).toBe('48');
    expect(single.querySelector('circle')?.getAttribute('cy')).toBe('12');
  });
});
