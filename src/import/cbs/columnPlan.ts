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

/** Decides for every column whether it is a figure, and which variable it holds. */
export function planColumns(
  file: string,
  columns: readonly string[],
  layout: Layout,
  skip: ReadonlySet<number>,
  properties: ReadonlyMap<string, ODataProperty>,
  warnings: ImportMessage[],
): PlannedColumn[] {
  const plan: PlannedColumn[] = [];
  const columnOf = new Map<string, string>();
  columns.forEach((column, index) => {
    if (skip.has(index)) return;
    const lower = column.toLowerCase();
    const base = odataBaseKey(column)?.toLowerCase();
    if (layout.nonValueColumns.has(lower) || (base !== undefined && layout.nonValueColumns.has(base))) return;
    const property = properties.get(column);
    let def = lookupVariable(column);
    if (def && property?.unit && unitsClash(def.cbs_unit, property.unit)) def = countOrShare(def, property.unit);
    if (def && property?.unit && unitsClash(def.cbs_unit, property.unit)) {
      warnings.push(
        importMessage(
          file,
          'unitMismatch',
          { found: property.unit, variable: def.id, expected: def.cbs_unit, kept: lower },
          { column },
        ),
      );
      def = undefined;
    }
    if (!def && property && isNonQuantity(property)) return;
    const variable = def?.id ?? lower;
    const other = columnOf.get(variable);
    if (other !== undefined) {
      warnings.push(importMessage(file, 'duplicateVariable', { variable, other }, { column }));
      return;
    }
    columnOf.set(variable, column);
    plan.push({ index, column, variable, def, property });
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
