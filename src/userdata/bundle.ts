/**
 * One file per gemeente that carries everything a user added to a colleague, without a server: a zip (the
 * project's one zip, src/data/zip.ts) holding
 * - `bundle.json`: `{ format, format_version, gemeente, exported_at }`;
 * - `aims.csv`: the package's aims.csv columns (with target_low/high, agreed_with, agreed_on), then the bundle's
 *   bookkeeping columns {@link BOOKKEEPING} (id, updated_at, history, deleted, conflict_of) and origin and level;
 * - `notes.csv`, `signals.csv`: one row per entity, the same bookkeeping columns.
 * Tombstones travel too, so a deletion is not undone by the next import. Every text cell is neutralised for
 * spreadsheets (src/export/neutralise.ts) and restored on import.
 *
 * Import reads the CSVs with the package's CSV reader, names every bad cell by file, row and column (a
 * {@link BundleError}; nothing is stored then), and merges entity by entity ({@link mergeEntities}).
 */
import { parseCsv } from '../data/csv.ts';
import { toCsv } from '../data/csvWrite.ts';
import { cellValue, parseIntegerCell, parseNumberCell } from '../data/issues.ts';
import { AIM_COLUMNS, DIRECTIONS, type Direction, LEVELS, type Level, PackageError, THEMES } from '../data/package.ts';
import { AIM_EXTRA_COLUMNS } from '../data/validateAims.ts';
import { openZip, writeZip, ZipError } from '../data/zip.ts';
import { neutraliseFormula, restoreNeutralised } from '../export/neutralise.ts';
import type { EntityStore } from './store.ts';
import {
  AIM_ORIGINS,
  type BundleIssue,
  type ImportConflict,
  type ImportReport,
  SIGNAL_SOURCES,
  type Toelichting,
  USER_KINDS,
  type UserAim,
  type UserEntity,
  type UserEntityOf,
  type UserKind,
  VALIDATORS,
  type WijkSignal,
} from './types.ts';

export const BUNDLE_FORMAT = 'gebiedskompas-wijkagenda';
export const BUNDLE_FORMAT_VERSION = 1;

/** Columns every bundle CSV ends with: what a merge needs. */
export const BOOKKEEPING = ['id', 'updated_at', 'history', 'deleted', 'conflict_of'] as const;
export const AIMS_BUNDLE_COLUMNS = [...AIM_COLUMNS, ...AIM_EXTRA_COLUMNS, 'origin', 'level', ...BOOKKEEPING] as const;
export const NOTES_COLUMNS = ['area_code', 'indicator_id', 'theme', 'text', 'author', 'date', ...BOOKKEEPING] as const;
export const SIGNALS_COLUMNS = [
  'area_code',
  'date',
  'theme',
  'source',
  'source_other',
  'text',
  ...BOOKKEEPING,
] as const;
const COLUMNS: { [K in UserKind]: readonly string[] } = {
  aims: AIMS_BUNDLE_COLUMNS,
  notes: NOTES_COLUMNS,
  signals: SIGNALS_COLUMNS,
};

/** Thrown when a bundle cannot be read or a row does not validate; nothing has been merged then. */
export class BundleError extends Error {
  constructor(readonly issues: BundleIssue[]) {
    super(
      issues.map((i) => `${i.file}${i.row ? `:${i.row}` : ''}${i.column ? ` [${i.column}]` : ''} ${i.code}`).join('; '),
    );
    this.name = 'BundleError';
  }
}

type Cell = string | number | null;

/** A text cell as a spreadsheet may open it without running it. */
const text = (value: string | null | undefined): string => neutraliseFormula(value ?? '');

function bookkeeping(e: UserEntity): Cell[] {
  return [e.id, e.updatedAt, (e.history ?? []).join(' '), e.deleted ? 1 : null, text(e.conflictOf)];
}

