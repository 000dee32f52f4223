/**
 * A CBS OData table's DataProperties (`…/85984NED/DataProperties`): for every column key its title, unit and
 * place in the topic tree. Used to label columns the mapping table does not know and to tell codes and names
 * from figures.
 */
import { isObject } from '../../data/issues.ts';
import { odataBaseKey } from './variables.ts';

export interface ODataProperty {
  key: string;
  /** The title, prefixed with its topic group's title when another column has the same title-less key. */
  label: string;
  unit?: string;
  /** `Topic` for a figure; `Dimension`, `GeoDetail`, `TopicGroup` … for the rest. */
  type?: string;
}

/** Units CBS gives to columns that hold a code or a text, not a quantity. */
const NON_QUANTITY_UNITS = new Set(['code', 'naam', 'omschrijving']);

/** Whether a column described like this holds no quantity (a name, a code, a region dimension). */
export function isNonQuantity(property: ODataProperty): boolean {
  if (property.type !== undefined && property.type !== 'Topic') return true;
  return property.unit !== undefined && NON_QUANTITY_UNITS.has(property.unit.trim().toLowerCase());
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * Reads DataProperties as CBS serves them: an array of entries or `{ "value": [...] }`. Anything else gives an
 * empty map (the importer then matches by name only, and says so).
 */
export function readDataProperties(raw: unknown): Map<string, ODataProperty> {
  const list = Array.isArray(raw) ? raw : isObject(raw) && Array.isArray(raw.value) ? raw.value : [];
  const entries = list.filter(isObject);
  const groupTitle = new Map<number, string>();
  for (const e of entries) {
    if (typeof e.ID === 'number' && text(e.Title)) groupTitle.set(e.ID, text(e.Title)!);
  }
  // Keys that repeat once their numeric suffix is gone (`Nederland_17`, `Nederland_20`) need their group to be told apart.
  const baseCount = new Map<string, number>();
  for (const e of entries) {
    const key = text(e.Key);
    if (!key) continue;
    const base = odataBaseKey(key) ?? key;
    baseCount.set(base, (baseCount.get(base) ?? 0) + 1);
  }
  const result = new Map<string, ODataProperty>();
  for (const e of entries) {
    const key = text(e.Key);
    if (!key) continue;
    const title = text(e.Title) ?? key;
    const group = typeof e.ParentID === 'number' ? groupTitle.get(e.ParentID) : undefined;
    const ambiguous = (baseCount.get(odataBaseKey(key) ?? key) ?? 0) > 1;
    const unit = text(e.Unit);
    const type = text(e.Type);
    result.set(key, {
      key,
      label: ambiguous && group ? `${group}: ${title}` : title,
      ...(unit !== undefined && { unit }),
      ...(type !== undefined && { type }),
    });
  }
  return result;
}
