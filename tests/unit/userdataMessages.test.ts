import { describe, expect, it } from 'vitest';
import { createI18n } from '../../src/app/i18n/index.tsx';
import { bundleIssueText, problemText } from '../../src/userdata/messages.ts';
import type { UserDataProblem } from '../../src/userdata/types.ts';

const PROBLEMS: UserDataProblem[] = [
  { code: 'required', field: 'text' },
  { code: 'tooLong', field: 'text', params: { length: 1001, limit: 1000 } },
  { code: 'notDate', field: 'agreed_on', params: { value: '12 maart' } },
  { code: 'notText', field: 'author' },
  { code: 'unknownValue', field: 'source', params: { value: 'krant' } },
  { code: 'notNumber', field: 'target_value', params: { value: 'veel' } },
  { code: 'periodOrder', field: 'target_period', params: { baseline: 2027, target: 2022 } },
  { code: 'bandOrder', field: 'target_low', params: { low: 10, high: 8 } },
];

describe('wijkagenda messages', () => {
  it('says every refusal in Dutch and English, naming the field, with no placeholder left', () => {
    for (const lang of ['nl', 'en'] as const) {
      const i18n = createI18n(lang);
      for (const p of PROBLEMS) {
        const text = problemText(p, i18n);
        expect(text, `${lang} ${p.code}`).not.toMatch(/[{}]|userdata\./);
      }
    }
    const nl = createI18n('nl');
    expect(problemText(PROBLEMS[1]!, nl)).toBe('Tekst is 1001 tekens lang; het mag hoogstens 1000 tekens zijn.');
    expect(problemText(PROBLEMS[2]!, createI18n('en'))).toBe(
      'Agreed on: ‘12 maart’ is not a date; write it as 2026-03-12 (year-month-day).',
    );
  });

  it('names file, row and column of a bad bundle cell, in the package wording for CSV problems', () => {
    const nl = createI18n('nl');
    expect(
      bundleIssueText(
        { file: 'notes.csv', row: 3, column: 'text', code: 'tooLong', params: { length: 1001, limit: 1000 } },
        nl,
      ),
    ).toBe('notes.csv, rij 3, kolom ‘text’: Tekst is 1001 tekens lang; het mag hoogstens 1000 tekens zijn.');
    expect(
      bundleIssueText(
        {
          file: 'bundle.json',
          column: 'gemeente',
          code: 'otherGemeente',
          params: { value: 'GM0363', gemeente: 'GM0599' },
        },
        nl,
      ),
    ).toContain('Dit bestand hoort bij gemeente GM0363, niet bij GM0599.');
    const csv = bundleIssueText(
      { file: 'signals.csv', row: 4, code: 'wrongFieldCount', params: { expected: 12, found: 5 } },
      createI18n('en'),
    );
    expect(csv).toMatch(/^signals\.csv, row 4: /);
    expect(csv).not.toMatch(/[{}]/);
  });
});
