/**
 * Reading a Parquet file of own data into text cells, like the CSV and Excel paths (see ownDataParse.ts). The
 * reader (hyparquet, pure JS) and its codecs (Snappy, gzip, Brotli, zstd) load only when a Parquet file comes in:
 * DuckDB-WASM's own Parquet reader is an extension it would download from the internet, which the offline app
 * never does.
 */
import type { SchemaElement } from 'hyparquet';
import type { CsvTable } from '../data/csv.ts';
import { cellValue } from '../data/issues.ts';
import { OwnDataError } from './ownDataError.ts';

/** The shortest decimal text that reads back as the same 32-bit float: `0.1`, not `0.10000000149011612`. */
function float32Text(value: number): string {
  for (let digits = 1; digits < 9; digits++) {
    const text = String(Number(value.toPrecision(digits)));
    if (Math.fround(Number(text)) === value) return text;
  }
  return String(value);
}

/** How a value of a Parquet column is written as a cell: as a CSV export of the same table would write it. */
function parquetCell(element: SchemaElement): (value: unknown) => string {
  const date = element.converted_type === 'DATE' || element.logical_type?.type === 'DATE';
  const float = element.type === 'FLOAT';
  return (value) => {
    if (value === null || value === undefined) return '';
    if (typeof value === 'string') return value;
    if (typeof value === 'number') return float ? float32Text(value) : String(value);
    if (typeof value === 'bigint') return String(value);
    if (typeof value === 'boolean') return value ? 'true' : 'false';
    if (value instanceof Date) {
      if (Number.isNaN(value.getTime())) return '';
      return date ? value.toISOString().slice(0, 10) : value.toISOString();
    }
    if (value instanceof Uint8Array) return new TextDecoder().decode(value);
    // A JSON (or other structured) value in a flat column: its JSON text.
    return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? String(v) : v)) ?? '';
  };
}

/** The bytes as a whole ArrayBuffer (what hyparquet reads), without a copy when they already are one. */
function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  const { buffer, byteOffset, byteLength } = bytes;
  if (buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength) return buffer;
  return bytes.slice().buffer;
}

function notParquet(file: string, error: unknown): OwnDataError {
  const reason = cellValue(error instanceof Error ? error.message : String(error));
  return new OwnDataError([{ file, code: 'notParquet', params: { reason } }]);
}

/**
 * A Parquet file's top-level columns as a table of text cells (see the module comment). Data row i (0-based) is
 * row i + 2, as in a spreadsheet with the header on row 1; rows with every cell empty are skipped, as in a sheet.
 */
export async function parquetTable(bytes: Uint8Array, file: string): Promise<CsvTable> {
  // Loaded here, so that only a Parquet file brings in the reader and its codecs.
  const [{ parquetMetadata, parquetRead, parquetSchema }, { compressors }] = await Promise.all([
    import('hyparquet'),
    import('hyparquet-compressors'),
  ]);
  const buffer = arrayBufferOf(bytes);
  let metadata: ReturnType<typeof parquetMetadata>;
  let columns: ReturnType<typeof parquetSchema>['children'];
  try {
    metadata = parquetMetadata(buffer);
    columns = parquetSchema(metadata).children;
  } catch (error) {
    throw notParquet(file, error);
  }
  const nested = columns.filter((c) => c.children.length > 0 || c.element.repetition_type === 'REPEATED');
  if (nested.length > 0) {
    throw new OwnDataError(
      nested.map((c) => ({
        file,
        column: c.element.name,
        code: 'parquetNestedColumn',
        params: { column: cellValue(c.element.name) },
      })),
    );
  }
  if (columns.length === 0) throw new OwnDataError([{ file, code: 'emptyFile' }]);
  let values: unknown[][] = [];
  try {
    await parquetRead({
      file: buffer,
      metadata,
      compressors,
      onComplete: (rows) => {
        values = rows;
      },
    });
  } catch (error) {
    throw notParquet(file, error);
  }
  const cells = columns.map((c) => parquetCell(c.element));
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  values.forEach((row, i) => {
    const text = cells.map((cell, k) => cell(row[k]));
    if (!text.some((c) => c.trim() !== '')) return;
    rows.push(text);
    rowNumbers.push(i + 2);
  });
  return { header: columns.map((c) => c.element.name), rows, rowNumbers, headerRow: 1, separator: ',' };
}
