/**
 * Reads one CBS source file — kwb download, Wijk- en buurtkaart, PDOK or OData; CSV, GeoJSON or JSON — into
 * areas and values keyed by kwb variable id. Pure: no DOM, no file system; the caller passes the text (see
 * `decodeText`) or, for .xlsx, the rows (see `readXlsxRows`).
 *
 * Rules:
 * - a CBS "secret" cell (`.`, -99999999, -99999998, -99999997, empty, null) is a value `null`, never 0, and its row
 *   is kept, with how it was marked (cellNumber);
 * - any other cell that is no number in a figure column stops the import with a message naming row and column, as
 *   does a negative figure or one beyond 10^15 (the package loader refuses both); NaN is read as empty, with a
 *   warning that counts the cells and names their rows;
 * - a boundary the app's geometry check refuses (src/data/geometry.ts) stops the import naming its feature;
 * - a numeric column the mapping table does not know is kept under its lower-cased name (OData: its key's stem,
 *   without the year-specific suffix, see columnPlan) and listed in `unknownColumns` (OData: labelled from
 *   DataProperties);
 * - codes, names and flags (`recs`, `ind_wbi`, `WATER`, …) are not values.
 */
import type { Geometry } from 'geojson';
import { validationMessages } from '../../app/i18n/validation.en.ts';
import { checkGeometry } from '../../data/geometry.ts';
import { formatIssue } from '../../data/issueText.ts';
import { MAX_MAGNITUDE } from '../../data/observationChecks.ts';
import { gemeenteOfCode, levelOfCode, normaliseAreaCode, parentOfCode, type SourceLevel } from './areaCode.ts';
import { cellNumber, type MissingMarker } from './cellNumber.ts';
import { planColumns, textExample } from './columnPlan.ts';
import { ImportError, type ImportMessage, importMessage, MessageCollector, quoted } from './messages.ts';
import { type ODataProperty, readDataProperties } from './odataProperties.ts';
import {
  findCodeColumn,
  layoutOf,
  periodFromFileName,
  periodFromTableInfos,
  recogniseSource,
  type SourceKind,
} from './recognise.ts';
import { csvRecords, jsonRecords, rowRecords, type SourceRecords } from './sourceRecords.ts';
import { odataBaseKey } from './variables.ts';

export type { ImportMessage } from './messages.ts';
export type { SourceKind } from './recognise.ts';

export interface SourceArea {
  /** NL00, GMxxxx, WKxxxxxx, BUxxxxxxxx. */
  code: string;
  name: string;
  level: SourceLevel;
  gemeente: string | null;
  parent: string | null;
  geometry?: Geometry;
  /** Spreadsheet row (CSV/XLSX) or feature/element position from 1 (JSON), for messages. */
  row: number;
}

export interface SourceValue {
  code: string;
  /** kwb id, or the lower-cased column name of an unknown column. */
  variable: string;
  /** null = secret / suppressed / not published. */
  value: number | null;
  /** How the source marked a missing value (see cellNumber); absent when there is a value. */
  marker?: MissingMarker;
  row: number;
  column: string;
}

export interface UnknownColumn {
  column: string;
  /** The id its values carry: the column name in lower case; for an OData key, its stem (`nietwoningvoorraad`). */
  variable: string;
  label?: string;
  unit?: string;
}

export interface SourceTable {
  file: string;
  kind: SourceKind;
  period: number;
  areas: SourceArea[];
  values: SourceValue[];
  unknownColumns: UnknownColumn[];
  warnings: ImportMessage[];
}

export interface ReadSourceOptions {
  fileName: string;
  /** The year of the figures; found from the content or the file name when left out. */
  period?: number;
  /** The column holding the area codes, for a file in none of the known layouts (or to override). */
  codeField?: string;
  /** The OData table's DataProperties (array or `{ value: [...] }`): labels, units, which keys are codes. */
  dataProperties?: unknown;
  /** The OData table's TableInfos, to read the year from. */
  tableInfos?: unknown;
}

