import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { funnel } from '../../src/compass/funnel.ts';
import type { RankingRow } from '../../src/queries/explore.ts';
import { type FunnelChartPoint, funnelChart } from '../../src/views/verkennen/funnelChart.ts';
import { rankingChart } from '../../src/views/verkennen/rankingChart.ts';

const window = new Window();
const document = window.document as unknown as Document;
afterAll(() => window.happyDOM.close());

/** As in verkennenCharts.test.ts: stable numbers and ids, one tag per line for readable diffs. */
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
const count = (n: number) => Math.round(n).toLocaleString('nl-NL');
const svgOf = (el: Element) => (el.tagName.toLowerCase() === 'svg' ? el : el.querySelector('svg')!);

/** Buurten around 12 %, with three far off: two close together (their names must not overlap) and one low. */
const counts: [string, string, number, number][] = [
  ['BU01', 'Centrum', 60, 500],
  ['BU02', 'Noord', 14, 120],
  ['BU03', 'Oost', 110, 900],
  ['BU04', 'Zuid', 30, 260],
  ['BU05', 'West', 9, 80],
  ['BU06', 'Haven', 48, 380],
  ['BU07', 'Dorp', 25, 210],
  ['BU08', 'Veld', 180, 1500],
  ['BU09', 'Hoog-Een', 135, 520],
  ['BU10', 'Hoog-Twee', 140, 540],
  ['BU11', 'Laagland', 20, 800],
  ['BU12', 'Gehucht', 4, 60],
];
const areas = counts.map(([code, , x, n]) => ({ area_code: code, numerator: x, denominator: n }));
const points: FunnelChartPoint[] = counts.map(([code, name, x, n]) => ({
  code,
  name,
  value: (x / n) * 100,
  denominator: n,
}));
const f = funnel(areas, { unit: 'percent' }, 0.0004)!;
const base = {
  width: 560,
  height: 370,
  funnel: f,
  formatValue: pct,
  formatCount: count,
  labels: {
    x: 'Aantal personen (noemer, logaritmische schaal)',
    y: 'Jongeren met jeugdhulp',
    centre: 'Gemeente',
    inner: '95%',
    outer: '99,8%',
  },
  ariaLabel: 'Trechterdiagram van jeugdhulp per buurt in 2025',
  ariaDescription: 'De grenzen rekenen de gewone variatie tussen gebieden mee.',
  document,
};

interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** A name's box from Plot's text element: its translate, anchor and dx, 7 px per character and 14 px high. */
function boxOf(text: Element): Box {
  const [, tx, ty] = /translate\(([-\d.]+),([-\d.]+)\)/.exec(text.getAttribute('transform') ?? '') ?? [];
  const group = text.closest('g')!;
  const anchor = group.getAttribute('text-anchor') ?? 'start';
  const width = (text.textContent ?? '').length * 7;
  const x = Number(tx) + Number(text.getAttribute('dx') ?? group.getAttribute('dx') ?? 0);
  const y = Number(ty);
  const x0 = anchor === 'end' ? x - width : x;
  return { x0, x1: x0 + width, y0: y - 7, y1: y + 7 };
}