function aimRow(a: UserAim): Cell[] {
  return [
    text(a.indicator_id),
    text(a.area_code),
    a.baseline_period,
    a.target_period,
    a.target_value,
    a.direction,
    text(a.label_nl),
    text(a.label_en),
    a.target_band?.low ?? null,
    a.target_band?.high ?? null,
    text(a.agreed_with),
    a.agreed_on,
    a.origin,
    a.level ?? null,
    ...bookkeeping(a),
  ];
}

const ROWS: { [K in UserKind]: (e: UserEntityOf[K]) => Cell[] } = {
  aims: aimRow,
  notes: (n: Toelichting) => [
    text(n.area_code),
    text(n.indicator_id),
    n.theme,
    text(n.text),
    text(n.author),
    n.date,
    ...bookkeeping(n),
  ],
  signals: (s: WijkSignal) => [
    text(s.area_code),
    s.date,
    s.theme,
    s.source,
    text(s.source_other),
    text(s.text),
    ...bookkeeping(s),
  ],
};

/** One kind as its bundle CSV (tombstones included). */
export function entitiesCsv<K extends UserKind>(kind: K, entities: readonly UserEntityOf[K][]): string {
  return toCsv(
    COLUMNS[kind],
    entities.map((e) => ROWS[kind](e)),
  );
}

/**
 * Live aims in the package's aims.csv format (no bookkeeping), to be put into a package; "all areas of a level"
 * aims are left out, since a package's aim holds for one area or all of them.
 */
export function packageAimsCsv(aims: readonly UserAim[]): string {
  const columns = [...AIM_COLUMNS, ...AIM_EXTRA_COLUMNS];
  const rows = aims
    .filter((a) => !a.deleted && !(a.area_code === null && a.level))
    .map((a) => aimRow(a).slice(0, columns.length));
  return toCsv(columns, rows);
}

const encoder = new TextEncoder();

/** The bundle file of a gemeente: its name (`wijkagenda-GM0363-2026-03-12.zip`) and bytes. */
export async function writeBundle(
  gemeente: string,
  all: { [K in UserKind]: readonly UserEntityOf[K][] },
  now = new Date(),
): Promise<{ name: string; bytes: Uint8Array }> {
  const meta = {
    format: BUNDLE_FORMAT,
    format_version: BUNDLE_FORMAT_VERSION,
    gemeente,
    exported_at: now.toISOString(),
  };
  const bytes = await writeZip([
    { name: 'bundle.json', data: encoder.encode(`${JSON.stringify(meta, null, 2)}\n`) },
    ...USER_KINDS.map((kind) => ({ name: `${kind}.csv`, data: encoder.encode(entitiesCsv(kind, all[kind])) })),
  ]);
  const safe = gemeente.replace(/[^A-Za-z0-9_-]/g, '_');
  return { name: `wijkagenda-${safe}-${meta.exported_at.slice(0, 10)}.zip`, bytes };
}

/** The parts of a zip by file name (a bundle zipped again in a folder, "wijkagenda/aims.csv", still reads). */
async function zipParts(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = openZip(bytes);
  const parts = new Map<string, Uint8Array>();
  for (const name of zip.names) {
    const file = name.split('/').pop() ?? name;
    if (file === '') continue;
    const part = await zip.read(name);
    if (part) parts.set(file, part);
  }
  return parts;
}

