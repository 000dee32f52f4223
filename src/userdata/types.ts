/**
 * What a user adds to a package and keeps in her browser, per gemeente (the package's `meta.gemeente`): aims
 * agreed with the wijk, notes (toelichting) next to the figures, and signals heard in the wijk. Own data files are
 * kept beside them in the same store (store.ts). Every entity has a stable `id` and an `updatedAt` so that two
 * copies (two colleagues, two browsers) can be merged without losing either side (bundle.ts).
 *
 * Text is plain text: it is never rendered as HTML, and CSV exports neutralise it for spreadsheets.
 */
import type { Aim, Level, Theme } from '../data/package.ts';
import { DIRECTIONS, LEVELS, THEMES } from '../data/package.ts';
import { isIsoDate } from '../data/validateAims.ts';

export { isIsoDate };

/** How many earlier versions an entity remembers (see {@link UserEntity.history}). */
export const MAX_HISTORY = 50;

/** Fields every kept entity has. */
export interface UserEntity {
  /** Stable across exports and imports (crypto.randomUUID when made in the app). */
  id: string;
  /** Last change, ms since 1970: which of two versions is newer. */
  updatedAt: number;
  /** Set when deleted: the entry stays as a tombstone so that a merge does not bring it back. */
  deleted?: boolean;
  /**
   * The `updatedAt` of the versions this one was made from, oldest first (at most {@link MAX_HISTORY}): an import
   * takes a version over when it descends from the local one, and names a conflict when neither descends from the
   * other (both edited).
   */
  history?: number[];
  /** Set on a copy made by an import when the same id was edited on both sides: the id of the other version. */
  conflictOf?: string;
}

/**
 * Where an aim comes from: `vastgesteld` (set by the gemeente: it is in the package's aims.csv) or `concept`
 * (added in the app; concept until exported and put into a package).
 */
export const AIM_ORIGINS = ['vastgesteld', 'concept'] as const;
export type AimOrigin = (typeof AIM_ORIGINS)[number];

/** An aim as the package's {@link Aim}, with whom and when it was agreed, and where it comes from. */
export interface UserAim extends Aim, UserEntity {
  /**
   * Set with `area_code` null: the aim holds for every area of this level ("alle wijken"). Null/absent with
   * `area_code` null: every area.
   */
  level?: Level | null;
  /** With whom it was agreed ("wijkraad Noorddorp"); empty when not stated. */
  agreed_with: string;
  /** When it was agreed, ISO date (YYYY-MM-DD); empty when not stated. */
  agreed_on: string;
  origin: AimOrigin;
}

/** A short explanation next to a figure: per area × indicator, or per area × theme (then `indicator_id` is null). */
export interface Toelichting extends UserEntity {
  area_code: string;
  indicator_id: string | null;
  theme: Theme | null;
  text: string;
  author: string;
  /** ISO date (YYYY-MM-DD). */
  date: string;
}

/** Where a wijk signal was heard. `anders`: any other source, named in `source_other`. */
export const SIGNAL_SOURCES = ['wijkteam', 'huisarts', 'school', 'bewoners', 'politie', 'anders'] as const;
export type SignalSource = (typeof SIGNAL_SOURCES)[number];

/** A qualitative signal from the wijk, shown beside the data-driven signals. */
export interface WijkSignal extends UserEntity {
  area_code: string;
  /** ISO date (YYYY-MM-DD). */
  date: string;
  theme: Theme;
  source: SignalSource;
  /** The source in words when `source` is `anders` ("buurtsportcoach"); empty otherwise. */
  source_other: string;
  text: string;
}

/** The three kinds of entity, by the name of their store and their file in a bundle. */
export const USER_KINDS = ['aims', 'notes', 'signals'] as const;
export type UserKind = (typeof USER_KINDS)[number];
export interface UserEntityOf {
  aims: UserAim;
  notes: Toelichting;
  signals: WijkSignal;
}

/** Everything kept for one gemeente. */
export interface UserAgenda {
  aims: UserAim[];
  notes: Toelichting[];
  signals: WijkSignal[];
}

/** Length limits, in characters (code points). */
export const TEXT_LIMITS = {
  /** A note's text. */
  note: 1000,
  /** A wijk signal's text. */
  signal: 1000,
  /** An aim's label (nl or en). */
  label: 200,
  /** Short fields: author, agreed_with, source_other. */
  short: 200,
} as const;

