/**
 * A small linear-programming solver for the disclosure audit: maximise c·x subject to A x = b, 0 ≤ x ≤ u (u may be
 * Infinity). The systems are small (the hidden cells of one quantity and period, a few equations), so a dense
 * two-phase simplex with Bland's rule (which cannot cycle) is enough and keeps the app free of a solver dependency.
 * Returns the optimum, or null when the constraints have no solution, or Infinity when the objective is unbounded.
 */
export interface LinearProgram {
  /** Equality rows: Σ_j a[i][j] x_j = b[i]. */
  a: number[][];
  b: number[];
  /** Upper bounds per variable (Infinity: none). Lower bounds are 0. */
  upper: number[];
  /** Objective to maximise. */
  c: number[];
}

const EPS = 1e-9;

export function maximise(lp: LinearProgram): number | null {
  const n = lp.c.length;
  // Upper bounds become rows x_j + s_j = u_j.
  const rows: number[][] = [];
  const rhs: number[] = [];
  for (let i = 0; i < lp.a.length; i++) {
    rows.push([...lp.a[i]!]);
    rhs.push(lp.b[i]!);
  }
  const bounded = lp.upper.map((u, j) => (Number.isFinite(u) ? j : -1)).filter((j) => j >= 0);
  const slackCount = bounded.length;
  for (const r of rows) for (let k = 0; k < slackCount; k++) r.push(0);
  bounded.forEach((j, k) => {
    const r = new Array<number>(n + slackCount).fill(0);
    r[j] = 1;
    r[n + k] = 1;
    rows.push(r);
    rhs.push(lp.upper[j]!);
  });
  const m = rows.length;
  const width = n + slackCount;
  // Make every right-hand side non-negative, then add one artificial variable per row (phase 1).
  for (let i = 0; i < m; i++) {
    if (rhs[i]! < 0) {
      rhs[i] = -rhs[i]!;
      rows[i] = rows[i]!.map((v) => -v);
    }
  }
  const total = width + m;
  const tableau: number[][] = rows.map((r, i) => {
    const row = new Array<number>(total + 1).fill(0);
    for (let j = 0; j < width; j++) row[j] = r[j]!;
    row[width + i] = 1;
    row[total] = rhs[i]!;
    return row;
  });
  const basis = Array.from({ length: m }, (_, i) => width + i);

  const pivot = (row: number, col: number) => {
    const pr = tableau[row]!;
    const p = pr[col]!;
    for (let j = 0; j <= total; j++) pr[j]! /= p;
    for (let i = 0; i < m; i++) {
      if (i === row) continue;
      const r = tableau[i]!;
      const f = r[col]!;
      if (Math.abs(f) < EPS) continue;
      for (let j = 0; j <= total; j++) r[j] = r[j]! - f * pr[j]!;
    }
    basis[row] = col;
  };

  /** Maximises Σ cost_j x_j over the allowed columns; false when unbounded. */
  const optimise = (cost: number[], allowed: (j: number) => boolean): boolean => {
    for (let iter = 0; iter < 10_000; iter++) {
      // Reduced costs: cost_j − Σ_i cost_basis(i) · tableau[i][j].
      let enter = -1;
      for (let j = 0; j < total; j++) {
        if (!allowed(j) || basis.includes(j)) continue;
        let reduced = cost[j]!;
        for (let i = 0; i < m; i++) reduced -= cost[basis[i]!]! * tableau[i]![j]!;
        if (reduced > EPS) {
          enter = j; // Bland: the lowest index
          break;
        }
      }
      if (enter < 0) return true;
      let leave = -1;
      let best = Number.POSITIVE_INFINITY;
      for (let i = 0; i < m; i++) {
        const a = tableau[i]![enter]!;
        if (a > EPS) {
          const ratio = tableau[i]![total]! / a;
          if (ratio < best - EPS || (Math.abs(ratio - best) <= EPS && basis[i]! < basis[leave]!)) {
            best = ratio;
            leave = i;
          }
        }
      }
      if (leave < 0) return false;
      pivot(leave, enter);
    }
    throw new Error('simplex: no convergence');
  };

  // Phase 1: minimise the artificial variables (maximise their negative sum).
  const phase1 = new Array<number>(total).fill(0);
  for (let i = 0; i < m; i++) phase1[width + i] = -1;
  optimise(phase1, () => true);
  let infeasibility = 0;
  for (let i = 0; i < m; i++) if (basis[i]! >= width) infeasibility += tableau[i]![total]!;
  if (infeasibility > 1e-7) return null;
  // Drive artificial variables still in the basis (at 0) out where possible.
  for (let i = 0; i < m; i++) {
    if (basis[i]! < width) continue;
    const col = tableau[i]!.findIndex((v, j) => j < width && Math.abs(v) > EPS);
    if (col >= 0) pivot(i, col);
  }
  // Phase 2 over the real columns only.
  const cost = new Array<number>(total).fill(0);
  for (let j = 0; j < n; j++) cost[j] = lp.c[j]!;
  if (!optimise(cost, (j) => j < width)) return Number.POSITIVE_INFINITY;
  let value = 0;
  for (let i = 0; i < m; i++) if (basis[i]! < n) value += lp.c[basis[i]!]! * tableau[i]![total]!;
  return value;
}

/** The smallest and largest value variable `j` can take. */
export function range(lp: Omit<LinearProgram, 'c'>, j: number): { low: number; high: number } | null {
  const n = lp.upper.length;
  const c = new Array<number>(n).fill(0);
  c[j] = 1;
  const high = maximise({ ...lp, c });
  if (high === null) return null;
  c[j] = -1;
  const negLow = maximise({ ...lp, c });
  if (negLow === null) return null;
  return { low: negLow === 0 ? 0 : -negLow, high };
}
