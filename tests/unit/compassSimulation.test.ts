/**
 * The compass as a whole, tried as a statistician would: packages with no true change at all (constant true rates,
 * binomial noise, the demo's areas and denominators), with overdispersion, and with one real change, each loaded
 * into DuckDB and judged by the verdict sheet — the app's own path. Seeded, so every run gives the same figures.
 */
import { describe, expect, it } from 'vitest';
import { loadPackage } from '../../src/data/load.ts';
import { createNodeConnector } from '../../src/db/node.ts';
import { type VerdictSheetRow, verdictSheet } from '../../src/export/verdictSheet.ts';
import { copyCode, type SimulationOptions, simulatedPackage } from '../fixtures/simulatedPackage.ts';

async function sheetOf(options: SimulationOptions, period?: number) {
  const sim = simulatedPackage(options);
  const db = await createNodeConnector();
  try {
    const pkg = await loadPackage(db, sim.files);
    return { sim, rows: await verdictSheet(db, pkg, period === undefined ? {} : { period }) };
  } finally {
    db.close();
  }
}

/** Share of area-years (from the third year on, when a signal can first be tested) with at least one signal. */
function signalShare(rows: readonly VerdictSheetRow[], level: string): number {
  const areaYears = new Map<string, boolean>();
  for (const r of rows) {
    if (r.level !== level || r.period < 2017) continue;
    const key = `${r.area_code}|${r.period}`;
    areaYears.set(key, (areaYears.get(key) ?? false) || r.signal !== null);
  }
  return [...areaYears.values()].filter(Boolean).length / areaYears.size;
}

/** Share of directed year-to-year comparisons called clear at a level. */
function clearShare(rows: readonly VerdictSheetRow[], level: string): number {
  const tested = rows.filter((r) => r.level === level && ['better', 'worse', 'unclear'].includes(r.vs_previous));
  return tested.filter((r) => r.vs_previous !== 'unclear').length / tested.length;
}

describe('null simulation: no true change anywhere', () => {
  it('gives a signal in at most 5 % of area-years, and aims the truth misses are not behaald or op koers', async () => {
    const { sim, rows } = await sheetOf({ seed: 7, copies: 4, aims: true });
    for (const level of ['buurt', 'wijk', 'gemeente']) expect(signalShare(rows, level)).toBeLessThanOrEqual(0.05);
    expect(signalShare(rows, 'buurt')).toBeGreaterThan(0); // the test can fail: chance alone still gives some
    for (const level of ['buurt', 'wijk', 'gemeente']) expect(clearShare(rows, level)).toBeLessThanOrEqual(0.05);

    let judged = 0;
    let claimed = 0;
    for (const r of rows) {
      const aim = sim.aims.get(r.indicator_id);
      const truth = sim.truth.get(r.area_code)?.get(r.indicator_id);
      if (!r.aim_status || !aim || truth === undefined) continue;
      const multiplier = r.indicator_id.endsWith('_pct') ? 100 : 1000;
      if (
        aim.target !== null &&
        (aim.direction === 'down' ? truth * multiplier <= aim.target : truth * multiplier >= aim.target)
      )
        continue;
      judged++;
      if (r.aim_status === 'met' || r.aim_status === 'on_course') claimed++;
    }
    expect(judged).toBeGreaterThan(10_000);
    expect(claimed / judged).toBeLessThanOrEqual(0.05);
  }, 120_000);

  it('with year-to-year logit noise, large areas are not “duidelijk” more than the nominal rate', async () => {
    const { rows } = await sheetOf({ seed: 9, copies: 4, areaYearNoise: 0.1, gemeenteYearNoise: 0.05 });
    for (const level of ['buurt', 'wijk', 'gemeente']) {
      expect(signalShare(rows, level)).toBeLessThanOrEqual(0.05);
      expect(clearShare(rows, level)).toBeLessThanOrEqual(0.05);
    }
  }, 120_000);
});

describe('power simulation', () => {
  it('bijstand −25 % over two years in a wijk of 10.000 inhabitants is a signal in at least 80 % of runs', async () => {
    const copies = 30;
    const { rows } = await sheetOf(
      {
        seed: 11,
        copies,
        change: { wijk: 'WK999905', indicator: 'bijstand_per_1000', factors: { 2024: 0.875, 2025: 0.75 } },
      },
      2025,
    );
    let found = 0;
    for (let c = 1; c <= copies; c++) {
      const row = rows.find((r) => r.area_code === copyCode('WK999905', c) && r.indicator_id === 'bijstand_per_1000');
      if (row?.signal === 'better') found++;
    }
    expect(found / copies).toBeGreaterThanOrEqual(0.8);
  }, 240_000);
});
