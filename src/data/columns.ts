/**
 * Checks a CSV header against the columns a file should have. Order does not matter.
 *
 * Header issues carry `column` but no `row` (they are about the header as a whole):
 * - `missingColumn` for a required column that is absent, with a `suggestion` param naming a present unknown column
 *   that is probably the same one misspelt (same up to case, spaces, `_` and `-`; edit distance ≤ 2; or one name
 *   a prefix of the other, as `indicator` for `indicator_id`);
 * - `unknownColumn` for a column that is neither required nor optional (a misspelling is reported both ways);
 * - `duplicateColumn` for a column that appears more than once (params `count`).
 */
import { cellValue, editDistance } from './issues.ts';
import type { PackageIssue } from './package.ts';

function normalize(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

/** How much `candidate` looks like `wanted`: lower is better, null when not at all. */
function likeness(wanted: string, candidate: string): number | null {
  if (candidate.length > 64) return null;
  const a = normalize(wanted);
  const b = normalize(candidate);
  if (b.length === 0) return null;
  if (a === b) return 0;
  const distance = editDistance(a, b, 2);
  if (distance <= 2) return distance;
  if (b.length >= 3 && (a.startsWith(b) || b.startsWith(a))) return 3;
  return null;
}

/** The issues of `header` for a file that must have the `expected` columns and may have the `optional` ones. */
export function checkColumns(
  header: readonly string[],
  expected: readonly string[],
  file: string,
  optional: readonly string[] = [],
): PackageIssue[] {
  const issues: PackageIssue[] = [];
  const allowed = new Set([...expected, ...optional]);
  const counts = new Map<string, number>();
  for (const name of header) counts.set(name, (counts.get(name) ?? 0) + 1);
  const unknown = [...counts.keys()].filter((name) => !allowed.has(name));

  for (const name of expected) {
    if (counts.has(name)) continue;
    let suggestion: string | undefined;
    let best = Number.POSITIVE_INFINITY;
    for (const candidate of unknown) {
      const score = likeness(name, candidate);
      if (score !== null && score < best) {
        best = score;
        suggestion = candidate;
      }
    }
    issues.push({
      file,
      column: name,
      code: 'missingColumn',
      params: suggestion === undefined ? { column: name } : { column: name, suggestion: cellValue(suggestion) },
    });
  }
  for (const name of unknown) {
    const column = cellValue(name);
    issues.push({ file, column, code: 'unknownColumn', params: { column, value: column } });
  }
  for (const [name, count] of counts) {
    if (count < 2) continue;
    const column = cellValue(name);
    issues.push({ file, column, code: 'duplicateColumn', params: { column, value: column, count } });
  }
  return issues;
}
