/**
 * One cell of a CBS source as a number. CBS marks "geheim / niet beschikbaar" in several ways, and every one of
 * them must become a suppressed value (null), never 0 — a 0 would read as "nobody" on the map.
 */

/**
 * How the source marked a missing figure: `secret` for CBS's "geheim / niet beschikbaar" marks (`.`, `x`,
 * -99999999), `empty` for no value at all (an empty cell, a missing or null property: PDOK's "not published"),
 * `notYetAvailable` and `notApplicable` for the Wijk- en buurtkaart's -99999998 and -99999997. Which `secret` is
 * privacy and which is a figure CBS has not got is decided per area in buildPackage (missingReason.ts), because
 * the mark alone does not say.
 */
export type MissingMarker = 'secret' | 'empty' | 'notYetAvailable' | 'notApplicable';

export type CellNumber =
  | { kind: 'number'; value: number }
  | { kind: 'suppressed'; marker: MissingMarker }
  | { kind: 'notANumber' };

const SECRET: CellNumber = { kind: 'suppressed', marker: 'secret' };
const EMPTY: CellNumber = { kind: 'suppressed', marker: 'empty' };
const GARBAGE: CellNumber = { kind: 'notANumber' };

/**
 * Text that means "no figure": `.` (kwb, StatLine), `..`, `x` (StatLine "geheim"), and a lone `,` — how a `.` comes
 * out of some Dutch-locale spreadsheet exports (seen in kwb-2022) — are CBS's secret marks; empty (PDOK: not
 * published), `null` and `NaN` are no value at all.
 */
const SECRET_TEXT = new Set(['.', '..', ',', 'x', 'X']);
const EMPTY_TEXT = new Set(['', 'null', 'NULL', 'NaN']);

/**
 * The Wijk- en buurtkaart and the PDOK services write a missing value as a large negative sentinel: -99999999
 * "geheim / niet beschikbaar", and in later years also -99999998 "nog niet beschikbaar" (a figure CBS adds in a
 * later version of the map) and -99999997 "niet van toepassing" (no dwellings, so no average WOZ value). Any other
 * value of that range is read as secret. No real kerncijfer comes near these.
 */
const SENTINELS: Readonly<Record<number, CellNumber>> = {
  [-99999998]: { kind: 'suppressed', marker: 'notYetAvailable' },
  [-99999997]: { kind: 'suppressed', marker: 'notApplicable' },
};

function sentinel(value: number): CellNumber | null {
  if (!Number.isInteger(value) || value > -99999990 || value < -99999999) return null;
  return SENTINELS[value] ?? SECRET;
}

/**
 * A decimal number with `.` or `,` as decimal separator (one of them, at most once), optional sign and exponent.
 * Thousands separators are not accepted: in "1.234" the separator cannot be told apart from a decimal point.
 */
const DECIMAL = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?$/;

/** Reads a cell from CSV, XLSX or JSON. */
export function cellNumber(raw: unknown): CellNumber {
  if (raw === null || raw === undefined) return EMPTY;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return GARBAGE;
    return sentinel(raw) ?? { kind: 'number', value: raw };
  }
  if (typeof raw !== 'string') return GARBAGE;
  // CBS pads cells with spaces ("       ."), and spreadsheets add non-breaking ones.
  const text = raw.replace(/^[\s\u00a0]+|[\s\u00a0]+$/g, '');
  if (SECRET_TEXT.has(text)) return SECRET;
  if (EMPTY_TEXT.has(text)) return EMPTY;
  if (!DECIMAL.test(text)) return GARBAGE;
  const value = Number(text.replace(',', '.'));
  if (!Number.isFinite(value)) return GARBAGE;
  return sentinel(value) ?? { kind: 'number', value };
}
