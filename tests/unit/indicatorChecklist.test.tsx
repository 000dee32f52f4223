// @vitest-environment happy-dom
import { act, type ReactElement, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Lang } from '../../src/app/format.ts';
import { en } from '../../src/app/i18n/en.ts';
import { I18nProvider } from '../../src/app/i18n/index.tsx';
import { nl } from '../../src/app/i18n/nl.ts';
import type { Indicator, Theme } from '../../src/data/package.ts';
import { IndicatorChecklist, matchesIndicator } from '../../src/views/data/IndicatorChecklist.tsx';
import { domHost } from '../fixtures/domHost.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const indicator = (id: string, theme: Theme, label_nl: string, label_en: string): Indicator => ({
  id,
  label_nl,
  label_en,
  theme,
  unit: 'percent',
  direction: 'down',
  decimals: 1,
  definition_nl: '',
  definition_en: '',
  source: 'test',
  min_count: 10,
  rounding: null,
  denominator_rounding: null,
});

/** Package order on purpose not grouped by theme: the list groups them, the choice keeps package order. */
const INDICATORS: Indicator[] = [
  indicator('inwoners', 'bevolking', 'Inwoners', 'Residents'),
  indicator('jeugdhulp_pct', 'jeugd', 'Jongeren met jeugdhulp', 'Young people receiving youth care'),
  indicator('wmo_pct', 'zorg', 'Wmo-cliënten', 'Wmo clients'),
  indicator('jeugdreclassering', 'jeugd', 'Jeugdreclassering', 'Youth probation'),
  indicator('bijstand_per_1000', 'werk', 'Bijstandsuitkeringen', 'Social assistance benefits'),
  indicator('voortijdig', 'jeugd', 'Voortijdig schoolverlaters', 'Early school leavers'),
];

/** The checklist with its choice held in state, as DataPage does; `onChange` sees every new choice. */
function Stateful({ initial, onChange }: { initial: string[]; onChange(ids: string[]): void }) {
  const [chosen, setChosen] = useState(initial);
  return (
    <IndicatorChecklist
      indicators={INDICATORS}
      chosen={chosen}
      onChange={(ids) => {
        onChange(ids);
        setChosen(ids);
      }}
    />
  );
}

describe('matchesIndicator', () => {
  it('finds a substring of the label or the id, ignoring case and accents', () => {
    expect(matchesIndicator('Wmo-cliënten', 'wmo_pct', 'wmo')).toBe(true);
    expect(matchesIndicator('Wmo-cliënten', 'wmo_pct', 'CLIENT')).toBe(true);
    expect(matchesIndicator('Bijstandsuitkeringen', 'bijstand_per_1000', 'per_1000')).toBe(true);
    expect(matchesIndicator('Bijstandsuitkeringen', 'bijstand_per_1000', 'jeugd')).toBe(false);
    expect(matchesIndicator('Jongeren met jeugdhulp', 'jeugdhulp_pct', '  ')).toBe(true);
  });
});

