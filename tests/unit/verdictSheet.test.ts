import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPackage } from '../../src/data/load.ts';
import type { Connector } from '../../src/db/connector.ts';
import { createNodeConnector } from '../../src/db/node.ts';
import { publicTableCsv } from '../../src/export/publicTable.ts';
import { VERDICT_SHEET_COLUMNS, verdictSheet, verdictSheetCsv } from '../../src/export/verdictSheet.ts';
import { FIXTURES, readPackage } from '../fixtures/readPackage.ts';

describe('npm run compass: the verdict sheet and the public table', () => {
  it('writes exactly the columns issue 10 fixed, one row per area × indicator × measured period', async () => {
    expect(VERDICT_SHEET_COLUMNS.join(',')).toBe(
      'area_code,level,indicator_id,period,value,lower,upper,vs_previous,vs_gemeente,aim_status,p_aim,signal',
    );
    const db = await createNodeConnector();
    try {
      const pkg = await loadPackage(db, readPackage(join(FIXTURES, 'mini')));
      const rows = await verdictSheet(db, pkg);
      const csv = verdictSheetCsv(rows);
      expect(csv.split('\n')[0]).toBe(VERDICT_SHEET_COLUMNS.join(','));
      expect(rows.length).toBeGreaterThan(10);
      for (const r of rows) {
        expect(['better', 'worse', 'unclear', 'neutral', 'unknown']).toContain(r.vs_previous);
        expect(['better', 'worse', 'unclear', 'neutral', 'unknown']).toContain(r.vs_gemeente);
        if (r.aim_status !== null)
          expect(['met', 'on_course', 'uncertain', 'off_course', 'unknown']).toContain(r.aim_status);
        if (r.p_aim !== null) expect(r.p_aim >= 0 && r.p_aim <= 1).toBe(true);
      }
      const table = await publicTableCsv(db);
      expect(table.csv.split('\n')[0]).toBe('area_code,indicator_id,period,value,numerator,denominator,status');
      expect(table.secret).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });

  it('neutralises a custom area code that starts like a formula, in both sheets', async () => {
    const code = '=HYPERLINK("http://ev.il")';
    const rows = (await verdictSheetOf()).map((r) => ({ ...r, area_code: code }));
    expect(verdictSheetCsv(rows).split('\n')[1]).toMatch(/^"'=HYPERLINK\(""http:\/\/ev\.il""\)",/);
    const observation = {
      area_code: code,
      indicator_id: 'x',
      period: 2025,
      value: 1,
      numerator: null,
      denominator: null,
      status: null,
    };
    const db = { query: async () => ({ toArray: () => [{ toJSON: () => observation }] }) } as unknown as Connector;
    expect((await publicTableCsv(db)).csv.split('\n')[1]).toBe(`"'=HYPERLINK(""http://ev.il"")",x,2025,1,,,`);
  });
});

async function verdictSheetOf() {
  const db = await createNodeConnector();
  try {
    return await verdictSheet(db, await loadPackage(db, readPackage(join(FIXTURES, 'mini'))));
  } finally {
    db.close();
  }
}
