/**
 * The wijkagenda's texts (src/app/i18n/userdata.{nl,en}.ts, read here as the own-data panel reads its own) and the
 * sentences for a refused entity and a bad bundle: a {@link UserDataProblem} names its field by the field's label;
 * a {@link BundleIssue} starts with file, row and column as package issues do.
 */
import { fillTemplate } from '../app/format.ts';
import type { I18n } from '../app/i18n/index.tsx';
import { userdataEN } from '../app/i18n/userdata.en.ts';
import { userdataNL } from '../app/i18n/userdata.nl.ts';
import { validationMessages as validationEN } from '../app/i18n/validation.en.ts';
import { validationMessages as validationNL } from '../app/i18n/validation.nl.ts';
import { formatIssue, type ValidationMessages } from '../data/issueText.ts';
import type { PackageIssue } from '../data/package.ts';
import type { BundleIssue, UserDataProblem } from './types.ts';

export type UserdataKey = keyof typeof userdataNL;

/** A wijkagenda text in the interface language: `userdataText(i18n, 'userdata.source.school')`. */
export function userdataText(i18n: I18n, key: UserdataKey, params?: Record<string, string | number>): string {
  return fillTemplate((i18n.lang === 'en' ? userdataEN : userdataNL)[key], params);
}

function isKey(key: string): key is UserdataKey {
  return key in userdataNL;
}

/** The label of a field ("Afgesproken op"), or the field's name when it has none. */
function fieldLabel(field: string, i18n: I18n): string {
  const key = `userdata.field.${field}`;
  return isKey(key) ? userdataText(i18n, key) : field;
}

/** "Tekst is 1001 tekens lang; het mag hoogstens 1000 tekens zijn." */
export function problemText(problem: UserDataProblem, i18n: I18n): string {
  return userdataText(i18n, `userdata.invalid.${problem.code}`, {
    ...problem.params,
    field: fieldLabel(problem.field, i18n),
  });
}

const PROBLEM_CODES = new Set(['tooLong', 'notDate', 'notText', 'unknownValue', 'notNumber', 'periodOrder']);

/** "notes.csv, rij 3, kolom ‘date’: …": package codes in the package's words, the others in the wijkagenda's. */
export function bundleIssueText(issue: BundleIssue, i18n: I18n): string {
  const own = `userdata.bundle.${issue.code}`;
  let text: string | null = null;
  if (isKey(own)) text = userdataText(i18n, own, issue.params);
  else if (PROBLEM_CODES.has(issue.code)) {
    const code = issue.code as UserDataProblem['code'];
    text = problemText({ code, field: issue.column ?? '', params: issue.params }, i18n);
  }
  if (text === null) return i18n.issue(issue as PackageIssue);
  const messages: ValidationMessages = { ...(i18n.lang === 'en' ? validationEN : validationNL), csvError: text };
  // The text is filled already; only the location is filled in (the params are not passed twice).
  return formatIssue({ file: issue.file, row: issue.row, column: issue.column, code: 'csvError' }, messages);
}
