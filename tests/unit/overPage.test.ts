import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/app/format.ts';
import { I18nProvider } from '../../src/app/i18n/index.tsx';
import { overEN } from '../../src/app/i18n/over.en.ts';
import { overNL } from '../../src/app/i18n/over.nl.ts';
import type { Aim, DatasetMeta, Indicator } from '../../src/data/package.ts';
import { METHOD_IDS, methodAnchor, OverPage } from '../../src/views/over/OverPage.tsx';

const meta: DatasetMeta = {
  id: 'test',
  format_version: 1,
  title: { nl: 'Testgemeente', en: 'Test municipality' },
  description: { nl: 'Verzonnen cijfers voor een test.', en: 'Made-up figures for a test.' },
  publisher: 'Afdeling Onderzoek',
  licence: 'CC BY 4.0',
  attribution: 'Bron: Testgemeente, CC BY 4.0',
  gemeente: 'GM9999',
  default_area: 'WK999901',
  default_indicator: 'jeugdhulp_pct',
  periods: [2019, 2020, 2021, 2022],
  default_period: 2022,
};

const indicators: Indicator[] = [
  {
    id: 'jeugdhulp_pct',
    label_nl: 'Jongeren met jeugdhulp',
    label_en: 'Young people in youth care',
    theme: 'jeugd',
    unit: 'percent',
    direction: 'down',
    decimals: 1,
    definition_nl: 'Aandeel jongeren van 0 tot en met 17 jaar met jeugdhulp.',
    definition_en: 'Share of young people aged 0 to 17 in youth care.',
    source: 'CBS Jeugdzorg',
    min_count: 10,
    rounding: null,
    denominator_rounding: null,
  },
  {
    id: 'wmo_per_1000',
    label_nl: 'Wmo-cliënten',
    label_en: 'Wmo clients',
    theme: 'zorg',
    unit: 'per_1000',
    direction: 'neutral',
    decimals: 1,
    definition_nl: 'Inwoners met een maatwerkvoorziening per 1.000 inwoners.',
    definition_en: 'Inhabitants with a tailored provision per 1,000 inhabitants.',
    source: 'CBS Wmo',
    min_count: 25,
    rounding: null,
    denominator_rounding: null,
  },
  {
    id: 'participatie_pct',
    label_nl: 'Netto arbeidsparticipatie',
    label_en: 'Net labour participation',
    theme: 'werk',
    unit: 'percent',
    direction: 'up',
    decimals: 1,
    definition_nl: 'Werkzame beroepsbevolking als aandeel van de bevolking van 15 tot 75 jaar.',
    definition_en: 'Employed labour force as a share of the population aged 15 to 74.',
    source: 'CBS KWB',
    min_count: 150,
    rounding: null,
    denominator_rounding: null,
  },
];

const aims: Aim[] = [
  {
    indicator_id: 'jeugdhulp_pct',
    area_code: null,
    baseline_period: 2019,
    target_period: 2026,
    target_value: 9,
    direction: 'down',
    label_nl: 'Minder jongeren met jeugdhulp',
    label_en: 'Fewer young people in youth care',
  },
  {
    indicator_id: 'participatie_pct',
    area_code: 'WK999901',
    baseline_period: 2020,
    target_period: 2027,
    target_value: null,
    direction: 'up',
    label_nl: 'Meer mensen aan het werk',
    label_en: 'More people in work',
  },
  {
    indicator_id: 'participatie_pct',
    area_code: null,
    baseline_period: 2019,
    target_period: 2030,
    target_value: null,
    target_band: { low: 65, high: 70 },
    direction: 'up',
    label_nl: 'Participatie binnen de bandbreedte',
    label_en: 'Participation within the band',
  },
];

function render(lang: Lang): string {
  const children = createElement(OverPage, { meta, indicators, aims });
  return renderToStaticMarkup(createElement(I18nProvider, { lang, children }));
}

