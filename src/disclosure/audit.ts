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

type Range = { low: number; high: number } | null;

/** The range of one unpublished cell given the published ones; null when the system has no solution. */
export function cellRange(
  model: DisclosureModel,
  index: Map<string, Equation[]>,
  published: ReadonlySet<string>,
  target: string,
): Range {
  return reachedRange(model, index, published, target).range;
}

/**
 * {@link cellRange} with the equations it reached: the range depends on nothing else than those equations and which
 * of their cells are published (the BFS below only looks at cells of equations it reached).
 */
function reachedRange(
  model: DisclosureModel,
  index: Map<string, Equation[]>,
  published: ReadonlySet<string>,
  target: string,
): { range: Range; equations: Set<Equation> } {
  // The connected part of the system: equations reached through variables. Called for every hidden sensitive cell in
  // every round of protect.ts: the cells of an equation are visited in place (total, then parts) rather than copied
  // into a new array per visit.
  const variables = new Map<string, number>();
  const equations = new Set<Equation>();
  const queue = [target];
  variables.set(target, 0);
  const reach = (k: string) => {
    if (!variables.has(k) && (!published.has(k) || model.cells.get(k)!.slack > 0)) {
      variables.set(k, variables.size);
      queue.push(k);
    }
  };
  while (queue.length > 0) {
    const eqs = index.get(queue.pop()!);
    if (eqs === undefined) continue;
    for (const eq of eqs) {
      if (equations.has(eq)) continue;
      equations.add(eq);
      reach(eq.total);
      for (const k of eq.parts) reach(k);
    }
  }
  if (equations.size === 0) return { range: { low: 0, high: Number.POSITIVE_INFINITY }, equations };
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
  return { range: r && { low: r.low + offset[0]!, high: r.high + offset[0]! }, equations };
}

/**
 * The ranges of one model's hidden cells, kept from one audit to the next (protect.ts audits the whole model after
 * every round of complements, and a round changes a few sums). A range is worked out again only when a cell of an
 * equation it reached changed between published and not since it was worked out: the same range, in a fraction of
 * the time (profiled: the audit of every hidden cell in every round was most of a package's publish).
 */
export class AuditCache {
  readonly #ranges = new Map<string, Range>();
  /** The cells whose cached range read each equation. */
  readonly #readers = new Map<Equation, string[]>();
  /** Whether each cell of an equation a cached range read was published then (only those cells are compared). */
  readonly #wasPublished = new Map<string, boolean>();

  /** Forgets the ranges that a change of the published cells since they were worked out may have changed. */
  update(index: Map<string, Equation[]>, published: ReadonlySet<string>): void {
    for (const [cell, was] of this.#wasPublished) {
      if (published.has(cell) === was) continue;
      this.#wasPublished.delete(cell);
      for (const eq of index.get(cell) ?? []) {
        for (const target of this.#readers.get(eq) ?? []) this.#ranges.delete(target);
        this.#readers.delete(eq);
      }
    }
  }

  range(model: DisclosureModel, index: Map<string, Equation[]>, published: ReadonlySet<string>, target: string): Range {
    if (this.#ranges.has(target)) return this.#ranges.get(target)!;
    const { range, equations } = reachedRange(model, index, published, target);
    this.#ranges.set(target, range);
    const watch = (cell: string) => {
      if (!this.#wasPublished.has(cell)) this.#wasPublished.set(cell, published.has(cell));
    };
    for (const eq of equations) {
      const readers = this.#readers.get(eq);
      if (readers) readers.push(target);
      else this.#readers.set(eq, [target]);
      watch(eq.total);
      for (const cell of eq.parts) watch(cell);
    }
    return range;
  }
}

/**
 * Audits the published cells of a model: every sensitive cell not published must keep a wide enough range. `index`
 * (the model's {@link equationIndex}) and `cache` are for a caller that audits the same model again and again
 * (protect.ts).
 */
export function audit(
  model: DisclosureModel,
  published: ReadonlySet<string>,
  index: Map<string, Equation[]> = equationIndex(model),
  cache?: AuditCache,
): AuditResult {
  cache?.update(index, published);
  const result: AuditResult = { checked: 0, determined: [], narrow: [], published: [] };
  for (const cell of model.cells.values()) {
    if (!cell.sensitive) continue;
    if (published.has(cell.key)) {
      result.published.push(cell);
      continue;
    }
    result.checked++;
    const r = cache ? cache.range(model, index, published, cell.key) : cellRange(model, index, published, cell.key);
    if (!r) continue;
    const width = r.high - r.low;
    if (width < 1e-6) result.determined.push({ cell, ...r });
    if (width < cell.threshold - 1e-6) result.narrow.push({ cell, ...r });
  }
  return result;
}
