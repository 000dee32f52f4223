/**
 * Which CBS OData table holds the Kerncijfers wijken en buurten of a year. CBS publishes every year as a table of
 * its own (85984NED = 2024, 85618NED = 2023, …, 83220NED = 2015); the ids are CBS's published ones, kept in one
 * table, `KWB_TABLE_YEARS`, next to the importer, which reads the year back from the id in a file's name. A new
 * year is one line there.
 */
import { KWB_TABLE_YEARS } from '../../../src/import/cbs/recognise.ts';
import { UserError } from './errors.ts';

const TABLE_OF_YEAR: ReadonlyMap<number, string> = new Map(
  Object.entries(KWB_TABLE_YEARS).map(([id, year]) => [year, id]),
);

export const KNOWN_YEARS: readonly number[] = [...TABLE_OF_YEAR.keys()].sort((a, b) => a - b);

/** "2013–2024", or "2013–2016, 2018" where there is a gap. */
export function yearRanges(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

/** The table id of every year, in the order given; one error naming all unknown years. */
export function kwbTables(years: readonly number[]): { year: number; table: string }[] {
  const unknown = years.filter((y) => !TABLE_OF_YEAR.has(y));
  if (unknown.length > 0) {
    throw new UserError(
      `No CBS kerncijfers table is known for ${unknown.join(', ')}; known years: ${yearRanges(KNOWN_YEARS)} ` +
        '(to add a year, put its table id from StatLine in KWB_TABLE_YEARS, src/import/cbs/recognise.ts)',
    );
  }
  return years.map((year) => ({ year, table: TABLE_OF_YEAR.get(year)! }));
}