/** The text of the markup, as a reader sees it: tags removed, entities decoded, whitespace collapsed. */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('OverPage', () => {
  for (const lang of ['nl', 'en'] as const) {
    describe(lang, () => {
      const html = render(lang);
      const page = text(html);
      const dict: Record<string, string> = lang === 'nl' ? overNL : overEN;

      it('describes the dataset', () => {
        expect(page).toContain(meta.title[lang]);
        expect(page).toContain(meta.description?.[lang]);
        expect(page).toContain(meta.publisher);
        expect(page).toContain(meta.licence);
        expect(page).toContain(meta.attribution);
        expect(page).toContain(lang === 'nl' ? '2019 tot en met 2022' : '2019 to 2022');
      });

      it('lists every indicator with label, definition, source, unit, direction and minimum', () => {
        for (const indicator of indicators) {
          expect(page).toContain(lang === 'nl' ? indicator.label_nl : indicator.label_en);
          expect(page).toContain(lang === 'nl' ? indicator.definition_nl : indicator.definition_en);
          expect(page).toContain(indicator.source);
          expect(page).toContain(dict[`over.unit.${indicator.unit}`]);
          expect(page).toContain(dict[`over.direction.${indicator.direction}`]);
          expect(page).toContain(dict['over.minCount.value']?.replace('{min}', String(indicator.min_count)));
        }
        expect(page).toContain(dict['over.direction.neutralNote']);
        expect(page).toContain(lang === 'nl' ? 'Hoger is beter' : 'Higher is better');
        expect(page).toContain(lang === 'nl' ? 'Lager is beter' : 'Lower is better');
      });

      it('names the aims on each indicator', () => {
        for (const aim of aims) expect(page).toContain(lang === 'nl' ? aim.label_nl : aim.label_en);
        expect(page).toContain(lang === 'nl' ? 'streefwaarde 9,0% in 2026' : 'target 9.0% in 2026');
        expect(page).toContain('WK999901');
        expect(page).toContain(
          lang === 'nl' ? 'streefwaarde tussen 65,0% en 70,0% in 2030' : 'target between 65.0% and 70.0% in 2030',
        );
        expect(page).toContain(
          lang === 'nl' ? 'richting: stijgen (doeljaar 2027' : 'direction: rise (target year 2027',
        );
      });

      it('groups indicators by theme in accessible tables', () => {
        expect(html.match(/<table/g)).toHaveLength(3);
        expect(html.match(/<caption/g)).toHaveLength(3);
        expect(html.match(/<th scope="row"/g)).toHaveLength(indicators.length);
        expect(html.match(/<th scope="col"/g)).toHaveLength(3 * 7);
        // Headings go down one level at a time: h2 page, h3 parts, h4 themes and methods.
        const levels = [...html.matchAll(/<h(\d)/g)].map((m) => Number(m[1]));
        expect(levels[0]).toBe(2);
        for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
        expect(levels.filter((l) => l === 4)).toHaveLength(3 + METHOD_IDS.length);
      });

      it('has an anchor per method, and the methods part', () => {
        expect(html).toContain('id="methods"');
        for (const method of METHOD_IDS) {
          expect(html).toContain(`id="${methodAnchor(method)}"`);
          expect(html).toContain(`href="#${methodAnchor(method)}"`);
          expect(page).toContain(dict[`over.method.${method}.title`]);
        }
      });

      it('states the exact rules', () => {
        for (const word of ['Wilson', 'Poisson', 'Garwood', 'Newcombe', 'MOVER', '6', '3', '95%', '100', '•']) {
          expect(page).toContain(word);
        }
      });

      it('shows no untranslated key or empty placeholder', () => {
        expect(page).not.toMatch(/over\.\w/);
        expect(page).not.toMatch(/\{\w+\}/);
      });
    });
  }

  it('has every Dutch key in English, with the same placeholders, and none empty', () => {
    expect(Object.keys(overEN).sort()).toEqual(Object.keys(overNL).sort());
    for (const [key, nl] of Object.entries(overNL)) {
      const en = (overEN as Record<string, string>)[key];
      expect(en, key).toBeTruthy();
      expect(placeholders(en ?? ''), key).toEqual(placeholders(nl));
    }
  });

  it('does not redefine over.title (kept in nl.ts / en.ts)', () => {
    expect(Object.keys(overNL)).not.toContain('over.title');
  });
});
