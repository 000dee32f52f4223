/** Names per period: CBS renames a wijk or buurt and keeps its code (Uithoorn's WK045185, Meerwijk → De Kwakel). */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCbs } from '../../scripts/cbs/importCbs.ts';
import { namedIn, nameIn, nameNote, otherNames } from '../../src/data/areaPeriods.ts';
import { PackageError, type PackageIssue } from '../../src/data/package.ts';
import { validateAreas } from '../../src/data/validate.ts';
import { searchAreas } from '../../src/views/picker/areaTree.ts';
import { readPackage } from '../fixtures/readPackage.ts';

const square = (x: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, 52],
      [x + 0.1, 52],
      [x + 0.1, 52.1],
      [x, 52.1],
      [x, 52],
    ],
  ],
});
const feature = (props: Record<string, unknown>, x = 5) => ({
  type: 'Feature',
  properties: props,
  geometry: square(x),
});
const text = (features: unknown[]) =>
  JSON.stringify({
    type: 'FeatureCollection',
    features: [
      feature({ code: 'NL00', name: 'Nederland', level: 'land' }, 4),
      feature({ code: 'GM0451', name: 'Uithoorn', level: 'gemeente', parent: 'NL00' }),
      ...features,
    ],
  });
const wijk = (extra: Record<string, unknown>, x = 5) =>
  feature({ code: 'WK045185', name: 'Wijk 85 De Kwakel', level: 'wijk', parent: 'GM0451', ...extra }, x);

function issuesOf(run: () => unknown): PackageIssue[] {
  try {
    run();
  } catch (e) {
    if (e instanceof PackageError) return e.issues;
    throw e;
  }
  return [];
}

describe('names per period in areas.geojson', () => {
  it('reads the names property of one version', () => {
    const areas = validateAreas(text([wijk({ names: { 2015: 'Wijk 85 Meerwijk', 2024: 'Wijk 85 De Kwakel' } })]));
    const area = areas.find((a) => a.code === 'WK045185')!;
    expect(area.name).toBe('Wijk 85 De Kwakel');
    expect(area.names).toEqual([
      { from: 2015, name: 'Wijk 85 Meerwijk' },
      { from: 2024, name: 'Wijk 85 De Kwakel' },
    ]);
    expect(area.breaks).toBeUndefined();
    expect([2015, 2020, 2024, 2030].map((p) => nameIn(area, p))).toEqual([
      'Wijk 85 Meerwijk',
      'Wijk 85 Meerwijk',
      'Wijk 85 De Kwakel',
      'Wijk 85 De Kwakel',
    ]);
    expect(otherNames(area)).toEqual(['Wijk 85 Meerwijk']);
  });

  it('takes each version’s name from its first period, and no history when the name never changed', () => {
    const areas = validateAreas(
      text([
        wijk({ name: 'Meerwijk', first_period: 2015, last_period: 2018 }),
        wijk({ first_period: 2019 }, 6),
        feature({ code: 'WK045115', name: 'Wijk 15', level: 'wijk', parent: 'GM0451', first_period: 2015 }),
        feature({ code: 'WK045125', name: 'Wijk  25', level: 'wijk', parent: 'GM0451', names: { 2015: 'Wijk 25' } }),
      ]),
    );
    const area = areas.find((a) => a.code === 'WK045185')!;
    expect(area.names).toEqual([
      { from: 2015, name: 'Meerwijk' },
      { from: 2019, name: 'Wijk 85 De Kwakel' },
    ]);
    // A name outside the area's years is its current one.
    expect(nameIn(area, 2010)).toBe('Wijk 85 De Kwakel');
    expect(areas.find((a) => a.code === 'WK045115')!.names).toBeUndefined();
    // Only the spacing differs: one name.
    expect(areas.find((a) => a.code === 'WK045125')!.names).toBeUndefined();
  });

  it('names the row and the column for a period that is no year and a name that is empty', () => {
    const issues = issuesOf(() => validateAreas(text([wijk({ names: { later: 'X', 2024: '' } })])));
    expect(issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [3, 'names', 'required'],
      [3, 'names', 'notInteger'],
    ]);
  });
});

