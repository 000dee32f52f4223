/**
 * The disclosure model: what a published table tells about the counts behind it. Every published figure exposes
 * one or more *cells* — a count of one quantity (people with jeugdhulp, young people, households …) in one area and
 * period: a rate exposes its numerator and denominator, a count its value. Indicators share quantities (the young
 * people under jeugdhulp_pct are the numerator of jongeren_pct), so a cell hidden in one indicator may be shown by
 * another; and cells add up over the hierarchy (a wijk is the sum of its buurten, a gebied of its members), so a
 * hidden cell may be worked out from the shown ones. The model names every cell once, across indicators, and lists
 * the sums that hold between them; the audit (audit.ts) and the protection (protect.ts) both work on it.
 *
 * Quantities are found two ways: declared in indicators.csv (`numerator_id`, `denominator_id`: a name for what the
 * count counts) and derived from the data: two columns (an indicator's numerators, denominators or count values)
 * that are equal in every area and period they share, over at least `MIN_SHARED` cells with more than one value,
 * count the same thing.
 */
import type { Indicator } from '../data/package.ts';

export interface DisclosureRow {
  area_code: string;
  indicator_id: string;
  period: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

export type DisclosureIndicator = Pick<Indicator, 'id' | 'unit' | 'min_count'> &
  Partial<Pick<Indicator, 'rounding' | 'denominator_rounding' | 'publish_rounding'>> & {
    /** Counts from 1 to count_threshold − 1 are hidden (CBS-like default 5; 0 turns it off). */
    count_threshold?: number | null;
    numerator_id?: string | null;
    denominator_id?: string | null;
  };

export interface DisclosureArea {
  code: string;
  level: string;
  parent: string | null;
  members?: readonly string[];
}

export type Role = 'num' | 'den' | 'val';

/** The default count threshold: counts 1–4 are not published, as CBS does. */
export const DEFAULT_COUNT_THRESHOLD = 5;
/** Columns equal in at least this many shared cells (with more than one distinct value) count the same thing. */
export const MIN_SHARED = 20;

export interface Cell {
  key: string;
  quantity: string;
  area: string;
  period: number;
  value: number;
  /** The count as it is shown: rounded where the indicator publishes counts rounded (publish_rounding). */
  shown: number;
  /** Half the rounding range of the published count (0 when exact). */
  slack: number;
  /** The largest count threshold of the indicators exposing it. */
  threshold: number;
  /** Why it must not be published or worked out: a small count, or the numerator of a rate on a small base. */
  sensitive: 'small_count' | 'small_base' | null;
}

export interface RowCells {
  /** Index into the rows. */
  row: number;
  cells: string[];
  /** The denominator is below the indicator's min_count: the row is never shown. */
  smallBase: boolean;
}

/** A sum that holds between cells of one quantity and period: total = Σ parts (within the rounding slack). */
export interface Equation {
  total: string;
  parts: string[];
}

export interface DisclosureModel {
  cells: Map<string, Cell>;
  rows: RowCells[];
  equations: Equation[];
  /** Quantity of each (indicator, role). */
  quantityOf: Map<string, string>;
}

const roleKey = (indicator: string, role: Role) => `${indicator}:${role}`;
export const cellKey = (quantity: string, area: string, period: number) => `${quantity}|${area}|${period}`;

class UnionFind {
  readonly #parent = new Map<string, string>();
  find(x: string): string {
    let p = this.#parent.get(x) ?? x;
    if (p !== x) {
      p = this.find(p);
      this.#parent.set(x, p);
    }
    return p;
  }
  union(a: string, b: string) {
    const ra = this.find(a);
    const rb = this.find(b);
    // The smaller key becomes the root, so the quantity's name does not depend on the order of the unions.
    if (ra < rb) this.#parent.set(rb, ra);
    else if (rb < ra) this.#parent.set(ra, rb);
  }
}

/** The counts a row exposes, by role (rates: numerator and denominator; counts without them: the value). */
function exposed(row: DisclosureRow, indicator: DisclosureIndicator): [Role, number][] {
  const out: [Role, number][] = [];
  if (row.numerator !== null) out.push(['num', row.numerator]);
  if (row.denominator !== null) out.push(['den', row.denominator]);
  if (out.length === 0 && indicator.unit === 'count' && row.value !== null) out.push(['val', row.value]);
  return out;
}

export function buildModel(
  rows: readonly DisclosureRow[],
  indicators: readonly DisclosureIndicator[],
  areas: readonly DisclosureArea[],
): DisclosureModel {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  // Columns: (indicator, role) → (area|period) → count.
  const columns = new Map<string, Map<string, number>>();
  rows.forEach((row) => {
    const indicator = byId.get(row.indicator_id);
    if (!indicator) return;
    for (const [role, count] of exposed(row, indicator)) {
      const key = roleKey(row.indicator_id, role);
      let column = columns.get(key);
      if (!column) {
        column = new Map();
        columns.set(key, column);
      }
      column.set(`${row.area_code}|${row.period}`, count);
    }
  });

  const quantities = new UnionFind();
  for (const i of indicators) {
    if (i.numerator_id) quantities.union(roleKey(i.id, 'num'), `q:${i.numerator_id}`);
    if (i.denominator_id) quantities.union(roleKey(i.id, 'den'), `q:${i.denominator_id}`);
    if (i.numerator_id && i.unit === 'count') quantities.union(roleKey(i.id, 'val'), `q:${i.numerator_id}`);
  }
  const keys = [...columns.keys()];
  for (let a = 0; a < keys.length; a++) {
    for (let b = a + 1; b < keys.length; b++) {
      if (quantities.find(keys[a]!) === quantities.find(keys[b]!)) continue;
      const [small, large] = [columns.get(keys[a]!)!, columns.get(keys[b]!)!].sort((x, y) => x.size - y.size);
      let shared = 0;
      let equal = true;
      let first: number | null = null;
      let varied = false;
      for (const [k, v] of small!) {
        const w = large!.get(k);
        if (w === undefined) continue;
        if (w !== v) {
          equal = false;
          break;
        }
        shared++;
        if (first === null) first = v;
        else if (v !== first) varied = true;
      }
      if (equal && shared >= MIN_SHARED && varied) quantities.union(keys[a]!, keys[b]!);
    }
  }
  const quantityOf = new Map(keys.map((k) => [k, quantities.find(k)]));

  const cells = new Map<string, Cell>();
  const rowCells: RowCells[] = [];
  rows.forEach((row, index) => {
    const indicator = byId.get(row.indicator_id);
    if (!indicator) return;
    const threshold = indicator.count_threshold ?? DEFAULT_COUNT_THRESHOLD;
    const smallBase = indicator.min_count > 0 && row.denominator !== null && row.denominator < indicator.min_count;
    const list: string[] = [];
    for (const [role, count] of exposed(row, indicator)) {
      const quantity = quantityOf.get(roleKey(row.indicator_id, role))!;
      const key = cellKey(quantity, row.area_code, row.period);
      const rounding = role === 'den' ? indicator.denominator_rounding : indicator.rounding;
      let cell = cells.get(key);
      if (!cell) {
        cell = {
          key,
          quantity,
          area: row.area_code,
          period: row.period,
          value: count,
          shown: indicator.publish_rounding
            ? Math.floor(count / indicator.publish_rounding + 0.5) * indicator.publish_rounding
            : count,
          slack: (rounding ?? 0) / 2,
          threshold: 0,
          sensitive: null,
        };
        cells.set(key, cell);
      }
      cell.threshold = Math.max(cell.threshold, threshold);
      cell.slack = Math.max(cell.slack, (rounding ?? 0) / 2);
      // A count value below min_count (the old rule for counts) is a small base too.
      if (role === 'val' && indicator.min_count > 0 && count < indicator.min_count && count > 0)
        cell.sensitive ??= 'small_count';
      // Also a 0: "nobody of these 8" on a small base tells as much as "all of them".
      if (role === 'num' && smallBase) cell.sensitive ??= 'small_base';
      list.push(key);
    }
    rowCells.push({ row: index, cells: list, smallBase });
  });
  for (const cell of cells.values()) {
    if (cell.value > 0 && cell.value < cell.threshold) cell.sensitive = 'small_count';
  }

  // Sums over the hierarchy that hold in the data: a parent and all its children (buurten of a wijk, wijken of a
  // gemeente, members of a gebied), per quantity and period.
  const children = new Map<string, string[]>();
  for (const a of areas) {
    if (a.level === 'gebied' && a.members && a.members.length > 0) children.set(a.code, [...a.members]);
    else if (a.parent && (a.level === 'buurt' || a.level === 'wijk')) {
      const list = children.get(a.parent) ?? [];
      list.push(a.code);
      children.set(a.parent, list);
    }
  }
  const byQuantityPeriod = new Map<string, Map<string, Cell>>();
  for (const cell of cells.values()) {
    const k = `${cell.quantity}|${cell.period}`;
    let m = byQuantityPeriod.get(k);
    if (!m) {
      m = new Map();
      byQuantityPeriod.set(k, m);
    }
    m.set(cell.area, cell);
  }
  const equations: Equation[] = [];
  for (const inPeriod of byQuantityPeriod.values()) {
    for (const [parent, kids] of children) {
      const total = inPeriod.get(parent);
      if (!total) continue;
      const parts = kids.map((k) => inPeriod.get(k));
      if (parts.some((p) => p === undefined)) continue;
      const sum = parts.reduce((s, p) => s + p!.value, 0);
      const slack = total.slack + parts.reduce((s, p) => s + p!.slack, 0);
      if (Math.abs(sum - total.value) <= slack + 1e-6)
        equations.push({ total: total.key, parts: parts.map((p) => p!.key) });
    }
  }
  return { cells, rows: rowCells, equations, quantityOf };
}
