/**
 * The one place that decides which observation values the app may see (suppression) and how custom areas add up:
 * the observations as the app may see them, from a source with the file's columns. Three steps, in this order:
 * 1. fill a rate's missing value from numerator/denominator;
 * 2. add the custom areas (`gebied`) as a ratio of sums over their member buurten — never an average of rates —
 *    only where every member has the data, and counts as plain sums; averages without a denominator are not guessed;
 * 3. suppress: a value based on fewer than `min_count` people (the denominator, or the count itself) is removed here,
 *    so no view, chart or export can show it. Its row stays, flagged, so the UI can say "geheim".
 *    A custom area is suppressed too when its suppressed members together are below `min_count`: otherwise the
 *    custom area minus its visible members would give their value away (complementary suppression).
 */
export function publicObservationsSql(tables: { source: string; indicators: string; members: string }): string {
  return `WITH raw AS (
    SELECT s.area_code, s.indicator_id, CAST(s.period AS SMALLINT) AS period,
      coalesce(CAST(s.value AS DOUBLE),
        CASE WHEN CAST(s.denominator AS DOUBLE) > 0
          THEN CAST(s.numerator AS DOUBLE) / CAST(s.denominator AS DOUBLE) * coalesce(i.multiplier, 1) END) AS value,
      CAST(s.numerator AS DOUBLE) AS numerator, CAST(s.denominator AS DOUBLE) AS denominator,
      CAST(NULL AS DOUBLE) AS hidden
    FROM ${tables.source} s JOIN ${tables.indicators} i ON i.id = s.indicator_id
  ),
  -- What each row is based on (people in the denominator, or the count), and whether that is too few to show.
  based AS (
    SELECT r.*, b.base, (i.min_count > 0 AND b.base < i.min_count) AS small
    FROM raw r JOIN ${tables.indicators} i ON i.id = r.indicator_id,
      LATERAL (SELECT CASE WHEN r.denominator IS NOT NULL THEN r.denominator
        WHEN i.unit = 'count' THEN r.value END AS base) b
  ),
  member_count AS (SELECT gebied, count(*) AS n FROM ${tables.members} GROUP BY gebied),
  derived AS (
    SELECT m.gebied AS area_code, r.indicator_id, r.period,
      CASE WHEN any_value(i.unit) = 'count' THEN sum(r.value)
        ELSE sum(r.numerator) / nullif(sum(r.denominator), 0) * coalesce(any_value(i.multiplier), 1) END AS value,
      sum(r.numerator) AS numerator, sum(r.denominator) AS denominator,
      coalesce(sum(CASE WHEN r.small THEN r.base END), 0) AS hidden
    FROM ${tables.members} m
      JOIN based r ON r.area_code = m.buurt
      JOIN ${tables.indicators} i ON i.id = r.indicator_id
      JOIN member_count c ON c.gebied = m.gebied
    GROUP BY m.gebied, r.indicator_id, r.period
    HAVING count(*) = any_value(c.n)
      AND (CASE WHEN any_value(i.unit) = 'count' THEN count(r.value)
           ELSE least(count(r.numerator), count(r.denominator)) END) = any_value(c.n)
  ),
  combined AS (
    SELECT * FROM raw
    UNION ALL
    SELECT d.* FROM derived d
    WHERE NOT EXISTS (SELECT 1 FROM raw r WHERE r.area_code = d.area_code
      AND r.indicator_id = d.indicator_id AND r.period = d.period)
  ),
  flagged AS (
    SELECT c.*, (c.value IS NULL OR (i.min_count > 0 AND (
        (c.denominator IS NOT NULL AND c.denominator < i.min_count)
        OR (c.denominator IS NULL AND i.unit = 'count' AND c.value < i.min_count)
        OR (coalesce(c.hidden, 0) > 0 AND c.hidden < i.min_count)))) AS suppressed
    FROM combined c JOIN ${tables.indicators} i ON i.id = c.indicator_id
  )
  SELECT area_code, indicator_id, period,
    CASE WHEN suppressed THEN NULL ELSE value END AS value,
    CASE WHEN suppressed THEN NULL ELSE numerator END AS numerator,
    CASE WHEN suppressed THEN NULL ELSE denominator END AS denominator,
    suppressed
  FROM flagged`;
}
