import type { Polygon } from 'geojson';
import type { WijkkrachtApi } from '../../src/backend/api';
import type { Werkgebied } from '../../src/backend/wireTypes';

/** A rectangle [west, south, east, north] as a GeoJSON polygon. */
export function boxGeometry([west, south, east, north]: [number, number, number, number]): Polygon {
  return {
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
  };
}

/**
 * A werkgebied made the way an administrator makes one: an area imported, then
 * a werkgebied of it. `admin` must be an administrator's api.
 */
export async function makeWerkgebied(
  admin: WijkkrachtApi,
  options: { code: string; name: string; box: [number, number, number, number]; reviewFirst: boolean; reportThreshold?: number },
): Promise<Werkgebied> {
  await admin.importAreas({
    source: 'test-werkgebieden',
    attribution: null,
    rows: [{ row: 1, code: options.code, name: options.name, level: 'other', geometry: boxGeometry(options.box) }],
  });
  return admin.createWerkgebied({
    name: options.name,
    areaCodes: [options.code],
    reviewFirst: options.reviewFirst,
    ...(options.reportThreshold ? { reportThreshold: options.reportThreshold } : {}),
  });
}