/** Reads one bundle CSV into entities; every problem is collected, naming file, row and column. */
function readEntities<K extends UserKind>(kind: K, csvText: string, issues: BundleIssue[]): UserEntityOf[K][] {
  const file = `${kind}.csv`;
  let table: ReturnType<typeof parseCsv>;
  try {
    table = parseCsv(csvText, file);
  } catch (error) {
    if (error instanceof PackageError) {
      issues.push(...error.issues);
      return [];
    }
    throw error;
  }
  const columns = COLUMNS[kind];
  const index = new Map(table.header.map((name, i) => [name.trim(), i]));
  const missing = columns.filter((c) => !index.has(c));
  for (const column of missing) issues.push({ file, column, code: 'missingColumn', params: { value: column } });
  if (missing.length > 0) return [];
  const result: UserEntityOf[K][] = [];
  table.rows.forEach((cells, i) => {
    const row = table.rowNumbers[i]!;
    const raw = (column: string) => cells[index.get(column)!] ?? '';
    const str = (column: string) => restoreNeutralised(raw(column));
    const problem = (column: string, code: string, params?: Record<string, string | number>) =>
      issues.push({ file, row, column, code, ...(params && { params }) });
    const int = (column: string, required = true): number | null => {
      const value = raw(column).trim();
      if (value === '') {
        if (required) problem(column, 'required');
        return null;
      }
      const parsed = parseIntegerCell(value);
      if (!parsed.ok) problem(column, 'notInteger', parsed.params);
      return parsed.ok ? parsed.value : null;
    };
    const num = (column: string): number | null => {
      const value = raw(column).trim();
      if (value === '') return null;
      const parsed = parseNumberCell(value);
      if (!parsed.ok) problem(column, 'notNumeric', parsed.params);
      return parsed.ok ? parsed.value : null;
    };
    const oneOf = <T extends string>(column: string, allowed: readonly T[], optional = false): T | null => {
      const value = raw(column).trim();
      if (value === '' && optional) return null;
      if ((allowed as readonly string[]).includes(value)) return value as T;
      problem(column, value === '' ? 'required' : 'invalidEnum', {
        value: cellValue(value),
        allowed: allowed.join(', '),
      });
      return null;
    };
    const problemsBefore = issues.length;
    const id = str('id').trim();
    if (id === '') problem('id', 'required');
    const updatedAt = int('updated_at');
    const historyText = raw('history').trim();
    const history = historyText === '' ? [] : historyText.split(/\s+/).map(Number);
    if (history.some((h) => !Number.isSafeInteger(h)))
      problem('history', 'notInteger', { value: cellValue(historyText) });
    const deleted = raw('deleted').trim();
    if (!['', '0', '1'].includes(deleted))
      problem('deleted', 'invalidEnum', { value: cellValue(deleted), allowed: '0, 1' });
    const conflictOf = str('conflict_of').trim();
    const base: UserEntity = {
      id,
      updatedAt: updatedAt ?? 0,
      ...(history.length > 0 && { history }),
      ...(deleted === '1' && { deleted: true }),
      ...(conflictOf !== '' && { conflictOf }),
    };
    let entity: UserEntityOf[UserKind] | null = null;
    if (kind === 'aims') {
      const low = num('target_low');
      const high = num('target_high');
      if ((low === null) !== (high === null)) problem(low === null ? 'target_low' : 'target_high', 'required');
      const area = str('area_code').trim();
      const aim: UserAim = {
        ...base,
        indicator_id: str('indicator_id').trim(),
        area_code: area === '' ? null : area,
        baseline_period: int('baseline_period') ?? 0,
        target_period: int('target_period') ?? 0,
        target_value: num('target_value'),
        ...(low !== null && high !== null && { target_band: { low, high } }),
        direction: oneOf<Direction>('direction', DIRECTIONS) ?? 'neutral',
        label_nl: str('label_nl'),
        label_en: str('label_en'),
        agreed_with: str('agreed_with'),
        agreed_on: raw('agreed_on').trim(),
        origin: oneOf('origin', AIM_ORIGINS) ?? 'concept',
      };
      const level = oneOf<Level>('level', LEVELS, true);
      if (level) aim.level = level;
      entity = aim;
    } else if (kind === 'notes') {
      const indicator = str('indicator_id').trim();
      const note: Toelichting = {
        ...base,
        area_code: str('area_code').trim(),
        indicator_id: indicator === '' ? null : indicator,
        theme: oneOf('theme', THEMES, true),
        text: str('text'),
        author: str('author'),
        date: raw('date').trim(),
      };
      entity = note;
    } else {
      const signal: WijkSignal = {
        ...base,
        area_code: str('area_code').trim(),
        date: raw('date').trim(),
        theme: oneOf('theme', THEMES) ?? THEMES[0],
        source: oneOf('source', SIGNAL_SOURCES) ?? 'anders',
        source_other: str('source_other'),
        text: str('text'),
      };
      entity = signal;
    }
    // A row whose cells already failed is not validated as a whole: its stand-in values would add noise.
    if (issues.length === problemsBefore) {
      const problems = (VALIDATORS[kind] as unknown as (e: UserEntityOf[K]) => ReturnType<typeof VALIDATORS.aims>)(
        entity as UserEntityOf[K],
      );
      for (const p of problems) problem(p.field, p.code, p.params);
      if (problems.length === 0) result.push(entity as UserEntityOf[K]);
    }
  });
  return result;
}

