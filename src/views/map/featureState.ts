/** The per-area state the map paints from: fill colour, or suppressed; `source` is the map source it lives in. */
export interface AreaPaint {
  source: string;
  color: string | null;
  suppressed: boolean;
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
    if (old && old.color === paint.color && old.suppressed === paint.suppressed) continue;
    map.setFeatureState({ source: paint.source, id }, { color: paint.color, suppressed: paint.suppressed });
    changed++;
  }
  for (const [id, paint] of previous) {
    if (next.has(id)) continue;
    map.setFeatureState({ source: paint.source, id }, { color: null, suppressed: false });
    changed++;
  }
  return changed;
}
