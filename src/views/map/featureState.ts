import type { MissingReason } from '../../app/missingReason.ts';

/**
 * The per-area state the map paints from: fill colour, or suppressed, and why a value is missing (each reason its own
 * fill, see MISSING_COLORS); `source` is the map source it lives in.
 */
export interface AreaPaint {
  source: string;
  color: string | null;
  suppressed: boolean;
  missing?: MissingReason | null;
}

export interface FeatureStateTarget {
  setFeatureState(feature: { source: string; id: string }, state: Record<string, unknown>): void;
}

/**
 * Applies new paint to the map by feature-state (no source rebuild): only areas whose paint changed are touched,
 * and areas that are no longer painted are reset to "no data".
 */
export function applyPaint(
  map: FeatureStateTarget,
  previous: ReadonlyMap<string, AreaPaint>,
  next: ReadonlyMap<string, AreaPaint>,
): number {
  let changed = 0;
  for (const [id, paint] of next) {
    const old = previous.get(id);
    // The same fill object is the same fill (mapPaint shares one per distinct fill).
    if (old === paint) continue;
    if (old && old.color === paint.color && old.suppressed === paint.suppressed && old.missing === paint.missing)
      continue;
    map.setFeatureState(
      { source: paint.source, id },
      { color: paint.color, suppressed: paint.suppressed, missing: paint.missing ?? null },
    );
    changed++;
  }
  for (const [id, paint] of previous) {
    if (next.has(id)) continue;
    map.setFeatureState({ source: paint.source, id }, { color: null, suppressed: false, missing: null });
    changed++;
  }
  return changed;
}