/** A CSV, GeoJSON or JSON text. */
export function readSource(input: ReadSourceOptions & { text: string }): SourceTable {
  const file = input.fileName;
  const text = input.text.charCodeAt(0) === 0xfeff ? input.text.slice(1) : input.text;
  if (text.trim() === '') throw new ImportError([importMessage(file, 'emptyFile')]);
  // A decoder that replaced bad bytes leaves U+FFFD; reading on would store the damage.
  const bad = text.indexOf('\uFFFD');
  if (bad >= 0) {
    const line = text.slice(0, bad).split('\n').length;
    throw new ImportError([importMessage(file, 'notUtf8', { line }, { row: line })]);
  }
  const isJson = /\.(geo)?json$/i.test(file) || /^\s*[[{]/.test(text);
  return buildTable(isJson ? jsonRecords(text, file) : csvRecords(text, file), input);
}

/** Spreadsheet rows, e.g. from `readXlsxRows` (row i is spreadsheet row i + 1). */
export function readSourceRows(input: ReadSourceOptions & { rows: readonly (readonly string[])[] }): SourceTable {
  return buildTable(rowRecords(input.rows, input.fileName), input);
}

function findColumn(lowerColumns: readonly string[], name: string | null | undefined): number {
  return name ? lowerColumns.indexOf(name.toLowerCase()) : -1;
}

/** Which layout, and where its code and name are; throws when the columns match no layout. */
function locateColumns(
  file: string,
  columns: readonly string[],
  codeField: string | undefined,
): { kind: SourceKind; code: number; name: number } {
  const lower = columns.map((c) => c.toLowerCase());
  const recognised = recogniseSource(file, columns);
  if (codeField !== undefined) {
    const code = findColumn(lower, codeField.trim());
    if (code < 0) {
      throw new ImportError([
        importMessage(file, 'codeColumnMissing', { column: codeField, found: columns.join(', ') }),
      ]);
    }
    // A file in no known layout is read like a kwb download: short lower-case names, one code column.
    const kind = typeof recognised === 'string' ? recognised : 'kwb';
    const layout = layoutOf(kind);
    const position = layout.codeColumns.findIndex((c) => c.toLowerCase() === lower[code]);
    return { kind, code, name: findColumn(lower, layout.nameColumns[position]) };
  }
  if (typeof recognised !== 'string') {
    const found = recognised.found.length > 30 ? [...recognised.found.slice(0, 30), '…'] : recognised.found;
    throw new ImportError([
      importMessage(file, 'unknownLayout', {
        found: found.join(', ') || '(none)',
        expected: Object.values(recognised.expected).join('; '),
      }),
    ]);
  }
  const layout = layoutOf(recognised);
  const { column, position } = findCodeColumn(layout, columns);
  return { kind: recognised, code: column, name: findColumn(lower, layout.nameColumns[position]) };
}

/** The year: given, else stated in the content, else in the file name; a disagreement is a warning. */
function resolvePeriod(
  file: string,
  given: number | undefined,
  content: number | null,
  warnings: ImportMessage[],
): number {
  const fromName = periodFromFileName(file);
  const candidates: [string, number | null][] = [
    ['period given', given ?? null],
    ['file content', content],
    ['file name', fromName],
  ];
  const known = candidates.filter((c): c is [string, number] => c[1] !== null);
  const first = known[0];
  if (!first) throw new ImportError([importMessage(file, 'noPeriod')]);
  for (const [source, period] of known.slice(1)) {
    if (period !== first[1]) {
      warnings.push(
        importMessage(file, 'periodMismatch', {
          first: first[0],
          firstPeriod: first[1],
          second: source,
          secondPeriod: period,
          used: first[1],
        }),
      );
    }
  }
  return first[1];
}

/** A cell holding NaN: what a spreadsheet or script writes for a figure it could not compute. */
function isNaNText(raw: unknown): boolean {
  return typeof raw === 'string' && raw.trim().toLowerCase() === 'nan';
}

function cellText(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  return typeof raw === 'string' ? raw : String(raw);
}

/** The areas of all records; codes that are missing, malformed or repeated are errors. */
function readAreas(
  source: SourceRecords,
  at: { kind: SourceKind; code: number; name: number },
  columns: readonly string[],
  errors: MessageCollector,
): (SourceArea | null)[] {
  const codeColumn = columns[at.code]!;
  // OData rows name only the gemeente (Gemeentenaam_1); wijken and buurten are named in a separate dimension.
  const gemeenteName =
    at.kind === 'odata' ? columns.findIndex((c) => (odataBaseKey(c) ?? c).toLowerCase() === 'gemeentenaam') : -1;
  const firstRow = new Map<string, number>();
  return source.records.map((record) => {
    const raw = cellText(record.cells[at.code]);
    if (raw.trim() === '') {
      errors.add('missingCode', {}, { row: record.row, column: codeColumn });
      return null;
    }
    const code = normaliseAreaCode(raw);
    const level = levelOfCode(code);
    if (level === null) {
      errors.add('invalidAreaCode', { value: quoted(raw) }, { row: record.row, column: codeColumn });
      return null;
    }
    const first = firstRow.get(code);
    if (first !== undefined) {
      errors.add('duplicateAreaCode', { value: code, first }, { row: record.row, column: codeColumn });
      return null;
    }
    firstRow.set(code, record.row);
    // The app's own geometry check: a boundary it would refuse (or that would break the crosswalk) is named here.
    const [problem] = record.geometry ? checkGeometry(record.geometry, level) : [];
    if (problem) {
      const detail = formatIssue({ file: errors.file, ...problem }, validationMessages).slice(errors.file.length + 2);
      errors.add('invalidGeometry', { code, detail }, { row: record.row, column: 'geometry' });
      return null;
    }
    let name = at.name >= 0 ? cellText(record.cells[at.name]).trim() : '';
    if (name === '' && level === 'gemeente' && gemeenteName >= 0) name = cellText(record.cells[gemeenteName]).trim();
    return {
      code,
      name,
      level,
      gemeente: gemeenteOfCode(code, level),
      parent: parentOfCode(code, level),
      ...(record.geometry && { geometry: record.geometry }),
      row: record.row,
    };
  });
}

function buildTable(source: SourceRecords, input: ReadSourceOptions): SourceTable {
  const file = input.fileName;
  const warnings: ImportMessage[] = [];
  const errors = new MessageCollector(file);
  const columns = source.columns.map((c) => c.trim());

  // kwb-2024 has trailing spaces in some names ("a_nb_won "); trimmed, two columns must still differ.
  const seenColumns = new Set<string>();
  for (const column of columns) {
    const lower = column.toLowerCase();
    if (seenColumns.has(lower)) errors.add('duplicateColumn', {}, { column });
    seenColumns.add(lower);
  }
  errors.throwIfAny();

  const at = locateColumns(file, columns, input.codeField);
  const layout = layoutOf(at.kind);
  const period = resolvePeriod(
    file,
    input.period,
    source.contentPeriod ?? (input.tableInfos === undefined ? null : periodFromTableInfos(input.tableInfos)),
    warnings,
  );
  const properties = at.kind === 'odata' ? readDataProperties(input.dataProperties) : new Map<string, ODataProperty>();
  if (at.kind === 'odata' && properties.size === 0) warnings.push(importMessage(file, 'noDataProperties'));

  const skip = new Set([at.code, at.name].filter((i) => i >= 0));
  const plan = planColumns(file, columns, layout, skip, properties, warnings).filter((p) => {
    if (p.def) return true;
    const example = textExample(source, p.index);
    if (example === null) return true;
    warnings.push(importMessage(file, 'textColumnSkipped', { value: example }, { column: p.column }));
    return false;
  });

  if (source.records.length === 0) throw new ImportError([importMessage(file, 'noRows')]);
  const areaOfRecord = readAreas(source, at, columns, errors);
  const values: SourceValue[] = [];
  const nanRows: number[] = [];
  source.records.forEach((record, r) => {
    const area = areaOfRecord[r];
    if (!area) return;
    for (const p of plan) {
      const raw = record.cells[p.index];
      const parsed = cellNumber(raw);
      const at = { row: record.row, column: p.column };
      if (parsed.kind === 'notANumber') {
        errors.add('notANumber', { value: quoted(raw) }, at);
        continue;
      }
      // The package loader refuses these (observationChecks.ts): named here, in the source's own rows and columns.
      if (parsed.kind === 'number' && parsed.value < 0) {
        errors.add('negativeValue', { value: quoted(raw) }, at);
        continue;
      }
      if (parsed.kind === 'number' && Math.abs(parsed.value) > MAX_MAGNITUDE) {
        errors.add('valueOutOfRange', { value: quoted(raw), max: '10^15' }, at);
        continue;
      }
      if (parsed.kind === 'suppressed' && isNaNText(raw)) nanRows.push(record.row);
      values.push({
        code: area.code,
        variable: p.variable,
        value: parsed.kind === 'number' ? parsed.value : null,
        ...(parsed.kind === 'suppressed' && { marker: parsed.marker }),
        row: record.row,
        column: p.column,
      });
    }
  });
  errors.throwIfAny();
  if (nanRows.length > 0) {
    const rows = [...new Set(nanRows)];
    const shown = rows.slice(0, 10).join(', ') + (rows.length > 10 ? ', …' : '');
    warnings.push(importMessage(file, 'nanAsEmpty', { count: nanRows.length, rows: shown }));
  }

  const areas = areaOfRecord.filter((a): a is SourceArea => a !== null);
  const unnamed = areas.filter((a) => a.name === '');
  if (unnamed.length > 0) {
    for (const a of unnamed) a.name = a.code;
    warnings.push(importMessage(file, 'noAreaNames', { count: unnamed.length }));
  }

  return {
    file,
    kind: at.kind,
    period,
    areas,
    values,
    unknownColumns: plan
      .filter((p) => !p.def)
      .map((p) => ({
        column: p.column,
        variable: p.variable,
        ...(p.property && { label: p.property.label }),
        ...(p.property?.unit !== undefined && { unit: p.property.unit }),
      })),
    warnings,
  };
}
