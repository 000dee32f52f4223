/**
 * The Verkennen view's questions: one indicator across all areas of a level (ranking, distribution, small
 * multiples) and two indicators against each other (scatter). Every query is limited to one level, and optionally
 * to one gemeente, so a national package never sends 14.000 buurten to a chart that was asked about one town.
 *
 * Areas come from the `areas` view joined on the observations of the asked period: an area without a row that year
 * (not yet drawn, redrawn, or not measured) is not in that year's ranking; a suppressed one is, without a value.
 */
import type { Table } from 'apache-arrow';
import type { Level, ObservationStatus } from '../data/package.ts';
import { asBoolean, asNumber, asNumberOrNull, asString, decodeColumns, VALUE_FIELDS } from './decode.ts';
import { sqlInteger, sqlString } from './sql.ts';

export interface ExploreScope {
  level: Level;
  /** Only the areas of this gemeente (its own code for level `gemeente`); all areas of the level when absent. */
  gemeente?: string | null;
}

export interface RankingRequest extends ExploreScope {
  indicator: string;
  period: number;
}

export interface RankingRow {
  code: string;
  name: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  suppressed: boolean;
  /** Why there is no value (publish.ts); null when there is one. */
  status?: ObservationStatus | null;
}

export interface AreaTrendsRequest extends ExploreScope {
  indicator: string;
}

export interface AreaTrendRow {
  code: string;
  period: number;
  value: number | null;
  /** The counts behind a rate (null for a suppressed figure or an indicator without them): the funnel plot and the
   * stabilised values estimate the between-area variation from every period's counts (src/compass/levelFunnel.ts). */
  numerator: number | null;
  denominator: number | null;
  suppressed: boolean;
}

export interface ScatterRequest extends ExploreScope {
  /** Indicator ids on the horizontal and vertical axis. */
  x: string;
  y: string;
  period: number;
}

export interface ScatterRow {
  code: string;
  name: string;
  x: number;
  y: number;
}

function scope({ level, gemeente }: ExploreScope): string {
  const inGemeente = gemeente ? ` AND a.gemeente = ${sqlString(gemeente)}` : '';
  return `a.level = ${sqlString(level)}${inGemeente}`;
}

/**
 * Every area of the level with a row in the period, highest value first; suppressed and empty values last. Ties
 * are ordered by name and code so that the order (and the chart built from it) is the same on every run.
 */
export function rankingQuery(request: RankingRequest): string {
  return `SELECT a.code, a.name, o.value, o.numerator, o.denominator, o.suppressed, o.status
FROM areas a JOIN observations o ON o.area_code = a.code
WHERE o.indicator_id = ${sqlString(request.indicator)} AND o.period = ${sqlInteger(request.period)}
  AND ${scope(request)}
ORDER BY o.value DESC NULLS LAST, o.suppressed DESC, a.name, a.code`;
}

/**
 * One indicator over every period for every area of the level: the small multiples, and the counts from which the
 * funnel plot and the stabilised values estimate how much the areas ordinarily differ.
 */
export function areaTrendsQuery(request: AreaTrendsRequest): string {
  return `SELECT a.code, o.period, o.value, o.numerator, o.denominator, o.suppressed
FROM areas a JOIN observations o ON o.area_code = a.code
WHERE o.indicator_id = ${sqlString(request.indicator)} AND ${scope(request)}
ORDER BY a.code, o.period`;
}

/** Two indicators in one period, for the areas where both are published (not suppressed, not empty). */
export function scatterQuery(request: ScatterRequest): string {
  return `SELECT a.code, a.name, ox.value AS x, oy.value AS y
FROM areas a
JOIN observations ox ON ox.area_code = a.code
JOIN observations oy ON oy.area_code = a.code
WHERE ox.indicator_id = ${sqlString(request.x)} AND ox.period = ${sqlInteger(request.period)}
  AND oy.indicator_id = ${sqlString(request.y)} AND oy.period = ${sqlInteger(request.period)}
  AND NOT ox.suppressed AND NOT oy.suppressed AND ox.value IS NOT NULL AND oy.value IS NOT NULL
  AND ${scope(request)}
ORDER BY a.code`;
}

/**
 * How many areas of the level have a shown value (published, not suppressed) in the period, per indicator: the
 * scatter's default partner is one with data there, not one that leaves the chart empty.
 */
export function coverageQuery(request: ExploreScope & { period: number }): string {
  return `SELECT o.indicator_id AS indicator, count(*)::INTEGER AS n
FROM areas a JOIN observations o ON o.area_code = a.code
WHERE o.period = ${sqlInteger(request.period)} AND NOT o.suppressed AND o.value IS NOT NULL
  AND ${scope(request)}
GROUP BY o.indicator_id
ORDER BY o.indicator_id`;
}

export function decodeCoverage(table: Table): Map<string, number> {
  const rows = decodeColumns<{ indicator: string; n: number }>(table, { indicator: asString, n: asNumber });
  return new Map(rows.map((r) => [r.indicator, r.n]));
}

export function decodeRanking(table: Table): RankingRow[] {
  return decodeColumns<RankingRow>(table, {
    code: asString,
    name: asString,
    ...VALUE_FIELDS,
  });
}

export function decodeAreaTrends(table: Table): AreaTrendRow[] {
  return decodeColumns<AreaTrendRow>(table, {
    code: asString,
    period: asNumber,
    value: asNumberOrNull,
    numerator: asNumberOrNull,
    denominator: asNumberOrNull,
    suppressed: asBoolean,
  });
}

export function decodeScatter(table: Table): ScatterRow[] {
  return decodeColumns<ScatterRow>(table, { code: asString, name: asString, x: asNumber, y: asNumber });
}