describe('the app under the year’s names', () => {
  const areas = validateAreas(text([wijk({ names: { 2015: 'Wijk 85 Meerwijk', 2024: 'Wijk 85 De Kwakel' } })]));

  it('names every area as it was called in the period, and says what it is called now or was called', () => {
    const in2015 = namedIn(areas, 2015).find((a) => a.code === 'WK045185')!;
    expect(in2015.name).toBe('Wijk 85 Meerwijk');
    expect(nameNote(in2015)).toEqual({ kind: 'now', names: 'Wijk 85 De Kwakel' });
    const in2024 = namedIn(areas, 2024).find((a) => a.code === 'WK045185')!;
    expect(nameNote(in2024)).toEqual({ kind: 'formerly', names: 'Wijk 85 Meerwijk' });
    // Without any rename the same array comes back (no new objects for React to compare).
    const plain = areas.filter((a) => a.code !== 'WK045185');
    expect(namedIn(plain, 2015)).toBe(plain);
  });

  it('finds a renamed area by its current and by its old name', () => {
    const now = namedIn(areas, 2024);
    expect(searchAreas(now, 'kwakel').map((a) => a.code)).toEqual(['WK045185']);
    expect(searchAreas(now, 'meerwijk').map((a) => a.code)).toEqual(['WK045185']);
    expect(searchAreas(namedIn(areas, 2015), 'kwakel').map((a) => a.code)).toEqual(['WK045185']);
  });
});

const DATA = join(import.meta.dirname, '../../../shared/data');

describe.skipIf(!existsSync(DATA))('the CBS importer keeps each year’s name', () => {
  it('writes Uithoorn’s WK045185 with its 2015 and its 2024 name, and the app reads both', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gk-names-'));
    try {
      const out = join(dir, 'pkg');
      const b = (name: string) => join(DATA, 'boundaries', name);
      await importCbs({
        out,
        gemeenten: ['GM0451'],
        files: [
          ...['buurt', 'wijk', 'gemeente'].map((l) => b(`cbs_wijkbuurtkaart_2015_${l}.geojson`)),
          b('pdok_cbs_wijken_2024.geojson'),
          b('pdok_cbs_gemeenten_2024_nl.geojson'),
        ],
      });
      const areas = validateAreas(readPackage(out)['areas.geojson']);
      const kwakel = areas.find((a) => a.code === 'WK045185')!;
      expect(kwakel.names).toEqual([
        { from: 2015, name: 'Wijk 85 Meerwijk' },
        { from: 2024, name: 'Wijk 85 De Kwakel' },
      ]);
      // "Wijk 50  Langs de Vuurlinie" (2015, two spaces) is no rename.
      expect(areas.find((a) => a.code === 'WK045150')!.names).toBeUndefined();
      expect(areas.filter((a) => a.names).map((a) => a.code)).toEqual(['WK045185']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes the later name from a kwb table without boundaries, and never a bare code for a name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gk-names-'));
    try {
      const kwb = join(dir, 'kwb-2024.csv');
      writeFileSync(
        kwb,
        [
          'gwb_code_10;regio;gm_naam;recs;a_inw',
          'GM0451;Uithoorn;Uithoorn;Gemeente;31000',
          'WK045185;Wijk 85 De Kwakel;Uithoorn;Wijk;3795',
          'WK045115;WK045115;Uithoorn;Wijk;1500',
          '',
        ].join('\r\n'),
      );
      const out = join(dir, 'pkg');
      await importCbs({
        out,
        gemeenten: ['GM0451'],
        files: [
          ...['buurt', 'wijk', 'gemeente'].map((l) => join(DATA, 'boundaries', `cbs_wijkbuurtkaart_2015_${l}.geojson`)),
          kwb,
        ],
      });
      const areas = validateAreas(readPackage(out)['areas.geojson']);
      const kwakel = areas.find((a) => a.code === 'WK045185')!;
      expect(kwakel.name).toBe('Wijk 85 De Kwakel');
      expect(nameIn(kwakel, 2015)).toBe('Wijk 85 Meerwijk');
      expect(areas.find((a) => a.code === 'WK045115')!).toMatchObject({ name: 'Wijk 15 Dorpscentrum' });
      expect(areas.find((a) => a.code === 'WK045115')!.names).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
