/**
 * From CBS source tables (read by readSource) to the files of a dataset package (../../../shared/DESIGN.md):
 * every year's areas with that year's boundary, one indicator per CBS variable, the values as published (secret
 * values stay rows without a value, with the reason in `status`: missingReason.ts), rates recomputed from their counts, and gemeente series continued across
 * mergers by the crosswalk. Plain TypeScript: the Node script and, later, the browser's upload use the same code.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { toCsv } from '../../data/csvWrite.ts';
import {
  AIM_COLUMNS,
  type DatasetMeta,
  INDICATOR_COLUMNS,
  type Indicator,
  OBSERVATION_COLUMNS,
  type ObservationStatus,
  unitMultiplier,
} from '../../data/package.ts';
import type { SourceLevel } from './areaCode.ts';
import type { MissingMarker } from './cellNumber.ts';
import { indicatorIdOf } from './columnPlan.ts';
import { type Crosswalk, gemeenteCrosswalk } from './crosswalk.ts';
import { ImportError, type ImportMessage, importMessage } from './messages.ts';
import { missingReason } from './missingReason.ts';
import type { SourceTable, UnknownColumn } from './readSource.ts';
import { areaOf, sameArea } from './shapes.ts';
import { unmappedUnit, VARIABLES, type VariableDef, variableById } from './variables.ts';

export interface BuildOptions {
  /** The package id (its folder name). */
  id: string;
  title?: string;
  /** Keep only these gemeenten (current codes) with their former gemeenten, wijken and buurten; empty: all. */
  gemeenten?: readonly string[];
}

export type PackageFiles = Record<
  'dataset.json' | 'areas.geojson' | 'indicators.csv' | 'observations.csv' | 'aims.csv',
  string
>;

export interface BuiltPackage {
  files: PackageFiles;
  warnings: ImportMessage[];
  summary: {
    areas: number;
    indicators: number;
    observations: number;
    periods: number[];
    mergers: Crosswalk['mergers'];
    /** `GM1979 2015`: a gemeente-year made from its former gemeenten. */
    crosswalked: string[];
    /** Indicators without a mapping (kept under their CBS name). */
    unmapped: string[];
  };
}

interface AreaYear {
  code: string;
  name: string;
  level: SourceLevel;
  parent: string | null;
  gemeente: string | null;
  geometry: Geometry | null;
  period: number;
}

interface Cell {
  value: number | null;
  file: string;
  /** How the source marked a missing value (cellNumber). */
  marker?: MissingMarker;
}

const LEVEL_ORDER: Record<SourceLevel, number> = { land: 0, gemeente: 1, wijk: 2, buurt: 3 };
const key = (code: string, variable: string, period: number) => `${code}\u0000${variable}\u0000${period}`;

/** Two files of one layout for the same year and the same areas: the user gave a year twice. */
function checkYearsOnce(tables: readonly SourceTable[]): void {
  const messages: ImportMessage[] = [];
  for (let i = 0; i < tables.length; i++)
    for (let j = 0; j < i; j++) {
      const [a, b] = [tables[j]!, tables[i]!];
      if (a.kind !== b.kind || a.period !== b.period) continue;
      const codes = new Set(a.areas.map((x) => x.code));
      const shared = b.areas.find((x) => codes.has(x.code));
      if (shared)
        messages.push(importMessage(b.file, 'yearTwice', { period: b.period, other: a.file, example: shared.code }));
    }
  if (messages.length > 0) throw new ImportError(messages);
}

/** Every area in every period it appears in, with the first boundary and name any source gives for it. */
function collectAreas(tables: readonly SourceTable[]): Map<string, Map<number, AreaYear>> {
  const byCode = new Map<string, Map<number, AreaYear>>();
  for (const table of tables)
    for (const area of table.areas) {
      const years = byCode.get(area.code) ?? new Map<number, AreaYear>();
      byCode.set(area.code, years);
      const seen = years.get(table.period);
      if (!seen)
        years.set(table.period, {
          code: area.code,
          name: area.name,
          level: area.level,
          parent: area.parent,
          gemeente: area.gemeente,
          geometry: area.geometry ?? null,
          period: table.period,
        });
      else {
        if (!seen.geometry && area.geometry) seen.geometry = area.geometry;
        if (seen.name === seen.code && area.name !== area.code) seen.name = area.name;
      }
    }
  return byCode;
}

