import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { leastSquares, pearson } from '../../src/compass/correlation.ts';
import type { RankingRow, ScatterRow } from '../../src/queries/explore.ts';
import { binEdges, distributionCells, distributionChart } from '../../src/views/verkennen/distributionChart.ts';
import { rankingChart } from '../../src/views/verkennen/rankingChart.ts';
import { scatterChart } from '../../src/views/verkennen/scatterChart.ts';
import {
  type AreaSeries,
  orderSeries,
  smallMultiples,
  toAreaSeries,
} from '../../src/views/verkennen/smallMultiples.ts';

const window = new Window();
const document = window.document as unknown as Document;
afterAll(() => window.happyDOM.close());

/** As in charts.test.ts: stable numbers and ids, one tag per line for readable diffs. */
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

const pct = (v: number) => `${v.toLocaleString('nl-NL', { maximumFractionDigits: 1 })}%`;
const svgOf = (el: Element) => (el.tagName.toLowerCase() === 'svg' ? el : el.querySelector('svg')!);
const codesIn = (el: Element, selector: string) =>
  [...el.querySelectorAll(`${selector} [data-code]`)].map((n) => n.getAttribute('data-code'));

const row = (code: string, name: string, value: number | null, num: number | null, den: number | null): RankingRow => ({
  code,
  name,
  value,
  numerator: num,
  denominator: den,
  suppressed: value === null,
});
const ranking: RankingRow[] = [
  row('WK01', 'Centrum', 14.2, 71, 500),
  row('WK02', 'Noord', 12.5, 25, 200),
  row('WK03', 'Oud-Zuid en de Binnenstad-Oostzijde', 11, 44, 400),
  row('WK04', 'Dorp', 9.5, 19, 200),
  row('WK05', 'Gehucht', null, null, null),
];
const intervals = new Map([
  ['WK01', { low: 11.4, high: 17.5 }],
  ['WK02', { low: 8.6, high: 17.8 }],
  ['WK03', { low: 8.3, high: 14.4 }],
  ['WK04', { low: 6.2, high: 14.4 }],
]);
const rankingLabels = { gemeente: 'Gemeente', nl: 'Nederland', suppressed: 'geheim', noData: 'geen gegevens' };

