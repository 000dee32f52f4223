import type { FeatureCollection } from 'geojson';
import type { Connector } from '../db/connector.ts';
import { sqlIdentifier } from '../queries/sql.ts';
import { checkColumns } from './columns.ts';
import { readHeaderLine } from './csv.ts';
import { parseJsonFile } from './issues.ts';
import { type MapGeometry, packageGeometry, perLevelGeometry } from './mapGeometry.ts';
import { createMetaTables, readCsv } from './metaTables.ts';
import { checkObservations, csvReaderIssue, isOutOfMemory, outOfMemoryIssue } from './observationChecks.ts';
import {
  type Aim,
  type Area,
  type DatasetMeta,
  type Indicator,
  OBSERVATION_COLUMNS,
  OBSERVATION_OPTIONAL_COLUMNS,
  PACKAGE_FILES,
  PackageError,
  type PackageFiles,
  type PackageIssue,
} from './package.ts';
import { PartitionStore } from './partitions.ts';
import { publishObservations } from './publish.ts';
import {
  validateAims,
  validateAreas,
  validateAreaTable,
  validateDatasetMeta,
  validateIndicators,
  validateLevelGeometry,
} from './validate.ts';

/** A package that passed validation and now lives in DuckDB (tables behind the views `areas`, `observations` …). */
export interface LoadedPackage {
  meta: DatasetMeta;
  areas: Area[];
  indicators: Indicator[];
  aims: Aim[];
  geometry: MapGeometry;
  /** For a partitioned package: loads observation files on demand. Null when all observations are loaded. */
  partitions: PartitionStore | null;
  /**
   * This load's own tables (quoted identifiers). Whoever adds to the package later (own data) names these rather than
   * following the views, which by then may point at a package loaded after this one.
   */
  tables: { areas: string; members: string; indicators: string; observations: string };
  /**
   * Per area, the latest period with social-domain values (src/queries/socialPeriods.ts), asked after loading; the
   * year the app opens on (src/app/resolveSelection.ts). Absent for a partitioned package (nothing loaded yet).
   */
  socialPeriods?: ReadonlyMap<string, number>;
}

/**
 * A validated package whose tables exist under their own names while the views still show the package before it.
 * The caller decides whether it becomes the loaded one: the app drops a load the user has already moved away from.
 */
export interface StagedPackage {
  /** Points the views at this package's tables, drops the previous package's, and returns it. */
  commit(): Promise<LoadedPackage>;
  /** Drops this package's tables; the loaded package stays as it is. */
  discard(): Promise<void>;
}

/** The views every query reads; they point at the tables of the package loaded last. */
export const VIEWS = ['areas', 'members', 'indicators', 'aims', 'observations'] as const;

const GENERATION_TABLES = ['areas', 'members', 'indicators', 'aims', 'stage', 'observations'] as const;
let generation = 0;
let current: number | null = null;
let currentStore: PartitionStore | null = null;

function tableName(g: number, name: (typeof GENERATION_TABLES)[number]): string {
  return sqlIdentifier(`gk${g}_${name}`);
}

/** Runs a validator and collects its issues instead of stopping at the first broken file. */
function collect<T>(issues: PackageIssue[], run: () => T): T | null {
  try {
    return run();
  } catch (error) {
    if (error instanceof PackageError) {
      issues.push(...error.issues);
      return null;
    }
    throw error;
  }
}

/** Points the views at generation `g` and drops the tables of the package before it. */
async function switchTo(db: Connector, g: number) {
  // Closed first, before any await: a partition load of the old package must not point `observations` back at it.
  currentStore?.close();
  currentStore = null;
  for (const view of VIEWS) await db.query(`CREATE OR REPLACE VIEW ${view} AS SELECT * FROM ${tableName(g, view)}`);
  if (current !== null) await dropGeneration(db, current);
  current = g;
}

async function dropGeneration(db: Connector, g: number) {
  for (const name of GENERATION_TABLES) await db.query(`DROP TABLE IF EXISTS ${tableName(g, name)}`);
  // The tables of the partitions it loaded (src/data/partitions.ts).
  const parts = await db.query(
    `SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' AND starts_with(table_name, 'gk${g}_part_')`,
  );
  for (const r of parts.toArray())
    await db.query(`DROP TABLE IF EXISTS ${sqlIdentifier(String((r.toJSON() as { table_name: string }).table_name))}`);
}

