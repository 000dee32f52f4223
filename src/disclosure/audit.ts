/**
 * The disclosure audit: for every sensitive cell that is not published (model.ts), how far an analyst holding every
 * published figure can narrow it down. The published cells fix the sums of the hierarchy; the hidden cells are the
 * unknowns, at least 0; a published count the source rounded stands for anything within its rounding range. Linear
 * programming gives each hidden cell's smallest and largest possible value (the audit τ-Argus and sdcTable run
 * after cell suppression). A cell is protected when that range is at least its count threshold wide: "1 of 2
 * youths" must not be told from "4 of 9".
 */
import type { Cell, DisclosureModel, Equation } from './model.ts';
import { range } from './simplex.ts';

export interface CellRange {
  cell: Cell;
  low: number;
  high: number;
}

export interface AuditResult {
  /** Sensitive cells that are not published and were checked. */
  checked: number;
  /** Of those, how many an analyst can work out exactly (range width 0). */
  determined: CellRange[];
  /** Of those, how many are confined to a range narrower than their threshold (determined ones included). */
  narrow: CellRange[];
  /** Sensitive cells that are published outright (a primary-rule failure). */
  published: Cell[];
}

/** The equations by the cells they hold. */
export function equationIndex(model: DisclosureModel): Map<string, Equation[]> {
  const index = new Map<string, Equation[]>();
  for (const eq of model.equations) {
    for (const key of [eq.total, ...eq.parts]) {
      const list = index.get(key);
      if (list) list.push(eq);
      else index.set(key, [eq]);
    }
  }
  return index;
}

/** The range of one unpublished cell given the published ones; null when the system has no solution. */
export function cellRange(
  model: DisclosureModel,
  index: Map<string, Equation[]>,
  published: ReadonlySet<string>,
  target: string,
): { low: number; high: number } | null {
  const isVariable = (key: string) => !published.has(key) || model.cells.get(key)!.slack > 0;
  // The connected part of the system: equations reached through variables.
  const variables = new Map<string, number>();
  const equations = new Set<Equation>();
  const queue = [target];
  variables.set(target, 0);
  while (queue.length > 0) {
    const key = queue.pop()!;
    for (const eq of index.get(key) ?? []) {
      if (equations.has(eq)) continue;
      equations.add(eq);
      for (const k of [eq.total, ...eq.parts]) {
        if (isVariable(k) && !variables.has(k)) {
          variables.set(k, variables.size);
          queue.push(k);
        }
      }
    }
  }
  if (equations.size === 0) return { low: 0, high: Number.POSITIVE_INFINITY };
  // Variables: unknown cells x ≥ 0; rounded published cells x = p − s + y with y in [0, 2s].
  const n = variables.size;
  const upper = new Array<number>(n).fill(Number.POSITIVE_INFINITY);
  const offset = new Array<number>(n).fill(0);
  for (const [key, j] of variables) {
    const cell = model.cells.get(key)!;
    if (published.has(key)) {
      offset[j] = cell.shown - cell.slack;
      upper[j] = 2 * cell.slack;
    }
  }
  const a: number[][] = [];
  const b: number[] = [];
  for (const eq of equations) {
    const row = new Array<number>(n).fill(0);
    let rhs = 0;
    const add = (key: string, sign: number) => {
      const j = variables.get(key);
      if (j === undefined) rhs -= sign * model.cells.get(key)!.shown;
      else {
        row[j]! += sign;
        rhs -= sign * offset[j]!;
      }
    };
    add(eq.total, 1);
    for (const p of eq.parts) add(p, -1);
    a.push(row);
    b.push(rhs);
  }
  const r = range({ a, b, upper }, 0);
  return r && { low: r.low + offset[0]!, high: r.high + offset[0]! };
}

/** Audits the published cells of a model: every sensitive cell not published must keep a wide enough range. */
export function audit(model: DisclosureModel, published: ReadonlySet<string>): AuditResult {
  const index = equationIndex(model);
  const result: AuditResult = { checked: 0, determined: [], narrow: [], published: [] };
  for (const cell of model.cells.values()) {
    if (!cell.sensitive) continue;
    if (published.has(cell.key)) {
      result.published.push(cell);
      continue;
    }
    result.checked++;
    const r = cellRange(model, index, published, cell.key);
    if (!r) continue;
    const width = r.high - r.low;
    if (width < 1e-6) result.determined.push({ cell, ...r });
    if (width < cell.threshold - 1e-6) result.narrow.push({ cell, ...r });
  }
  return result;
}
