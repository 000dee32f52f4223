import { describe, expect, it } from 'vitest';
import { en } from '../../src/app/i18n/en.ts';
import { createI18n } from '../../src/app/i18n/index.tsx';
import { nl } from '../../src/app/i18n/nl.ts';

describe('plural', () => {
  const nlI18n = createI18n('nl');
  const enI18n = createI18n('en');

  it('chooses the form by the language’s plural rules', () => {
    expect(nlI18n.plural('picker.results', 1)).toBe('1 gebied gevonden');
    expect(nlI18n.plural('picker.results', 3)).toBe('3 gebieden gevonden');
    expect(nlI18n.plural('picker.results', 0)).toBe('0 gebieden gevonden');
    expect(enI18n.plural('picker.results', 1)).toBe('1 area found');
    expect(enI18n.plural('picker.results', 2)).toBe('2 areas found');
    expect(nlI18n.plural('over.dataset.periodsCount', 1)).toBe('1 meting');
    expect(nlI18n.plural('overview.signalCount', 1)).toBe('1 signaal');
    expect(nlI18n.plural('overview.signalCount', 2)).toBe('2 signalen');
  });

  it('writes the count in the language’s notation and fills the other placeholders', () => {
    expect(nlI18n.plural('sql.rows', 1234)).toBe('1.234 rijen');
    expect(enI18n.plural('sql.rows', 1234)).toBe('1,234 rows');
    expect(nlI18n.plural('overview.shown', 10, { shown: 4 })).toBe('4 van 10 gebieden getoond');
    expect(nlI18n.plural('data.table.rowsFiltered', 1, { shown: 0 })).toBe('0 van 1 rij');
  });

  it('has every plural message in both languages, each form with its count', () => {
    const forms = (messages: Record<string, string>) =>
      Object.keys(messages).filter((key) => /\.(one|other)$/.test(key));
    expect(forms(en).sort()).toEqual(forms(nl).sort());
    for (const messages of [nl, en] as Record<string, string>[])
      for (const key of forms(messages)) {
        expect(messages[key], key).toContain('{count}');
        // A message with a form for one has one for the rest.
        expect(messages[key.replace(/one$/, 'other')], key).toBeDefined();
      }
  });
});
