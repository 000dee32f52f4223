/**
 * Publishes a written partitioned package at build time: the disclosure rules in full (src/data/publish.ts with the
 * sums over the hierarchy: primary rules, linked indicators, secondary suppression checked by the LP), then every
 * observation file is written again from the public table. A hidden row keeps its place with status `secret` and no
 * value, numerator or denominator, exactly as the public table holds it, so what the server hands out holds no secret
 * figure. The browser then loads a file as a plain insert (src/data/partitions.ts, `"published": "build"`).
 *
 * One publish per gemeente (its buurten, wijken and itself, every indicator and period), NL00 on its own: the sums
 * the model knows (wijk = its buurten, gemeente = its wijken; src/disclosure/model.ts) never cross a gemeente, and a
 * row links only cells of its own area and period, so the gemeenten are independent parts of the LP. The whole
 * Netherlands in one model would not fit in memory (28 million rows), one gemeente is about 80.000.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Float64, type Table, tableFromIPC, type Vector } from 'apache-arrow';
import { createMetaTables } from '../../src/data/metaTables.ts';
import { type Area, OBSERVATION_STATUSES } from '../../src/data/package.ts';
import { publishObservations } from '../../src/data/publish.ts';
import { validateAreaTable, validateIndicators } from '../../src/data/validate.ts';
import { createNodeConnector } from '../../src/db/node.ts';
import { PUBLIC_TABLE_COLUMNS } from '../../src/export/publicTable.ts';
import { compareStrings } from '../demo/csv.ts';
import { NO_STATUS, ObservationColumns, observationsIpc } from './arrow.ts';

export interface PublishResult {
  rows: number;
  /** Rows the rules hide (status `secret`). */
  hidden: number;
  /** Independent parts published one by one (gemeenten, and NL00). */
  parts: number;
  bytes: { 'obs/area': number; 'obs/ip': number };
}

/** The public rows of one indicator in one period, by the area's position in code order. */
interface IpColumns {
  value: Float64Array;
  numerator: Float64Array;
  denominator: Float64Array;
  status: Int8Array;
}

const areaFile = (code: string) => join('obs', 'area', `${code}.arrow`);
const statusIndex = new Map<string, number>(OBSERVATION_STATUSES.map((s, i) => [s, i]));
const float = (v: Vector<Float64>, i: number) => v.get(i) ?? Number.NaN;

/** The areas published together: a gemeente with its wijken and buurten (and gebieden), or one area on its own. */
function parts(areas: readonly Area[]): string[][] {
  const byGemeente = new Map<string, string[]>();
  for (const a of areas) {
    const key = a.gemeente ?? a.code;
    byGemeente.set(key, [...(byGemeente.get(key) ?? []), a.code]);
  }
  return [...byGemeente.values()];
}

/** Every row of some raw area files as one Arrow IPC stream (one insert instead of one per file). */
function combined(out: string, codes: readonly string[], ids: readonly string[]): Uint8Array {
  const tables = codes.map((code) => tableFromIPC(readFileSync(join(out, areaFile(code)))));
  const columns = new ObservationColumns(
    tables.reduce((s, t) => s + t.numRows, 0),
    codes,
    ids,
  );
  const idIndex = new Map(ids.map((id, i) => [id, i]));
  tables.forEach((t, a) => {
    const [indicator, period, value, numerator, denominator] = [
      'indicator_id',
      'period',
      'value',
      'numerator',
      'denominator',
    ].map((c) => t.getChild(c)!);
    for (let i = 0; i < t.numRows; i++)
      columns.push(
        a,
        idIndex.get(indicator!.get(i))!,
        period!.get(i),
        float(value!, i),
        float(numerator!, i),
        float(denominator!, i),
      );
  });
  return observationsIpc(columns);
}

/**
 * Publishes the package in `out` (written with raw counts: areas.csv, indicators.csv, obs/area/, obs/ip/) and writes
 * its obs/area and obs/ip files again from the public table, with a `status` column.
 */
