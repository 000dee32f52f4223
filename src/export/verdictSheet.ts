/**
 * The verdict sheet: everything the compass says, one row per area × indicator × period, for policy staff's own
 * reports (`npm run compass`, README). It runs the app's own path — the package's tables in DuckDB, the Kompas and
 * dispersion queries, src/compass — so a row says exactly what the Kompas shows for that area and year.
 */
import { assessArea, type IndicatorAssessment } from '../compass/assess.ts';
import { type Dispersion, estimateDispersion } from '../compass/dispersion.ts';
import type { AimStatus, Verdict } from '../compass/types.ts';
import { existsIn } from '../data/areaPeriods.ts';
import { toCsv } from '../data/csvWrite.ts';
import type { LoadedPackage } from '../data/load.ts';
import type { Connector } from '../db/connector.ts';
import { dispersionAreas } from '../queries/dispersion.ts';
import { decodeProfile, type ProfileRow } from '../queries/kompas.ts';
import { neutraliseFormula } from './neutralise.ts';

/** Exactly the columns issue 10 fixed for policy staff's own reports: scripts read them by name and position. */
export const VERDICT_SHEET_COLUMNS = [
  'area_code',
  'level',
  'indicator_id',
  'period',
  'value',
  'lower',
  'upper',
  'vs_previous',
  'vs_gemeente',
  'aim_status',
  'p_aim',
  'signal',
] as const;

export interface VerdictSheetRow {
  area_code: string;
  level: string;
  indicator_id: string;
  period: number;
  value: number | null;
  lower: number | null;
  upper: number | null;
  vs_previous: Verdict;
  vs_gemeente: Verdict;
  aim_status: 'met' | 'on_course' | 'uncertain' | 'off_course' | 'unknown' | null;
  p_aim: number | null;
  signal: 'better' | 'worse' | null;
}

const AIM_STATUS: Record<AimStatus, NonNullable<VerdictSheetRow['aim_status']>> = {
  behaald: 'met',
  op_koers: 'on_course',
  onzeker: 'uncertain',
  niet_op_koers: 'off_course',
  onbekend: 'unknown',
};

/** One sheet row from an assessment of the period it is measured in. */
export function sheetRow(areaCode: string, level: string, period: number, a: IndicatorAssessment): VerdictSheetRow {
  return {
    area_code: areaCode,
    level,
    indicator_id: a.indicator.id,
    period,
    value: a.value,
    lower: a.interval?.low ?? null,
    upper: a.interval?.high ?? null,
    vs_previous: a.vsPrevious.verdict,
    vs_gemeente: a.vsGemeente.verdict,
    aim_status: a.aim ? AIM_STATUS[a.aim.status] : null,
    p_aim: a.aim?.pMet ?? null,
    signal: a.signal?.verdict ?? null,
  };
}

/**
 * The sheet for a loaded (not partitioned) package: every area, every indicator it has a figure for in a period
 * (measured or secret; a survey's earlier year is not repeated in a year without data), every period or one.
 */
export async function verdictSheet(
  db: Connector,
  pkg: LoadedPackage,
  options: { period?: number } = {},
): Promise<VerdictSheetRow[]> {
  const table = await db.query(
    'SELECT area_code, indicator_id, period, value, numerator, denominator, suppressed, status FROM observations',
  );
  const all = decodeProfile(table);
  const byArea = new Map<string, ProfileRow[]>();
  for (const row of all) {
    const list = byArea.get(row.area_code);
    if (list) list.push(row);
    else byArea.set(row.area_code, [row]);
  }
  const areas = new Map(pkg.areas.map((a) => [a.code, a]));
  const dispersionOf = new Map<string, Dispersion>();
  const dispersionFor = (code: string): Dispersion => {
    const codes = dispersionAreas(code, areas);
    const key = codes.join(',');
    let found = dispersionOf.get(key);
    if (!found) {
      const rows = codes.flatMap((c) => byArea.get(c) ?? []).filter((r) => !r.suppressed);
      found = estimateDispersion(rows, pkg.indicators);
      dispersionOf.set(key, found);
    }
    return found;
  };
  const periods = options.period === undefined ? pkg.meta.periods : [options.period];
  const out: VerdictSheetRow[] = [];
  for (const area of pkg.areas) {
    const own = byArea.get(area.code);
    if (!own) continue;
    const gemeente = area.gemeente && area.gemeente !== area.code ? area.gemeente : null;
    const rows = gemeente ? [...own, ...(byArea.get(gemeente) ?? [])] : own;
    const measured = new Set(own.map((r) => `${r.indicator_id}|${r.period}`));
    const dispersion = dispersionFor(area.code);
    for (const period of periods) {
      if (!existsIn(area, period)) continue;
      const assessed = assessArea({
        rows,
        indicators: pkg.indicators,
        aims: pkg.aims,
        area: area.code,
        gemeente: area.gemeente,
        period,
        dispersion,
      });
      for (const a of assessed) {
        if (measured.has(`${a.indicator.id}|${period}`)) out.push(sheetRow(area.code, area.level, period, a));
      }
    }
  }
  return out;
}

const number = (x: number | null, digits: number) =>
  x === null || !Number.isFinite(x) ? null : Number(x.toFixed(digits));

/**
 * The sheet as CSV (comma, decimal point, `\n`): for R, Python, DuckDB and Excel alike. A custom area's own code may
 * start like a formula (`=HYPERLINK(…)`), so it is neutralised as in every export; CBS codes never are.
 */
export function verdictSheetCsv(rows: readonly VerdictSheetRow[]): string {
  return toCsv(
    VERDICT_SHEET_COLUMNS,
    rows.map((r) => [
      neutraliseFormula(r.area_code),
      r.level,
      r.indicator_id,
      r.period,
      number(r.value, 6),
      number(r.lower, 6),
      number(r.upper, 6),
      r.vs_previous,
      r.vs_gemeente,
      r.aim_status,
      number(r.p_aim, 4),
      r.signal,
    ]),
  );
}
