/**
 * The shapes a CBS source arrives in, reduced to one: named columns and records of cells. CSV cells are text,
 * JSON cells keep their JSON type (a PDOK number stays a number), GeoJSON records keep their geometry.
 */
import type { Geometry } from 'geojson';
import { parseCsv } from '../../data/csv.ts';
import { isObject } from '../../data/issues.ts';
import { jsonErrorOffset, lineColumn } from '../../data/jsonPosition.ts';
import { PackageError } from '../../data/package.ts';
import { ImportError, type ImportMessageCode, importMessage } from './messages.ts';
import { periodFromContent } from './recognise.ts';

export interface SourceRecord {
  /** Spreadsheet row (CSV/XLSX) or 1-based position (JSON), for messages. */
  row: number;
  /** One cell per column; `undefined` where a JSON record lacks the property. */
  cells: readonly unknown[];
  geometry?: Geometry;
}

export interface SourceRecords {
  columns: string[];
  records: SourceRecord[];
  /** The year the content itself states (GeoJSON `metadata.year`, OData `odata.metadata` table id). */
  contentPeriod: number | null;
}

/**
 * A CSV text (`,` `;` or tab separated), read by the one CSV reader in its lenient mode; its issues (emptyFile,
 * unterminatedQuote, wrongFieldCount, tooManyIssues) become the importer's messages with the same file, row and column.
 */
export function csvRecords(text: string, file: string): SourceRecords {
  let table: ReturnType<typeof parseCsv>;
  try {
    table = parseCsv(text, file, { mode: 'lenient' });
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
    throw new ImportError(
      error.issues.map((issue) => {
        const code: ImportMessageCode =
          issue.code === 'tooManyIssues' ? 'tooManyMessages' : (issue.code as ImportMessageCode);
        const at = {
          ...(issue.row !== undefined && { row: issue.row }),
          ...(issue.column !== undefined && { column: issue.column }),
        };
        return importMessage(issue.file, code, issue.params ?? {}, at);
      }),
    );
  }
  return {
    columns: table.header,
    records: table.rows.map((cells, i) => ({ row: table.rowNumbers[i]!, cells })),
    contentPeriod: null,
  };
}

/** Spreadsheet rows (row i is spreadsheet row i + 1); the first row with text is the header. */
export function rowRecords(rows: readonly (readonly string[])[], file: string): SourceRecords {
  const blank = (row: readonly string[] | undefined) => !row || row.every((c) => c.trim() === '');
  const headerIndex = rows.findIndex((r) => !blank(r));
  if (headerIndex < 0) throw new ImportError([importMessage(file, 'emptyFile')]);
  const columns = [...rows[headerIndex]!];
  const records: SourceRecord[] = [];
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const row = rows[i];
    if (blank(row)) continue;
    // Spreadsheets leave out empty trailing cells; they read as empty text, as in a CSV.
    records.push({ row: i + 1, cells: columns.map((_, c) => row![c] ?? '') });
  }
  return { columns, records, contentPeriod: null };
}

/** Objects as records, with the union of their keys (in order of first appearance) as columns. */
function objectRecords(
  objects: readonly unknown[],
  contentPeriod: number | null,
  geometryOf?: (item: unknown) => Geometry | undefined,
  propertiesOf: (item: unknown) => unknown = (item) => item,
): SourceRecords {
  const columns: string[] = [];
  const position = new Map<string, number>();
  const props = objects.map((item) => {
    const p = propertiesOf(item);
    const object = isObject(p) ? p : {};
    for (const key of Object.keys(object)) {
      if (!position.has(key)) {
        position.set(key, columns.length);
        columns.push(key);
      }
    }
    return object;
  });
  const records = props.map((object, i): SourceRecord => {
    const geometry = geometryOf?.(objects[i]);
    return { row: i + 1, cells: columns.map((c) => object[c]), ...(geometry && { geometry }) };
  });
  return { columns, records, contentPeriod };
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const offset = jsonErrorOffset(text) ?? 0;
    const { line, column } = lineColumn(text, offset);
    throw new ImportError([importMessage(file, 'invalidJson', { line, character: column }, { row: line })]);
  }
}

/** Area codes as keys, the kind of object some OData dumps are flattened to (`{ "GM0014": { … } }`). */
const AREA_KEY = /^\s*(NL0[01]|GM\d{4}|WK\d{4}[0-9A-Z]{2}|BU\d{4}[0-9A-Z]{4})\s*$/i;

/**
 * A JSON text: a GeoJSON FeatureCollection (properties as columns, geometry kept), a CBS OData answer
 * (`{ "value": [...] }`), a plain array of row objects, or an object of row objects keyed by area code (read with
 * the key as the OData `WijkenEnBuurten` column).
 */
export function jsonRecords(text: string, file: string): SourceRecords {
  const json = parseJson(text, file);
  const contentPeriod = periodFromContent(json);
  if (isObject(json) && json.type === 'FeatureCollection' && Array.isArray(json.features)) {
    return objectRecords(
      json.features,
      contentPeriod,
      (f) => (isObject(f) && isObject(f.geometry) ? (f.geometry as unknown as Geometry) : undefined),
      (f) => (isObject(f) ? f.properties : undefined),
    );
  }
  if (isObject(json) && Array.isArray(json.value)) return objectRecords(json.value, contentPeriod);
  if (Array.isArray(json)) return objectRecords(json, contentPeriod);
  if (isObject(json)) {
    const entries = Object.entries(json);
    if (entries.length > 0 && entries.every(([key, value]) => AREA_KEY.test(key) && isObject(value))) {
      return objectRecords(
        entries.map(([key, value]) => ({ WijkenEnBuurten: key, ...(value as object) })),
        contentPeriod,
      );
    }
  }
  throw new ImportError([importMessage(file, 'notATable')]);
}
