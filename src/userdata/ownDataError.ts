/**
 * The issues own data is refused with, and the error carrying them. Its own module so that the parsers (delimited,
 * Excel, Parquet) and the validation share it without importing each other.
 */
import type { PackageIssue, PackageIssueCode } from '../data/package.ts';

/** Issue codes of own data that a package never has; their texts are in owndata.nl.ts (`owndata.issue.<code>`). */
export const OWN_ISSUE_CODES = [
  /** An indicator id the loaded package already has (params `value`). */
  'alreadyInPackage',
  /** An area code the loaded package does not have (params `value`). */
  'areaNotInPackage',
  /** A file above `MAX_OWN_FILE_BYTES` (ownDataParse.ts) (params `size`, `limit`: whole MB). */
  'fileTooLarge',
  /** More data rows than `MAX_OWN_ROWS` (ownDataParse.ts); `row` is the first one beyond (params `limit`). */
  'tooManyRows',
  /** A wide table holding more observations than `MAX_OWN_ROWS`; `row` is where it passes them (params `limit`). */
  'tooManyValues',
  /** A file named .parquet or starting with `PAR1` that cannot be read as Parquet (params `reason`). */
  'notParquet',
  /** A Parquet column holding lists, structs or maps (params `column`). */
  'parquetNestedColumn',
  /** Not CSV, Excel (.xlsx) or Parquet (params `extension`). */
  'unsupportedFileType',
  /** Added, but the browser would not keep it (storage full, blocked, or another version open): gone after a reload. */
  'notKept',
  /** A kept file that could not be read back (damaged storage); skipped (params `name`). */
  'keptFileDamaged',
  /** An .xlsx that cannot be opened (params `reason`). */
  'notXlsx',
  /** The header fits no layout (params `found`: the columns found). */
  'unknownLayout',
  /** A wide table with only `area_code` and `period`. */
  'noIndicatorColumns',
  /** One indicator in two data files (params `value`, `other`: the other file). */
  'indicatorInTwoFiles',
] as const;
export type OwnIssueCode = (typeof OWN_ISSUE_CODES)[number];

/** A {@link PackageIssue}, or one with an own-data code. Every issue names its file, and its row and column. */
export interface OwnDataIssue extends Omit<PackageIssue, 'code'> {
  code: PackageIssueCode | OwnIssueCode;
}

export function isOwnIssueCode(code: string): code is OwnIssueCode {
  return (OWN_ISSUE_CODES as readonly string[]).includes(code);
}

/** Thrown when own data cannot be read or does not validate; nothing has been loaded then. */
export class OwnDataError extends Error {
  readonly issues: OwnDataIssue[];
  constructor(issues: OwnDataIssue[]) {
    super(
      issues.map((i) => `${i.file}${i.row ? `:${i.row}` : ''}${i.column ? ` [${i.column}]` : ''} ${i.code}`).join('; '),
    );
    this.name = 'OwnDataError';
    this.issues = issues;
  }
}
