import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importCbs } from '../../scripts/cbs/importCbs.ts';
import { loadPackage } from '../../src/data/load.ts';
import { createNodeConnector } from '../../src/db/node.ts';
import { audit } from '../../src/disclosure/audit.ts';
import {
  buildModel,
  type DisclosureArea,
  type DisclosureIndicator,
  type DisclosureRow,
} from '../../src/disclosure/model.ts';
import { protect, publishedCells } from '../../src/disclosure/protect.ts';
import { auditPackage } from '../fixtures/disclosureAudit.ts';
import { DEMO, readPackage } from '../fixtures/readPackage.ts';

const rate = (id: string, extra: Partial<DisclosureIndicator> = {}): DisclosureIndicator => ({
  id,
  unit: 'percent',
  min_count: 10,
  ...extra,
});
const row = (area: string, id: string, x: number | null, n: number | null, period = 2024): DisclosureRow => ({
  area_code: area,
  indicator_id: id,
  period,
  value: x !== null && n ? (x / n) * 100 : null,
  numerator: x,
  denominator: n,
});
const count = (area: string, id: string, value: number, period = 2024): DisclosureRow => ({
  area_code: area,
  indicator_id: id,
  period,
  value,
  numerator: null,
  denominator: null,
});
// W = B1 + B2 + B3 in a gemeente of one wijk.
const AREAS: DisclosureArea[] = [
  { code: 'GM', level: 'gemeente', parent: 'NL00' },
  { code: 'W', level: 'wijk', parent: 'GM' },
  { code: 'B1', level: 'buurt', parent: 'W' },
  { code: 'B2', level: 'buurt', parent: 'W' },
  { code: 'B3', level: 'buurt', parent: 'W' },
];

function protectedRows(rows: DisclosureRow[], indicators: DisclosureIndicator[], areas = AREAS) {
  const model = buildModel(rows, indicators, areas);
  const protection = protect(model);
  const shown = rows.filter((_, i) => !protection.hiddenRows.has(i)).map((r) => `${r.area_code}:${r.indicator_id}`);
  return { model, protection, shown, audit: audit(model, protection.published) };
}

describe('disclosure: primary rules over linked indicators', () => {
  it('hides a count of 1–4 in every indicator that shows it, and a rate on a small base', () => {
    // bijstand_aantal equals the numerator of bijstand_pct in every area (linked from the data); B1 has 3.
    const areas = Array.from({ length: 24 }, (_, i) => `A${i}`);
    const rows = areas.flatMap((a, i) => [
      row(a, 'bijstand_pct', i === 0 ? 3 : 20 + i, 500),
      count(a, 'bijstand_aantal', i === 0 ? 3 : 20 + i),
    ]);
    const model = buildModel(rows, [rate('bijstand_pct'), { id: 'bijstand_aantal', unit: 'count', min_count: 0 }], []);
    expect(model.quantityOf.get('bijstand_pct:num')).toBe(model.quantityOf.get('bijstand_aantal:val'));
    const { hiddenRows } = publishedCells(
      model,
      new Map([...model.cells.values()].filter((c) => c.sensitive).map((c) => [c.key, c.sensitive])),
    );
    expect([...hiddenRows].sort((a, b) => a - b)).toEqual([0, 1]);
  });

  it('links declared quantities, and a rate on fewer than min_count people is never shown', () => {
    const rows = [row('B1', 'a', 6, 8), row('B2', 'b', 6, 30)];
    const model = buildModel(rows, [rate('a', { numerator_id: 'q' }), rate('b', { numerator_id: 'q' })], []);
    expect(model.quantityOf.get('a:num')).toBe(model.quantityOf.get('b:num'));
    expect(model.rows[0]!.smallBase).toBe(true);
    expect(model.cells.get(model.rows[0]!.cells[0]!)!.sensitive).toBe('small_base');
  });
});

describe('disclosure: secondary suppression, checked by the audit', () => {
  it('hides the smallest sibling that protects a small buurt, nothing more', () => {
    // W = 2 + 30 + 50 of 20 + 300 + 500: B1's 2 would be W − B2 − B3.
    const rows = [row('B1', 'p', 2, 20), row('B2', 'p', 30, 300), row('B3', 'p', 50, 500), row('W', 'p', 82, 820)];
    const { shown, audit: result, protection } = protectedRows(rows, [rate('p')]);
    expect(shown).toEqual(['B3:p', 'W:p']);
    expect(result.narrow).toEqual([]);
    expect([...protection.hiddenCells.values()].filter((r) => r === 'secondary')).toHaveLength(1);
  });

  it('closes a leak through a gebied that splits the hidden pair', () => {
    const areas: DisclosureArea[] = [...AREAS, { code: 'G', level: 'gebied', parent: 'GM', members: ['B1', 'B3'] }];
    const rows = [
      row('B1', 'p', 2, 20),
      row('B2', 'p', 30, 300),
      row('B3', 'p', 50, 500),
      row('W', 'p', 82, 820),
      row('G', 'p', 52, 520),
    ];
    const { audit: result, shown } = protectedRows(rows, [rate('p')], areas);
    expect(result.narrow).toEqual([]);
    expect(shown).not.toContain('B1:p');
  });

  it('needs no complement where the source rounds the counts widely enough', () => {
    const rows = [row('B1', 'p', 2, 20), row('B2', 'p', 30, 300), row('B3', 'p', 50, 500), row('W', 'p', 82, 820)];
    const { shown } = protectedRows(rows, [rate('p', { rounding: 10, denominator_rounding: 10 })]);
    expect(shown).toEqual(['B2:p', 'B3:p', 'W:p']);
  });
});