/**
 * The versions of one code: runs of years with the same boundary (sameArea), each from its first to its last
 * year; years without a boundary join the version before them. One version over every period needs no bounds.
 */
function versionsOf(years: Map<number, AreaYear>, periods: readonly number[]) {
  const sorted = [...years.values()].sort((a, b) => a.period - b.period);
  const versions: { first: number; last: number; latest: AreaYear; names: Record<string, string> }[] = [];
  for (const year of sorted) {
    const current = versions[versions.length - 1];
    const shape = current?.latest.geometry ?? null;
    const same = !current || !year.geometry || !shape || sameArea(shape, year.geometry);
    if (current && same) {
      current.last = year.period;
      const named = Object.values(current.names).at(-1)!;
      if (spaced(named) !== spaced(year.name) && year.name !== year.code) current.names[year.period] = year.name;
      // The latest year's name, even from a file without boundaries (a kwb table of a later year); a name that is
      // only the code (a source without names) never replaces a real one.
      const name = year.name !== year.code ? year.name : current.latest.name;
      if (year.geometry || !current.latest.geometry)
        current.latest = { ...year, name, geometry: year.geometry ?? shape };
      else current.latest = { ...current.latest, name };
    } else versions.push({ first: year.period, last: year.period, latest: year, names: { [year.period]: year.name } });
  }
  const everywhere = versions.length === 1 && periods.every((p) => years.has(p));
  // The latest version's name is the current one; the first year of every other name is kept (a rename).
  return versions.map((v) => ({ ...v, names: Object.keys(v.names).length > 1 ? v.names : null, bounded: !everywhere }));
}

/** A name with its spacing made plain: CBS's 2015 map writes "Wijk 50  Langs de Vuurlinie", later years one space. */
const spaced = (name: string) => name.replace(/\s+/g, ' ').trim();

function feature(
  area: AreaYear,
  first: number | null,
  last: number | null,
  names: Record<string, string> | null = null,
): Feature<Geometry | null> {
  return {
    type: 'Feature',
    properties: {
      code: area.code,
      name: area.name,
      ...(names !== null && { names }),
      level: area.level,
      ...(area.parent !== null && { parent: area.parent }),
      ...(first !== null && { first_period: first }),
      ...(last !== null && { last_period: last }),
    },
    geometry: area.geometry,
  };
}

/** The package's indicator for a variable: the mapping table's, or one named after an unmapped CBS column. */
function indicatorOf(def: VariableDef): Indicator {
  return {
    id: def.id,
    label_nl: def.label_nl,
    label_en: def.label_en,
    theme: def.theme,
    unit: def.unit,
    direction: def.direction,
    decimals: def.decimals,
    definition_nl: def.definition_nl,
    definition_en: def.definition_en,
    source: 'CBS, Kerncijfers wijken en buurten',
    min_count: def.min_count,
    rounding: def.rounding ?? null,
    denominator_rounding: def.denominator_rounding ?? null,
  };
}

/**
 * Whether a variable adds up over areas, so that a merged gemeente's figure before the merger is the sum of its
 * predecessors': counts and areas, the kwb `a_…` variables. Averages and densities have unit 'count' as well
 * (g_hhgro, g_ele, g_gas, g_pau_hh, bev_dich, ste_oad), but three household sizes of 2.1, 2.2 and 2.3 add up to
 * no household size.
 */
function additive(def: VariableDef): boolean {
  return (
    def.unit === 'count' &&
    !def.derived &&
    def.id.startsWith('a_') &&
    (def.cbs_unit === 'aantal' || def.cbs_unit === 'ha')
  );
}

/** The files that hold the unmapped columns, for the warning that lists them. */
function unmappedFiles(
  tables: readonly SourceTable[],
  unmapped: ReadonlyMap<string, unknown>,
  ids: UnmappedIds,
): string {
  const files = tables
    .filter((t) => t.unknownColumns.some((u) => unmapped.has(ids.idOf(t, u.variable))))
    .map((t) => t.file);
  return files.length > 3 ? `${files.slice(0, 3).join(', ')} and ${files.length - 3} more` : files.join(', ');
}

