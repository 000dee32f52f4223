import { Window } from 'happy-dom';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createI18n, I18nProvider } from '../../src/app/i18n/index.tsx';
import type { AimAssessment, Comparison, ThemeSummary } from '../../src/compass/types.ts';
import { type Indicator, THEMES, type Theme } from '../../src/data/package.ts';
import { AimStatusBadge } from '../../src/views/kompas/AimStatusBadge.tsx';
import { aimsText, CompassGraphic, themeSentence } from '../../src/views/kompas/CompassGraphic.tsx';
import {
  COMPASS_TONES,
  type CompassGraphicOptions,
  compassGraphic,
  compassSwatch,
  markActiveTheme,
  segmentText,
} from '../../src/views/kompas/compassGraphic.ts';
import { VerdictBadge } from '../../src/views/kompas/VerdictBadge.tsx';

const window = new Window();
const document = window.document as unknown as Document;
afterAll(() => window.happyDOM.close());

/** One tag per line for readable snapshot diffs (as in charts.test.ts). */
const normalise = (element: Element) =>
  element.outerHTML.replace(/^<svg (?!xmlns)/, '<svg xmlns="http://www.w3.org/2000/svg" ').replace(/></g, '>\n<');

const nl = createI18n('nl');
const labels = Object.fromEntries(THEMES.map((t) => [t, nl.t(`theme.${t}`)])) as Record<Theme, string>;
const options: CompassGraphicOptions = {
  labels,
  ariaLabel: nl.t('compass.graphic.label'),
  describe: (s) => themeSentence(s, nl),
  aimsText: (s) => aimsText(s, nl),
  document,
};

const zero = { better: 0, worse: 0, unclear: 0, neutral: 0, unknown: 0 };
const noAims = { achieved: 0, onCourse: 0, uncertain: 0, offCourse: 0, aimsUnknown: 0 };
const summary = (theme: Theme, counts: Partial<Omit<ThemeSummary, 'theme'>> = {}): ThemeSummary => ({
  theme,
  ...zero,
  ...noAims,
  ...counts,
});

const allNeutral = THEMES.map((t, i) => summary(t, i % 2 ? { neutral: 3 } : { unknown: 2, neutral: 1 }));
const mixed: ThemeSummary[] = [
  summary('jeugd', { better: 3, worse: 1, unclear: 2, onCourse: 1, offCourse: 1 }),
  summary('zorg', { better: 1, unclear: 4, unknown: 1, achieved: 1 }),
  summary('werk', { worse: 2, unclear: 1, aimsUnknown: 1 }),
  summary('armoede', { unclear: 3 }),
  summary('gezondheid', { better: 2, worse: 2, neutral: 1 }),
  summary('meedoen', { better: 4, achieved: 2, onCourse: 1 }),
  summary('bevolking', { neutral: 4 }),
];
const allWorse = THEMES.map((t, i) => summary(t, { worse: i + 1, offCourse: i % 3 }));

const segments = (svg: Element) => [...svg.querySelectorAll('g.compass-segment')];
/** The texts of a segment live in a layer of their own, outside its button, marked with the same data-theme. */
const textOf = (g: Element, kind: 'counts' | 'label') =>
  g.closest('svg')!.querySelector(`text.compass-${kind}[data-theme="${g.getAttribute('data-theme')}"]`);
const countsOf = (g: Element) => [...(textOf(g, 'counts')?.querySelectorAll('tspan') ?? [])].map((t) => t.textContent);
const tonesOf = (g: Element, kind = '') =>
  [...g.querySelectorAll(`path.compass-part${kind}`)].map((p) => p.getAttribute('data-tone'));