/**
 * A validation problem, as an i18n key (`userdata.invalid.<code>`) with params, naming the field. Codes:
 * `required` (field), `tooLong` (field, length, limit), `notDate` (field, value: not an ISO date YYYY-MM-DD),
 * `notText` (field: holds control characters other than line breaks and tabs), `unknownValue` (field, value: not
 * one of the allowed values), `notNumber` (field, value), `periodOrder` (baseline, target), `bandOrder` (low, high).
 */
export interface UserDataProblem {
  code: 'required' | 'tooLong' | 'notDate' | 'notText' | 'unknownValue' | 'notNumber' | 'periodOrder' | 'bandOrder';
  field: string;
  params?: Record<string, string | number>;
}

// Control characters other than tab, line feed and carriage return: never typed, can hide or garble text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Length as a reader counts it: code points, so an emoji is one. */
export function textLength(text: string): number {
  return [...text].length;
}

function checkText(problems: UserDataProblem[], field: string, value: string, limit: number, required: boolean): void {
  if (required && value.trim() === '') problems.push({ code: 'required', field });
  const length = textLength(value);
  if (length > limit) problems.push({ code: 'tooLong', field, params: { length, limit } });
  if (CONTROL.test(value)) problems.push({ code: 'notText', field });
}

function checkDate(problems: UserDataProblem[], field: string, value: string, required: boolean): void {
  if (value === '') {
    if (required) problems.push({ code: 'required', field });
  } else if (!isIsoDate(value)) problems.push({ code: 'notDate', field, params: { value } });
}

/** Problems of an aim's own fields (known indicator and area are checked against the package by the caller). */
export function validateUserAim(aim: UserAim): UserDataProblem[] {
  const problems: UserDataProblem[] = [];
  checkText(problems, 'indicator_id', aim.indicator_id, TEXT_LIMITS.short, true);
  checkText(problems, 'label_nl', aim.label_nl, TEXT_LIMITS.label, true);
  checkText(problems, 'label_en', aim.label_en, TEXT_LIMITS.label, false);
  checkText(problems, 'agreed_with', aim.agreed_with, TEXT_LIMITS.short, false);
  checkDate(problems, 'agreed_on', aim.agreed_on, false);
  for (const field of ['baseline_period', 'target_period'] as const) {
    if (!Number.isInteger(aim[field]))
      problems.push({ code: 'notNumber', field, params: { value: String(aim[field]) } });
  }
  if (aim.target_period <= aim.baseline_period) {
    problems.push({
      code: 'periodOrder',
      field: 'target_period',
      params: { baseline: aim.baseline_period, target: aim.target_period },
    });
  }
  if (aim.target_value !== null && !Number.isFinite(aim.target_value)) {
    problems.push({ code: 'notNumber', field: 'target_value', params: { value: String(aim.target_value) } });
  }
  if (aim.target_band && !(aim.target_band.low <= aim.target_band.high)) {
    problems.push({ code: 'bandOrder', field: 'target_low', params: { ...aim.target_band } });
  }
  if (aim.level != null && !(LEVELS as readonly string[]).includes(aim.level)) {
    problems.push({ code: 'unknownValue', field: 'level', params: { value: String(aim.level) } });
  }
  if (!(DIRECTIONS as readonly string[]).includes(aim.direction)) {
    problems.push({ code: 'unknownValue', field: 'direction', params: { value: String(aim.direction) } });
  }
  if (!(AIM_ORIGINS as readonly string[]).includes(aim.origin)) {
    problems.push({ code: 'unknownValue', field: 'origin', params: { value: String(aim.origin) } });
  }
  return problems;
}

/** Problems of a note. */
export function validateToelichting(note: Toelichting): UserDataProblem[] {
  const problems: UserDataProblem[] = [];
  checkText(problems, 'area_code', note.area_code, TEXT_LIMITS.short, true);
  checkText(problems, 'text', note.text, TEXT_LIMITS.note, true);
  checkText(problems, 'author', note.author, TEXT_LIMITS.short, false);
  checkDate(problems, 'date', note.date, true);
  if (note.theme !== null && !(THEMES as readonly string[]).includes(note.theme)) {
    problems.push({ code: 'unknownValue', field: 'theme', params: { value: String(note.theme) } });
  }
  if (note.indicator_id === null && note.theme === null) problems.push({ code: 'required', field: 'indicator_id' });
  return problems;
}

