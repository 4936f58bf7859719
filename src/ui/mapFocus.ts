import type { FeatureCollection, Geometry } from 'geojson';

/** What a map screen asks MapView to look at once: one shape (a werkgebied, a place in the queue). */
export function focusOn(geometry: Geometry): FeatureCollection {
  return { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry }] };
}
