/** areas.geojson: NL00 (no geometry), the gemeente, wijken, buurten and the custom areas (gebieden). */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { AreaProperties } from '../../src/data/package.ts';
import { compareStrings } from './csv.ts';
import type { Profile } from './demography.ts';
import { type Ring, unionCells } from './geometry.ts';
import { GEMEENTE, LAND, type Layout } from './layout.ts';

export interface GebiedPlan {
  code: string;
  name: string;
  members: string[];
}

/** Custom areas: the village cores, the countryside, and the most deprived part of Voorstad. */
export function planGebieden(layout: Layout, profiles: readonly Profile[]): GebiedPlan[] {
  const codes = (keep: (b: Layout['buurten'][number], i: number) => boolean) =>
    layout.buurten.filter(keep).map((b) => b.code);
  const voorstad = layout.wijken.find((w) => w.name === 'Voorstad')!.code;
  const renewal = layout.buurten
    .map((b, i) => ({ b, d: profiles[i]!.d }))
    .filter(({ b }) => b.wijk === voorstad)
    .sort((x, y) => y.d - x.d)
    .slice(0, 4)
    .map(({ b }) => b.code);
  return [
    { code: 'GB999901', name: 'Dorpskernen', members: codes((b) => b.kind === 'core') },
    { code: 'GB999902', name: 'Buitengebied', members: codes((b) => b.kind === 'rural') },
    { code: 'GB999903', name: 'Vernieuwingsgebied Voorstad', members: renewal.sort(compareStrings) },
  ];
}

function feature(properties: AreaProperties, geometry: Geometry | null): Feature<Geometry | null, AreaProperties> {
  return { type: 'Feature', properties, geometry };
}

/** Compact GeoJSON (one line) with a trailing newline. */
export function areasGeojson(layout: Layout, cells: readonly Ring[], gebieden: readonly GebiedPlan[]): string {
  const cellOf = new Map(layout.buurten.map((b, i) => [b.code, cells[i]!]));
  const union = (codes: readonly string[]) => unionCells(codes.map((c) => cellOf.get(c)!));
  const byCode = <T extends { code: string }>(list: readonly T[]) =>
    [...list].sort((a, b) => compareStrings(a.code, b.code));
  const features = [
    feature({ code: LAND.code, name: LAND.name, level: 'land', parent: null }, null),
    feature({ code: GEMEENTE.code, name: GEMEENTE.name, level: 'gemeente', parent: LAND.code }, unionCells(cells)),
    ...byCode(layout.wijken).map((w) =>
      feature(
        { code: w.code, name: w.name, level: 'wijk', parent: GEMEENTE.code },
        union(layout.buurten.filter((b) => b.wijk === w.code).map((b) => b.code)),
      ),
    ),
    ...byCode(layout.buurten).map((b) =>
      feature(
        { code: b.code, name: b.name, level: 'buurt', parent: b.wijk },
        { type: 'Polygon', coordinates: [cellOf.get(b.code)!] },
      ),
    ),
    ...byCode(gebieden).map((g) =>
      feature(
        { code: g.code, name: g.name, level: 'gebied', parent: GEMEENTE.code, members: g.members },
        union(g.members),
      ),
    ),
  ];
  const collection: FeatureCollection<Geometry | null, AreaProperties> = { type: 'FeatureCollection', features };
  return `${JSON.stringify(collection)}\n`;
}
