/**
 * Validates `areas.geojson`. Issues name the feature as `row` (feature index + 1) and the property as `column`
 * (or `geometry`).
 */
import type { FeatureCollection } from 'geojson';
import { checkGeometry } from './geometry.ts';
import { IssueCollector, isObject, jsonValue, parseJsonFile } from './issues.ts';
import { type Area, type AreaName, LEVELS, type Level } from './package.ts';
import { readTable } from './table.ts';

const FILE = 'areas.geojson';

/** The code format of each CBS level; `gebied` codes are free (see {@link CUSTOM_CODE}). */
const CBS_CODES: Record<Exclude<Level, 'gebied'>, { pattern: RegExp; example: string }> = {
  land: { pattern: /^NL00$/, example: 'NL00' },
  gemeente: { pattern: /^GM\d{4}$/, example: 'GM0000' },
  // Since 2023 CBS gives some wijken and buurten letters after the gemeente's digits (Amsterdam: WK0363MB).
  wijk: { pattern: /^WK\d{4}[0-9A-Z]{2}$/, example: 'WK000000' },
  buurt: { pattern: /^BU\d{4}[0-9A-Z]{4}$/, example: 'BU00000000' },
};

/** A `gebied` code: non-empty, no whitespace or control characters, at most 32 characters. */
const CUSTOM_CODE = /^[^\s\p{Cc}]{1,32}$/u;
const CUSTOM_CODE_MAX = 32;

/** The level an area's parent must have. */
const PARENT_LEVEL: Record<Level, Level | null> = {
  land: null,
  gemeente: 'land',
  wijk: 'gemeente',
  buurt: 'wijk',
  gebied: 'gemeente',
};