/** Problems of a wijk signal. */
export function validateWijkSignal(signal: WijkSignal): UserDataProblem[] {
  const problems: UserDataProblem[] = [];
  checkText(problems, 'area_code', signal.area_code, TEXT_LIMITS.short, true);
  checkText(problems, 'text', signal.text, TEXT_LIMITS.signal, true);
  checkText(problems, 'source_other', signal.source_other, TEXT_LIMITS.short, signal.source === 'anders');
  checkDate(problems, 'date', signal.date, true);
  if (!(THEMES as readonly string[]).includes(signal.theme)) {
    problems.push({ code: 'unknownValue', field: 'theme', params: { value: String(signal.theme) } });
  }
  if (!(SIGNAL_SOURCES as readonly string[]).includes(signal.source)) {
    problems.push({ code: 'unknownValue', field: 'source', params: { value: String(signal.source) } });
  }
  return problems;
}

/** The validator of each kind. */
export const VALIDATORS: { [K in UserKind]: (entity: UserEntityOf[K]) => UserDataProblem[] } = {
  aims: validateUserAim,
  notes: validateToelichting,
  signals: validateWijkSignal,
};

/** Where saved data is kept: in the browser across reloads, or only for this page's life (and why: `memory`, `quota`, or the browser's message). */
export type Kept = { kept: 'browser' } | { kept: 'session'; reason: string };

/** An entity as the app makes it: the store gives it its id and updatedAt. */
export type NewEntity<K extends UserKind> = Omit<
  UserEntityOf[K],
  'id' | 'updatedAt' | 'deleted' | 'conflictOf' | 'history'
>;

/** The outcome of adding or changing an entity: saved (and where), or refused with the problems. */
export type SaveResult<K extends UserKind> =
  | ({ ok: true; entity: UserEntityOf[K] } & Kept)
  | { ok: false; problems: UserDataProblem[] };

/** A problem in an imported bundle, naming the file in it, the row (header = 1) and column. */
export interface BundleIssue {
  file: string;
  row?: number;
  column?: string;
  /** `userdata.bundle.<code>`: notBundle, otherGemeente, newerFormat, missingFile, missingColumn, or a {@link UserDataProblem} code. */
  code: string;
  params?: Record<string, string | number>;
}

/** The same id edited on both sides: both versions are kept, the imported one as a copy with its own id. */
export interface ImportConflict {
  kind: UserKind;
  /** The id both sides had; the local version keeps it. */
  id: string;
  /** The id of the imported version's copy (its `conflictOf` is `id`). */
  copyId: string;
  /** A short name for the message: the aim's label, or the first words of the note or signal. */
  label: string;
}

/** What an import did, per kind summed: new entities, newer versions taken over, identical ones, and conflicts. */
export interface ImportReport {
  added: number;
  updated: number;
  unchanged: number;
  conflicts: ImportConflict[];
}

/**
 * What `useUserAgenda(gemeente)` gives the UI. Lists hold live entities only (no tombstones), oldest first.
 * `add`/`update` validate first and refuse with problems; `importBundle` throws a BundleError (issues) on a bad file.
 */
export interface UserAgendaApi extends UserAgenda {
  /** False until the store has been read for this gemeente. */
  ready: boolean;
  /** Where the last save was kept (null before any save): show "alleen deze sessie" when `session`. */
  kept: Kept | null;
  /** Ids of stored entries that could not be read back (damaged storage); skipped. */
  damaged: string[];
  add<K extends UserKind>(kind: K, entity: NewEntity<K>): Promise<SaveResult<K>>;
  update<K extends UserKind>(kind: K, id: string, patch: Partial<NewEntity<K>>): Promise<SaveResult<K>>;
  remove(kind: UserKind, id: string): Promise<void>;
  /** The bundle of this gemeente: a zip file name and its bytes. */
  exportBundle(): Promise<{ name: string; bytes: Uint8Array }>;
  importBundle(bytes: Uint8Array): Promise<ImportReport>;
  /**
   * One kind as a CSV file of its own: aims in the package's aims.csv format (to put into a package), notes and
   * signals as in the bundle; live entities only, text neutralised for spreadsheets.
   */
  exportCsv(kind: UserKind): { name: string; text: string };
}
