import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kompasRows } from '../../src/compass/kompasRows.ts';
import { type LoadedPackage, loadPackage } from '../../src/data/load.ts';
import { unitMultiplier } from '../../src/data/package.ts';
import { createNodeConnector } from '../../src/db/node.ts';
import { choroplethQuery, decodeChoropleth } from '../../src/queries/choropleth.ts';
import { dataTableQuery, decodeDataTable } from '../../src/queries/dataTable.ts';
import { decodeProfile, kompasQuery } from '../../src/queries/kompas.ts';
import { decodeTrend, trendQuery } from '../../src/queries/trend.ts';
import { DEMO, FIXTURES, readCsvObjects, readPackage } from '../fixtures/readPackage.ts';

let db: Awaited<ReturnType<typeof createNodeConnector>>;

beforeAll(async () => {
  db = await createNodeConnector();
});
afterAll(() => db?.close());

describe('queries on the mini fixture (hand-computed values)', () => {
  beforeAll(async () => {
    await loadPackage(db, readPackage(join(FIXTURES, 'mini')));
  });

  it('choroplethQuery returns one row per area of the level, suppressed values withheld', async () => {
    const rows = decodeChoropleth(
      await db.query(choroplethQuery({ indicator: 'jeugdhulp_pct', period: 2024, levels: ['buurt'] })),
    );
    expect(rows).toEqual([
      // West-Zuid: suppressed to protect Gehucht (secondary suppression within the wijk West).
      { code: 'BU99980101', level: 'buurt', value: null, suppressed: true, status: 'secret' },
      { code: 'BU99980102', level: 'buurt', value: null, suppressed: true, status: 'secret' },
      { code: 'BU99980201', level: 'buurt', value: 12, suppressed: false, status: null },
      { code: 'BU99980202', level: 'buurt', value: 11.25, suppressed: false, status: null },
    ]);
    const wijken = decodeChoropleth(
      await db.query(choroplethQuery({ indicator: 'jeugdhulp_pct', period: 2023, levels: ['wijk', 'gebied'] })),
    );
    // Zuidkant holds West-Zuid but not Gehucht, West's other suppressed buurt: with West it would tell them apart.
    expect(wijken.map((r) => [r.code, r.value === null ? null : Number(r.value.toFixed(9)), r.suppressed])).toEqual([
      ['GB999801', null, true],
      ['WK999801', 10.7143, false],
      ['WK999802', 13.8889, false],
    ]);
  });

  it('choroplethQuery within one gemeente keeps only its areas (Verkennen in a package of many)', async () => {
    const own = decodeChoropleth(
      await db.query(
        choroplethQuery({ indicator: 'jeugdhulp_pct', period: 2023, levels: ['wijk'], gemeente: 'GM9998' }),
      ),
    );
    expect(own.map((r) => r.code)).toEqual(['WK999801', 'WK999802']);
    const elsewhere = decodeChoropleth(
      await db.query(
        choroplethQuery({ indicator: 'jeugdhulp_pct', period: 2023, levels: ['wijk'], gemeente: 'GM0000' }),
      ),
    );
    expect(elsewhere).toEqual([]);
  });

  it('trendQuery returns all periods for the asked areas', async () => {
    const rows = decodeTrend(
      await db.query(trendQuery({ indicator: 'jeugdhulp_pct', codes: ['WK999802', 'GM9998', 'NL00'] })),
    );
    expect(rows).toEqual([
      {
        area_code: 'GM9998',
        period: 2023,
        value: 13,
        numerator: 65,
        denominator: 500,
        suppressed: false,
        status: null,
      },
      {
        area_code: 'GM9998',
        period: 2024,
        value: 11.2,
        numerator: 56,
        denominator: 500,
        suppressed: false,
        status: null,
      },
      {
        area_code: 'NL00',
        period: 2023,
        value: 12,
        numerator: 1200000,
        denominator: 10000000,
        suppressed: false,
        status: null,
      },
      {
        area_code: 'NL00',
        period: 2024,
        value: 11.5,
        numerator: 1150000,
        denominator: 10000000,
        suppressed: false,
        status: null,
      },
      {
        area_code: 'WK999802',
        period: 2023,
        value: 13.8889,
        numerator: 50,
        denominator: 360,
        suppressed: false,
        status: null,
      },
      {
        area_code: 'WK999802',
        period: 2024,
        value: 11.6667,
        numerator: 42,
        denominator: 360,
        suppressed: false,
        status: null,
      },
    ]);
  });

  it('kompasQuery + kompasRows give value, references and change per theme', async () => {
    const profile = decodeProfile(await db.query(kompasQuery({ codes: ['WK999802', 'GM9998', 'NL00'] })));
    expect(profile).toHaveLength(22);
    const themes = kompasRows({
      rows: profile,
      indicators: (await import('../../src/data/validate.ts')).validateIndicators(
        readPackage(join(FIXTURES, 'mini'))['indicators.csv'],
      ),
      area: 'WK999802',
      gemeente: 'GM9998',
      period: 2024,
      periods: [2023, 2024],
    });
    expect(themes.map((t) => t.theme)).toEqual(['jeugd', 'werk', 'armoede', 'bevolking']);
    const jeugd = themes[0]!.rows[0]!;
    expect(jeugd.area).toEqual({ value: 11.6667, suppressed: false });
    expect(jeugd.gemeente).toEqual({ value: 11.2, suppressed: false });
    expect(jeugd.nl).toEqual({ value: 11.5, suppressed: false });
    expect(jeugd.previous).toEqual({ period: 2023, value: 13.8889 });
    expect(jeugd.change).toBeCloseTo(-2.2222, 10);
    const werk = themes[1]!.rows[0]!;
    expect(werk.nl).toBeNull();
    expect(werk.change).toBe(-4);
  });

  it('quotes hostile input instead of executing it', async () => {
    const rows = decodeTrend(
      await db.query(trendQuery({ indicator: "x' OR '1'='1", codes: ["'; DROP TABLE areas; --"] })),
    );
    expect(rows).toEqual([]);
  });
});