describe('rankingChart', () => {
  const base = {
    width: 560,
    formatValue: pct,
    labels: rankingLabels,
    ariaLabel: 'Rangorde van de wijken op Jeugdhulp, 2024',
    ariaDescription: 'Staafdiagram, hoogste waarde boven',
    document,
  };

  it('draws one bar per area with a value, whiskers, references and data-code on every per-area mark', async () => {
    const chart = rankingChart(ranking, {
      ...base,
      reference: { gemeente: 11.8, nl: 11.5 },
      intervals,
      highlight: 'WK02',
    });
    const svg = svgOf(chart);
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe(base.ariaLabel);
    expect(svg.querySelector('title')?.textContent).toBe(base.ariaLabel);
    expect(svg.querySelector('desc')?.textContent).toBe(base.ariaDescription);
    expect(codesIn(chart, 'g.bars')).toEqual(['WK01', 'WK02', 'WK03', 'WK04']);
    expect(codesIn(chart, 'g.rows')).toEqual(['WK01', 'WK02', 'WK03', 'WK04', 'WK05']);
    expect(codesIn(chart, 'g.names')).toEqual(['WK01', 'WK02', 'WK03', 'WK04', 'WK05']);
    expect(codesIn(chart, 'g.intervals')).toEqual(['WK01', 'WK02', 'WK03', 'WK04']);
    // Bars in data order, from top to bottom, each as long as its value.
    const bars = [...chart.querySelectorAll('g.bars rect')];
    const ys = bars.map((b) => Number(b.getAttribute('y')));
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    const widths = bars.map((b) => Number(b.getAttribute('width')));
    expect(widths[1]! / widths[0]!).toBeCloseTo(12.5 / 14.2, 6);
    // The highlighted bar is dark and outlined, its name bold.
    const highlighted = chart.querySelector('g.bars [data-code="WK02"]')!;
    expect(highlighted.getAttribute('stroke')).toBe('#1b2631');
    expect(chart.querySelector('g.bars [data-code="WK01"]')!.getAttribute('stroke')).toBe('none');
    expect(chart.querySelector('g.names [data-code="WK02"]')!.getAttribute('font-weight')).toBe('bold');
    // Suppressed: no bar, a word instead; a long name shortened with its full name as tooltip.
    expect(chart.querySelector('g.values [data-code="WK05"]')?.textContent).toBe('geheim');
    const long = chart.querySelector('g.names [data-code="WK03"]')!;
    expect(long.firstChild?.textContent).toMatch(/…$/);
    expect(long.querySelector('title')?.textContent).toBe('Oud-Zuid en de Binnenstad-Oostzijde');
    expect(chart.querySelector('g.reference-label-gemeente text')?.textContent).toBe('Gemeente');
    expect(chart.querySelector('g.reference-label-nl text')?.textContent).toBe('Nederland');
    expect(chart.querySelector('g.reference-gemeente')?.getAttribute('stroke-dasharray')).toBe('6,4');
    await expect(normalise(chart)).toMatchFileSnapshot('./__snapshots__/verkennen-ranking.svg');
  });

  it('without references, intervals or values: still one labelled row per area', async () => {
    const chart = rankingChart(
      [row('BU1', 'Gehucht', null, null, null), { ...row('BU2', 'Veld', null, null, null), suppressed: false }],
      {
        ...base,
        highlight: null,
      },
    );
    expect(chart.querySelectorAll('g.bars rect')).toHaveLength(0);
    expect(chart.querySelector('g.intervals')).toBeNull();
    expect(chart.querySelector('[class^="reference"]')).toBeNull();
    expect([...chart.querySelectorAll('g.values text')].map((t) => t.textContent)).toEqual(['geheim', 'geen gegevens']);
    expect(chart.outerHTML).not.toContain('NaN');
    await expect(normalise(chart)).toMatchFileSnapshot('./__snapshots__/verkennen-ranking-empty.svg');
  });

  it('negative values extend the axis left of zero', () => {
    const chart = rankingChart([row('A', 'Stijger', 2.5, null, null), row('B', 'Daler', -1.5, null, null)], {
      ...base,
      highlight: null,
    });
    const [a, b] = [...chart.querySelectorAll('g.bars rect')];
    expect(Number(b!.getAttribute('x'))).toBeLessThan(Number(a!.getAttribute('x')));
    expect(chart.outerHTML).not.toContain('NaN');
  });
});

describe('distributionChart', () => {
  const items = [3.2, 4.1, 4.4, 5.0, 5.5, 5.9, 6.1, 6.3, 7.8, 9.9, 12.4].map((value, i) => ({
    code: `BU${String(i + 1).padStart(2, '0')}`,
    name: `Buurt ${i + 1}`,
    value,
  }));
  const base = {
    width: 560,
    height: 220,
    formatValue: pct,
    labels: { gemeente: 'Gemeente', nl: 'Nederland', count: 'Aantal buurten', empty: 'Geen waarden' },
    ariaLabel: 'Verdeling van Jeugdhulp over de buurten, 2024',
    document,
  };

  it('bins on round edges and stacks one cell per area', () => {
    // Sturges: ⌈log₂ 11⌉ + 1 = 5 bins asked, on round steps of 2.
    expect(binEdges(items.map((d) => d.value))).toEqual([2, 4, 6, 8, 10, 12, 14]);
    const { cells, edges } = distributionCells([...items, { code: 'X', name: 'Geheim', value: null }]);
    expect(edges).toEqual([2, 4, 6, 8, 10, 12, 14]);
    expect(cells).toHaveLength(11);
    // Bin 4–6: 4,1 4,4 5,0 5,5 5,9 stacked from the bottom; 6 itself opens the next bin.
    expect(cells.filter((c) => c.x1 === 4).map((c) => [c.value, c.y1])).toEqual([
      [4.1, 0],
      [4.4, 1],
      [5, 2],
      [5.5, 3],
      [5.9, 4],
    ]);
    expect(cells.find((c) => c.value === 12.4)).toMatchObject({ x1: 12, x2: 14, y1: 0 });
    expect(binEdges([5, 5])).toEqual([4.5, 5, 5.5]);
    expect(binEdges([])).toEqual([]);
  });

  it('marks the selected area and the references', async () => {
    const chart = distributionChart(items, { ...base, highlight: 'BU09', reference: { gemeente: 6.0, nl: 5.4 } });
    const svg = svgOf(chart);
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.querySelector('title')?.textContent).toBe(base.ariaLabel);
    expect(codesIn(chart, 'g.cells')).toHaveLength(11);
    expect(chart.querySelector('g.cells [data-code="BU09"]')?.getAttribute('fill')).toBe('#08306b');
    expect(chart.querySelector('g.highlight [data-code="BU09"]')).not.toBeNull();
    expect(chart.querySelector('g.highlight-label text')?.textContent).toBe('Buurt 9: 7,8%');
    expect(chart.querySelector('g.reference-label-gemeente text')?.textContent).toBe('Gemeente');
    expect(chart.querySelector('g.cells [data-code="BU01"] title')?.textContent).toBe('Buurt 1: 3,2%');
    await expect(normalise(chart)).toMatchFileSnapshot('./__snapshots__/verkennen-distribution.svg');
  });

  it('is an empty labelled frame without values', async () => {
    const chart = distributionChart([{ code: 'A', name: 'A', value: null }], { ...base, highlight: 'A' });
    expect(chart.querySelectorAll('g.cells rect')).toHaveLength(0);
    expect(chart.textContent).toContain('Geen waarden');
    expect(chart.outerHTML).not.toContain('NaN');
    await expect(normalise(chart)).toMatchFileSnapshot('./__snapshots__/verkennen-distribution-empty.svg');
  });
});