interface UnmappedIds {
  /** The package id of a table's unmapped variable. */
  idOf(table: SourceTable, variable: string): string;
  /** Per id, the column of the latest year that has it: its label and unit name the indicator. */
  described: ReadonlyMap<string, UnknownColumn>;
}

/**
 * The ids of the unmapped columns over all tables. readSource gives the same OData column the same id in every year
 * (its key's stem); the latest year describes it. A year in which that column has another unit than in the latest
 * year keeps its full key, so that a series never mixes, say, percentages with counts.
 */
function unmappedIds(tables: readonly SourceTable[], warnings: ImportMessage[]): UnmappedIds {
  const unitOf = (u: UnknownColumn) => {
    const { unit, unitText } = unmappedUnit(u.column, u.unit);
    return unitText ? `${unit} (${unitText})` : unit;
  };
  const latest = new Map<string, { period: number; unit: string }>();
  for (const t of tables)
    for (const u of t.unknownColumns) {
      const seen = latest.get(u.variable);
      if (!seen || t.period > seen.period) latest.set(u.variable, { period: t.period, unit: unitOf(u) });
    }
  const renamed = new Map<SourceTable, Map<string, string>>();
  const described = new Map<string, UnknownColumn>();
  const describedIn = new Map<string, number>();
  for (const t of tables)
    for (const u of t.unknownColumns) {
      const l = latest.get(u.variable)!;
      const unit = unitOf(u);
      let id = u.variable;
      if (unit !== l.unit && indicatorIdOf(u.column) !== u.variable) {
        id = indicatorIdOf(u.column);
        renamed.set(t, (renamed.get(t) ?? new Map()).set(u.variable, id));
        warnings.push(
          importMessage(
            t.file,
            'unmappedUnitChanged',
            { variable: u.variable, unit, latest: l.period, latestUnit: l.unit, kept: id },
            { column: u.column },
          ),
        );
      }
      if (!described.has(id) || t.period > describedIn.get(id)!) {
        described.set(id, u);
        describedIn.set(id, t.period);
      }
    }
  return { idOf: (t, variable) => renamed.get(t)?.get(variable) ?? variable, described };
}

/**
 * The years of a package for its title: runs of consecutive years as a range ("2015, 2022–2024"), so that two
 * imports of the same gemeenten for other years are told apart in the dataset picker.
 */
export function yearList(periods: readonly number[]): string {
  const runs: [number, number][] = [];
  for (const p of [...periods].sort((a, b) => a - b)) {
    const last = runs.at(-1);
    if (last && p === last[1] + 1) last[1] = p;
    else runs.push([p, p]);
  }
  return runs.map(([a, b]) => (a === b ? String(a) : b === a + 1 ? `${a}, ${b}` : `${a}\u2013${b}`)).join(', ');
}

/** The gemeenten a package is about, for its title: up to three by name, more as "… and N more". */
export function packagePlace(names: readonly string[], lang: 'nl' | 'en'): string {
  // An import of every gemeente (or near it) is about the country.
  if (names.length === 0 || names.length > 50) return 'Nederland';
  if (names.length <= 3) return names.join(', ');
  const more = names.length - 2;
  return `${names.slice(0, 2).join(', ')} ${lang === 'nl' ? `en ${more} andere` : `and ${more} more`}`;
}

