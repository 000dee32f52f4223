/**
 * Units of columns the mapping table does not know (from the kwb prefix and DataProperties), labels that name their
 * unit once, and the title of an imported package.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importCbs } from '../../scripts/cbs/importCbs.ts';
import { createI18n } from '../../src/app/i18n/index.tsx';
import { parseCsv } from '../../src/data/csv.ts';
import type { Indicator } from '../../src/data/package.ts';
import { packagePlace, yearList } from '../../src/import/cbs/buildPackage.ts';
import { unmappedUnit, variableById } from '../../src/import/cbs/variables.ts';
import { readPackage } from '../fixtures/readPackage.ts';

const DATA = join(import.meta.dirname, '../../../shared/data');
const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('unmappedUnit', () => {
  it('reads the unit from the kwb prefix: a_ a count, p_ a percentage, g_ an average', () => {
    expect(unmappedUnit('P_MAROKKO')).toEqual({ unit: 'percent', decimals: 0 });
    expect(unmappedUnit('a_nb_won')).toEqual({ unit: 'count', decimals: 0 });
    expect(unmappedUnit('g_ele_hu')).toEqual({ unit: 'score', decimals: 1 });
    expect(unmappedUnit('STED')).toEqual({ unit: 'score', decimals: 1 });
  });

  it('takes the DataProperties unit where there is one, but never makes an average a count', () => {
    expect(unmappedUnit('NietWoningvoorraad_37', 'aantal')).toEqual({ unit: 'count', decimals: 0 });
    expect(unmappedUnit('Percentage_12', '%')).toEqual({ unit: 'percent', decimals: 0 });
    expect(unmappedUnit('g_hhgro', 'aantal')).toEqual({ unit: 'score', decimals: 1 });
    expect(unmappedUnit('AfstandTotZwembad_99', 'km')).toEqual({ unit: 'km', decimals: 1 });
    expect(unmappedUnit('GemiddeldElektriciteitsverbruik_50', 'kWh')).toEqual({
      unit: 'score',
      decimals: 1,
      unitText: 'kWh',
    });
  });
});

describe('a label names its unit once', () => {
  const i18n = createI18n('nl');
  it('"Afstand tot … (km)" gets no second "(km)"; a score without one in its label still says score', () => {
    const def = variableById('g_afs_hp')!;
    const distance = { label_nl: def.label_nl, unit: def.unit } as Indicator;
    expect(distance.label_nl).toMatch(/\(km\)$/);
    expect(i18n.unitNote(distance)).toBeNull();
    expect(i18n.unitNote({ label_nl: 'Stedelijkheid', unit: 'score' } as Indicator)).toBe('score');
    expect(i18n.unitNote({ label_nl: 'P_MAROKKO', unit: 'percent' } as Indicator)).toBeNull();
  });
});

describe('package title', () => {
  it('lists the years, consecutive ones as a range', () => {
    expect(yearList([2024, 2015])).toBe('2015, 2024');
    expect(yearList([2015, 2022, 2023, 2024])).toBe('2015, 2022\u20132024');
    expect(yearList([2023, 2024])).toBe('2023, 2024');
  });
  it('names up to three gemeenten, more as a count, and the whole country as Nederland', () => {
    expect(packagePlace(['Eemsdelta'], 'nl')).toBe('Eemsdelta');
    expect(packagePlace(['Groningen', 'Eemsdelta', 'Sliedrecht', 'Maassluis'], 'nl')).toBe(
      'Groningen, Eemsdelta en 2 andere',
    );
    expect(packagePlace(['Groningen', 'Eemsdelta', 'Sliedrecht', 'Maassluis'], 'en')).toBe(
      'Groningen, Eemsdelta and 2 more',
    );
    expect(packagePlace([], 'nl')).toBe('Nederland');
  });
});

describe.skipIf(!existsSync(DATA))('an import of the 2015 Wijk- en buurtkaart and the 2024 wijken', () => {
  it('gives P_MAROKKO the unit percent with whole numbers, and a title with the gemeente and the years', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gk-units-'));
    temps.push(dir);
    const out = join(dir, 'pkg');
    await importCbs({
      out,
      gemeenten: ['GM1979'],
      files: [
        ...['buurt', 'wijk', 'gemeente'].map((l) => join(DATA, 'boundaries', `cbs_wijkbuurtkaart_2015_${l}.geojson`)),
        join(DATA, 'boundaries', 'pdok_cbs_wijken_2024.geojson'),
        join(DATA, 'boundaries', 'pdok_cbs_gemeenten_2024_nl.geojson'),
      ],
    });
    const files = readPackage(out);
    const table = parseCsv(files['indicators.csv'], 'indicators.csv');
    const col = (name: string) => table.header.indexOf(name);
    const marokko = table.rows.find((r) => r[col('id')] === 'p_marokko');
    expect(marokko?.[col('unit')]).toBe('percent');
    expect(marokko?.[col('decimals')]).toBe('0');
    expect(table.rows.filter((r) => r[col('unit')] === 'score').map((r) => r[col('id')])).not.toContain('p_marokko');
    const meta = JSON.parse(files['dataset.json']);
    expect(meta.title).toEqual({
      nl: 'CBS kerncijfers — Eemsdelta, 2015, 2024',
      en: 'CBS key figures — Eemsdelta, 2015, 2024',
    });
  });
});