describe('smallMultiples', () => {
  const names = new Map([
    ['WK01', 'Centrum'],
    ['WK02', 'Noord'],
    ['WK03', 'Oost'],
    ['WK04', 'Zuid-West en de Dorpsrand-Noordoost'],
    ['WK05', 'Gehucht'],
  ]);
  const trend = (code: string, values: (number | null)[], suppressed: number[] = []) =>
    values.map((value, i) => ({ code, period: 2020 + i, value, suppressed: suppressed.includes(2020 + i) }));
  const series: AreaSeries[] = toAreaSeries(
    [
      ...trend('WK01', [14, 13.5, 13, 12.6, 12.2]),
      ...trend('WK02', [10, 10.4, null, 11.2, 11.9], [2022]),
      ...trend('WK03', [8, 8.2, 8.1, 7.9, 7.5]),
      ...trend('WK04', [12, null, 11, null, 10.2], [2021, 2023]),
      ...trend('WK05', [null, null, null, null, null], [2020, 2021, 2022, 2023, 2024]),
    ],
    names,
  );
  const base = {
    width: 560,
    periods: [2020, 2021, 2022, 2023, 2024],
    formatValue: pct,
    ariaLabel: 'Verloop van Jeugdhulp per wijk, 2020 tot 2024',
    document,
  };

  it('orders by the selected year and keeps the highlighted area in a top/bottom N', () => {
    expect(series.find((s) => s.code === 'WK02')!.points[2]).toEqual({ period: 2022, value: null });
    expect(orderSeries(series, 2024).map((s) => s.code)).toEqual(['WK01', 'WK02', 'WK04', 'WK03', 'WK05']);
    expect(orderSeries(series, 2024, { order: 'top', count: 2, period: 2024 }).map((s) => s.code)).toEqual([
      'WK01',
      'WK02',
    ]);
    expect(orderSeries(series, 2024, { order: 'bottom', count: 2, period: 2024 }, 'WK01').map((s) => s.code)).toEqual([
      'WK03',
      'WK04',
      'WK01',
    ]);
  });

  it('one panel per area on a shared scale, the highlighted one outlined', async () => {
    const chart = smallMultiples(series, {
      ...base,
      highlight: 'WK04',
      selectedPeriod: 2024,
      reference: {
        label: 'Gemeente',
        points: [11, 11.1, 10.9, 10.7, 10.4].map((value, i) => ({ period: 2020 + i, value })),
      },
    });
    expect(chart.getAttribute('role')).toBe('img');
    expect(chart.querySelector('title')?.textContent).toBe(base.ariaLabel);
    const panels = [...chart.querySelectorAll('g.panel')];
    expect(panels.map((p) => p.getAttribute('data-code'))).toEqual(['WK01', 'WK02', 'WK04', 'WK03', 'WK05']);
    expect(chart.querySelector('g.panel.highlight')?.getAttribute('data-code')).toBe('WK04');
    expect(chart.querySelector('g.highlight rect.hit')?.getAttribute('stroke')).toBe('#1b2631');
    // Gaps break the line; WK04's lone values are dots; the all-suppressed area has a panel without a line.
    expect((panels[1]!.querySelector('path.line')!.getAttribute('d')!.match(/M/g) ?? []).length).toBe(2);
    expect(panels[2]!.querySelector('path.line')).toBeNull();
    expect(panels[2]!.querySelectorAll('circle.lone')).toHaveLength(2);
    expect(panels[2]!.querySelectorAll('circle.selected')).toHaveLength(1);
    expect(panels[4]!.querySelector('path.line')).toBeNull();
    expect(panels[2]!.querySelector('text.name title')?.textContent).toBe('Zuid-West en de Dorpsrand-Noordoost');
    expect(chart.querySelectorAll('path.reference')).toHaveLength(5);
    expect(chart.querySelector('g.legend text')?.textContent).toBe('Gemeente');
    expect([...chart.querySelectorAll('g.y-axis text')].map((t) => t.textContent).slice(0, 2)).toEqual(['0%', '15%']);
    expect(chart.outerHTML).not.toContain('NaN');
    await expect(normalise(chart)).toMatchFileSnapshot('./__snapshots__/verkennen-small-multiples.svg');
  });

  it('is an empty labelled image without series', () => {
    const chart = smallMultiples([], { ...base, highlight: null, emptyLabel: 'Geen gegevens' });
    expect(chart.getAttribute('aria-label')).toBe(base.ariaLabel);
    expect(chart.textContent).toContain('Geen gegevens');
  });
});