function tablesOf(g: number): LoadedPackage['tables'] {
  return {
    areas: tableName(g, 'areas'),
    members: tableName(g, 'members'),
    indicators: tableName(g, 'indicators'),
    observations: tableName(g, 'observations'),
  };
}

/** A staged package that commits at most once, and cannot be committed once discarded (or the reverse). */
function staged(db: Connector, g: number, finish: () => LoadedPackage): StagedPackage {
  let state: 'staged' | 'committed' | 'discarded' = 'staged';
  return {
    async commit() {
      if (state !== 'staged') throw new Error(`package generation ${g} was ${state} already`);
      state = 'committed';
      await switchTo(db, g);
      return finish();
    },
    async discard() {
      if (state !== 'staged') return;
      state = 'discarded';
      await dropGeneration(db, g);
    },
  };
}

/**
 * Validates a package and loads it into DuckDB. Either everything is valid and the views switch to the new tables,
 * or a PackageError lists every issue found and the previously loaded package stays in place, untouched.
 */
export async function loadPackage(db: Connector, files: Partial<PackageFiles>): Promise<LoadedPackage> {
  return (await stagePackage(db, files)).commit();
}

/**
 * Validates a package and creates its tables beside the loaded package's, without switching to them; a PackageError
 * (nothing created) when it is not valid.
 */
export async function stagePackage(db: Connector, files: Partial<PackageFiles>): Promise<StagedPackage> {
  const missing = PACKAGE_FILES.filter((f) => files[f] === undefined);
  if (missing.length > 0) throw new PackageError(missing.map((file) => ({ file, code: 'missingFile' })));
  const text = files as PackageFiles;

  const issues: PackageIssue[] = [];
  const meta = collect(issues, () => validateDatasetMeta(text['dataset.json']));
  const areas = collect(issues, () => validateAreas(text['areas.geojson']));
  const indicators = collect(issues, () => validateIndicators(text['indicators.csv']));
  const aims =
    areas && indicators && meta
      ? collect(issues, () => validateAims(text['aims.csv'], indicators, areas, meta.periods))
      : null;
  const obsHeader = collect(issues, () => readHeaderLine(text['observations.csv'], 'observations.csv'));
  if (obsHeader)
    issues.push(...checkColumns(obsHeader, OBSERVATION_COLUMNS, 'observations.csv', OBSERVATION_OPTIONAL_COLUMNS));
  if (issues.length > 0 || !meta || !areas || !indicators || !aims || !obsHeader) throw new PackageError(issues);

  const g = ++generation;
  const t = (name: (typeof GENERATION_TABLES)[number]) => tableName(g, name);
  const obsFile = `gk${g}_observations.csv`;
  try {
    await createMetaTables(db, g, t, { areas, indicators, aims });

    await db.registerFile(obsFile, text['observations.csv']);
    // The optional `status` column is always staged (NULL when the file has none), so the checks and publish see one shape.
    const stageColumns = [...OBSERVATION_COLUMNS, ...OBSERVATION_OPTIONAL_COLUMNS].map((c) =>
      obsHeader.includes(c)
        ? `nullif(trim(${sqlIdentifier(c)}), '') AS ${sqlIdentifier(c)}`
        : `CAST(NULL AS VARCHAR) AS ${sqlIdentifier(c)}`,
    );
    try {
      await db.query(`CREATE TABLE ${t('stage')} AS
        SELECT * FROM (
          SELECT row_number() OVER () + 1 AS rownum, ${stageColumns.join(', ')}
          FROM ${readCsv(obsFile, obsHeader)})`);
    } catch (error) {
      throw new PackageError([csvReaderIssue('observations.csv', error)]);
    } finally {
      await db.dropFile(obsFile);
    }
    const obsIssues = await checkObservations(
      db,
      { stage: t('stage'), areas: t('areas'), indicators: t('indicators') },
      meta.periods,
    );
    if (obsIssues.length > 0) throw new PackageError(obsIssues);

    // Sorted by (indicator, period, area) inside: DuckDB's zone maps then skip most row groups for a one-indicator map.
    await publishObservations(
      db,
      { source: t('stage'), indicators: t('indicators'), members: t('members'), areas: t('areas'), hasStatus: true },
      t('observations'),
    );
    await db.query(`DROP TABLE ${t('stage')}`);
  } catch (error) {
    // Cleaning up may fail too after the engine ran out of memory: the first error is the one to report.
    await dropGeneration(db, g).catch(() => {});
    // Out of memory anywhere on the way (copying the file in, staging, publishing): name the file, not DuckDB's text.
    if (isOutOfMemory(error)) throw new PackageError([outOfMemoryIssue('observations.csv')]);
    throw error;
  }

  return staged(db, g, () => {
    // Parsed as the validator did (a byte order mark stripped), so a BOM that passed validation cannot throw here.
    const collection = parseJsonFile(text['areas.geojson'], 'areas.geojson') as FeatureCollection;
    return {
      meta,
      areas,
      indicators,
      aims,
      geometry: packageGeometry(collection, areas, meta.default_period),
      partitions: null,
      tables: tablesOf(g),
    };
  });
}

