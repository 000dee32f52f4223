import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import { Window } from 'happy-dom';
import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/app/format.ts';
import { createI18n, I18nProvider } from '../../src/app/i18n/index.tsx';
import { printEN } from '../../src/app/i18n/print.en.ts';
import { printNL } from '../../src/app/i18n/print.nl.ts';
import type { Indicator } from '../../src/data/package.ts';
import { MINIMAP_STYLE, miniMap } from '../../src/views/print/miniMap.ts';
import { PrintButton } from '../../src/views/print/PrintButton.tsx';
import {
  formatPrintDate,
  PrintReport,
  type PrintReportProps,
  printCell,
  sourceLine,
} from '../../src/views/print/PrintReport.tsx';

const window = new Window();
const document = window.document as unknown as Document;
afterAll(() => window.happyDOM.close());

// ---------- mini map ----------

/** A square as RFC 7946 winds it: outer ring counter-clockwise. */
function square(x: number, y: number, size: number): Position[] {
  return [
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
    [x, y],
  ];
}
const area = (code: string, geometry: Polygon | null, extra: Record<string, unknown> = {}): Feature =>
  ({
    type: 'Feature',
    properties: { code, name: code, level: 'wijk', parent: 'GM9999', ...extra },
    geometry,
  }) as Feature;

const X0 = 5.8;
const Y0 = 52.5;
const S = 0.02;
const collection: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    area('NL00', null, { level: 'land', parent: null }),
    area('GM9999', { type: 'Polygon', coordinates: [square(X0, Y0, 2 * S)] }, { level: 'gemeente' }),
    area('WK999901', { type: 'Polygon', coordinates: [square(X0, Y0, S)] }),
    area('WK999902', { type: 'Polygon', coordinates: [square(X0 + S, Y0, S)] }),
    area('WK999903', { type: 'Polygon', coordinates: [square(X0, Y0 + S, S)] }),
    // A hole (wound clockwise, as RFC 7946 wants) and a second version of the same code from 2020 on.
    area(
      'WK999904',
      {
        type: 'Polygon',
        coordinates: [square(X0 + S, Y0 + S, S), [...square(X0 + 1.4 * S, Y0 + 1.4 * S, 0.2 * S)].reverse()],
      },
      { last_period: 2019 },
    ),
    area('WK999904', { type: 'Polygon', coordinates: [square(X0 + S, Y0 + S, 0.5 * S)] }, { first_period: 2020 }),
  ],
};
const WIJKEN = ['WK999901', 'WK999902', 'WK999903', 'WK999904'];

const mapOptions = {
  highlight: 'WK999902',
  codes: WIJKEN,
  width: 200,
  height: 150,
  ariaLabel: 'Kaart van Voorbeeldgemeente met WK999902 donker gemarkeerd',
  document,
};

