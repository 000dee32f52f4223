/**
 * Messages of the CBS importer. Each names its file and, where it has them, the row and column, and carries a
 * ready English text for logs and scripts; `code` and `params` let the app word it in Dutch later.
 *
 * Rows are numbered as a spreadsheet shows them (CSV/XLSX: header = row 1, first data row = row 2), and for JSON
 * as the feature's or element's position counted from 1 — the same convention as the package validator's issues.
 */
import { cellValue } from '../../data/issues.ts';

export const IMPORT_MESSAGE_CODES = [
  'notUtf8',
  'emptyFile',
  'invalidJson',
  'notATable',
  'unknownLayout',
  'codeColumnMissing',
  'noPeriod',
  'periodMismatch',
  'notANumber',
  'missingCode',
  'invalidAreaCode',
  'duplicateAreaCode',
  'duplicateColumn',
  'duplicateVariable',
  'unitMismatch',
  'stemShared',
  'unmappedUnitChanged',
  'textColumnSkipped',
  'noAreaNames',
  'noDataProperties',
  'unterminatedQuote',
  'wrongFieldCount',
  'notXlsx',
  'unsupportedZip',
  'missingSheet',
  'tooManyMessages',
  'yearTwice',
  'fileNotFound',
  'gemeenteNotFound',
  'gemeenteSplit',
  'conflictingValues',
  'unmappedKept',
  'valuesWithoutBoundaries',
  'outNotOwnPackage',
  'outNotAFolder',
  'negativeValue',
  'valueOutOfRange',
  'nanAsEmpty',
  'invalidGeometry',
  'noRows',
] as const;
export type ImportMessageCode = (typeof IMPORT_MESSAGE_CODES)[number];

export interface ImportMessage {
  file: string;
  row?: number;
  column?: string;
  code: ImportMessageCode;
  params: Record<string, string | number>;
  /** English, e.g. "kwb-2024.csv row 12, column a_inw: 'abc' is not a number". */
  text: string;
}

type Params = Record<string, string | number>;

const TEMPLATES: Record<ImportMessageCode, (p: Params) => string> = {
  notUtf8: (p) =>
    `the file is not UTF-8 text (first bad character on line ${p.line}` +
    `${p.offset !== undefined ? `, byte ${p.offset}` : ''}); ` +
    'save it as UTF-8 (in Excel: "CSV UTF-8 (comma delimited)") and try again',
  emptyFile: () => 'the file is empty',
  invalidJson: (p) => `not valid JSON (line ${p.line}, character ${p.character})`,
  notATable: () =>
    'the JSON is neither a GeoJSON FeatureCollection, a CBS OData answer ({"value": [...]}) nor an array of rows',
  unknownLayout: (p) =>
    `not a known CBS layout. Found columns: ${p.found}. Expected one of: ${p.expected}. ` +
    'Name the column that holds the area codes to read it anyway',
  codeColumnMissing: (p) => `the code column '${p.column}' is not in the file (columns: ${p.found})`,
  noPeriod: () =>
    'cannot tell which year the figures are for; put the year in the file name (e.g. kwb-2024.csv) or give it',
  periodMismatch: (p) =>
    `the ${p.first} says ${p.firstPeriod} but the ${p.second} says ${p.secondPeriod}; using ${p.used}`,
  notANumber: (p) => `'${p.value}' is not a number`,
  missingCode: () => 'no area code',
  invalidAreaCode: (p) => `'${p.value}' is not a CBS area code (NL00, GM0000, WK000000 or BU00000000)`,
  duplicateAreaCode: (p) => `area ${p.value} is also on row ${p.first}`,
  duplicateColumn: () => 'the column appears twice',
  duplicateVariable: (p) => `holds ${p.variable}, as column ${p.other} does; this column is skipped`,
  unitMismatch: (p) =>
    `CBS gives this column in '${p.found}', but ${p.variable} is in '${p.expected}'; ` +
    `it is kept as the unknown variable ${p.kept}`,
  stemShared: (p) =>
    `${p.count} group(s) of columns have the same key without their numeric suffix (${p.columns}); these keep ` +
    'their full key, so their figures do not join the same column of other years',
  unmappedUnitChanged: (p) =>
    `${p.variable} is in '${p.unit}' here but in '${p.latestUnit}' in ${p.latest}; ` +
    `this year's figures are kept apart as ${p.kept}`,
  textColumnSkipped: (p) => `holds text, not numbers (e.g. '${p.value}'); skipped`,
  noAreaNames: (p) => `the rows carry no names for ${p.count} areas; their codes are used as names`,
  noDataProperties: () =>
    "OData columns were matched by name only; give the table's DataProperties to check their units",
  unterminatedQuote: () => 'a quoted field is not closed',
  wrongFieldCount: (p) => `${p.found} fields, but the header has ${p.expected}`,
  notXlsx: (p) => `not an .xlsx workbook (${p.reason})`,
  unsupportedZip: (p) => `the workbook part ${p.entry} cannot be read (${p.reason})`,
  missingSheet: (p) => `the workbook has no worksheet ${p.entry}`,
  tooManyMessages: (p) => `${p.more} more problems not shown`,
  fileNotFound: (p) => `no such file: ${p.path}`,
  outNotOwnPackage: (p) =>
    `--out ${p.out} holds files that are not a Gebiedskompas package it wrote: ${p.entries}; ` +
    'choose an empty or new folder',
  outNotAFolder: (p) => `--out ${p.out} is not a folder; choose an empty or new folder`,
  negativeValue: (p) =>
    `'${p.value}' is negative; a package holds no negative figures (CBS marks a secret figure with '.' or ` +
    '-99999999): correct the figure or leave the cell empty',
  valueOutOfRange: (p) => `'${p.value}' is beyond ${p.max}, more than any figure of a country; is the column right?`,
  nanAsEmpty: (p) =>
    `${p.count} cell(s) hold NaN (rows ${p.rows}); they are read as empty (no figure): check the source if a ` +
    'figure was expected there',
  invalidGeometry: (p) => `the boundary of ${p.code} cannot be drawn: ${p.detail}`,
  noRows: () => 'the file has a header but no rows of figures',
  yearTwice: (p) =>
    `holds ${p.period} for the same areas as ${p.other} (e.g. ${p.example}): a year can come from one file of ` +
    'each layout only; leave one out',
  gemeenteNotFound: (p) => `gemeente ${p.value} is in none of these files (check the code, e.g. GM1979 for Eemsdelta)`,
  gemeenteSplit: (p) =>
    `former gemeente ${p.from} was split over ${p.into}; its figures are kept under its own code only`,
  conflictingValues: (p) =>
    `${p.count} value(s) differ from ${p.other} for the same area, variable and year (e.g. ${p.example}); ` +
    `the value of ${p.other} is kept`,
  unmappedKept: (p) =>
    `${p.count} column(s) are not in the mapping table and are kept under their CBS name: ${p.names}`,
  valuesWithoutBoundaries: (p) =>
    `${p.count} area(s) have no boundary in any file given (e.g. ${p.example}; also a wijk or gemeente known ` +
    'only from the codes of its buurten or wijken); they are listed and have a Kompas, but are not drawn on the ' +
    'map. Add the boundary file of their year to draw them',
};

