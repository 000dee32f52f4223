/**
 * The audit's range cache (src/disclosure/audit.ts AuditCache), which protect.ts keeps between its rounds: after any
 * change of the published cells, an audit through the cache gives exactly what a fresh audit gives.
 */
import { describe, expect, it } from 'vitest';
import { stream } from '../../scripts/demo/rng.ts';
import { AuditCache, audit, equationIndex } from '../../src/disclosure/audit.ts';
import { buildModel, type DisclosureArea, type DisclosureRow } from '../../src/disclosure/model.ts';
import { protect, publishedCells } from '../../src/disclosure/protect.ts';

/** A gemeente of four wijken of five buurten, one count over three years: many small counts, sums at every level. */
function model() {
  const rng = stream('auditCache', 3);
  const areas: DisclosureArea[] = [{ code: 'GM', level: 'gemeente', parent: 'NL00' }];
  const rows: DisclosureRow[] = [];
  const count = (area: string, period: number, value: number) =>
    rows.push({ area_code: area, indicator_id: 'n', period, value, numerator: null, denominator: null });
  for (const period of [2022, 2023, 2024]) {
    let gemeente = 0;
    for (let w = 1; w <= 4; w++) {
      const wijk = `W${w}`;
      if (period === 2022) areas.push({ code: wijk, level: 'wijk', parent: 'GM' });
      let sum = 0;
      for (let b = 1; b <= 5; b++) {
        const buurt = `B${w}${b}`;
        if (period === 2022) areas.push({ code: buurt, level: 'buurt', parent: wijk });
        const value = Math.floor(rng.uniform(0, 14));
        count(buurt, period, value);
        sum += value;
      }
      count(wijk, period, sum);
      gemeente += sum;
    }
    count('GM', period, gemeente);
  }
  return buildModel(rows, [{ id: 'n', unit: 'count', min_count: 0 }], areas);
}

describe('the audit range cache', () => {
  it('gives what a fresh audit gives after every change of the published cells', () => {
    const m = model();
    const index = equationIndex(m);
    const cache = new AuditCache();
    const rng = stream('auditCache-steps', 3);
    const hidden = new Map<string, unknown>();
    for (const cell of m.cells.values()) if (cell.sensitive) hidden.set(cell.key, cell.sensitive);
    const candidates = [...m.cells.values()].filter((c) => !c.sensitive).map((c) => c.key);
    const summary = (r: ReturnType<typeof audit>) => ({
      checked: r.checked,
      determined: r.determined.map((c) => [c.cell.key, c.low, c.high]),
      narrow: r.narrow.map((c) => [c.cell.key, c.low, c.high]),
      published: r.published.map((c) => c.key),
    });
    const seen = new Set<string>();
    for (let step = 0; step < 40; step++) {
      const { published } = publishedCells(m, hidden);
      const cached = summary(audit(m, published, index, cache));
      expect(cached, `step ${step}`).toEqual(summary(audit(m, published)));
      seen.add(JSON.stringify(cached.narrow));
      // Hide or publish again one or two cells that are not sensitive, as protect's rounds and its last step do.
      for (let k = 0; k < 2; k++) {
        const key = candidates[Math.floor(rng.uniform(0, candidates.length))]!;
        if (hidden.has(key)) hidden.delete(key);
        else hidden.set(key, 'secondary');
      }
    }
    // The changes moved the ranges: a cache that kept a stale range would have been caught.
    expect(seen.size).toBeGreaterThan(5);
  });

  it('leaves protect with nothing narrow on the same model', () => {
    const m = model();
    const protection = protect(m);
    expect(protection.rounds).toBeGreaterThan(1);
    expect(audit(m, protection.published).narrow).toEqual([]);
  });
});
