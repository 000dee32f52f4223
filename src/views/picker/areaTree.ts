import { otherNames } from '../../data/areaPeriods.ts';
import type { Area } from '../../data/package.ts';

export interface TreeNode {
  area: Area;
  children: TreeNode[];
}

export interface AreaTree {
  /** gemeente → wijk → buurt, in package order. */
  roots: TreeNode[];
  /** Custom areas (`gebied`), made of buurten. */
  custom: Area[];
}

/** Builds the picker's tree from the package's areas; `land` is a reference, not a place to pick. */
export function buildAreaTree(areas: readonly Area[]): AreaTree {
  const nodes = new Map<string, TreeNode>();
  for (const area of areas)
    if (area.level !== 'land' && area.level !== 'gebied') nodes.set(area.code, { area, children: [] });
  const roots: TreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.area.parent ? nodes.get(node.area.parent) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return { roots, custom: areas.filter((a) => a.level === 'gebied') };
}

/** Lower case without diacritics, so "Hoogeveen" matches "hoogeveen" and "Zuidbroek" "zuïdbroek". */
export function normalizeSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
}

/**
 * Areas whose name or code contains the query; names that start with it first, then package order. An area CBS
 * renamed is found by its other names too (after its name and code), so the old name of a buurt still finds it.
 */
export function searchAreas(areas: readonly Area[], query: string, limit = 50): Area[] {
  const q = normalizeSearch(query);
  if (!q) return [];
  const scored: { area: Area; score: number; index: number }[] = [];
  areas.forEach((area, index) => {
    if (area.level === 'land') return;
    const name = normalizeSearch(area.name);
    const code = area.code.toLowerCase();
    const score = name.startsWith(q)
      ? 0
      : code.startsWith(q)
        ? 1
        : name.includes(q)
          ? 2
          : code.includes(q)
            ? 3
            : otherNames(area).some((n) => normalizeSearch(n).includes(q))
              ? 4
              : -1;
    if (score >= 0) scored.push({ area, score, index });
  });
  return scored
    .sort((a, b) => a.score - b.score || a.index - b.index)
    .slice(0, limit)
    .map((s) => s.area);
}

/** The codes of an area's ancestors (parent first), for expanding the tree down to the selection. */
export function ancestors(areas: ReadonlyMap<string, Area>, code: string): string[] {
  const out: string[] = [];
  let current = areas.get(code)?.parent ?? null;
  while (current && !out.includes(current)) {
    out.push(current);
    current = areas.get(current)?.parent ?? null;
  }
  return out;
}
