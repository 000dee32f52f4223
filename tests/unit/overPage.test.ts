import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { formatNumber, type Lang } from '../../src/app/format.ts';
import { I18nProvider } from '../../src/app/i18n/index.tsx';
import { overEN } from '../../src/app/i18n/over.en.ts';
import { overNL } from '../../src/app/i18n/over.nl.ts';
import {
  DETECTABLE_AREAS,
  DETECTABLE_RATE,
  type DetectableChange,
  detectableTable,
} from '../../src/compass/detectable.ts';
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

      it('groups indicators by theme in accessible tables (and has the detectable-change table)', () => {
        // Three themes, and the table of the smallest detectable change (4 columns, a row per area size).
        expect(html.match(/<table/g)).toHaveLength(3 + 1);
        expect(html.match(/<caption/g)).toHaveLength(3 + 1);
        expect(html.match(/<th scope="row"/g)).toHaveLength(indicators.length + DETECTABLE_AREAS.length);
        expect(html.match(/<th scope="col"/g)).toHaveLength(3 * 7 + 4);
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
        for (const word of [
          'Wilson',
          'Poisson',
          'Garwood',
          'Newcombe',
          'MOVER',
          '6',
          '3',
          '95%',
          '100',
          'τ-Argus',
          'sdcTable',
          'numerator_id',
        ]) {
          expect(page).toContain(word);
        }
      });

      it('cites every method by name and year', () => {
        for (const citation of [
          'Wilson (1927)',
          'Garwood (1936)',
          'Newcombe',
          '1998',
          'Zou',
          'Donner 2008',
          'MOVER',
          'Anscombe',
          '1948',
          'Spiegelhalter',
          '(2005)',
          'DerSimonian',
          'Laird (1986)',
          'Benjamini',
          'Hochberg (1995)',
          'logit',
        ]) {
          expect(page).toContain(citation);
        }
        expect(page).toContain(lang === 'nl' ? 'gewogen kleinste kwadraten' : 'weighted least squares');
        expect(page).toContain(lang === 'nl' ? 'q = 0,05' : 'q = 0.05');
        expect(page).toContain(lang === 'nl' ? 'Winsorisatie op 10% en 90%' : 'Winsorised at 10% and 90%');
      });

      it('explains the words a council member reads', () => {
        const words =
          lang === 'nl'
            ? ['Duidelijk beter', 'Geen duidelijk verschil', 'Onzeker', '“Nieuw”', '“aanhoudend”', 'Op koers']
            : ['Clearly better', 'No clear difference', 'Uncertain', '“New”', '“lasting”', 'On course'];
        for (const word of words) expect(page).toContain(word);
        // A small village: few people, a wide interval; a large wijk: ordinary variation is counted.
        expect(page).toContain(
          lang === 'nl' ? 'klein dorp vaak “geen duidelijk verschil”' : 'small village often gets',
        );
        expect(page).toContain(
          lang === 'nl' ? 'grote wijk van 10.000 inwoners' : 'large district of 10,000 inhabitants',
        );
        // Many comparisons at once, taken into account.
        expect(page).toContain(dict['over.method.multiplicity.title']);
        // The rounding rule and neutral use of care.
        expect(page).toContain(lang === 'nl' ? 'minst gunstige waarde' : 'least favourable value');
        expect(page).toContain(lang === 'nl' ? 'gebruik van Wmo-voorzieningen' : 'use of Wmo support');
        // Aim statuses: five, with 'onzeker' between on course and not on course.
        for (const status of ['behaald', 'opKoers', 'onzeker', 'nietOpKoers', 'onbekend']) {
          expect(page).toContain(dict[`over.method.aims.${status}.term`]);
        }
      });

      it('shows the smallest detectable change as the compass computes it', () => {
        const rows = detectableTable();
        expect(rows).toHaveLength(DETECTABLE_AREAS.length);
        const table = text(
          html.slice(html.indexOf('over-detectable'), html.indexOf('</table>', html.indexOf('over-detectable'))),
        );
        const pp = lang === 'nl' ? '%‑punt' : 'pp';
        const cell = (c: DetectableChange | null) => {
          if (c === null) return dict['over.detectable.none']!;
          const change = `${formatNumber(c.change * 100, 1, lang, true)} ${pp}`;
          const [from, to] = [formatNumber(c.from, 0, lang), formatNumber(c.to, 0, lang)];
          return lang === 'nl'
            ? `${change} (van ${from} naar ${to} personen)`
            : `${change} (from ${from} to ${to} people)`;
        };
        for (const row of rows) {
          expect(row.rise).not.toBeNull();
          expect(row.fall).not.toBeNull();
          const line = [
            formatNumber(row.inhabitants, 0, lang),
            formatNumber(row.inhabitants * DETECTABLE_RATE, 0, lang),
            cell(row.rise),
            cell(row.fall),
          ].join(' ');
          expect(table).toContain(line);
        }
        // The page's own words around the table: a lower bound, higher with many indicators and ordinary variation.
        expect(table).toContain(lang === 'nl' ? 'aandeel van 10%' : 'share of 10%');
        expect(page).toContain(lang === 'nl' ? 'Dit is de ondergrens' : 'This is the lower bound');
        expect(page).toContain('Benjamini–Hochberg');
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
