/**
 * `npm run import:cbs`: CBS files on disk → a dataset package folder. Reads each file by what it holds (kwb
 * download .csv/.xlsx, Wijk- en buurtkaart or PDOK GeoJSON, OData JSON with its DataProperties), builds the package
 * with the same code the app uses, simplifies its boundaries per level (scripts/geo/simplify.ts; --no-simplify keeps
 * them), checks it with the app's own validators, and only then replaces the folder —
 * which must be new, empty, or a package the importer wrote itself (see outFolder.ts).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { declareFirstView } from '../../src/data/firstView.ts';
import { jsonErrorOffset, lineColumn } from '../../src/data/jsonPosition.ts';
import { PackageError, type PackageFiles } from '../../src/data/package.ts';
import { validateAreas, validateDatasetMeta, validateIndicators } from '../../src/data/validate.ts';
import { buildPackage } from '../../src/import/cbs/buildPackage.ts';
import { decodeText } from '../../src/import/cbs/decode.ts';
import { ImportError, type ImportMessage, importMessage } from '../../src/import/cbs/messages.ts';
import { readSource, readSourceRows, type SourceTable } from '../../src/import/cbs/readSource.ts';
import { readXlsxRows } from '../../src/import/cbs/xlsx.ts';
import { writeFirstView } from '../firstView.ts';
import { areasVertexCount, simplifyAreas } from '../geo/simplify.ts';
import { checkOutFolder, markDatasetJson, replaceWithStaged, siblingOf } from './outFolder.ts';

export interface ImportOptions {
  out: string;
  files: string[];
  gemeenten?: string[];
  period?: number;
  codeField?: string;
  id?: string;
  title?: string;
  /** false keeps the boundaries exactly as the sources drew them (--no-simplify). */
  simplify?: boolean;
}

export interface ImportResult {
  out: string;
  areas: number;
  indicators: number;
  observations: number;
  periods: number[];
  mergers: { from: string; to: string }[];
  crosswalked: string[];
  unmapped: string[];
  warnings: string[];
  /** Size of areas.geojson as built from the sources and as written (the same with --no-simplify). */
  boundaries: { bytesBefore: number; bytesAfter: number; verticesBefore: number; verticesAfter: number };
}

/** An OData metadata file (not figures): `<table>_DataProperties.json`, `<table>_TableInfos.json`. */
const METADATA = /(DataProperties|TableInfos)[^/]*\.json$/i;
const tableIdOf = (name: string) => /\d{5}[A-Z]{3}/.exec(name)?.[0] ?? null;

/** A metadata file; its errors name it (not the data file it is read for). */
function readJson(path: string): unknown {
  const file = basename(path);
  if (!existsSync(path)) throw new ImportError([importMessage(file, 'fileNotFound', { path })]);
  const text = decodeText(readFileSync(path), file);
  try {
    return JSON.parse(text);
  } catch {
    const { line, column } = lineColumn(text, jsonErrorOffset(text) ?? 0);
    throw new ImportError([importMessage(file, 'invalidJson', { line, character: column }, { row: line })]);
  }
}

/** The DataProperties and TableInfos given for the table a file belongs to (matched by table id in the name). */
function metadataFor(file: string, metadata: readonly string[]) {
  const table = tableIdOf(basename(file));
  const pick = (kind: string) => {
    const candidates = metadata.filter((m) => basename(m).includes(kind));
    const match = candidates.find((m) => table !== null && basename(m).includes(table));
    return match ?? (candidates.length === 1 ? candidates[0] : undefined);
  };
  const properties = pick('DataProperties');
  const infos = pick('TableInfos');
  return {
    ...(properties && { dataProperties: readJson(properties) }),
    ...(infos && { tableInfos: readJson(infos) }),
  };
}

