/**
 * The observations before protection: a source with the file's columns made into the rows the app could show.
 * 1. a rate's missing value is filled from numerator/denominator;
 * 2. the custom areas (`gebied`) are added as a ratio of sums over their member buurten — never an average of
 *    rates — only where every member has the data, and counts as plain sums; averages without a denominator are not
 *    guessed.
 * Which of these rows may be published is decided by src/disclosure (src/data/publish.ts): this table never leaves
 * the loader.
 */
export function combinedObservationsSql(tables: {
  source: string;
  indicators: string;
  members: string;
  hasStatus?: boolean;
}): string {
  const status = tables.hasStatus ? 'CAST(s.status AS VARCHAR)' : 'CAST(NULL AS VARCHAR)';
  return `WITH raw AS (
    SELECT s.area_code, s.indicator_id, CAST(s.period AS SMALLINT) AS period,
      coalesce(CAST(s.value AS DOUBLE),
        CASE WHEN CAST(s.denominator AS DOUBLE) > 0
          THEN CAST(s.numerator AS DOUBLE) / CAST(s.denominator AS DOUBLE) * coalesce(i.multiplier, 1) END) AS value,
      CAST(s.numerator AS DOUBLE) AS numerator, CAST(s.denominator AS DOUBLE) AS denominator,
      ${status} AS source_status
    FROM ${tables.source} s JOIN ${tables.indicators} i ON i.id = s.indicator_id
  ),
  member_count AS (SELECT gebied, count(*) AS n FROM ${tables.members} GROUP BY gebied),
  derived AS (
    SELECT m.gebied AS area_code, r.indicator_id, r.period,
      CASE WHEN any_value(i.unit) = 'count' THEN sum(r.value)
        ELSE sum(r.numerator) / nullif(sum(r.denominator), 0) * coalesce(any_value(i.multiplier), 1) END AS value,
      sum(r.numerator) AS numerator, sum(r.denominator) AS denominator, CAST(NULL AS VARCHAR) AS source_status
    FROM ${tables.members} m
      JOIN raw r ON r.area_code = m.buurt
      JOIN ${tables.indicators} i ON i.id = r.indicator_id
      JOIN member_count c ON c.gebied = m.gebied
    GROUP BY m.gebied, r.indicator_id, r.period
    HAVING count(*) = any_value(c.n)
      AND (CASE WHEN any_value(i.unit) = 'count' THEN count(r.value)
           ELSE least(count(r.numerator), count(r.denominator)) END) = any_value(c.n)
  )
  SELECT * FROM raw
  UNION ALL
  SELECT d.* FROM derived d
  WHERE NOT EXISTS (SELECT 1 FROM raw r WHERE r.area_code = d.area_code
    AND r.indicator_id = d.indicator_id AND r.period = d.period)`;
}
