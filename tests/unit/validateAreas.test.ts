import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PackageError, type PackageIssue } from '../../src/data/package.ts';
import { validateAreas, validateLevelGeometry } from '../../src/data/validate.ts';

const MINI = join(import.meta.dirname, '..', 'fixtures', 'packages', 'mini');
const F = 'areas.geojson';
/** Real CBS boundaries beside the repository (shared/data; see its README), simplified by PDOK: with crossing slivers. */
const PDOK_2024 = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'shared',
  'data',
  'boundaries',
  'pdok_cbs_gemeenten_2024_nl.geojson',
);

interface Feature {
  type: string;
  properties: Record<string, unknown> | null;
  geometry?: unknown;
}

/** The mini package's features (fresh copies): NL00, GM9999, WK999901, BU99990101, BU99990102, centrum. */
function features(): Feature[] {
  return (JSON.parse(readFileSync(join(MINI, F), 'utf8')) as { features: Feature[] }).features;
}

function collection(list: unknown[]): string {
  return JSON.stringify({ type: 'FeatureCollection', features: list });
}

function issuesOf(text: string): PackageIssue[] {
  try {
    validateAreas(text);
  } catch (error) {
    if (error instanceof PackageError) return error.issues;
    throw error;
  }
  throw new Error('expected a PackageError');
}

const square = (x: number, y: number, d = 0.1) => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y],
];

/** A buurt feature under WK999901. */
function buurt(code: string, geometry: unknown, extra: Record<string, unknown> = {}): Feature {
  return { type: 'Feature', properties: { code, name: code, level: 'buurt', parent: 'WK999901', ...extra }, geometry };
}