interface Draft {
  row: number;
  code: string | null;
  name: string;
  level: Level | null;
  parent: string | null;
  members: string[] | undefined;
  first: number | null;
  last: number | null;
  /** The optional `names` property: the name per period the source gave, when it changed. */
  names: AreaName[];
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

/** Reads one feature's properties and geometry, reporting what is wrong with them on their own. */
function readFeature(feature: unknown, row: number, issues: IssueCollector): Draft {
  if (!isObject(feature) || feature.type !== 'Feature') {
    const found = isObject(feature) ? feature.type : feature;
    issues.add({ row, code: 'notFeature', params: { value: jsonValue(found) } });
    const empty = { first: null, last: null, names: [] };
    return { row, code: null, name: '', level: null, parent: null, members: undefined, ...empty };
  }
  const draft = readAreaProperties(isObject(feature.properties) ? feature.properties : {}, row, issues);
  for (const issue of checkGeometry(feature.geometry, draft.level, draft.code))
    issues.add({ row, column: 'geometry', ...issue });
  return draft;
}

/** Reads an area's properties (from a GeoJSON feature or a row of areas.csv), reporting what is wrong on its own. */
function readAreaProperties(props: { [key: string]: unknown }, row: number, issues: IssueCollector): Draft {
  const draft: Draft = {
    row,
    code: null,
    name: '',
    level: null,
    parent: null,
    members: undefined,
    first: null,
    last: null,
    names: readNames(props.names, row, issues),
  };
  const required = (column: string, value: unknown) =>
    issues.add({ row, column, code: 'required', ...(value != null && { params: { value: jsonValue(value) } }) });

  if (typeof props.level !== 'string' || props.level === '') required('level', props.level);
  else if ((LEVELS as readonly string[]).includes(props.level)) draft.level = props.level as Level;
  else {
    const params = { value: jsonValue(props.level), allowed: LEVELS.join(', ') };
    issues.add({ row, column: 'level', code: 'invalidEnum', params });
  }

  if (!nonEmptyString(props.code)) required('code', props.code);
  else {
    draft.code = props.code;
    // The quoted value only for an issue: made for every one of a national package's 18.000 rows, it was garbage the
    // start screen waited for.
    if (draft.level === 'gebied') {
      if (!CUSTOM_CODE.test(props.code)) {
        const params = { value: jsonValue(props.code), max: CUSTOM_CODE_MAX };
        issues.add({ row, column: 'code', code: 'invalidCustomCode', params });
      }
    } else if (draft.level) {
      const { pattern, example } = CBS_CODES[draft.level];
      if (!pattern.test(props.code)) {
        const params = { value: jsonValue(props.code), level: draft.level, expected: example };
        issues.add({ row, column: 'code', code: 'invalidAreaCode', params });
      }
    }
  }

  if (!nonEmptyString(props.name)) required('name', props.name);
  else draft.name = props.name;

  if (draft.level !== 'land') {
    if (nonEmptyString(props.parent)) draft.parent = props.parent;
    else if (draft.level) required('parent', props.parent);
  }

  const members = props.members;
  const hasMembers = members != null && !(Array.isArray(members) && members.length === 0);
  if (draft.level === 'gebied') {
    if (!Array.isArray(members) || members.length === 0 || !members.every(nonEmptyString)) {
      required('members', members);
    } else draft.members = members;
  } else if (hasMembers && draft.level) {
    issues.add({ row, column: 'members', code: 'membersNotAllowed', params: { value: draft.level } });
  }

  draft.first = readPeriod(props, 'first_period', row, issues);
  draft.last = readPeriod(props, 'last_period', row, issues);
  if (draft.first !== null && draft.last !== null && draft.first > draft.last)
    issues.add({ row, column: 'first_period', code: 'periodOrder', params: { first: draft.first, last: draft.last } });
  return draft;
}

/** The optional `names` property: an object from period (a whole number) to the area's name from that period on. */
function readNames(value: unknown, row: number, issues: IssueCollector): AreaName[] {
  if (value === undefined || value === null) return [];
  if (!isObject(value)) {
    issues.add({ row, column: 'names', code: 'required', params: { value: jsonValue(value) } });
    return [];
  }
  const names: AreaName[] = [];
  for (const [period, name] of Object.entries(value)) {
    const from = Number(period);
    if (!Number.isInteger(from)) issues.add({ row, column: 'names', code: 'notInteger', params: { value: period } });
    else if (!nonEmptyString(name))
      issues.add({ row, column: 'names', code: 'required', params: { value: jsonValue(name) } });
    else names.push({ from, name });
  }
  return names.sort((a, b) => a.from - b.from);
}

/** An optional whole-number period property (a number in GeoJSON, text in areas.csv); empty means unbounded. */
function readPeriod(props: { [key: string]: unknown }, column: string, row: number, issues: IssueCollector) {
  const value = props[column];
  if (value === undefined || value === null || value === '') return null;
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : Number.NaN;
  if (!Number.isInteger(n)) {
    issues.add({ row, column, code: 'notInteger', params: { value: jsonValue(value) } });
    return null;
  }
  return n;
}

/** The gemeente an area lies in: itself for a gemeente, null for `land` or a broken chain of parents. */
function gemeenteOf(draft: Draft, byCode: Map<string, Draft>): string | null {
  let current: Draft | undefined = draft;
  for (let steps = 0; current && steps < LEVELS.length; steps++) {
    if (current.level === 'gemeente') return current.code;
    if (current.level === 'land' || current.parent === null) return null;
    current = byCode.get(current.parent);
  }
  return null;
}

/**
 * Validates `areas.geojson` and returns its areas in file order, each with its `gemeente`. Throws one
 * {@link PackageError} with every issue found (capped at 50 plus `tooManyIssues`).
 */
export function validateAreas(text: string): Area[] {
  const root = parseJsonFile(text, FILE);
  const issues = new IssueCollector(FILE);
  if (!isObject(root) || root.type !== 'FeatureCollection' || !Array.isArray(root.features)) {
    const found = isObject(root) ? root.type : Array.isArray(root) ? 'array' : root;
    issues.add({ code: 'notFeatureCollection', params: { value: jsonValue(found) } });
    issues.throwIfAny();
    return [];
  }
  if (root.features.length === 0) {
    issues.add({ code: 'noRows' });
    issues.throwIfAny();
  }

  const drafts = root.features.map((feature: unknown, index: number) => readFeature(feature, index + 1, issues));
  return resolveAreas(drafts, issues);
}

/**
 * Validates the geometry file of one level of a partitioned package (`geo/gemeente.geojson`): a FeatureCollection
 * whose shapes pass {@link checkGeometry} (issues name the feature as `row`, its code in the message). Returns the
 * collection, which gives the map its extent. About linear in the positions: 343 real gemeenten (PDOK 2024, 28.500
 * positions) took 65–300 ms on a shared two-core machine at load average 19.
 */
export function validateLevelGeometry(text: string, file: string, level: Level): FeatureCollection {
  const root = parseJsonFile(text, file);
  const issues = new IssueCollector(file);
  if (!isObject(root) || root.type !== 'FeatureCollection' || !Array.isArray(root.features)) {
    const found = isObject(root) ? root.type : Array.isArray(root) ? 'array' : root;
    issues.add({ code: 'notFeatureCollection', params: { value: jsonValue(found) } });
    issues.throwIfAny();
  }
  const features = (root as { features: unknown[] }).features;
  features.forEach((feature, index) => {
    const row = index + 1;
    if (!isObject(feature) || feature.type !== 'Feature') {
      const found = isObject(feature) ? feature.type : feature;
      issues.add({ row, code: 'notFeature', params: { value: jsonValue(found) } });
      return;
    }
    const code =
      isObject(feature.properties) && nonEmptyString(feature.properties.code) ? feature.properties.code : null;
    for (const issue of checkGeometry(feature.geometry, level, code)) issues.add({ row, column: 'geometry', ...issue });
  });
  issues.throwIfAny();
  return root as unknown as FeatureCollection;
}

/**
 * Validates `areas.csv` (columns code, name, level, parent; an optional gemeente column is recomputed), the area
 * list of a partitioned package whose geometry lies in separate files per level.
 */
export function validateAreaTable(text: string): Area[] {
  const table = readTable(text, 'areas.csv', ['code', 'name', 'level', 'parent'], ['gemeente']);
  const drafts = table.rows.map(({ row, cell }) =>
    readAreaProperties(
      { code: cell('code'), name: cell('name'), level: cell('level'), parent: cell('parent') },
      row,
      table.issues,
    ),
  );
  return resolveAreas(drafts, table.issues);
}

/**
 * The checks across areas (unique codes, parents of the right level, members), then one area per code in file
 * order. A code may be listed more than once when its versions cover periods that do not overlap (each year's
 * CBS indeling); the area then takes the latest version's name and parent, and the union of the periods.
 */
function resolveAreas(drafts: Draft[], issues: IssueCollector): Area[] {
  const versions = new Map<string, Draft[]>();
  for (const draft of drafts) {
    if (draft.code === null) continue;
    const earlier = versions.get(draft.code);
    if (!earlier) {
      versions.set(draft.code, [draft]);
      continue;
    }
    const clash = earlier.find((other) => overlaps(other, draft));
    if (clash) {
      const params = { value: jsonValue(draft.code), firstRow: clash.row };
      const versioned = [draft, ...earlier].some((d) => d.first !== null || d.last !== null);
      issues.add({ row: draft.row, column: 'code', code: versioned ? 'overlappingPeriods' : 'duplicateKey', params });
    } else earlier.push(draft);
  }
  const byCode = new Map<string, Draft>();
  for (const [code, list] of versions) {
    if (list.length > 1) list.sort((a, b) => (a.first ?? -Infinity) - (b.first ?? -Infinity));
    byCode.set(code, list[list.length - 1]!);
  }

  for (const draft of drafts) {
    if (draft.parent !== null && draft.level) {
      const parent = byCode.get(draft.parent);
      const expected = PARENT_LEVEL[draft.level];
      const value = () => jsonValue(draft.parent);
      if (!parent) issues.add({ row: draft.row, column: 'parent', code: 'unknownParent', params: { value: value() } });
      else if (parent.level && parent.level !== expected) {
        const params = { value: value(), level: parent.level, expected: expected ?? '' };
        issues.add({ row: draft.row, column: 'parent', code: 'wrongParentLevel', params });
      }
    }
    if (!draft.members) continue;
    const seen = new Set<string>();
    for (const member of draft.members) {
      if (seen.has(member)) {
        issues.add({ row: draft.row, column: 'members', code: 'duplicateKey', params: { value: jsonValue(member) } });
      } else if (byCode.get(member)?.level !== 'buurt') {
        issues.add({ row: draft.row, column: 'members', code: 'unknownMember', params: { value: jsonValue(member) } });
      }
      seen.add(member);
    }
  }
  issues.throwIfAny();

  return [...versions.values()].map((list) => {
    const draft = list[list.length - 1]!;
    const area: Area = {
      code: draft.code!,
      name: draft.name,
      level: draft.level!,
      parent: draft.parent,
      gemeente: gemeenteOf(draft, byCode),
    };
    if (draft.members) area.members = draft.members;
    const first = list[0]!.first;
    const last = draft.last;
    if (first !== null) area.first_period = first;
    if (last !== null) area.last_period = last;
    if (list.length > 1) area.breaks = list.slice(1).map((d) => d.first!);
    const names = nameHistory(list);
    if (names) area.names = names;
    return area;
  });
}

/**
 * The names of a code through its versions (each version's name from its first period, and the names it lists per
 * period), with repeats merged; undefined when it only ever had one name. Names that differ only in spacing
 * ("Wijk 50  Langs de Vuurlinie") are one name.
 */
function nameHistory(versions: readonly Draft[]): AreaName[] | undefined {
  if (versions.length === 1 && versions[0]!.names.length === 0) return undefined;
  const entries: AreaName[] = [];
  for (const v of versions) {
    const from = v.first ?? v.names[0]?.from;
    if (from !== undefined && !v.names.some((n) => n.from <= from)) entries.push({ from, name: v.name });
    entries.push(...v.names);
  }
  entries.sort((a, b) => a.from - b.from);
  const same = (a: string, b: string) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();
  const merged: AreaName[] = [];
  for (const e of entries) if (!merged.length || !same(merged.at(-1)!.name, e.name)) merged.push(e);
  const latest = versions.at(-1)!.name;
  if (merged.length > 0 && !same(merged.at(-1)!.name, latest)) merged.push({ from: merged.at(-1)!.from, name: latest });
  return merged.length > 1 ? merged : undefined;
}

/** Whether two versions of a code share a period (an open end reaches to every period on its side). */
function overlaps(a: Draft, b: Draft): boolean {
  return (a.first ?? -Infinity) <= (b.last ?? Infinity) && (b.first ?? -Infinity) <= (a.last ?? Infinity);
}
