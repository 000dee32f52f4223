/**
 * The one way observations become public: every table the app reads (the package's, a partition's, own data's) is
 * made here. The rows are combined in SQL (observationsSql.ts), the disclosure model decides in TypeScript which may
 * be shown (src/disclosure: small counts and small bases hidden in every linked indicator, then hidden further
 * until no sum over the hierarchy, the gebieden or the linked indicators narrows a hidden count down), and the
 * public table keeps a hidden row's place with no value, numerator or denominator and a status. The combined rows
 * are dropped: no raw count behind a hidden cell stays in the database, so neither a view nor the SQL console can
 * read one.
 */
import type { Connector } from '../db/connector.ts';
import { buildModel, type DisclosureArea, type DisclosureIndicator, type DisclosureRow } from '../disclosure/model.ts';
import { protect } from '../disclosure/protect.ts';
import { sqlIdentifier } from '../queries/sql.ts';
import { createTableFromCsv } from './metaTables.ts';
import { combinedObservationsSql } from './observationsSql.ts';

/** Why a row shows no value (see OBSERVATION_STATUSES); a row hidden by the disclosure rules is always `secret`. */
export type { ObservationStatus } from './package.ts';

let counter = 0;

/**
 * The first of `rows` (rows a file shows) that the primary rules hide: a count from 1 to its threshold − 1, a rate on
 * fewer than min_count people, or a count that a shown rate on a small base has as its numerator. Judged by the same
 * model the publish step uses, without the sums over the hierarchy (they only ever hide more). Null when none does.
 */
