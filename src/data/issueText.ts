/**
 * Renders a {@link PackageIssue} as one line of text from a language's message templates.
 *
 * Choice: the location prefixes are templates in the same messages object as the issue codes, under the extra
 * keys `atFile`, `atRow` and `atRowColumn` (see {@link ValidationMessages}), so one object holds all of a
 * language's validation text. The prefix is picked by what the issue has: row and column → `atRowColumn`,
 * row only → `atRow`, otherwise `atFile` (header and `dataset.json` issues carry a column but no row; their
 * message names the column itself). A prefix template includes its separator, e.g. `'{file}, rij {row}: '`.
 *
 * Template syntax:
 * - `{name}` is replaced by the param `name`: the issue's `params`, then its `file`, `row` and `column`.
 *   A missing param renders as nothing.
 * - `[[…]]` is an optional part, rendered only when every param it names is present and not empty,
 *   e.g. `Kolom ‘{column}’ ontbreekt.[[ Bedoelt u ‘{suggestion}’?]]`.
 * - `{?name}` renders nothing but makes the enclosing `[[…]]` depend on `name`,
 *   e.g. `[[{?hint} Gebruik een punt als decimaalteken.]]`.
 * Param values are inserted as plain text and never read as template syntax themselves.
 */
import type { PackageIssue, PackageIssueCode } from './package.ts';

export type ValidationMessageKey = PackageIssueCode | 'atFile' | 'atRow' | 'atRowColumn';
export type ValidationMessages = Record<ValidationMessageKey, string>;

type Params = Readonly<Record<string, string | number | undefined>>;

const PLACEHOLDER = /\{\??([A-Za-z_][A-Za-z0-9_]*)\}/g;
const SECTION_OR_PLACEHOLDER = /\[\[([\s\S]*?)\]\]|\{(\??)([A-Za-z_][A-Za-z0-9_]*)\}/g;

function present(value: string | number | undefined): value is string | number {
  return value !== undefined && value !== '';
}

function fillPlain(text: string, params: Params): string {
  return text.replace(PLACEHOLDER, (match, name: string) => {
    if (match.startsWith('{?')) return '';
    const value = params[name];
    return present(value) ? String(value) : '';
  });
}

/** Fills a template (syntax in the module comment). */
export function fillTemplate(template: string, params: Params): string {
  return template.replace(
    SECTION_OR_PLACEHOLDER,
    (_match, section: string | undefined, optional: string, name: string | undefined) => {
      if (section !== undefined) {
        for (const [, inner] of section.matchAll(PLACEHOLDER)) {
          if (!present(params[inner!])) return '';
        }
        return fillPlain(section, params);
      }
      if (optional) return '';
      const value = params[name!];
      return present(value) ? String(value) : '';
    },
  );
}

/** The issue as one line: location prefix plus message, e.g. `indicators.csv, rij 7, kolom ‘unit’: …`. */
export function formatIssue(issue: PackageIssue, messages: ValidationMessages): string {
  const where: Params = { file: issue.file, row: issue.row, column: issue.column };
  const prefix =
    issue.row !== undefined && issue.column !== undefined
      ? messages.atRowColumn
      : issue.row !== undefined
        ? messages.atRow
        : messages.atFile;
  const template = (messages as Partial<ValidationMessages>)[issue.code] ?? issue.code;
  return fillTemplate(prefix, where) + fillTemplate(template, { ...where, ...issue.params });
}
