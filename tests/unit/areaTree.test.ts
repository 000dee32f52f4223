import { describe, expect, it } from 'vitest';
import type { Area } from '../../src/data/package.ts';
import { ancestors, buildAreaTree, searchAreas } from '../../src/views/picker/areaTree.ts';

const area = (code: string, name: string, level: Area['level'], parent: string | null, members?: string[]): Area => ({
  code,
  name,
  level,
  parent,
  gemeente: level === 'land' ? null : 'GM1',
  ...(members ? { members } : {}),
});

const areas: Area[] = [
  area('NL00', 'Nederland', 'land', null),
  area('GM1', 'Gemeente', 'gemeente', 'NL00'),
  area('WK1', 'Noord', 'wijk', 'GM1'),
  area('BU11', 'Oud-Noord', 'buurt', 'WK1'),
  area('BU12', 'Zuïderpark', 'buurt', 'WK1'),
  area('WK2', 'Zuid', 'wijk', 'GM1'),
  area('BU21', 'Zuidrand', 'buurt', 'WK2'),
  area('GB1', 'Dorpskernen', 'gebied', 'GM1', ['BU11', 'BU21']),
];

describe('area tree', () => {
  it('nests gemeente → wijk → buurt and keeps custom areas apart', () => {
    const tree = buildAreaTree(areas);
    expect(tree.roots.map((r) => r.area.code)).toEqual(['GM1']);
    expect(tree.roots[0]!.children.map((c) => [c.area.code, c.children.map((b) => b.area.code)])).toEqual([
      ['WK1', ['BU11', 'BU12']],
      ['WK2', ['BU21']],
    ]);
    expect(tree.custom.map((a) => a.code)).toEqual(['GB1']);
  });

  it('searches names without case or diacritics, prefix matches first', () => {
    expect(searchAreas(areas, 'zuid').map((a) => a.code)).toEqual(['BU12', 'WK2', 'BU21']);
    expect(searchAreas(areas, 'ZUIDER').map((a) => a.code)).toEqual(['BU12']);
    expect(searchAreas(areas, 'bu2').map((a) => a.code)).toEqual(['BU21']);
    expect(searchAreas(areas, 'neder')).toEqual([]);
    expect(searchAreas(areas, '   ')).toEqual([]);
  });

  it('lists ancestors parent first', () => {
    const byCode = new Map(areas.map((a) => [a.code, a]));
    expect(ancestors(byCode, 'BU21')).toEqual(['WK2', 'GM1', 'NL00']);
  });
});
