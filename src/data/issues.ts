/**
 * Shared helpers of the package validators: the capped issue collector and strict cell parsing.
 */
import { jsonErrorOffset, lineColumn } from './jsonPosition.ts';
import { PackageError, type PackageIssue } from './package.ts';

/** At most this many issues are reported per file; one `tooManyIssues` issue follows when more were found. */
export const MAX_ISSUES = 50;

/** Longest quoted cell in `params.value`, in code points (including the ellipsis). */
export const MAX_VALUE_LENGTH = 60;

/** Collects the issues of one file, keeping the first {@link MAX_ISSUES} and counting the rest. */
export class IssueCollector {
  readonly issues: PackageIssue[] = [];
  private dropped = 0;

  constructor(readonly file: string) {}

  add(issue: Omit<PackageIssue, 'file'>): void {
    if (this.issues.length < MAX_ISSUES) this.issues.push({ file: this.file, ...issue });
    else this.dropped++;
  }

  addAll(issues: readonly PackageIssue[]): void {
    for (const { file: _file, ...rest } of issues) this.add(rest);
  }

  get count(): number {
    return this.issues.length + this.dropped;
  }

  /** The collected issues, with the closing `tooManyIssues` issue when some were dropped. */
  result(): PackageIssue[] {
    if (this.dropped === 0) return [...this.issues];
    return [
      ...this.issues,
      { file: this.file, code: 'tooManyIssues', params: { shown: MAX_ISSUES, more: this.dropped } },
    ];
  }

  throwIfAny(): void {
    if (this.count > 0) throw new PackageError(this.result());
  }
}

// C0 and C1 control characters, and the bidirectional overrides that can make a quoted value read differently.
const UNSAFE = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu;

/**
 * A cell made safe to quote in a message: at most {@link MAX_VALUE_LENGTH} code points (ending in `…` when cut),
 * control characters shown as their Unicode control pictures (tab → ␉), bidi overrides as ␦.
 */
export function cellValue(raw: string): string {
  // Look at a bounded prefix only, so a 1 MB cell costs no more than a short one.
  const head = raw.length > MAX_VALUE_LENGTH * 2 + 2 ? raw.slice(0, MAX_VALUE_LENGTH * 2 + 2) : raw;
  const points = Array.from(head);
  const cut = points.length > MAX_VALUE_LENGTH || head.length < raw.length;
  const kept = cut ? `${points.slice(0, MAX_VALUE_LENGTH - 1).join('')}…` : head;
  return kept.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return '\u2426';
  });
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;
const DUTCH_THOUSANDS = /^[+-]?\d{1,3}(?:\.\d{3})+,\d+$/;
const INTEGER = /^[+-]?\d+$/;

export type CellResult<T> = { ok: true; value: T } | { ok: false; params: Record<string, string | number> };

/**
 * Parses a number strictly: `12.5`, `-3`, `1e3`. A decimal comma (`12,5`, `1.234,5`) fails with params
 * `hint: 'decimalComma'` (as the DuckDB observation checks give) and `suggestion`, the value written with a
 * decimal point; `NaN`, `Infinity`, `1e999`, spaces and text fail with `value` only.
 */
export function parseNumberCell(raw: string): CellResult<number> {
  if (raw.length <= 400 && NUMBER.test(raw)) {
    const value = Number(raw);
    if (Number.isFinite(value)) return { ok: true, value };
  }
  const params: Record<string, string | number> = { value: cellValue(raw) };
  if (raw.length <= 400 && (DECIMAL_COMMA.test(raw) || DUTCH_THOUSANDS.test(raw))) {
    params.hint = 'decimalComma';
    params.suggestion = raw.replaceAll('.', '').replace(',', '.');
  }
  return { ok: false, params };
}

/** Parses a whole number written as digits only (optionally signed): `2020`, `0`, `-1`. */
export function parseIntegerCell(raw: string): CellResult<number> {
  if (raw.length <= 20 && INTEGER.test(raw)) {
    const value = Number(raw);
    if (Number.isSafeInteger(value)) return { ok: true, value: value === 0 ? 0 : value };
  }
  return { ok: false, params: { value: cellValue(raw) } };
}

/** Levenshtein distance, giving up (returning `max + 1`) as soon as it must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Where a `JSON.parse` error happened (1-based): found by scanning, else from the engine's message. */
function jsonErrorPlace(text: string, message: string): { line: number; column: number } | null {
  const offset = jsonErrorOffset(text);
  if (offset !== null) return lineColumn(text, offset);
  const place = /line (\d+) column (\d+)/.exec(message);
  if (place) return { line: Number(place[1]), column: Number(place[2]) };
  const position = /position (\d+)/.exec(message);
  return position ? lineColumn(text, Math.min(Number(position[1]), text.length)) : null;
}

/**
 * Parses a JSON file (a UTF-8 byte order mark is stripped). Throws `emptyFile`, `notUtf8` (params `line`) or
 * `invalidJson` (params `line` and `column` when the engine reports where).
 */
export function parseJsonFile(text: string, file: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new PackageError([{ file, code: 'emptyFile' }]);
  const bad = body.indexOf('\uFFFD');
  if (bad >= 0) {
    throw new PackageError([{ file, code: 'notUtf8', params: { line: lineColumn(body, bad).line } }]);
  }
  try {
    return JSON.parse(body);
  } catch (error) {
    const place = jsonErrorPlace(body, error instanceof Error ? error.message : String(error));
    throw new PackageError([{ file, code: 'invalidJson', ...(place && { params: place }) }]);
  }
}

/** A plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is { [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Any JSON value made safe to quote in a message (strings as-is, the rest as JSON). */
export function jsonValue(value: unknown): string {
  if (typeof value === 'string') return cellValue(value);
  if (value === undefined) return '';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return cellValue(text);
}
