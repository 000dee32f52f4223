/**
 * Cell suppression over the linked table set: which rows of a package may be published. Primary: every sensitive
 * cell (a count from 1 to its threshold − 1, or the numerator of a rate on fewer than min_count people) is hidden,
 * with every row that shows it — in any indicator, since indicators share cells (model.ts). A rate on a small base
 * is never shown. Secondary: the audit (audit.ts) works out how far each hidden sensitive cell can be narrowed down
 * from everything still published, over every level, gebied and linked indicator; where a range is too narrow the
 * smallest published cell of a sum that holds it is hidden too, and the audit runs again, until none is (the
 * LP-checked greedy of sdcTable's and τ-Argus's heuristics). Hiding only ever widens ranges, so it ends.
 */
import { AuditCache, audit, cellRange, equationIndex } from './audit.ts';
import type { DisclosureModel } from './model.ts';

export type HiddenReason = 'small_count' | 'small_base' | 'secondary';

export interface Protection {
  /** Indices of the rows that may not be shown. */
  hiddenRows: Set<number>;
  /** Why a cell is hidden. */
  hiddenCells: Map<string, HiddenReason>;
  /** The published cells and the final audit's figures. */
  published: Set<string>;
  rounds: number;
}

/** The cells the shown rows publish, and which rows are shown, for a set of hidden cells. */
export function publishedCells(
  model: DisclosureModel,
  hidden: ReadonlyMap<string, unknown>,
): { published: Set<string>; hiddenRows: Set<number> } {
  const published = new Set<string>();
  const hiddenRows = new Set<number>();
  for (const r of model.rows) {
    if (r.smallBase || r.cells.some((c) => hidden.has(c))) hiddenRows.add(r.row);
    else for (const c of r.cells) published.add(c);
  }
  return { published, hiddenRows };
}

/**
 * A complement an analyst can work out exactly protects nothing, and its rows would say "geheim" about a figure that
 * is not secret: such complements are published again (their counts are known already, so the audit cannot change).
 */
function withoutUselessComplements(
  model: DisclosureModel,
  index: ReturnType<typeof equationIndex>,
  cache: AuditCache,
  hidden: Map<string, HiddenReason>,
  rounds: number,
): Protection {
  const before = publishedCells(model, hidden);
  const useless = [...hidden]
    .filter(([key, reason]) => {
      if (reason !== 'secondary') return false;
      const r = cellRange(model, index, before.published, key);
      return r !== null && r.high - r.low < 1e-6;
    })
    .map(([key]) => key);
  if (useless.length > 0) {
    const trial = new Map(hidden);
    for (const key of useless) trial.delete(key);
    const after = publishedCells(model, trial);
    if (audit(model, after.published, index, cache).narrow.length === 0) {
      return { hiddenRows: after.hiddenRows, hiddenCells: trial, published: after.published, rounds };
    }
  }
  return { hiddenRows: before.hiddenRows, hiddenCells: hidden, published: before.published, rounds };
}

/** How many candidate complements are tried, smallest first, before the widest-opening one is taken. */
const MAX_TRIES = 12;

export function protect(model: DisclosureModel, maxRounds = 50): Protection {
  const hidden = new Map<string, HiddenReason>();
  for (const cell of model.cells.values()) if (cell.sensitive) hidden.set(cell.key, cell.sensitive);
  const index = equationIndex(model);
  const cache = new AuditCache();
  const value = (k: string) => model.cells.get(k)!.value;
  const rowsOf = new Map<string, number[]>();
  model.rows.forEach((r, i) => {
    for (const c of r.cells) {
      const list = rowsOf.get(c);
      if (list) list.push(i);
      else rowsOf.set(c, [i]);
    }
  });
  for (let round = 1; round <= maxRounds; round++) {
    const { published, hiddenRows } = publishedCells(model, hidden);
    // How many shown rows expose each cell: hiding a cell hides its rows, and a cell no shown row exposes any more
    // is no longer published.
    const exposure = new Map<string, number>();
    model.rows.forEach((r) => {
      if (!hiddenRows.has(r.row)) for (const c of r.cells) exposure.set(c, (exposure.get(c) ?? 0) + 1);
    });
    const hide = (key: string) => {
      hidden.set(key, 'secondary');
      for (const i of rowsOf.get(key) ?? []) {
        const r = model.rows[i]!;
        if (hiddenRows.has(r.row)) continue;
        hiddenRows.add(r.row);
        for (const c of r.cells) {
          const left = (exposure.get(c) ?? 1) - 1;
          exposure.set(c, left);
          if (left === 0) published.delete(c);
        }
      }
    };
    const result = audit(model, published, index, cache);
    if (result.narrow.length === 0 || round === maxRounds)
      return withoutUselessComplements(model, index, cache, hidden, round);
    const hiddenBefore = hidden.size;
    for (const { cell } of result.narrow) {
      // One violation at a time: an earlier complement may already have opened this one.
      const now = cellRange(model, index, published, cell.key);
      if (!now || now.high - now.low >= cell.threshold - 1e-6) continue;
      // Candidates: the published cells of the sums reached from this cell through unpublished ones, smallest first
      // (the least information lost); the first whose hiding opens the range wide enough is taken, else the one that
      // opens it most.
      const seen = new Set<string>([cell.key]);
      const candidates: string[] = [];
      const queue = [cell.key];
      while (queue.length > 0) {
        const key = queue.shift()!;
        for (const eq of index.get(key) ?? []) {
          for (const k of [eq.total, ...eq.parts]) {
            if (seen.has(k)) continue;
            seen.add(k);
            if (published.has(k)) candidates.push(k);
            else queue.push(k);
          }
        }
      }
      // Zeros last: hiding a 0 only helps by opening the sums beyond it (a wijk of 0 fixes all its buurten at 0).
      const sorted = candidates.sort(
        (x, y) => Number(value(x) === 0) - Number(value(y) === 0) || value(x) - value(y) || (x < y ? -1 : 1),
      );
      let chosen: string | null = null;
      let widest = -1;
      for (const k of sorted.slice(0, MAX_TRIES)) {
        published.delete(k);
        const r = cellRange(model, index, published, cell.key);
        published.add(k);
        const width = r ? r.high - r.low : Number.POSITIVE_INFINITY;
        if (width >= cell.threshold - 1e-6) {
          chosen = k;
          break;
        }
        if (width > widest) {
          widest = width;
          chosen = k;
        }
      }
      chosen ??= sorted[0] ?? null;
      if (chosen !== null) hide(chosen);
    }
    // Nothing left to hide (cannot happen with a published cell in reach; kept so a load never loops).
    if (hidden.size === hiddenBefore) return withoutUselessComplements(model, index, cache, hidden, round);
  }
  return withoutUselessComplements(model, index, cache, hidden, maxRounds);
}
