/**
 * The start screen's map handing over to the dashboard's. The dashboard's map is a new maplibre instance that needs
 * 2–4 s to load and paint, and the start screen's goes with the start screen: the map area would be blank in between.
 * So the leaving map is parked instead of removed, and its successor (same package) shows it on top of itself until it
 * has drawn its own colours; a map nobody takes is removed once the change that unmounted it is committed.
 */
export interface ParkedMap {
  /** The package the map draws: only a map of the same package takes it over. */
  key: string;
  /** The map's container, canvas and controls: moved into the successor's frame. */
  element: HTMLElement;
  /** Removes the maplibre instance and its element. */
  remove(): void;
}

let parked: ParkedMap | null = null;

/** A map leaving the page: kept on the side for a successor of the same key (a map parked before it is removed). */
export function parkMap(map: ParkedMap): void {
  if (parked && parked !== map) parked.remove();
  parked = map;
}

/** The parked map of this key, now the caller's to remove; null when there is none. */
export function takeParkedMap(key: string): ParkedMap | null {
  if (parked?.key !== key) return null;
  const map = parked;
  parked = null;
  return map;
}

/** Removes the map if it is still parked (no successor took it). */
export function dropParkedMap(map: ParkedMap): void {
  if (parked !== map) return;
  parked = null;
  map.remove();
}
