/**
 * The one place that decides which observation values the app may see (suppression) and how custom areas add up:
 * the observations as the app may see them, from a source with the file's columns. Three steps, in this order:
 * 1. fill a rate's missing value from numerator/denominator;
 * 2. add the custom areas (`gebied`) as a ratio of sums over their member buurten — never an average of rates —
 *    only where every member has the data, and counts as plain sums; averages without a denominator are not guessed;
 * 3. suppress: a value based on fewer than `min_count` people (the denominator, or the count itself) is removed here,
 *    so no view, chart or export can show it. Its row stays, flagged, so the UI can say "geheim".
 *    - Secondary suppression (with `areas`): where a shown wijk (or gemeente) is exactly the sum of its children
 *      (buurten, or wijken), some suppressed for being small and together fewer than `min_count` people, the wijk
 *      minus its visible children would give them away. So the smallest other children are suppressed too, smallest
 *      first, until the suppressed children together reach `min_count` (one always suffices: it is not small).
 *    - Complementary suppression of custom areas: a custom area is suppressed when its suppressed members together
 *      are below `min_count` (the custom area minus its visible members would give them away), or when it holds
 *      some but not all of the suppressed buurten of a shown wijk (with the wijk, it would tell them apart).
 *
 * `areas` is left out for a partitioned package: an area's file there holds no siblings to protect it with.
 */
export function publicObservationsSql(tables: {
  source: string;
  indicators: string;
  members: string;
  areas?: string;
}): string {
  // Without the areas, no child has a parent: the secondary step finds nothing.
  const parents = tables.areas
    ? `SELECT code, parent FROM ${tables.areas} WHERE level IN ('buurt', 'wijk') AND parent IS NOT NULL`
    : 'SELECT NULL::VARCHAR AS code, NULL::VARCHAR AS parent WHERE false';
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
  -- The children of a shown parent row (same indicator and period), and the groups with a small child.
  kids AS (
    SELECT b.area_code, b.indicator_id, b.period, b.base, b.small, b.numerator, a.parent,
      p.base AS parent_base, p.numerator AS parent_numerator
    FROM based b JOIN (${parents}) a ON a.code = b.area_code
      JOIN based p ON p.area_code = a.parent AND p.indicator_id = b.indicator_id AND p.period = b.period
    WHERE p.value IS NOT NULL AND NOT p.small
  ),
  -- Only where the children add up exactly to the parent (registry data, the demo): there a subtraction gives a
  -- secret away exactly. CBS figures are rounded and do not add up; CBS protects them itself (used as published).
  groups AS (
    SELECT parent, indicator_id, period, sum(CASE WHEN small THEN base END) AS hidden
    FROM kids GROUP BY parent, indicator_id, period
    HAVING bool_or(small) AND count(base) = count(*)
      AND abs(sum(base) - any_value(parent_base)) < 1e-6
      AND (any_value(parent_numerator) IS NULL OR (count(numerator) = count(*)
        AND abs(sum(numerator) - any_value(parent_numerator)) < 1e-6))
  ),
  -- Visible children, smallest first; each is suppressed while the hidden ones before it are still below min_count.
  secondary AS (
    SELECT area_code, indicator_id, period FROM (
      SELECT k.area_code, k.indicator_id, k.period, g.hidden, i.min_count,
        coalesce(sum(k.base) OVER (PARTITION BY k.parent, k.indicator_id, k.period ORDER BY k.base, k.area_code
          ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
      FROM kids k JOIN groups g ON g.parent = k.parent AND g.indicator_id = k.indicator_id AND g.period = k.period
        JOIN ${tables.indicators} i ON i.id = k.indicator_id
      WHERE NOT k.small AND k.base IS NOT NULL AND k.base > 0
    ) WHERE hidden + before < min_count
  ),
  hidden_kids AS (
    SELECT k.area_code, k.indicator_id, k.period, k.parent FROM kids k
    WHERE k.small OR EXISTS (SELECT 1 FROM secondary s
      WHERE s.area_code = k.area_code AND s.indicator_id = k.indicator_id AND s.period = k.period)
  ),
  -- Custom areas holding some, not all, of a shown wijk's suppressed buurten.
  split AS (
    SELECT DISTINCT m.gebied, h.indicator_id, h.period
    FROM ${tables.members} m
      JOIN hidden_kids h ON h.area_code = m.buurt
      JOIN hidden_kids o ON o.parent = h.parent AND o.indicator_id = h.indicator_id AND o.period = h.period
      LEFT JOIN ${tables.members} mo ON mo.gebied = m.gebied AND mo.buurt = o.area_code
    WHERE mo.buurt IS NULL
  ),
  based2 AS (
    SELECT b.*, (b.small OR s.area_code IS NOT NULL) AS hide
    FROM based b LEFT JOIN secondary s
      ON s.area_code = b.area_code AND s.indicator_id = b.indicator_id AND s.period = b.period
  ),
  member_count AS (SELECT gebied, count(*) AS n FROM ${tables.members} GROUP BY gebied),
  derived AS (
    SELECT m.gebied AS area_code, r.indicator_id, r.period,
      CASE WHEN any_value(i.unit) = 'count' THEN sum(r.value)
        ELSE sum(r.numerator) / nullif(sum(r.denominator), 0) * coalesce(any_value(i.multiplier), 1) END AS value,
      sum(r.numerator) AS numerator, sum(r.denominator) AS denominator,
      coalesce(sum(CASE WHEN r.hide THEN r.base END), 0) AS hidden
    FROM ${tables.members} m
      JOIN based2 r ON r.area_code = m.buurt
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
        OR (coalesce(c.hidden, 0) > 0 AND c.hidden < i.min_count)))
      OR EXISTS (SELECT 1 FROM secondary s
        WHERE s.area_code = c.area_code AND s.indicator_id = c.indicator_id AND s.period = c.period)
      OR EXISTS (SELECT 1 FROM split x
        WHERE x.gebied = c.area_code AND x.indicator_id = c.indicator_id AND x.period = c.period)) AS suppressed
    FROM combined c JOIN ${tables.indicators} i ON i.id = c.indicator_id
  )
  SELECT area_code, indicator_id, period,
    CASE WHEN suppressed THEN NULL ELSE value END AS value,
    CASE WHEN suppressed THEN NULL ELSE numerator END AS numerator,
    CASE WHEN suppressed THEN NULL ELSE denominator END AS denominator,
    suppressed
  FROM flagged`;
}