describe('disclosure audit of what the app publishes', () => {
  it('the demo: no sensitive count is shown, worked out, or narrowed below its threshold; no secret row is recoverable', async () => {
    const result = await auditPackage(readPackage(DEMO));
    console.log(
      `demo audit: ${result.rows} rows, ${result.secretRows} secret; ${result.checked} hidden sensitive counts checked, ` +
        `${result.published.length} published, ${result.determined.length} determined, ${result.narrow.length} narrow, ` +
        `${result.recoverableRows} secret rows recoverable`,
    );
    expect(result.checked).toBeGreaterThan(1000);
    expect(result.published).toEqual([]);
    expect(result.determined).toEqual([]);
    expect(result.narrow).toEqual([]);
    expect(result.recoverableRows).toBe(0);
  }, 120_000);

  it('the exact recovery of the outside check fails now: wijk minus visible buurten over every linked indicator', async () => {
    // 2025, jeugdhulp: the young people under jeugdhulp_pct are also jongeren_pct's numerator, and the youths in care
    // are jeugdhulp_ambulant_pct's denominator. For every wijk, take every published figure of those two counts and
    // subtract the buurten it shows from the wijk: where one buurt is left, its figure would be given away.
    const db = await createNodeConnector();
    try {
      const pkg = await loadPackage(db, readPackage(DEMO));
      const shown = (
        await db.query(
          `SELECT area_code, indicator_id, numerator, denominator FROM observations WHERE period = 2025 AND NOT suppressed
           AND indicator_id IN ('jeugdhulp_pct', 'jongeren_pct', 'jeugdhulp_ambulant_pct')`,
        )
      )
        .toArray()
        .map((r) => r.toJSON() as { area_code: string; indicator_id: string; numerator: number; denominator: number });
      const youths = new Map<string, number>();
      const inCare = new Map<string, number>();
      for (const r of shown) {
        if (r.indicator_id === 'jeugdhulp_pct') {
          youths.set(r.area_code, r.denominator);
          inCare.set(r.area_code, r.numerator);
        }
        if (r.indicator_id === 'jongeren_pct') youths.set(r.area_code, r.numerator);
        if (r.indicator_id === 'jeugdhulp_ambulant_pct') inCare.set(r.area_code, r.denominator);
      }
      let recovered = 0;
      for (const wijk of pkg.areas.filter((a) => a.level === 'wijk')) {
        const buurten = pkg.areas.filter((a) => a.parent === wijk.code && a.level === 'buurt');
        for (const known of [youths, inCare]) {
          const missing = buurten.filter((b) => !known.has(b.code));
          if (known.has(wijk.code) && missing.length === 1) recovered++;
        }
      }
      expect(recovered).toBe(0);
    } finally {
      db.close();
    }
  }, 120_000);
});

const DATA = join(import.meta.dirname, '../../../shared/data');
const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!existsSync(DATA))('disclosure audit of a package imported from real CBS files', () => {
  it('Groningen 2015 (wijk- en buurtkaart): nothing sensitive is shown or worked out', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'gk-audit-')), 'pkg');
    temps.push(join(out, '..'));
    const files = ['buurt', 'wijk', 'gemeente'].map((l) =>
      join(DATA, 'boundaries', `cbs_wijkbuurtkaart_2015_${l}.geojson`),
    );
    await importCbs({ out, files, gemeenten: ['GM0014'] });
    const result = await auditPackage(readPackage(out));
    console.log(
      `Groningen 2015 audit: ${result.rows} rows, ${result.secretRows} secret; ${result.checked} hidden sensitive counts ` +
        `checked, ${result.published.length} published, ${result.determined.length} determined, ${result.narrow.length} narrow, ` +
        `${result.recoverableRows} secret rows recoverable`,
    );
    expect(result.published).toEqual([]);
    expect(result.determined).toEqual([]);
    expect(result.narrow).toEqual([]);
    expect(result.recoverableRows).toBe(0);
  }, 240_000);
});

describe('publication rounding (publish_rounding)', () => {
  it('shows counts rounded to the multiple, rates from the rounded counts, and the statistics see them as rounded', async () => {
    const mini = readPackage(join(import.meta.dirname, '../fixtures/mini'));
    const lines = mini['indicators.csv'].trimEnd().split('\n');
    const header = `${lines[0]},publish_rounding`;
    const rows = lines.slice(1).map((l) => `${l},${l.startsWith('jeugdhulp_pct,') ? 5 : ''}`);
    const files = { ...mini, 'indicators.csv': `${[header, ...rows].join('\n')}\n` };
    const db = await createNodeConnector();
    try {
      const pkg = await loadPackage(db, files);
      const jeugd = pkg.indicators.find((i) => i.id === 'jeugdhulp_pct')!;
      expect([jeugd.publish_rounding, jeugd.rounding, jeugd.denominator_rounding]).toEqual([5, 5, 5]);
      const shown = (
        await db.query(
          "SELECT numerator, denominator, value FROM observations WHERE indicator_id = 'jeugdhulp_pct' AND NOT suppressed",
        )
      )
        .toArray()
        .map((r) => r.toJSON() as { numerator: number; denominator: number; value: number });
      expect(shown.length).toBeGreaterThan(3);
      for (const r of shown) {
        expect(r.numerator % 5).toBe(0);
        expect(r.denominator % 5).toBe(0);
        expect(r.value).toBeCloseTo((r.numerator / r.denominator) * 100, 9);
      }
    } finally {
      db.close();
    }
  });
});