/** Builds one message with its English text. */
export function importMessage(
  file: string,
  code: ImportMessageCode,
  params: Params = {},
  at: { row?: number; column?: string } = {},
): ImportMessage {
  const where =
    file + (at.row !== undefined ? ` row ${at.row}` : '') + (at.column !== undefined ? `, column ${at.column}` : '');
  return {
    file,
    ...(at.row !== undefined && { row: at.row }),
    ...(at.column !== undefined && { column: at.column }),
    code,
    params,
    text: `${where}: ${TEMPLATES[code](params)}`,
  };
}

/** A message about the --out folder itself: its text starts with `--out <folder>`, not with a file name. */
export function outFolderMessage(code: 'outNotOwnPackage' | 'outNotAFolder', params: Params & { out: string }) {
  return { file: params.out, code, params, text: TEMPLATES[code](params) } satisfies ImportMessage;
}

/** A cell quoted safely in a message (cut, control characters made visible). */
export function quoted(raw: unknown): string {
  return cellValue(typeof raw === 'string' ? raw : (JSON.stringify(raw) ?? String(raw)));
}

/** Thrown when a source cannot be read; carries every problem found (capped). */
export class ImportError extends Error {
  readonly messages: ImportMessage[];
  constructor(messages: ImportMessage[]) {
    super(messages.map((m) => m.text).join('\n'));
    this.name = 'ImportError';
    this.messages = messages;
  }
}

/** At most this many messages per file, then one `tooManyMessages`: a broken column should not bury the rest. */
export const MAX_MESSAGES = 50;

/** Collects the errors of one file, capped, to throw them together: a file loads whole or not at all. */
export class MessageCollector {
  private readonly kept: ImportMessage[] = [];
  private dropped = 0;

  constructor(readonly file: string) {}

  add(code: ImportMessageCode, params: Params = {}, at: { row?: number; column?: string } = {}): void {
    if (this.kept.length < MAX_MESSAGES) this.kept.push(importMessage(this.file, code, params, at));
    else this.dropped++;
  }

  get count(): number {
    return this.kept.length + this.dropped;
  }

  result(): ImportMessage[] {
    if (this.dropped === 0) return [...this.kept];
    return [...this.kept, importMessage(this.file, 'tooManyMessages', { more: this.dropped })];
  }

  throwIfAny(): void {
    if (this.count > 0) throw new ImportError(this.result());
  }
}