/** Builds the package; throws ImportError for what cannot be built (a year twice, a gemeente in no file). */
export function buildPackage(tables: readonly SourceTable[], options: BuildOptions): BuiltPackage {
  if (tables.length === 0) throw new ImportError([importMessage('(no files)', 'emptyFile')]);
  checkYearsOnce(tables);
  const warnings: ImportMessage[] = tables.flatMap((t) => t.warnings);
  const periods = [...new Set(tables.map((t) => t.period))].sort((a, b) => a - b);
  const areaYears = collectAreas(tables);

  // Former gemeenten and where they went, from the gemeente boundaries of every year given.
  const crosswalk = gemeenteCrosswalk(
    [...areaYears.values()].flatMap((years) =>
      [...years.values()]
        .filter((a): a is AreaYear & { geometry: Geometry } => a.level === 'gemeente' && a.geometry !== null)
        .map((a) => ({ code: a.code, period: a.period, geometry: a.geometry })),
    ),
  );
  const mergers = crosswalk?.mergers ?? [];

  // Which gemeenten to keep: the ones asked for and everything that merged into them.
  const wanted = options.gemeenten && options.gemeenten.length > 0 ? new Set(options.gemeenten) : null;
  if (wanted) {
    const missing = [...wanted].filter(
      (g) => !areaYears.has(g) && ![...areaYears.values()].some((y) => [...y.values()][0]?.gemeente === g),
    );
    if (missing.length > 0)
      throw new ImportError(
        missing.map((g) => importMessage(tables.map((t) => t.file).join(', '), 'gemeenteNotFound', { value: g })),
      );
    for (const m of mergers) if (wanted.has(m.to)) wanted.add(m.from);
  }
  for (const s of crosswalk?.split ?? [])
    if (wanted === null || s.into.some((g) => wanted.has(g)))
      warnings.push(importMessage('(crosswalk)', 'gemeenteSplit', { from: s.from, into: s.into.join(', ') }));
  const keep = (area: AreaYear) => area.level === 'land' || wanted === null || wanted.has(area.gemeente ?? '');

  // Values, first source wins; a second source with another value for the same cell is reported once per file.
  const cells = new Map<string, Cell>();
  const conflicts = new Map<string, { count: number; example: string; other: string }>();
  const used = new Map<string, VariableDef>();
  const unmapped = new Map<string, Indicator>();
  const ids = unmappedIds(tables, warnings);
  for (const table of tables) {
    for (const v of table.values) {
      const variable = ids.idOf(table, v.variable);
      const years = areaYears.get(v.code);
      const area = years?.get(table.period);
      if (!area || !keep(area)) continue;
      const def = variableById(variable);
      if (def) used.set(def.id, def);
      else if (!unmapped.has(variable)) {
        const u = ids.described.get(variable);
        const { unit, decimals, unitText } = unmappedUnit(u?.column ?? variable, u?.unit);
        // A unit the app cannot name (kWh, m³) goes into the label, as CBS's own tables write it.
        const label = `${u?.label ?? u?.column ?? variable}${unitText ? ` (${unitText})` : ''}`;
        unmapped.set(variable, {
          id: variable,
          label_nl: label,
          label_en: label,
          theme: 'bevolking',
          unit,
          direction: 'neutral',
          decimals,
          definition_nl: `CBS-kolom ${u?.column ?? variable}${u?.unit ? ` (${u.unit})` : ''}; niet in de vertaaltabel van Gebiedskompas.`,
          definition_en: `CBS column ${u?.column ?? variable}${u?.unit ? ` (${u.unit})` : ''}; not in Gebiedskompas's mapping table.`,
          source: 'CBS',
          min_count: 0,
          // How CBS rounds a column outside the mapping table is not known here: left empty.
          rounding: null,
          denominator_rounding: null,
        });
      }
      const k = key(v.code, variable, table.period);
      const seen = cells.get(k);
      // A later file with a number fills a cell an earlier one left empty (not published there).
      if (!seen || (seen.value === null && v.value !== null))
        cells.set(k, { value: v.value, file: table.file, ...(v.marker && { marker: v.marker }) });
      else if (seen.value !== v.value && seen.value !== null && v.value !== null) {
        const c = conflicts.get(table.file) ?? {
          count: 0,
          example: `${v.code} ${variable} ${table.period}`,
          other: seen.file,
        };
        c.count++;
        conflicts.set(table.file, c);
      }
    }
  }
  for (const [file, c] of conflicts)
    warnings.push(importMessage(file, 'conflictingValues', { count: c.count, example: c.example, other: c.other }));
  if (unmapped.size > 0)
    warnings.push(
      importMessage(unmappedFiles(tables, unmapped, ids), 'unmappedKept', {
        count: unmapped.size,
        names: [...unmapped.keys()].slice(0, 20).join(', ') + (unmapped.size > 20 ? ', …' : ''),
      }),
    );

  // A merged gemeente's series before the merger: the sum of its predecessors' counts, where they cover it whole.
  const boundaryOf = (code: string, period: number) => areaYears.get(code)?.get(period)?.geometry ?? null;
  const latestShape = (code: string) => (crosswalk ? boundaryOf(code, crosswalk.latest) : null);
  const crosswalked = new Set<string>();
  const successors = [...new Set(mergers.map((m) => m.to))].filter((s) => wanted === null || wanted.has(s));
  for (const to of successors) {
    const shape = latestShape(to);
    if (!shape) continue;
    for (const period of periods) {
      if (areaYears.get(to)?.has(period)) continue;
      const from = mergers.filter((m) => m.to === to && areaYears.get(m.from)?.has(period)).map((m) => m.from);
      const covered = from.reduce((s, f) => s + areaOf(boundaryOf(f, period)), 0);
      // Only where the former gemeenten of that year make up the new one (no part missing, none split off).
      if (from.length === 0 || Math.abs(covered - areaOf(shape)) / areaOf(shape) > 0.05) continue;
      for (const def of used.values()) {
        if (!additive(def)) continue;
        const parts = from.map((f) => cells.get(key(f, def.id, period))?.value);
        if (parts.some((p) => p === undefined)) continue;
        const value = parts.some((p) => p === null) ? null : (parts as number[]).reduce((s, p) => s + p, 0);
        cells.set(key(to, def.id, period), { value, file: '(crosswalk)' });
        crosswalked.add(`${to} ${period}`);
      }
    }
  }

  // Why a value is missing (missingReason.ts): from the mark, the area's inhabitants and whether its gemeente has it.
  const gemeenteOf = (code: string, period: number) => areaYears.get(code)?.get(period)?.gemeente ?? null;
  const levelOf = (code: string, period: number) => areaYears.get(code)?.get(period)?.level ?? 'buurt';
  const valuedInGemeente = new Set<string>();
  for (const [k, cell] of cells) {
    if (cell.value === null) continue;
    const [code, variable, period] = k.split('\u0000') as [string, string, string];
    const g = gemeenteOf(code, Number(period));
    if (g) valuedInGemeente.add(key(g, variable, Number(period)));
  }
  const statusOf = (code: string, variable: string, period: number, marker?: Cell['marker']): ObservationStatus => {
    const g = gemeenteOf(code, period);
    const gemeenteCell = g ? cells.get(key(g, variable, period)) : undefined;
    return missingReason({
      level: levelOf(code, period),
      marker,
      inhabitants: cells.get(key(code, 'a_inw', period))?.value,
      gemeenteHasValue: gemeenteCell
        ? gemeenteCell.value !== null
        : g !== null && valuedInGemeente.has(key(g, variable, period)),
    });
  };

  // Rates from their counts (bijstand per 1 000 inhabitants …), for every area and year that has both counts.
  const rows: (string | number | null)[][] = [];
  for (const [k, cell] of cells) {
    const [code, variable, period] = k.split('\u0000') as [string, string, string];
    const status = cell.value === null ? statusOf(code, variable, Number(period), cell.marker) : null;
    rows.push([code, variable, Number(period), cell.value, null, null, status]);
  }
  const derived = VARIABLES.filter((d) => d.derived && d.numerator && d.denominator);
  const codesWithValues = new Set([...cells.keys()].map((k) => k.split('\u0000')[0]!));
  for (const def of derived) {
    const multiplier = unitMultiplier(def.unit) ?? 1;
    let any = false;
    for (const code of codesWithValues)
      for (const period of periods) {
        const num = cells.get(key(code, def.numerator!, period));
        const den = cells.get(key(code, def.denominator!, period));
        if (!num || !den) continue;
        any = true;
        // A rate is missing for the reason its count is; a rate over nobody has no inhabitants (or no base).
        if (num.value === null)
          rows.push([code, def.id, period, null, null, null, statusOf(code, def.numerator!, period, num.marker)]);
        else if (den.value === null)
          rows.push([code, def.id, period, null, null, null, statusOf(code, def.denominator!, period, den.marker)]);
        else if (den.value <= 0 || num.value > den.value)
          rows.push([code, def.id, period, null, null, null, statusOf(code, def.id, period)]);
        else rows.push([code, def.id, period, (num.value / den.value) * multiplier, num.value, den.value, null]);
      }
    if (any) used.set(def.id, def);
  }

  // Areas: each version of each kept code; parents that no file names get a listed area without a boundary.
  const features: Feature<Geometry | null>[] = [];
  const present = new Set<string>();
  const sortedCodes = [...areaYears.keys()].sort((a, b) => {
    const la = LEVEL_ORDER[[...areaYears.get(a)!.values()][0]!.level];
    const lb = LEVEL_ORDER[[...areaYears.get(b)!.values()][0]!.level];
    return la - lb || a.localeCompare(b);
  });
  for (const code of sortedCodes) {
    const years = areaYears.get(code)!;
    const any = [...years.values()][0]!;
    if (!keep(any)) continue;
    for (const v of versionsOf(years, periods))
      features.push(feature(v.latest, v.bounded ? v.first : null, v.bounded ? v.last : null, v.names));
    present.add(code);
  }
  const missingParents = new Set<string>();
  for (const f of features) {
    const parent = f.properties?.parent as string | undefined;
    if (parent && !present.has(parent)) missingParents.add(parent);
  }
  if (!present.has('NL00')) missingParents.add('NL00');
  for (const code of [...missingParents].sort()) {
    const level: SourceLevel = code === 'NL00' ? 'land' : code.startsWith('GM') ? 'gemeente' : 'wijk';
    const parent = level === 'land' ? null : level === 'gemeente' ? 'NL00' : `GM${code.slice(2, 6)}`;
    const name = code === 'NL00' ? 'Nederland' : code;
    // Listed in the years its children are (a 2015 wijk that only its buurten name exists in 2015 only).
    const children = features.filter((f) => f.properties?.parent === code);
    const open = (end: 'first_period' | 'last_period') =>
      level === 'land' || children.length === 0 || children.some((f) => f.properties?.[end] === undefined);
    const first = open('first_period') ? null : Math.min(...children.map((f) => f.properties!.first_period as number));
    const last = open('last_period') ? null : Math.max(...children.map((f) => f.properties!.last_period as number));
    features.unshift(
      feature({ code, name, level, parent, gemeente: null, geometry: null, period: periods[0]! }, first, last),
    );
    present.add(code);
    if (parent && !present.has(parent) && parent !== 'NL00') missingParents.add(parent);
  }
  const withoutBoundary = features.filter((f) => f.geometry === null && f.properties?.level !== 'land');
  if (withoutBoundary.length > 0)
    warnings.push(
      importMessage('(package)', 'valuesWithoutBoundaries', {
        count: withoutBoundary.length,
        example: withoutBoundary
          .slice(0, 5)
          .map((f) => f.properties?.code)
          .join(', '),
      }),
    );

  const indicators = [...[...used.values()].map(indicatorOf), ...unmapped.values()].sort(
    (a, b) => a.theme.localeCompare(b.theme) || a.id.localeCompare(b.id),
  );
  const indicatorIds = new Set(indicators.map((i) => i.id));
  const observations = rows
    .filter((r) => indicatorIds.has(r[1] as string) && present.has(r[0] as string))
    .sort(
      (a, b) =>
        (a[1] as string).localeCompare(b[1] as string) ||
        (a[2] as number) - (b[2] as number) ||
        (a[0] as string).localeCompare(b[0] as string),
    );

  const gemeenten = features.filter((f) => f.properties?.level === 'gemeente').map((f) => f.properties!.code as string);
  const focus = options.gemeenten?.[0] ?? gemeenten[0] ?? 'GM0000';
  const latest = periods[periods.length - 1]!;
  const wijkOfFocus = features.find(
    (f) =>
      f.properties?.level === 'wijk' &&
      (f.properties.code as string).slice(2, 6) === focus.slice(2, 6) &&
      f.geometry !== null &&
      (f.properties.last_period ?? latest) === latest,
  );
  const defaultArea =
    (wijkOfFocus?.properties?.code as string | undefined) ?? (present.has(focus) ? focus : (gemeenten[0] ?? 'NL00'));
  // Named after the gemeenten asked for, else those of the latest year (the current ones), with their latest name.
  const nameOf = (code: string) =>
    features.filter((f) => f.properties?.code === code).at(-1)?.properties?.name as string | undefined;
  const current = gemeenten.filter((g) =>
    features.some((f) => f.properties?.code === g && (f.properties.last_period ?? latest) === latest),
  );
  const asked = options.gemeenten && options.gemeenten.length > 0 ? options.gemeenten : current;
  const names = [...new Set(asked)].map((g) => nameOf(g) ?? g);
  const meta: DatasetMeta = {
    id: options.id,
    format_version: 1,
    title: options.title
      ? { nl: options.title, en: options.title }
      : {
          nl: `CBS kerncijfers — ${packagePlace(names, 'nl')}, ${yearList(periods)}`,
          en: `CBS key figures — ${packagePlace(names, 'en')}, ${yearList(periods)}`,
        },
    description: {
      nl:
        'Kerncijfers wijken en buurten van het CBS, ingelezen met Gebiedskompas (npm run import:cbs). Reeksen van ' +
        'gemeenten van vóór een herindeling zijn de som van hun voorgangers (alleen aantallen; percentages worden ' +
        'uit die aantallen herberekend of niet getoond).',
      en:
        'CBS key figures for wijken and buurten, imported with Gebiedskompas (npm run import:cbs). Series of ' +
        'gemeenten from before a merger are the sum of their predecessors (counts only; rates are recomputed from ' +
        'those counts or not shown).',
    },
    publisher: 'CBS',
    licence: 'CC BY 4.0',
    attribution: 'Bron: CBS, CC BY 4.0',
    gemeente: /^GM\d{4}$/.test(focus) ? focus : 'GM0000',
    default_area: defaultArea,
    ...socialDefault(indicators, observations, features, defaultArea, latest),
    periods,
  };

  const collection: FeatureCollection<Geometry | null> = { type: 'FeatureCollection', features };
  const files: PackageFiles = {
    'dataset.json': `${JSON.stringify(meta, null, 2)}\n`,
    'areas.geojson': `${JSON.stringify(collection)}\n`,
    'indicators.csv': toCsv(
      INDICATOR_COLUMNS,
      indicators.map((i) => INDICATOR_COLUMNS.map((c) => i[c])),
    ),
    'observations.csv': toCsv([...OBSERVATION_COLUMNS, 'status'], observations),
    'aims.csv': toCsv(AIM_COLUMNS, []),
  };
  return {
    files,
    warnings,
    summary: {
      areas: present.size,
      indicators: indicators.length,
      observations: observations.length,
      periods,
      mergers: mergers.filter((m) => wanted === null || wanted.has(m.from)),
      crosswalked: [...crosswalked].sort(),
      unmapped: [...unmapped.keys()],
    },
  };
}