describe('compassGraphic', () => {
  it('draws every theme blue-grey with a dash when nothing has a verdict', async () => {
    const svg = compassGraphic(allNeutral, options);
    expect(svg.getAttribute('role')).toBe('group');
    expect(svg.getAttribute('aria-label')).toBe(options.ariaLabel);
    expect(svg.querySelector(':scope > title')?.textContent).toBe(options.ariaLabel);
    const gs = segments(svg);
    expect(gs.map((g) => g.getAttribute('data-theme'))).toEqual([...THEMES]);
    for (const g of gs) {
      expect(tonesOf(g)).toEqual(['none']);
      expect(countsOf(g)).toEqual(['–']);
      expect(g.querySelector('path.compass-part')?.getAttribute('fill')).toBe('url(#compass-none)');
      expect(g.querySelector('.compass-aims-none')).not.toBeNull();
    }
    await expect(normalise(svg)).toMatchFileSnapshot('./__snapshots__/compass-neutral.svg');
  });

  it('splits each theme by its verdicts and aims, and writes the counts', async () => {
    const svg = compassGraphic(mixed, options);
    const byTheme = new Map(segments(svg).map((g) => [g.getAttribute('data-theme') as Theme, g]));
    expect([...byTheme.keys()]).toEqual([...THEMES]);

    const jeugd = byTheme.get('jeugd')!;
    expect(jeugd.getAttribute('role')).toBe('button');
    expect(jeugd.getAttribute('tabindex')).toBe('0');
    expect(jeugd.getAttribute('aria-label')).toBe(
      'Jeugd: 3 duidelijk beter, 1 duidelijk slechter, 2 geen duidelijk verschil; doelen: 1 op koers, 1 niet op koers; 1 van 2 doelen op koers',
    );
    expect(jeugd.querySelector('title')?.textContent).toBe(jeugd.getAttribute('aria-label'));
    expect(countsOf(jeugd)).toEqual(['+3 −1', '≈2']);
    expect(tonesOf(jeugd, ':not([class*="aims"])')).toEqual(['better', 'unclear', 'worse']);
    // Two aims with a known status: the ring shows them, and says how many are on course.
    expect(tonesOf(jeugd, '[class*="aims"]')).toEqual(['better', 'worse']);
    const labelLines = (theme: Theme) =>
      [...textOf(byTheme.get(theme)!, 'label')!.querySelectorAll('tspan')].map((t) => t.textContent);
    expect(labelLines('jeugd')).toEqual(['Jeugd', '1 van 2 doelen', 'op koers']);
    // One aim (zorg) or only unknown ones (werk) are too few to colour a theme's ring: neutral, and said so.
    for (const theme of ['zorg', 'werk'] as const) {
      expect(tonesOf(byTheme.get(theme)!, '[class*="aims"]')).toEqual(['none']);
      expect(byTheme.get(theme)!.querySelector('.compass-aims-few')).not.toBeNull();
      expect(labelLines(theme).slice(-2)).toEqual(['te weinig', 'doelen']);
    }
    // No aims at all: no ring, "geen doelen".
    expect(tonesOf(byTheme.get('armoede')!, '[class*="aims"]')).toEqual([]);
    expect(labelLines('armoede').at(-1)).toBe('geen doelen');
    expect(labelLines('meedoen').slice(-2)).toEqual(['3 van 3 doelen', 'op koers']);

    expect(countsOf(byTheme.get('meedoen')!)).toEqual(['+4 −0', '≈0']);
    expect(countsOf(byTheme.get('bevolking')!)).toEqual(['–']);
    expect(byTheme.get('bevolking')!.getAttribute('aria-label')).toBe('Bevolking: 4 neutraal');
    // Long names wrap instead of running out of the picture.
    expect(labelLines('meedoen').slice(0, 2)).toEqual(['Meedoen en', 'leefbaarheid']);

    // The shares follow the counts: jeugd's better part spans half of its wedge's angle, so its path differs.
    const parts = jeugd.querySelectorAll('path.compass-part');
    expect(new Set([...parts].map((p) => p.getAttribute('d'))).size).toBe(parts.length);
    // Round coordinates (one decimal), so that snapshots do not change with floating-point noise.
    const coordinates = [...svg.querySelectorAll('path, tspan')].flatMap((e) =>
      ['d', 'x', 'y'].map((a) => e.getAttribute(a) ?? ''),
    );
    expect(coordinates.join(' ')).not.toMatch(/\d\.\d{2,}/);
    expect(svg.outerHTML).not.toContain('NaN');
    await expect(normalise(svg)).toMatchFileSnapshot('./__snapshots__/compass-mixed.svg');
  });

  it('draws all-worse themes as worse, with their off-course aims', async () => {
    const svg = compassGraphic(allWorse, { ...options, size: 240, idPrefix: 'k1' });
    expect(svg.getAttribute('viewBox')).toBe('-250 -178 500 356');
    for (const [i, g] of segments(svg).entries()) {
      expect(tonesOf(g, ':not([class*="aims"])')).toEqual(['worse']);
      expect(countsOf(g)[0]).toBe(`+0 −${i + 1}`);
      expect(g.querySelector('path.compass-part')?.getAttribute('fill')).toBe('url(#k1-worse)');
    }
    expect(svg.querySelector('pattern#k1-worse')).not.toBeNull();
    await expect(normalise(svg)).toMatchFileSnapshot('./__snapshots__/compass-worse.svg');
  });

  it('orders the themes as THEMES and is an empty labelled group without summaries', () => {
    const svg = compassGraphic([...mixed].reverse(), options);
    expect(segments(svg).map((g) => g.getAttribute('data-theme'))).toEqual([...THEMES]);
    const empty = compassGraphic([], options);
    expect(empty.getAttribute('aria-label')).toBe(options.ariaLabel);
    expect(segments(empty)).toHaveLength(0);
  });

  it('selects a theme by click, Enter and Space, and marks the active one', () => {
    const onSelect = vi.fn();
    const svg = compassGraphic(mixed, { ...options, onSelect, activeTheme: null });
    const werk = svg.querySelector('g[data-theme="werk"]')!;
    expect(werk.getAttribute('aria-pressed')).toBe('false');
    werk.dispatchEvent(new window.MouseEvent('click', { bubbles: true }) as unknown as Event);
    werk.dispatchEvent(new window.KeyboardEvent('keydown', { key: 'Enter', bubbles: true }) as unknown as Event);
    const space = new window.KeyboardEvent('keydown', { key: ' ', bubbles: true, cancelable: true });
    werk.dispatchEvent(space as unknown as Event);
    werk.dispatchEvent(new window.KeyboardEvent('keydown', { key: 'a', bubbles: true }) as unknown as Event);
    expect(onSelect.mock.calls).toEqual([['werk'], ['werk'], ['werk']]);
    expect(space.defaultPrevented).toBe(true);

    markActiveTheme(svg, 'werk');
    expect(segments(svg).filter((g) => g.getAttribute('aria-pressed') === 'true')).toEqual([werk]);
    // Without activeTheme the segments are plain buttons, not toggles.
    expect(compassGraphic(mixed, options).querySelector('[aria-pressed]')).toBeNull();
  });

  it('keeps the tones apart in grayscale: relative luminance differs by more than 0.15', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => {
        const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const tones = Object.keys(COMPASS_TONES) as (keyof typeof COMPASS_TONES)[];
    for (const a of tones) {
      for (const b of tones) {
        if (a < b) {
          const diff = Math.abs(luminance(COMPASS_TONES[a].fill) - luminance(COMPASS_TONES[b].fill));
          expect(diff, `${a} vs ${b}`).toBeGreaterThan(0.15);
        }
      }
    }
    // And by pattern, for black-and-white print.
    expect(new Set(tones.map((t) => COMPASS_TONES[t].pattern)).size).toBe(tones.length);
  });

  it('builds legend swatches in the same patterns', () => {
    const swatch = compassSwatch('unclear', { idPrefix: 'legend-x', document });
    expect(swatch.getAttribute('aria-hidden')).toBe('true');
    expect(swatch.querySelector('pattern#legend-x-unclear circle')).not.toBeNull();
    expect(swatch.querySelector('rect[fill="url(#legend-x-unclear)"]')).not.toBeNull();
  });

  it('writes the counts as short text and the theme as a sentence', () => {
    expect(segmentText(summary('zorg', { unclear: 5 }))).toEqual(['+0 −0', '≈5']);
    expect(themeSentence(summary('zorg'), nl)).toBe('Zorg en Wmo: geen indicatoren');
    expect(themeSentence(mixed[0]!, createI18n('en'))).toBe(
      'Youth: 3 clearly better, 1 clearly worse, 2 no clear difference; aims: 1 on course, 1 not on course; 1 of 2 aims on course',
    );
  });
});