/** Reads a bundle file for `gemeente`: its entities by kind; throws a {@link BundleError} naming every problem. */
export async function readBundle(bytes: Uint8Array, gemeente: string): Promise<{ [K in UserKind]: UserEntityOf[K][] }> {
  let parts: Map<string, Uint8Array>;
  try {
    parts = await zipParts(bytes);
  } catch (error) {
    const reason = error instanceof ZipError || error instanceof Error ? error.message : String(error);
    throw new BundleError([{ file: 'bundle', code: 'notBundle', params: { reason } }]);
  }
  const decoder = new TextDecoder('utf-8');
  const metaBytes = parts.get('bundle.json');
  if (!metaBytes) throw new BundleError([{ file: 'bundle.json', code: 'missingFile' }]);
  let meta: Record<string, unknown>;
  try {
    meta = JSON.parse(decoder.decode(metaBytes)) as Record<string, unknown>;
  } catch (error) {
    throw new BundleError([{ file: 'bundle.json', code: 'notBundle', params: { reason: String(error) } }]);
  }
  if (meta?.format !== BUNDLE_FORMAT) {
    throw new BundleError([{ file: 'bundle.json', code: 'notBundle', params: { reason: 'format' } }]);
  }
  if (typeof meta.format_version !== 'number' || meta.format_version > BUNDLE_FORMAT_VERSION) {
    const params = { value: String(meta.format_version), supported: BUNDLE_FORMAT_VERSION };
    throw new BundleError([{ file: 'bundle.json', column: 'format_version', code: 'newerFormat', params }]);
  }
  if (meta.gemeente !== gemeente) {
    const params = { value: cellValue(String(meta.gemeente)), gemeente };
    throw new BundleError([{ file: 'bundle.json', column: 'gemeente', code: 'otherGemeente', params }]);
  }
  const issues: BundleIssue[] = [];
  const read = <K extends UserKind>(kind: K): UserEntityOf[K][] => {
    const part = parts.get(`${kind}.csv`);
    if (!part) {
      issues.push({ file: `${kind}.csv`, code: 'missingFile' });
      return [];
    }
    return readEntities(kind, decoder.decode(part), issues);
  };
  const result = { aims: read('aims'), notes: read('notes'), signals: read('signals') };
  if (issues.length > 0) throw new BundleError(issues);
  return result;
}