describe('funnelChart', () => {
  it('draws both pairs of limits, the centre, a dot per area, and names the areas outside the 99,8 % limits', async () => {
    expect(f.outside998).toEqual(expect.arrayContaining(['BU09', 'BU10', 'BU11']));
    const chart = funnelChart(points, { ...base, highlight: null });
    const svg = svgOf(chart);
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.querySelector('title')?.textContent).toBe(base.ariaLabel);
    // Four limit lines (95 % dashed, 99,8 % solid) over two bands, and the centre at the pooled value.
    for (const cls of ['limit-outer-low', 'limit-outer-high', 'limit-inner-low', 'limit-inner-high']) {
      expect(svg.querySelectorAll(`.${cls} path`).length, cls).toBe(1);
    }
    expect(svg.querySelector('.limit-inner path, .limit-inner')?.getAttribute('stroke-dasharray')).toBe('4,3');
    expect(svg.querySelectorAll('.band-outer path, .band-inner path').length).toBe(2);
    expect(svg.querySelector('.centre')).not.toBeNull();
    expect(svg.querySelector('.centre-label')?.textContent).toBe('Gemeente');
    expect([...svg.querySelectorAll('.limit-labels text')].map((t) => t.textContent)).toEqual([
      '99,8%',
      '95%',
      '95%',
      '99,8%',
    ]);
    // One dot per area, each with its code; the ones outside are outlined.
    const dots = [...svg.querySelectorAll('.points [data-code]')].map((d) => d.getAttribute('data-code'));
    expect(dots.sort()).toEqual(points.map((p) => p.code).sort());
    expect([...svg.querySelectorAll('.outside [data-code]')].map((d) => d.getAttribute('data-code')).sort()).toEqual(
      [...f.outside998].sort(),
    );
    // Exactly the areas outside are named, and no two names overlap.
    const names = [...svg.querySelectorAll('.names text')];
    expect(names.map((n) => n.getAttribute('data-code')).sort()).toEqual([...f.outside998].sort());
    expect(names.map((n) => n.textContent)).toEqual(expect.arrayContaining(['Hoog-Een', 'Hoog-Twee', 'Laagland']));
    const boxes = names.map(boxOf);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        const overlap = a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
        expect(overlap, `${names[i]!.textContent} / ${names[j]!.textContent}`).toBe(false);
      }
    }
    await expect(normalise(chart)).toMatchFileSnapshot('./__snapshots__/verkennen-funnel.svg');
  });

  it('names and enlarges the highlighted area even inside the limits; caps the names', () => {
    const chart = funnelChart(points, { ...base, highlight: 'BU04', maxLabels: 1 });
    const svg = svgOf(chart);
    expect(svg.querySelector('.highlight [data-code="BU04"], .highlight[data-code="BU04"]')).not.toBeNull();
    const names = [...svg.querySelectorAll('.names text')];
    expect(names[0]?.textContent).toBe('Zuid');
    expect(names[0]?.getAttribute('font-weight')).toBe('bold');
    // The highlighted name takes the one place of maxLabels: the outliers are left to the list below the chart.
    expect(names).toHaveLength(1);
  });

  it('puts the denominator on a log axis with 1-2-5 ticks', () => {
    const svg = svgOf(funnelChart(points, { ...base, highlight: null }));
    const ticks = [
      ...svg.querySelectorAll('[aria-label="x-axis tick label"] text, [data-label="x-axis tick label"] text'),
    ]
      .map((t) => t.textContent)
      .filter(Boolean);
    expect(ticks).toEqual(['50', '100', '200', '500', '1.000']);
  });
});

describe('rankingChart with stabilised values', () => {
  const rows: RankingRow[] = [
    { code: 'A', name: 'Groot', value: 12.2, numerator: 122, denominator: 1000, suppressed: false },
    { code: 'B', name: 'Klein', value: 11.5, numerator: 6, denominator: 30, suppressed: false },
    { code: 'C', name: 'Geheim', value: null, numerator: null, denominator: null, suppressed: true },
  ];
  it('draws the measured values as open circles beside the bars, and no intervals', () => {
    const chart = rankingChart(rows, {
      width: 480,
      highlight: null,
      formatValue: pct,
      raw: new Map([
        ['A', 12.2],
        ['B', 20],
        ['C', null],
      ]),
      labels: { gemeente: 'Gemeente', nl: 'Nederland', suppressed: 'geheim', noData: 'geen gegevens' },
      ariaLabel: 'Rangorde',
      document,
    });
    const svg = svgOf(chart);
    const raw = [...svg.querySelectorAll('.raw-values [data-code]')];
    expect(raw.map((c) => c.getAttribute('data-code'))).toEqual(['A', 'B']);
    expect(raw[0]!.closest('g')!.getAttribute('fill')).toBe('white');
    expect(svg.querySelector('.intervals')).toBeNull();
    // The value text follows the bar or the circle, whichever is further right (Klein's 20 % lies beyond its bar).
    const values = [...svg.querySelectorAll('.values [data-code]')].map((t) => t.textContent);
    expect(values).toEqual(['12,2%', '11,5%', 'geheim']);
  });
});