/** The small files of a partitioned package (observations and wijk/buurt geometry are fetched when needed). */
export interface PartitionedFiles {
  'dataset.json': string;
  'areas.csv': string;
  'indicators.csv': string;
  'aims.csv': string;
  'geo/gemeente.geojson': string;
}

/**
 * Validates the small files of a partitioned package and makes it the loaded one, with an empty observations table
 * (own data lands there) beside which its PartitionStore loads files as views ask for data. `base` is the package's URL (for geometry files).
 */
export async function loadPartitionedPackage(
  db: Connector,
  files: PartitionedFiles,
  base: string,
  fetchBytes: (path: string) => Promise<Uint8Array>,
): Promise<LoadedPackage> {
  return (await stagePartitionedPackage(db, files, base, fetchBytes)).commit();
}

/** {@link loadPartitionedPackage} up to its tables, without switching to them (see {@link stagePackage}). */
export async function stagePartitionedPackage(
  db: Connector,
  files: PartitionedFiles,
  base: string,
  fetchBytes: (path: string) => Promise<Uint8Array>,
): Promise<StagedPackage> {
  const issues: PackageIssue[] = [];
  const meta = collect(issues, () => validateDatasetMeta(files['dataset.json']));
  const areas = collect(issues, () => validateAreaTable(files['areas.csv']));
  const indicators = collect(issues, () => validateIndicators(files['indicators.csv']));
  const aims =
    areas && indicators && meta
      ? collect(issues, () => validateAims(files['aims.csv'], indicators, areas, meta.periods))
      : null;
  let gemeenten: FeatureCollection | null = null;
  try {
    gemeenten = validateLevelGeometry(files['geo/gemeente.geojson'], 'geo/gemeente.geojson', 'gemeente');
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
    issues.push(...error.issues);
  }
  if (issues.length > 0 || !meta || !areas || !indicators || !aims || !gemeenten) throw new PackageError(issues);

  const g = ++generation;
  const t = (name: (typeof GENERATION_TABLES)[number]) => tableName(g, name);
  try {
    await createMetaTables(db, g, t, { areas, indicators, aims });
    await db.query(`CREATE TABLE ${t('observations')} (area_code VARCHAR, indicator_id VARCHAR, period SMALLINT,
      value DOUBLE, numerator DOUBLE, denominator DOUBLE, suppressed BOOLEAN, status VARCHAR)`);
  } catch (error) {
    await dropGeneration(db, g);
    throw error;
  }
  const geoms = gemeenten;
  return staged(db, g, () => {
    const partitions = new PartitionStore(db, fetchBytes, tablesOf(g), {
      prefix: `gk${g}`,
      available: indicatorPeriodsOf(files['dataset.json']),
      indicators,
      areas,
      published: meta.published === 'build',
    });
    currentStore = partitions;
    return {
      meta,
      areas,
      indicators,
      aims,
      geometry: perLevelGeometry(geoms, base),
      partitions,
      tables: tablesOf(g),
    };
  });
}

/** `indicator_periods` of a partitioned dataset.json: which map files exist (survey indicators skip years). */
function indicatorPeriodsOf(metaText: string): Record<string, number[]> | null {
  const value = (parseJsonFile(metaText, 'dataset.json') as { indicator_periods?: unknown }).indicator_periods;
  if (typeof value !== 'object' || value === null) return null;
  const out: Record<string, number[]> = {};
  for (const [id, periods] of Object.entries(value)) {
    if (Array.isArray(periods)) out[id] = periods.filter((p): p is number => Number.isInteger(p));
  }
  return out;
}
