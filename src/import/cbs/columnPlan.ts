/**
 * Which columns of a CBS source are figures, and which kwb variable each holds. Codes, names and flags are not
 * figures; an OData column whose unit (DataProperties) contradicts the mapped variable's is not trusted to be it;
 * an unknown column mostly of text is skipped rather than reported cell by cell.
 */
import { cellNumber } from './cellNumber.ts';
import { type ImportMessage, importMessage, quoted } from './messages.ts';
import { isNonQuantity, type ODataProperty } from './odataProperties.ts';
import type { Layout } from './recognise.ts';
import type { SourceRecords } from './sourceRecords.ts';
import { lookupVariable, odataBaseKey, type VariableDef, variableById } from './variables.ts';

export interface PlannedColumn {
  index: number;
  column: string;
  variable: string;
  def: VariableDef | undefined;
  property: ODataProperty | undefined;
}

/** The kind of quantity a unit text names, to catch a count read where a percentage is meant (or back). */
function unitClass(unit: string): string {
  const u = unit.toLowerCase().replace(/\s+/g, '');
  if (u === '%' || u === 'percent' || u === 'procent') return 'percent';
  if (u === 'aantal') return 'count';
  if (u.startsWith('per1000')) return 'per1000';
  if (u === 'x1000euro') return 'euro1000';
  return 'other';
}

function unitsClash(expected: string, found: string): boolean {
  const a = unitClass(expected);
  const b = unitClass(found);
  return a !== 'other' && b !== 'other' && a !== b;
}

/**
 * The variable's twin in the unit the column has: up to 2016 CBS published the age, marital-status and household
 * figures as percentages under the keys that later hold counts (`k_0Tot15Jaar` in % in 83220NED, in aantal in
 * 85984NED), which the kwb names tell apart as `p_00_14` and `a_00_14`. The variable itself when it has no twin.
 */
function countOrShare(def: VariableDef, unit: string): VariableDef {
  const twin = /^[ap]_/.test(def.id) ? variableById(`${def.id[0] === 'a' ? 'p' : 'a'}${def.id.slice(1)}`) : undefined;
  return twin && !twin.derived && !unitsClash(twin.cbs_unit, unit) ? twin : def;
}

/**
 * The id of each unmapped column, by its position in `candidates`. An OData key loses its year-specific numeric
 * suffix (`Nietwoningvoorraad_37` in one year, `_38` in another: `nietwoningvoorraad`), so that the same column over
 * the years is one indicator with a series. Where two columns of this table share a stem, or the stem is a mapped
 * variable's id or another column's name, those keep their full key, with a warning: two figures must never merge.
 */
function unmappedIds(
  file: string,
  candidates: readonly { column: string; def: VariableDef | undefined }[],
  warnings: ImportMessage[],
): Map<number, string> {
  const names = new Set(candidates.map((c) => c.column.toLowerCase()));
  const byStem = new Map<string, number[]>();
  candidates.forEach((c, i) => {
    if (c.def) return;
    const stem = odataBaseKey(c.column)?.toLowerCase();
    if (stem !== undefined) byStem.set(stem, [...(byStem.get(stem) ?? []), i]);
  });
  const ids = new Map<number, string>();
  // Real tables have such columns (Nederland_17 by origin, Nederland_20 by birthplace): one warning lists them all.
  const shared: string[] = [];
  for (const [stem, positions] of byStem) {
    if (positions.length === 1 && !variableById(stem) && !names.has(stem)) ids.set(positions[0]!, stem);
    else shared.push(positions.map((i) => candidates[i]!.column).join(' / '));
  }
  if (shared.length > 0)
    warnings.push(importMessage(file, 'stemShared', { count: shared.length, columns: shared.join('; ') }));
  return ids;
}

/**
 * The indicator id of a column outside the mapping table: its name in lower case, with anything but letters, digits
 * and `_` made `_`, starting with a letter — the ids the package validator accepts (`a_nb_won` stays itself; a
 * column named `Aantal inwoners (%)` or `2024_x` does not break the package).
 */
export function indicatorIdOf(column: string): string {
  const id = column
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[a-z]/.test(id) ? id : `c_${id}`;
}

/** Decides for every column whether it is a figure, and which variable it holds. */
export function planColumns(
  file: string,
  columns: readonly string[],
  layout: Layout,
  skip: ReadonlySet<number>,
  properties: ReadonlyMap<string, ODataProperty>,
  warnings: ImportMessage[],
): PlannedColumn[] {
  const candidates: (Omit<PlannedColumn, 'variable'> & {
    clash?: { found: string; variable: string; expected: string };
  })[] = [];
  columns.forEach((column, index) => {
    if (skip.has(index)) return;
    const lower = column.toLowerCase();
    const base = odataBaseKey(column)?.toLowerCase();
    if (layout.nonValueColumns.has(lower) || (base !== undefined && layout.nonValueColumns.has(base))) return;
    const property = properties.get(column);
    let def = lookupVariable(column);
    if (def && property?.unit && unitsClash(def.cbs_unit, property.unit)) def = countOrShare(def, property.unit);
    let clash: { found: string; variable: string; expected: string } | undefined;
    if (def && property?.unit && unitsClash(def.cbs_unit, property.unit)) {
      clash = { found: property.unit, variable: def.id, expected: def.cbs_unit };
      def = undefined;
    }
    if (!def && property && isNonQuantity(property)) return;
    candidates.push({ index, column, def, property, ...(clash && { clash }) });
  });

  const ids = unmappedIds(file, candidates, warnings);
  const plan: PlannedColumn[] = [];
  const columnOf = new Map<string, string>();
  candidates.forEach(({ clash, ...c }, i) => {
    const variable = c.def?.id ?? indicatorIdOf(ids.get(i) ?? c.column);
    if (clash) warnings.push(importMessage(file, 'unitMismatch', { ...clash, kept: variable }, { column: c.column }));
    const other = columnOf.get(variable);
    if (other !== undefined) {
      warnings.push(importMessage(file, 'duplicateVariable', { variable, other }, { column: c.column }));
      return;
    }
    columnOf.set(variable, c.column);
    plan.push({ ...c, variable });
  });
  return plan;
}

/**
 * Whether an unknown column holds text rather than figures: more cells that are no number than cells that are.
 * (A figure column with a few bad cells is reported cell by cell instead.)
 */
export function textExample(source: SourceRecords, index: number): string | null {
  let numbers = 0;
  let other = 0;
  let example: unknown;
  for (const record of source.records) {
    const parsed = cellNumber(record.cells[index]);
    if (parsed.kind === 'number') numbers++;
    else if (parsed.kind === 'notANumber') {
      other++;
      example ??= record.cells[index];
    }
  }
  return other > 0 && other >= numbers ? quoted(example) : null;
}
