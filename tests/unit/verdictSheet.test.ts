import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPackage } from '../../src/data/load.ts';
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
});
