// @vitest-environment happy-dom
/**
 * User text is direction-isolated where it is shown (issue 16): a name with an RTL override (U+202E) is wrapped in
 * FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE so it cannot reorder the interface text around it.
 */
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { isolate } from '../../src/app/bidi.ts';
import { createI18n, I18nProvider } from '../../src/app/i18n/index.tsx';
import { printedName } from '../../src/app/PrintRoot.tsx';
import type { KompasRow } from '../../src/compass/kompasRows.ts';
import type { Area, Indicator } from '../../src/data/package.ts';
import { AreaPicker } from '../../src/views/picker/AreaPicker.tsx';
import { LABEL_CHARS } from '../../src/views/print/handoutModel.ts';
import { printThemes } from '../../src/views/print/reportModel.ts';
import { truncate } from '../../src/views/verkennen/chartParts.ts';
import { domHost } from '../fixtures/domHost.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const FSI = '\u2068';
const PDI = '\u2069';
const RTL_NAME = '\u202Eexe.txt Zuiderpark';

describe('isolate', () => {
  it('wraps text with an override, a mark or right-to-left letters in FSI … PDI', () => {
    expect(isolate(RTL_NAME)).toBe(`${FSI}${RTL_NAME}${PDI}`);
    expect(isolate('\u200FCentrum')).toBe(`${FSI}\u200FCentrum${PDI}`);
    expect(isolate('مركز Centrum')).toBe(`${FSI}مركز Centrum${PDI}`);
    expect(isolate('מרכז')).toBe(`${FSI}מרכז${PDI}`);
  });

  it('leaves text that cannot reorder its neighbours as it is', () => {
    for (const text of [
      'Centrum',
      "'s-Hertogenbosch",
      'Zuïdbroek (oud) 12',
      '<img src=x>',
      '=SUM(1)',
      '',
      '\uFEFFBOM',
    ]) {
      expect(isolate(text)).toBe(text);
    }
  });

  it('a PDI inside the text cannot close the isolate early; isolates it leaves open are closed first', () => {
    // Without the guard "\u2069" would end our isolate and the override after it would reach the text around it.
    expect(isolate('a\u2069\u202Eevil')).toBe(`${FSI}a\u202Eevil${PDI}`);
    expect(isolate('\u2067abc')).toBe(`${FSI}\u2067abc${PDI}${PDI}`);
    expect(isolate('\u2066x\u2069\u2069y')).toBe(`${FSI}\u2066x\u2069y${PDI}`);
  });

  it('is stable when applied twice (nested isolates are balanced)', () => {
    const twice = isolate(isolate(RTL_NAME));
    const opens = [...twice].filter((c) => c === FSI).length;
    const closes = [...twice].filter((c) => c === PDI).length;
    expect(opens).toBe(closes);
    expect(twice.startsWith(FSI) && twice.endsWith(PDI)).toBe(true);
  });
});

const indicator: Indicator = {
  id: 'x',
  label_nl: '\u202Ejeugdhulp',
  label_en: 'youth care',
  theme: 'jeugd',
  unit: 'percent',
  direction: 'down',
  decimals: 1,
  definition_nl: '\u202Edefinitie',
  definition_en: '',
  source: 'test',
  min_count: 10,
  rounding: null,
  denominator_rounding: null,
};

const areas: Area[] = [
  { code: 'GM9999', name: 'Voorbeeldgemeente', level: 'gemeente', parent: null, gemeente: 'GM9999' },
  { code: 'WK999901', name: 'Centrum', level: 'wijk', parent: 'GM9999', gemeente: 'GM9999' },
  { code: 'WK999902', name: RTL_NAME, level: 'wijk', parent: 'GM9999', gemeente: 'GM9999' },
];

describe('where user text is formatted for display', () => {
  it('messages isolate every text filled in (titles, aria-labels, document.title parts)', () => {
    const nl = createI18n('nl');
    expect(nl.t('kompas.title', { area: RTL_NAME })).toBe(`Kompas van ${FSI}${RTL_NAME}${PDI}`);
    expect(nl.t('kompas.title', { area: 'Centrum' })).toBe('Kompas van Centrum');
  });

  it("indicator labels and definitions (the indicator selects' option text) are isolated", () => {
    const nl = createI18n('nl');
    expect(nl.label(indicator)).toBe(`${FSI}\u202Ejeugdhulp${PDI}`);
    expect(nl.definition(indicator)).toBe(`${FSI}\u202Edefinitie${PDI}`);
    expect(createI18n('en').label(indicator)).toBe('youth care');
  });

  it('chart names are isolated also when shortened, the cut inside the override', () => {
    expect(truncate(RTL_NAME, 8)).toBe(`${FSI}\u202Eexe.tx…${PDI}`);
    expect(truncate(RTL_NAME, 80)).toBe(`${FSI}${RTL_NAME}${PDI}`);
  });

  it('the printed report is headed with the isolated name', () => {
    expect(printedName(areas[2]!).name).toBe(`${FSI}${RTL_NAME}${PDI}`);
  });

  it('the printed report clips a label of 10.000 characters after isolating it, and closes every isolate', () => {
    const long = { ...indicator, label_nl: `\u202E${'L'.repeat(10_000)}` };
    const row: KompasRow = {
      indicator: long,
      area: { value: 5, suppressed: false },
      gemeente: null,
      nl: null,
      shownPeriod: 2024,
      previous: null,
      change: null,
      series: [{ period: 2024, value: 5 }],
    };
    const [theme] = printThemes([{ theme: 'jeugd', rows: [row] }], new Map(), createI18n('nl'), 2024);
    const label = theme!.rows[0]!.label;
    // FSI (ours, re-added after the cut) + the label's own FSI and override + 118 characters + "…" + both PDIs.
    expect(label).toBe(`${FSI}${FSI}\u202E${'L'.repeat(LABEL_CHARS - 2)}…${PDI}${PDI}`);
  });

  const dom = domHost();
  it('the area list shows the name isolated before its level', () => {
    act(() =>
      dom.root.render(
        <I18nProvider lang="nl">
          <AreaPicker areas={areas} selected="WK999901" onSelect={() => undefined} />
        </I18nProvider>,
      ),
    );
    const item = [...dom.host.querySelectorAll('[role="treeitem"]')].find((el) =>
      el.textContent?.includes('Zuiderpark'),
    );
    expect(item?.textContent).toMatch(new RegExp(`^${FSI}${RTL_NAME}${PDI} · wijk`));
  });
});
