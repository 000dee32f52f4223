import { MISSING_REASONS, type MissingReason, missingReason } from '../../app/missingReason.ts';
import type { GeometrySource } from '../../data/mapGeometry.ts';
import type { Level } from '../../data/package.ts';
import type { ChoroplethRow } from '../../queries/choropleth.ts';
import { levelScales, type MapClassification } from './classify.ts';
import type { ColorScale } from './colorScale.ts';
import type { AreaPaint } from './featureState.ts';

const DIMMED_COLOR = '#ececec';

/** What the map, its legend and its tooltip show of one set of rows. */
export interface MapPaint {
  /** Per area code: its fill (feature state); areas without a row are not in it. */
  paint: ReadonlyMap<string, AreaPaint>;
  scales: ReadonlyMap<Level, ColorScale>;
  /** An area's shown value (null: suppressed or missing), undefined without a row: for the tooltip. */
  valueAt(code: string): number | null | undefined;
  /** Why an area has no value, null when it has one or has no row. */
  reasonAt(code: string): MissingReason | null;
  /** The reasons for a missing value that occur, in the legend's order. */
  missing: MissingReason[];
}

export interface MapPaintOptions {
  sources: readonly GeometrySource[];
  /** How many areas the map draws: fewer rows than that adds "geen gegevens" to the legend. */
  drawnCount: number;
  classification: MapClassification;
  /** Areas drawn faded (a range brushed in a chart). */
  dimmed?: ReadonlySet<string> | null;
  /** Values to colour by instead of the rows' (Verkennen's stabilised values). */
  stabilised?: ReadonlyMap<string, number> | null;
}

/** Colour tables of rows arrays (a map file's rows of the drawn levels are one array while the file is kept). */
const tables = new WeakMap<readonly ChoroplethRow[], Map<string, MapPaint>>();
/** Per geometry's sources, an id: part of a table's key. */
const sourceIds = new WeakMap<readonly GeometrySource[], number>();
let nextSourceId = 0;

function tableKey(options: MapPaintOptions): string {
  const id = sourceIds.get(options.sources) ?? nextSourceId++;
  sourceIds.set(options.sources, id);
  return `${id}|${options.drawnCount}|${JSON.stringify(options.classification)}`;
}

/**
 * The map's colours of a set of rows: one colour scale per drawn level, a fill per area. Computed once per rows array,
 * geometry and classification (the choices a switch is likely to make next are computed ahead, in idle time, see
 * useMapPrefetch), so a switch to them only looks the table up. Faded or stabilised paints are not kept: they follow
 * a user's brushing and Verkennen's own values.
 */
export function mapPaint(rows: readonly ChoroplethRow[], options: MapPaintOptions): MapPaint {
  if (options.dimmed || options.stabilised) return computeMapPaint(rows, options);
  const kept = tables.get(rows) ?? new Map<string, MapPaint>();
  tables.set(rows, kept);
  const key = tableKey(options);
  const table = kept.get(key) ?? computeMapPaint(rows, options);
  kept.set(key, table);
  return table;
}

/** The reason a row shows no value; a stabilised value that could not be estimated is simply not shown. */
const reasonOfRow = (r: ChoroplethRow): MissingReason | null =>
  r.suppressed || r.status ? missingReason(r) : r.value === null ? 'not_published' : null;

/**
 * One fill object per distinct fill (a handful of colours and reasons per source), not one per area: a national
 * table is ~18.000 areas, and a switch computes one. Looked up by nested maps, without building a key per area.
 */
type Fills = Map<string, Map<string | null, Map<MissingReason | null, [AreaPaint?, AreaPaint?]>>>;

function paintOf(
  fills: Fills,
  source: string,
  color: string | null,
  suppressed: boolean,
  missing: MissingReason | null,
): AreaPaint {
  const byColor = fills.get(source) ?? new Map();
  if (!fills.has(source)) fills.set(source, byColor);
  const byReason = byColor.get(color) ?? new Map();
  if (!byColor.has(color)) byColor.set(color, byReason);
  const pair = byReason.get(missing) ?? [];
  if (!byReason.has(missing)) byReason.set(missing, pair);
  const at = suppressed ? 1 : 0;
  const known = pair[at];
  if (known) return known;
  const paint = { source, color, suppressed, missing };
  pair[at] = paint;
  return paint;
}

function computeMapPaint(data: readonly ChoroplethRow[], options: MapPaintOptions): MapPaint {
  const { sources, drawnCount, classification, dimmed = null, stabilised = null } = options;
  const rows = stabilised
    ? data.map((r) => ({ ...r, value: r.suppressed ? null : (stabilised.get(r.code) ?? null) }))
    : data;
  // A suppressed row shows no value: left out of the classes (the rows themselves, not a copy of each).
  const scales = levelScales(
    rows.filter((r) => !r.suppressed),
    classification,
  );
  const paint = new Map<string, AreaPaint>();
  const fills: Fills = new Map();
  const present = new Set<MissingReason>();
  const sourceOf = new Map(sources.flatMap((s) => s.levels.map((l) => [l, s.id] as const)));
  for (const r of rows) {
    const source = sourceOf.get(r.level);
    if (!source) continue;
    const scale = scales.get(r.level);
    const color = r.value === null || !scale ? null : dimmed?.has(r.code) ? DIMMED_COLOR : scale.color(r.value);
    const reason = reasonOfRow(r);
    paint.set(r.code, paintOf(fills, source, color, r.suppressed, reason));
    if (reason) present.add(reason);
  }
  if (paint.size < drawnCount) present.add('no_data');
  // The tooltip asks one area at a time: the rows by code are indexed at its first question, not at every switch.
  let byCode: Map<string, ChoroplethRow> | null = null;
  const rowOf = (code: string) => {
    byCode ??= new Map(rows.filter((r) => sourceOf.has(r.level)).map((r) => [r.code, r]));
    return byCode.get(code);
  };
  return {
    paint,
    scales,
    valueAt(code) {
      const r = rowOf(code);
      return r && (r.suppressed ? null : r.value);
    },
    reasonAt(code) {
      const r = rowOf(code);
      return r ? reasonOfRow(r) : null;
    },
    missing: MISSING_REASONS.filter((m) => present.has(m)),
  };
}