const indicator: Indicator = {
  id: 'bijstand',
  label_nl: 'Bijstand',
  label_en: 'Social assistance',
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
const comparison = (over: Partial<Comparison>): Comparison => ({
  verdict: 'worse',
  difference: 1.2,
  interval: { low: 0.3, high: 2.1 },
  strength: 1.3,
  against: 2023,
  pValue: 0.001,
  family: null,
  ...over,
});
const render = (children: ReactElement, lang: 'nl' | 'en' = 'nl') =>
  renderToStaticMarkup(createElement(I18nProvider, { lang, children }));
const parse = (html: string) => {
  const host = document.createElement('div');
  host.innerHTML = html;
  return host;
};

describe('VerdictBadge', () => {
  it('says the verdict in words, the arrow follows the value, the interval is in a tooltip', () => {
    const host = parse(
      render(createElement(VerdictBadge, { comparison: comparison({}), indicator, kind: 'previous' as const })),
    );
    const badge = host.querySelector('.badge')!;
    expect(badge.className).toContain('verdict-worse');
    expect(badge.getAttribute('tabindex')).toBe('0');
    // More people on assistance is worse: the value went up, so ▲ with the word "slechter".
    expect(badge.textContent).toBe('▲duidelijk slechter');
    expect(badge.querySelector('.badge-icon')?.getAttribute('aria-hidden')).toBe('true');
    const tooltip = host.querySelector('[role="tooltip"]')!;
    expect(badge.getAttribute('aria-describedby')).toBe(tooltip.id);
    expect(tooltip.id).not.toBe('');
    expect(tooltip.textContent).toContain('Vergeleken met 2023');
    expect(tooltip.textContent).toContain(
      'Verschil: +1,2\u00a0%\u2011punt (95%-interval: +0,3 tot +2,1\u00a0%\u2011punt)',
    );
  });

  it('shows a clear fall of a down-is-good indicator as ▼ better, and the other verdicts by their symbol', () => {
    const better = parse(
      render(
        createElement(VerdictBadge, {
          comparison: comparison({ verdict: 'better', difference: -0.8, interval: { low: -1.4, high: -0.2 } }),
          indicator,
          kind: 'gemeente' as const,
        }),
      ),
    );
    expect(better.querySelector('.badge')?.textContent).toBe('▼duidelijk beter');
    expect(better.querySelector('[role="tooltip"]')?.textContent).toContain('Vergeleken met de gemeente');
    expect(better.querySelector('[role="tooltip"]')?.textContent).toMatch(
      /Verschil: [-−]0,8\u00a0%\u2011punt \(95%-interval: [-−]1,4 tot [-−]0,2\u00a0%\u2011punt\)/,
    );

    const word = (c: Comparison, lang: 'nl' | 'en' = 'nl') =>
      parse(
        render(createElement(VerdictBadge, { comparison: c, indicator, kind: 'baseline' as const }), lang),
      ).querySelector('.badge')?.textContent;
    expect(word(comparison({ verdict: 'unclear', interval: { low: -0.4, high: 2.8 } }))).toBe(
      '≈geen duidelijk verschil',
    );
    expect(word(comparison({ verdict: 'neutral' }))).toBe('–neutraal');
    expect(word(comparison({ verdict: 'unknown', difference: null, interval: null }))).toBe('?onbekend');
    expect(word(comparison({ verdict: 'unclear' }), 'en')).toBe('≈no clear difference');

    const unknown = parse(
      render(
        createElement(VerdictBadge, {
          comparison: comparison({ verdict: 'unknown', difference: null, interval: null, against: null }),
          indicator,
          kind: 'baseline' as const,
        }),
      ),
    );
    expect(unknown.querySelector('[role="tooltip"]')?.textContent).toBe(
      'Vergeleken met het basisjaarGeen verschil te berekenen.Te weinig gegevens om te vergelijken.',
    );
  });

  it('can hide the word visually in narrow cells, keeping it for screen readers', () => {
    const host = parse(
      render(
        createElement(VerdictBadge, {
          comparison: comparison({}),
          indicator,
          kind: 'previous' as const,
          compact: true,
        }),
      ),
    );
    expect(host.querySelector('.badge .visually-hidden')?.textContent).toBe('duidelijk slechter');
  });

  it('shows a short visible word without an arrow in a table cell whose value carries the arrow', () => {
    const host = parse(
      render(
        createElement(VerdictBadge, {
          comparison: comparison({ verdict: 'better', difference: -0.8 }),
          indicator,
          kind: 'previous' as const,
          label: 'beter',
        }),
      ),
    );
    const badge = host.querySelector('.badge')!;
    expect(badge.textContent).toBe('beter');
    expect(badge.querySelector('.badge-icon')).toBeNull();
    expect(badge.querySelector('.visually-hidden')).toBeNull();
    expect(host.querySelector('[role="tooltip"]')?.textContent).toContain('Vergeleken met 2023');
  });
});

describe('CompassGraphic', () => {
  it('renders on the server (no document): a text equivalent per theme and a legend in words', () => {
    const host = parse(render(createElement(CompassGraphic, { summaries: [...mixed].reverse(), onTheme: () => {} })));
    const items = [...host.querySelectorAll('ul.visually-hidden li')].map((li) => li.textContent);
    expect(items).toHaveLength(7);
    expect(items[0]).toBe(
      'Jeugd: 3 duidelijk beter, 1 duidelijk slechter, 2 geen duidelijk verschil; doelen: 1 op koers, 1 niet op koers; 1 van 2 doelen op koers',
    );
    const legend = host.querySelector('.compass-legend')?.textContent ?? '';
    for (const word of ['duidelijk beter', 'geen duidelijk verschil', 'duidelijk slechter', 'niet op koers']) {
      expect(legend).toContain(word);
    }
  });
});

describe('AimStatusBadge', () => {
  const aim: AimAssessment = {
    status: 'niet_op_koers',
    reason: 'projectionMisses',
    target: { kind: 'value', value: 8 },
    direction: 'down',
    baselinePeriod: 2019,
    targetPeriod: 2026,
    baselineValue: 10.4,
    projected: 9.4,
    projectedInterval: { low: 8.1, high: 10.7 },
    pMet: 0.012,
    fit: null,
  };

  it('says the status and shows the aim and the projection with its interval', () => {
    const host = parse(render(createElement(AimStatusBadge, { aim, indicator })));
    const badge = host.querySelector('.badge')!;
    expect(badge.className).toContain('aim-niet_op_koers');
    expect(badge.textContent).toBe('✗niet op koers');
    const tooltip = host.querySelector('[role="tooltip"]')!;
    expect(badge.getAttribute('aria-describedby')).toBe(tooltip.id);
    expect([...tooltip.children].map((c) => c.textContent)).toEqual([
      'Doel 2026: 8,0% of lager',
      'Basisjaar 2019: 10,4%',
      'Verwachting 2026: 9,4% (8,1–10,7%)',
      'Kans dat het doel gehaald wordt: 1%',
      'Als de trend doorzet, wordt het doel niet gehaald.',
    ]);
  });

  it('words the five statuses', () => {
    const text = (status: AimAssessment['status'], lang: 'nl' | 'en' = 'nl') =>
      parse(render(createElement(AimStatusBadge, { aim: { ...aim, status }, indicator }), lang)).querySelector('.badge')
        ?.textContent;
    expect(text('behaald')).toBe('✓behaald');
    expect(text('op_koers')).toBe('↗op koers');
    expect(text('onbekend')).toBe('?onbekend');
    expect(text('onzeker')).toBe('~onzeker');
    expect(text('op_koers', 'en')).toBe('↗on course');
    const band = parse(
      render(
        createElement(AimStatusBadge, {
          aim: {
            ...aim,
            status: 'onbekend',
            reason: 'other',
            target: { kind: 'band', low: 7, high: 9 },
            projected: null,
            pMet: null,
          },
          indicator,
        }),
      ),
    );
    expect([...band.querySelector('[role="tooltip"]')!.children].map((c) => c.textContent)).toEqual([
      'Doel 2026: tussen 7,0–9,0%',
      'Basisjaar 2019: 10,4%',
    ]);
  });
});