describe('queries on the demo package (values cross-checked with observations.csv)', () => {
  let pkg: LoadedPackage;
  const csv = readCsvObjects(readPackage(DEMO)['observations.csv']);

  beforeAll(async () => {
    pkg = await loadPackage(db, readPackage(DEMO));
  });

  it('the map of every indicator in the default year has one row per wijk with the package values', async () => {
    const wijken = pkg.areas.filter((a) => a.level === 'wijk').map((a) => a.code);
    let hiddenForProtection = 0;
    let shown = 0;
    for (const indicator of pkg.indicators) {
      const period = pkg.meta.default_period;
      const rows = decodeChoropleth(
        await db.query(choroplethQuery({ indicator: indicator.id, period, levels: ['wijk'] })),
      );
      const expected = csv.filter(
        (r) => r.indicator_id === indicator.id && Number(r.period) === period && wijken.includes(r.area_code!),
      );
      expect(rows.map((r) => r.code)).toEqual(expected.map((r) => r.area_code).sort());
      for (const row of rows) {
        const source = expected.find((r) => r.area_code === row.code)!;
        const base = source.denominator
          ? Number(source.denominator)
          : indicator.unit === 'count'
            ? Number(source.value)
            : Infinity;
        // A wijk is hidden for a small base, a small count (1–4) or to protect one (src/disclosure; the audit in
        // disclosure.test.ts checks the protection); a shown one has exactly the package's value.
        if (!row.suppressed) {
          expect(row.value).toBe(Number(source.value));
          shown++;
        } else if (base >= indicator.min_count && source.value !== '') hiddenForProtection++;
      }
    }
    // Wijken are large: nearly all of their figures are shown.
    expect(hiddenForProtection).toBeLessThan(0.1 * shown);
  });

  it('a custom area is the ratio of the sums of its buurten', async () => {
    const gebied = pkg.areas.find((a) => a.level === 'gebied')!;
    const rate = pkg.indicators.find((i) => unitMultiplier(i.unit) !== null && i.min_count <= 50)!;
    const period = pkg.meta.default_period;
    const members = csv.filter(
      (r) => r.indicator_id === rate.id && Number(r.period) === period && gebied.members!.includes(r.area_code!),
    );
    const num = members.reduce((s, r) => s + Number(r.numerator), 0);
    const den = members.reduce((s, r) => s + Number(r.denominator), 0);
    const rows = decodeChoropleth(await db.query(choroplethQuery({ indicator: rate.id, period, levels: ['gebied'] })));
    expect(rows.find((r) => r.code === gebied.code)?.value).toBeCloseTo((num / den) * unitMultiplier(rate.unit)!, 9);
  });
});

describe('dataTableQuery', () => {
  beforeAll(async () => {
    await loadPackage(db, readPackage(join(FIXTURES, 'mini')));
  });

  it('lists areas × indicators × years of the chosen levels, suppressed values as null and flagged', async () => {
    const rows = decodeDataTable(
      await db.query(dataTableQuery({ indicators: ['jeugdhulp_pct'], levels: ['buurt'], period: 2024 })),
    );
    // West-Zuid is suppressed too: West (14/140) minus West-Zuid would give Gehucht (4/40) away.
    expect(rows.map((r) => [r.code, r.period, r.value, r.numerator, r.denominator, r.suppressed])).toEqual([
      ['BU99980101', 2024, null, null, null, true],
      ['BU99980102', 2024, null, null, null, true],
      ['BU99980201', 2024, 12, 24, 200, false],
      ['BU99980202', 2024, 11.25, 18, 160, false],
    ]);
    const all = decodeDataTable(
      await db.query(dataTableQuery({ indicators: ['jeugdhulp_pct', 'inwoners'], levels: ['wijk'], period: null })),
    );
    expect(new Set(all.map((r) => r.indicator))).toEqual(new Set(['jeugdhulp_pct', 'inwoners']));
    expect(all.filter((r) => r.code === 'WK999802' && r.indicator === 'jeugdhulp_pct').map((r) => r.period)).toEqual([
      2023, 2024,
    ]);
    expect(all[0]!.name).toBe('West');
  });
});