describe('scatterChart', () => {
  const points: ScatterRow[] = [
    { code: 'WK01', name: 'Centrum', x: 28.1, y: 14.2 },
    { code: 'WK02', name: 'Noord', x: 31.5, y: 12.5 },
    { code: 'WK03', name: 'Oost', x: 33.0, y: 11.0 },
    { code: 'WK04', name: 'Dorp', x: 36.2, y: 9.5 },
    { code: 'WK05', name: 'Zuid', x: 30.0, y: 11.9 },
  ];
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const base = {
    width: 520,
    height: 320,
    formatX: (v: number) => `€ ${(v * 1000).toLocaleString('nl-NL')}`,
    formatY: pct,
    labels: {
      x: 'Gemiddeld inkomen',
      y: 'Jeugdhulp',
      caption: (r: number | null, n: number) =>
        r === null
          ? `Te weinig wijken (${n})`
          : `r = ${r.toLocaleString('nl-NL', { maximumFractionDigits: 2 })} (${n} wijken)`,
      empty: 'Geen wijken met beide waarden',
    },
    ariaLabel: 'Jeugdhulp tegen gemiddeld inkomen per wijk, 2024',
    document,
  };

  it('draws a dot per area, the fitted line and r in the caption', async () => {
    const fit = leastSquares(xs, ys);
    const r = pearson(xs, ys);
    const chart = scatterChart(points, { ...base, fit, r, highlight: 'WK03' });
    expect(chart.tagName.toLowerCase()).toBe('figure');
    expect(chart.querySelector('figcaption')?.textContent).toBe('r = -0,95 (5 wijken)');
    const svg = svgOf(chart);
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.querySelector('title')?.textContent).toBe(base.ariaLabel);
    expect(codesIn(chart, 'g.points')).toEqual(['WK01', 'WK02', 'WK04', 'WK05']);
    expect(codesIn(chart, 'g.highlight')).toEqual(['WK03']);
    expect(chart.querySelector('g.highlight-label text')?.textContent).toBe('Oost');
    expect(chart.querySelector('g.fit path')).not.toBeNull();
    await expect(normalise(chart)).toMatchFileSnapshot('./__snapshots__/verkennen-scatter.svg');
  });

  it('no line and no r with too few points', () => {
    const two = points.slice(0, 2);
    const chart = scatterChart(two, {
      ...base,
      fit: null,
      r: pearson(
        two.map((p) => p.x),
        two.map((p) => p.y),
      ),
      highlight: null,
    });
    expect(chart.querySelector('figcaption')?.textContent).toBe('Te weinig wijken (2)');
    expect(chart.querySelector('g.fit')).toBeNull();
    const none = scatterChart([], { ...base, fit: null, r: null, highlight: 'WK01' });
    expect(none.textContent).toContain('Geen wijken met beide waarden');
    expect(none.outerHTML).not.toContain('NaN');
  });
});
