import type { Geometry } from 'geojson';
import type { AssetKind } from '../domain/types';

/** Which kind of asset a geometry makes: a point is a place, a line a route, a surface an area. */
export function kindForGeometry(geometry: Geometry): AssetKind | null {
  switch (geometry.type) {
    case 'Point':
      return 'place';
    case 'LineString':
    case 'MultiLineString':
      return 'route';
    case 'Polygon':
    case 'MultiPolygon':
      return 'area';
    default:
      return null;
  }
}