export async function publishPartitions(
  out: string,
  progress: (done: number, total: number) => void = () => {},
): Promise<PublishResult> {
  const areas = validateAreaTable(readFileSync(join(out, 'areas.csv'), 'utf8'));
  const indicators = validateIndicators(readFileSync(join(out, 'indicators.csv'), 'utf8'));
  const ids = indicators.map((i) => i.id).sort(compareStrings);
  const idIndex = new Map(ids.map((id, i) => [id, i]));
  const codes = areas.map((a) => a.code).sort(compareStrings);
  const position = new Map(codes.map((c, i) => [c, i]));
  const written = new Set(readdirSync(join(out, 'obs', 'area')));
  const result: PublishResult = { rows: 0, hidden: 0, parts: 0, bytes: { 'obs/area': 0, 'obs/ip': 0 } };

  const ip = new Map<string, IpColumns>();
  const ipColumns = (indicator: string, period: number): IpColumns => {
    const key = `${indicator}|${period}`;
    let c = ip.get(key);
    if (!c) {
      const n = codes.length;
      c = {
        value: new Float64Array(n).fill(Number.NaN),
        numerator: new Float64Array(n).fill(Number.NaN),
        denominator: new Float64Array(n).fill(Number.NaN),
        status: new Int8Array(n).fill(NO_STATUS),
      };
      ip.set(key, c);
    }
    return c;
  };

  const db = await createNodeConnector();
  try {
    const t = (name: string) => `"build_${name}"`;
    await createMetaTables(db, 0, t, { areas, indicators, aims: [] });
    const all = parts(areas);
    for (const [k, part] of all.entries()) {
      const files = part.filter((code) => written.has(`${code}.arrow`)).sort(compareStrings);
      if (files.length === 0) continue;
      await db.insertArrowIPC('build_source', combined(out, files, ids));
      const published = await publishObservations(
        db,
        { source: t('source'), indicators: t('indicators'), members: t('members'), areas: t('areas') },
        t('public'),
      );
      result.rows += published.rows;
      result.hidden += published.hidden;
      result.parts++;
      const table: Table = await db.query(`SELECT ${PUBLIC_TABLE_COLUMNS.join(', ')}
        FROM ${t('public')} ORDER BY area_code, indicator_id, period`);
      await db.query(`DROP TABLE ${t('source')}`);
      await db.query(`DROP TABLE ${t('public')}`);
      const [area, indicator, period, value, numerator, denominator, status] = PUBLIC_TABLE_COLUMNS.map(
        (c) => table.getChild(c)!,
      );
      // Rows come sorted by area, then (indicator, period) as in every observation file.
      let start = 0;
      while (start < table.numRows) {
        const code = area!.get(start) as string;
        let end = start;
        while (end < table.numRows && area!.get(end) === code) end++;
        const columns = new ObservationColumns(end - start, [code], ids, true);
        const at = position.get(code)!;
        for (let i = start; i < end; i++) {
          const s = status!.get(i) as string | null;
          const row = {
            indicator: indicator!.get(i) as string,
            period: Number(period!.get(i)),
            value: float(value!, i),
            numerator: float(numerator!, i),
            denominator: float(denominator!, i),
            status: s === null ? NO_STATUS : statusIndex.get(s)!,
          };
          columns.push(
            0,
            idIndex.get(row.indicator)!,
            row.period,
            row.value,
            row.numerator,
            row.denominator,
            row.status,
          );
          const c = ipColumns(row.indicator, row.period);
          c.value[at] = row.value;
          c.numerator[at] = row.numerator;
          c.denominator[at] = row.denominator;
          c.status[at] = row.status;
        }
        // A derived area (a gebied summed from its members) has no file of its own.
        if (written.has(`${code}.arrow`)) {
          const bytes = observationsIpc(columns);
          writeFileSync(join(out, areaFile(code)), bytes);
          result.bytes['obs/area'] += bytes.byteLength;
        }
        start = end;
      }
      progress(k + 1, all.length);
    }
  } finally {
    db.close();
  }

  // The map files: the same rows as before, in the same order, now from the public table.
  for (const id of readdirSync(join(out, 'obs', 'ip')).sort(compareStrings)) {
    for (const name of readdirSync(join(out, 'obs', 'ip', id)).sort(compareStrings)) {
      const path = join(out, 'obs', 'ip', id, name);
      const raw = tableFromIPC(readFileSync(path));
      const rawArea = raw.getChild('area_code')!;
      const rawPeriod = raw.getChild('period')!;
      const dictionary = [...new Set(Array.from({ length: raw.numRows }, (_, i) => rawArea.get(i) as string))];
      const columns = new ObservationColumns(raw.numRows, dictionary, [id], true);
      const dictionaryIndex = new Map(dictionary.map((c, i) => [c, i]));
      for (let i = 0; i < raw.numRows; i++) {
        const code = rawArea.get(i) as string;
        const c = ip.get(`${id}|${rawPeriod.get(i)}`);
        const at = position.get(code)!;
        if (!c || (Number.isNaN(c.value[at]!) && c.status[at] === NO_STATUS))
          throw new Error(`${path}: no published row for ${code}`);
        columns.push(
          dictionaryIndex.get(code)!,
          0,
          rawPeriod.get(i),
          c.value[at]!,
          c.numerator[at]!,
          c.denominator[at]!,
          c.status[at]!,
        );
      }
      const bytes = observationsIpc(columns);
      writeFileSync(path, bytes);
      result.bytes['obs/ip'] += bytes.byteLength;
    }
  }
  return result;
}