/** Every coordinate pair in a path's d. */
const points = (d: string) =>
  [...d.matchAll(/(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);

/** One tag per line: a change shows up as a readable diff. */
const normalise = (svg: Element) =>
  svg.outerHTML.replace(/^<svg (?!xmlns)/, '<svg xmlns="http://www.w3.org/2000/svg" ').replace(/></g, '>\n<');

describe('miniMap', () => {
  it('draws the chosen areas in grey and the highlighted one dark, last, with a thick outline', () => {
    const svg = miniMap(collection, { ...mapOptions, period: 2021 });
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe(mapOptions.ariaLabel);
    expect(svg.querySelector('title')?.textContent).toBe(mapOptions.ariaLabel);
    const paths = [...svg.querySelectorAll('path')];
    expect(paths.map((p) => p.getAttribute('data-code'))).toEqual(['WK999901', 'WK999903', 'WK999904', 'WK999902']);
    const marked = svg.querySelectorAll('path.highlight');
    expect(marked).toHaveLength(1);
    const h = marked[0]!;
    expect(h.getAttribute('data-code')).toBe('WK999902');
    expect(h.getAttribute('fill')).toBe(MINIMAP_STYLE.highlightFill);
    expect(Number(h.getAttribute('stroke-width'))).toBeGreaterThan(Number(paths[0]!.getAttribute('stroke-width')) * 2);
    for (const p of paths.slice(0, -1)) {
      expect(p.getAttribute('class')).toBe('area');
      expect(p.getAttribute('fill')).toBe(MINIMAP_STYLE.fill);
      expect(p.getAttribute('stroke')).toBe('#ffffff');
    }
  });

  it('fits the drawn areas in the frame (RFC 7946 winding is turned for d3, not drawn as the whole globe)', () => {
    const svg = miniMap(collection, mapOptions);
    const all = [...svg.querySelectorAll('path')].flatMap((p) => points(p.getAttribute('d')!));
    expect(all.length).toBeGreaterThan(0);
    const xs = all.map(([x]) => x);
    const ys = all.map(([, y]) => y);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThanOrEqual(200);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ys)).toBeLessThanOrEqual(150);
    // The 2 × 2 grid fills the height of the frame (minus the padding).
    expect(Math.max(...ys) - Math.min(...ys)).toBeGreaterThan(130);
  });

  it('draws only the features of the given period, and the highlight even when codes leave it out', () => {
    const byPeriod = (period?: number) =>
      miniMap(collection, { ...mapOptions, period }).querySelectorAll('path[data-code="WK999904"]').length;
    expect(byPeriod(2018)).toBe(1);
    expect(byPeriod(2021)).toBe(1);
    expect(byPeriod()).toBe(2);
    const svg = miniMap(collection, { ...mapOptions, highlight: 'GM9999', codes: ['WK999901'] });
    expect([...svg.querySelectorAll('path')].map((p) => p.getAttribute('data-code'))).toEqual(['WK999901', 'GM9999']);
  });

  it('gives a labelled empty image when nothing can be drawn', () => {
    const svg = miniMap(collection, { ...mapOptions, highlight: 'NL00', codes: ['NL00'] });
    expect(svg.querySelectorAll('path')).toHaveLength(0);
    expect(svg.getAttribute('aria-label')).toBe(mapOptions.ariaLabel);
  });

  it('fits a real package: the demo wijken, with Centrum marked', () => {
    const demo = JSON.parse(readFileSync('data/demo/areas.geojson', 'utf8')) as FeatureCollection;
    const wijken = demo.features
      .filter((f) => f.properties?.level === 'wijk' && f.properties?.parent === 'GM9999')
      .map((f) => f.properties!.code as string);
    const svg = miniMap(demo, { ...mapOptions, highlight: 'WK999901', codes: wijken, width: 320, height: 240 });
    expect(svg.querySelectorAll('path')).toHaveLength(wijken.length);
    expect(svg.querySelector('path.highlight')?.getAttribute('data-code')).toBe('WK999901');
    for (const [x, y] of [...svg.querySelectorAll('path')].flatMap((p) => points(p.getAttribute('d')!))) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(320);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(240);
    }
  });

  it('is deterministic, with coordinates rounded to a tenth of a pixel', async () => {
    const a = normalise(miniMap(collection, { ...mapOptions, period: 2018 }));
    const b = normalise(miniMap(collection, { ...mapOptions, period: 2018 }));
    expect(a).toBe(b);
    for (const d of a.match(/ d="[^"]*"/g) ?? []) expect(d).not.toMatch(/\d\.\d{2,}/);
    await expect(a).toMatchFileSnapshot('./__snapshots__/print-minimap.svg');
  });
});

// ---------- report ----------

const report: PrintReportProps = {
  title: 'Kompas van Centrum',
  subtitle: 'Wijk in Voorbeeldgemeente · 2025',
  period: 2025,
  // Noon: the same calendar day in every time zone a test machine might use.
  printedOn: new Date(2025, 2, 14, 12),
  attribution: 'CBS',
  licence: 'CC BY 4.0',
  datasetTitle: 'Voorbeeldgemeente — demo',
  signals: {
    better: ['Minder jongeren met jeugdhulp (8,1% → 6,9%)'],
    worse: ['Meer huishoudens met bijstand (5,2% → 6,4%)', 'Minder mensen doen vrijwilligerswerk'],
  },
  themes: [
    {
      theme: 'Jeugd',
      rows: [
        {
          label: 'Jongeren met jeugdhulp',
          value: '6,9%',
          gemeente: '8,4%',
          nl: '9,7%',
          vsPrevious: 'duidelijk beter',
          vsGemeente: 'duidelijk beter',
          aim: 'op koers',
        },
        {
          label: 'Jeugdbeschermingsmaatregelen',
          value: 'geheim',
          gemeente: '1,2%',
          nl: '1,1%',
          vsPrevious: 'onbekend',
          vsGemeente: 'onbekend',
          aim: '–',
        },
      ],
    },
    {
      theme: 'Werk en inkomen',
      rows: [
        {
          label: 'Huishoudens met bijstand',
          value: '6,4%',
          gemeente: '4,9%',
          nl: '4,7%',
          vsPrevious: 'duidelijk slechter',
          vsGemeente: 'geen duidelijk verschil',
          aim: 'niet op koers',
        },
      ],
    },
  ],
};