export function primaryRuleBreach(
  rows: readonly DisclosureRow[],
  indicators: readonly DisclosureIndicator[],
): DisclosureRow | null {
  const model = buildModel(rows, indicators, []);
  const breach = model.rows.find((r) => r.smallBase || r.cells.some((c) => model.cells.get(c)!.sensitive));
  return breach ? rows[breach.row]! : null;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/**
 * Creates `target` (a quoted table name) with the public rows of `source`: columns area_code, indicator_id, period,
 * value, numerator, denominator, suppressed, status. `hasStatus`: the source has a `status` column, the reason it
 * gives for an empty value (else every empty value is `not_published`). `areas` (with `members`) gives the sums over the hierarchy;
 * without it (a partition holding one area) only the linked indicators and the primary rules protect.
 */
export async function publishObservations(
  db: Connector,
  tables: { source: string; indicators: string; members: string; areas?: string; hasStatus?: boolean },
  target: string,
): Promise<{ rows: number; hidden: number }> {
  const n = ++counter;
  const combined = sqlIdentifier(`gk_combined_${n}`);
  const hiddenName = `gk_hidden_${n}`;
  await db.query(
    `CREATE TABLE ${combined} AS SELECT row_number() OVER () AS rn, * FROM (${combinedObservationsSql(tables)})`,
  );
  try {
    const table = await db.query(
      `SELECT rn, area_code, indicator_id, period, value, numerator, denominator FROM ${combined} ORDER BY rn`,
    );
    const rn = table.getChild('rn')!;
    const cols = ['area_code', 'indicator_id', 'period', 'value', 'numerator', 'denominator'].map(
      (c) => table.getChild(c)!,
    );
    const rows: DisclosureRow[] = new Array(table.numRows);
    const rowNumbers: number[] = new Array(table.numRows);
    for (let i = 0; i < table.numRows; i++) {
      rowNumbers[i] = Number(rn.get(i));
      rows[i] = {
        area_code: String(cols[0]!.get(i)),
        indicator_id: String(cols[1]!.get(i)),
        period: Number(cols[2]!.get(i)),
        value: num(cols[3]!.get(i)),
        numerator: num(cols[4]!.get(i)),
        denominator: num(cols[5]!.get(i)),
      };
    }
    const indicators = (
      await db.query(
        `SELECT id, unit, min_count, rounding, denominator_rounding, count_threshold, numerator_id, denominator_id,
          publish_rounding FROM ${tables.indicators}`,
      )
    )
      .toArray()
      .map((r) => {
        const o = r.toJSON() as Record<string, unknown>;
        return {
          id: String(o.id),
          unit: o.unit,
          min_count: Number(o.min_count ?? 0),
          rounding: num(o.rounding),
          denominator_rounding: num(o.denominator_rounding),
          count_threshold: num(o.count_threshold),
          numerator_id: (o.numerator_id as string | null) ?? null,
          denominator_id: (o.denominator_id as string | null) ?? null,
          publish_rounding: num(o.publish_rounding),
        } as DisclosureIndicator;
      });
    const areas: DisclosureArea[] = [];
    if (tables.areas) {
      const members = new Map<string, string[]>();
      for (const r of (await db.query(`SELECT gebied, buurt FROM ${tables.members}`)).toArray()) {
        const { gebied, buurt } = r.toJSON() as { gebied: string; buurt: string };
        members.set(gebied, [...(members.get(gebied) ?? []), buurt]);
      }
      for (const r of (await db.query(`SELECT DISTINCT code, level, parent FROM ${tables.areas}`)).toArray()) {
        const a = r.toJSON() as { code: string; level: string; parent: string | null };
        areas.push({ ...a, members: members.get(a.code) });
      }
    }
    const protection = protect(buildModel(rows, indicators, areas));
    await createTableFromCsv(
      db,
      `${hiddenName}.csv`,
      hiddenName,
      ['rn'],
      [...protection.hiddenRows].map((i) => [rowNumbers[i]!]),
      'CAST(rn AS BIGINT) AS rn',
    );
    // Counts an indicator publishes rounded (publish_rounding): rounded half up to the multiple, the rate computed from
    // the rounded counts (a rounded denominator of 0 leaves no rate).
    await db.query(`CREATE TABLE ${target} AS
      WITH shown AS (
        SELECT c.*, h.rn AS hidden_rn, i.unit, i.multiplier, i.publish_rounding AS r,
          CASE WHEN i.publish_rounding > 0 THEN floor(c.numerator / i.publish_rounding + 0.5) * i.publish_rounding
            ELSE c.numerator END AS num_shown,
          CASE WHEN i.publish_rounding > 0 THEN floor(c.denominator / i.publish_rounding + 0.5) * i.publish_rounding
            ELSE c.denominator END AS den_shown
        FROM ${combined} c JOIN ${tables.indicators} i ON i.id = c.indicator_id
          LEFT JOIN ${sqlIdentifier(hiddenName)} h ON h.rn = c.rn
      )
      , valued AS (
        SELECT *,
          CASE WHEN r > 0 AND num_shown IS NOT NULL AND den_shown IS NOT NULL
              THEN CASE WHEN den_shown > 0 THEN num_shown / den_shown * coalesce(multiplier, 1) END
            WHEN r > 0 AND unit = 'count' AND numerator IS NULL THEN floor(value / r + 0.5) * r
            ELSE value END AS value_shown
        FROM shown
      )
      SELECT area_code, indicator_id, period,
        CASE WHEN hidden_rn IS NULL THEN value_shown END AS value,
        CASE WHEN hidden_rn IS NULL AND value_shown IS NOT NULL THEN num_shown END AS numerator,
        CASE WHEN hidden_rn IS NULL AND value_shown IS NOT NULL THEN den_shown END AS denominator,
        (hidden_rn IS NOT NULL OR value_shown IS NULL) AS suppressed,
        CASE WHEN hidden_rn IS NOT NULL THEN 'secret' WHEN value_shown IS NULL THEN coalesce(source_status, 'not_published')
          END AS status
      FROM valued
      ORDER BY indicator_id, period, area_code`);
    return { rows: rows.length, hidden: protection.hiddenRows.size };
  } finally {
    await db.query(`DROP TABLE IF EXISTS ${combined}`);
    await db.query(`DROP TABLE IF EXISTS ${sqlIdentifier(hiddenName)}`);
  }
}