describe('validateAreas', () => {
  it('reports invalid JSON and a root that is not a FeatureCollection', () => {
    expect(issuesOf('{"type": "FeatureCollection", "features": [}')).toEqual([
      { file: F, code: 'invalidJson', params: { line: 1, column: 44 } },
    ]);
    expect(issuesOf('{"type": "Feature"}')).toEqual([
      { file: F, code: 'notFeatureCollection', params: { value: 'Feature' } },
    ]);
    expect(issuesOf('')).toEqual([{ file: F, code: 'emptyFile' }]);
    expect(issuesOf(collection([]))).toEqual([{ file: F, code: 'noRows' }]);
  });

  it('reports an unknown parent', () => {
    const list = [
      ...features(),
      buurt('BU99990199', { type: 'Polygon', coordinates: [square(5, 52)] }, { parent: 'WK999999' }),
    ];
    expect(issuesOf(collection(list))).toEqual([
      { file: F, row: 7, column: 'parent', code: 'unknownParent', params: { value: 'WK999999' } },
    ]);
  });

  it('reports a parent of the wrong level and a missing parent', () => {
    const list = [
      ...features(),
      buurt('BU99990103', { type: 'Polygon', coordinates: [square(5, 52)] }, { parent: 'GM9999' }),
      buurt('BU99990104', { type: 'Polygon', coordinates: [square(5, 52)] }, { parent: '' }),
    ];
    expect(issuesOf(collection(list))).toEqual([
      { file: F, row: 8, column: 'parent', code: 'required', params: { value: '' } },
      {
        file: F,
        row: 7,
        column: 'parent',
        code: 'wrongParentLevel',
        params: { value: 'GM9999', level: 'gemeente', expected: 'wijk' },
      },
    ]);
  });

  it('reports a geometry that is not a polygon', () => {
    const list = [
      ...features(),
      buurt('BU99990103', { type: 'Point', coordinates: [5, 52] }),
      buurt('BU99990104', {
        type: 'LineString',
        coordinates: [
          [5, 52],
          [5.1, 52.1],
        ],
      }),
      buurt('BU99990105', 'POLYGON((5 52, 6 52))'),
    ];
    expect(issuesOf(collection(list))).toEqual([
      { file: F, row: 7, column: 'geometry', code: 'geometryNotPolygon', params: { value: 'Point', found: 'Point' } },
      {
        file: F,
        row: 8,
        column: 'geometry',
        code: 'geometryNotPolygon',
        params: { value: 'LineString', found: 'LineString' },
      },
      {
        file: F,
        row: 9,
        column: 'geometry',
        code: 'geometryNotPolygon',
        params: { value: 'POLYGON((5 52, 6 52))', found: 'POLYGON((5 52, 6 52))' },
      },
    ]);
  });

  it('reports a feature without a geometry member, except for land; geometry null (boundary unknown) is allowed', () => {
    const list = features();
    delete list[3]!.geometry;
    list[4]!.geometry = null;
    expect(issuesOf(collection(list))).toEqual([
      { file: F, row: 4, column: 'geometry', code: 'geometryMissing', params: { value: 'buurt' } },
    ]);
  });

  it('reports RD New coordinates with a hint, and other out-of-range coordinates without', () => {
    const rd = [
      [155000, 463000],
      [156000, 463000],
      [156000, 464000],
      [155000, 463000],
    ];
    const list = [
      ...features(),
      buurt('BU99990103', { type: 'Polygon', coordinates: [rd] }),
      buurt('BU99990104', { type: 'Polygon', coordinates: [square(52, 185)] }),
    ];
    expect(issuesOf(collection(list))).toEqual([
      {
        file: F,
        row: 7,
        column: 'geometry',
        code: 'coordinatesOutOfRange',
        params: { value: '155000, 463000', crs: 'EPSG:28992' },
      },
      { file: F, row: 8, column: 'geometry', code: 'coordinatesOutOfRange', params: { value: '52, 185' } },
    ]);
  });

  it('reports an unclosed ring, a ring that is too short and malformed coordinates', () => {
    const open = square(5, 52).slice(0, 4);
    const list = [
      ...features(),
      buurt('BU99990103', { type: 'Polygon', coordinates: [open] }),
      buurt('BU99990104', {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [5, 52],
              [5.1, 52],
              [5, 52],
            ],
          ],
        ],
      }),
      buurt('BU99990105', {
        type: 'Polygon',
        coordinates: [
          [
            [5, 52],
            [5.1, '52'],
            [5.1, 52.1],
            [5, 52],
          ],
        ],
      }),
      buurt('BU99990106', { type: 'Polygon', coordinates: [] }),
    ];
    expect(issuesOf(collection(list))).toEqual([
      { file: F, row: 7, column: 'geometry', code: 'ringNotClosed', params: { value: '5, 52 ≠ 5, 52.1' } },
      { file: F, row: 8, column: 'geometry', code: 'ringTooShort', params: { value: 3, found: 3 } },
      { file: F, row: 9, column: 'geometry', code: 'invalidCoordinates', params: { value: '[5.1,"52"]' } },
      { file: F, row: 10, column: 'geometry', code: 'invalidCoordinates', params: { value: '[]' } },
    ]);
  });

  it('reports a boundary that crosses itself (a bow tie), naming the area and where', () => {
    const bowTie = [
      [5, 52],
      [5.1, 52.1],
      [5.1, 52],
      [5, 52.1],
      [5, 52],
    ];
    // A hole-shaped crossing inside a larger ring: its loop holds a quarter of the shape.
    const figureEight = [
      [5, 52],
      [5.2, 52],
      [5.2, 52.1],
      [5.1, 52.1],
      [5.1, 51.95],
      [5.15, 51.95],
      [5.15, 52.05],
      [5, 52.05],
      [5, 52],
    ];
    const list = [
      ...features(),
      buurt('BU99990103', { type: 'Polygon', coordinates: [bowTie] }),
      buurt('BU99990104', { type: 'MultiPolygon', coordinates: [[square(5, 52)], [figureEight]] }),
    ];
    expect(issuesOf(collection(list))).toEqual([
      {
        file: F,
        row: 7,
        column: 'geometry',
        code: 'selfIntersection',
        params: { value: '5.05, 52.05', area: 'BU99990103' },
      },
      {
        file: F,
        row: 8,
        column: 'geometry',
        code: 'selfIntersection',
        params: { value: '5.1, 52', area: 'BU99990104' },
      },
    ]);
  });

  it('accepts a sliver where a simplified boundary crosses itself (as PDOK publishes them)', () => {
    // A square whose edge dents back over itself by a millionth of a degree: a loop of a millionth of the area.
    const sliver = [
      [5, 52],
      [5.05, 52],
      [5.050001, 51.999999],
      [5.050002, 52.000001],
      [5.1, 52],
      [5.1, 52.1],
      [5, 52.1],
      [5, 52],
    ];
    const list = [...features(), buurt('BU99990103', { type: 'Polygon', coordinates: [sliver] })];
    expect(() => validateAreas(collection(list))).not.toThrow();
  });

  it('reports a shape far larger than its level can be, and one outside the Netherlands', () => {
    const world = [
      [-180, -85],
      [180, -85],
      [180, 85],
      [-180, 85],
      [-180, -85],
    ];
    const list = [
      ...features(),
      buurt('BU99990103', { type: 'Polygon', coordinates: [world] }),
      buurt('BU99990104', { type: 'Polygon', coordinates: [square(18.4, -33.9)] }),
      // The country itself may span the Netherlands.
      { ...features()[0]!, geometry: { type: 'Polygon', coordinates: [square(3.3, 50.7, 4)] } },
    ];
    const issues = issuesOf(collection(list));
    expect(issues.filter((i) => i.code !== 'duplicateKey')).toEqual([
      {
        file: F,
        row: 7,
        column: 'geometry',
        code: 'geometryTooLarge',
        params: { value: '-180, -85 – 180, 85', level: 'buurt', max: 3, area: 'BU99990103' },
      },
      {
        file: F,
        row: 8,
        column: 'geometry',
        code: 'outsideNetherlands',
        params: { value: '18.4, -33.9 – 18.5, -33.8', area: 'BU99990104' },
      },
    ]);
  });

  it.skipIf(!existsSync(PDOK_2024))('accepts every gemeente of the real PDOK boundaries of 2024', () => {
    const pdok = JSON.parse(readFileSync(PDOK_2024, 'utf8')) as { features: Feature[] };
    const gemeenten = pdok.features.map((f) => ({
      type: 'Feature',
      properties: {
        code: f.properties!.gemeentecode,
        name: f.properties!.gemeentenaam,
        level: 'gemeente',
        parent: 'NL00',
      },
      geometry: f.geometry,
    }));
    expect(gemeenten.length).toBe(343);
    const land = { type: 'Feature', properties: { code: 'NL00', name: 'Nederland', level: 'land' }, geometry: null };
    expect(validateAreas(collection([land, ...gemeenten]))).toHaveLength(344);
  });

  it("checks the shapes of a partitioned package's gemeente file too, naming feature and area", () => {
    const gemeente = (code: string, coordinates: unknown) => ({
      type: 'Feature',
      properties: { code, name: code, level: 'gemeente' },
      geometry: { type: 'Polygon', coordinates },
    });
    const bowTie = [
      [5, 52],
      [5.1, 52.1],
      [5.1, 52],
      [5, 52.1],
      [5, 52],
    ];
    const G = 'geo/gemeente.geojson';
    const refused = (text: string) => {
      try {
        validateLevelGeometry(text, G, 'gemeente');
      } catch (error) {
        if (error instanceof PackageError) return error.issues;
        throw error;
      }
      throw new Error('expected a PackageError');
    };
    expect(refused(collection([gemeente('GM0001', [square(5, 52)]), gemeente('GM0002', [bowTie])]))).toEqual([
      {
        file: G,
        row: 2,
        column: 'geometry',
        code: 'selfIntersection',
        params: { value: '5.05, 52.05', area: 'GM0002' },
      },
    ]);
    expect(refused('{"type":"Feature"}')).toEqual([
      { file: G, code: 'notFeatureCollection', params: { value: 'Feature' } },
    ]);
    const ok = collection([gemeente('GM0001', [square(5, 52)])]);
    expect(validateLevelGeometry(ok, G, 'gemeente').features).toHaveLength(1);
  });

  it('reports missing properties, a bad level, code patterns and duplicate codes', () => {
    const list = features();
    list[2]!.properties = { code: 'WK9999', name: 'Wijk', level: 'wijk', parent: 'GM9999' };
    list[3]!.properties = { code: 'BU99990102', name: 'Dubbel', level: 'Buurt', parent: 'WK999901' };
    list[5]!.properties!.code = 'Centrum Noord';
    list.push({ type: 'Feature', properties: null, geometry: { type: 'Polygon', coordinates: [square(5, 52)] } });
    list.push({ type: 'Featur', properties: {} });
    expect(issuesOf(collection(list))).toEqual([
      {
        file: F,
        row: 3,
        column: 'code',
        code: 'invalidAreaCode',
        params: { value: 'WK9999', level: 'wijk', expected: 'WK000000' },
      },
      {
        file: F,
        row: 4,
        column: 'level',
        code: 'invalidEnum',
        params: { value: 'Buurt', allowed: 'land, gemeente, wijk, buurt, gebied' },
      },
      { file: F, row: 6, column: 'code', code: 'invalidCustomCode', params: { value: 'Centrum Noord', max: 32 } },
      { file: F, row: 7, column: 'level', code: 'required' },
      { file: F, row: 7, column: 'code', code: 'required' },
      { file: F, row: 7, column: 'name', code: 'required' },
      { file: F, row: 8, code: 'notFeature', params: { value: 'Featur' } },
      { file: F, row: 5, column: 'code', code: 'duplicateKey', params: { value: 'BU99990102', firstRow: 4 } },
      // WK999901 was renamed and BU99990101 replaced above: what referred to them no longer resolves.
      { file: F, row: 5, column: 'parent', code: 'unknownParent', params: { value: 'WK999901' } },
      { file: F, row: 6, column: 'members', code: 'unknownMember', params: { value: 'BU99990101' } },
      { file: F, row: 6, column: 'members', code: 'unknownMember', params: { value: 'BU99990102' } },
    ]);
  });

  it('reports members outside a gebied and unknown or duplicate members', () => {
    const list = features();
    list[2]!.properties!.members = ['BU99990101'];
    list[5]!.properties!.members = ['BU99990101', 'WK999901', 'BU12345678', 'BU99990101'];
    expect(issuesOf(collection(list))).toEqual([
      { file: F, row: 3, column: 'members', code: 'membersNotAllowed', params: { value: 'wijk' } },
      { file: F, row: 6, column: 'members', code: 'unknownMember', params: { value: 'WK999901' } },
      { file: F, row: 6, column: 'members', code: 'unknownMember', params: { value: 'BU12345678' } },
      { file: F, row: 6, column: 'members', code: 'duplicateKey', params: { value: 'BU99990101' } },
    ]);
  });

  it('survives hostile properties', () => {
    const list = features();
    list[1]!.properties!.name = `<script>alert(1)</script>${'x'.repeat(1_000_000)}`;
    const evil = buurt('x', { type: 'Polygon', coordinates: [square(5, 52)] });
    evil.properties!.code = { toString: 1, __proto__: { polluted: true } };
    list.push(evil, buurt('constructor', undefined), buurt('__proto__', undefined));
    const issues = issuesOf(collection(list));
    expect(issues.map(({ row, column, code }) => ({ row, column, code }))).toEqual([
      { row: 7, column: 'code', code: 'required' },
      { row: 8, column: 'code', code: 'invalidAreaCode' },
      { row: 8, column: 'geometry', code: 'geometryMissing' },
      { row: 9, column: 'code', code: 'invalidAreaCode' },
      { row: 9, column: 'geometry', code: 'geometryMissing' },
    ]);
    expect(issues[0]?.params).toEqual({ value: '{"toString":1}' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('caps the issues at 50 and adds one tooManyIssues', () => {
    const list = [
      ...features(),
      ...Array.from({ length: 60 }, (_, i) => buurt(`BU9999${String(i).padStart(4, '0')}`, undefined)),
    ];
    const issues = issuesOf(collection(list));
    expect(issues).toHaveLength(51);
    expect(issues[0]).toEqual({
      file: F,
      row: 7,
      column: 'geometry',
      code: 'geometryMissing',
      params: { value: 'buurt' },
    });
    expect(issues[50]).toEqual({ file: F, code: 'tooManyIssues', params: { shown: 50, more: 10 } });
  });
});
