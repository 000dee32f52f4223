import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessArea } from '../../src/compass/assess.ts';
import { estimateDispersion } from '../../src/compass/dispersion.ts';
import { fetchFirstView, firstAreaPaths, firstDispersionPath } from '../../src/data/firstView.ts';
import { type LoadedPackage, loadPackage } from '../../src/data/load.ts';
import { createNodeConnector } from '../../src/db/node.ts';
import { kompasRequest } from '../../src/queries/kompas.ts';
import { effectiveAims } from '../../src/userdata/effectiveAims.ts';
import { expectEqual } from '../fixtures/expectEqual.ts';
import { DEMO, readDemoFile, readPackage } from '../fixtures/readPackage.ts';

const files = readPackage(DEMO);

let db: Awaited<ReturnType<typeof createNodeConnector>>;
let pkg: LoadedPackage;
beforeAll(async () => {
  db = await createNodeConnector();
  pkg = await loadPackage(db, files);
}, 120_000);
afterAll(() => db?.close());

describe("the trend chart's aim status (App's Dashboard: the chosen year's, at once)", () => {
  it("is, for every demo area, year and indicator, the aim status of the Kompas's verdicts", async () => {
    const first = (await fetchFirstView('', readDemoFile))!;
    const areas = new Map(pkg.areas.map((a) => [a.code, a]));
    const aims = effectiveAims(pkg.aims, [], pkg.areas);
    let statuses = 0;
    for (const area of pkg.areas) {
      const rows = await first.rows(firstAreaPaths(kompasRequest(area.code, areas, false).codes));
      const dispersion = estimateDispersion(await first.rows([firstDispersionPath(area.code, areas)!]), pkg.indicators);
      const gemeente = area.gemeente ?? null;
      for (const period of pkg.meta.periods) {
        const input = { rows, aims, area: area.code, gemeente, period, dispersion };
        const all = assessArea({ ...input, indicators: pkg.indicators });
        for (const indicator of pkg.indicators) {
          const one = assessArea({ ...input, indicators: [indicator] })[0]?.aim ?? null;
          const kompas = all.find((a) => a.indicator.id === indicator.id)?.aim ?? null;
          expectEqual(one, kompas, `${area.code} ${indicator.id} ${period}`);
          if (kompas) statuses++;
        }
      }
    }
    expect(statuses).toBeGreaterThan(100);
  });
});