describe('IndicatorChecklist in a document', () => {
  const dom = domHost();

  const render = (element: ReactElement, lang: Lang = 'nl') =>
    act(() => dom.root.render(<I18nProvider lang={lang}>{element}</I18nProvider>));
  const themes = () =>
    [...dom.host.querySelectorAll('fieldset.indicator-checklist-theme')].map((f) => ({
      theme: f.getAttribute('data-theme'),
      legend: f.querySelector('legend')!.textContent,
      ids: [...f.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].map((c) => c.value),
    }));
  const checkbox = (label: string) => {
    const found = [...dom.host.querySelectorAll('label')].find((l) => l.textContent === label);
    if (!found) throw new Error(`no checkbox labelled ${label}`);
    return found.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
  };
  const checked = () =>
    [...dom.host.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')]
      .filter((c) => c.checked)
      .map((c) => c.value);
  const button = (name: string, within: ParentNode = dom.host) =>
    [...within.querySelectorAll('button')].find((b) => b.textContent === name)!;
  const themeFieldset = (theme: Theme) => dom.host.querySelector(`fieldset[data-theme="${theme}"]`)!;
  const type = (value: string) =>
    act(() => {
      const input = dom.host.querySelector<HTMLInputElement>('input[type="search"]')!;
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  const status = () => dom.host.querySelector('[role="status"]')!.textContent;

  it('shows one labelled checkbox per indicator, grouped per theme in the Kompas order', async () => {
    await render(<IndicatorChecklist indicators={INDICATORS} chosen={['wmo_pct']} onChange={() => {}} />);
    expect(dom.host.querySelectorAll('input[type="checkbox"]')).toHaveLength(INDICATORS.length);
    expect(themes()).toEqual([
      { theme: 'jeugd', legend: nl['theme.jeugd'], ids: ['jeugdhulp_pct', 'jeugdreclassering', 'voortijdig'] },
      { theme: 'zorg', legend: nl['theme.zorg'], ids: ['wmo_pct'] },
      { theme: 'werk', legend: nl['theme.werk'], ids: ['bijstand_per_1000'] },
      { theme: 'bevolking', legend: nl['theme.bevolking'], ids: ['inwoners'] },
    ]);
    expect(checkbox('Wmo-cliënten').checked).toBe(true);
    expect(checked()).toEqual(['wmo_pct']);
    // The search box and the outer group are labelled.
    const search = dom.host.querySelector<HTMLInputElement>('input[type="search"]')!;
    expect(dom.host.querySelector(`label[for="${search.id}"]`)!.textContent).toBe(nl['dataPage.indicatorSearch']);
    expect(dom.host.querySelector('fieldset.indicator-checklist > legend')!.textContent).toBe(
      nl['dataPage.indicators'],
    );
    // A theme's buttons name their theme for a screen reader.
    expect(button('Alle (Jeugd)', themeFieldset('jeugd'))).toBeDefined();
    expect(status()).toBe('1 gekozen');
  });

  it('hides the indicators that do not match the search, and the themes left empty', async () => {
    await render(<IndicatorChecklist indicators={INDICATORS} chosen={[]} onChange={() => {}} />);
    await type('jeugd');
    expect(themes().map((g) => [g.theme, g.ids])).toEqual([['jeugd', ['jeugdhulp_pct', 'jeugdreclassering']]]);
    await type('WMO');
    expect(themes().map((g) => [g.theme, g.ids])).toEqual([['zorg', ['wmo_pct']]]);
    await type('clienten'); // without the diaeresis
    expect(themes().map((g) => g.ids)).toEqual([['wmo_pct']]);
    await type('per_1000'); // the id
    expect(themes().map((g) => g.ids)).toEqual([['bijstand_per_1000']]);
    await type('xyz');
    expect(themes()).toEqual([]);
    expect(dom.host.textContent).toContain('Geen indicator gevonden voor ‘xyz’.');
    await type('');
    expect(dom.host.querySelectorAll('input[type="checkbox"]')).toHaveLength(INDICATORS.length);
  });

  it('reports the choice in package order when a checkbox is checked or unchecked', async () => {
    const onChange = vi.fn();
    await render(<Stateful initial={['wmo_pct']} onChange={onChange} />);
    await act(() => checkbox('Inwoners').click());
    expect(onChange).toHaveBeenLastCalledWith(['inwoners', 'wmo_pct']);
    await act(() => checkbox('Jongeren met jeugdhulp').click());
    expect(onChange).toHaveBeenLastCalledWith(['inwoners', 'jeugdhulp_pct', 'wmo_pct']);
    expect(status()).toBe('3 gekozen');
    await act(() => checkbox('Inwoners').click());
    expect(onChange).toHaveBeenLastCalledWith(['jeugdhulp_pct', 'wmo_pct']);
    expect(checked()).toEqual(['jeugdhulp_pct', 'wmo_pct']);
  });

  it("adds exactly a theme's visible indicators with its 'all' button, and removes them with 'none'", async () => {
    const onChange = vi.fn();
    await render(<Stateful initial={['inwoners']} onChange={onChange} />);
    await type('jeugd');
    await act(() => button('Alle (Jeugd)', themeFieldset('jeugd')).click());
    // Not 'voortijdig': it is in the theme but hidden by the search.
    expect(onChange).toHaveBeenLastCalledWith(['inwoners', 'jeugdhulp_pct', 'jeugdreclassering']);
    expect(status()).toBe('3 gekozen');
    await type('');
    await act(() => button('Alle (Jeugd)', themeFieldset('jeugd')).click());
    expect(onChange).toHaveBeenLastCalledWith(['inwoners', 'jeugdhulp_pct', 'jeugdreclassering', 'voortijdig']);
    await act(() => button('Geen (Jeugd)', themeFieldset('jeugd')).click());
    expect(onChange).toHaveBeenLastCalledWith(['inwoners']);
  });

  it('clears the whole choice, also what the search hides', async () => {
    const onChange = vi.fn();
    await render(<Stateful initial={['inwoners', 'wmo_pct', 'voortijdig']} onChange={onChange} />);
    expect(status()).toBe('3 gekozen');
    await type('wmo');
    await act(() => button('Keuze wissen').click());
    expect(onChange).toHaveBeenLastCalledWith([]);
    expect(status()).toBe('0 gekozen');
    await type('');
    expect(checked()).toEqual([]);
  });

  it('speaks English', async () => {
    await render(
      <IndicatorChecklist indicators={INDICATORS} chosen={['inwoners', 'wmo_pct', 'voortijdig']} onChange={() => {}} />,
      'en',
    );
    expect(status()).toBe('3 selected');
    expect(checkbox('Wmo clients').checked).toBe(true);
    expect(themes()[0]!.legend).toBe(en['theme.jeugd']);
    expect(button('All (Youth)', themeFieldset('jeugd'))).toBeDefined();
    expect(button('None (Youth)', themeFieldset('jeugd'))).toBeDefined();
    expect(button(en['dataPage.clearChoice'])).toBeDefined();
    await type('youth');
    expect(themes().map((g) => g.ids)).toEqual([['jeugdhulp_pct', 'jeugdreclassering']]);
  });
});