const SOCIAL_THEMES = new Set(['jeugd', 'zorg', 'werk', 'armoede']);

/**
 * What a freshly imported package opens on: the latest year in which the default area has social-domain values
 * (jeugd, zorg, werk, armoede; not the latest year, which often holds only population figures), and there the
 * social-domain indicator — a rate before a count — that has a value for the most areas of the default area's level,
 * so the map is coloured and the Kompas has figures. Population and the latest year when nothing social exists.
 */
function socialDefault(
  indicators: readonly Indicator[],
  observations: readonly (string | number | null)[][],
  features: readonly Feature<Geometry | null>[],
  defaultArea: string,
  latest: number,
): { default_indicator: string; default_period: number } {
  const fallback = {
    default_indicator: indicators.some((i) => i.id === 'a_inw') ? 'a_inw' : (indicators[0]?.id ?? ''),
    default_period: latest,
  };
  const social = new Map(indicators.filter((i) => SOCIAL_THEMES.has(i.theme)).map((i) => [i.id, i]));
  const level = features.find((f) => f.properties?.code === defaultArea)?.properties?.level;
  const levelOf = new Map(features.map((f) => [f.properties?.code as string, f.properties?.level]));
  let period: number | null = null;
  for (const [area, id, p, value] of observations)
    if (
      area === defaultArea &&
      value !== null &&
      social.has(id as string) &&
      (period === null || (p as number) > period)
    )
      period = p as number;
  if (period === null) return fallback;
  const reach = new Map<string, number>();
  for (const [area, id, p, value] of observations)
    if (p === period && value !== null && social.has(id as string) && levelOf.get(area as string) === level)
      reach.set(id as string, (reach.get(id as string) ?? 0) + 1);
  const isRate = (id: string) => social.get(id)!.unit !== 'count';
  const best = [...reach.keys()].sort(
    (a, b) => Number(isRate(b)) - Number(isRate(a)) || reach.get(b)! - reach.get(a)! || a.localeCompare(b),
  )[0];
  return best === undefined ? fallback : { default_indicator: best, default_period: period };
}