/** The content of an entity, without its bookkeeping: two versions with the same content are the same. */
function content(e: UserEntity): string {
  const { updatedAt: _u, history: _h, ...rest } = e as UserEntity & Record<string, unknown>;
  const sorted = Object.fromEntries(
    Object.entries(rest)
      .filter(([, v]) => v !== undefined && v !== null && v !== false)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  return JSON.stringify(sorted);
}

/** A short name of an entity for a conflict message. */
function labelOf(kind: UserKind, e: UserEntity): string {
  const raw = kind === 'aims' ? (e as UserAim).label_nl : (e as Toelichting | WijkSignal).text;
  const words = raw.replace(/\s+/g, ' ').trim();
  return [...words].length > 60 ? `${[...words].slice(0, 59).join('')}…` : words;
}

/** The id of the copy an import makes of its side of a conflict: the same on every import of the same version. */
export function conflictCopyId(id: string, updatedAt: number): string {
  return `${id}~${updatedAt}`;
}

/**
 * Merges imported entities of one kind into the local ones. Per id:
 * - only imported: added (a tombstone of an unknown entity is kept silently, so it is not revived later);
 * - the same content: unchanged;
 * - the imported version descends from the local one (the local updatedAt is in its history): taken over,
 *   deletions included (updated); the local one descends from the imported one: unchanged;
 * - otherwise both were edited: a conflict. The local version stays; the imported one is kept as a copy with
 *   id {@link conflictCopyId} and `conflictOf` the id, never dropped. When either side is a tombstone the newer
 *   side wins instead (a deletion against an edit is not worth two versions, but nothing older overrides newer).
 * Returns what to write and the counts.
 */
export function mergeEntities<K extends UserKind>(
  kind: K,
  local: readonly UserEntityOf[K][],
  imported: readonly UserEntityOf[K][],
): { write: UserEntityOf[K][]; report: ImportReport } {
  const byId = new Map(local.map((e) => [e.id, e]));
  const write: UserEntityOf[K][] = [];
  const report: ImportReport = { added: 0, updated: 0, unchanged: 0, conflicts: [] };
  for (const theirs of imported) {
    const ours = byId.get(theirs.id);
    if (!ours) {
      write.push(theirs);
      if (theirs.deleted) report.unchanged++;
      else report.added++;
      byId.set(theirs.id, theirs);
      continue;
    }
    if (content(ours) === content(theirs)) {
      report.unchanged++;
      continue;
    }
    const theirsDescends = (theirs.history ?? []).includes(ours.updatedAt);
    const oursDescends = (ours.history ?? []).includes(theirs.updatedAt);
    if (oursDescends) {
      report.unchanged++;
    } else if (theirsDescends) {
      write.push(theirs);
      report.updated++;
    } else if (ours.deleted || theirs.deleted) {
      if (theirs.updatedAt > ours.updatedAt) {
        write.push(theirs);
        report.updated++;
      } else report.unchanged++;
    } else {
      const copyId = conflictCopyId(theirs.id, theirs.updatedAt);
      const copy = { ...theirs, id: copyId, conflictOf: theirs.id };
      const existing = byId.get(copyId);
      if (existing && content(existing) === content(copy)) {
        report.unchanged++;
        continue;
      }
      write.push(copy);
      byId.set(copyId, copy);
      report.conflicts.push({ kind, id: theirs.id, copyId, label: labelOf(kind, theirs) } satisfies ImportConflict);
    }
  }
  return { write, report };
}

/** Reads a bundle and merges it into the store for `gemeente`; nothing is written when the file has a problem. */
export async function importBundle(store: EntityStore, gemeente: string, bytes: Uint8Array): Promise<ImportReport> {
  const imported = await readBundle(bytes, gemeente);
  const total: ImportReport = { added: 0, updated: 0, unchanged: 0, conflicts: [] };
  for (const kind of USER_KINDS) {
    const local = (await store.list(kind, gemeente)).items;
    const { write, report } = mergeEntities(kind, local, imported[kind] as UserEntityOf[typeof kind][]);
    if (write.length > 0) await store.put(kind, gemeente, write);
    total.added += report.added;
    total.updated += report.updated;
    total.unchanged += report.unchanged;
    total.conflicts.push(...report.conflicts);
  }
  return total;
}

/** The bundle of everything kept for `gemeente` (tombstones included). */
export async function exportBundle(store: EntityStore, gemeente: string, now = new Date()) {
  const [aims, notes, signals] = await Promise.all(USER_KINDS.map((kind) => store.list(kind, gemeente)));
  return writeBundle(
    gemeente,
    { aims: aims!.items, notes: notes!.items, signals: signals!.items } as { [K in UserKind]: UserEntityOf[K][] },
    now,
  );
}