/** Inside the language provider (`children` as a prop: the provider's type requires it). */
const inLang = (lang: Lang, children: ReactNode) =>
  renderToStaticMarkup(createElement(I18nProvider, { lang, children }));
const render = (props: PrintReportProps, lang: Lang = 'nl') => inLang(lang, createElement(PrintReport, props));

/** Text content, with entities decoded the way renderToStaticMarkup escapes them. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');

describe('PrintReport', () => {
  it('shows title, subtitle, date, dataset, source and licence', () => {
    const html = render(report);
    const t = text(html);
    expect(html).toMatch(/<article class="print-report" aria-labelledby="[^"]+" data-period="2025">/);
    expect(html).toMatch(/<h2 id="[^"]+">Kompas van Centrum<\/h2>/);
    expect(t).toContain('Wijk in Voorbeeldgemeente · 2025');
    expect(html).toContain('<time dateTime="2025-03-14">Afgedrukt op 14 maart 2025</time>');
    expect(t).toContain('Dataset: Voorbeeldgemeente — demo');
    expect(t).toContain('Bron: CBS · Licentie: CC BY 4.0');
  });

  it('lists every indicator with its value, references and verdicts in words, per theme', () => {
    const html = render(report);
    const t = text(html);
    expect(html.match(/<table class="print-table">/g)).toHaveLength(2);
    expect(html).toContain('<caption>Jeugd</caption>');
    expect(html).toContain('<caption>Werk en inkomen</caption>');
    for (const header of [
      'Indicator',
      'Waarde 2025',
      'Gemeente',
      'Nederland',
      'Sinds vorige meting',
      'Ten opzichte van gemeente',
      'Doel',
    ])
      expect(html).toMatch(new RegExp(`<th scope="col"[^>]*>${header}</th>`));
    for (const row of report.themes.flatMap((theme) => theme.rows)) {
      expect(html).toContain(`<th scope="row">${row.label}</th>`);
      for (const cell of [row.value, row.gemeente, row.nl, row.vsPrevious, row.vsGemeente, row.aim])
        expect(t).toContain(cell);
    }
    expect(html).toContain('<td class="verdict">geen duidelijk verschil</td>');
  });

  it('shows the signals, and "Geen signalen" when there are none', () => {
    const t = text(render(report));
    expect(t).toContain('Signalen');
    expect(t).toContain('Duidelijk beter Minder jongeren met jeugdhulp (8,1% → 6,9%)');
    expect(t).toContain(
      'Duidelijk slechter Meer huishoudens met bijstand (5,2% → 6,4%) Minder mensen doen vrijwilligerswerk',
    );
    expect(t).not.toContain('Geen signalen');

    const none = text(render({ ...report, signals: { better: [], worse: [] } }));
    expect(none).toContain('Geen signalen');
    expect(none).not.toContain('Duidelijk beter');

    const onlyWorse = text(render({ ...report, signals: { better: [], worse: ['X'] } }));
    expect(onlyWorse).toContain('Duidelijk slechter X');
    expect(onlyWorse).not.toContain('Duidelijk beter');
  });

  it('puts the compass and the map side by side, each with a caption, only when given', () => {
    const html = render({
      ...report,
      compass: createElement('svg', { 'data-testid': 'compass' }),
      map: createElement('svg', { 'data-testid': 'map' }),
    });
    expect(html).toMatch(
      /<div class="print-figures"><figure class="print-figure print-compass"><svg data-testid="compass"><\/svg><figcaption>Kompas per thema<\/figcaption><\/figure><figure class="print-figure print-map"><svg data-testid="map"><\/svg><figcaption>Ligging \(donker gemarkeerd\)<\/figcaption><\/figure><\/div>/,
    );
    expect(render(report)).not.toContain('print-figures');
  });

  it('words everything in English', () => {
    const html = render({ ...report, attribution: 'Source: CBS', signals: { better: [], worse: [] } }, 'en');
    const t = text(html);
    expect(html).toContain('<time dateTime="2025-03-14">Printed on 14 March 2025</time>');
    expect(t).toContain('Source: CBS · Licence: CC BY 4.0');
    expect(t).toContain('No signals');
    expect(t).toContain('All indicators');
    for (const header of [
      'Value 2025',
      'Municipality',
      'Netherlands',
      'Since previous measurement',
      'Compared with municipality',
    ])
      expect(t).toContain(header);
  });

  it('gives each report its own ids when all wijken print on one page', () => {
    const html = inLang('nl', [
      createElement(PrintReport, { ...report, key: 'WK999901' }),
      createElement(PrintReport, { ...report, title: 'Kompas van Noord', key: 'WK999902' }),
    ]);
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
    expect(html.match(/<article class="print-report"/g)).toHaveLength(2);
  });

  it('has nothing to show for an area without data', () => {
    expect(text(render({ ...report, themes: [] }))).toContain('Voor dit gebied zijn geen gegevens.');
  });
});

describe('report text helpers', () => {
  const nl = createI18n('nl');
  const indicator: Indicator = {
    id: 'bijstand_pct',
    label_nl: 'Huishoudens met bijstand',
    label_en: 'Households on social assistance',
    theme: 'werk',
    unit: 'percent',
    direction: 'down',
    decimals: 1,
    definition_nl: '',
    definition_en: '',
    source: 'CBS',
    min_count: 10,
    rounding: null,
    denominator_rounding: null,
  };

  it('says the source once when the attribution already names the licence', () => {
    expect(sourceLine('Bron: CBS, CC BY 4.0', 'CC BY 4.0', nl.t)).toBe('Bron: CBS, CC BY 4.0');
    expect(sourceLine('Bron: CBS', 'CC BY 4.0', nl.t)).toBe('Bron: CBS · Licentie: CC BY 4.0');
    expect(sourceLine('Synthetische demodata (CC0)', 'CC0 1.0', nl.t)).toBe(
      'Bron: Synthetische demodata (CC0) · Licentie: CC0 1.0',
    );
  });

  it('formats the date in each language', () => {
    const day = new Date(2025, 0, 3, 12);
    expect(formatPrintDate(day, 'nl')).toBe('3 januari 2025');
    expect(formatPrintDate(day, 'en')).toBe('3 January 2025');
  });

  it('words a cell like the Kompas: value, "geheim" or a dash', () => {
    expect(printCell({ value: 6.42, suppressed: false }, indicator, nl)).toBe('6,4%');
    expect(printCell({ value: null, suppressed: true }, indicator, nl)).toBe('geheim');
    expect(printCell(null, indicator, nl)).toBe('–');
  });
});

describe('PrintButton', () => {
  const button = (props: Parameters<typeof PrintButton>[0], lang: Lang = 'nl') =>
    inLang(lang, createElement(PrintButton, props));
  const noop = () => undefined;

  it('offers "Afdrukken / PDF" and "Alle wijken afdrukken" as real buttons, never printed', () => {
    const html = button({ onPrint: noop, onPrintAll: noop });
    expect(html).toContain('role="group" aria-label="Afdrukken" data-print-hide=""');
    expect(html).toContain('class="print-actions no-print"');
    const buttons = [...html.matchAll(/<button type="button"[^>]*>([^<]+)<\/button>/g)].map((m) => m[1]);
    expect(buttons).toEqual(['Afdrukken / PDF', 'Alle wijken afdrukken']);
    expect(html).not.toContain('aria-disabled="true"');
  });

  it('leaves out print-all without a handler, and waits (focusably) while busy', () => {
    expect(button({ onPrint: noop }).match(/<button/g)).toHaveLength(1);
    const busy = button({ onPrint: noop, onPrintAll: noop, busy: true }, 'en');
    expect(busy.match(/aria-disabled="true"/g)).toHaveLength(2);
    expect(busy).not.toContain('disabled=""');
    expect(busy).toContain('Preparing the printout…');
    expect(busy).toContain('>Print / PDF<');
    expect(busy).toContain('>Print all districts<');
  });
});

describe('print dictionaries', () => {
  it('has every Dutch key in English, none empty', () => {
    expect(Object.keys(printEN).sort()).toEqual(Object.keys(printNL).sort());
    for (const [key, value] of Object.entries(printEN)) expect(value, key).not.toBe('');
    for (const key of Object.keys(printNL)) expect(key.startsWith('print.')).toBe(true);
  });
});
