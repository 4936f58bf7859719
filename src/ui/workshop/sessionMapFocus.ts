import type { FeatureCollection } from 'geojson';

/**
 * The session's shown area ([west, south, east, north]) as something the map
 * can fit its view to. The map engineer's WijkMap.fitBbox will take the box
 * itself; until MapView offers it, the map's `focus` (fit to these features) does.
 */
export function bboxFocus([west, south, east, north]: [number, number, number, number]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: {},
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [west, south],
              [east, south],
              [east, north],
              [west, north],
              [west, south],
            ],
          ],
        },
      },
    ],
  };
}
