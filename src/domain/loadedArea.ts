import type { BoundingBox } from './types';

/**
 * Which part of the map to ask the database for. Asking for exactly the view on
 * every move means a query (and a new GeoJSON to cluster) for each small pan;
 * asking for the view with a margin of one view's size on each side lets the
 * map pan and zoom in within that area without asking again.
 */
export function areaAround(view: BoundingBox): BoundingBox {
  const width = view.east - view.west;
  const height = view.north - view.south;
  return onGlobe({ west: view.west - width, south: view.south - height, east: view.east + width, north: view.north + height });
}

/** A box cut to the globe: zoomed far out, MapLibre's view reaches past ±180° (copies of the world). */
export function onGlobe(box: BoundingBox): BoundingBox {
  return {
    west: Math.max(-180, box.west),
    south: Math.max(-90, box.south),
    east: Math.min(180, box.east),
    north: Math.min(90, box.north),
  };
}

export function sameBox(a: BoundingBox, b: BoundingBox): boolean {
  return a.west === b.west && a.south === b.south && a.east === b.east && a.north === b.north;
}

/** Whether `outer` holds the part of `inner` that lies on the globe. */
export function containsBox(outer: BoundingBox, inner: BoundingBox): boolean {
  inner = onGlobe(inner);
  return outer.west <= inner.west && outer.south <= inner.south && outer.east >= inner.east && outer.north >= inner.north;
}

export interface LoadedArea {
  area: BoundingBox;
  /** How many places lie in the area. */
  total: number;
  /** Every place of the area was loaded (none left out by the limit). */
  complete: boolean;
}

const size = (box: BoundingBox) => (box.east - box.west) * (box.north - box.south);

/**
 * The area to ask for a view: the view with its margin (areaAround) where the
 * places loaded last suggest it holds no more than the limit; otherwise just
 * the view, so that where places are dense the limit is spent on what is seen
 * and each move asks for no more than the view.
 */
export function areaToLoad(view: BoundingBox, last: LoadedArea | null, limit: number): BoundingBox {
  const around = areaAround(view);
  if (last === null) return around;
  const expected = (last.total / size(last.area)) * size(around);
  return expected <= limit ? around : onGlobe(view);
}

/**
 * Whether a view needs a new query: not when an earlier answer already holds
 * every place of it. An incomplete answer (more places than the limit) is asked
 * again for each view, so zooming in brings the places that were left out.
 */
export function needsLoading(view: BoundingBox, loaded: LoadedArea | null): boolean {
  return loaded === null || !loaded.complete || !containsBox(loaded.area, view);
}
