/**
 * A fill-in file for own data: the areas of one level of the loaded package, one row each for one year, and an
 * empty indicator column. A policy officer fills in the numbers in Excel and drops the file back in; its header
 * uses the Dutch names the reader accepts (`buurtcode; naam; jaar`), so it reads as the WIDE layout.
 */

import { existsIn } from '../data/areaPeriods.ts';
import { toCsv } from '../data/csvWrite.ts';
import type { Area, Level } from '../data/package.ts';
import { neutraliseFormula } from '../export/neutralise.ts';

export interface OwnDataTemplateOptions {
  level: Extract<Level, 'buurt' | 'wijk' | 'gebied' | 'gemeente'>;
  period: number;
  /** Column titles in the interface language. */
  lang: 'nl' | 'en';
}

const CODE_COLUMN: Record<OwnDataTemplateOptions['level'], string> = {
  buurt: 'buurtcode',
  wijk: 'wijkcode',
  gebied: 'gebiedscode',
  gemeente: 'gemeentecode',
};

/** The template's text (semicolons, CRLF, as Excel with Dutch settings writes it); no byte order mark. */
export function ownDataTemplate(areas: readonly Area[], options: OwnDataTemplateOptions): string {
  const { level, period, lang } = options;
  const header =
    lang === 'nl'
      ? [CODE_COLUMN[level], 'naam', 'jaar', 'Mijn indicator']
      : ['area_code', 'name', 'period', 'My indicator'];
  const rows = areas
    .filter((a) => a.level === level && existsIn(a, period))
    .sort((a, b) => a.code.localeCompare(b.code))
    // A code or name from a package could start with `=`: a spreadsheet must not run it (the reader takes the `'`
    // off again, restoreNeutralised).
    .map((a) => [neutraliseFormula(a.code), neutraliseFormula(a.name), String(period), '']);
  return toCsv(header, rows, { separator: ';', lineEnd: '\r\n' });
}