/** One source file → its table. Errors name the file (and row and column where they have them). */
export async function readSourceFile(
  path: string,
  options: { period?: number; codeField?: string },
  metadata: string[],
) {
  const fileName = basename(path);
  if (!existsSync(path)) throw new ImportError([importMessage(fileName, 'fileNotFound', { path })]);
  const bytes = readFileSync(path);
  const common = {
    fileName,
    ...(options.period !== undefined && { period: options.period }),
    ...(options.codeField !== undefined && { codeField: options.codeField }),
    ...metadataFor(path, metadata),
  };
  if (/\.xlsx$/i.test(fileName)) return readSourceRows({ ...common, rows: await readXlsxRows(bytes, fileName) });
  return readSource({ ...common, text: decodeText(bytes, fileName) });
}

/** The package's files checked by the app's own validators (the observations are checked when the app loads). */
function validateBuilt(files: Record<string, string>): void {
  validateDatasetMeta(files['dataset.json']!);
  validateAreas(files['areas.geojson']!);
  validateIndicators(files['indicators.csv']!);
}

export async function importCbs(options: ImportOptions): Promise<ImportResult> {
  const out = resolve(options.out);
  // Refused before any work: a folder with other content is never touched, not even after a long import.
  checkOutFolder(out, options.out);
  const metadata = options.files.filter((f) => METADATA.test(basename(f)));
  const sources = options.files.filter((f) => !METADATA.test(basename(f)));
  const errors: ImportMessage[] = [];
  const tables: SourceTable[] = [];
  for (const file of sources) {
    try {
      tables.push(await readSourceFile(file, options, metadata));
    } catch (error) {
      if (error instanceof ImportError) errors.push(...error.messages);
      else if (error instanceof SyntaxError)
        errors.push(importMessage(basename(file), 'invalidJson', { line: '?', character: '?' }));
      else throw error;
    }
  }
  if (errors.length > 0) throw new ImportError(errors);
  const built = buildPackage(tables, {
    id: options.id ?? basename(out),
    ...(options.title !== undefined && { title: options.title }),
    ...(options.gemeenten !== undefined && { gemeenten: options.gemeenten }),
  });
  // PDOK draws boundaries to the metre; a national package at that detail is tens of megabytes the map never shows.
  const areas = built.files['areas.geojson'];
  const simplified = options.simplify === false ? null : await simplifyAreas(areas);
  if (simplified) built.files['areas.geojson'] = simplified.text;
  validateBuilt(built.files);

  // Written beside the target and renamed into place: a failed import leaves an existing package as it was.
  mkdirSync(dirname(out), { recursive: true });
  const staging = siblingOf(out, 'importing');
  rmSync(staging, { recursive: true, force: true });
  try {
    mkdirSync(staging);
    const written = Object.fromEntries(
      Object.entries(built.files).map(([name, text]) => [
        name,
        name === 'dataset.json' ? declareFirstView(markDatasetJson(text)) : text,
      ]),
    );
    for (const [name, text] of Object.entries(written)) writeFileSync(join(staging, name), text);
    // The precomputed first view (src/data/firstView.ts), from the package as the app loads it.
    await writeFirstView(written as unknown as PackageFiles, staging);
    // Checked again just before the swap: the folder may have changed while the import ran.
    checkOutFolder(out, options.out);
    replaceWithStaged(out, staging);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  return {
    out,
    areas: built.summary.areas,
    indicators: built.summary.indicators,
    observations: built.summary.observations,
    periods: built.summary.periods,
    mergers: built.summary.mergers.map(({ from, to }) => ({ from, to })),
    crosswalked: built.summary.crosswalked,
    unmapped: built.summary.unmapped,
    warnings: built.warnings.map((w) => w.text),
    boundaries: {
      bytesBefore: Buffer.byteLength(areas),
      bytesAfter: Buffer.byteLength(built.files['areas.geojson']),
      verticesBefore: simplified?.verticesBefore ?? areasVertexCount(areas),
      verticesAfter: simplified?.verticesAfter ?? areasVertexCount(areas),
    },
  };
}

export { ImportError, PackageError };
